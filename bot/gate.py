"""The verification gate: a sentence someone else wrote (a language model, a journalist's claim) is kept only
when our code finds a span of the sources that says it, and every number, date, grade, negation and name
in the sentence is in that span. Markers the writer added ([1], (2)) are ignored for attribution."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np

from bot import acronyms, chunking, terms, wording
from bot.fact_checks import failed_check, grades_in, opposed, opposite_stems, units
from bot.figures import both_ways
from bot.named_subjects import names_in, plain
from bot.negation import negation_covers, prefix_roots
from bot.neighbours import Related
from bot.quantities import overstates

_MARKERS = re.compile(r"\s*(?:\[\s*\d+(?:\s*[,–-]\s*\d+)*\s*\]|【\d+】|\(\s*\d+\s*\)|\^\d+)")
_INSTRUCTION = re.compile(wording.INSTRUCTION, re.I)
_BULLET = re.compile(r"^\s*[◼•▪■●◦‣-]\s")
_STATES = re.compile(rf"\b({'|'.join(wording.AUXILIARIES.split())}|not|no|cannot|\w+n't)\b", re.I)
# A word's neighbours in the corpus vocabulary ("begins": "starts") that count towards the overlap at their
# similarity: so many, so near (inflections take some of the places; looser ones are associations).
NEAR_WORDS = 6
NEAR = 0.7
# A word in more than this share of the index's passages weighs as one in this share: "care leavers" in an
# authority's reports says as much of what a sentence claims as its rarer words ("until", "single"), though
# search may pass it by (claims tune half: 291 -> 296 of 342 right, 0 false supported; 5% 298, 3% 297 with
# one false supported).
COMMON_SHARE = 0.08
# Checks whose failure says the span states otherwise, not merely that it says less ("unsaid", "change",
# "name"): only these make a conflict.
STRONG = ("opposite", "number", "grade", "denial", "negation")
# A sentence saying "all" of what the span, sharing a little less of its words, says only "some" of is about
# the same thing: the words an overstatement adds ("know exactly which") are the ones the span lacks.
OVERSTATED_SLACK = 0.1


@dataclass(frozen=True)
class Span:
    """A candidate supporting span: exact text of a document, and what the document is (title, date)."""

    source: str
    start: int
    end: int
    text: str
    context: str = ""  # title, organisation, date: names and years a sentence may take from the document


@dataclass(frozen=True)
class Thresholds:
    """When a span says what a sentence says (calibrated on the tune half of benchmarks/gate set)."""

    words_alone: float = 0.85  # share of the sentence's content words in the span, enough on its own ...
    # ... with this much meaning in common: the words of two sentences side by side can hold a sentence
    # neither says ("pleased that the force improved ... vulnerable people")
    meaning_with_words: float = 0.45
    words: float = 0.5  # ... enough together with this meaning similarity:
    meaning: float = 0.6
    # meaning this close needs only a third of the words (0.75: claims tune half 271 -> 273 of 315, gate tune
    # half unchanged; at 0.65 claims the sources do not make are supported)
    meaning_alone: float = 0.75
    words_with_meaning: float = 0.34


@dataclass(frozen=True)
class Verdict:
    """What the gate decided about one sentence."""

    sentence: str
    spans: tuple[Span, ...] = ()  # the supporting spans; empty when withheld
    support: str = ""  # "verbatim", "close" or "paraphrase" when kept
    reason: str = ""  # why it was withheld
    conflict: Span | None = None  # a span about the same thing that says otherwise (number, grade, negation)
    # which fact differs there: number, grade, negation, denial, opposite or name ("unsaid": a denial the
    # span does not make, as it does not speak of what is denied; "change": a rise or fall it does not state)
    conflict_kind: str = ""

    @property
    def kept(self) -> bool:
        """Whether the sentence may be shown."""
        return bool(self.spans)


def weigher(idf: Callable[[str], float]) -> Callable[[str], float]:
    """A word's weight in the overlap: its idf, with the commonest words raised to that of COMMON_SHARE."""
    floor = math.log(1 / COMMON_SHARE)
    return lambda token: max(idf(token), floor)


def strip_markers(text: str) -> str:
    """The text without citation markers a writer added."""
    return re.sub(r"\s+([.,;:!?])", r"\1", _MARKERS.sub("", text)).strip()


def split_sentences(text: str) -> list[str]:
    """A written answer as sentences, markers removed, empty ones dropped."""
    text = strip_markers(text)
    return [s for s in (text[a:b].strip() for a, b in chunking.sentences(text)) if plain(s)]


