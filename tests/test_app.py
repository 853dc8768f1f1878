"""The Streamlit app through AppTest: cited answers, refusals, filters, exports, feedback and errors."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage
from streamlit.testing.v1 import AppTest

from bot.config import ROOT

try:
    from app_fixtures import HOSTILE, MERCIA, SEED, corpus, open_page, write_sources
except ImportError:  # tests/ imported as a package
    from tests.app_fixtures import HOSTILE, MERCIA, SEED, corpus, open_page, write_sources

APP = str(ROOT / "app.py")
DOMESTIC = "How does the force assess risk in domestic abuse cases?"


@pytest.fixture(scope="session")
def built(tmp_path_factory: pytest.TempPathFactory):
    """The three-document corpus (two forces and a hostile document) indexed with the real model."""
    return corpus(tmp_path_factory.mktemp("app-corpus"))


@pytest.fixture(autouse=True)
def fresh_engines():
    """Each test loads its own engine (the model itself stays loaded: it depends on nothing configurable)."""
    from ui.resources import shared_engine

    shared_engine.clear()
    yield
    shared_engine.clear()


@pytest.fixture
def env(built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point the app at the test index and a fresh feedback file (returned)."""
    db = tmp_path / "feedback.sqlite3"
    monkeypatch.setenv("BOT_INDEX", str(built.index))
    monkeypatch.setenv("BOT_SOURCES", str(built.sources))
    monkeypatch.setenv("BOT_FEEDBACK_DB", str(db))
    monkeypatch.delenv("BOT_FEEDBACK_PER_MINUTE", raising=False)
    return db


def start() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    return at


def ask(at: AppTest, question: str) -> AppTest:
    at.chat_input[0].set_value(question).run()
    assert not at.exception
    return at


def html_bodies(at: AppTest) -> str:
    return "\n".join(h.proto.body for h in at.get("html"))


def cited_sources(at: AppTest) -> list[str]:
    return [c["source"] for c in at.session_state["turns"][-1]["record"]["citations"]]


def test_first_load_shows_corpus_examples_and_chat_box(env):
    at = start()
    assert at.title[0].value == "Inspection findings"
    assert "3" in at.sidebar.markdown[0].value and "documents" in at.sidebar.markdown[0].value
    examples = at.pills(key="examples").options
    assert len(examples) == 3 and any("West Mercia Police" in label for label in examples)
    assert not at.button, "nothing to start again or export before the first question"
    assert at.chat_input, "the chat box is shown"
    assert not at.error


def test_example_button_asks_its_question(env):
    at = start()
    examples = at.pills(key="examples")
    question = examples.options[1].replace("\\", "")
    examples.set_value(question).run()
    assert not at.exception
    assert at.session_state["turns"][0]["record"]["question"] == question
    assert at.session_state["examples"] is None, "the choice is cleared for the next example"


def test_question_is_answered_with_a_visible_cited_quote(env):
    at = ask(start(), "how does West Midlands handle domestic abuse risk?")
    record = at.session_state["turns"][0]["record"]
    assert not record["refused"] and record["citations"]
    quote = record["citations"][0]["quote"]
    assert quote in html_bodies(at)  # the answer and the opened quote
    assert '<sup class="mk"' in html_bodies(at)  # [n] markers
    assert any("West Midlands Police – Transcript" in e.label for e in at.expander)
    assert any("paragraph 6" in c.value for c in at.caption)


def test_source_viewer_highlights_the_quote(env):
    at = ask(start(), "how does West Midlands handle domestic abuse risk?")
    citation = at.session_state["turns"][0]["record"]["citations"][0]
    at.button(key="open-1-1").click().run()
    assert not at.exception
    frames = at.get("iframe")
    assert frames, "the source viewer frame is shown"
    srcdoc = frames[0].proto.srcdoc
    assert f'<mark id="hl">{citation["quote"]}</mark>' in srcdoc
    assert any("highlighted quote is in paragraph 6" in m.value for m in at.markdown)


def test_source_viewer_highlights_nothing_when_the_quote_has_moved(env):
    at = ask(start(), "how does West Midlands handle domestic abuse risk?")
    citation = at.session_state["turns"][0]["record"]["citations"][0]
    citation["start"] += 7  # as if the document had been rebuilt with different text since the answer
    at.button(key="open-1-1").click().run()
    assert not at.exception
    assert any("has changed since the answer" in w.value for w in at.warning)
    assert '<mark id="hl">' not in at.get("iframe")[0].proto.srcdoc


