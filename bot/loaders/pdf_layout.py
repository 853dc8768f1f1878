"""PDF layout: pypdf pages read into text lines with their position, size and weight."""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from bot.errors import SkipDocument

# Word exports list bullets as private-use Symbol glyphs (U+F0xx) or a soft hyphen; readers see a bullet.
_PUA_BULLET = re.compile(r"^[\uf000-\uf0ff\u00ad](?=\s)")

_Run = tuple[str, float, float, float, bool]  # text, x, y, size, bold


@dataclass
class Line:
    """One text line of a page with where it sits and how it is set."""

    text: str
    x: float | None = None  # None for a blank line
    y: float | None = None
    size: float = 0.0
    bold: float = 0.0  # share of its characters set in a bold face
    kind: str = ""  # "row" once a grade-table row has been rebuilt from several lines


def open_pdf(data: bytes, max_pages: int) -> Any:
    """Open the PDF, refusing what cannot be read: corrupt, locked, empty or too long."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            _unlock(reader)
        count = len(reader.pages)
    except SkipDocument:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files; any of them means skip
        raise SkipDocument(f"unreadable PDF ({type(exc).__name__})") from None
    if count == 0:
        raise SkipDocument("PDF has no pages")
    if count > max_pages:
        raise SkipDocument(f"PDF has {count} pages, more than the limit of {max_pages}")
    return reader


def _unlock(reader: Any) -> None:
    """Open an encrypted PDF with the empty password, as viewers do; anything else needs a password."""
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # e.g. AES without the optional cryptography package
        raise SkipDocument(f"encrypted PDF that cannot be opened ({type(exc).__name__})") from None
    if not opened:
        raise SkipDocument("encrypted PDF that needs a password")


def read_pages(reader: Any) -> list[list[Line]]:
    """The lines of every page; a page pypdf cannot even load counts as empty."""
    out = []
    for i in range(len(reader.pages)):
        try:
            page = reader.pages[i]
        except Exception:  # a broken page object should not cost the rest of the document
            page = None
        out.append(_page_lines(page) if page is not None else [])
    return out


def meta_title(reader: Any) -> str | None:
    """The /Title from the document information, when it is there at all."""
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # a damaged info dictionary only costs the title
        return None
    return " ".join(str(title).split()) or None if title else None


def _mult(m: list[float], n: list[float]) -> list[float]:
    """Product of two PDF matrices (text matrix times current transformation matrix)."""
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


class _Collector:
    """pypdf visitors that record each text run with its position, size and weight, line by line."""

    def __init__(self) -> None:
        self.lines: list[list[_Run]] = [[]]
        self.render = 0
        self.saved: list[int] = []

    def before(self, op: bytes, operands: Any, cm: Any, tm: Any) -> None:
        """Track the text render mode, which lives in the graphics state (saved by q, restored by Q)."""
        if op == b"q":
            self.saved.append(self.render)
        elif op == b"Q":
            self.render = self.saved.pop() if self.saved else 0
        elif op == b"Tr" and operands:
            try:
                self.render = int(operands[0])
            except (TypeError, ValueError):
                pass

    def text(self, text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        """Split runs at pypdf's line breaks; drop invisible runs (render mode 3, e.g. OCR layers).

        pypdf reports a run when it flushes it (at the next move, font change or ET), so the render mode
        seen is the one in force then: a mode switched in the middle of one run is not seen.
        """
        if not text:
            return
        m = _mult(list(tm), list(cm))
        scale = math.hypot(m[2], m[3]) or 1.0
        name = str(font.get("/BaseFont", "")) if font else ""
        bold = any(w in name for w in ("Bold", "bold", "Black", "Heavy", "Semibold"))
        for i, part in enumerate(text.split("\n")):
            if i:
                self.lines.append([])
            if part and self.render not in (3, 7):
                self.lines[-1].append((part, m[4], m[5], size * scale, bold))


def _page_lines(page: Any) -> list[Line]:
    """The lines of one page; a page pypdf cannot read counts as empty rather than losing the document."""
    collector = _Collector()
    try:
        page.extract_text(visitor_operand_before=collector.before, visitor_text=collector.text)
    except Exception:  # one damaged page should not cost the rest of the document
        return []
    return [_line(runs) for runs in collector.lines]


def _line(runs: list[_Run]) -> Line:
    """One line from its runs, without superscript note markers (they would glue digits to words)."""
    visible = [r for r in runs if r[0].strip()]
    if not visible:
        return Line("")
    top = max(r[3] for r in visible)
    kept = [r for r in runs if not (r is not visible[0] and _is_marker(r, top, visible[0]))]
    text = " ".join("".join(r[0] for r in kept).split())  # also folds no-break spaces
    text = _PUA_BULLET.sub("•", text)
    shown = [r for r in kept if r[0].strip()]
    chars = sum(len(r[0].strip()) for r in shown) or 1
    bold = sum(len(r[0].strip()) for r in shown if r[4]) / chars
    # Size and baseline of the bulk of the text, not of a bullet glyph, a stray space or a raised number.
    weight: Counter[float] = Counter()
    for run in shown:
        weight[run[3]] += len(run[0].strip())
    size = weight.most_common(1)[0][0]
    base = next(r for r in shown if r[3] == size)
    return Line(text, visible[0][1], base[2], size, bold)


def _is_marker(run: _Run, top: float, first: Any) -> bool:
    """A footnote reference: a few digits set small and raised above the line."""
    return (
        run[0].strip().isdigit() and len(run[0].strip()) <= 2 and run[3] < 0.8 * top and run[2] > first[2] + 1
    )
