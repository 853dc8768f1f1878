"""Corpus-vocabulary neighbours: a question word the corpus never uses ("cops") reaches corpus words
near it in meaning ("police"), which widen the BM25 query and count, at their similarity, in coverage.
"""

from __future__ import annotations

import json
from types import SimpleNamespace

import numpy as np
import pytest

from bot import neighbours, plan, retrieval, store
from bot.answering import coverage
from bot.config import Settings
from bot.embedding import FakeEmbedder
from bot.engine import Engine
from bot.indexing import build, index_settings
from bot.neighbours import (
    KNOWN_SIMILARITY,
    MIN_COUNT,
    MIN_SIMILARITY,
    PER_WORD,
    SMALL_CORPUS_WORDS,
    Vocabulary,
    corpus_words,
    related_terms,
)

POLICE = (
    "Inspection of Barset Police\n\n"
    "Police officers respond quickly when victims of domestic abuse call for help.\n\n"
    "Officers complete a risk assessment at every domestic abuse incident.\n\n"
    "The police force works with specialist support services to protect victims."
)
CHILDREN = (
    "Inspection of Wessex children's services\n\n"
    "Children in care see their social worker regularly and know who to contact.\n\n"
    "Social workers visit children in care at least every six weeks.\n\n"
    "Leaders know that some care leavers wait too long for housing."
)
HOSPITAL = (
    "Inspection of Riverside hospital\n\n"
    "Patients wait too long in the emergency department.\n\n"
    "The hospital has too few nurses at night and patients notice it."
)
BURGLARY = "Burglary in Barset.\n\nBurglary detectives catch burglars; detectives are praised."
STOP = store.Tokenizer().stop


def unit(*xs: float) -> np.ndarray:
    v = np.array(xs, dtype=np.float32)
    return v / np.linalg.norm(v)


# ---------------------------------------------------------------- units, no model


def test_corpus_words_keeps_repeated_words_lower_cased_without_stop_or_short_words():
    assert MIN_COUNT == 2
    texts = ["The Inspector’s report: OK, ok. Police", "the inspector's police; once; the ox ox"]
    texts.append("filler " * SMALL_CORPUS_WORDS)  # a corpus large enough for words used once to be noise
    assert corpus_words(texts, STOP) == ["filler", "inspector's", "police"]  # not "the", "ok", "ox", "once"


def test_a_small_corpus_keeps_the_words_it_uses_once():
    texts = ["The Inspector’s report: OK, ok. Police", "the inspector's police; once; the ox ox"]
    assert corpus_words(texts, STOP) == ["inspector's", "once", "police", "report"]


def test_near_returns_the_nearest_corpus_words_above_the_threshold_never_the_word_itself():
    assert (PER_WORD, MIN_SIMILARITY) == (2, 0.6)
    vocab = Vocabulary(
        ["alpha", "beta", "gamma", "delta"],
        np.stack([unit(1, 0, 0), unit(0.8, 0.6, 0), unit(0.65, 0, 0.76), unit(0.1, 0.99, 0)]),
    )
    query = np.stack([unit(1, 0, 0), unit(0.8, 0.6, 0), unit(0, -1, 0)])
    near = vocab.near(["cops", "beta", "kids"], query)
    assert [w for w, _ in near["cops"]] == ["alpha", "beta"]  # nearest first; gamma (0.65) would be third
    assert near["cops"][0][1] == pytest.approx(1.0) and near["cops"][1][1] == pytest.approx(0.8)
    assert [w for w, _ in near["beta"]] == ["alpha", "delta"]  # itself left out, still PER_WORD others
    assert near["kids"] == []
    assert vocab.near([], np.zeros((0, 3), dtype=np.float32)) == {}


def test_known_near_looks_up_corpus_words_only_with_its_own_count_and_threshold():
    vocab = Vocabulary(
        ["alpha", "beta", "gamma"], np.stack([unit(1, 0, 0), unit(0.8, 0.6, 0), unit(0.65, 0, 0.76)])
    )
    near = vocab.known_near(["alpha", "omega", "alpha"], per_word=5, least=0.7)
    assert list(near) == ["alpha"] and [w for w, _ in near["alpha"]] == ["beta"]
    assert near["alpha"][0][1] == pytest.approx(0.8)
    assert vocab.known_near(["omega"], per_word=5, least=0.7) == {}


