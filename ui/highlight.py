"""The source viewer's HTML: a document's escaped text with page and paragraph marks and the quote marked."""

from __future__ import annotations

from bot.schema import Document
from ui.render import esc

WINDOW = 8000  # characters shown either side of the quote; long reports are cut around it

_STYLE = """
:root { color-scheme: light; }
html, body { margin: 0; background: #ffffff; color: #1f2328; }
body { font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
.doc { white-space: pre-wrap; overflow-wrap: anywhere; padding: 12px 16px 40vh 16px; }
mark { background: #ffe58a; color: inherit; padding: 2px 0; box-shadow: 0 0 0 2px #ffe58a;
       text-decoration: underline 2px #b58900; text-underline-offset: 4px; }
.pn { display: inline-block; min-width: 2.2em; margin-right: .3em; color: #57606a; font-size: .8em;
      font-variant-numeric: tabular-nums; }
.pg { display: block; margin: 10px 0 6px; padding-top: 4px; border-top: 1px dashed #d0d7de;
      color: #57606a; font-size: .8em; }
.cut { color: #57606a; font-style: italic; font-size: .85em; }
"""

# Scroll only this frame's own document (scrollIntoView would scroll the app page too).
_SCRIPT = """
const mark = document.getElementById("hl");
if (mark) {
  const box = document.scrollingElement;
  box.scrollTop = Math.max(0, mark.getBoundingClientRect().top + box.scrollTop - box.clientHeight / 4);
}
"""


def window(doc: Document, start: int, end: int, size: int = WINDOW) -> tuple[int, int]:
    """The stretch of text to show: whole lines around the span, at most size characters either side."""
    text = doc.text
    lo, hi = max(0, start - size), min(len(text), end + size)
    if lo > 0:
        lo = text.rfind("\n", 0, lo) + 1
    if hi < len(text):
        nl = text.find("\n", hi)
        hi = len(text) if nl < 0 else nl
    return lo, hi


def _marks(doc: Document, lo: int, hi: int) -> dict[int, list[str]]:
    """HTML to insert before given offsets: page breaks and paragraph numbers."""
    marks: dict[int, list[str]] = {}
    for page in doc.pages:
        if lo <= page.start < hi:
            printed = f" (printed page {esc(page.printed)})" if page.printed else ""
            marks.setdefault(page.start, []).append(f'<span class="pg">Page {page.page}{printed}</span>')
    for para in doc.paragraphs:
        if lo <= para.start < hi:
            label = esc(para.number)
            marks.setdefault(para.start, []).append(
                f'<span class="pn" title="paragraph {label}">¶\u00a0{label}</span>'
            )
    return marks


def body_html(doc: Document, start: int | None = None, end: int | None = None) -> str:
    """The escaped text (or a window of it around start:end) with marks and the span in <mark>."""
    has_span = start is not None and end is not None and 0 <= start < end <= len(doc.text)
    lo, hi = window(doc, start, end) if has_span else (0, len(doc.text))
    marks = _marks(doc, lo, hi)
    if has_span:
        marks.setdefault(start, []).append('<mark id="hl">')
        marks.setdefault(end, []).insert(0, "</mark>")
    out = [f'<p class="cut">… {lo:,} characters before this point are not shown.</p>'] if lo else []
    at = lo
    for offset in sorted(o for o in marks if lo <= o <= hi):
        out.append(esc(doc.text[at:offset]))
        out.extend(marks[offset])
        at = offset
    out.append(esc(doc.text[at:hi]))
    if hi < len(doc.text):
        out.append(f'<p class="cut">… {len(doc.text) - hi:,} characters after this point are not shown.</p>')
    return "".join(out)


def viewer_html(doc: Document, start: int | None = None, end: int | None = None) -> str:
    """A complete HTML page for the viewer frame, scrolled to the highlighted span."""
    return (
        '<!doctype html><html lang="en"><head><meta charset="utf-8">'
        f"<title>{esc(doc.title)}</title><style>{_STYLE}</style></head>"
        f'<body><main class="doc" aria-label="Text of {esc(doc.title)}">{body_html(doc, start, end)}</main>'
        f"<script>{_SCRIPT}</script></body></html>"
    )
