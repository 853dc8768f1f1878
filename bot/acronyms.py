"""Acronyms and the words they stand for: "ICB" in a span says "integrated care board" in a sentence,
"EHCPs" in a sentence says "education, health and care plans" in a span, and "SALT" in a question is
searched as the words the reports spell it out as (pure functions over text)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable

import numpy as np

from bot import wording

_WRITTEN = re.compile(r"\b([A-Z]{3,6})s?\b")  # ICB, CAMHS, EHCPs: three letters or more, fewer collide
_WORD = re.compile(r"[a-z][a-z'’-]*")
_LINKING = frozenset(wording.ACRONYM_LINKING.split())
# What a question may write as an acronym: "SALT", "EHCPs", "B&Bs", "A&E".
_ASKED = re.compile(r"\b([A-Z]{3,6}|[A-Z]&[A-Z]{1,2})(?:s|'s|’s)?\b")
_LOWER = re.compile(r"(?<![\w'’&-])([a-z]{3,7}|[a-z]&[a-z]{1,2})(?:s|'s|’s)?(?![\w'’&-])")
_BREAK = re.compile(r"[.;:()\[\]\n•◼▪]")  # an expansion does not run across these
_FUNCTION_WORDS = frozenset(wording.TERM_EDGES.split())
# "lol", "ppl", "shud": chat and text-speak, not initials
_CHAT = frozenset(wording.CHAT_WORDS.split()) | frozenset(wording.TEXT_SPEAK)
_OPENING_DENIALS = frozenset(["no", "not"])  # a term may open with one: "no recourse to public funds"
_VERBS = frozenset(wording.BEING_VERBS.split())
MIN_USES = 3  # an expansion the reports use fewer times is as likely a chance run of initials
DOMINANCE = 2  # ... and it must be used this many times more than any other run of the same initials


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


def abbreviated(text: str, wanted: set[str]) -> str:
    """The text with each run of words whose initials are a wanted acronym written as the acronym: "not
    in education, employment or training" as "NEET", so its "not" is read as part of a name."""
    found = [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text.lower())]
    words = [w for w in found if w[2] not in _LINKING]
    initials = "".join(w[2][0] for w in words)
    runs = sorted(
        (words[at][0], words[at + len(acronym) - 1][1], acronym)
        for acronym in wanted
        for at in _found(initials, acronym)
        if not _BREAK.search(text[words[at][0] : words[at + len(acronym) - 1][1]])
    )
    out, last = [], 0
    for start, end, acronym in runs:
        if start >= last:  # of overlapping runs, the first
            out += [text[last:start], acronym.upper()]
            last = end
    return "".join(out) + text[last:]


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


class Initials:
    """The initials of every word of the corpus, to find what an acronym a question writes stands for
    where the reports spell it out ("SALT": "speech and language therapy"), with and without linking
    words ("EHCP": "education, health and care plan")."""

    def __init__(
        self, texts: Iterable[str], stop: frozenset[str] = frozenset(), ordinary: frozenset[str] = frozenset()
    ) -> None:
        self.texts = list(texts)
        self.stop = stop | _LINKING  # a term neither opens nor closes with one ("not have sufficient")
        self.words: list[np.ndarray] = []  # per text: each word's start and end
        self.every: list[str] = []  # per text: the initials of all its words
        self.kept: list[tuple[str, np.ndarray]] = []  # per text: initials without linking words, and where
        # the words the reports write in lower case, and ordinary words ("let", "get"): a question's word
        # among them is no acronym
        self.lower_case = set(ordinary).union(*(_LOWER.findall(t) for t in self.texts))
        for text in self.texts:
            found = list(_WORD.finditer(text.lower()))
            self.words.append(np.array([m.span() for m in found], dtype=np.int32).reshape(-1, 2))
            self.every.append("".join(m.group(0)[0] for m in found))
            keep = [i for i, m in enumerate(found) if m.group(0) not in _LINKING]
            self.kept.append(("".join(found[i].group(0)[0] for i in keep), np.array(keep, dtype=np.int32)))

    def expansion(self, acronym: str) -> str | None:
        """The words the reports most often spell the acronym out as, when clearly the most used."""
        phrases: Counter[str] = Counter()
        # spelt out beside it in brackets ("designated social care officer (DSCO)"), once says it all
        bracketed = re.compile(rf"\s?\(\s?{re.escape(acronym)}s?\s?\)", re.I)
        for i, first, last in self._runs(acronym):
            defined = bracketed.match(self.texts[i], int(self.words[i][last][1])) is not None
            phrases[self._phrase(i, first, last)] += MIN_USES if defined else 1
        phrases.pop("", None)
        uses: Counter[tuple[str, ...]] = Counter()  # "child in need" and "children in need" are one term
        for phrase, n in phrases.items():
            uses[_term(phrase)] += n
        ranked = uses.most_common(2)
        if not ranked or ranked[0][1] < MIN_USES:
            return None
        if len(ranked) == 2 and ranked[0][1] < DOMINANCE * ranked[1][1]:
            return None  # "SLT": speech and language therapy, or senior leadership team
        return max((p for p in phrases if _term(p) == ranked[0][0]), key=phrases.__getitem__)

    def _runs(self, acronym: str) -> set[tuple[int, int, int]]:
        """(text, first word, last word) of each run of words whose initials spell the acronym; an "&"
        stands for "and" ("B&B": "bed and breakfast"), otherwise linking words may be left out."""
        letters = acronym.lower().replace("&", "a")
        runs = set()
        for i, every in enumerate(self.every):
            runs |= {(i, at, at + len(letters) - 1) for at in _found(every, letters)}
            kept, rows = self.kept[i]
            if "&" not in acronym:
                runs |= {(i, int(rows[at]), int(rows[at + len(letters) - 1])) for at in _found(kept, letters)}
        return runs

    def _phrase(self, i: int, first: int, last: int) -> str:
        """A run's words in lower case, commas left out; empty when it runs across a break or opens or
        closes with a stop word."""
        span = self.texts[i][self.words[i][first][0] : self.words[i][last][1]]
        words = span.lower().replace(",", " ").split()
        edges = {words[-1]} | ({words[0]} - _OPENING_DENIALS)  # "no further action", "not in education"
        # an acronym names a thing: no verb such as "have" is part of it ("not have sufficient")
        if _BREAK.search(span) or edges & (self.stop | _FUNCTION_WORDS) or _VERBS.intersection(words):
            return ""
        return " ".join(words)


def meanings(question: str, initials: Initials) -> dict[str, str]:
    """Each acronym the question writes, as written, with the words the reports spell it out as: in capitals,
    or in lower case when the reports never write that word in lower case and it is no ordinary word
    ("uasc", "nqsws"; not "send", "let")."""
    found = {m.group(0): initials.expansion(m.group(1)) for m in _ASKED.finditer(question)}
    for m in _LOWER.finditer(question):
        letters = m.group(1)
        single = letters[:-1] if letters.endswith("s") else letters
        if not {letters, single} & initials.lower_case and letters not in _CHAT:
            found.setdefault(m.group(0), initials.expansion(letters) or initials.expansion(single))
    return {written: words for written, words in found.items() if words}


def _term(phrase: str) -> tuple[str, ...]:
    """A phrase's words without a plural "s", cut to five letters: its singular and plural are one term."""
    return tuple((w[:-1] if w.endswith("s") and len(w) > 3 else w)[:5] for w in phrase.split())


def _found(initials: str, letters: str) -> Iterable[int]:
    """Every position the letters occur at in a string of initials, overlaps included."""
    at = initials.find(letters)
    while at >= 0:
        yield at
        at = initials.find(letters, at + 1)
