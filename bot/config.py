"""Settings: one frozen dataclass, read from BOT_* environment variables in one place."""

from __future__ import annotations

import math
import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
# onnx: ONNX Runtime fp32 (PyTorch's vectors, faster); onnx-int8: quantised; torch: sentence-transformers.
ENCODERS = ("onnx", "onnx-int8", "torch")


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with defaults that work on a fresh clone."""

    sources: Path = ROOT / "sources"
    index: Path = ROOT / "index"
    model_sha256: str = MODEL_SHA256
    encoder: str = "onnx"  # one of ENCODERS; an index is searched only with the encoder that built it
    model_cache: Path = ROOT / ".cache" / "models"  # the ONNX export of the bundled weights
    max_file_mb: float = 50.0  # larger source files are skipped with a warning
    max_pdf_pages: int = 2000
    build_workers: int = max(1, os.cpu_count() or 1)  # processes extracting documents during a build
    chunk_chars: int = 700  # target chunk size; chunks hold whole sentences
    max_sentence_chars: int = 600  # longer "sentences" (tables, lists) are split at words
    bm25_k1: float = 1.5
    bm25_b: float = 0.75
    # Chunk vectors from which the dense index is approximate (IVF), not flat (benchmarks/scale_results.md).
    ann_min_chunks: int = 50_000
    k: int = 8  # hits retrieved per question
    # Passages a claim is checked against: the span that says so may rank below a long report's passages
    # sharing the claim's other words. Tune half of the claims: 12 -> 20, 243 -> 245 of 284 right, no false
    # 'supported'; checking the tune half took 2m04s -> 2m45s (benchmarks/claims_results.md: p50 1.0 s).
    claim_k: int = 20
    rrf_k: int = 60
    # Weight in the rank fusion of chunks ranked by their best sentence (0: off). Measured on the tune halves
    # at 0.25: recall@5 of the answering passage 0.71 -> 0.76 (Ofsted) and 0.60 -> 0.65 (seed questions on
    # the full index), but one seed answer fewer; at 0.5 one Ofsted answer more and one seed development
    # question lost. No weight answered more tune questions without a loss, so it is off by default.
    sentence_weight: float = 0.0
    min_evidence: float = 0.40  # calibrated refusal threshold (see benchmarks/)
    # When one report is clearly meant, its best few sentences answer above this lower bar (calibrated).
    min_report_evidence: float = 0.20
    max_question_chars: int = 2000  # longer questions are cut to this before any work
    feedback_db: Path = ROOT / "feedback.sqlite3"
    feedback_url: str = ""  # postgresql://... : feedback in PostgreSQL (shared by several app processes)
    feedback_retention_days: int = 365  # older feedback is deleted when the app starts and daily
    feedback_per_minute: int = 5  # feedback rows one public session may write in a minute
    feedback_per_day: int = 1000  # feedback rows all public sessions together may add in a day
    # The staff review app (make staff): where it listens, and who may log in when it uses OIDC.
    staff_address: str = "127.0.0.1"
    staff_port: int = 8502
    staff_emails: str = ""  # comma-separated e-mail addresses allowed in after an OIDC login
    # The basic-authentication proxy in front of it (make staff-proxy): address:port and password file.
    staff_proxy_listen: str = "0.0.0.0:8503"
    staff_htpasswd: Path = ROOT / ".staff.htpasswd"
    staff_tls_cert: str = ""  # certificate and key files: the proxy then speaks HTTPS only
    staff_tls_key: str = ""
    llm_provider: str = ""
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout_s: float = 20.0  # to the first token (and between tokens)
    llm_total_s: float = 60.0  # the whole answer

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Read BOT_<FIELD> variables (BOT_INDEX, BOT_SOURCES, BOT_K ...), then apply overrides."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            raw = env.get(f"BOT_{f.name.upper()}")
            if raw is not None and raw != "":
                values[f.name] = _coerce(f.name, raw, cls.__dataclass_fields__[f.name].default)
        settings = cls(**values)
        clean = {k: v for k, v in overrides.items() if v is not None}
        return replace(settings, **clean) if clean else settings


def _coerce(name: str, raw: str, default: object) -> object:
    """Turn an environment string into the field's type, with a clear error."""
    from bot.errors import BotError

    if name == "encoder" and raw not in ENCODERS:
        raise BotError(f"BOT_ENCODER={raw!r} is not valid: use one of {', '.join(ENCODERS)}")
    if isinstance(default, Path):
        return Path(raw).expanduser()
    if isinstance(default, int | float):
        return _number(name, raw, type(default))
    return raw


def _number(name: str, raw: str, kind: type) -> int | float:
    """A positive (int) or non-negative finite (float) number: 0 or -1 hits would silently break answers."""
    from bot.errors import BotError

    try:
        value = kind(raw)
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or value < (1 if kind is int else 0):
        wanted = "a whole number of at least 1" if kind is int else "a number of at least 0"
        raise BotError(f"BOT_{name.upper()}={raw!r} is not valid: set it to {wanted}")
    return value
