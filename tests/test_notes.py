"""Notes beside an answer: a newer report of the same kind about the same organisation."""

from __future__ import annotations

from bot import export
from bot.refusals import newer_reports, newest_answered
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


def test_the_newest_report_answering_a_question_naming_no_year_is_named_with_the_older_ones_set_aside():
    older = Document("d/2017.pdf", "Text.", {**KIND, "date": "2017-03-01", "title": "Dorset 2017"})
    docs = {**DOCS, older.source: older}
    (note,) = newest_answered(docs, {NEW.source}, {OLD.source, NEW.source, older.source}, {NEW.source})
    assert note == (
        "With no year named, the newest report answers: Dorset 2025 (2025-05-09); 2 older reports in scope: "
        "name a year to ask one."
    )
    assert (
        "1 older report in scope"
        in newest_answered(DOCS, {NEW.source}, {OLD.source, NEW.source}, {NEW.source})[0]
    )


def test_no_newest_note_when_a_year_is_named_or_nothing_older_was_set_aside():
    assert newest_answered(DOCS, None, {OLD.source, NEW.source}, {NEW.source}) == ()
    assert newest_answered(DOCS, {NEW.source}, {NEW.source}, {NEW.source}) == ()
    # an older report quoted (its own note says a newer one exists) is not the newest answering
    assert newest_answered(DOCS, {NEW.source}, {OLD.source, NEW.source}, {OLD.source}) == ()
