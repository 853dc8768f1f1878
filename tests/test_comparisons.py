"""Comparisons: reports side by side, each cell a cited quote or "not covered", in several wordings."""

from __future__ import annotations

import pytest

from bot import export
from bot.config import ROOT, Settings
from bot.engine import Engine
from bot.indexing import build

try:
    from test_records import ILACS
except ImportError:  # tests/ imported as a package
    from tests.test_records import ILACS

SEED = "hmi-wendy-williams-assessment-west-midlands-police-transcript.txt"
BARSET = "barset/children's services inspection - 25 may 2018.txt"
WREKIN = "wrekin/children's services inspection - 14 july 2023.txt"
FOSTER = "Wrekin has recruited 40 new foster carers this year, and each has a supervising social worker."
WREKIN_TEXT = (
    ILACS.replace("Barset", "Wrekin")
    .replace("16 April to 20 April 2018", "5 June to 16 June 2023")
    .replace("Overall effectiveness  Good", "Overall effectiveness  Inadequate")
    .replace("2. Leaders know their services well.", f"2. Leaders know their services well.\\n\\n3. {FOSTER}")
)


@pytest.fixture(scope="module")
def engine(embedder, sources_writer, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    base = tmp_path_factory.mktemp("compare")
    files = {SEED: (ROOT / "sources" / SEED).read_bytes(), BARSET: ILACS, WREKIN: WREKIN_TEXT}
    settings = Settings(sources=sources_writer(base / "sources", files), index=base / "index")
    build(settings, embedder)
    loaded = Engine(settings, embedder)
    loaded.warm()
    return loaded


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
    assert cells[WREKIN].get("quote") == FOSTER.replace("\\\\n", "")
    assert cells[BARSET] == {"not_covered": True}
    assert "not covered" in answer.interpreted_as
    markdown = export.answer_markdown(answer.to_json())
    assert "| not covered |" in markdown and "[1]" in markdown


def test_one_organisation_or_no_comparison_word_is_not_a_comparison(engine):
    assert not engine.ask("Compare Barset's care leavers").table
    assert not engine.ask("How are care leavers supported in Barset and Wrekin?").table


def test_the_app_shows_the_comparison_as_a_table(engine, monkeypatch: pytest.MonkeyPatch, tmp_path):
    from streamlit.testing.v1 import AppTest

    from ui.resources import shared_engine

    monkeypatch.setenv("BOT_INDEX", str(engine.settings.index))
    monkeypatch.setenv("BOT_SOURCES", str(engine.settings.sources))
    monkeypatch.setenv("BOT_FEEDBACK_DB", str(tmp_path / "feedback.sqlite3"))
    shared_engine.clear()
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
        at.chat_input[0].set_value("Compare Barset and Wrekin").run()
    finally:
        shared_engine.clear()
    assert not at.exception
    table = at.dataframe[0].value
    assert list(table.columns)[:2] == ["Report", "Overall effectiveness"] and len(table) == 2
    assert any(
        cell.startswith("Overall effectiveness  Inadequate [") for cell in table["Overall effectiveness"]
    )
