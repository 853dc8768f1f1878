"""Unit tests: feedback storage, Markdown and JSON exports, Markdown escaping and the app's HTML builders."""

from __future__ import annotations

import html
import json
import re
import sqlite3
import threading
from pathlib import Path

import pytest

from bot import export
from bot.errors import BotError
from bot.feedback import MAX_COMMENT, FeedbackStore
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
