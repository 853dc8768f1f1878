"""Extractive answers: choose the evidence sentences that answer a question, or refuse and say why."""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from bot.schema import Citation, Document, Hit
from bot.store import Index

CANNOT_ANSWER = "The sources do not answer this question."
_GRADE = r"(outstanding|good|requires? improvement|inadequate|adequate)"
# A stated judgement: a table row ending in a grade, "...: good", or "judged/is/are ... good" but not
# "good at preventing crime", which praises without grading.
GRADES = re.compile(
    rf"\s{{2,}}{_GRADE}\b[^\n]{{0,20}}$|:\s*{_GRADE}\b"
    rf"|\b(judged|graded|rated|judgement is|judgement of|is|are|was|were|be|been|remains?)\s+"
    rf"(to be |as |that [\w’' ]{{0,30}} )?{_GRADE}\b(?! (at|to|in|for)\b)",
    re.I | re.M,
)
_GRADE_QUESTION = re.compile(
    r"\b(grade[sd]?|judge?ments?|judged|rated|ratings?|graded)\b|\boverall effectiveness\b", re.I
)
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


def query_weights(index: Index, question: str, ignore: set[str]) -> dict[str, float]:
    """BM25 tokens of the question weighted by IDF, minus those that only name the scope."""
    tokens = [t for t in index.tokens(question) if t not in ignore]
    return {t: index.idf(t) for t in dict.fromkeys(tokens)}


def coverage(sentence_tokens: set[str], weights: dict[str, float]) -> float:
    """Share of the question's IDF weight that the sentence contains."""
    total = sum(weights.values())
    if not total:
        return 0.0
    return sum(w for t, w in weights.items() if t in sentence_tokens) / total


def candidates(
    index: Index, hits: list[Hit], query_vector: np.ndarray, weights: dict[str, float], grade_question: bool
) -> list[Evidence]:
    """Every sentence of the retrieved chunks, scored by meaning, shared words and retrieval rank."""
    out: list[Evidence] = []
    for rank, hit in enumerate(hits):
        doc = index.documents[hit.chunk.source]
        sims = index.sentence_vectors_of(hit.chunk.id) @ query_vector
        prior = 0.05 / (1 + rank)  # a small nudge for chunks the fused ranking put first
        heading = 0.0
        for (start, end), sim in zip(hit.chunk.sentences, sims):
            text = doc.text[start:end]
            cov = coverage(set(index.tokens(text)), weights)
            score = 0.55 * float(sim) + 0.45 * cov + prior
            graded = GRADES.search(text) is not None
            if grade_question and not graded:
                continue  # a question about a judgement is answered only by a passage stating one
            if grade_question and cov >= 0.15:
                score += 0.12  # a graded statement naming what was asked about is the answer, however short
            if len(text.split()) < 6 and not graded and ":" not in text:
                # A bare heading ("Inspection outcome") answers nothing itself; the sentence after it may.
                heading = score
                continue
            out.append(Evidence(doc.source, start, end, max(score, 0.95 * heading), float(sim), cov))
            heading = 0.0
    return out


def select(evidence: list[Evidence], threshold: float, limit: int = 4) -> list[Evidence]:
    """The best sentences above the threshold and close to the best one; no span twice."""
    ranked = sorted(evidence, key=lambda e: -e.score)
    if not ranked or ranked[0].score < threshold:
        return []
    floor = max(threshold, ranked[0].score - 0.12)
    chosen: list[Evidence] = []
    for ev in ranked:
        if ev.score < floor or len(chosen) == limit:
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


def order(evidence: list[Evidence]) -> list[Evidence]:
    """Group by document (best document first), then by position in the document."""
    best: dict[str, float] = {}
    for ev in evidence:
        best[ev.source] = max(best.get(ev.source, -1.0), ev.score)
    return sorted(evidence, key=lambda e: (-best[e.source], e.source, e.start))


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


def is_grade_question(question: str) -> bool:
    """Whether the question asks for a judgement or grade."""
    return bool(_GRADE_QUESTION.search(question))
