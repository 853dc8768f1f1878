"""The staff review app through AppTest: who gets in, the feedback list, export and deletion."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from streamlit import config as st_config
from streamlit.testing.v1 import AppTest

from bot.config import ROOT
from bot.feedback import FeedbackStore

STAFF_APP = str(ROOT / "staff_app.py")
CITATION = {
    "n": 1, "source": "force.md", "title": "West Midlands Police PEEL assessment",
    "quote": "Risk in domestic abuse cases is assessed by trained staff.", "start": 10, "end": 68,
    "page": 2, "paragraph": 4, "support": "answer",
}  # fmt: skip
RECORD = {
    "question": "how is domestic abuse risk assessed?", "answer": "Risk is assessed by trained staff. [1]",
    "refused": False, "citations": [CITATION],
}  # fmt: skip
SECRET_COMMENT = "my neighbour Jane Doe was ignored"
OIDC = {
    "redirect_uri": "http://localhost:8502/oauth2callback", "cookie_secret": "x" * 40,
    "client_id": "staff-review", "client_secret": "s3cret",
    "server_metadata_url": "https://login.example.org/.well-known/openid-configuration",
}  # fmt: skip


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FeedbackStore:
    """A feedback file with one commented thumbs-down, and the staff app pointed at it."""
    from ui.resources import _feedback_store

    _feedback_store.clear()
    db = tmp_path / "feedback.sqlite3"
    monkeypatch.setenv("BOT_FEEDBACK_DB", str(db))
    monkeypatch.delenv("BOT_STAFF_EMAILS", raising=False)
    store = FeedbackStore(db)
    store.add(RECORD, 0, SECRET_COMMENT, session="a1b2c3")
    return store


@pytest.fixture
def listening_on() -> Iterator[callable]:
    """Set the address the app believes it listens on (server.address), restored afterwards."""
    before = st_config.get_option("server.address")
    yield lambda address: st_config.set_option("server.address", address)
    st_config.set_option("server.address", before)


def everything(at: AppTest) -> str:
    """All the text an app run shows."""
    parts = [e.value for kind in ("title", "markdown", "caption", "error", "text") for e in at.get(kind)]
    parts += [h.proto.body for h in at.get("html")] + [e.label for e in at.expander]
    parts += [str(d.value) for d in at.dataframe]
    return "\n".join(str(p) for p in parts).replace("\\", "").replace("\u2060", "")  # as read, unescaped


def run(at: AppTest) -> AppTest:
    at.run()
    assert not at.exception
    return at


def test_on_loopback_staff_see_feedback_with_answers_and_citations(store, listening_on):
    listening_on("127.0.0.1")
    at = run(AppTest.from_file(STAFF_APP, default_timeout=30))
    assert at.title[0].value == "Feedback review"
    shown = everything(at)
    assert SECRET_COMMENT in shown and RECORD["question"] in shown
    assert CITATION["quote"] in shown and "Risk is assessed by trained staff" in shown
    assert [m.value for m in at.metric] == ["1", "0", "1", "1"]


@pytest.mark.parametrize("address", ["0.0.0.0", "", "192.168.1.20", "::"])
def test_exposed_without_credentials_shows_one_refusal_and_no_feedback(store, listening_on, address):
    listening_on(address)
    at = run(AppTest.from_file(STAFF_APP, default_timeout=30))
    assert len(at.error) == 1 and "without credentials" in at.error[0].value
    assert SECRET_COMMENT not in everything(at) and RECORD["question"] not in everything(at)


def test_oidc_login_admits_only_listed_staff(store, listening_on, monkeypatch: pytest.MonkeyPatch):
    listening_on("0.0.0.0")
    monkeypatch.setenv("BOT_STAFF_EMAILS", "Reviewer@Example.org, lead@example.org")
    at = AppTest.from_file(STAFF_APP, default_timeout=30)
    at.secrets["auth"] = OIDC
    at.user = {"is_logged_in": False}
    run(at)
    assert at.button(key="login").label == "Log in"
    assert SECRET_COMMENT not in everything(at)
    at.user = {"is_logged_in": True, "email": "someone@example.org"}
    run(at)
    assert "not on the staff list" in at.error[0].value and SECRET_COMMENT not in everything(at)
    at.user = {"is_logged_in": True, "email": "reviewer@example.org"}
    run(at)
    assert SECRET_COMMENT in everything(at) and "Logged in as reviewer@example" in everything(at)


def test_oidc_without_a_staff_list_refuses(store, listening_on):
    listening_on("127.0.0.1")
    at = AppTest.from_file(STAFF_APP, default_timeout=30)
    at.secrets["auth"] = OIDC
    at.user = {"is_logged_in": True, "email": "anyone@example.org"}
    run(at)
    assert "BOT_STAFF_EMAILS" in everything(at) and SECRET_COMMENT not in everything(at)


def test_export_page_offers_csv_and_json_lines(store, listening_on):
    listening_on("127.0.0.1")
    at = run(AppTest.from_file(STAFF_APP, default_timeout=30))
    at.switch_page("ui/staff_pages/data.py")
    run(at)
    assert at.title[0].value == "Export and delete"
    assert "kept for 365 days" in everything(at) and "1 rows." in everything(at)
    labels = [b.proto.label for b in at.get("download_button")]
    assert labels == ["CSV", "JSON Lines"]
    at.date_input(key="export-since").set_value(date.today() + timedelta(days=1))
    run(at)
    assert "0 rows." in everything(at)


def test_delete_page_needs_a_date_and_a_confirmation(store, listening_on):
    listening_on("127.0.0.1")
    at = run(AppTest.from_file(STAFF_APP, default_timeout=30))
    at.switch_page("ui/staff_pages/data.py")
    run(at)
    assert at.button(key="purge").disabled
    at.date_input(key="purge-before").set_value(date.today() + timedelta(days=1))
    run(at)
    assert at.button(key="purge").disabled, "a date alone does not delete"
    at.checkbox(key="purge-sure").check()
    run(at)
    at.button(key="purge").click()
    run(at)
    assert "Deleted 1 rows" in at.success[0].value and not at.checkbox(key="purge-sure").value
    with sqlite3.connect(store.path) as conn:
        assert conn.execute("SELECT COUNT(*) FROM feedback").fetchone()[0] == 0
