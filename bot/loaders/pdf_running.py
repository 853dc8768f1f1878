"""PDF running headers and footers: found by repetition across pages, dropped, and read for page numbers."""

from __future__ import annotations

import math
import re
from collections import Counter

from bot.loaders.pdf_layout import Line


def norm(text: str) -> str:
    """A line with its numbers blanked, so 'Page 3' and 'Page 4' compare equal."""
    return re.sub(r"\d+", "#", " ".join(text.split())).lower()


def strip_running(pages: list[list[Line]]) -> tuple[list[list[Line]], list[str | None]]:
    """Drop lines that repeat at the edges of many pages; read printed page numbers from them."""
    counts = Counter(n for lines in pages for n in {norm(lines[i].text) for i in _edges(lines)})
    floor = max(2, math.ceil(0.4 * len(pages)))
    running = {n for n, c in counts.items() if c >= floor}
    numbering = _numbering(pages, running)
    out, printed = [], []
    for lines in pages:
        drop = {i for i in _edges(lines) if norm(lines[i].text) in running}
        printed.append(_printed([lines[i].text for i in sorted(drop)], numbering))
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out, printed


def _edges(lines: list[Line]) -> list[int]:
    """Indexes of the first and last three non-blank lines: where headers and footers sit in the stream."""
    filled = [i for i, line in enumerate(lines) if line.x is not None]
    return sorted(set(filled[:3] + filled[-3:]))


def _numbering(pages: list[list[Line]], running: set[str]) -> dict[str, int]:
    """For each running line that carries the page number, which of its numbers that is.

    It is the one that changes from page to page ('Page 3 of 12' -> the first, '17 to 21 March 2025 3' ->
    the last).
    """
    seen: dict[str, dict[int, set[str]]] = {}
    for lines in pages:
        for i in _edges(lines):
            key = norm(lines[i].text)
            if key in running:
                for k, number in enumerate(re.findall(r"\d+", lines[i].text)):
                    seen.setdefault(key, {}).setdefault(k, set()).add(number)
    numbering = {}
    for key, by_place in seen.items():
        place, values = max(by_place.items(), key=lambda item: (len(item[1]), item[0]))
        if len(values) > 1:
            numbering[key] = place
    return numbering


def _printed(texts: list[str], numbering: dict[str, int]) -> str | None:
    """The page number printed in this page's header or footer lines, if they carry one."""
    for text in texts:
        place = numbering.get(norm(text))
        numbers = re.findall(r"\d+", text)
        if place is not None and place < len(numbers):
            return numbers[place]
    return None
