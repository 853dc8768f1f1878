"""The command contracts of python -m bot: build, info, show, search, ask (real model, one index)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import docmaker
import pytest

from bot import store

ROOT = Path(__file__).resolve().parents[1]
SEED = "hmi-wendy-williams-assessment-west-midlands-police-transcript.txt"
AWKWARD = "Barset & Wrekin/report 'final' – ünïcödé.txt"
PDF = "barset/children's services inspection - 09 may 2025.pdf"
QUESTIONS = [
    "What concerns are there about domestic abuse?",
    "How good is Barset Police at tackling burglary?",
    "What is the weather like on Mars today?",
]
CITATION_KEYS = {"n", "source", "title", "quote", "start", "end", "page", "printed_page", "paragraph"}
CITATION_KEYS |= {"date", "url", "support"}


def run(*args: object, index: Path | None = None) -> subprocess.CompletedProcess[str]:
    """python -m bot ARGS in a clean environment (BOT_INDEX names the index when given)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env["HF_HUB_OFFLINE"] = "1"
    if index is not None:
        env["BOT_INDEX"] = str(index)
    command = [sys.executable, "-m", "bot", *map(str, args)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def records(done: subprocess.CompletedProcess[str]) -> list[dict]:
    """The JSON lines of a successful --json command, which must print nothing on stderr."""
    assert done.returncode == 0, done.stderr
    assert done.stderr == "", done.stderr
    return [json.loads(line) for line in done.stdout.splitlines()]


def one_line_error(done: subprocess.CompletedProcess[str]) -> str:
    """A failed command: non-zero exit, nothing on stdout, exactly one line on stderr."""
    assert done.returncode != 0
    assert done.stdout == ""
    lines = done.stderr.splitlines()
    assert len(lines) == 1 and lines[0].strip(), done.stderr
    return lines[0]


@pytest.fixture(scope="module")
def built(tmp_path_factory, sources_writer):
    """One index over the seed, a PDF, an awkwardly named text, and two files that must be skipped."""
    root = tmp_path_factory.mktemp("cli")
    pdf = docmaker.make_pdf(
        root / "report.pdf",
        [
            ["Barset Police is good at tackling burglary and keeps victims informed."],
            ["Leaders are visible."],
        ],
        footer="Page {n}",
    )
    files = {
        SEED: (ROOT / "sources" / SEED).read_bytes(),
        "catalog.csv": (ROOT / "sources" / "catalog.csv").read_bytes(),
        AWKWARD: "Wrekin report. The force keeps good records of missing people.",
        PDF: pdf.read_bytes(),
        "empty.txt": b"",
        "scan.xyz": "an unsupported format",
        "corrupt.pdf": b"%PDF-1.4 garbage",  # pypdf complains: not a word of it may reach stderr
    }
    sources = sources_writer(root / "sources", files)
    index = root / "index"
    done = run("build", "--sources", sources, "--index", index, "--json")
    return index, sources, done


@pytest.fixture(scope="module")
def searched(built):
    return records(run("search", *QUESTIONS, "--k", "4", "--json", index=built[0]))


@pytest.fixture(scope="module")
def asked(built):
    return records(run("ask", *QUESTIONS, "--json", index=built[0]))


def show(index: Path, source: str) -> dict:
    (record,) = records(run("show", source, "--json", index=index))
    return record


@pytest.fixture(scope="module")
def shown(built):
    """show SOURCE --json, run once per source."""
    cache: dict[str, str] = {}

    def text(source: str) -> str:
        if source not in cache:
            cache[source] = show(built[0], source)["text"]
        return cache[source]

    return text


def test_build_json_reports_indexed_and_skipped(built):
    _, _, done = built
    (report,) = records(done)
    assert {"documents", "chunks", "embedded", "skipped", "seconds"} <= set(report)
    assert report["documents"] == 3
    assert report["embedded"] == report["chunks"] > 3
    skipped = {s["source"]: s["reason"] for s in report["skipped"]}
    assert set(skipped) == {"empty.txt", "scan.xyz", "corrupt.pdf"}
    assert "empty" in skipped["empty.txt"] and "unsupported" in skipped["scan.xyz"]
    assert isinstance(report["seconds"], float)


def test_rebuild_without_changes_embeds_nothing(built):
    index, sources, _ = built
    (report,) = records(run("build", "--sources", sources, "--index", index, "--json"))
    assert report["embedded"] == 0 and report["documents"] == 3


def test_info_json_summarises_the_manifest(built):
    index = built[0]
    (info,) = records(run("info", "--index", index, "--json"))
    assert info["counts"]["documents"] == 3
    assert info["settings"]["model"] == "sentence-transformers/all-MiniLM-L6-v2"
    assert {d["path"] for d in info["documents"]} == {SEED, AWKWARD, PDF}
    assert info["fingerprint"] == store.read_manifest(index)["fingerprint"]
    human = run("info", "--index", index)
    assert human.returncode == 0 and "3 documents" in human.stdout


def test_show_json_returns_the_document(built):
    record = show(built[0], AWKWARD)
    assert {"source", "title", "text", "metadata"} <= set(record)
    assert record["source"] == AWKWARD
    assert record["text"] == "Wrekin report. The force keeps good records of missing people."
    assert record["metadata"]["organisation"] == "Barset & Wrekin"
    seed = show(built[0], SEED)
    assert seed["title"] == "HMI Wendy Williams' assessment of West Midlands Police – Transcript"
    assert seed["metadata"]["date"] == "2017-03-02"


def test_search_json_contract_and_spans(built, searched, shown):
    index = built[0]
    chunks = {(c["source"], c["start"], c["end"]) for c in chunk_records(index)}
    assert [r["question"] for r in searched] == QUESTIONS
    for record in searched:
        assert record["timings_ms"]["total"] >= 0
        for hit in record["hits"]:
            assert set(hit) >= {"source", "title", "start", "end", "score", "page", "paragraph"}
            assert (hit["source"], hit["start"], hit["end"]) in chunks
            assert shown(hit["source"])[hit["start"] : hit["end"]].strip()
            assert isinstance(hit["page"], int) is (hit["source"] == PDF)
    first = searched[0]["hits"][0]
    assert first["source"] == SEED and "domestic abuse" in shown(SEED)[first["start"] : first["end"]]
    assert searched[1]["hits"][0]["source"] == PDF


def chunk_records(index: Path) -> list[dict]:
    gen = store.current_generation(index)
    return [json.loads(line) for line in (gen / "chunks.jsonl").read_text(encoding="utf-8").splitlines()]


def test_ask_json_contract(asked):
    assert [r["question"] for r in asked] == QUESTIONS
    for record in asked:
        assert {"question", "answer", "refused", "reason", "mode", "fallback_reason", "unsupported"} <= set(
            record
        )
        assert record["mode"] == "extractive" and isinstance(record["unsupported"], list)
        assert isinstance(record["notes"], list)
        assert set(record["timings_ms"]) >= {"retrieve", "compose", "total"}
        assert all(record["timings_ms"][k] >= 0 for k in ("retrieve", "compose", "total"))
        assert isinstance(record["answer"], str) and record["answer"]
        if record["refused"]:
            assert record["reason"]
        for n, citation in enumerate(record["citations"], start=1):
            assert set(citation) == CITATION_KEYS and citation["n"] == n
    answered = asked[0]
    assert not answered["refused"] and answered["citations"], answered
    assert "[1]" in answered["answer"]


def test_every_quote_is_the_shown_text_at_its_span(asked, shown):
    citations = [c for record in asked for c in record["citations"]]
    assert citations
    for c in citations:
        assert shown(c["source"])[c["start"] : c["end"]] == c["quote"]
    seed = [c for c in citations if c["source"] == SEED]
    assert seed and all(c["date"] == "2017-03-02" and c["url"].startswith("https://") for c in seed)


@pytest.mark.parametrize(
    "args",
    [["info", "--json"], ["show", SEED, "--json"], ["search", "burglary", "--json"], ["ask", "burglary"]],
)
def test_missing_index_is_one_line_naming_the_build_command(tmp_path, args):
    line = one_line_error(run(*args, index=tmp_path / "no-index"))
    assert "python -m bot build" in line


def test_unknown_source_is_one_line(built):
    line = one_line_error(run("show", "nope.txt", "--json", index=built[0]))
    assert "nope.txt" in line


@pytest.mark.parametrize("question", ["", "   \t "])
def test_empty_question_is_one_line(built, question):
    line = one_line_error(run("ask", question, "--json", index=built[0]))
    assert "empty" in line


def test_bad_arguments_and_folders_are_one_line(tmp_path):
    assert "sources" in one_line_error(
        run("build", "--sources", tmp_path / "nope", "--index", tmp_path / "i")
    )
    assert "--k" in one_line_error(run("search", "q", "--k", "0", "--json", index=tmp_path))
    assert "BOT_K" in one_line_error(run_with_env({"BOT_K": "many"}, "info", "--index", tmp_path))


def run_with_env(extra: dict[str, str], *args: object) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")} | extra
    command = [sys.executable, "-m", "bot", *map(str, args)]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)