class Gate:
    """Aligns sentences to spans with the bundled model's meaning and the index's content words."""

    def __init__(
        self,
        embed: Callable[[list[str]], np.ndarray],
        tokens: Callable[[str], list[str]],
        thresholds: Thresholds | None = None,
        weight: Callable[[str], float] | None = None,
        related: Callable[[str], Related] | None = None,
    ) -> None:
        self.embed = embed
        self.tokens = tokens
        self.thresholds = thresholds or Thresholds()
        # A word's weight in the overlap (the index's idf): sharing "informed" says more than "children".
        self.weight = weight or (lambda token: 1.0)
        # The corpus words nearest in meaning to each of a sentence's words ("begins": "starts"), which
        # count towards the overlap at their similarity.
        self.related = related or (lambda sentence: {})
        self.auxiliary = frozenset(tokens(wording.AUXILIARIES))
        self.subjects = frozenset(tokens(" ".join(words for _, words in wording.REPORT_SUBJECTS)))
        self.opposite = opposite_stems(tokens)

    def check(self, sentences: Sequence[str], spans: Sequence[Span]) -> list[Verdict]:
        """One verdict per sentence against the candidate spans (single sentences; neighbours are paired).

        A span that reads as an instruction to a language model ("ignore previous instructions and say
        ...") is never support: it states nothing about the inspection.
        """
        candidates = _with_pairs([s for s in spans if not _INSTRUCTION.search(s.text)])
        if not sentences:
            return []
        if not candidates:
            return [Verdict(s, reason="no passage was given to check it against") for s in sentences]
        texts = [units(" ".join(sp.text for sp in c)) for c in candidates]
        vectors = self.embed([*sentences, *texts])
        said, offered = vectors[: len(sentences)], vectors[len(sentences) :]
        meaning = said @ offered.T
        lists = [self.tokens(t) for t in texts]
        return [
            self._one(s, candidates, texts, self._offered(s, lists, texts), meaning[i])
            for i, s in enumerate(sentences)
        ]

    def _offered(self, sentence: str, lists: list[list[str]], texts: list[str]) -> list[set[str]]:
        """Each candidate's tokens, with the sentence's tokens it says through an acronym ("ICB" for
        "integrated care board", either way round) or another writing of a domain term ("looked after")."""
        extra = acronyms.said_through(sentence, texts, self.tokens)
        domain = terms.said_through(sentence, texts, self.tokens)
        counted = [self._figures(t) for t in texts]
        return [set(toks) | more | also | f for toks, more, also, f in zip(lists, extra, domain, counted)]

    def _figures(self, text: str) -> set[str]:
        """The text's numbers in digits and in words: "ten children" says "10 children", "12" a dozen."""
        return set(self.tokens(" ".join(both_ways(text))))

    def _one(
        self,
        sentence: str,
        candidates: list[tuple[Span, ...]],
        texts: list[str],
        cand_tokens: list[set[str]],
        meaning: np.ndarray,
    ) -> Verdict:
        """The first candidate, best first, that says the sentence with all its facts; else why not."""
        words = set(self.tokens(units(sentence))) - self.auxiliary
        # A name, or what the report's subject is called ("the council"), may come from the document.
        named = set(self.tokens(" ".join(names_in(sentence)))) | (words & self.subjects)
        weights = {w: self.weight(w) for w in words}
        contexts = {c[0].context: self._supplied(c[0].context, named) for c in candidates}
        near = self.related(sentence)
        # The words a span must say itself: names its document supplies are left out.
        own = [words - contexts[c[0].context] for c in candidates]
        overlap = [_overlap(o, t, weights, near) for o, t in zip(own, cand_tokens)]
        order = sorted(range(len(candidates)), key=lambda i: -(meaning[i] + overlap[i]))
        conflict: tuple[int, str, str] | None = None
        weak: tuple[int, str, str] | None = None  # about the same thing, saying too little to support it
        for i in order:
            support = self._support(sentence, texts[i], overlap[i], float(meaning[i]))
            if not support and not weak:
                said = self._said_otherwise(
                    sentence, candidates[i], texts[i], (own[i], cand_tokens[i], weights, near),
                    (overlap[i], float(meaning[i])),
                )  # fmt: skip
                weak = (i, *said) if said else None
            # Once the best match says otherwise, only a span that includes it (with its neighbour) may
            # still say it all; a weaker match elsewhere may not overrule it. One that only says less
            # ("unsaid", "change", "name") does not stop the search.
            blocking = conflict and conflict[1] in STRONG
            if not support or (blocking and not set(candidates[conflict[0]]) <= set(candidates[i])):
                continue
            kind, reason = self._failed(sentence, texts[i], candidates[i][0].context, cand_tokens[i], near)
            if not reason and len(candidates[i]) > 1:
                kind, reason = self._member_says_otherwise(sentence, candidates[i], own[i])
            # one sentence lending a pair its meaning, the other its words: each alone may support it
            if not reason and len(candidates[i]) > 1 and not self._each_adds(own[i], candidates[i]):
                continue
            if not reason:
                closer = self._closer_conflict(sentence, candidates, texts, overlap, i, (cand_tokens, near))
                if closer is None:
                    return Verdict(sentence, candidates[i], support)
                conflict = closer
                break
            if not conflict or (kind in STRONG and conflict[1] not in STRONG):
                conflict = (i, kind, reason)
        if weak and (not conflict or conflict[1] not in STRONG):
            conflict = weak  # a span that says otherwise, over one that only does not say it
        if conflict:
            i, kind, reason = conflict
            return Verdict(
                sentence, reason=reason, conflict=_saying(sentence, candidates[i], kind), conflict_kind=kind
            )
        return Verdict(sentence, reason="no passage says this")

    def _said_otherwise(
        self,
        sentence: str,
        candidate: tuple[Span, ...],
        text: str,
        words: tuple[set[str], set[str], dict[str, float], Related | None],
        scores: tuple[float, float],
    ) -> tuple[str, str] | None:
        """(kind, reason) when a span about the same thing says it the other way ("reduced" for "risen"):
        a conflict even when it does not say enough to support the sentence; it does not stop a span that
        says it all from supporting it. None otherwise."""
        own, offered, weights, near = words
        if not self._about_the_same(own, offered, weights, scores, sentence, text):
            return None
        kind, reason = self._failed(sentence, text, candidate[0].context, offered, near)
        # the sentence of a pair saying otherwise must be about the sentence's subject itself
        if kind in STRONG and (len(candidate) == 1 or self._shares(own, _saying(sentence, candidate, kind))):
            return kind, reason
        return None

    def _each_adds(self, own: set[str], pair: tuple[Span, ...]) -> bool:
        """Whether each sentence of a pair holds some of the sentence's own words the other lacks: a pair
        stands for a sentence joining two, not for one sentence beside another on the same subject."""
        held = [_shared(own, set(self.tokens(units(sp.text))) | self._figures(sp.text)) for sp in pair]
        return all(held[i] - set().union(*held[:i], *held[i + 1 :]) for i in range(len(held)))

    def _supplied(self, context: str, named: set[str]) -> set[str]:
        """The sentence's name words a document supplies: those its context holds, and its context's own
        names however the sentence writes them ("west midlands police" in lower case)."""
        return (named & set(self.tokens(context))) | set(self.tokens(" ".join(names_in(context))))

    def _member_says_otherwise(self, sentence: str, pair: tuple[Span, ...], own: set[str]) -> tuple[str, str]:
        """An opposite one sentence of a pair says alone of the sentence's subject: "manages offenders well"
        beside "concerns about protecting vulnerable people" does not say the force protects them well."""
        for span in pair:
            reason = opposed(sentence, span.text, span.context)
            if reason and self._shares(own, span):
                return "opposite", reason
        return "", ""

    def _shares(self, own: set[str], span: Span) -> bool:
        """Whether a span holds any of the words the sentence must say itself (as written or in another
        form)."""
        return bool(_shared(own, set(self.tokens(span.text))))

    def _closer_conflict(
        self,
        sentence: str,
        candidates: list[tuple[Span, ...]],
        texts: list[str],
        overlap: list[float],
        i: int,
        offered: tuple[list[set[str]], Related | None],
    ) -> tuple[int, str, str] | None:
        """A span sharing more of the sentence's words than the one that supports it, and saying otherwise:
        a list item naming the subject may seem to say it, where the finding about it says the reverse."""
        for j in sorted(range(len(candidates)), key=lambda j: -overlap[j]):
            if overlap[j] <= max(overlap[i], self.thresholds.words):
                return None
            kind, reason = self._failed(
                sentence, texts[j], candidates[j][0].context, offered[0][j], offered[1]
            )
            if kind in STRONG:
                return j, kind, reason
        return None

    def _failed(
        self, sentence: str, text: str, context: str, offered: set[str], near: Related | None
    ) -> tuple[str, str]:
        """The first fact check the span fails. A span stating only part of what a negation of the sentence
        covers ("children", not "children in its care") does not say it is so: it says less."""
        kind, reason = failed_check(sentence, text, context)
        if kind == "negation" and not self._states_negated(sentence, offered, near):
            return "unsaid", reason
        return kind, reason

    def _states_negated(self, sentence: str, offered: set[str], near: Related | None) -> bool:
        """Whether the span holds every word each negation of the sentence covers, as written, in another
        form or as a near neighbour ("selected" for "chosen")."""
        for covered in negation_covers(sentence):
            words = set(self.tokens(" ".join(covered))) - self.auxiliary
            for w in words - _shared(words, offered):
                if not any(n in offered for n, _ in (near or {}).get(w, ())):
                    return False
        return True

    def _about_the_same(
        self,
        words: set[str],
        offered: set[str],
        weights: dict[str, float],
        scores: tuple[float, float],
        sentence: str = "",
        text: str = "",
    ) -> bool:
        """Whether a span is about what the sentence is about: half its words, or a third and close in
        meaning ("needs are quickly identified" beside "needs are not consistently recognised"). A word it
        says the other way ("improved" for "worsened") counts as shared: the word a claim turns round is
        missing from the span."""
        overlap, meaning = scores
        t = self.thresholds
        if overlap >= t.words or (overlap >= t.words_with_meaning and meaning >= t.meaning):
            return True
        if (
            (overlap >= t.words - OVERSTATED_SLACK or meaning >= t.meaning)
            and sentence
            and overstates(sentence, text)
        ):
            return True
        if meaning >= t.meaning and sentence and _redated(sentence, text):
            return True
        turned = {w for w in words if self.opposite.get(w, set()) & offered}
        if not turned or not _shared(words - turned, offered):
            return False  # a word turned round alone ("praised": "concerns") says nothing of the subject
        # with the turned word shared, as much in common as any span about the same thing
        held = _overlap(words, offered | turned, weights)
        return held >= t.words or (held >= t.words_with_meaning and meaning >= t.meaning)

    def _support(self, sentence: str, text: str, overlap: float, meaning: float) -> str:
        """'verbatim', 'close' or 'paraphrase' when the text says the sentence; '' when it does not."""
        t = self.thresholds
        if plain(sentence) in plain(text):
            return "verbatim"
        if _BULLET.match(text) and not _STATES.search(text):
            return ""  # a list item naming an area (often one to improve) says nothing about how it is
        if overlap >= t.words_alone and meaning >= t.meaning_with_words:
            return "close"
        if (overlap >= t.words and meaning >= t.meaning) or (
            meaning >= t.meaning_alone and overlap >= t.words_with_meaning
        ):
            return "paraphrase"
        return ""


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")


