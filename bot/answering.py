"""Extractive answers: choose the evidence sentences that answer a question, or refuse and say why."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from bot import terms as domain_terms
from bot.schema import Citation, Document, Hit
from bot.store import Index
from bot.subjects import area_names, area_text, area_words, shared_by_most
from bot.wording import (
    FAULT_VOICED,
    FRAMING,
    GRADE_WORDS,
    PRAISE_SAID,
    kin_set,
)

CANNOT_ANSWER = "The sources do not answer this question."
_GRADE = r"(outstanding|good|requires? improvement|inadequate|adequate)"
# A stated judgement: a table row ending in a grade, "...: good", or "judged/is/are ... good" but not
# "good at preventing crime", which praises without grading.
GRADES = re.compile(
    rf"\s{{2,}}{_GRADE}\b[^\n]{{0,20}}$|:\s*{_GRADE}\b"
    rf"|\b(judged|graded|rated|judgement is|judgement of|is|are|was|were|be|been|remains?)\s+"
    rf"((now|still|currently|also|consistently|overall) )?(to be |as |that [\w’' ]{{0,30}} )?{_GRADE}\b"
    rf"(?! (at|to|for|practice|examples?|quality|progress|work)\b| in\b(?! (19|20)\d\d))",
    re.I | re.M,
)
_OVERALL_ROW = re.compile(rf"^Overall effectiveness\s{{2,}}{_GRADE}[^\n]*$", re.I | re.M)
GRADE_TABLE_REACH = 3000  # judgement tables open a report: a graded report says so on its first page
DENSE_FLOOR = 0.25
_STATEMENT_END = re.compile(r"[.!?][\"”’')\]]*\s*$")
COVERAGE_FLOOR = 2.0
# Sentences opening like this lean on the one before; the quote then starts a sentence earlier.
_DEPENDENT = re.compile(r"^(However|But|It|Its|This|These|That|Those|They|Their|He|She|Such|Also|Therefore|"
                        r"As a result|In addition|Despite this|Nevertheless)\b")  # fmt: skip


@dataclass(frozen=True)
class Evidence:
    """A candidate quote: a span of one document with its score."""

    source: str
    start: int
    end: int
    score: float
    dense: float
    coverage: float


def query_weights(
    index: Index, question: str, among: np.ndarray | None = None, left_out: str = ""
) -> dict[str, float]:
    """BM25 tokens of the question weighted by IDF, less the words that only frame the question.

    IDF is taken over the chunks in the question's scope: "force" is rare among children's services
    reports but says nothing within a police report. Words in left_out, those saying what kind of answer is
    wanted ("grade", "next") rather than its subject or those naming no subject, are left out too.
    """
    framing = set(index.tokens(FRAMING + " " + left_out))
    tokens = [t for t in index.tokens(question) if t not in framing]
    return {t: index.idf(t, among) for t in dict.fromkeys(tokens)}


def grade_weights(
    index: Index, question: str, among: np.ndarray | None = None, sources: set[str] | None = None
) -> dict[str, float]:
    """Weights for a grade question: the judgement area it names, or the overall judgement if it names none.

    The grade words themselves are left out: "Why was Dorset judged inadequate?" is answered by the row
    that states Dorset's grade, whatever that grade is. An area is named by words of the judgement areas
    the reports in scope grade ("care leavers"); "hi, how did they get on?" names none.
    """
    areas = area_words(index, sources) - _shared_by_most_areas(index, sources)
    # a term written as the areas do not ("looked after children") is weighed in their words too
    as_graded = domain_terms.written_in(question, area_text(index, sources))
    weights = query_weights(index, f"{question} {as_graded}", among, GRADE_WORDS)
    weights = {t: w for t, w in weights.items() if t in areas} if areas else weights
    return weights or query_weights(index, "overall effectiveness", among)


def _shared_by_most_areas(index: Index, sources: set[str] | None) -> set[str]:
    """Words most of the graded areas' names share ("children", "experiences"): they single out none ("is the
    council failing its children?" asks for the overall grade)."""
    return shared_by_most([set(index.tokens(area)) for area in set(area_names(index, sources))])


