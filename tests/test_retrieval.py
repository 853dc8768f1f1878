"""Hybrid retrieval helpers over a small index built with the fake embedder."""

from __future__ import annotations

import numpy as np

from bot import retrieval, store
from bot.answering import states_grade
from bot.embedding import FakeEmbedder
from bot.indexing import build, index_settings
from bot.schema import Hit

REPORT = "\n\n".join(
    [
        "Inspection of Barset local authority children's services",
        "Overall effectiveness  Requires improvement to be good",
        *[
            f"Paragraph {n} describes how social workers visit families in the north of the county."
            for n in range(40)
        ],
    ]
)


def test_a_grade_row_chunk_joins_the_hits_once(make_settings):
    settings = make_settings({"barset.txt": REPORT}, seed=False, chunk_chars=300)
    build(settings, FakeEmbedder())
    index = store.load(settings.index, index_settings(settings, FakeEmbedder()))
    graded = [c for c in index.chunks if states_grade(REPORT[c.start : c.end])]
    assert len(graded) == 1 and len(index.chunks) > 3
    others = [Hit(c, 1.0) for c in index.chunks if c not in graded][:2]
    vector = FakeEmbedder().embed(["grade"])[0]
    hits = retrieval.with_chunks_where(index, others, {"barset.txt"}, states_grade, vector)
    assert [h.chunk for h in hits] == [others[0].chunk, others[1].chunk, graded[0]]
    again = retrieval.with_chunks_where(index, hits, {"barset.txt"}, states_grade, vector)
    assert len(again) == 3, "a chunk already among the hits is not added twice"
    assert retrieval.with_chunks_where(index, others, {"other.txt"}, states_grade, vector) == others
    assert retrieval.with_chunks_where(index, others, None, states_grade, vector) == hits, "None: all sources"


def test_added_chunks_come_nearest_first_up_to_the_limit(make_settings):
    settings = make_settings({"barset.txt": REPORT}, seed=False, chunk_chars=300)
    build(settings, FakeEmbedder())
    index = store.load(settings.index, index_settings(settings, FakeEmbedder()))
    vector = FakeEmbedder().embed(["social workers visit families"])[0]
    hits = retrieval.with_chunks_where(index, [], None, lambda text: "Paragraph" in text, vector, limit=2)
    nearest = index.dense(
        vector, 2, np.array([c.id for c in index.chunks if "Paragraph" in REPORT[c.start : c.end]])
    )
    assert [h.chunk.id for h in hits] == [i for i, _ in nearest]


def test_the_lexical_query_drops_framing_words_and_adds_derived_forms(make_settings):
    text = "The partner agencies share information. Partnership working is strong. Technology helps."
    settings = make_settings({"barset.txt": text}, seed=False)
    build(settings, FakeEmbedder())
    index = store.load(settings.index, index_settings(settings, FakeEmbedder()))
    terms = retrieval.lexical_terms(index, "What did the inspector say about partnership and technology?")
    assert set(terms) == {"partnership", "partner", "technolog"}
    assert retrieval.lexical_terms(index, "What did the inspector say?") == [
        "what",
        "did",
        "inspector",
        "say",
    ]


def test_chunks_where_reads_the_chunks_once_per_predicate(make_settings):
    settings = make_settings({"barset.txt": REPORT}, seed=False, chunk_chars=300)
    build(settings, FakeEmbedder())
    index = store.load(settings.index, index_settings(settings, FakeEmbedder()))
    calls: list[str] = []

    def graded(text: str) -> bool:
        calls.append(text)
        return states_grade(text)

    first = index.chunks_where(graded)
    assert first == index.chunks_where(graded) and len(calls) == len(index.chunks)
    assert [index.chunks[i] for i in first] == [
        c for c in index.chunks if states_grade(REPORT[c.start : c.end])
    ]


def test_a_chunk_is_ranked_by_its_best_sentence_too(make_settings):
    """One sentence that says exactly what is asked is diluted in its chunk's mean vector, not in its own."""
    filler = " ".join(f"Leaders meet partners in the north of the county on day {n}." for n in range(8))
    text = "\n\n".join([filler, filler.replace("north", "south"), f"{filler} Budgets are realistic.", filler])
    settings = make_settings({"barset.txt": text}, seed=False, chunk_chars=400)
    build(settings, FakeEmbedder())
    index = store.load(settings.index, index_settings(settings, FakeEmbedder()))
    holder = next(c.id for c in index.chunks if "Budgets" in text[c.start : c.end])
    vector = FakeEmbedder().embed(["budgets are realistic"])[0]
    (best, score), *rest = retrieval.best_sentence_ranking(index, vector, 3)
    assert best == holder and score > 0.99 and len(rest) == 2
    assert [s for _, s in rest] == sorted((s for _, s in rest), reverse=True)
    others = np.array([c.id for c in index.chunks if c.id != holder])
    assert holder not in {i for i, _ in retrieval.best_sentence_ranking(index, vector, 10, others)}
    assert len(retrieval.best_sentence_ranking(index, vector, 100)) == len(index.chunks)


def test_rank_fusion_adds_weighted_reciprocal_ranks():
    a, b, c = [(1, 0.9), (2, 0.8)], [(2, 5.0), (3, 4.0)], [(3, 0.7)]
    fused = retrieval.rrf([a, b, c], k=60, weights=[1.0, 1.0, 0.5])
    assert fused[2] == 1 / 62 + 1 / 61 and fused[1] == 1 / 61 and fused[3] == 1 / 62 + 0.5 / 61
    assert retrieval.rrf([a, b], k=60) == retrieval.rrf([a, b, []], k=60, weights=[1.0, 1.0, 0.0])
