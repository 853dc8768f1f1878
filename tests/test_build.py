"""Building and loading the index: manifest, safe formats, mismatches, atomicity, increments, bad files."""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import subprocess
import sys
import threading
from pathlib import Path

import docmaker
import numpy as np
import pytest

from bot import store
from bot.config import MODEL_SHA256
from bot.embedding import FakeEmbedder, SentenceTransformerEmbedder
from bot.errors import BotError, IndexCorrupt, IndexMismatch, IndexMissing
from bot.indexing import build, index_settings

ROOT = Path(__file__).resolve().parents[1]
SEED = "hmi-wendy-williams-assessment-west-midlands-police-transcript.txt"
B_TEXT = "Barset report. The force is good at tackling burglary.\n\nLeaders are visible and trusted."


def load(settings, embedder=None) -> store.Index:
    return store.load(settings.index, index_settings(settings, embedder or FakeEmbedder()))


def sources_of(settings) -> dict[str, dict]:
    return {s["path"]: s for s in store.read_manifest(settings.index)["sources"]}


def fingerprint(settings) -> str:
    return store.read_manifest(settings.index)["fingerprint"]


def generations(settings) -> list[str]:
    return sorted(p.name for p in settings.index.iterdir() if p.is_dir())


def check_rows_match_a_fresh_embedding(index: store.Index) -> None:
    """Row i of FAISS is chunk i, and each chunk's stored sentence vectors are those of its own sentences."""
    fake = FakeEmbedder()
    assert [c.id for c in index.chunks] == list(range(len(index.chunks)))
    assert index._faiss.ntotal == len(index.chunks)
    for chunk in index.chunks:
        text = index.documents[chunk.source].text
        fresh = fake.embed([text[s:e] for s, e in chunk.sentences])
        assert np.allclose(index.sentence_vectors_of(chunk.id), fresh, atol=1e-6), chunk


# ---------------------------------------------------------------- manifest and formats


def test_manifest_records_settings_sources_and_counts(make_settings):
    settings = make_settings({"barset/b.txt": B_TEXT})
    report = build(settings, FakeEmbedder())
    manifest = store.read_manifest(settings.index)
    assert manifest["schema_version"] == store.SCHEMA_VERSION
    built = manifest["settings"]
    assert (built["model"], built["model_sha256"], built["dim"]) == ("fake-hash-embedder", "0" * 64, 256)
    assert (built["chunk_chars"], built["max_sentence_chars"]) == (700, 600)
    assert (built["bm25_k1"], built["bm25_b"]) == (1.5, 0.75) and built["tokenizer"] == store.TOKENIZER
    sources = sources_of(settings)
    assert set(sources) == {SEED, "barset/b.txt"}
    for path, entry in sources.items():
        assert entry["sha256"] == hashlib.sha256((settings.sources / path).read_bytes()).hexdigest()
        assert entry["chunks"] >= 1 and entry["chars"] > 0 and entry["reused"] is False
    index = load(settings)
    counts = manifest["counts"]
    assert counts == {
        "documents": 2,
        "chunks": len(index.chunks),
        "sentences": sum(len(c.sentences) for c in index.chunks),
    }
    assert report.documents == 2 and report.chunks == report.embedded == len(index.chunks)
    assert re.fullmatch(r"[0-9a-f]{16}", manifest["fingerprint"])
    assert report.index == str(settings.index / (settings.index / "CURRENT").read_text().strip())
    check_rows_match_a_fresh_embedding(index)


def test_index_holds_no_pickle(make_settings):
    settings = make_settings({"b.txt": B_TEXT})
    build(settings, FakeEmbedder())
    allowed = {".json", ".jsonl", ".npy", ".faiss"}
    files = [p for p in settings.index.rglob("*") if p.is_file()]
    assert any(p.suffix == ".npy" for p in files) and any(p.suffix == ".faiss" for p in files)
    for path in files:
        assert path.suffix in allowed or path.name in {"CURRENT", ".build.lock"}, path.name
        assert path.read_bytes()[:1] != b"\x80", f"{path.name} starts like a pickle"
        if path.suffix == ".npy":
            assert np.load(path, allow_pickle=False).dtype != object
        if path.suffix == ".json":
            json.loads(path.read_text(encoding="utf-8"))
        if path.suffix == ".jsonl":
            assert all(json.loads(line) for line in path.read_text(encoding="utf-8").splitlines())


