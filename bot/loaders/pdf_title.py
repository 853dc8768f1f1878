"""PDF title: the metadata title when page 1 bears it out, else the biggest heading near the top of page 1."""

from __future__ import annotations

import re

from bot.loaders.pdf_layout import Line
from bot.loaders.pdf_running import norm
from bot.loaders.pdf_style import Style

_JUNK_TITLE = re.compile(r"draft|microsoft|untitled|la name|inspection date|\.(?:docx?|pdf|rtf)\b", re.I)
_TITLE_WORDS = ("inspection", "report", "review", "assessment")


def choose_title(meta: str | None, lines: list[Line], style: Style) -> str | None:
    """The metadata title when it is a real one printed on page 1, else the first heading of page 1."""
    heading = _heading_title(lines, style)
    if meta and not _JUNK_TITLE.search(meta) and len(meta.split()) >= 2:
        page_text = norm(" ".join(line.text for line in lines))
        if heading is None or norm(meta) in page_text:
            return meta
    return heading


def _heading_title(lines: list[Line], style: Style) -> str | None:
    """The largest text near the top of page 1; a bare name ('Barnsley') takes the heading under it."""
    top = [line for line in lines[:40] if line.x is not None and len(line.text) > 2][:20]
    runs = _runs([line for line in top if line.size > style.size + 1 or line.bold >= 0.6])
    if not runs:
        return None
    biggest = max(range(len(runs)), key=lambda i: runs[i][0])
    title = runs[biggest][1]
    if not any(w in title.lower() for w in _TITLE_WORDS):
        extra = next((t for _, t in runs[biggest + 1 :] if any(w in t.lower() for w in _TITLE_WORDS)), None)
        title = f"{title}: {extra}" if extra else title
    return title[:200]


def _runs(lines: list[Line]) -> list[tuple[float, str]]:
    """Consecutive lines set alike and close together joined: multi-line headings become one string."""
    runs: list[tuple[float, list[Line]]] = []
    for line in lines:
        last = runs[-1][1][-1] if runs else None
        if last and _alike(last, line) and len(runs[-1][1]) < 3:
            runs[-1][1].append(line)
        else:
            runs.append((line.size, [line]))
    return [(size, " ".join(" ".join(x.text for x in parts).split())) for size, parts in runs]


def _alike(a: Line, b: Line) -> bool:
    """Same size and weight, and b sits on the next line down."""
    near = a.y is not None and b.y is not None and 0 < a.y - b.y < 2 * a.size
    return near and abs(a.size - b.size) < 0.5 and (a.bold >= 0.6) == (b.bold >= 0.6)