def coverage(
    sentence_tokens: AbstractSet[str],
    weights: dict[str, float],
    of_kind: bool = False,
    related: dict[str, tuple[tuple[str, float], ...]] | None = None,
) -> float:
    """Share of the question's IDF weight that the sentence contains, counting derived words.

    A word the sentence lacks counts at its similarity when the sentence has a word near it in meaning
    ("cops" and "police"). A sentence of the kind the question asks for (a next step) already answers
    its distinctive part: only the weight it misses counts against it.
    """
    return QuestionTerms(weights, related).coverage(sentence_tokens, of_kind)


class QuestionTerms:
    """A question's weighted words, each with its derived forms and near words, for scoring many sentences."""

    def __init__(self, weights: dict[str, float], related: dict[str, tuple[tuple[str, float], ...]] | None):
        near = related or {}
        self.terms = [(w, frozenset({t, *kin_set(t)}), near.get(t, ())) for t, w in weights.items()]
        self.weight = sum(weights.values())
        self.total = max(self.weight, COVERAGE_FLOOR)

    def coverage(self, sentence_tokens: AbstractSet[str], of_kind: bool = False) -> float:
        """The sentence's share of the question's weight (see coverage)."""
        found = sum(w * _presence(sentence_tokens, forms, near) for w, forms, near in self.terms)
        return 1.0 - (self.weight - found) / self.total if of_kind else found / self.total


def _presence(
    sentence_tokens: AbstractSet[str], forms: frozenset[str], near: tuple[tuple[str, float], ...]
) -> float:
    """1 when the sentence has the word (or a derived one), else the similarity of its nearest kin there."""
    if not forms.isdisjoint(sentence_tokens):
        return 1.0
    return max((sim for term, sim in near if term in sentence_tokens), default=0.0)


def candidates(
    index: Index,
    hits: list[Hit],
    query_vector: np.ndarray,
    weights: dict[str, float],
    grade_question: bool,
    kind: Callable[[str], bool] | None = None,
    related: dict[str, tuple[tuple[str, float], ...]] | None = None,
    changing: bool = False,
) -> list[Evidence]:
    """Every sentence of the retrieved chunks, scored by meaning, shared words and retrieval rank.

    With a kind, only sentences of that kind answer; a question about a change (changing) is answered
    first by sentences stating one.
    """
    out: list[Evidence] = []
    terms = QuestionTerms(weights, related)
    for rank, hit in enumerate(hits):
        doc = index.documents[hit.chunk.source]
        vectors = index.sentence_vectors_of(hit.chunk.id)
        centre, usual = report_centres(index)[hit.chunk.source]
        # less what a sentence shares with its whole report, above the usual share (see HUB_WEIGHT)
        sims = vectors @ query_vector - HUB_WEIGHT * (vectors @ centre - usual)
        prior = 0.05 / (1 + rank)  # a small nudge for chunks the fused ranking put first
        heading = 0.0
        near, windows = neighbours_meaning(sims), window_meaning(vectors, query_vector)
        for (start, end), sim, around, window in zip(hit.chunk.sentences, sims, near, windows, strict=True):
            text = doc.text[start:end]
            graded = states_grade(text)
            if (grade_question and not graded) or (kind and not kind(text)):
                continue  # a question about a judgement (or a next step) is answered only by one stating it
            cov = terms.coverage(index.sentence_tokens(doc.source, start, end), kind is not None)
            # only neighbours near the question in meaning lift: no lift at all for a question on nothing here
            lift = NEIGHBOUR_LIFT * max(0.0, float(around) - DENSE_FLOOR)
            score = blend(float(sim), cov, prior, kind is not None) + lift
            score += WINDOW_WEIGHT * (float(window) - float(sim))
            score += _adjustment(index, doc, start, end, graded, grade_question and cov >= 0.15)
            if changing and domain_terms.states_change(text):
                score += CHANGE_LIFT
            if not graded and is_heading(doc.text, start, end):
                # A bare heading ("Inspection outcome") answers nothing itself; the sentence after it may.
                heading = score
                continue
            out.append(Evidence(doc.source, start, end, max(score, 0.95 * heading), float(sim), cov))
            heading = 0.0
    return out


