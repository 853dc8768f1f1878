"""The dense index chosen by size: HNSW from a threshold, recorded in the manifest, loaded as recorded."""

from __future__ import annotations

import json
import math
from pathlib import Path

import numpy as np
import pytest

from bot import retrieval, store
from bot.config import Settings
from bot.embedding import FakeEmbedder
from bot.errors import IndexCorrupt
from bot.indexing import build, index_settings
from bot.schema import Chunk, Document

DIM = 32
PER_DOC = 100
DOCS = 12  # 1,200 chunk vectors: a graph worth walking, still built in well under a second


def generation(plan: store.DensePlan, seed: int = 0) -> store.Generation:
    """DOCS documents of PER_DOC one-sentence chunks with random unit vectors."""
    rng = np.random.default_rng(seed)
    documents, chunks, texts = [], [], []
    for d in range(DOCS):
        sentences = [f"Finding {i} of report {d} about topic{i % 7}." for i in range(PER_DOC)]
        text = " ".join(sentences)
        documents.append(Document(f"report-{d}.txt", text, {"organisation": f"Org {d}"}))
        at = 0
        for sentence in sentences:
            span = (at, at + len(sentence))
            chunks.append(Chunk(len(chunks), documents[-1].source, *span, (span,)))
            texts.append(sentence)
            at += len(sentence) + 1
    vectors = rng.standard_normal((len(chunks), DIM)).astype(np.float32)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
    manifest = {"schema_version": store.SCHEMA_VERSION, "settings": {}, "counts": {"chunks": len(chunks)}}
    return store.Generation(
        manifest, documents, chunks, vectors, vectors, texts, {"k1": 1.5, "b": 0.75}, dense=plan
    )


def written(tmp_path: Path, plan: store.DensePlan, name: str = "index") -> store.Index:
    store.write(tmp_path / name, generation(plan))
    return store.load(tmp_path / name, {})


def queries(n: int = 40) -> np.ndarray:
    rng = np.random.default_rng(1)
    q = rng.standard_normal((n, DIM)).astype(np.float32)
    return q / np.linalg.norm(q, axis=1, keepdims=True)


def overlap(a: list[tuple[int, float]], b: list[tuple[int, float]]) -> float:
    return len({i for i, _ in a} & {i for i, _ in b}) / max(len(b), 1)


HNSW = store.DensePlan(min_chunks=1000, kind="hnsw", m=16, ef_construction=64, ef_search=64)
IVF = store.DensePlan(
    min_chunks=1000, kind="ivf", probe_share=0.75, min_probe=1
)  # random vectors: no clusters
PLANS = {"hnsw": HNSW, "ivf": IVF}


def test_below_the_threshold_the_index_is_flat_and_says_so(tmp_path):
    index = written(tmp_path, store.DensePlan(min_chunks=DOCS * PER_DOC + 1))
    assert store.read_manifest(tmp_path / "index")["dense_index"] == {"kind": "flat"}
    assert index.dense_spec == {"kind": "flat"}


def test_from_the_threshold_an_hnsw_index_is_written_recorded_and_loaded(tmp_path):
    index = written(tmp_path, HNSW)
    recorded = store.read_manifest(tmp_path / "index")["dense_index"]
    assert recorded == {"kind": "hnsw", "M": 16, "ef_construction": 64, "ef_search": 64}
    assert index.dense_spec == recorded
    assert type(index._faiss).__name__ == "IndexHNSWFlat"
    assert index._faiss.hnsw.efSearch == 64


def test_from_the_threshold_an_ivf_index_is_written_recorded_and_loaded(tmp_path):
    index = written(tmp_path, IVF)
    recorded = store.read_manifest(tmp_path / "index")["dense_index"]
    lists = (DOCS * PER_DOC) // 39  # capped so each list has FAISS's 39 training points
    assert recorded == {"kind": "ivf", "nlist": lists, "nprobe": math.ceil(lists * 0.75)}
    assert index.dense_spec == recorded
    assert type(index._faiss).__name__ == "IndexIVFFlat"
    assert index._faiss.nprobe == recorded["nprobe"]


def test_the_default_plan_is_flat_for_small_indexes_and_ivf_for_large_ones():
    plan = store.DensePlan()
    assert plan.spec(store.ANN_MIN_CHUNKS - 1) == {"kind": "flat"}
    assert plan.spec(632_300) == {"kind": "ivf", "nlist": 1987, "nprobe": 125}
    assert plan.spec(63_230) == {"kind": "ivf", "nlist": 628, "nprobe": 96}


