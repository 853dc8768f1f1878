"""Answer receipts, and python -m bot verify re-checking an exported answer's quotes after sources change."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from bot import export, receipts
from bot.config import ROOT
from bot.embedding import FakeEmbedder
from bot.engine import Engine
from bot.errors import BotError
from bot.indexing import build

BARSET = "Barset Police keeps careful records of stolen bicycles.\n\nIt answers 999 calls quickly."
WREKIN = "Wrekin Constabulary records stolen bicycles online and victims get a crime number."


def answered(settings) -> tuple[Engine, dict]:
    build(settings, FakeEmbedder())
    engine = Engine(settings, FakeEmbedder())
    return engine, engine.ask("How are stolen bicycles recorded?").to_json()


def test_every_answer_carries_its_receipt(make_settings):
    settings = make_settings({"barset.txt": BARSET, "wrekin.txt": WREKIN}, seed=False)
    engine, record = answered(settings)
    made = record["receipt"]
    assert made["index"] == engine.index.manifest["fingerprint"] and made["documents"] == 2
    assert made["model_sha256"] == engine.index.manifest["settings"]["model_sha256"]
    assert made["encoder"] and made["built_at"] == engine.index.manifest["built_at"]
    assert "Receipt: index " + made["index"] in export.answer_markdown(record)
    assert json.loads(export.answer_json(record))["receipt"] == made


def test_verify_says_which_quotes_stand_moved_changed_or_gone(make_settings, tmp_path: Path):
    settings = make_settings({"barset.txt": BARSET, "wrekin.txt": WREKIN}, seed=False)
    engine, record = answered(settings)
    assert {c["source"] for c in record["citations"]} == {"barset.txt", "wrekin.txt"}
    fresh = receipts.verify(record, engine.index)
    assert fresh["same_index"] and fresh["all_stand"] and {q["status"] for q in fresh["quotes"]} == {"stands"}

    (settings.sources / "barset.txt").write_text("A new first line.\n\n" + BARSET, encoding="utf-8")
    (settings.sources / "wrekin.txt").unlink()
    build(settings, FakeEmbedder())
    later = receipts.verify(record, Engine(settings, FakeEmbedder()).index)
    status = {q["source"]: q["status"] for q in later["quotes"]}
    assert status == {"barset.txt": "moved", "wrekin.txt": "gone"} and not later["same_index"]
    moved = next(q for q in later["quotes"] if q["status"] == "moved")
    text = (settings.sources / "barset.txt").read_text(encoding="utf-8")
    assert text[moved["start"] : moved["end"]] == moved["quote"]

    (settings.sources / "barset.txt").write_text("Barset Police lost its bicycle records.", encoding="utf-8")
    build(settings, FakeEmbedder())
    last = receipts.verify(record, Engine(settings, FakeEmbedder()).index)
    assert {q["source"]: q["status"] for q in last["quotes"]}["barset.txt"] == "changed"
    assert not last["all_stand"]


def test_exports_of_every_shape_are_read_and_others_refused(tmp_path: Path):
    record = {"question": "q", "citations": []}
    for name, text in {
        "one.json": json.dumps(record),
        "conversation.json": json.dumps([record, record]),
        "lines.jsonl": json.dumps(record) + "\n" + json.dumps(record) + "\n",
    }.items():
        (tmp_path / name).write_text(text)
        assert receipts.read_export(tmp_path / name)[0] == record
    for name, text in {"a.md": "# Answer", "b.json": '{"question": "no citations"}', "c.json": "[]"}.items():
        (tmp_path / name).write_text(text)
        with pytest.raises(BotError):
            receipts.read_export(tmp_path / name)
    with pytest.raises(BotError, match="cannot read"):
        receipts.read_export(tmp_path / "missing.json")


def test_cli_verify(make_settings, tmp_path: Path):
    settings = make_settings({"barset.txt": BARSET, "wrekin.txt": WREKIN}, seed=False)
    _, record = answered(settings)
    path = tmp_path / "conversation.json"
    path.write_text(export.conversation_json([record]))
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env |= {"BOT_INDEX": str(settings.index), "HF_HUB_OFFLINE": "1"}
    command = [sys.executable, "-m", "bot", "verify", str(path), "--json"]
    done = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0 and not done.stderr, done.stderr
    result = json.loads(done.stdout)
    assert result["all_stand"] and result["question"] == record["question"]
