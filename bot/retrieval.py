"""Hybrid search: dense (FAISS) and lexical (BM25) results fused by reciprocal rank, with filters."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from bot.schema import Document, Hit
from bot.store import Index
from bot.wording import FRAMING, subject_terms


@dataclass(frozen=True)
class Filters:
    """Restrictions on which documents may be searched; empty means no restriction."""

    organisations: tuple[str, ...] = ()
    inspectorates: tuple[str, ...] = ()
    document_types: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    date_from: str | None = None  # ISO dates, compared with the document's date
    date_to: str | None = None

    def admits(self, doc: Document) -> bool:
        """Whether a document passes every filter."""
        meta = doc.metadata
        checks = (
            (self.organisations, meta.get("organisation")),
            (self.inspectorates, meta.get("inspectorate")),
            (self.document_types, meta.get("document_type")),
            (self.sources, doc.source),
        )
        for wanted, value in checks:
            if wanted and (value or "").lower() not in {w.lower() for w in wanted}:
                return False
        day = meta.get("date") or ""
        if self.date_from and (not day or day < self.date_from):
            return False
        return not (self.date_to and (not day or day[: len(self.date_to)] > self.date_to))

    @property
    def empty(self) -> bool:
        """True when nothing is restricted."""
        return self == Filters()


def allowed_chunks(index: Index, sources: set[str] | None) -> np.ndarray | None:
    """Chunk ids of the given sources (None: all chunks)."""
    if sources is None:
        return None
    by_source = index.chunk_ids()
    ids = [by_source[s] for s in sorted(sources) if s in by_source]
    return np.sort(np.concatenate(ids)) if ids else np.zeros(0, dtype=np.int64)


def admitted_sources(index: Index, filters: Filters) -> set[str] | None:
    """Sources passing the filters, or None when nothing is filtered."""
    if filters.empty:
        return None
    return {s for s, d in index.documents.items() if filters.admits(d)}


def rrf(
    rankings: list[list[tuple[int, float]]], k: int = 60, weights: list[float] | None = None
) -> dict[int, float]:
    """Reciprocal rank fusion: each list adds weight/(k + rank) for each id it ranks (weight 1 by default)."""
    fused: dict[int, float] = {}
    for ranking, weight in zip(rankings, weights or [1.0] * len(rankings)):
        for rank, (item, _score) in enumerate(ranking):
            fused[item] = fused.get(item, 0.0) + weight / (k + rank + 1)
    return fused


def search(
    index: Index,
    query_vector: np.ndarray,
    query_text: str,
    k: int = 8,
    sources: set[str] | None = None,
    rrf_k: int = 60,
    related: dict[str, tuple[tuple[str, float], ...]] | None = None,
    sentence_weight: float = 0.0,
) -> list[Hit]:
    """Top-k chunks by fused rank: dense (chunk vectors), BM25, and dense by each chunk's best sentence
    (at sentence_weight), near-duplicates suppressed.

    related: corpus words near in meaning to the question's words, searched beside them.
    """
    allowed = allowed_chunks(index, sources)
    if allowed is not None and not len(allowed):
        return []
    depth = max(4 * k, 40)
    dense = index.dense(query_vector, depth, allowed)
    terms = lexical_terms(index, query_text)
    terms += [t for near in (related or {}).values() for t, _ in near if t not in terms]
    lexical = index.lexical(terms, depth, allowed)
    sentences = best_sentence_ranking(index, query_vector, depth, allowed) if sentence_weight else []
    fused = rrf([dense, lexical, sentences], rrf_k, [1.0, 1.0, sentence_weight])
    dense_of, lex_of = dict(dense), dict(lexical)
    ranked = sorted(fused, key=lambda i: (-fused[i], i))
    hits = [Hit(index.chunks[i], fused[i], dense_of.get(i, 0.0), lex_of.get(i, 0.0)) for i in ranked]
    return suppress_duplicates(index, hits, k)


def best_sentence_ranking(
    index: Index, vector: np.ndarray, k: int, allowed: np.ndarray | None = None
) -> list[tuple[int, float]]:
    """Top-k chunks by their best sentence's inner product with the query, optionally among allowed ids.

    A chunk's own vector averages its sentences; one sentence that says exactly what is asked is
    diluted there, and found here.
    """
    if not len(index.chunks) or not len(index.sentence_vectors):
        return []
    best = np.maximum.reduceat(index.sentence_vectors @ vector.astype(np.float32), index.sentence_rows)
    if allowed is not None:
        mask = np.full(len(best), -np.inf, dtype=np.float32)
        mask[allowed] = best[allowed]
        best = mask
    k = min(k, len(best))
    top = np.argpartition(-best, k - 1)[:k]
    top = top[np.argsort(-best[top], kind="stable")]
    return [(int(i), float(best[i])) for i in top if np.isfinite(best[i])]


def lexical_terms(index: Index, question: str) -> list[str]:
    """BM25 terms for a question: its subject words and their derived forms, not the words framing it."""
    framing = set(index.tokens(FRAMING))
    return subject_terms(index.tokens(question), framing, lambda term: index.df(term) > 0)


def with_chunks_where(
    index: Index,
    hits: list[Hit],
    sources: set[str] | None,
    wanted: Callable[[str], bool],
    query_vector: np.ndarray,
    limit: int = 6,
) -> list[Hit]:
    """The hits plus up to limit chunks of the sources (None: all) whose text is wanted, nearest first."""
    have = {h.chunk.id for h in hits}
    extra = sorted(
        i
        for i in index.chunks_where(wanted)
        if i not in have and (sources is None or index.chunks[i].source in sources)
    )
    if not extra:
        return hits
    nearest = index.dense(query_vector, limit, np.array(extra, dtype=np.int64))
    return hits + [Hit(index.chunks[i], 0.0) for i, _ in nearest]


def with_whole_reports(index: Index, hits: list[Hit], sources: set[str]) -> list[Hit]:
    """The hits, then every other chunk of the sources in document order (unranked)."""
    have = {h.chunk.id for h in hits}
    ids = [int(i) for source in sorted(sources) for i in index.chunk_ids().get(source, ())]
    return hits + [Hit(index.chunks[i], 0.0) for i in ids if i not in have]


def suppress_duplicates(index: Index, hits: list[Hit], k: int, threshold: float = 0.8) -> list[Hit]:
    """Drop hits whose words mostly repeat a better hit (boilerplate shared by many reports)."""
    kept: list[Hit] = []
    seen: list[set[str]] = []
    for hit in hits:
        doc = index.documents[hit.chunk.source]
        words = set(index.tokens(doc.text[hit.chunk.start : hit.chunk.end]))
        if any(_jaccard(words, other) >= threshold for other in seen):
            continue
        kept.append(hit)
        seen.append(words)
        if len(kept) == k:
            break
    return kept


def _jaccard(a: set[str], b: set[str]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)
