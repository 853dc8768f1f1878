"""The bundled model run by sentence-transformers on PyTorch: the reference encoder and the fallback."""

from __future__ import annotations

import threading

import numpy as np

from bot.config import MODEL_NAME, MODEL_SHA256
from bot.embedding.weights import verified_model_path


class SentenceTransformerEmbedder:
    """all-MiniLM-L6-v2 from the bundled package; weights verified by sha256 before loading."""

    dim = 384
    encoder = "pytorch-fp32"

    def __init__(self, expected_sha256: str = MODEL_SHA256, batch_size: int = 64) -> None:
        self.name = MODEL_NAME
        self.sha256 = expected_sha256
        self.batch_size = batch_size
        self._model = None
        self._lock = threading.Lock()  # one load, and torch inference serialised across app sessions

    @property
    def encoder_sha256(self) -> str:
        """PyTorch runs the weights file itself, so the encoder's hash is the weights' hash."""
        return self.sha256

    def _load(self):  # noqa: ANN202 - returns a SentenceTransformer, imported lazily
        path = verified_model_path(self.sha256)
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
