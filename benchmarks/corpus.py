"""The benchmark corpus: the seed plus the Ofsted reports from ../shared, laid out in a temp folder."""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ILACS = SHARED / "corpora" / "ofsted-ilacs" / "reports"
SEND = SHARED / "corpora" / "ofsted-send" / "reports"


def require_shared() -> None:
    """Stop with a clear message when the development corpus is not beside the repo."""
    if not ILACS.is_dir():
        sys.exit(f"benchmark corpus not found at {ILACS}: it needs ../shared beside the repository")


def lay_out(target: Path, with_send: bool = False, leave_out: str | None = None) -> Path:
    """Copy the seed sources and the reports (one folder per authority) into target/sources."""
    sources = target / "sources"
    if sources.exists():
        shutil.rmtree(sources)
    shutil.copytree(ROOT / "sources", sources)
    for corpus, name in ((ILACS, "ofsted-ilacs"), (SEND, "ofsted-send")):
        if corpus == SEND and not with_send:
            continue
        for pdf in sorted(corpus.glob("*/*.pdf")):
            rel = pdf.relative_to(corpus)
            if leave_out and rel.as_posix() == leave_out:
                continue
            dest = sources / name / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(pdf, dest)
    return sources
