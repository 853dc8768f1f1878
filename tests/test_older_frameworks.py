"""Areas only older inspection frameworks grade ("adoption performance"): listed from the reports that grade
them, and refused, saying what it grades, for a report that does not."""

from __future__ import annotations

import pytest

try:
    from app_fixtures import engine_on
except ImportError:  # tests/ imported as a package
    from tests.app_fixtures import engine_on

EXMOOR_2015 = "exmoor/children's services inspection - 20 march 2015.txt"
EXMOOR_2024 = "exmoor/children's services inspection - 12 may 2024.txt"
WESSEX_2016 = "wessex/children's services inspection - 10 june 2016.txt"
WESSEX_2023 = "wessex/children's services inspection - 1 march 2023.txt"
FENLAND_2026 = "fenland/children's services inspection - 20 august 2026.txt"


def sif(place: str, dates: str, adoption: str) -> str:
    """A report of the older framework, which graded adoption performance."""
    return (
        "\n\n".join(
            [
                f"{place} County Council",
                "Inspection of services for children in need of help and protection, children looked after "
                "and care leavers",
                f"Inspection dates: {dates}",
                "Lead inspector: Alice Moor",
                "Deputy lead inspector: Fiona Millns",
                "Team inspectors: Sean Tarpey, Pauline Turner, Rob Hackeson",
                "Judgement  Grade",
                "Children who need help and protection  Good",
                "Children looked after and achieving permanence  Good",
                f"Adoption performance  {adoption}",
                "Leadership, management and governance  Good",
                "Overall effectiveness  Good",
                f"Adoption in {place} is handled by a small team, and families are matched with care.",
            ]
        )
        + "\n"
    )


def ilacs(place: str, dates: str) -> str:
    """A report of the newer framework, which grades no adoption performance."""
    return (
        "\n\n".join(
            [
                f"Inspection of {place} local authority children's services",
                f"Inspection dates: {dates}",
                "Lead inspector: Bea Ward, His Majesty’s Inspector",
                "Judgement  Grade",
                "The experiences and progress of children in care  Good",
                "Overall effectiveness  Good",
                "Children in care live in stable homes and see their social workers often.",
            ]
        )
        + "\n"
    )


@pytest.fixture(scope="module")
def engine(embedder, tmp_path_factory: pytest.TempPathFactory):
    files = {
        EXMOOR_2015: sif("Exmoor", "2 to 13 March 2015", "Outstanding"),
        EXMOOR_2024: ilacs("Exmoor", "22 April to 3 May 2024"),
        WESSEX_2016: sif("Wessex", "16 to 27 May 2016", "Inadequate"),
        WESSEX_2023: ilacs("Wessex", "6 to 17 February 2023"),
        FENLAND_2026: "\n\n".join(
            [
                "Inspection of Fenland local authority children's services",
                "Inspection dates: 8 to 19 June 2026",
                "Judgement  Grade",
                "The impact of leaders on social work practice with children and families  Outstanding",
                "The experiences and progress of children in care  Outstanding",
                "Children in care are known well by their social workers.",
            ]
        )
        + "\n",  # the newest framework: no overall effectiveness grade
    }
    return engine_on(tmp_path_factory.mktemp("frameworks"), files, embedder)


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("which council got outstanding for adoption", EXMOOR_2015),
        ("Which councils were rated inadequate for adoption performance?", WESSEX_2016),
        ("which councils were judged outstanding for adoption performance?", EXMOOR_2015),
    ],
)
def test_an_area_the_newest_reports_do_not_grade_is_listed_from_the_reports_that_do(engine, question, source):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert {c.source for c in answer.citations} == {source}, [c.quote for c in answer.citations]
    assert "of any year" in (answer.interpreted_as or ""), answer.interpreted_as


def test_an_area_the_newest_reports_grade_is_listed_from_them(engine):
    answer = engine.ask("which councils were rated good for children in care?")
    assert not answer.refused, answer.reason
    assert {c.source for c in answer.citations} == {EXMOOR_2024, WESSEX_2023}, [
        c.quote for c in answer.citations
    ]


@pytest.mark.parametrize(
    "question",
    [
        "exmoor 2024 adoption performance grade?",
        "how was exmoor's adoption performance graded in 2024?",
        "wessex 2023 - adoption performance rating",
    ],
)
def test_a_grade_of_an_area_the_report_does_not_grade_is_refused_saying_what_it_grades(engine, question):
    answer = engine.ask(question)
    assert answer.refused, answer.answer
    assert "grades no such area" in answer.reason and "overall effectiveness" in answer.reason, answer.reason