# What a sentence's nearness to its report's mean sentence takes off its meaning score, above how near its
# report's sentences are to it on average. A sentence near its whole report ("Social workers are skilled,
# experienced and ambitious for children", "I am very pleased with the overall performance of the force") is
# near every question about the report a little, and crowded out the sentence that answers an everyday
# wording ("are the PAs swamped?"): the hubs of nearest-neighbour search. Chosen on the tune halves (1222
# answerable, 1022 unanswerable): 0 1052 found, 969 refused; 0.2 1061, 967; 0.5 1074, 965; 0.7 1074, 962;
# 1.0 1057, 961; a negative weight (-0.3) 1029.
HUB_WEIGHT = 0.5


def report_centres(index: Index) -> dict[str, tuple[np.ndarray, float]]:
    """Each report's mean sentence direction, and how near its sentences are to it on average; worked out
    from the stored sentence vectors once per index."""
    return index.derived("report_centres", _centres)


def _centres(index: Index) -> dict[str, tuple[np.ndarray, float]]:
    rows: dict[str, list[np.ndarray]] = {}
    for chunk in index.chunks:
        rows.setdefault(chunk.source, []).append(index.sentence_vectors_of(chunk.id))
    out: dict[str, tuple[np.ndarray, float]] = {}
    for source, parts in rows.items():
        vectors = np.vstack(parts)
        if not len(vectors):  # no sentences: nothing to take off
            out[source] = (np.zeros(vectors.shape[1], dtype=vectors.dtype), 0.0)
            continue
        mean = vectors.mean(axis=0)
        centre = mean / max(float(np.linalg.norm(mean)), 1e-9)
        out[source] = (centre, float((vectors @ centre).mean()))
    return out


# What stating a change adds to a sentence's score when the question asks about one ("has it gone down?"):
# chosen on the tune halves (0.05: no change; 0.1: one more answered, none lost).
CHANGE_LIFT = 0.1


# What the nearer in meaning of a sentence's two neighbours adds to its score, above the floor of meaning:
# the answer to a question in everyday words often sits beside a sentence that says the subject in words
# nearer the question's. Chosen on the tune halves: 0.05 344/422 found (was 339), none lost in the
# rewordings; 0.1 343; 0.15 345 but 3 fewer found in the rewordings. Without the floor, 0.05-0.2 found
# 346-347 but lifted every sentence alike, so off-topic questions were answered and rewordings lost up to 11;
# the mean of both neighbours 342-344; only a neighbour nearer than the sentence 340.
NEIGHBOUR_LIFT = 0.05


# What the meaning of a sentence read with its neighbours adds to its score, above or below its own: "This
# includes a triage process for referrals" says what it is about only with the sentence before it. Chosen on
# the tune halves: 0.1 and 0.15 833 of 952 found (829 without), 863 of 906 refused (864); 0.2 fewer; 0.05 no
# gain; the sentence with the one before only (not after) less. Check halves after: 412 of 520 found
# (407 before), 245 of 300 refused (244).
WINDOW_WEIGHT = 0.1


def window_meaning(vectors: np.ndarray, query_vector: np.ndarray) -> np.ndarray:
    """For each sentence of a passage, the nearness to the question of it and its two neighbours together
    (the normalised sum of their vectors: close to the vector of the three read as one)."""
    padded = np.vstack([np.zeros_like(vectors[:1]), vectors, np.zeros_like(vectors[:1])])
    summed = padded[:-2] + padded[1:-1] + padded[2:]
    summed /= np.maximum(np.linalg.norm(summed, axis=1, keepdims=True), 1e-9)
    return summed @ query_vector


def neighbours_meaning(sims: np.ndarray) -> np.ndarray:
    """For each sentence, the nearer in meaning of the sentences either side of it in its passage."""
    padded = np.concatenate(([0.0], sims, [0.0]))
    return np.maximum(padded[:-2], padded[2:])


def blend(sim: float, cov: float, prior: float, of_kind: bool = False) -> float:
    """A sentence's score from its meaning, its share of the question's words and its chunk's rank.

    Shared words without shared meaning ("next", "look") make a poor answer: below the floor, the score
    loses what the meaning lacks. A sentence of the kind asked for had its meaning checked by pattern.
    """
    floor = 0.0 if of_kind else DENSE_FLOOR
    return 0.55 * sim + 0.45 * cov + prior - max(0.0, floor - sim)