# ---------------------------------------------------------------- loading refuses mismatches


@pytest.mark.parametrize(
    "change, key", [({"chunk_chars": 500}, "chunk_chars"), ({"bm25_k1": 1.2}, "bm25_k1")]
)
def test_other_settings_are_refused(make_settings, change, key):
    settings = make_settings()
    build(settings, FakeEmbedder())
    with pytest.raises(IndexMismatch, match="python -m bot build") as info:
        load(make_settings(**change))
    assert key in str(info.value)


def test_fake_index_is_refused_for_the_real_model(make_settings):
    settings = make_settings()
    build(settings, FakeEmbedder())
    with pytest.raises(IndexMismatch, match=r"model.*python -m bot build"):
        load(settings, SentenceTransformerEmbedder())  # index_settings only reads its name and sha


class OtherRuntime(FakeEmbedder):
    """The same model run by another runtime or precision: its vectors are not the ones in the index."""

    encoder = "onnxruntime-int8"
    encoder_sha256 = "1" * 64


def test_an_index_is_searched_only_with_the_encoder_that_built_it(make_settings):
    settings = make_settings()
    build(settings, FakeEmbedder())
    built = store.read_manifest(settings.index)["settings"]
    assert (built["encoder"], built["encoder_sha256"]) == ("fake", "0" * 64)
    with pytest.raises(
        IndexMismatch, match=r"encoder='fake', settings say 'onnxruntime-int8'.*build --force"
    ):
        load(settings, OtherRuntime())


def test_real_index_finds_by_meaning_and_is_refused_for_the_fake(make_settings, embedder):
    settings = make_settings()
    report = build(settings, embedder)
    built = store.read_manifest(settings.index)["settings"]
    assert (built["model_sha256"], built["dim"]) == (MODEL_SHA256, 384)
    index = load(settings, embedder)
    (top, _), *_ = index.dense(embedder.embed(["How are victims of violence at home protected?"])[0], 3)
    chunk = index.chunks[top]
    assert "domestic abuse" in index.documents[SEED].text[chunk.start : chunk.end]
    assert report.embedded == len(index.chunks)
    with pytest.raises(IndexMismatch, match="python -m bot build"):
        load(settings, FakeEmbedder())


def test_missing_old_and_damaged_indexes(make_settings):
    settings = make_settings()
    with pytest.raises(IndexMissing, match="python -m bot build"):
        load(settings)
    build(settings, FakeEmbedder())
    gen = store.current_generation(settings.index)
    manifest = json.loads((gen / "manifest.json").read_text())
    (gen / "manifest.json").write_text(json.dumps({**manifest, "schema_version": 0}))
    with pytest.raises(IndexMismatch, match="python -m bot build"):
        load(settings)
    (gen / "manifest.json").write_text(json.dumps(manifest))
    chunks = (gen / "chunks.jsonl").read_text().splitlines()
    (gen / "chunks.jsonl").write_text("\n".join(chunks[:-1]))  # one chunk record lost
    with pytest.raises(IndexCorrupt, match="python -m bot build"):
        load(settings)
    (gen / "chunks.faiss").write_bytes(b"not faiss")
    with pytest.raises(IndexCorrupt, match="python -m bot build"):
        load(settings)


# ---------------------------------------------------------------- atomic builds

KILL = """
import os, signal, sys
from pathlib import Path
from bot import store
from bot.config import Settings
from bot.embedding import FakeEmbedder
from bot.indexing import build

sources, index, point, when = sys.argv[1:]
original = getattr(store, point)

def die(*args):
    if when == "after":
        original(*args)
    os.kill(os.getpid(), signal.SIGKILL)

setattr(store, point, die)
build(Settings(sources=Path(sources), index=Path(index)), FakeEmbedder())
"""


