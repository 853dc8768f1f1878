"""The bundled model run by ONNX Runtime: exported once from the package's weights, checksummed and cached.

Same vectors as sentence-transformers on PyTorch (fp32; max difference ~1e-7) at a fraction of the cost
per query; the optional int8 variant is dynamically quantised from the fp32 export. Nothing is downloaded:
the export reads the weights the package installed, after they match the pinned sha256.
"""

from __future__ import annotations

import json
import os
import threading
from pathlib import Path
from typing import Any

import numpy as np

from bot.config import MODEL_NAME, MODEL_SHA256
from bot.embedding.weights import file_sha256, verified_model_path
from bot.errors import ModelError

# Bump a precision's version when its export changes, so cached files are made again.
EXPORT_VERSIONS = {"fp32": 1, "int8": 2}
_INPUTS = ("input_ids", "attention_mask", "token_type_ids")


class OnnxEmbedder:
    """all-MiniLM-L6-v2 through ONNX Runtime, mean-pooled and L2-normalised as its model card says."""

    dim = 384

    def __init__(
        self,
        cache: Path,
        expected_sha256: str = MODEL_SHA256,
        precision: str = "fp32",
        batch_size: int = 32,  # with texts sorted by length, larger batches gain nothing on 2 cores
    ) -> None:
        if precision not in ("fp32", "int8"):
            raise ModelError(f"ONNX precision {precision!r} is not fp32 or int8")
        self.name = MODEL_NAME
        self.sha256 = expected_sha256
        self.encoder = f"onnxruntime-{precision}"
        self.precision, self.cache, self.batch_size = precision, cache, batch_size
        self._session: Any = None
        self._tokenizer: Any = None
        self._file_sha256 = ""
        self._files: tuple[Path, Path] = (Path(), Path())
        self._lock = threading.Lock()  # one load; ONNX Runtime runs concurrent calls safely itself

    @property
    def encoder_sha256(self) -> str:
        """sha256 of the ONNX file this embedder runs (checked or exported, but no session opened for it:
        an unchanged rebuild asks only this)."""
        with self._lock:
            self._checked_file()
            return self._file_sha256

    def _checked_file(self) -> tuple[Path, Path]:
        """The verified model folder and its ONNX file, worked out once (call with the lock held)."""
        if not self._file_sha256:
            path = verified_model_path(self.sha256)
            onnx_file = cached_export(path, self.sha256, self.cache, self.precision)
            self._file_sha256 = onnx_file.with_suffix(".sha256").read_text(encoding="utf-8").strip()
            self._files = (path, onnx_file)
        return self._files

    def load(self) -> None:
        """Verify the weights, export or reuse the cached ONNX file, and open a session on it."""
        with self._lock:
            if self._session is None:
                path, onnx_file = self._checked_file()
                self._tokenizer = _tokenizer(path)
                self._session = _session(onnx_file)

    def embed(self, texts: list[str]) -> np.ndarray:
        """Normalised vectors; texts are batched by length so padding stays short."""
        self.load()
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        if not texts:
            return out
        encoded = self._tokenizer.encode_batch(texts)
        order = sorted(range(len(texts)), key=lambda i: len(encoded[i].ids))
        for start in range(0, len(order), self.batch_size):
            rows = order[start : start + self.batch_size]
            out[rows] = self._run([encoded[i].ids for i in rows])
        return out

    def _run(self, batch: list[list[int]]) -> np.ndarray:
        """Mean-pooled, normalised vectors for one batch of token ids."""
        width = max(len(ids) for ids in batch)
        ids = np.zeros((len(batch), width), dtype=np.int64)
        mask = np.zeros((len(batch), width), dtype=np.int64)
        for row, tokens in enumerate(batch):
            ids[row, : len(tokens)] = tokens
            mask[row, : len(tokens)] = 1
        feeds = {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}
        hidden = self._session.run(None, feeds)[0]
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        return pooled / np.clip(norms, 1e-12, None)


