"""Shared by the gate and claim benchmarks: the tune/check halves and an engine on the development corpus."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
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


def share(flags: list[bool]) -> dict:
    """How many of the flags are true, of how many, and the rate."""
    return {
        "right": sum(flags),
        "of": len(flags),
        "rate": round(sum(flags) / len(flags), 3) if flags else None,
    }


def cell(counted: dict | None) -> str:
    """A share as '12/15 (80%)', or '-'."""
    if not counted or not counted["of"]:
        return "-"
    return f"{counted['right']}/{counted['of']} ({counted['rate']:.0%})"


def by_half(results: list[dict], summarise: Callable[[list[dict]], dict]) -> dict:
    """The summary of the tune half, the check half and all rows."""
    out = {h: summarise([r for r in results if r["half"] == h]) for h in ("tune", "check")}
    out["all"] = summarise(results)
    return out


def write(stem: str, summary: dict, results: list[dict], text: str) -> None:
    """benchmarks/STEM_results.json (date, cores, summary, rows) and STEM_results.md."""
    out = {"date": time.strftime("%Y-%m-%d"), "cores": os.cpu_count(), "summary": summary, "rows": results}
    here = Path(__file__).parent
    (here / f"{stem}_results.json").write_text(json.dumps(out, indent=2) + "\n", "utf-8")
    (here / f"{stem}_results.md").write_text(text, encoding="utf-8")
    print(text)


def index_arg() -> str | None:
    return sys.argv[sys.argv.index("--index") + 1] if "--index" in sys.argv else None