@pytest.mark.parametrize("question", ["what rating did fenland get in 2026?", "fenland ofsted result"])
def test_a_report_giving_no_overall_grade_is_answered_with_each_area_s_judgement(engine, question):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    grades = [c.quote.split("  ")[-1] for c in answer.citations]
    assert grades == ["Outstanding", "Outstanding"], answer.answer
    assert any("no overall effectiveness grade" in n for n in answer.notes), answer.notes


def test_a_grade_of_an_area_the_older_report_grades_is_given(engine):
    answer = engine.ask("exmoor 2015 adoption grade?")
    assert not answer.refused, answer.reason
    assert any("Adoption performance" in c.quote and "Outstanding" in c.quote for c in answer.citations)


@pytest.mark.parametrize(
    "question",
    [
        "who was the deputy lead inspector for exmoor in 2015?",
        "exmoor 2015 - who was the deputy lead?",
        # the lead told by name, the deputy by role: "second in command to" the lead
        "exmoor's 2015 ofsted - who was second in command to the lead?",
        "who deputised for the lead inspector at exmoor in 2015?",
    ],
)
def test_the_deputy_lead_an_older_report_names_is_the_one_asked_for(engine, question):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert [c.quote for c in answer.citations] == ["Deputy lead inspector: Fiona Millns"]


@pytest.mark.parametrize(
    "question",
    [
        "exmoor 2015 SIF: LI & deputy?",
        "Exmoor's 2015 report: whose name heads it as lead inspector, and who deputised?",
        "who led exmoor's 2015 inspection and who was the deputy?",
        "exmoor 2015 - lead and deputy lead inspectors pls",
    ],
)
def test_the_lead_and_the_deputy_are_both_given_when_both_are_asked_for(engine, question):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    # the header's two lines, quoted as one span
    quotes = [c.quote for c in answer.citations]
    assert len(quotes) == 1 and quotes[0].startswith("Lead inspector:"), quotes
    assert quotes[0].endswith("Deputy lead inspector: Fiona Millns"), quotes


def test_the_deputy_lead_is_said_to_come_from_the_reports_lines_not_its_record(engine):
    answer = engine.ask("who was the deputy lead inspector for exmoor in 2015?")
    note = answer.interpreted_as
    assert note.startswith("Answered from the inspection team lines of"), note


@pytest.mark.parametrize(
    "question",
    [
        "who was the deputy lead inspector for exmoor in 2024?",
        "exmoor 2024 ofsted - who was second in command?",
    ],
)
def test_the_deputy_lead_of_a_report_that_names_none_is_refused_saying_so(engine, question):
    answer = engine.ask(question)
    assert answer.refused and answer.reason == "The report names no deputy lead inspector.", answer.reason


@pytest.mark.parametrize(
    "question",
    [
        "who else was on the inspection team for exmoor in 2015?",
        "who were the team inspectors at exmoor in 2015",
    ],
)
def test_the_team_a_report_lists_is_the_one_asked_for(engine, question):
    answer = engine.ask(question)
    assert not answer.refused, answer.reason
    assert [c.quote for c in answer.citations] == [
        "Team inspectors: Sean Tarpey, Pauline Turner, Rob Hackeson"
    ]


@pytest.mark.parametrize(
    "question",
    [
        "exmoor 2015 SIF - LI plus full team list?",
        "who led exmoor's 2015 inspection and who was on the team?",
    ],
)
def test_the_lead_and_the_team_asked_together_are_both_quoted(engine, question):
    answer = engine.ask(question)
    quotes = [c.quote for c in answer.citations]
    assert any("Team inspectors: Sean Tarpey" in q for q in quotes), answer.answer
    assert any("Lead inspector" in q for q in quotes), answer.answer


def test_the_team_of_a_report_that_names_only_its_lead_is_refused_saying_so(engine):
    answer = engine.ask("exmoor 2024: apart from Bea Ward, who else was on the inspection team?")
    assert answer.refused and answer.reason == "The report names no inspector but its lead."


@pytest.fixture(scope="module")
def one_inspector(embedder, tmp_path_factory: pytest.TempPathFactory):
    """Two reports on one council, both led by the same inspector."""
    files = {
        "exmoor/children's services inspection - 12 july 2019.txt": ilacs("Exmoor", "3 to 14 June 2019"),
        EXMOOR_2024: ilacs("Exmoor", "22 April to 3 May 2024"),
    }
    return engine_on(tmp_path_factory.mktemp("one_inspector"), files, embedder)


@pytest.mark.parametrize(
    "question",
    [
        "which inspections did Bea Ward lead?",
        "bea ward - LI on which inspections?",
        "Bea Ward led which reports",
    ],
)
def test_every_report_an_inspector_named_led_answers_not_only_the_newest(one_inspector, question):
    answer = one_inspector.ask(question)
    assert len({c.source for c in answer.citations}) == 2, answer.answer
