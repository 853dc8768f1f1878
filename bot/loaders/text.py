"""Plain text and Markdown: decode, reject binary, join wrapped lines, map paragraphs."""

from __future__ import annotations

import re

from bot.errors import SkipDocument
from bot.loaders.prose import assemble, join_lines
from bot.schema import Extracted


def decode(data: bytes) -> str:
    """Decode bytes as UTF-8 (or cp1252 as a fallback, UTF-16 with a BOM); refuse what looks like binary."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        # Windows editors save "Unicode" text as UTF-16, whose NUL bytes would look binary below.
        text = data.decode("utf-16", errors="replace")
    elif b"\x00" in data[:8192]:
        raise SkipDocument("binary content (not a text file)")
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > max(8, len(text[:8192]) // 100):
        raise SkipDocument("binary content (not a text file)")
    return text


def extract(data: bytes, markdown: bool = False) -> Extracted:
    """Text is split into blank-line separated paragraphs, each joined into one line of prose."""
    text = decode(data).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n\n")
    blocks = re.split(r"\n\s*\n", text)
    paragraphs = [join_lines(b) if not (markdown and _is_fenced(b)) else b.strip() for b in blocks]
    body, spans = assemble(paragraphs)
    title = _title(paragraphs, markdown)
    return Extracted(text=body, paragraphs=spans, title=title, parser="text-1")


def _is_fenced(block: str) -> bool:
    """Markdown code and tables keep their line breaks."""
    stripped = block.strip()
    return stripped.startswith("```") or stripped.startswith("|")


def _title(paragraphs: list[str], markdown: bool) -> str | None:
    """A Markdown '# heading', else a short first line that reads like a title."""
    for para in paragraphs:
        line = para.strip().split("\n", 1)[0]
        if markdown and line.startswith("#"):
            return line.lstrip("#").strip() or None
    for para in paragraphs[:3]:
        line = para.strip()
        titled = any(w in line.lower() for w in ("assessment", "inspection", "report", "review"))
        if titled and 8 <= len(line) <= 150 and not line.endswith((".", ":", ";")) and "\n" not in line:
            return line
    return None
