"""Shared by the gate and claim benchmarks: the tune/check halves and an engine on the development corpus."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from corpus import ROOT, lay_out, require_shared

sys.path.insert(0, str(ROOT))

from bot.config import Settings  # noqa: E402
from bot.engine import Engine  # noqa: E402


def half(text: str) -> str:
    """The fixed split of ../shared/eval/halves.py: first byte of sha1 even = tune, odd = check."""
    return "check" if hashlib.sha1(text.encode("utf-8")).digest()[0] % 2 else "tune"


def rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def engine(index_arg: str | None, tmp: Path) -> Engine:
    """An engine on the given index, or on the seed + 68 reports built into tmp."""
    require_shared()
    index = Path(index_arg) if index_arg else tmp / "index"
    if not (index / "CURRENT").exists():
        sources = lay_out(tmp, with_send=True)
        build = [
            sys.executable,
            "-m",
            "bot",
            "build",
            "--sources",
            str(sources),
            "--index",
            str(index),
            "--json",
        ]
        subprocess.run(build, cwd=ROOT, check=True, capture_output=True)
    loaded = Engine(Settings.from_env(index=index))
    loaded.warm()
    return loaded


def index_arg() -> str | None:
    return sys.argv[sys.argv.index("--index") + 1] if "--index" in sys.argv else None
