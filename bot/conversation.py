"""Follow-up questions: carry the topic and scope of earlier turns into a short or pronoun-led question."""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

_FOLLOW_UP = re.compile(
    r"^\s*(and|also|what about|how about|and what about|what else|same for|why|how so)\b"
    r"|\b(they|them|their|it|its|that|this|those|these|there|he|she|last year|next year|the year before|"
    r"previous|earlier|the same)\b",
    re.I,
)
_CONTENT = re.compile(r"[A-Za-z][A-Za-z'-]{2,}")
_FILLER = {
    "and", "also", "what", "about", "how", "they", "them", "their", "it", "its", "that", "this", "those",
    "these", "there", "did", "does", "do", "say", "said", "the", "was", "were", "is", "are", "last",
    "year", "next", "before", "previous", "earlier", "same", "for", "with", "why", "else", "any", "anything",
    # "compare that with Enfield": the subject compared is the previous question's
    "compare", "compared", "comparison", "against", "versus", "vs",
}  # fmt: skip
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
LOOKED_BACK = 10  # turns a follow-up is read through: a long chat's first questions no longer set its scope
_LAST_YEAR = re.compile(r"\b(last year|the year before|previous year)\b", re.I)
_NEXT_YEAR = re.compile(r"\bnext year\b", re.I)


@dataclass(frozen=True)
class Turn:
    """An earlier question, with the years and organisations of the reports its answer quoted."""

    question: str
    years: tuple[int, ...] = ()
    organisations: tuple[str, ...] = ()


@dataclass(frozen=True)
class Interpretation:
    """The question as searched, and how it was read, shown to the user; carried: the organisations the
    conversation was about when it was asked (for the follow-up after it)."""

    query: str
    note: str | None = None
    carried: tuple[str, ...] = ()


def interpret(question: str, history: list[str | Turn]) -> Interpretation:
    """Read a follow-up in the light of the previous question, itself read in the light of those before it
    ("what about 2019?" then "who led that one?" are still about the council first asked of); a standalone
    question is left alone."""
    if not history:
        return Interpretation(question)
    last = history[-1] if isinstance(history[-1], Turn) else Turn(history[-1])
    prior = interpret(last.question, history[-LOOKED_BACK:-1])
    # whom the conversation is about: the organisations the last answer quoted, else those carried to it
    about = last.organisations or prior.carried
    if not _FOLLOW_UP.search(question):
        return Interpretation(question, carried=about)
    reading = _read_after(question, last, prior.query, about)
    return dataclasses.replace(reading, carried=about)


def _read_after(question: str, last: Turn, previous: str, about: tuple[str, ...]) -> Interpretation:
    """A follow-up read after the previous question (as it was read): its topic, year and organisations."""
    own_words = [w for w in _CONTENT.findall(question) if w.lower() not in _FILLER]
    named = [int(y) for y in _YEAR.findall(previous)]
    # "last year" counts from the year the previous question named, else from the report its answer quoted.
    base = (named or list(last.years))[-1:]
    query = question
    if base and _LAST_YEAR.search(question):
        query = _LAST_YEAR.sub(f"in {base[0] - 1}", query)
    elif base and _NEXT_YEAR.search(question):
        query = _NEXT_YEAR.sub(f"in {base[0] + 1}", query)
    elif named and not _YEAR.search(question):
        query = f"{query} ({named[-1]})"
    if len(own_words) < 2:  # "what about it?": the topic is the previous question's, not its year
        topic = _YEAR.sub(" ", previous) if _YEAR.search(query) else previous
        query = f"{query} — {' '.join(topic.split())}"
    # the organisations asked of before, capitalised or not ("has it got better since?" after "tameside's")
    names = dict.fromkeys([*_proper_names(previous), *about])
    missing = [n for n in names if n.lower() not in query.lower()]
    if missing:
        query = f"{query} ({', '.join(missing)})"
    if query == question:  # nothing was carried over ("Why was Dorset judged ...?" stands alone)
        return Interpretation(question)
    return Interpretation(query, f"Read as a follow-up to “{last.question}”: searched for “{query}”.")


def _proper_names(text: str) -> list[str]:
    """Runs of capitalised words after the first word (organisation and place names)."""
    words = text.split()
    names: list[str] = []
    current: list[str] = []
    for i, word in enumerate(words):
        clean = word.strip("?.,!;:()'\"")
        if i and clean[:1].isupper() and clean.lower() not in {"i", "the"}:
            current.append(clean)
            continue
        if current:
            names.append(" ".join(current))
        current = []
    if current:
        names.append(" ".join(current))
    return names