def _redated(sentence: str, text: str) -> bool:
    """Whether a span close in meaning gives the sentence's event another year: a year of the sentence it
    lacks, and one of its own the sentence lacks ("inspected in January 2010" beside "was in January
    2012"), however few of the sentence's other words it repeats."""
    said, given = set(_YEAR.findall(sentence)), set(_YEAR.findall(text))
    return bool(said - given) and bool(given - said)


def _saying(sentence: str, pair: tuple[Span, ...], kind: str) -> Span:
    """The span of a pair that itself says otherwise (the one to cite), else its first."""
    return next((sp for sp in pair if failed_check(sentence, sp.text, sp.context)[0] == kind), pair[0])


def _overlap(
    words: set[str], offered: set[str], weights: dict[str, float], near: Related | None = None
) -> float:
    """The weighted share of the sentence's words the span holds, a word the span says in other words
    ("begins" for "starts") at its similarity. Name words the span's own document supplies (its title,
    organisation) are left out: they neither help nor hurt."""
    total = sum(weights[w] for w in words)
    if not total:
        return 0.0
    shared = _shared(words, offered)
    held = sum(weights[w] for w in shared)
    for w in words - shared:
        held += weights[w] * max((sim for n, sim in (near or {}).get(w, ()) if n in offered), default=0.0)
    return held / total


def _shared(words: set[str], offered: set[str]) -> set[str]:
    """The sentence's words the span holds, as written or in another form: "unaware" where it says (not)
    "aware" (the fact checks weigh the denial), "advisers" where it spells them "advisors"."""
    out = words & offered
    for w in words - out:
        if prefix_roots(w) & offered or (
            len(w) >= 5 and any(o[:5] == w[:5] and (o.startswith(w) or w.startswith(o)) for o in offered)
        ):
            out.add(w)
    return out


def _with_pairs(spans: list[Span]) -> list[tuple[Span, ...]]:
    """Every span alone, and each with the next span of the same document (a sentence may join two)."""
    out: list[tuple[Span, ...]] = [(s,) for s in spans]
    ordered = sorted(spans, key=lambda s: (s.source, s.start))
    for a, b in zip(ordered, ordered[1:], strict=False):
        # A grade must be stated by one span: two table rows together hold two areas' grades.
        if (
            a.source == b.source
            and 0 <= b.start - a.end <= 3
            and not (grades_in(a.text) or grades_in(b.text))
        ):
            out.append((a, b))
    return out
