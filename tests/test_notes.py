"""Notes beside an answer: a newer report of the same kind about the same organisation."""

from __future__ import annotations

from bot import export
from bot.refusals import newer_reports
from bot.schema import Document

KIND = {"organisation": "Dorset", "document_type": "children's services inspection"}
OLD = Document("d/2021.pdf", "Text.", {**KIND, "date": "2021-11-19", "title": "Dorset 2021"})
NEW = Document("d/2025.pdf", "Text.", {**KIND, "date": "2025-05-09", "title": "Dorset 2025"})
SEND = Document("d/send.pdf", "Text.", {**KIND, "document_type": "area send", "date": "2026-01-01"})
DOCS = {d.source: d for d in (OLD, NEW, SEND)}


def test_quoting_an_older_report_notes_the_newest_of_the_same_kind():
    (note,) = newer_reports(DOCS, {OLD.source})
    assert "newer report on Dorset" in note and "Dorset 2025 (2025-05-09)" in note and "2021-11-19" in note


def test_no_note_when_the_newest_report_is_quoted_too_or_alone():
    assert newer_reports(DOCS, {NEW.source}) == ()
    assert newer_reports(DOCS, {OLD.source, NEW.source}) == ()


def test_an_undated_report_gets_no_note():
    undated = Document("d/x.txt", "Text.", dict(KIND))
    assert newer_reports({**DOCS, undated.source: undated}, {undated.source}) == ()


def test_notes_are_exported_with_the_answer():
    record = {"question": "Q?", "answer": "A quote. [1]", "refused": False, "citations": [], "notes": ["N."]}
    assert "- Note: N." in export.answer_markdown(record)