@pytest.mark.parametrize("kind", PLANS)
def test_the_approximate_index_finds_the_same_top_hits_as_flat(tmp_path, kind):
    approx = written(tmp_path, PLANS[kind], kind)
    flat = written(tmp_path, store.DensePlan(min_chunks=10**9), "flat")
    recalls = [overlap(approx.dense(q, 10), flat.dense(q, 10)) for q in queries()]
    assert np.mean(recalls) >= 0.95
    # exact=True searches every stored vector: flat's answer, scores included.
    for q in queries(10):
        got, want = approx.dense(q, 10, exact=True), flat.dense(q, 10)
        assert [i for i, _ in got] == [i for i, _ in want]
        assert np.allclose([s for _, s in got], [s for _, s in want], atol=1e-5)


@pytest.mark.parametrize("kind", PLANS)
@pytest.mark.parametrize("exact_max", [store.EXACT_MAX_ALLOWED, 0])  # exact among allowed; approximate
def test_approximate_search_respects_filters(tmp_path, monkeypatch, exact_max, kind):
    monkeypatch.setattr(store, "EXACT_MAX_ALLOWED", exact_max)
    approx = written(tmp_path, PLANS[kind], kind)
    flat = written(tmp_path, store.DensePlan(min_chunks=10**9), "flat")
    allowed = np.sort(np.concatenate([approx.chunk_ids()[f"report-{d}.txt"] for d in (2, 7)]))
    recalls = []
    for q in queries(20):
        got = approx.dense(q, 10, allowed)
        assert len(got) == 10 and {i for i, _ in got} <= set(allowed.tolist())
        recalls.append(overlap(got, flat.dense(q, 10, allowed)))
    assert np.mean(recalls) >= 0.95
    few = allowed[:3]
    assert {i for i, _ in approx.dense(queries(1)[0], 10, few)} == set(few.tolist())


def test_an_index_without_the_entry_loads_as_flat(tmp_path):
    written(tmp_path, store.DensePlan(min_chunks=10**9))
    gen = store.current_generation(tmp_path / "index")
    manifest = json.loads((gen / "manifest.json").read_text())
    del manifest["dense_index"]
    (gen / "manifest.json").write_text(json.dumps(manifest))
    index = store.load(tmp_path / "index", {})
    assert index.dense_spec == {"kind": "flat"}
    assert len(index.dense(queries(1)[0], 5)) == 5


def test_a_manifest_naming_another_kind_than_the_file_is_refused(tmp_path):
    written(tmp_path, store.DensePlan(min_chunks=10**9))
    gen = store.current_generation(tmp_path / "index")
    manifest = json.loads((gen / "manifest.json").read_text())
    manifest["dense_index"] = {"kind": "hnsw", "M": 16, "ef_construction": 64, "ef_search": 64}
    (gen / "manifest.json").write_text(json.dumps(manifest))
    with pytest.raises(IndexCorrupt, match="not the hnsw index"):
        store.load(tmp_path / "index", {})


def test_a_build_over_the_threshold_searches_like_a_flat_one(make_settings, monkeypatch, tmp_path):
    approx_settings = make_settings(ann_min_chunks=1)
    fake = FakeEmbedder()
    build(approx_settings, fake)
    approx = store.load(approx_settings.index, index_settings(approx_settings, fake))
    assert approx.dense_spec["kind"] == store.ANN_KIND
    monkeypatch.setattr(store, "ANN_MIN_CHUNKS", 10**9)
    flat_settings = Settings(sources=approx_settings.sources, index=tmp_path / "flat")
    build(flat_settings, fake)
    flat = store.load(flat_settings.index, index_settings(flat_settings, fake))
    assert flat.dense_spec == {"kind": "flat"}
    question = "How well does the force tackle burglary and support victims?"
    vector = fake.embed([question])[0]
    got = retrieval.search(approx, vector, question, k=5)
    want = retrieval.search(flat, vector, question, k=5)
    assert [h.chunk.id for h in got] == [h.chunk.id for h in want]


def test_top_k_orders_like_a_stable_sort():
    rng = np.random.default_rng(3)
    scores = rng.integers(0, 5, 500).astype(np.float32)  # many ties
    ids = np.arange(500)
    for k in (0, 1, 7, 40, 500, 600):
        assert store.top_k(ids, scores, k).tolist() == np.argsort(-scores, kind="stable")[:k].tolist()
