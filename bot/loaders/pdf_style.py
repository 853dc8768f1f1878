"""PDF document style: body font size, line pitch and the words used, measured over every page."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bot.loaders.pdf_layout import Line

_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")


@dataclass
class Style:
    """Document-wide measures: body font size, line pitch, and the words used (for hyphen repair)."""

    size: float
    gap: float
    words: set[str]


def measure(pages: list[list[Line]]) -> Style:
    """Body font size (most characters), usual line pitch in it, and every word form in the document."""
    sizes: Counter[float] = Counter()
    pitches: Counter[float] = Counter()
    words: set[str] = set()
    for lines in pages:
        for prev, line in zip([Line("")] + lines, lines):
            if line.x is None:
                continue
            sizes[round(line.size, 1)] += len(line.text)
            words.update(w.lower() for w in _WORD.findall(line.text.rstrip("-")))
            if prev.y is not None and prev.size == line.size and 0 < prev.y - line.y < 3 * line.size:
                pitches[round(prev.y - line.y)] += 1
    size = sizes.most_common(1)[0][0] if sizes else 12.0
    pitch = pitches.most_common(1)[0][0] if pitches else size * 1.2
    return Style(size=size, gap=1.3 * pitch, words=words)
