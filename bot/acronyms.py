"""Acronyms and the words they stand for: "ICB" in a span says "integrated care board" in a sentence, and
"EHCPs" in a sentence says "education, health and care plans" in a span (pure functions over tokens)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot import wording

_WRITTEN = re.compile(r"\b([A-Z]{3,6})s?\b")  # ICB, CAMHS, EHCPs: three letters or more, fewer collide
LONGEST = 6
_WORD = re.compile(r"[a-z][a-z'’-]*")
_LINKING = frozenset(wording.ACRONYM_LINKING.split())


def written(text: str) -> set[str]:
    """The acronyms a text writes in capitals, lower case, a plural 's' left off."""
    return {a.lower() for a in _WRITTEN.findall(text)}


def spelt(text: str, tokens: Callable[[str], list[str]]) -> dict[str, set[str]]:
    """Each run of three to six consecutive words of a text by its initials, with the run's index tokens
    ("icb": integr, care, board). Linking words are not part of an acronym: "not in education, employment
    or training" gives "neet", "education, health and care plan" "ehcp"."""
    words = [w for w in _WORD.findall(text.lower()) if w not in _LINKING]
    stems = [set(tokens(w)) for w in words]
    out: dict[str, set[str]] = {}
    for n in range(3, LONGEST + 1):
        for i in range(len(words) - n + 1):
            out.setdefault("".join(w[0] for w in words[i : i + n]), set()).update(*stems[i : i + n])
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