@pytest.mark.parametrize(
    "point, when, survives",
    [
        ("_write_jsonl", "after", "old"),  # half-written new generation
        ("_switch_pointer", "before", "old"),  # complete new generation, pointer not switched
        ("_switch_pointer", "after", "new"),  # switched, old generation not yet removed
    ],
)
def test_a_killed_build_leaves_a_loadable_index(make_settings, point, when, survives):
    settings = make_settings()
    build(settings, FakeEmbedder())
    old = fingerprint(settings)
    make_settings({"b.txt": B_TEXT})
    args = [sys.executable, "-c", KILL, str(settings.sources), str(settings.index), point, when]
    done = subprocess.run(args, cwd=ROOT, capture_output=True, timeout=120)
    assert done.returncode == -9, done.stderr.decode()[-2000:]
    assert len(generations(settings)) == 2, "the kill did not happen mid-build"
    index = load(settings)
    assert (fingerprint(settings) == old) is (survives == "old")
    assert ("b.txt" in index.documents) is (survives == "new")
    assert index.lexical("domestic abuse", 3), "the surviving index cannot answer"
    report = build(settings, FakeEmbedder())
    assert set(load(settings).documents) == {SEED, "b.txt"}
    assert report.embedded == (0 if survives == "new" else sources_of(settings)["b.txt"]["chunks"])
    assert generations(settings) == [store.current_generation(settings.index).name]


def test_an_interrupted_build_leaves_the_previous_index(make_settings, monkeypatch):
    settings = make_settings()
    build(settings, FakeEmbedder())
    old = fingerprint(settings)
    make_settings({"b.txt": B_TEXT})

    def half_written(folder, gen):
        store._write_jsonl(folder / "documents.jsonl", (d.to_json() for d in gen.documents))
        raise KeyboardInterrupt

    monkeypatch.setattr(store, "_write_files", half_written)
    with pytest.raises(KeyboardInterrupt):
        build(settings, FakeEmbedder())
    monkeypatch.undo()
    assert fingerprint(settings) == old and set(load(settings).documents) == {SEED}
    assert generations(settings) == [store.current_generation(settings.index).name], "a tmp folder was left"
    assert build(settings, FakeEmbedder()).documents == 2


def test_a_second_build_at_once_is_refused(make_settings):
    settings = make_settings()
    settings.index.mkdir()
    with (settings.index / ".build.lock").open("w") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        with pytest.raises(BotError, match="another build is running"):
            build(settings, FakeEmbedder())
    assert build(settings, FakeEmbedder()).documents == 1


# ---------------------------------------------------------------- incremental builds


def test_incremental_builds_embed_only_what_changed(make_settings):
    settings = make_settings({"b.txt": B_TEXT})
    first = build(settings, FakeEmbedder())
    assert first.embedded == first.chunks
    vectors = load(settings).sentence_vectors.copy()

    again = build(settings, FakeEmbedder())
    assert (again.embedded, again.chunks) == (0, first.chunks)
    assert all(s["reused"] for s in sources_of(settings).values())
    assert np.array_equal(load(settings).sentence_vectors, vectors)

    added = build(make_settings({"a-new.md": "# New\n\nA new report. It sorts first."}), FakeEmbedder())
    assert added.embedded == sources_of(settings)["a-new.md"]["chunks"] > 0
    assert added.documents == 3 and added.chunks == first.chunks + added.embedded
    check_rows_match_a_fresh_embedding(load(settings))

    changed = build(
        make_settings({"b.txt": B_TEXT + "\n\n" + "Another paragraph here. " * 40}), FakeEmbedder()
    )
    entries = sources_of(settings)
    assert changed.embedded == entries["b.txt"]["chunks"] >= 2
    assert [p for p, e in entries.items() if not e["reused"]] == ["b.txt"]
    check_rows_match_a_fresh_embedding(load(settings))

    (settings.sources / "a-new.md").unlink()
    removed = build(settings, FakeEmbedder())
    index = load(settings)
    assert removed.embedded == 0 and removed.documents == 2
    assert "a-new.md" not in index.documents and all(c.source != "a-new.md" for c in index.chunks)
    check_rows_match_a_fresh_embedding(index)

    forced = build(settings, FakeEmbedder(), force=True)
    assert forced.embedded == forced.chunks == len(index.chunks)


def test_other_settings_rebuild_everything(make_settings):
    settings = make_settings({"b.txt": B_TEXT})
    build(settings, FakeEmbedder())
    smaller = make_settings(chunk_chars=200)
    report = build(smaller, FakeEmbedder())
    assert report.embedded == report.chunks == len(load(smaller).chunks)


