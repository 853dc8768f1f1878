"""Embedders: the bundled model (verified, offline, lazy) on ONNX Runtime or PyTorch, and a fake for tests."""

from __future__ import annotations

import hashlib
import importlib.util
import re
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable
from typing import Protocol

import numpy as np

from bot.config import ENCODERS, Settings
from bot.embedding.onnx_encoder import OnnxEmbedder
from bot.embedding.torch_encoder import SentenceTransformerEmbedder
from bot.embedding.weights import file_sha256, model_path
from bot.errors import ModelError

__all__ = [
    "CachedQueries",
    "Embedder",
    "FakeEmbedder",
    "OnnxEmbedder",
    "SentenceTransformerEmbedder",
    "embed_all",
    "file_sha256",
    "for_settings",
    "model_path",
]


class Embedder(Protocol):
    """Turns texts into L2-normalised float32 vectors."""

    name: str
    sha256: str
    dim: int
    encoder: str  # the runtime and precision, e.g. onnxruntime-fp32

    @property
    def encoder_sha256(self) -> str:
        """sha256 of what the encoder runs (the ONNX file, or the weights for PyTorch)."""
        ...

    def embed(self, texts: list[str]) -> np.ndarray:
        """Vectors for texts, one row each."""
        ...


def for_settings(settings: Settings) -> Embedder:
    """The encoder the settings name (BOT_ENCODER); PyTorch when ONNX Runtime is not installed."""
    if settings.encoder not in ENCODERS:
        raise ModelError(f"encoder {settings.encoder!r} is not one of {', '.join(ENCODERS)}")
    if settings.encoder == "torch":
        return SentenceTransformerEmbedder(settings.model_sha256)
    if importlib.util.find_spec("onnxruntime") is None:
        print("onnxruntime is not installed: embedding with PyTorch (slower)", file=sys.stderr)
        return SentenceTransformerEmbedder(settings.model_sha256)
    precision = "int8" if settings.encoder == "onnx-int8" else "fp32"
    return OnnxEmbedder(settings.model_cache, settings.model_sha256, precision)


def embed_all(
    embedder: Embedder, texts: list[str], tell: Callable[[int, int], None] | None = None, step: int = 256
) -> np.ndarray:
    """Vectors for many texts, telling (done, total) as it goes.

    Each distinct text is embedded once (reports repeat boilerplate), in order of length so every batch
    holds texts of about one length and little of the model's work is padding.
    """
    distinct = list(dict.fromkeys(texts))
    order = sorted(range(len(distinct)), key=lambda i: len(distinct[i]))
    found = np.zeros((len(distinct), embedder.dim), dtype=np.float32)
    for at in range(0, len(order), step):
        if tell:
            tell(at, len(order))
        rows = order[at : at + step]
        found[rows] = embedder.embed([distinct[i] for i in rows])
    if tell:
        tell(len(order), len(order))
    row_of = {text: i for i, text in enumerate(distinct)}
    return found[[row_of[t] for t in texts]] if texts else found


_WORD = re.compile(r"[a-z0-9]+")


class FakeEmbedder:
    """Deterministic hashed bag of words: same shape and contract as the real model, for unit tests."""

    name = "fake-hash-embedder"
    sha256 = "0" * 64
    encoder = "fake"
    encoder_sha256 = "0" * 64

    def __init__(self, dim: int = 256) -> None:
        self.dim = dim

    def embed(self, texts: list[str]) -> np.ndarray:
        """Each word adds one to a hashed coordinate; rows are normalised."""
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            for word in _WORD.findall(text.lower()):
                out[row, int(hashlib.md5(word.encode()).hexdigest()[:8], 16) % self.dim] += 1.0
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)


class CachedQueries:
    """Vectors of recently asked texts, so a page rerun or a repeated question is not embedded again."""

    def __init__(self, embedder: Embedder, size: int = 2048) -> None:
        self.embedder, self.size = embedder, size
        self._seen: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def embed(self, texts: list[str]) -> np.ndarray:
        """Like Embedder.embed; texts seen lately are looked up, the rest embedded in one call."""
        with self._lock:
            known = {t: self._seen[t] for t in texts if t in self._seen}
            for text in known:
                self._seen.move_to_end(text)
        missing = list(dict.fromkeys(t for t in texts if t not in known))
        if missing:
            fresh = self.embedder.embed(missing)
            known.update(zip(missing, fresh))
            self._remember(dict(zip(missing, fresh)))
        if not texts:
            return np.zeros((0, self.embedder.dim), dtype=np.float32)
        return np.stack([known[t] for t in texts])  # a copy: callers cannot change the cached rows

    def _remember(self, vectors: dict[str, np.ndarray]) -> None:
        """Keep the newest vectors, dropping the least recently used beyond size."""
        with self._lock:
            self._seen.update(vectors)
            while len(self._seen) > self.size:
                self._seen.popitem(last=False)
