"""Comparing reports chosen on the reports page: the question asked, the chat's table, and when it cannot."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from bot.config import ROOT
from bot.engine import Engine
from bot.schema import Document
from ui.reports import _why_not

try:
    from app_fixtures import engine_on, open_page
    from test_comparisons import BARSET, WREKIN, WREKIN_TEXT
    from test_over_time import NEW, NEWER_TEXT
    from test_records import ILACS
except ImportError:  # tests/ imported as a package
    from tests.app_fixtures import engine_on, open_page
    from tests.test_comparisons import BARSET, WREKIN, WREKIN_TEXT
    from tests.test_over_time import NEW, NEWER_TEXT
    from tests.test_records import ILACS

SEED = "hmi-wendy-williams-assessment-west-midlands-police-transcript.txt"


@pytest.fixture(scope="module")
def engine(embedder, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """Barset 2018 and 2023, Wrekin 2023 (all graded) and the seed (no year in this corpus)."""
    files = {
        SEED: (ROOT / "sources" / SEED).read_bytes(),
        BARSET: ILACS,
        NEW: NEWER_TEXT,
        WREKIN: WREKIN_TEXT,
    }
    return engine_on(tmp_path_factory.mktemp("compare-chosen"), files, embedder)


@pytest.fixture
def reports_page(engine: Engine, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[AppTest]:
    """The app on the engine's index, on its reports page."""
    from ui.resources import shared_engine

    monkeypatch.setenv("BOT_INDEX", str(engine.settings.index))
    monkeypatch.setenv("BOT_SOURCES", str(engine.settings.sources))
    monkeypatch.setenv("BOT_FEEDBACK_DB", str(tmp_path / "feedback.sqlite3"))
    shared_engine.clear()
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
    open_page(at, "reports").run()
    assert not at.exception
    yield at
    shared_engine.clear()


def choose(at: AppTest, sources: list[str], subject: str = "") -> AppTest:
    """Choose these reports and this subject on the reports page."""
    at.multiselect(key="compare-reports").set_value(sources)
    at.text_input(key="compare-subject").set_value(subject).run()
    assert not at.exception
    return at


def compared(at: AppTest) -> dict:
    """The last answer's ask --json record, after pressing the button."""
    at.button(key="compare-go").click().run()
    assert not at.exception
    return at.session_state["turns"][-1]["record"]


@pytest.mark.parametrize(
    ("chosen", "subject", "question"),
    [
        ([NEW, BARSET], "care leavers", "Compare Barset 2018 and Barset 2023 on care leavers"),
        ([WREKIN, NEW], "", "Compare Barset 2023 and Wrekin 2023"),
        ([BARSET, WREKIN], "care leavers", "Compare Barset 2018 and Wrekin 2023 on care leavers"),
    ],
)
def test_chosen_reports_are_compared_in_the_chat(reports_page: AppTest, chosen, subject, question):
    at = choose(reports_page, chosen, subject)
    assert any(question in c.value for c in at.caption)  # the page shows what it will ask
    record = compared(at)
    assert record["question"] == question and not record["refused"], record.get("reason")
    assert at.session_state["f_docs"] == chosen
    assert {row["source"] for row in record["table"]["rows"]} == set(chosen)
    assert all("n" in cell for row in record["table"]["rows"] for cell in row["cells"])
    quotes = [c["quote"] for c in record["citations"]]
    shown = at.dataframe[0].value  # the table the chat draws: a row per chosen report, each cell cited
    assert len(shown) == len(chosen) and list(shown.columns)[0] == "Report"
    for cell in shown[shown.columns[1]]:
        quote, n = cell.rsplit(" [", 1)
        assert quotes[int(n.rstrip("]")) - 1] == quote


def test_a_report_without_a_year_is_compared_by_organisation(reports_page: AppTest):
    record = compared(choose(reports_page, [SEED, BARSET], "domestic abuse"))
    assert record["question"] == "Compare Barset and West Midlands Police on domestic abuse"
    assert {row["source"] for row in record["table"]["rows"]} == {SEED, BARSET}


def test_fewer_than_two_reports_disable_the_button_with_a_hint(reports_page: AppTest):
    at = choose(reports_page, [BARSET])
    assert at.button(key="compare-go").disabled
    assert any("Choose two or more reports" in c.value for c in at.caption)
    at = choose(at, [])
    assert at.button(key="compare-go").disabled


def test_a_subject_that_makes_another_question_disables_the_button(reports_page: AppTest):
    at = choose(reports_page, [BARSET, NEW], "who led the inspection")  # a report fact, not a comparison
    assert at.button(key="compare-go").disabled
    assert any("would not compare exactly them" in c.value for c in at.caption)


def test_two_reports_of_one_organisation_and_year_are_explained():
    def report(source: str, date: str) -> Document:
        return Document(source, "", {"organisation": "Barset", "date": date})

    assert _why_not([report("a", "2023-01-10"), report("b", "2023-07-14")]) == (
        "Two chosen reports are both Barset 2023: a question cannot tell them apart."
    )
    assert "has no year" in _why_not([report("a", ""), report("b", "2023-07-14")])
