"""Sentences and chunks: exact spans into the text, sensible sentence ends, bounded sizes."""

from __future__ import annotations

import random

import pytest

from bot.chunking import chunk, sentences
from bot.loaders import text as text_loader


def texts(text: str, spans: list[tuple[int, int]]) -> list[str]:
    return [text[s:e] for s, e in spans]


def check_spans(text: str, spans: list[tuple[int, int]], max_chars: int) -> None:
    """Spans are inside the text, sorted, disjoint, trimmed, short enough, and lose no visible character."""
    covered = [False] * len(text)
    previous_end = 0
    for start, end in spans:
        assert previous_end <= start < end <= len(text), (start, end)
        assert end - start <= max_chars
        assert not text[start].isspace() and not text[end - 1].isspace(), repr(text[start:end])
        covered[start:end] = [True] * (end - start)
        previous_end = end
    lost = [i for i, ch in enumerate(text) if not covered[i] and not ch.isspace()]
    assert not lost, f"characters outside every sentence: {[text[i] for i in lost[:10]]}"


def check_chunks(text: str, target: int, max_sentence: int) -> None:
    """Chunks hold whole sentences, in order, and together hold exactly the sentences of the text."""
    chunks = chunk(text, target, max_sentence)
    assert [s for c in chunks for s in c.sentences] == sentences(text, max_chars=max_sentence)
    previous_end = 0
    for c in chunks:
        assert c.sentences, "a chunk without sentences"
        assert (c.start, c.end) == (c.sentences[0][0], c.sentences[-1][1])
        assert previous_end <= c.start
        assert c.end - c.start <= max(target, max_sentence)
        previous_end = c.end


def test_seed_chunks_are_exact_spans(seed_path):
    body = text_loader.extract(seed_path.read_bytes()).text
    spans = sentences(body)
    check_spans(body, spans, 600)
    check_chunks(body, 700, 600)
    assert "The force also manages offenders well." in texts(body, spans)
    assert len(chunk(body)) > 1


@pytest.mark.parametrize(
    "expected",
    [
        ["Mr. Smith met the team.", "They agreed."],
        ["J. R. Smith led it.", "It ended."],
        ["Use records, e.g. Case files and logs.", "It helps."],
        ["Dr. Jones and Mrs. Patel, i.e. The leads, spoke.", "Done."],
        ["Leadership is graded Good.", "Leaders act fast!", "Do they?", "Yes."],
        ["The rate was 3.5 per cent.", "It fell."],
        ["He said “Stop.”", "Then he left."],
        ["The force (West Midlands Police.)", "Is large."],
        ["14. The force is good.", "It acts fast."],
        ["3.2. Plans are clear.", "(b) Staff know them."],
        ["lower case after a stop. does not split"],
    ],
)
def test_sentence_ends(expected):
    text = "  ".join(expected)
    assert texts(text, sentences(text)) == expected


def test_table_rows_and_list_items_are_sentences():
    rows = ["Judgement  Grade", "Overall effectiveness  Good", "Impact of leaders  Requires improvement"]
    table = "\n".join([*rows, "- a list item"])
    assert texts(table, sentences(table)) == [*rows, "- a list item"]


def test_long_sentence_is_cut_at_words_under_the_limit():
    words = [random.Random(7).choice(["alpha", "beta", "gamma,", "delta;"]) for _ in range(400)]
    text = " ".join(words) + "."
    spans = sentences(text, max_chars=120)
    check_spans(text, spans, 120)
    assert len(spans) > len(text) // 120
    for start, end in spans:
        assert start == 0 or text[start - 1] == " ", "a piece starts inside a word"
        assert end == len(text) or text[end] == " ", "a piece ends inside a word"
    assert " ".join(texts(text, spans)) == text


def test_word_longer_than_the_limit_is_cut_hard():
    text = "x" * 250 + " tail"
    spans = sentences(text, max_chars=100)
    assert [e - s for s, e in spans] == [100, 100, 55]
    check_spans(text, spans, 100)


def test_sentences_within_a_range_stay_inside_it():
    text = "First one. Second one. Third one."
    assert texts(text, sentences(text, 11, 22)) == ["Second one."]


def test_chunks_end_at_paragraph_ends_when_they_can():
    para = "The force keeps people safe. " * 14  # ~400 characters
    text = (para.strip() + "\n\n") * 3
    chunks = chunk(text.strip(), target_chars=700)
    assert len(chunks) == 3
    for c in chunks:
        assert text[c.start : c.end] == para.strip()


def test_empty_and_blank_texts_have_no_chunks():
    assert chunk("") == []
    assert chunk(" \n\n \t ") == []
    assert sentences("\n\n") == []


_PARTS = [
    "Mr.", "e.g.", "i.e.", "etc.", "Dr", "word", "The", "A", "3.5", "14.", "(a)", ".", "!", "?", ",", ";",
    " ", "  ", "\n", "\n\n", "\t", "“", "”", ")", "(", "x" * 45, "é", "\u00a0", "•", "Good.", "ok.",
]  # fmt: skip


def test_random_texts_keep_every_invariant():
    rng = random.Random(20240501)
    for _ in range(800):
        text = "".join(rng.choice(_PARTS) for _ in range(rng.randint(0, 160)))
        max_sentence = rng.choice([8, 30, 80, 600])
        target = rng.choice([20, 100, 700])
        check_spans(text, sentences(text, max_chars=max_sentence), max_sentence)
        check_chunks(text, target, max_sentence)