def test_near_leaves_out_words_below_min_similarity():
    vocab = Vocabulary(["alpha", "beta", "gamma"], np.stack([unit(1, 0, 0), unit(0, 1, 0), unit(0, 0, 1)]))
    near = vocab.near(["cops"], unit(0.7, 0.59, 0.4)[None, :])
    assert [w for w, _ in near["cops"]] == ["alpha"]  # beta (~0.58) and gamma (~0.4) are too far


def test_near_on_a_vocabulary_of_at_most_per_word_words_does_not_crash():
    """BUG: argpartition(kth=PER_WORD) needs more than PER_WORD words; a tiny corpus crashes ask()."""
    vocab = Vocabulary(["alpha", "beta"], np.stack([unit(1, 0), unit(0, 1)]))
    near = vocab.near(["cops"], unit(1, 0.1)[None, :])
    assert near == {"cops": [("alpha", pytest.approx(0.995, abs=1e-3))]}


def test_coverage_counts_a_missing_word_at_its_neighbours_similarity():
    weights = {"cop": 1.0, "abus": 1.0}
    related = {"cop": (("offic", 0.7), ("polic", 0.9))}
    assert coverage({"polic", "abus"}, weights) == pytest.approx(0.5)
    assert coverage({"polic", "abus"}, weights, related=related) == pytest.approx(0.95)
    assert coverage({"polic", "offic", "abus"}, weights, related=related) == pytest.approx(0.95)  # best one
    assert coverage({"offic", "abus"}, weights, related=related) == pytest.approx(0.85)
    assert coverage({"cop", "polic", "abus"}, weights, related=related) == 1.0  # the word itself
    assert coverage({"victim", "abus"}, weights, related=related) == pytest.approx(0.5)


def test_related_terms_key_by_stem_and_drop_neighbours_of_the_same_stem():
    tokens = store.Tokenizer()
    near = {
        "cops": [("police", 0.9), ("officers", 0.7)],
        "inspecting": [("inspection", 0.95), ("police", 0.65)],
        "kids": [("kid", 0.99)],
    }
    assert related_terms(tokens, near) == {
        "cop": (("polic", 0.9), ("offic", 0.7)),
        "inspect": (("polic", 0.65),),
    }


# ---------------------------------------------------------------- build, fake embedder


class Counting(FakeEmbedder):
    """The fake embedder, noting each call's texts and the build stage (told by progress) it came in."""

    def __init__(self) -> None:
        super().__init__()
        self.stage, self.calls = "", []

    def progress(self, stage: str, done: int, total: int) -> None:
        self.stage = stage

    def embed(self, texts: list[str]) -> np.ndarray:
        self.calls.append((self.stage, list(texts)))
        return super().embed(texts)

    def words(self) -> list[str]:
        return [t for stage, texts in self.calls if stage == "words" for t in texts]


def vocabulary_files(settings: Settings) -> tuple[list[str], np.ndarray]:
    gen = store.current_generation(settings.index)
    return json.loads((gen / neighbours.VOCABULARY).read_text(encoding="utf-8")), np.load(
        gen / "vocabulary.npy"
    )


def test_a_build_writes_the_vocabulary_and_a_second_embeds_only_the_new_words(make_settings):
    settings = make_settings({"police.txt": POLICE, "children.txt": CHILDREN}, seed=False)
    first = Counting()
    build(settings, first, progress=first.progress)
    words, vectors = vocabulary_files(settings)
    assert words == corpus_words([POLICE, CHILDREN], STOP) and {"police", "children"} <= set(words)
    assert vectors.shape == (len(words), first.dim)
    assert np.allclose(vectors.astype(np.float32), FakeEmbedder().embed(words), atol=1e-3)
    assert sorted(first.words()) == words

    (settings.sources / "burglary.txt").write_text(BURGLARY, encoding="utf-8")
    second = Counting()
    build(settings, second, progress=second.progress)
    after, vectors = vocabulary_files(settings)
    new = sorted(set(after) - set(words))
    assert {"burglary", "detectives"} <= set(new)
    assert sorted(second.words()) == new
    assert np.allclose(vectors.astype(np.float32), FakeEmbedder().embed(after), atol=1e-3)


