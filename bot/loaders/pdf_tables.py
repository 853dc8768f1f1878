"""PDF grade tables: judgement rows spread over several lines rebuilt into one 'label  Grade' line each."""

from __future__ import annotations

import re

from bot.loaders.pdf_layout import Line
from bot.loaders.pdf_paragraphs import SENTENCE_END
from bot.loaders.pdf_style import Style

_GRADE = r"(?:Outstanding|Good|Adequate|Inadequate|Requires [Ii]mprovement(?: to be [Gg]ood)?|Not [Jj]udged)"
_ROW = re.compile(rf"^(?P<label>\S.*?)\s+(?P<grade>{_GRADE})\s*$")
_GRADE_GOES_ON = re.compile(r"^(?:to be good|be good|good|improvement)\b", re.IGNORECASE)
_TABLE_HEAD = re.compile(
    r"^(?:key\s+judgements?|judgements?)?\s*(?:judgements?\s+grades?|grades?)?$", re.IGNORECASE
)
_ROW_LABEL_BAD_END = {"be", "is", "are", "was", "were", "been", "as", "and", "or", "of", "the", "a", "to"}


def merge_rows(lines: list[Line], style: Style) -> list[Line]:
    """Rebuild judgement-table rows (label cell lines, then grade cell) into one 'label  Grade' line each."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        found = _row_at(lines, i, style) if _row_may_start(out, lines[i], style) else None
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        count, label, grade = found
        first = lines[i]
        out.append(Line(f"{label}  {grade}", first.x, first.y, first.size, 0.0, "row"))
        i += count
    return out


def _row_may_start(out: list[Line], line: Line, style: Style) -> bool:
    """Whether a row may start here: it opens a table or follows a row, never mid-prose.

    A table opens after a blank, a heading, a lead-in, a finished sentence or a wide gap.
    """
    if not out:
        return True
    prev = out[-1]
    if prev.x is None or prev.kind == "row" or prev.bold >= 0.6 or SENTENCE_END.search(prev.text):
        return True
    return prev.y is not None and line.y is not None and prev.y - line.y > style.gap


def _row_at(lines: list[Line], i: int, style: Style) -> tuple[int, str, str] | None:
    """Whether up to five lines from i read as one table row ending in a grade; if so how many and what.

    pypdf may put blank lines between the cells of a row; they are passed over.
    """
    parts: list[Line] = []
    for n, line in enumerate(lines[i : i + 9], start=1):
        if line.x is None and parts:
            continue
        if len(parts) == 5 or not _cell_line(line, style) or (parts and _far_below(parts[-1], line, style)):
            return None
        parts.append(line)
        match = _ROW.match(" ".join(p.text for p in parts))
        after = next((x.text for x in lines[i + n :] if x.x is not None), "")
        if match and _good_label(match.group("label")) and not _GRADE_GOES_ON.match(after):
            return n, match.group("label"), match.group("grade")
    return None


def _cell_line(line: Line, style: Style) -> bool:
    """A line that can belong to a table row: short, body-sized, not the table's own header."""
    if line.x is None or line.kind or len(line.text) > 80 or line.size > style.size + 2.5:
        return False
    return not _TABLE_HEAD.match(line.text)


def _far_below(prev: Line, line: Line, style: Style) -> bool:
    """Cells of one row sit close together (a grade cell may even sit higher than the label's last line)."""
    return prev.y is not None and line.y is not None and prev.y - line.y > 1.6 * style.gap


def _good_label(label: str) -> bool:
    """Table labels are short phrases: no sentence inside, not a clause left hanging ('... are')."""
    body = re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", label)
    last = body.rsplit(" ", 1)[-1].lower()
    sentence_like = ". " in body or ":" in body or body[-1:] in (";", ",")
    return bool(body) and body[0].isupper() and not sentence_like and last not in _ROW_LABEL_BAD_END