def test_catalog_changes_update_metadata_without_embedding(make_settings):
    settings = make_settings({"b.txt": B_TEXT})
    build(settings, FakeEmbedder())
    catalog = "path,title,organisation,grade\nb.txt,Barset inspection,Barset Police,Good\nb-typo.txt,X,,\n"
    report = build(make_settings({"catalog.csv": catalog}), FakeEmbedder())
    assert report.embedded == 0 and report.documents == 2  # the catalog is not a document
    meta = load(settings).documents["b.txt"].metadata
    assert (meta["title"], meta["organisation"], meta["grade"]) == (
        "Barset inspection",
        "Barset Police",
        "Good",
    )
    assert any("b-typo.txt" in w for w in report.warnings), report.warnings


# ---------------------------------------------------------------- bad input


@pytest.fixture
def awkward(make_settings, tmp_path):
    """A sources folder with every kind of bad file, plus good files with awkward names."""
    good_pdf = docmaker.make_pdf(
        tmp_path / "good.pdf", [["The force is good at keeping people safe."], ["Page two."]]
    )
    outside = tmp_path / "outside.txt"
    outside.write_text("A file outside the sources folder.")
    files = {
        "empty.txt": b"",
        "binary.txt": b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4,
        "corrupt.pdf": b"%PDF-1.4 garbage",
        "picture.png": b"\x89PNG\r\n",
        "notes.xyz": "text in an unknown format",
        "report 2024.pdf": good_pdf.read_bytes(),
        "Telford & Wrekin/inspection 'final' \"draft\" – Zürich ünïcödé.txt": "Ampersands & quotes. Café.",
        "notes (copy) #1.md": "# Notes\n\nA note about policing.",
    }
    settings = make_settings(files)
    docmaker.make_corrupt_pdf(settings.sources / "corrupt2.pdf")
    docmaker.make_encrypted_pdf(settings.sources / "encrypted.pdf", good_pdf)
    docmaker.make_zero_page_pdf(settings.sources / "zero pages.pdf")
    (settings.sources / "link.txt").symlink_to(outside)
    os.mkfifo(settings.sources / "pipe.txt")
    with open(os.path.join(os.fsencode(settings.sources), b"latin1-\xe9.txt"), "wb") as fh:
        fh.write(b"A name that is not UTF-8.")
    return settings


SKIPPED = {
    "empty.txt": "empty",
    "binary.txt": "binary",
    "corrupt.pdf": "pdf",
    "corrupt2.pdf": "pdf",
    "encrypted.pdf": "encrypt|password",
    "zero pages.pdf": "page",
    "picture.png": "unsupported",
    "notes.xyz": "unsupported",
    "link.txt": "outside",
    "pipe.txt": "regular file",
    "latin1-\ufffd.txt": "UTF-8",
}


def build_beside_a_pipe(settings, pipe: Path):
    """Build; should the build block reading the pipe, a writer closes it so the test fails, not hangs."""
    timer = threading.Timer(10, close_pipe, [pipe])
    timer.start()
    try:
        return build(settings, FakeEmbedder())
    finally:
        timer.cancel()


def close_pipe(pipe: Path) -> None:
    try:
        os.close(os.open(pipe, os.O_WRONLY | os.O_NONBLOCK))
    except OSError:
        pass  # nobody is reading it


def test_bad_files_are_skipped_with_reasons_and_the_rest_indexed(awkward):
    report = build_beside_a_pipe(awkward, awkward.sources / "pipe.txt")
    reasons = {s["source"]: s["reason"] for s in report.skipped}
    assert set(reasons) == set(SKIPPED)
    for source, pattern in SKIPPED.items():
        assert re.search(pattern, reasons[source], re.I), (source, reasons[source])
    index = load(awkward)
    assert set(index.documents) == {
        SEED,
        "report 2024.pdf",
        "Telford & Wrekin/inspection 'final' \"draft\" – Zürich ünïcödé.txt",
        "notes (copy) #1.md",
    }
    assert report.documents == 4
    pdf = index.documents["report 2024.pdf"]
    assert sources_of(awkward)["report 2024.pdf"]["pages"] == 2 and pdf.page_at(0).page == 1
    assert index.documents["Telford & Wrekin/inspection 'final' \"draft\" – Zürich ünïcödé.txt"].metadata[
        "organisation"
    ] == ("Telford & Wrekin")
    json.dumps(report.to_json(), ensure_ascii=False).encode("utf-8")  # the --json line can be printed