def is_heading(text: str, start: int, end: int) -> bool:
    """A title or heading, not a statement: very short, or a short line of its own with no full stop or
    asking a question."""
    line = text[start:end]
    words = len(line.split())
    if ":" in line or words >= 15:
        return False
    alone = text[max(0, start - 2) : start] in ("", "\n\n") and text[end : end + 2] in ("", "\n\n")
    # a question on a line of its own heads what follows ("What does the local authority need to improve?")
    return words < 6 or (alone and (not _STATEMENT_END.search(line) or line.rstrip().endswith("?")))


def _adjustment(
    index: Index, doc: Document, start: int, end: int, graded: bool, names_asked_grade: bool
) -> float:
    """Lift a grade that names what was asked about; lower method text repeated across reports."""
    if names_asked_grade:
        return 0.12  # a graded statement naming what was asked about is the answer, however short
    if not graded and index.is_boilerplate(doc.source, start, end):
        return -0.1  # the same method text in many reports is seldom what a question is after
    return 0.0


# How far below the answer bar a sentence close to a best one that clears it may still be quoted beside it:
# a best sentence just over the bar is no more certain than the next, and the next is often the answer
# (tune halves: 0.05 two more answered, 0.1 three, 0.2 three; none lost).
COMPANION_DROP = 0.1
# How far below the best sentence others may still be quoted beside it: a question of two parts ("refugee
# families and children who arrived alone") is answered by two sentences, the second scoring well below the
# first (tune halves: 0.12 238/287 found, 0.2 240, 0.3 241; no refusal lost, up to four quotes
# then shown).
BEST_DROP = 0.3


# How many sentences an answer quotes at most, and when no sentence clears the bar but the report meant is
# clear, how many of its best: everyday wording often ranks the answering sentence just below the first few
# (tune halves: 4 and 3 quotes 736/862 found, 831/871 refused; 5 and 4 quotes 748 found, 830 refused; the
# answering sentence was among the top 4 ranked sentences of 238 tune questions 178 times, top 5 189).
QUOTES = 5
REPORT_QUOTES = 4


def select(evidence: list[Evidence], threshold: float, limit: int = QUOTES) -> list[Evidence]:
    """The best sentences: the best above the threshold, and those close to it; no span twice."""
    ranked = sorted(evidence, key=lambda e: -e.score)
    if not ranked or ranked[0].score < threshold:
        return []
    floor = max(threshold - COMPANION_DROP, ranked[0].score - BEST_DROP)
    return _distinct([ev for ev in ranked if ev.score >= floor], limit)


def near_the_best(evidence: list[Evidence], slack: float, meaning_slack: float) -> list[Evidence]:
    """The evidence scoring within slack of the best, or within meaning_slack of its nearness in meaning.

    A figure far below the best sentence about the question is a figure about something beside it
    ("two-thirds of families diverted" for "how many Afghan children arrived?").
    """
    bar = max((e.score for e in evidence), default=0.0) - slack
    near = max((e.dense for e in evidence), default=0.0) - meaning_slack
    return [e for e in evidence if e.score >= bar or e.dense >= near]


# How near in meaning a sentence sharing none of a question's words must be to answer it: tune halves
# unchanged from 0.3 to 0.45 (no answered question rests on such sentences alone).
RELATED_MEANING = 0.35


# The share of the report bar a meant report's best sentences need when the question asks for a description
# (chosen on the tune halves: a quarter, +4 found and -1 refused; a half +3 and -1; the whole bar lowered as
# far, figure questions included, +3 to +4 found and -3 refused).
DESCRIBED_FLOOR = 0.25


def report_floor(bar: float, expects: str, wants: str) -> float:
    """How far below the bar a meant report's best sentences may answer: a description asked of passages
    lower (its best sentences, each cited, beat a refusal); a figure, a date or a name needs a sentence near
    the question, and a grade no sentence near it states is answered from the record. What the inspectorate
    will do next is answered by a sentence of that kind, however few of the question's words it shares ("will
    anyone come back to check?": "A monitoring inspection will be carried out within ...")."""
    if wants == "next_step" or (expects == "description" and wants == "passages"):
        return bar * DESCRIBED_FLOOR
    return bar


