"""Loaders: one module per format, each turning file bytes into prose text with page and paragraph maps."""

from __future__ import annotations

from pathlib import Path

from bot.errors import SkipDocument
from bot.schema import Extracted

SUFFIXES = {
    ".txt": "text",
    ".md": "text",
    ".markdown": "text",
    ".html": "html",
    ".htm": "html",
    ".pdf": "pdf",
    ".docx": "docx",
}


def supported(path: Path) -> bool:
    """Whether a file's suffix has a loader."""
    return path.suffix.lower() in SUFFIXES


def extract(path: Path, data: bytes, max_pdf_pages: int = 2000) -> Extracted:
    """Extract prose from one file's bytes; raise SkipDocument with a reason when it cannot be read."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise SkipDocument(f"unsupported file type {path.suffix or '(none)'}")
    if not data.strip():
        raise SkipDocument("empty file")
    if kind == "text":
        from bot.loaders import text

        result = text.extract(data, markdown=path.suffix.lower() != ".txt")
    elif kind == "html":
        from bot.loaders import html

        result = html.extract(data)
    elif kind == "pdf":
        from bot.loaders import pdf

        result = pdf.extract(data, max_pages=max_pdf_pages)
    else:
        from bot.loaders import docx

        result = docx.extract(data)
    if not result.text.strip():
        raise SkipDocument("no text could be extracted")
    return result
