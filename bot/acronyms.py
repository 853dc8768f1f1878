"""Acronyms and the words they stand for: "ICB" in a span says "integrated care board" in a sentence, and
"EHCPs" in a sentence says "education, health and care plans" in a span (pure functions over tokens)."""

from __future__ import annotations

import re
from collections.abc import Callable

_WRITTEN = re.compile(r"\b([A-Z]{3,6})s?\b")  # ICB, CAMHS, EHCPs: three letters or more, fewer collide
LONGEST = 6


def written(text: str) -> set[str]:
    """The acronyms a text writes in capitals, lower case, a plural 's' left off."""
    return {a.lower() for a in _WRITTEN.findall(text)}


def spelt(tokens: list[str]) -> dict[str, set[str]]:
    """Each run of three to six consecutive index tokens by its initials ("icb": integr, care, board); the
    index's stop words are already gone, so "education, health and care plan" gives "ehcp"."""
    out: dict[str, set[str]] = {}
    for n in range(3, LONGEST + 1):
        for i in range(len(tokens) - n + 1):
            run = tokens[i : i + n]
            out.setdefault("".join(t[0] for t in run), set()).update(run)
    return out


def shared(
    own: tuple[dict[str, set[str]], set[str]],
    other: tuple[dict[str, set[str]], set[str]],
    tokens: Callable[[str], list[str]],
) -> set[str]:
    """The sentence's tokens the other text says through an acronym: words it spells out that the other
    abbreviates, and acronyms it writes that the other spells out. Each side is (spelt, written)."""
    (runs, acronyms), (other_runs, other_acronyms) = own, other
    out = {t for a in other_acronyms & runs.keys() for t in runs[a]}
    return out | {t for a in acronyms & other_runs.keys() for t in tokens(a)}