def best_of_reports(
    evidence: list[Evidence], sources: set[str], floor: float, limit: int = REPORT_QUOTES
) -> list[Evidence]:
    """When the reports meant are clear but no sentence is certain: their best few above the floor."""
    ranked = sorted((e for e in evidence if e.source in sources), key=lambda e: -e.score)
    return _distinct([ev for ev in ranked if ev.score >= floor], limit)


def related(evidence: list[Evidence]) -> bool:
    """Whether any of the sentences shares a word of the question or is near it in meaning: if not, they are
    a report's least unrelated sentences, not an answer ("¿Cómo gestiona la policía ...?" on one report)."""
    return any(ev.coverage > 0 or ev.dense >= RELATED_MEANING for ev in evidence)


def meant_report(evidence: list[Evidence], sources: set[str] | None, top: int = 3) -> str | None:
    """The one report a question is about: the only one in scope, or the source of all its best sentences."""
    if sources is not None and len(sources) == 1:
        return next(iter(sources))
    best = {e.source for e in sorted(evidence, key=lambda e: -e.score)[:top]}
    return best.pop() if len(best) == 1 else None


def _distinct(ranked: list[Evidence], limit: int) -> list[Evidence]:
    """The first spans of a ranking that overlap none chosen before, up to limit."""
    chosen: list[Evidence] = []
    for ev in ranked:
        if len(chosen) == limit:
            break
        if not any(ev.source == c.source and ev.start < c.end and c.start < ev.end for c in chosen):
            chosen.append(ev)
    return chosen


def with_context(doc: Document, ev: Evidence, sentences: list[tuple[int, int]]) -> Evidence:
    """Start the quote one sentence earlier when the sentence leans on the one before it."""
    if not _DEPENDENT.match(doc.text[ev.start : ev.end]):
        return ev
    before = [s for s in sentences if s[1] <= ev.start and "\n\n" not in doc.text[s[1] : ev.start]]
    if not before:
        return ev
    return Evidence(ev.source, before[-1][0], ev.end, ev.score, ev.dense, ev.coverage)


def with_next(doc: Document, ev: Evidence, sentences: list[tuple[int, int]]) -> Evidence:
    """The quote run on to the sentence after it on the same line (a table row or list item stands alone)."""
    after = [s for s in sentences if s[0] >= ev.end and "\n" not in doc.text[ev.end : s[0]]]
    return Evidence(ev.source, ev.start, after[0][1], ev.score, ev.dense, ev.coverage) if after else ev


def merged(evidence: list[Evidence]) -> list[Evidence]:
    """Spans of one document that overlap (a quote started a sentence earlier now holds the one before it)
    as one span, at the better score: no sentence is quoted twice."""
    out: list[Evidence] = []
    for ev in sorted(evidence, key=lambda e: (e.source, e.start)):
        last = out[-1] if out else None
        if last and last.source == ev.source and ev.start < last.end:
            best = max(last, ev, key=lambda e: e.score)
            out[-1] = Evidence(
                ev.source, last.start, max(last.end, ev.end), best.score, best.dense, best.coverage
            )
        else:
            out.append(ev)
    return out


def order(evidence: list[Evidence]) -> list[Evidence]:
    """Group by document (best document first), each document's best sentence first (what the question is
    answered by leads), then the others by position in the document."""
    best: dict[str, float] = {}
    for ev in evidence:
        best[ev.source] = max(best.get(ev.source, -1.0), ev.score)
    return sorted(evidence, key=lambda e: (-best[e.source], e.source, e.score < best[e.source], e.start))


def cite(n: int, doc: Document, ev: Evidence, support: str = "verbatim") -> Citation:
    """A citation with every locator the document has for the span."""
    page = doc.page_at(ev.start)
    para = doc.paragraph_at(ev.start)
    meta = doc.metadata
    return Citation(
        n=n,
        source=doc.source,
        title=doc.title,
        quote=doc.text[ev.start : ev.end],
        start=ev.start,
        end=ev.end,
        page=page.page if page else None,
        printed_page=page.printed if page else None,
        paragraph=para.number if para else None,
        date=meta.get("date"),
        url=meta.get("url"),
        support=support,
        score=round(ev.score, 4),
    )