def test_unanswerable_question_is_refused_with_nearest_passages(env):
    at = ask(start(), "How many people live in the city?")
    assert at.warning and "do not answer" in at.warning[0].value
    assert any("not an answer" in c.value for c in at.caption)
    assert all("Not an answer" in e.label for e in at.expander if e.label.startswith("\\[")), "labelled"


def test_filters_change_the_answer(env):
    at = start()
    assert not at.multiselect, "the filters are drawn only when asked for"
    at.toggle(key="f_on").set_value(True).run()
    at.multiselect(key="f_orgs").set_value(["West Mercia Police"]).run()
    ask(at, DOMESTIC)
    assert set(cited_sources(at)) == {MERCIA}
    assert any("Searching 1 of 3 documents" in c.value for c in at.caption)
    at.multiselect(key="f_orgs").set_value(["West Midlands Police"]).run()
    ask(at, DOMESTIC)
    assert set(cited_sources(at)) == {SEED}
    at.toggle(key="f_on").set_value(False).run()
    assert not at.multiselect and not any("Searching" in c.value for c in at.caption)


def test_follow_up_shows_how_it_was_read(env):
    at = ask(start(), "how does West Midlands handle domestic abuse risk?")
    ask(at, "and what about missing people?")
    assert at.session_state["turns"][1]["record"]["interpreted_as"]
    assert any("follow" in c.value for c in at.caption)


def test_hostile_document_text_is_escaped(env):
    at = ask(start(), "What did inspectors find about custody suite cleanliness?")
    assert cited_sources(at)[0] == HOSTILE
    bodies = html_bodies(at)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in bodies and "<script>" not in bodies
    label = next(e.label for e in at.expander if "Custody notes" in e.label)
    assert "<b>" not in label and "&#58;red" in label  # no HTML, no colour directive
    assert not any(b.proto.url.startswith("javascript") for b in at.get("link_button"))


def test_exports_hold_quotes_with_references(env, monkeypatch: pytest.MonkeyPatch):
    saved: list[tuple[bytes, str | None]] = []
    original = MemoryMediaFileStorage.load_and_get_id

    def spy(self, path_or_data, mimetype, kind, filename=None):
        data = path_or_data if isinstance(path_or_data, bytes) else str(path_or_data).encode()
        saved.append((data, filename))
        return original(self, path_or_data, mimetype, kind, filename)

    monkeypatch.setattr(MemoryMediaFileStorage, "load_and_get_id", spy)
    at = ask(start(), "how does West Midlands handle domestic abuse risk?")
    files = {name: data.decode() for data, name in saved}
    quote = at.session_state["turns"][0]["record"]["citations"][0]["quote"]
    markdown = files["conversation.md"]
    assert "how does West Midlands handle domestic abuse risk?" in markdown
    assert "2 March 2017" in markdown and "paragraph 6" in markdown
    assert "<https://hmicfrs.justiceinspectorates.gov.uk/" in markdown
    assert quote.split(",")[0] in markdown
    records = json.loads(files["conversation.json"])
    assert records[0]["citations"][0]["quote"] == quote
    assert json.loads(files["answer-1.json"])["question"] == records[0]["question"]
    assert "answer-1.md" in files


def test_feedback_is_stored_with_the_answer(env):
    at = ask(start(), "how does West Midlands handle domestic abuse risk?")
    at.feedback(key="fb-1").set_value(0).run()
    assert not at.exception
    at.text_input(key="fbc-1").input("Quote is right but incomplete.")
    at.button[[b.label for b in at.button].index("Send feedback")].click().run()
    assert not at.exception
    with sqlite3.connect(env) as conn:
        rows = conn.execute("SELECT question, rating, comment, citations, record FROM feedback").fetchall()
    assert len(rows) == 1
    question, rating, comment, citations, record = rows[0]
    assert question == "how does West Midlands handle domestic abuse risk?"
    assert rating == 0 and comment == "Quote is right but incomplete."
    assert json.loads(citations)[0]["source"] == SEED
    assert json.loads(record)["answer"]
    assert any("saved for review" in c.value for c in at.caption)


