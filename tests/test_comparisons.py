"""Comparisons: reports side by side, each cell a cited quote or "not covered", in several wordings."""

from __future__ import annotations

import pytest

from bot import export
from bot.config import ROOT
from bot.engine import Engine

try:
    from app_fixtures import app_asking, engine_on
    from test_records import ILACS
except ImportError:  # tests/ imported as a package
    from tests.app_fixtures import app_asking, engine_on
    from tests.test_records import ILACS

SEED = "hmi-wendy-williams-assessment-west-midlands-police-transcript.txt"
BARSET = "barset/children's services inspection - 25 may 2018.txt"
WREKIN = "wrekin/children's services inspection - 14 july 2023.txt"
FOSTER = "Wrekin has recruited 40 new foster carers this year, and each has a supervising social worker."
WREKIN_TEXT = (
    ILACS.replace("Barset", "Wrekin")
    .replace("16 April to 20 April 2018", "5 June to 16 June 2023")
    .replace("Overall effectiveness  Good", "Overall effectiveness  Inadequate")
    .replace("2. Leaders know their services well.", f"2. Leaders know their services well.\n\n3. {FOSTER}")
)


@pytest.fixture(scope="module")
def engine(embedder, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    base = tmp_path_factory.mktemp("compare")
    return engine_on(
        base, {SEED: (ROOT / "sources" / SEED).read_bytes(), BARSET: ILACS, WREKIN: WREKIN_TEXT}, embedder
    )


@pytest.mark.parametrize(
    "question",
    [
        "Compare Barset and Wrekin",
        "barset vs wrekin",
        "How do Barset and Wrekin compare?",
        "barset versus wrekin grades",
    ],
)
def test_grades_side_by_side_each_cell_cited(engine, question):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    table = answer.table
    assert table["columns"][0] == "Overall effectiveness"
    by_title = {row["source"]: row["cells"] for row in table["rows"]}
    assert set(by_title) == {BARSET, WREKIN}
    quotes = {n: c.quote for n, c in enumerate(answer.citations, 1)}
    assert quotes[by_title[BARSET][0]["n"]] == "Overall effectiveness  Good"
    assert quotes[by_title[WREKIN][0]["n"]] == "Overall effectiveness  Inadequate"


def test_a_subject_one_report_never_mentions_is_not_covered(engine):
    answer = engine.ask("Compare Barset and Wrekin on recruiting foster carers")
    cells = {row["source"]: row["cells"][0] for row in answer.table["rows"]}
    assert cells[WREKIN].get("quote") == f"3. {FOSTER}"  # a numbered paragraph is quoted with its number
    assert cells[BARSET] == {"not_covered": True}
    assert "not covered" in answer.interpreted_as
    markdown = export.answer_markdown(answer.to_json())
    assert "| not covered |" in markdown and "[1]" in markdown


@pytest.mark.parametrize(
    ("question", "subject"),
    [
        ("Compare Barset and Wrekin on recruiting foster carers", "recruiting foster carers"),
        ("is wrekin better than barset for foster carers?", "foster carers"),
    ],
)
def test_the_subject_compared_on_is_the_topic_without_the_words_comparing(engine, question, subject):
    assert f"on '{subject}'" in engine.ask(question).interpreted_as


def test_one_organisation_or_no_comparison_word_is_not_a_comparison(engine):
    assert not engine.ask("Compare Barset's care leavers").table
    assert not engine.ask("How are care leavers supported in Barset and Wrekin?").table


def test_the_app_shows_the_comparison_as_a_table(engine, monkeypatch: pytest.MonkeyPatch, tmp_path):
    at = app_asking(engine, "Compare Barset and Wrekin", monkeypatch, tmp_path)
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.columns)[:2] == ["Report", "Overall effectiveness"] and len(table) == 2
    assert any(
        cell.startswith("Overall effectiveness  Inadequate [") for cell in table["Overall effectiveness"]
    )
