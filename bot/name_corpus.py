"""The organisations, people and names the documents hold, worked out once per index generation."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from bot.embedding.weights import model_words
from bot.names import clipped_names, core_name, normal, short_names
from bot.schema import Document
from bot.sectors import is_police


@dataclass
class Corpus:
    """What resolving a question needs from the documents, worked out once per index generation."""

    by_org: dict[str, set[str]]
    by_person: dict[str, set[str]]
    police: frozenset[str]
    short: dict[str, list[str]]
    by_first_word: dict[str, set[str]]  # organisations by the first word of each name they go by
    catalog: str  # every metadata value, normalised
    forces: set[str]  # core names of the organisations with a police report
    held: set[str]  # core names of every organisation
    proper: frozenset[str]  # words the documents write only with a capital ("Cornwall"), lower-cased
    names: set[str]  # every name an organisation goes by, whole or short, normalised


LETTERS = re.compile(r"[a-z]+")
PASSING_SHARE = 0.1  # a name in more of the documents than this is one they measure themselves against
_WORD = re.compile(r"(?<![\w'’-])[A-Za-z][a-z]+(?![\w'’-])")
_last: tuple[dict[str, Document], int, Corpus] | None = None  # the documents last resolved against


def corpus_of(documents: dict[str, Document]) -> Corpus:
    """The documents' Corpus; kept for the last documents mapping (an index's, which never changes)."""
    global _last
    last = _last
    if last is not None and last[0] is documents and last[1] == len(documents):
        return last[2]
    by_org = _grouped(documents, "organisation")
    police = frozenset(s for s, d in documents.items() if is_police(d))
    per_doc = [set(_WORD.findall(doc.text)) for doc in documents.values()]  # read once for both uses below
    short = short_names(by_org)
    for org, clips in clipped_names(by_org, _ordinary_words(per_doc)).items():
        short[org] = [*short.get(org, ()), *clips]
    first: dict[str, set[str]] = {}
    for org in by_org:
        for name in [core_name(org), *short.get(org, ())]:
            first.setdefault(next(iter(LETTERS.findall(name)), "") if name[:1].isalpha() else "", set()).add(
                org
            )
    catalog = normal(" ".join(v for d in documents.values() for v in d.metadata.values()))
    forces = {core_name(o) for o, sources in by_org.items() if sources & police}
    corpus = Corpus(
        by_org,
        _grouped(documents, "inspector"),
        police,
        short,
        first,
        catalog,
        forces,
        set(map(core_name, by_org)),
        _proper_words(per_doc),
        set(map(core_name, by_org)) | {normal(n) for names in short.values() for n in names},
    )
    _last = (documents, len(documents), corpus)
    return corpus


def _grouped(documents: dict[str, Document], key: str) -> dict[str, set[str]]:
    """Sources by the value of one metadata field."""
    groups: dict[str, set[str]] = {}
    for source, doc in documents.items():
        if doc.metadata.get(key):
            groups.setdefault(doc.metadata[key], set()).add(source)
    return groups


def _ordinary_words(per_doc: list[set[str]]) -> frozenset[str]:
    """Words of the language and of the documents (each document's words), lower-cased: none is a place's
    name cut short."""
    return model_words() | {w.lower() for words in per_doc for w in words}


def _proper_words(per_doc: list[set[str]]) -> frozenset[str]:
    """The names the documents (each document's words) mention in passing, lower-cased: words written only
    with a capital, in few of them ("Cornwall"; not "England", which many compare themselves with, nor an
    address on every one)."""
    written = set().union(*per_doc)
    counts = Counter(w for words in per_doc for w in words if w[0].isupper() and w.lower() not in written)
    return frozenset(w.lower() for w, n in counts.items() if n <= PASSING_SHARE * len(per_doc))


def mentions(text: str, name: str) -> bool:
    """Whether a text names a name, not as part of a longer word."""
    # A possessive written without its apostrophe ("barsets grades") still names the place.
    return bool(name) and re.search(rf"(?<![a-z]){re.escape(name)}s?(?![a-z])", text) is not None