def test_files_over_the_size_limit_are_skipped(make_settings):
    settings = make_settings({"small.txt": "A small report. It fits."}, max_file_mb=0.001)
    report = build(settings, FakeEmbedder())
    (skip,) = report.skipped
    assert skip["source"] == SEED and "MB" in skip["reason"] and "BOT_MAX_FILE_MB" in skip["reason"]
    assert not re.search(r"\b0 MB", skip["reason"]), "a 2 KB file is not 0 MB"
    assert set(load(settings).documents) == {"small.txt"}


def test_missing_sources_folder_is_a_clear_error(tmp_path, make_settings):
    settings = make_settings()
    with pytest.raises(BotError, match="BOT_SOURCES"):
        build(type(settings)(sources=tmp_path / "nope", index=settings.index), FakeEmbedder())


def test_a_build_where_every_file_is_skipped_keeps_the_previous_index(make_settings):
    settings = make_settings()
    build(settings, FakeEmbedder())
    (settings.sources / SEED).unlink()
    (settings.sources / "empty.txt").write_text("", encoding="utf-8")
    with pytest.raises(BotError, match=r"previous index \(1 document\) is kept"):
        build(settings, FakeEmbedder())
    assert set(load(settings).documents) == {SEED}


def test_an_empty_first_build_is_allowed(make_settings):
    settings = make_settings({"empty.txt": ""}, seed=False)
    report = build(settings, FakeEmbedder())
    assert report.documents == 0 and report.skipped


def test_a_long_sentence_repeated_in_three_reports_is_boilerplate(make_settings):
    method = "Inspectors looked at a range of records and spoke to staff, managers and partner agencies."
    own = "finds that leaders act quickly when children are at risk of harm from criminal exploitation."
    files = {f"{n}.txt": f"{method}\n\n{n} {own}" for n in ("Barset", "Wessex", "Loamshire")}
    settings = make_settings(files, seed=False)
    build(settings, FakeEmbedder())
    index = load(settings)
    text = index.documents["Barset.txt"].text
    start = text.index(method)
    assert index.is_boilerplate("Barset.txt", start, start + len(method))
    assert not index.is_boilerplate("Barset.txt", text.index("Barset"), len(text)), "each report's own words"


def test_the_same_report_twice_is_indexed_once(make_settings):
    report_text = "Barset Police keeps good records of stolen bicycles. Leaders are visible."
    settings = make_settings({"a copy.txt": report_text, "barset.txt": report_text})
    (settings.sources / "aa link to seed.txt").symlink_to(settings.sources / SEED)
    report = build(settings, FakeEmbedder())
    reasons = {s["source"]: s["reason"] for s in report.skipped}
    assert reasons == {
        "barset.txt": "same content as a copy.txt",
        "aa link to seed.txt": f"same content as {SEED}",
    }
    assert set(load(settings).documents) == {SEED, "a copy.txt"}


def test_a_build_tells_its_progress_through_both_stages(make_settings):
    settings = make_settings({"barset.txt": "Barset Police keeps good records. Leaders are visible."})
    steps: list[tuple[str, int, int]] = []
    build(settings, FakeEmbedder(), progress=lambda *step: steps.append(step))
    assert steps[0] == ("documents", 0, 2) and ("documents", 2, 2) in steps
    sentences = [s for s in steps if s[0] == "sentences"]
    assert sentences[0][1] == 0 and sentences[-1][1] == sentences[-1][2] > 0


def test_each_distinct_sentence_is_embedded_once_shortest_first(make_settings):
    seen: list[str] = []

    class Counting(FakeEmbedder):
        def embed(self, texts):
            seen.extend(texts)
            return super().embed(texts)

    shared = "Ofsted will monitor the progress of the local authority."
    settings = make_settings(
        {"a.txt": f"Leaders are visible.\n\n{shared}", "b.txt": f"Caseloads are high in Barset.\n\n{shared}"},
        seed=False,
    )
    build(settings, Counting())
    sentences = [s for s in seen if " " in s]  # the vocabulary's words are embedded after the sentences
    assert sorted(sentences) == sorted({"Leaders are visible.", "Caseloads are high in Barset.", shared})
    assert [len(s) for s in sentences] == sorted(len(s) for s in sentences)
    index = load(settings, Counting())
    assert index.sentence_vectors.shape[0] == 4  # every sentence of every document has its row
    a, b = (index.sentence_vector(s, index.documents[s].text.index(shared)) for s in ("a.txt", "b.txt"))
    assert a is not None and b is not None and np.array_equal(a, b) and a.any()
