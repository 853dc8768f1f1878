"""Unit tests: feedback storage, Markdown and JSON exports, Markdown escaping and the app's HTML builders."""

from __future__ import annotations

import csv
import html
import io
import json
import os
import re
import sqlite3
import subprocess
import sys
import threading
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from bot import export
from bot.config import ROOT
from bot.errors import BotError
from bot.feedback import (
    EXPORT_FIELDS,
    MAX_COMMENT,
    FeedbackLimit,
    FeedbackStore,
    Limits,
    as_csv,
    as_jsonl,
    keep_expiring,
)
from bot.retrieval import Filters
from bot.schema import Document, PageSpan, ParagraphSpan
from ui import highlight, render

HOSTILE = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[click](http://example.com)",
    "![img](http://example.com/x.png)",
    "$x$ and $$y$$",
    "**bold** _it_ ~~gone~~ `code`",
    "# heading",
    "1. list",
    "- item",
    "> quote",
    "&lt;b&gt; &amp;",
    "a | b | c",
    "back\\slash \\*",
    "http://example.com www.example.com someone@example.com",
    ":material/home: :red[alert] :smile:",
]

CITATION = {
    "n": 1,
    "source": "wm.txt",
    "title": "West Midlands assessment",
    "quote": "The force is also inconsistent in how it assesses risk in domestic abuse cases.",
    "start": 10,
    "end": 90,
    "page": 3,
    "printed_page": "2",
    "paragraph": "14",
    "date": "2017-03-02",
    "url": "https://example.org/report",
    "support": "verbatim",
}
RECORD = {
    "question": "How does the force assess domestic abuse risk?",
    "answer": f"{CITATION['quote']} [1]",
    "refused": False,
    "reason": None,
    "mode": "extractive",
    "fallback_reason": None,
    "unsupported": [],
    "interpreted_as": None,
    "citations": [CITATION],
    "timings_ms": {"total": 12.5},
}
REFUSAL = {
    **RECORD,
    "question": "What is the population of Birmingham?",
    "answer": "The sources do not answer this question. Only weakly related passages were found.",
    "refused": True,
    "reason": "Only weakly related passages were found.",
    "citations": [{**CITATION, "support": "not an answer"}],
}


# --- feedback store ---------------------------------------------------------------------------------


def test_feedback_is_stored_with_question_answer_and_citations(tmp_path: Path):
    store = FeedbackStore(tmp_path / "sub" / "feedback.sqlite3")
    row = store.add(RECORD, 1, "  useful  ", session="s1")
    item = store.get(row)
    assert item is not None
    assert (item.question, item.answer, item.rating, item.verdict) == (
        RECORD["question"],
        RECORD["answer"],
        1,
        "up",
    )
    assert item.comment == "useful" and item.session == "s1" and not item.refused
    assert item.citations == [CITATION] and item.record == RECORD