def test_public_app_never_offers_the_review_view(env, monkeypatch: pytest.MonkeyPatch):
    """Not even with BOT_STAFF=1, the switch that once showed everyone's feedback in the public app."""
    monkeypatch.setenv("BOT_STAFF", "1")
    at = ask(start(), "how does West Midlands handle domestic abuse risk?")
    at.feedback(key="fb-1").set_value(0).run()
    at.text_input(key="fbc-1").set_value("private remark about my case")
    at.button[[b.label for b in at.button].index("Send feedback")].click().run()
    at = ask(start(), "how does West Midlands handle domestic abuse risk?")
    assert not at.exception and [t.key for t in at.toggle] == ["f_on"]  # the filters toggle only
    labels = [w.label.lower() for kind in ("button", "toggle", "checkbox") for w in at.get(kind)]
    assert not [label for label in labels if "review" in label or "staff" in label]
    shown = [e.value for kind in ("title", "markdown", "caption", "text") for e in at.get(kind)]
    assert "Feedback review" not in shown and not [t for t in shown if "private remark" in str(t)]


def test_feedback_past_the_session_limit_is_refused_in_one_line(env, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("BOT_FEEDBACK_PER_MINUTE", "1")
    at = ask(start(), "how does West Midlands handle domestic abuse risk?")
    ask(at, "how does West Mercia handle domestic abuse risk?")
    at.feedback(key="fb-1").set_value(1).run()
    at.feedback(key="fb-2").set_value(0).run()
    assert not at.exception
    assert len(at.error) == 1 and "in the last minute" in at.error[0].value
    assert "\n" not in at.error[0].value
    with sqlite3.connect(env) as conn:
        assert conn.execute("SELECT rating FROM feedback").fetchall() == [(1,)], "the first stays stored"


def test_missing_index_offers_a_build_that_then_answers(env, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("BOT_SOURCES", str(write_sources(tmp_path / "seed", seed_only=True)))
    monkeypatch.setenv("BOT_INDEX", str(tmp_path / "no-index"))
    at = start()
    assert "no index yet" in at.info[0].value
    at.button(key="build-index").click().run()
    assert not at.exception
    assert at.chat_input, "after the build the chat is ready"
    ask(at, "how does West Midlands handle domestic abuse risk?")
    assert cited_sources(at) == [SEED]


def test_index_mismatch_is_one_friendly_line(env, built, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    copy = tmp_path / "index"
    shutil.copytree(built.index, copy)
    manifest = next(copy.glob("*/manifest.json"))
    data = json.loads(manifest.read_text())
    data["settings"]["chunk_chars"] = 1
    manifest.write_text(json.dumps(data))
    monkeypatch.setenv("BOT_INDEX", str(copy))
    at = start()
    assert len(at.error) == 1 and "build" in at.error[0].value and "\n" not in at.error[0].value
    assert at.button(key="build-index").label == "Rebuild the index"


def test_unexpected_failure_is_a_friendly_message(env, monkeypatch: pytest.MonkeyPatch):
    from bot.engine import Engine

    def broken(*args, **kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr(Engine, "ask", broken)
    at = ask(start(), "how does West Midlands handle domestic abuse risk?")
    assert "Something went wrong" in at.error[0].value
    assert "boom" not in at.error[0].value


def test_new_conversation_clears_the_chat(env):
    at = ask(start(), "how does West Midlands handle domestic abuse risk?")
    at.button(key="new-conversation").click().run()
    assert not at.exception
    assert at.session_state["turns"] == []
    assert not at.get("chat_message")
    assert not at.button and not at.get("download_button"), "nothing to start again or export"


def test_feedback_carries_a_random_code_per_session_and_nothing_else_about_the_person(env):
    for _ in range(2):
        at = ask(start(), "how does West Midlands handle domestic abuse risk?")
        at.feedback(key="fb-1").set_value(1).run()
    with sqlite3.connect(env) as conn:
        codes = [row[0] for row in conn.execute("SELECT session FROM feedback")]
        columns = [row[1] for row in conn.execute("PRAGMA table_info(feedback)")]
    assert len(codes) == 2 and codes[0] != codes[1]
    assert all(len(code) == 12 and int(code, 16) >= 0 for code in codes)
    assert not {"ip", "address", "user_agent", "email", "name"} & set(columns)


def test_language_model_answers_are_streamed_then_verified(env, monkeypatch: pytest.MonkeyPatch):
    """With a model server configured, the verified sentences are shown with citations, the rest withheld."""
    try:
        from llm_server import ModelServer
    except ImportError:  # tests/ imported as a package
        from tests.llm_server import ModelServer

    server = ModelServer()
    server.reply = (
        "West Midlands Police is inconsistent in how it assesses risk in domestic abuse cases [1]. "
        "The force employs 900 domestic abuse specialists [2]."
    )
    monkeypatch.setenv("BOT_LLM_PROVIDER", "openai")
    monkeypatch.setenv("BOT_LLM_BASE_URL", f"{server.url}/v1")
    monkeypatch.setenv("BOT_LLM_MODEL", "test")
    try:
        at = ask(start(), "how does West Midlands handle domestic abuse risk?")
    finally:
        server.close()
    record = at.session_state["turns"][0]["record"]
    assert record["mode"] == "llm" and record["answer"].startswith("West Midlands Police is inconsistent")
    assert record["unsupported"][0]["sentence"] == "The force employs 900 domestic abuse specialists."
    assert any("900 domestic abuse specialists" in c.value and "Withheld" in c.value for c in at.caption)
    assert "inconsistent in how it assesses risk" in html_bodies(at)
    assert server.prompts, "the model was asked"


def test_claim_mode_shows_each_verdict_with_its_quotes(env):
    at = start()
    at.segmented_control(key="mode").set_value("claim").run()
    claims = {
        "Inspectors said West Midlands Police is inconsistent in assessing risk in domestic abuse cases.": (
            "supported"
        ),
        "West Midlands Police is consistent in how it assesses risk in domestic abuse cases.": "contradicted",
        "West Midlands Police runs a helicopter unit with 40 pilots.": "not_found",
    }
    for claim in claims:
        at.chat_input[0].set_value(claim).run()
        assert not at.exception
    records = [t["record"] for t in at.session_state["turns"]]
    assert [(r["question"], r["verdict"]) for r in records] == list(claims.items())
    assert records[0]["citations"][0]["source"] == SEED
    assert records[1]["citations"][0]["support"] == "contradicts"
    badges = [m.value for m in at.markdown if "-badge[" in m.value]
    assert [b.split(": ")[-1] for b in badges] == ["Supported]", "Contradicted]", "Not found in the sources]"]
    assert "Contradicted. The sources say otherwise" in records[1]["answer"]


def test_reports_page_lists_filters_and_downloads_every_record(env):
    at = start()
    open_page(at, "reports")
    at.run()
    assert not at.exception and at.title[0].value == "Reports at a glance"
    table = at.dataframe[0].value
    assert len(table) == 3 and "Lead inspector" in table.columns
    seed_row = table[table["Organisation"] == "West Midlands Police"]
    assert len(seed_row) == 1
    at.text_input(key="reports-org").set_value("mercia").run()
    assert list(at.dataframe[0].value["Organisation"]) == ["West Mercia Police"]
    assert any("1 of 3 reports" in c.value for c in at.caption)
    assert [b.proto.label for b in at.get("download_button")] == ["Download as CSV"]


def test_an_answer_opens_the_card_of_the_report_it_quotes(env):
    at = ask(start(), "how does West Midlands handle domestic abuse risk?")
    at.button(key="card-1-1").click().run()
    assert not at.exception
    shown = " ".join(m.value for m in at.markdown)
    assert "HMI Wendy Williams" in shown.replace("\\", "") and "**Organisation**" in shown


def test_the_sidebar_facts_are_worked_out_once_per_index_generation(env, monkeypatch: pytest.MonkeyPatch):
    from ui import sidebar

    sidebar._corpus_of.clear()
    calls = []
    real = sidebar.example_questions
    monkeypatch.setattr(sidebar, "example_questions", lambda docs: calls.append(1) or real(docs))
    at = start()
    ask(at, DOMESTIC)
    at.run()
    assert len(calls) == 1, "asking and rerunning reuse the generation's sidebar facts"
    titles = at.sidebar.expander[0].markdown
    assert len(titles) == 1 and titles[0].value.count("\n- ") == 2, "every title in one element"
    assert "West Mercia" in titles[0].value