def test_an_index_without_vocabulary_files_still_loads_and_answers(make_settings):
    settings = make_settings({"police.txt": POLICE, "children.txt": CHILDREN}, seed=False)
    build(settings, FakeEmbedder())
    gen = store.current_generation(settings.index)
    (gen / neighbours.VOCABULARY).unlink()
    (gen / "vocabulary.npy").unlink()
    assert store.load(settings.index, index_settings(settings, FakeEmbedder())).vocabulary is None
    answer = Engine(settings, FakeEmbedder()).ask("Do police officers respond quickly to domestic abuse?")
    assert not answer.refused and answer.citations[0].source == "police.txt"


def test_neighbours_widen_the_lexical_query(make_settings):
    settings = make_settings({"police.txt": POLICE, "hospital.txt": HOSPITAL}, seed=False)
    build(settings, FakeEmbedder())
    index = store.load(settings.index, index_settings(settings, FakeEmbedder()))
    vector = FakeEmbedder().embed(["cops"])[0]
    assert not any(h.lexical for h in retrieval.search(index, vector, "cops"))
    hits = retrieval.search(index, vector, "cops", related={"cop": (("polic", 0.9),)})
    assert {h.chunk.source for h in hits if h.lexical > 0} == {"police.txt"}


# ---------------------------------------------------------------- the real model


@pytest.fixture(scope="module")
def engine(tmp_path_factory, sources_writer, embedder) -> Engine:
    root = tmp_path_factory.mktemp("neighbours")
    files = {"police.txt": POLICE, "children.txt": CHILDREN, "hospital.txt": HOSPITAL}
    settings = Settings(sources=sources_writer(root / "sources", files), index=root / "index")
    build(settings, embedder)
    return Engine(settings, embedder)


def test_a_word_the_corpus_never_uses_reaches_corpus_words_near_it(engine):
    related = engine.plan("are the cops any good at dealing with domestic abuse")[0].related
    assert {t for t, _ in related["cop"]} & {"polic", "offic"}
    assert all(sim >= MIN_SIMILARITY for t, sim in related["cop"])
    assert "domest" not in related and "abus" not in related  # no corpus word is as near as that to them
    # "police" and "officers" are near each other (about 0.69): not near enough to widen a corpus word
    assert engine.plan("do police officers help victims of domestic abuse?")[0].related == {}


def test_a_word_the_corpus_uses_is_widened_by_the_few_words_very_near_it_and_no_compound():
    vocabulary = Vocabulary(
        ["begins", "starts", "begin-date", "opens"],
        np.stack([unit(1, 0, 0), unit(0.9, 0.44, 0), unit(0.95, 0, 0.31), unit(0.6, 0.8, 0)]),
    )
    index = SimpleNamespace(vocabulary=vocabulary, stop_words=lambda: STOP, tokens=store.Tokenizer())
    _, related = plan._embed("it begins", index, FakeEmbedder().embed)
    assert KNOWN_SIMILARITY == 0.75
    assert related == {"begin": (("start", pytest.approx(0.9, abs=0.01)),)}  # "opens" (0.6) is too far


def test_the_neighbours_find_the_chunks_that_use_them(engine):
    hits = engine.search("are the cops any good?").hits  # no word of it is in the corpus
    assert {h.chunk.source for h in hits if h.lexical > 0} == {"police.txt"}


def test_kids_in_care_are_answered_from_the_children_in_care_report(engine):
    question = "do kids in care get to see their social worker?"
    assert "children" in {t for t, _ in engine.plan(question)[0].related["kid"]}
    answer = engine.ask(question)
    assert not answer.refused
    assert answer.citations[0].source == "children.txt"
    assert "social worker" in answer.citations[0].quote