def cite_facts(documents: dict[str, Document], facts: Iterable[tuple[str, Any]]) -> list[Citation]:
    """Citations of record facts (anything with start and end), numbered in order: each quotes its span."""
    spans = [Evidence(s, f.start, f.end, 1.0, 1.0, 1.0) for s, f in facts]
    return [cite(i + 1, documents[ev.source], ev) for i, ev in enumerate(spans)]


def compose(citations: list[Citation]) -> str:
    """Answer text: each quote followed by its marker, one paragraph per document."""
    parts: list[str] = []
    previous = None
    for c in citations:
        quote = " ".join(c.quote.split())
        sep = "" if previous is None else (" " if previous == c.source else "\n\n")
        parts.append(f"{sep}{quote} [{c.n}]")
        previous = c.source
    return "".join(parts)


@lru_cache(maxsize=65536)  # the same sentences are checked for every question about their report
def states_grade(text: str) -> bool:
    """Whether a passage states a judgement or grade."""
    return GRADES.search(text) is not None


def summary(
    doc: Document,
    sentences: list[tuple[int, int]],
    overall: tuple[int, int] | None = None,
    boilerplate: Callable[[int, int], bool] = lambda start, end: False,
    leaning: str | None = None,
) -> list[Evidence]:
    """A report's gist in its own words: its overall judgement (the record's span, else the grade table's
    row), then the opening of its first prose that is not the inspectorate's own text repeated in every
    report (an older report opens with the law it is made under). Asked only what is wrong (or right), the
    first statements voicing a fault or concern (or praise) stand for the opening."""
    out: list[Evidence] = []
    row = _OVERALL_ROW.search(doc.text[:GRADE_TABLE_REACH])
    overall = overall or (row.span() if row else None)
    if overall:
        out.append(Evidence(doc.source, *overall, 1.0, 0.0, 0.0))
    # the overall judgement said in a sentence is not said again, there or where the report repeats it
    said = doc.text[overall[0] : overall[1]].rstrip(" .") if overall else None
    sentences = [
        (a, b)
        for a, b in sentences
        if not (overall and a < overall[1] and overall[0] < b) and doc.text[a:b].rstrip(" .") != said
    ]
    voiced = [
        (a, b)
        for a, b in sentences
        if leaning and not boilerplate(a, b) and _statement(doc.text, a, b) and _leans(doc.text[a:b], leaning)
    ][:LEANING_QUOTES]
    if voiced:
        return out + [Evidence(doc.source, a, b, 1.0, 0.0, 0.0) for a, b in voiced]
    for i, (start, end) in enumerate(sentences):
        if boilerplate(start, end):
            continue
        block_start = doc.text.rfind("\n\n", 0, start) + 2 if "\n\n" in doc.text[:start] else 0
        block_end = doc.text.find("\n\n", end)
        block = doc.text[block_start : block_end if block_end != -1 else len(doc.text)]
        if len(block.split()) >= 30 and block.rstrip().endswith("."):
            spans = [s for s in sentences[i : i + 2] if s[1] <= block_start + len(block)]
            return out + [Evidence(doc.source, a, b, 1.0, 0.0, 0.0) for a, b in spans]
    return out


# A gist asked only of what is wrong or right quotes this many of the report's first such statements.
LEANING_QUOTES = 3
_FAULT_VOICED = re.compile(FAULT_VOICED, re.I)
_PRAISE_SAID = re.compile(PRAISE_SAID, re.I)


def _leans(sentence: str, leaning: str) -> bool:
    """Whether a sentence voices a fault or concern ("wrong"), or praise and no fault ("right")."""
    fault = _FAULT_VOICED.search(sentence) is not None
    return fault if leaning == "wrong" else not fault and _PRAISE_SAID.search(sentence) is not None


def _statement(text: str, start: int, end: int) -> bool:
    """A sentence of prose: eight words or more, ending as a statement does."""
    line = text[start:end]
    return len(line.split()) >= 8 and bool(_STATEMENT_END.search(line)) and not line.rstrip().endswith("?")
