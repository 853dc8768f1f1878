"""Change over time: an organisation's graded reports oldest first, each judgement cited, in many wordings."""

from __future__ import annotations

import pytest

from bot.config import ROOT
from bot.engine import Engine
from bot.next_steps import NOTHING_AFTER

try:
    from app_fixtures import app_asking, engine_on
    from test_records import ILACS
except ImportError:  # tests/ imported as a package
    from tests.app_fixtures import app_asking, engine_on
    from tests.test_records import ILACS

SEED = "hmi-wendy-williams-assessment-west-midlands-police-transcript.txt"
OLD = "barset/children's services inspection - 25 may 2018.txt"
NEW = "barset/children's services inspection - 14 july 2023.txt"
NEWER_TEXT = (
    ILACS.replace("16 April to 20 April 2018", "5 June to 16 June 2023")
    .replace("Overall effectiveness  Good", "Overall effectiveness  Outstanding")
    .replace("care leavers  Inadequate", "care leavers  Good")
)


@pytest.fixture(scope="module")
def engine(embedder, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    base = tmp_path_factory.mktemp("over-time")
    return engine_on(
        base, {SEED: (ROOT / "sources" / SEED).read_bytes(), OLD: ILACS, NEW: NEWER_TEXT}, embedder
    )


@pytest.mark.parametrize(
    "question",
    [
        "How has Barset's rating changed?",
        "barset ratings over time",
        "Has Barset got better since the last inspection?",
        "what's the trend in barset's ofsted grades",
        "how have barsets grades changed over the years",
        # its grades one against another, or told by a move between two of them
        "which inspection of barset was the best?",
        "what was barset's grade before it became outstanding",
        "how long has barset been rated outstanding",
        "when did barset go from good to outstanding?",
        # with a tag question and "now" around it
        "barset has had a few ofsted reports now hasnt it - has it got better each time?",
        "Barset's been inspected twice now, hasn't it? Did it get better?",
    ],
)
def test_the_reports_oldest_first_with_each_grade_cited(engine, question):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert [(t["date"][:4], t["grade"]) for t in answer.timeline] == [
        ("2018", "good"),
        ("2023", "outstanding"),
    ]
    quotes = [c.quote for c in answer.citations]
    assert "Overall effectiveness  Good" in quotes and "Overall effectiveness  Outstanding" in quotes
    assert quotes.index("Overall effectiveness  Good") < quotes.index("Overall effectiveness  Outstanding")
    assert (
        "oldest first" in answer.interpreted_as
        and "good (2018) -> outstanding (2023)" in answer.interpreted_as
    )
    assert answer.to_json()["timeline"][0]["source"] == OLD


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("when was barset rated outstanding?", "Judged outstanding in 2023."),
        ("what year did barset get outstanding", "Judged outstanding in 2023."),
        ("has barset ever been rated inadequate?", "Not judged inadequate in any of them."),
        ("was barset ever judged good", "Judged good in 2018."),
        ("how many times has barset been inspected?", "good (2018) -> outstanding (2023)"),
    ],
)
def test_when_or_whether_ever_a_grade_was_given_is_told_by_each_report(engine, question, said):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert [(t["date"][:4], t["grade"]) for t in answer.timeline] == [
        ("2018", "good"),
        ("2023", "outstanding"),
    ]
    assert said in answer.interpreted_as, answer.interpreted_as


def test_an_area_named_is_followed_over_time(engine):
    answer = engine.ask("How have the grades for care leavers in Barset changed over time?")
    assert [t["grade"] for t in answer.timeline] == ["inadequate", "good"]


def test_a_year_named_or_no_organisation_is_not_a_timeline(engine):
    assert not engine.ask("What was Barset rated in 2023?").timeline
    assert not engine.ask("How has domestic abuse risk assessment changed?").timeline


def test_the_app_draws_the_grades_over_time(engine, monkeypatch: pytest.MonkeyPatch, tmp_path):
    at = app_asking(engine, "How has Barset's rating changed?", monkeypatch, tmp_path)
    assert not at.exception
    charts = at.get("vega_lite_chart")
    assert len(charts) == 1
    assert at.session_state["turns"][0]["record"]["timeline"][1]["grade"] == "outstanding"


def _barset(year: int, grade: str) -> str:
    return ILACS.replace("16 April to 20 April 2018", f"16 April to 20 April {year}").replace(
        "Overall effectiveness  Good", f"Overall effectiveness  {grade}"
    )


@pytest.fixture(scope="module")
def four_reports(embedder, tmp_path_factory: pytest.TempPathFactory) -> Engine:
    """Four graded reports about one council: more than a few, yet one newest to grade."""
    files = {
        f"barset/children's services inspection - 25 may {year}.txt": _barset(year, grade)
        for year, grade in ((2015, "Inadequate"), (2017, "Requires improvement to be good"), (2019, "Good"))
    }
    files[NEW] = NEWER_TEXT
    return engine_on(tmp_path_factory.mktemp("four-reports"), files, embedder)


@pytest.mark.parametrize(
    "question",
    ["did barset do well in its last inspection", "How did Barset do?", "how well did barset perform"],
)
def test_how_well_an_organisation_did_is_its_newest_grade_however_many_reports(four_reports, question):
    answer = four_reports.ask(question)
    assert "graded judgement" in answer.interpreted_as, answer.interpreted_as
    assert answer.citations[0].quote == "Overall effectiveness  Outstanding"


@pytest.mark.parametrize(
    ("claim", "verdict"),
    [
        ("Barset has improved since 2018", "supported"),
        ("barset's rating went up between 2018 and 2023", "supported"),
        ("Ofsted found Barset's children's services got better", "supported"),
        ("Barset's rating went down", "contradicted"),
        ("Barset's children's services declined between 2018 and 2023", "contradicted"),
    ],
)
def test_a_claim_that_grades_moved_is_checked_against_the_records(engine, claim, verdict):
    from bot.claims import ClaimChecker

    checked = ClaimChecker(engine).check(claim)
    assert checked.verdict == verdict, checked.reason
    assert "good (2018) to outstanding (2023)" in checked.reason
    assert {c.quote for c in checked.citations} >= {
        "Overall effectiveness  Good",
        "Overall effectiveness  Outstanding",
    }


def test_a_claim_of_change_in_another_subject_is_not_a_grade_change(engine):
    from bot.claims import ClaimChecker

    checked = ClaimChecker(engine).check("Barset's recruitment of foster carers has improved")
    assert "grade went from" not in (checked.reason or "")


@pytest.mark.parametrize(
    "question",
    [
        "Has Barset improved since it was rated outstanding?",
        "barset better since outstanding?",
        "has anything changed at barset since they got an outstanding",
        # the newest report named by its year
        "has barset got better since the 2023 inspection",
        "Barset: any improvement since its 2023 Ofsted?",
    ],
)
def test_what_came_after_the_newest_reports_grade_is_refused_citing_it(engine, question):
    answer = engine.ask(question)
    assert answer.refused and answer.reason == NOTHING_AFTER, answer.answer
    assert answer.citations and {c.source for c in answer.citations} == {NEW}


def test_improvement_since_an_older_reports_year_is_answered_over_time(engine):
    answer = engine.ask("has barset got better since the 2018 inspection?")
    assert not answer.refused, answer.reason
    assert "good (2018) -> outstanding (2023)" in answer.interpreted_as


def test_a_grade_a_later_report_moved_on_from_is_answered_over_time(engine):
    answer = engine.ask("Have Barset's services for care leavers improved since inadequate?")
    assert not answer.refused, answer.reason
    assert [t["grade"] for t in answer.timeline] == ["inadequate", "good"]