def cached_export(model_dir: Path, weights_sha256: str, cache: Path, precision: str) -> Path:
    """The ONNX file for these weights: the cached one if it matches its checksum, else a fresh export."""
    target = cache / f"all-MiniLM-L6-v2-{weights_sha256[:12]}-v{EXPORT_VERSIONS[precision]}-{precision}.onnx"
    recorded = target.with_suffix(".sha256")
    if (
        target.is_file()
        and recorded.is_file()
        and file_sha256(target) == recorded.read_text(encoding="utf-8").strip()
    ):
        return target
    try:
        cache.mkdir(parents=True, exist_ok=True)
        # Each process writes its own temporary file and renames it into place, so concurrent first
        # runs cannot leave half a file under the final name.
        scratch = cache / f".{target.name}.{os.getpid()}.{threading.get_ident()}"
        _export(model_dir, scratch, precision)
        digest = file_sha256(scratch)
        os.replace(scratch, target)
        _write_atomic(recorded, digest + "\n")
    except OSError as exc:
        raise ModelError(f"cannot write the ONNX model to {cache} ({exc}): set BOT_MODEL_CACHE") from None
    return target


def _write_atomic(path: Path, text: str) -> None:
    """Write text beside path, then rename it over path."""
    scratch = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    scratch.write_text(text, encoding="utf-8")
    os.replace(scratch, path)


def _export(model_dir: Path, out: Path, precision: str) -> None:
    """Trace the bundled transformer to ONNX (fp32), then quantise the weights to int8 if asked."""
    fp32 = out if precision == "fp32" else out.with_name(out.name + ".fp32")
    _trace(model_dir, fp32)
    if precision == "int8":
        from onnxruntime.quantization import QuantType, quantize_dynamic

        # Per output channel and MatMul only: vectors at cosine ~0.99 to fp32 (one scale per tensor: ~0.96);
        # the embedding table stays fp32, it is a lookup, not arithmetic.
        matmul_per_channel = {"per_channel": True, "op_types_to_quantize": ["MatMul"]}
        quantize_dynamic(str(fp32), str(out), weight_type=QuantType.QInt8, **matmul_per_channel)
        fp32.unlink()


def _trace(model_dir: Path, out: Path) -> None:
    """torch.onnx export of the transformer body; pooling and normalisation are done in numpy."""
    import warnings

    import torch
    from transformers import AutoModel

    model = AutoModel.from_pretrained(str(model_dir), local_files_only=True).eval()

    class Body(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.model = model

        def forward(self, input_ids, attention_mask, token_type_ids):  # noqa: ANN001, ANN202
            return self.model(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state

    example = tuple(torch.ones((2, 8), dtype=torch.long) for _ in _INPUTS)
    axes = {name: {0: "batch", 1: "tokens"} for name in (*_INPUTS, "last_hidden_state")}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the exporter's notes on advanced indexing do not apply here
        torch.onnx.export(
            Body(),
            example,
            str(out),
            input_names=list(_INPUTS),
            output_names=["last_hidden_state"],
            dynamic_axes=axes,
            opset_version=17,
            dynamo=False,
        )


def _tokenizer(model_dir: Path) -> Any:
    """The model's fast tokenizer, truncating at the model's max_seq_length as sentence-transformers does."""
    from tokenizers import Tokenizer

    pooling = json.loads((model_dir / "1_Pooling" / "config.json").read_text(encoding="utf-8"))
    if not pooling.get("pooling_mode_mean_tokens"):
        raise ModelError("the bundled model does not use mean pooling: set BOT_ENCODER=torch")
    config = json.loads((model_dir / "sentence_bert_config.json").read_text(encoding="utf-8"))
    tokenizer = Tokenizer.from_file(str(model_dir / "tokenizer.json"))
    tokenizer.enable_truncation(int(config.get("max_seq_length", 256)))
    tokenizer.no_padding()
    return tokenizer


def _session(onnx_file: Path) -> Any:
    """An ONNX Runtime CPU session with full graph optimisation."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.graph_optimization_level = ort.GraphOptimizationLevel.ORT_ENABLE_ALL
    options.log_severity_level = 3  # errors only: the optimiser's notes are not the user's business
    # Threads that spin after a run take the cores from numpy and faiss, which run next on every question.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    return ort.InferenceSession(str(onnx_file), options, providers=["CPUExecutionProvider"])
