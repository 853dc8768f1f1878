"""Plain text and Markdown loading: decoding, binary refusal, joined lines, paragraph spans."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot import loaders
from bot.errors import SkipDocument
from bot.loaders import text as text_loader
from bot.schema import Document

SEED_TITLE = "HMI Wendy Williams' assessment of West Midlands Police – Transcript"


def paragraphs(extracted) -> list[str]:
    return [extracted.text[p.start : p.end] for p in extracted.paragraphs]


def test_seed_quirks_are_smoothed(seed_path):
    data = seed_path.read_bytes()
    assert data.startswith(b"\n\n") and not data.endswith(b"\n"), "the seed file lost its quirks"
    ex = loaders.extract(seed_path, data)
    assert ex.text.startswith("Promoting improvements in policing to make everyone safer\n\n" + SEED_TITLE)
    assert ex.text.endswith("areas for improvement that HMIC identified last year.")
    assert ex.title == SEED_TITLE
    assert ex.parser.startswith("text")


def test_seed_paragraph_spans(seed_path):
    ex = loaders.extract(seed_path, seed_path.read_bytes())
    paras = paragraphs(ex)
    assert [p.number for p in ex.paragraphs] == [str(i) for i in range(1, 12)]
    assert paras == ex.text.split("\n\n")
    assert paras[5].startswith("The force is also inconsistent in how it assesses risk in domestic abuse")
    doc = Document("seed.txt", ex.text, {}, paragraphs=ex.paragraphs)
    offset = ex.text.index("manages offenders well")
    assert doc.paragraph_at(offset).number == "4"
    assert doc.paragraph_at(ex.paragraphs[0].end) is None  # the blank line between paragraphs


def test_hard_wrapped_lines_are_joined_and_hyphenation_repaired():
    ex = text_loader.extract(b"The force has a sound\nunderstanding of assess-\nment and risk.\n\nNext one.")
    assert ex.text == "The force has a sound understanding of assessment and risk.\n\nNext one."


def test_list_items_keep_their_own_lines():
    ex = text_loader.extract(b"Areas for improvement:\n- missing people\n- domestic abuse\nrisk assessment")
    assert ex.text == "Areas for improvement:\n- missing people\n- domestic abuse risk assessment"


def test_line_endings_and_form_feeds_are_normalised():
    ex = text_loader.extract(b"Page one text\r\nwraps here.\fPage two.\rLast line.")
    assert "\r" not in ex.text and "\f" not in ex.text
    assert paragraphs(ex) == ["Page one text wraps here.", "Page two. Last line."]


@pytest.mark.parametrize(
    "data",
    [
        b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 100,  # a zip (docx) renamed to .txt
        bytes(range(1, 32)) * 40,  # control characters without a NUL
    ],
)
def test_binary_named_txt_is_refused(data):
    with pytest.raises(SkipDocument, match="binary"):
        loaders.extract(Path("notes.txt"), data)


def test_cp1252_fallback():
    ex = text_loader.extract(b"Caf\xe9 \x93quoted\x94 text \x96 fine.")
    assert ex.text == "Café “quoted” text – fine."


def test_utf8_bom_is_dropped_and_utf16_is_read():
    assert text_loader.extract("\ufeffTitle report".encode()).text == "Title report"
    ex = text_loader.extract("Café inspection.\r\n\r\nSecond paragraph.".encode("utf-16"))
    assert paragraphs(ex) == ["Café inspection.", "Second paragraph."]


@pytest.mark.parametrize("data", [b"", b"   \n\n\t  "])
def test_empty_files_are_skipped(data):
    with pytest.raises(SkipDocument, match="empty"):
        loaders.extract(Path("empty.txt"), data)


def test_printed_paragraph_numbers_win_over_ordinals():
    data = b"Barset\n\nSummary\n\n1. The force is good.\n\n2. It is\nfast.\n\n3. Leaders lead.\n\nEnd"
    ex = text_loader.extract(data)
    numbered = {p.number: ex.text[p.start : p.end] for p in ex.paragraphs}
    assert numbered == {"1": "1. The force is good.", "2": "2. It is fast.", "3": "3. Leaders lead."}


def test_markdown_title_and_tables():
    table = b"| Judgement | Grade |\n|---|---|\n| Overall | Good |\n"
    data = b"# Inspection of Barset\n\nSome *text*\nwrapped.\n\n" + table
    ex = loaders.extract(Path("barset.md"), data)
    assert ex.title == "Inspection of Barset"
    assert "| Judgement | Grade |\n|---|---|\n| Overall | Good |" in ex.text
    assert "Some *text* wrapped." in ex.text


def test_title_only_from_a_title_like_first_line():
    assert text_loader.extract(b"It was fine. It rained.\n\nMore.").title is None
    titled = text_loader.extract(b"Inspection report for Barset\n\nBody text.")
    assert titled.title == "Inspection report for Barset"
