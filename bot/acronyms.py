"""Acronyms and the words they stand for: "ICB" in a span says "integrated care board" in a sentence, and
"EHCPs" in a sentence says "education, health and care plans" in a span (pure functions over text)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot import wording

_WRITTEN = re.compile(r"\b([A-Z]{3,6})s?\b")  # ICB, CAMHS, EHCPs: three letters or more, fewer collide
_WORD = re.compile(r"[a-z][a-z'’-]*")
_LINKING = frozenset(wording.ACRONYM_LINKING.split())


def written(text: str) -> set[str]:
    """The acronyms a text writes in capitals, lower case, a plural 's' left off."""
    return {a.lower() for a in _WRITTEN.findall(text)}


def spelt(text: str, tokens: Callable[[str], list[str]], wanted: set[str]) -> dict[str, set[str]]:
    """The runs of consecutive words of a text whose initials are a wanted acronym, as index tokens
    ("icb": integr, care, board). Linking words are not part of an acronym: "not in education, employment
    or training" gives "neet", "education, health and care plan" "ehcp"."""
    if not wanted:
        return {}
    words = [w for w in _WORD.findall(text.lower()) if w not in _LINKING]
    initials = "".join(w[0] for w in words)
    out: dict[str, set[str]] = {}
    for acronym in wanted:
        at = initials.find(acronym)
        while at >= 0:
            out.setdefault(acronym, set()).update(*(tokens(w) for w in words[at : at + len(acronym)]))
            at = initials.find(acronym, at + 1)
    return out


def said_through(sentence: str, texts: list[str], tokens: Callable[[str], list[str]]) -> list[set[str]]:
    """For each text, the sentence's tokens it says through an acronym: words the sentence spells out that
    the text abbreviates, and acronyms the sentence writes that the text spells out."""
    theirs = [written(t) for t in texts]
    own = written(sentence)
    runs = spelt(sentence, tokens, set().union(*theirs))
    out = []
    for text, acronyms in zip(texts, theirs):
        said = {t for a in acronyms & runs.keys() for t in runs[a]}
        said |= {t for a in spelt(text, tokens, own) for t in tokens(a)}
        out.append(said)
    return out
