"""Settings: one frozen dataclass, read from BOT_* environment variables in one place."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

MODEL_NAME = "sentence-transformers/all-MiniLM-L6-v2"
MODEL_SHA256 = "53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"


@dataclass(frozen=True)
class Settings:
    """Everything configurable, with defaults that work on a fresh clone."""

    sources: Path = ROOT / "sources"
    index: Path = ROOT / "index"
    model_sha256: str = MODEL_SHA256
    max_file_mb: float = 50.0  # larger source files are skipped with a warning
    max_pdf_pages: int = 2000
    chunk_chars: int = 700  # target chunk size; chunks hold whole sentences
    max_sentence_chars: int = 600  # longer "sentences" (tables, lists) are split at words
    bm25_k1: float = 1.5
    bm25_b: float = 0.75
    k: int = 8  # hits retrieved per question
    rrf_k: int = 60
    min_evidence: float = 0.40  # calibrated refusal threshold (see benchmarks/)
    max_question_chars: int = 2000  # longer questions are cut to this before any work
    feedback_db: Path = ROOT / "feedback.sqlite3"
    staff: bool = False  # shows the feedback review view in the app
    llm_provider: str = ""
    llm_base_url: str = ""
    llm_model: str = ""
    llm_api_key: str = ""
    llm_timeout_s: float = 20.0

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

    try:
        if isinstance(default, bool):
            return raw.strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(default, Path):
            return Path(raw).expanduser()
        if isinstance(default, int):
            return int(raw)
        if isinstance(default, float):
            return float(raw)
    except ValueError:
        raise BotError(f"BOT_{name.upper()}={raw!r} is not a valid {type(default).__name__}") from None
    return raw