def test_feedback_update_changes_rating_and_comment(tmp_path: Path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    row = store.add(REFUSAL, 1)
    store.update(row, 0)
    assert store.get(row).verdict == "down" and store.get(row).comment == ""
    store.update(row, 0, "should have answered")
    store.update(row, None)  # a withdrawn thumb keeps the comment
    item = store.get(row)
    assert item.rating is None and item.verdict == "none" and item.comment == "should have answered"
    assert item.refused


def test_feedback_recent_and_summary(tmp_path: Path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    ids = [store.add(RECORD, rating, comment) for rating, comment in ((1, ""), (0, "wrong year"), (0, ""))]
    assert [f.id for f in store.recent()] == ids[::-1]
    assert [f.id for f in store.recent(limit=1)] == [ids[-1]]
    assert store.summary() == {"total": 3, "up": 1, "down": 2, "comments": 1}
    assert FeedbackStore(tmp_path / "empty.sqlite3").summary() == {
        "total": 0,
        "up": 0,
        "down": 0,
        "comments": 0,
    }


def test_feedback_refuses_bad_ratings_and_cuts_long_comments(tmp_path: Path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    with pytest.raises(ValueError):
        store.add(RECORD, 5)
    row = store.add(RECORD, 0, "x" * (MAX_COMMENT + 500))
    assert len(store.get(row).comment) == MAX_COMMENT
    assert store.get(12345) is None


def test_feedback_store_errors_are_one_line_bot_errors(tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with pytest.raises(BotError, match="BOT_FEEDBACK_DB"):
        FeedbackStore(blocker / "feedback.sqlite3").add(RECORD, 1)
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(BotError, match="BOT_FEEDBACK_DB"):
        FeedbackStore(junk).add(RECORD, 1)


def test_feedback_from_many_threads(tmp_path: Path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    threads = [threading.Thread(target=lambda: [store.add(RECORD, 1) for _ in range(5)]) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.summary()["total"] == 40
    with sqlite3.connect(store.path) as conn:
        assert len({r[0] for r in conn.execute("SELECT id FROM feedback")}) == 40


# --- exports ----------------------------------------------------------------------------------------


def _rendered_text(markdown: str) -> tuple[str, str]:
    """(HTML, visible text) of Markdown rendered as CommonMark with GFM tables and strikethrough."""
    markdown_it = pytest.importorskip("markdown_it")
    out = markdown_it.MarkdownIt("commonmark").enable(["table", "strikethrough"]).render(markdown)
    return out, html.unescape(re.sub(r"<[^>]+>", "", out)).strip()


@pytest.mark.parametrize("text", HOSTILE)
def test_escape_markdown_renders_literally(text: str):
    out, visible = _rendered_text(export.escape_markdown(text))
    assert visible == text
    assert not re.search(r"<(a|img|script|em|strong|code|h1|ol|ul|blockquote|table|s|del)\b", out)


def test_escape_markdown_keeps_plain_prose_readable():
    prose = "West Midlands Police is good at preventing crime, and it plans well."
    assert export.escape_markdown(prose) == prose


def test_reference_and_locators():
    assert export.locators(CITATION) == ["page 3 (printed page 2)", "paragraph 14"]
    assert export.locators({"page": 4, "printed_page": "4"}) == ["page 4"]
    assert export.locators({"page": None, "printed_page": "ii", "paragraph": None}) == ["printed page ii"]
    ref = export.reference(CITATION)
    assert ref == (
        "West Midlands assessment, 2 March 2017, page 3 (printed page 2), paragraph 14, file wm.txt. "
        "https://example.org/report"
    )
    assert (
        export.human_date("2017-03-02") == "2 March 2017"
        and export.human_date("spring 2017") == "spring 2017"
    )


def test_answer_markdown_has_question_quote_and_full_reference():
    md = export.answer_markdown(RECORD)
    assert md.startswith("## How does the force assess domestic abuse risk?")
    assert "**Sources**" in md
    assert "> The force is also inconsistent in how it assesses risk in domestic abuse cases." in md
    assert "\\[1\\] West Midlands assessment, 2 March 2017, page 3 (printed page 2), paragraph 14" in md
    assert "<https://example.org/report>" in md


def test_refusal_markdown_labels_nearest_passages():
    md = export.answer_markdown({**REFUSAL, "interpreted_as": "Read as a follow-up."})
    assert "**Not answered.** The sources do not answer this question." in md
    assert "Nearest passages (not an answer)" in md and "(not an answer)" in md
    assert "*Read as a follow-up.*" in md


def test_export_markdown_escapes_document_text_and_drops_unsafe_links():
    hostile = {
        **CITATION,
        "quote": "<script>alert(1)</script> [click](http://example.com)",
        "url": "javascript:x",
    }
    md = export.answer_markdown({**RECORD, "citations": [hostile]})
    out, visible = _rendered_text(md)
    assert "<script>" not in out and "javascript:" not in out
    assert "<script>alert(1)</script> [click](http://example.com)" in visible


def test_conversation_exports():
    md = export.conversation_markdown([RECORD, REFUSAL], about="3 documents")
    assert md.startswith("# Inspection findings: conversation")
    assert md.index(RECORD["question"]) < md.index(REFUSAL["question"])
    assert json.loads(export.conversation_json([RECORD, REFUSAL])) == [RECORD, REFUSAL]
    assert json.loads(export.answer_json(RECORD)) == RECORD
    assert "No questions asked yet." in export.conversation_markdown([])


# --- the app's escaping and HTML ----------------------------------------------------------------------


@pytest.mark.parametrize("text", HOSTILE)
def test_md_escape_renders_literally_on_one_line(text: str):
    escaped = render.md_escape(text)
    assert "\n" not in escaped and ":" not in escaped.replace("&#58;", "")
    _, visible = _rendered_text(escaped)
    assert visible.replace("\u2060", "") == text


def test_md_escape_breaks_links_and_streamlit_directives():
    escaped = render.md_escape(
        "see http://example.com or www.example.com, mail a@b.com :blue[x] :material/home:"
    )
    assert "http://" not in escaped and "www." not in escaped and "a@b" not in escaped
    assert ":blue" not in escaped and ":material" not in escaped


def test_answer_html_escapes_and_marks_only_real_citations():
    record = {**RECORD, "answer": "<b>x</b> & $y$ [1] see [2]\n\nsecond [1]"}
    out = render.answer_html(record)
    assert out.count("<p") == 2
    assert "&lt;b&gt;x&lt;/b&gt; &amp; $y$ " in out
    assert out.count('<sup class="mk"') == 2 and "see [2]" in out


def test_quote_and_label():
    assert (
        render.quote_html({**CITATION, "quote": "<i>a</i>"})
        == '<blockquote class="q">&lt;i&gt;a&lt;/i&gt;</blockquote>'
    )
    assert "weak" in render.quote_html({**CITATION, "support": "not an answer"})
    assert render.citation_label(CITATION) == (
        "[1] West Midlands assessment · 2 March 2017 · page 3 (printed page 2) · paragraph 14"
    )
    assert render.citation_label({**CITATION, "support": "not an answer"}).startswith("[1] Not an answer:")


def test_safe_url_allows_only_http():
    assert render.safe_url(" https://example.org/a?b=1 ") == "https://example.org/a?b=1"
    for bad in ("javascript:alert(1)", "data:text/html,x", "http://a b", "", None, 'http://x"onmouseover=1'):
        assert render.safe_url(bad) is None


def _doc(text: str, **meta: str) -> Document:
    return Document(source=meta.pop("source", "d.txt"), text=text, metadata=meta)


def test_highlight_marks_the_exact_span_with_page_and_paragraph_marks():
    text = "Intro line.\n\nA <b>bad</b> & $x$ sentence here. Next one.\n\nPage two text."
    start = text.index("A <b>")
    end = text.index(" Next")
    doc = Document(
        "d.txt", text, {"title": "T"},
        pages=(PageSpan(0, 50, 1, "i"), PageSpan(50, len(text), 2, "ii")),
        paragraphs=(ParagraphSpan(0, 11, "1"), ParagraphSpan(13, 48, "2"), ParagraphSpan(50, len(text), "3")),
    )  # fmt: skip
    body = highlight.body_html(doc, start, end)
    assert '<mark id="hl">A &lt;b&gt;bad&lt;/b&gt; &amp; $x$ sentence here.</mark>' in body
    assert "¶\u00a02</span><mark" in body
    assert "Page 2 (printed page ii)" in body
    assert "<b>" not in body
    page = highlight.viewer_html(doc, start, end)
    assert page.count("<script>") == 1 and "scrollTop" in page


def test_highlight_cuts_long_documents_around_the_span():
    text = ("filler line\n" * 2000) + "THE QUOTE." + ("\nmore filler" * 2000)
    start = text.index("THE QUOTE.")
    body = highlight.body_html(_doc(text), start, start + 10)
    assert "characters before this point are not shown" in body and "after this point" in body
    assert len(body) < 2 * highlight.WINDOW + 1000
    whole = highlight.body_html(_doc("short <text>"))
    assert whole == "short &lt;text&gt;" and "mark" not in whole


def test_examples_follow_the_corpus():
    police = {"a": _doc("x", organisation="West Midlands Police", inspectorate="HMIC", date="2017-03-02")}
    ofsted = {"b": _doc("x", organisation="Barnsley", inspectorate="Ofsted", date="2024-01-01")}
    assert all("West Midlands Police" in q for q in render.example_questions(police))
    assert any("grade" in q for q in render.example_questions(ofsted))
    assert len(render.example_questions({**police, **ofsted}, limit=4)) == 4
    assert render.example_questions({})


def test_corpus_facts_and_filters_summary():
    docs = {
        "a": _doc("x", source="a", organisation="West Midlands Police", date="2017-03-02", title="A"),
        "b": _doc("x", source="b", organisation="West Mercia Police", date="2019-09-26", title="B"),
    }
    manifest = {"built_at": "2025-11-25T22:20:01+0000", "settings": {"model": "org/all-MiniLM-L6-v2"}}
    facts = render.corpus_facts(docs, {**manifest, "counts": {"chunks": 7}})
    assert facts["documents"] == 2 and facts["passages"] == 7
    assert facts["organisations"] == ["West Mercia Police", "West Midlands Police"]
    assert facts["dates"] == "2 March 2017 to 26 September 2019"
    assert facts["built"] == "25 November 2025, 22:20" and facts["model"] == "all-MiniLM-L6-v2"
    assert render.filters_summary(Filters(), docs) is None
    summary = render.filters_summary(Filters(organisations=("West Mercia Police",), sources=("b",)), docs)
    assert summary == "Searching 1 of 2 documents (organisation: West Mercia Police; documents: B)."


# --- feedback limits, retention, export and deletion -------------------------------------------------


def _age(store: FeedbackStore, row: int, days: float) -> None:
    """Make a row look created (and last changed) that many days ago."""
    stamp = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE feedback SET created_at = ?, updated_at = ? WHERE id = ?", (stamp, stamp, row))


def _a_day_later(store: FeedbackStore) -> None:
    """Make the last retention check look a day old."""
    stamp = (datetime.now(UTC) - timedelta(days=1, minutes=1)).isoformat(timespec="seconds")
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE meta SET value = ? WHERE key = 'expired_at'", (stamp,))


def test_a_session_may_add_only_a_few_rows_a_minute(tmp_path: Path):
    store = FeedbackStore(tmp_path / "f.sqlite3", Limits(per_minute=2, per_day=100))
    first, second = store.add(RECORD, 1, session="s1"), store.add(RECORD, 0, session="s1")
    with pytest.raises(FeedbackLimit, match="last minute") as info:
        store.add(RECORD, 1, session="s1")
    assert "\n" not in str(info.value)
    store.update(first, 0, "changed my mind", session="s1")  # a row already counted may change
    store.add(RECORD, 1, session="s2")  # another session is not held up
    _age(store, second, 2 / 1440)
    store.add(RECORD, 1, session="s1")  # a minute later there is room again
    assert store.summary()["total"] == 4 and store.get(first).comment == "changed my mind"


def test_all_sessions_together_may_add_only_so_many_rows_a_day(tmp_path: Path):
    store = FeedbackStore(tmp_path / "f.sqlite3", Limits(per_minute=100, per_day=3))
    rows = [store.add(RECORD, 1, session=f"s{i}") for i in range(3)]
    with pytest.raises(FeedbackLimit, match="today"):
        store.add(RECORD, 1, session="s9")
    store.update(rows[0], 0, "an update is not a new row", session="s0")
    _age(store, rows[1], 1.01)
    store.add(RECORD, 1, session="s9")
    assert store.summary()["total"] == 4


def test_without_limits_nothing_is_held_back_or_expired(tmp_path: Path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    rows = [store.add(RECORD, 1, session="s1") for _ in range(12)]
    _age(store, rows[0], 4000)
    assert store.expire_if_due() == 0 and store.summary()["total"] == 12


def test_retention_deletes_exactly_the_rows_older_than_the_limit_once_a_day(tmp_path: Path):
    store = FeedbackStore(tmp_path / "f.sqlite3", Limits(retention_days=30))
    old, edge, young = (store.add(RECORD, 1) for _ in range(3))
    _age(store, old, 30.01)
    _age(store, edge, 29.99)
    _age(store, young, 1)
    assert store.expire_if_due() == 0, "the first add has just checked"
    _a_day_later(store)
    assert store.expire_if_due() == 1
    assert store.get(old) is None and store.get(edge) is not None and store.get(young) is not None
    _age(store, edge, 31)
    assert store.expire_if_due() == 0, "checked at most once a day"
    _a_day_later(store)
    store.add(RECORD, 1)  # a write a day later applies the retention again
    assert store.get(edge) is None and store.summary()["total"] == 2


def test_purge_and_export_by_day(tmp_path: Path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    rows = [store.add(RECORD, 1, f"row {i}") for i in range(3)]
    for row, days in zip(rows, (10, 5, 0), strict=True):
        _age(store, row, days)
    since = (datetime.now(UTC) - timedelta(days=6)).date()
    assert [f.id for f in store.export()] == rows
    assert [f.id for f in store.export(since)] == rows[1:]
    assert store.purge(since) == 1 and [f.id for f in store.export()] == rows[1:]
    assert store.purge(since) == 0


def test_exports_as_csv_and_json_lines(tmp_path: Path):
    store = FeedbackStore(tmp_path / "f.sqlite3")
    store.add(RECORD, 0, 'said "no", twice\nthen left', session="abc")
    lines = as_jsonl(store.export()).splitlines()
    data = json.loads(lines[0])
    assert len(lines) == 1 and data["rating"] == "down" and data["citations"] == [CITATION]
    assert data["session"] == "abc" and data["comment"] == 'said "no", twice\nthen left'
    table = list(csv.DictReader(io.StringIO(as_csv(store.export()))))
    assert table[0]["comment"] == 'said "no", twice\nthen left' and table[0]["rating"] == "down"
    assert json.loads(table[0]["citations"]) == [CITATION] and list(table[0]) == list(EXPORT_FIELDS)


def test_old_local_timestamps_are_read_as_utc(tmp_path: Path):
    """Files written before timestamps were UTC hold local time with a +HHMM offset."""
    path = tmp_path / "old.sqlite3"
    store = FeedbackStore(path)
    row = store.add(RECORD, 1)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE feedback SET created_at = '2026-03-01T09:30:00+0200' WHERE id = ?", (row,))
        conn.execute("PRAGMA user_version = 0")
    assert store.get(row).created_at == "2026-03-01T07:30:00+00:00"
    assert store.purge(date(2026, 3, 1)) == 0 and store.purge(date(2026, 3, 2)) == 1


# --- python -m bot feedback export|purge ---------------------------------------------------------------


def _feedback_cli(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")} | {"BOT_FEEDBACK_DB": str(db)}
    command = [sys.executable, "-m", "bot", "feedback", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)


def test_feedback_cli_exports_and_purges(tmp_path: Path):
    db = tmp_path / "f.sqlite3"
    store = FeedbackStore(db)
    rows = [store.add(RECORD, rating, f"note {rating}", session="s") for rating in (1, 0)]
    _age(store, rows[0], 3)
    done = _feedback_cli(db, "export")
    assert done.returncode == 0 and not done.stderr
    assert [r["comment"] for r in csv.DictReader(io.StringIO(done.stdout))] == ["note 1", "note 0"]
    since = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
    done = _feedback_cli(db, "export", "--since", since, "--json")
    assert [json.loads(line)["rating"] for line in done.stdout.splitlines()] == ["down"]
    done = _feedback_cli(db, "purge", "--before", since, "--json")
    assert json.loads(done.stdout) == {"deleted": 1, "before": since}
    assert [f.id for f in store.export()] == rows[1:]


def test_feedback_cli_bad_date_is_one_line_and_deletes_nothing(tmp_path: Path):
    db = tmp_path / "f.sqlite3"
    FeedbackStore(db).add(RECORD, 1)
    done = _feedback_cli(db, "purge", "--before", "yesterday")
    assert done.returncode == 2 and done.stderr.count("\n") == 1 and "--before" in done.stderr
    assert FeedbackStore(db).summary()["total"] == 1


def test_retention_keeps_running_without_writes(tmp_path: Path):
    store = FeedbackStore(tmp_path / "f.sqlite3", Limits(retention_days=30))
    old = store.add(RECORD, 1)
    _age(store, old, 31)
    _a_day_later(store)
    keep_expiring(store, every_s=0.05)
    deadline = time.monotonic() + 10
    while store.get(old) is not None and time.monotonic() < deadline:
        time.sleep(0.05)
    assert store.get(old) is None
