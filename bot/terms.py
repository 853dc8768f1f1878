"""The domain's terms written other ways: "children in its care" are "looked after children", "care
leavers" "young people leaving care" (pure functions over text; the table is wording.DOMAIN_TERMS).
A change one way is one term too: "fell" is "reduced", "rose" "increased" (wording.MORE, LESS)."""

from __future__ import annotations

import re
from collections.abc import Callable

from bot import wording

_COMPARATIVES = frozenset(wording.COMPARATIVES.split())  # "lower than average" says no change
_CHANGES = tuple(
    ("", (r"\b(?:" + "|".join(sorted(set(way.split()) - _COMPARATIVES)) + r")\b",))
    for way in (wording.MORE, wording.LESS)
)  # searched as asked: a question's "gone down" is no term to add words for
# A change said either way ("rose", "fell", "improved", "worsened"), or that there was none ("remained"); the
# comparatives ("higher", "more") compare, they need not say anything changed.
_CHANGING = (set(f"{wording.MORE} {wording.LESS} {wording.BETTER} {wording.WORSE}".split())) - _COMPARATIVES
_STATES_CHANGE = re.compile(
    r"\b(?:" + "|".join(sorted(_CHANGING | set(wording.STEADY.split()))) + r")\b", re.I
)
_ASKS_CHANGE = re.compile(
    r"\b(?:" + "|".join(sorted(_CHANGING)) + r")\b"
    rf"|{wording.CHANGE_ASKED}",
    re.I,
)


def _hyphen_or_space(pattern: str) -> str:
    """A word written with a hyphen in a term's pattern may be written with a space or none: a question's
    topic has lost its hyphens ("looked after by non relatives") and the public write either."""
    return re.sub(r"(?<=[a-z])-\??(?=[a-z(])", "[- ]?", pattern)


_TERMS = tuple(
    (words, tuple(re.compile(_hyphen_or_space(p), re.I) for p in patterns))
    for words, patterns in (*wording.DOMAIN_TERMS, *_CHANGES)
)


def used(text: str) -> list[tuple[int, str]]:
    """(term, words as written) of each way of writing a domain term that a text uses."""
    return [
        (t, m.group()) for t, (_, patterns) in enumerate(_TERMS) for p in patterns for m in p.finditer(text)
    ]


def named_in(text: str) -> set[int]:
    """The domain terms a text names, in any writing (not the changes: "rose" names no subject)."""
    return {t for t, _ in used(text) if _TERMS[t][0]}


def said_through(sentence: str, texts: list[str], tokens: Callable[[str], list[str]]) -> list[set[str]]:
    """For each text, the tokens of the sentence's domain terms that the text also uses, in any writing."""
    own = used(sentence)
    out = []
    for text in texts:
        theirs = {t for t, _ in used(text)}
        out.append({token for t, words in own if t in theirs for token in tokens(words)})
    return out


def reports_words(text: str) -> str:
    """The reports' own words for each domain term a text writes another way ("young people who have left
    care": "care leavers"); a term written as the reports write it needs no more words."""
    return " ".join(dict.fromkeys(own for _, own in written_other_ways(text)))


def written_other_ways(text: str) -> list[tuple[str, str]]:
    """(as the text writes it, the reports' own words) for each domain term the text writes another way
    ("bedsit-style": "houses in multiple occupation")."""
    return [
        (words, _TERMS[t][0]) for t, words in used(text) if _TERMS[t][0] and words.lower() not in _TERMS[t][0]
    ]


def written_in(text: str, other: str) -> str:
    """How the other text writes the domain terms the text uses ("children in care" in a judgement area
    for a question's "looked after children")."""
    own = {t for t, _ in used(text)}
    return " ".join(dict.fromkeys(words for t, words in used(other) if t in own))


def _terms_at(text: str, at: int) -> list[int]:
    """The domain terms (with words of the reports' own) a text writes over position at."""
    return [
        t
        for t, (words, patterns) in enumerate(_TERMS)
        if words
        for p in patterns
        for m in p.finditer(text)
        if m.start() <= at < m.end()
    ]


def term_at(text: str, at: int) -> int | None:
    """The domain term a text writes over position at ("young carers" at "carers"), or None."""
    return next(iter(_terms_at(text, at)), None)


def written(term: int, text: str) -> list[tuple[int, int]]:
    """Where a text writes the domain term, in any of its writings."""
    return [m.span() for p in _TERMS[term][1] for m in p.finditer(text)]


def terms_opening(text: str) -> set[int]:
    """The domain terms a text opens with ("care leavers living with ..." opens with care leavers)."""
    return {t for t, (words, patterns) in enumerate(_TERMS) if words for p in patterns if p.match(text)}


def reports_words_at(text: str, at: int) -> list[str]:
    """The reports' own words for each domain term a text writes over position at ("how many young people
    leaving care" at "people": "care leavers")."""
    return [_TERMS[t][0] for t in _terms_at(text, at)]


def asks_change(question: str) -> bool:
    """Whether a question asks about a change ("has it gone down?", "are exclusions falling?")."""
    return _ASKS_CHANGE.search(question) is not None


def states_change(sentence: str) -> bool:
    """Whether a sentence states a change, or that there was none ("have fallen", "remained high")."""
    return _STATES_CHANGE.search(sentence) is not None
