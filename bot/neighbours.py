"""Corpus words near in meaning to a question's words, by the bundled model: "cops" reaches "police".

The vocabulary's vectors are computed at build time; a question's words are looked up, or embedded with
the question when the corpus never uses them (a word the corpus uses reaches only the few words very near
it: "begins", "starts"). The neighbours widen the lexical query and count, at their
similarity, towards a sentence's share of the question's words.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

MIN_COUNT = 2  # a word used once in the whole corpus seldom answers anything ...
SMALL_CORPUS_WORDS = 50_000  # ... but in a corpus this small (a transcript) most words are used once
MIN_SIMILARITY = 0.6  # below this the model's word neighbours are loose associations, not the same subject
PER_WORD = 2
# A word the corpus uses is widened only by the few words very near it (chosen on the tune halves: recall@5
# of the answering passage on the Ofsted natural questions 0.71 -> 0.79).
KNOWN_PER_WORD = 3
KNOWN_SIMILARITY = 0.75
_WORD = re.compile(r"[a-z][a-z'-]*[a-z]")
# Each word's stem -> the stems of its neighbours with their similarity.
Related = dict[str, tuple[tuple[str, float], ...]]
VOCABULARY = "vocabulary.json"  # the corpus's words; their vectors, row for row, in vocabulary.npy
VECTORS = "vocabulary.npy"


def words_of(text: str, stop: frozenset[str]) -> list[str]:
    """The lower-case words of a text, stop words left out."""
    return [w for w in _WORD.findall(text.lower().replace("’", "'")) if w not in stop and len(w) > 2]


def corpus_words(texts: Iterable[str], stop: frozenset[str]) -> list[str]:
    """Every word the corpus uses at least MIN_COUNT times (every word of a small corpus), sorted."""
    counts = Counter(w for text in texts for w in words_of(text, stop))
    least = MIN_COUNT if counts.total() >= SMALL_CORPUS_WORDS else 1
    return sorted(w for w, n in counts.items() if n >= least)


@dataclass
class Vocabulary:
    """The corpus's words and their normalised vectors (row i is words[i])."""

    words: list[str]
    vectors: np.ndarray
    rows: dict[str, int] = field(default_factory=dict)
    # A corpus word's neighbours never change: worked out on its first question, not on every one.
    _known: dict[tuple[str, int, float], list[tuple[str, float]]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.rows = {w: i for i, w in enumerate(self.words)}

    def save(self, folder: Path) -> None:
        """Write the words and their vectors into an index generation's folder."""
        (folder / VOCABULARY).write_text(json.dumps(self.words), encoding="utf-8")
        # Half precision: word neighbours need the direction, not the last digits; half the bytes.
        np.save(folder / VECTORS, self.vectors.astype(np.float16), allow_pickle=False)

    @classmethod
    def load(cls, folder: Path) -> Vocabulary | None:
        """A generation's vocabulary, or None when it has none (built before there was one)."""
        if not (folder / VOCABULARY).is_file():
            return None
        words = json.loads((folder / VOCABULARY).read_text(encoding="utf-8"))
        vectors = np.load(folder / VECTORS, allow_pickle=False).astype(np.float32)
        if len(words) != len(vectors):
            raise ValueError("vocabulary words and vectors differ in number")
        return cls(words, vectors)

    def known_near(self, words: list[str], per_word: int, least: float) -> dict[str, list[tuple[str, float]]]:
        """The neighbours of those of the words the corpus uses (their vectors are stored), compounds left
        out: "service-wide" is near "services" by sharing the word, its other half says nothing."""
        known = [w for w in dict.fromkeys(words) if w in self.rows]
        fresh = [w for w in known if (w, per_word, least) not in self._known]
        if fresh:
            near = self.near(fresh, self.vectors[[self.rows[w] for w in fresh]], per_word, least)
            for w, found in near.items():
                self._known[(w, per_word, least)] = [(n, sim) for n, sim in found if "-" not in n]
        return {w: self._known[(w, per_word, least)] for w in known}

    def vector(self, word: str) -> np.ndarray | None:
        """The stored vector of a corpus word."""
        row = self.rows.get(word)
        return None if row is None else self.vectors[row]

    def near(
        self, words: list[str], vectors: np.ndarray, per_word: int = PER_WORD, least: float = MIN_SIMILARITY
    ) -> dict[str, list[tuple[str, float]]]:
        """For each word, up to per_word other corpus words at least `least` near it, nearest first."""
        if not words or not len(self.words):
            return {}
        sims = vectors @ self.vectors.T
        out: dict[str, list[tuple[str, float]]] = {}
        kth = min(per_word, len(self.words) - 1)  # argpartition needs kth < the number of words
        for i, word in enumerate(words):
            top = np.argpartition(-sims[i], kth)[: kth + 1]
            top = top[np.argsort(-sims[i][top])]
            near = [(self.words[j], float(sims[i, j])) for j in top if sims[i, j] >= least]
            out[word] = [(w, s) for w, s in near if w != word][:per_word]
        return out


def related_terms(tokens: Callable[[str], list[str]], near: dict[str, list[tuple[str, float]]]) -> Related:
    """BM25 stems of each question word's neighbours, keyed by the word's own stem (same stems left out)."""
    related: Related = {}
    for word, neighbours_ in near.items():
        own = tokens(word)
        if not own:
            continue
        terms = {t: sim for n, sim in neighbours_ for t in tokens(n) if t not in own}
        if terms:
            related[own[0]] = tuple(terms.items())
    return related
