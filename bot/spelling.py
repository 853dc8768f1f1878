"""Slips of the keyboard in a question ("inspecton", "voilence"), put right from the corpus's own words.

A word is corrected only when neither the corpus nor the model's vocabulary knows it, and one slip (a
letter left out, one too many, two swapped, or in a longer word one wrong; never the first) turns it into
a word the corpus uses: "killed"
is a word the model knows and is left alone, though "skilled" is one letter away.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot import wording
from bot.conversation import Interpretation
from bot.store import Index

MIN_LENGTH = 6  # shorter words are one slip away from too many others ("grde": grade, gride, grdes)
MIN_STEM = 4  # letters a known word keeps before an ending ("wording": "word"; not "wat" of "wating")
SHORTHAND_KEEPS = 4  # first letters a shorthand keeps of its word ("fieldwk": "fiel...k")
_ENDINGS = ("ings", "ing", "ed", "ers", "ly", "ness")
_WORD = re.compile(r"\b[A-Za-z]+\b")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_VOWELS = "aeiou"
_DROPPED = dict(
    pair.split(":")
    for pair in f"{wording.APOSTROPHE_DROPPED} {wording.CHAT_SPELLINGS} {wording.TYPED_SHORTHAND}".split()
)
_DROPPED.update(wording.DID_CONTRACTED)
_CONTRACTION = re.compile(rf"\b(?:{'|'.join(_DROPPED)})\b", re.I)
_OPEN_PLURAL = re.compile(r"\b([A-Za-z]+)\(s\)")


class Spelling:
    """The corpus's words, with each of them less one letter, to find a misspelt word's intended one."""

    def __init__(self, corpus: Iterable[str], known: frozenset[str], frequency: Callable[[str], int]) -> None:
        self.words = frozenset(corpus)
        self.known = known
        self.frequency = frequency
        self.by_start: dict[str, set[str]] | None = None  # corpus words by their first letters, when asked
        self.short: dict[str, set[str]] = {}  # a corpus word less one letter -> the corpus words
        for word in self.words:
            for i in range(1, len(word)):
                self.short.setdefault(word[:i] + word[i + 1 :], set()).add(word)

    def intended(self, word: str) -> str | None:
        """The corpus word a misspelt word was meant to be, or None when it is a word or not one slip off."""
        low = word.lower()
        if len(low) < MIN_LENGTH or low in self.words or low in self.known or self._inflected(low):
            return None
        found = {low[:i] + low[i + 1 :] for i in range(1, len(low))} & self.words  # one letter too many
        found |= self.short.get(low, set())  # one left out
        swapped = {low[:i] + low[i + 1] + low[i] + low[i + 2 :] for i in range(1, len(low) - 1)}
        found |= (swapped - {low}) & self.words
        if not found and len(low) >= MIN_LENGTH + 1:  # one letter wrong: more words are that near
            found = {low[:i] + c + low[i + 1 :] for i in range(1, len(low)) for c in _LETTERS} & self.words
            # a vowel written for another is the commoner slip ("inspecter": inspector, not inspected)
            found = {w for w in found if _vowel_for_vowel(low, w)} or found
        if not found:
            found = self._spelt_out(low)
        if not found:
            return None
        best = max(sorted(found), key=self.frequency)
        return best.capitalize() if word[:1].isupper() else best

    def _spelt_out(self, low: str) -> set[str]:
        """The corpus words a shorthand cuts letters from, keeping its first letters and its last ("fieldwk":
        fieldwork, "assessmt": assessment)."""
        if self.by_start is None:
            self.by_start = {}
            for word in self.words:
                self.by_start.setdefault(word[:SHORTHAND_KEEPS], set()).add(word)
        return {
            w
            for w in self.by_start.get(low[:SHORTHAND_KEEPS], ())
            if len(w) >= len(low) + 2 and w[-1] == low[-1] and _within(low, w)
        }

    def _inflected(self, low: str) -> bool:
        """Whether the word is a known word with an ending the model's vocabulary keeps as a word piece
        ("wording": "word" and "##ing"; "phoned": "phone"). A stem ending in "e" before "ing" or "ed"
        ("liveing") or in a doubled letter ("carring") is a slip, as is "-er" ("inspecter")."""
        for ending in _ENDINGS:
            stem = low[: -len(ending)]
            if not low.endswith(ending) or len(stem) < MIN_STEM or stem[-1] == stem[-2]:
                continue
            if stem.endswith("e") and ending[0] in _VOWELS:
                continue
            if {stem, stem + "e"} & self.known:
                return True
        return False

    def correct(self, text: str) -> tuple[str, dict[str, str]]:
        """The text with its misspelt words put right, and what each was read as."""
        changed: dict[str, str] = {}

        def put_right(match: re.Match) -> str:
            meant = self.intended(match.group(0))
            if meant is None:
                return match.group(0)
            changed[match.group(0)] = meant
            return meant

        return _WORD.sub(put_right, text), changed


def _within(short: str, word: str) -> bool:
    """Whether the letters of short appear in word in order."""
    letters = iter(word)
    return all(c in letters for c in short)


def _vowel_for_vowel(word: str, meant: str) -> bool:
    """Whether the one letter that differs between two words of a length is a vowel in both."""
    return all(a in _VOWELS and b in _VOWELS for a, b in zip(word, meant, strict=True) if a != b)


def with_apostrophes(text: str) -> str:
    """The text with contractions typed without their apostrophe written out ("dont": "don't"), question
    words typed as in chat ("wen": "when"), and a plural left open in brackets ("council(s)": "councils")."""

    def put_back(match: re.Match) -> str:
        word = _DROPPED[match.group(0).lower()]
        return word[:1].upper() + word[1:] if match.group(0)[:1].isupper() else word

    return _CONTRACTION.sub(put_back, _OPEN_PLURAL.sub(r"\1s", text))


def respell(reading: Interpretation, spelling: Spelling) -> Interpretation:
    """The reading with slips put right, saying how each word was read (a dropped apostrophe is put back
    without saying so: it changes no word)."""
    query, changed = spelling.correct(with_apostrophes(reading.query))
    if not changed:
        return reading if query == reading.query else Interpretation(query, reading.note)
    said = ", ".join(f"“{a}” as “{b}”" for a, b in changed.items())
    return Interpretation(query, " ".join(filter(None, [reading.note, f"Read {said}."])))


def of_index(index: Index, known: frozenset[str]) -> Spelling:
    """The spelling of an index's corpus (its vocabulary's words, the commoner preferred)."""
    words = index.vocabulary.words if index.vocabulary is not None else []

    def frequency(word: str) -> int:
        return max((index.df(t) for t in index.tokens(word)), default=0)

    return Spelling([*(w for w in words if w.isalpha()), *_LISTED], known | _LISTED, frequency)


# The words of the plain word lists the questions are read with ("summarise", British spelling, is no slip
# for "summaries", and "sumarise" is one for it), not of the patterns, whose letters may be parts of words.
_LISTED = frozenset(
    word
    for value in vars(wording).values()
    if isinstance(value, str) and not re.search(r"[\\()|\[\]?*+{}]", value)
    for word in value.lower().split()
    if word.isalpha()
)
