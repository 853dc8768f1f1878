"""A question naming an inspector and asking in what part they appear: every report naming them among its
inspectors, each with the line that says their role; other questions about them keep their readings."""

from __future__ import annotations

import pytest

from bot import indexing
from bot.config import Settings
from bot.engine import Engine

WEST = "westshire/children's services inspection - 10 june 2016.txt"
EAST = "eastshire/children's services inspection - 14 may 2019.txt"
SEND = "eastshire/area send full inspection - 02 july 2024.txt"
WEST_TEXT = "\n\n".join(
    [
        "Westshire: Inspection of services for children in need of help and protection, children "
        "looked after and care leavers",
        "Inspection date: 11 April 2016 to 5 May 2016",
        "Overall effectiveness  Requires improvement",
        "1. Care leavers are supported well by their personal advisers into education and work.",
        "2. Too many assessments of need are late, and managers do not check them.",
        "The inspection team",
        "Lead inspector: Amy Rowe",
        "Deputy lead inspector: Tom Hale",
        "Team inspectors: Kay Patel, Ben Ode",
    ]
)
EAST_TEXT = "\n\n".join(
    [
        "Inspection of Eastshire local authority children's services",
        "Inspection dates: 1 to 12 April 2019",
        "Lead inspector: Kay Patel, Her Majesty’s Inspector",
        "Judgement  Grade",
        "Overall effectiveness  Good",
        "1. Children in care live in stable homes and see their social workers often.",
        "2. Return home interviews after children go missing are thorough.",
    ]
)
SEND_TEXT = "\n\n".join(
    [
        "Area SEND inspection of Eastshire Local Area Partnership",
        "Inspection dates: 3 to 7 June 2024",
        "Dates of previous inspection: 1 to 5 May 2019",
        "Inspection outcome",
        "The local area partnership’s arrangements typically lead to positive experiences and outcomes for "
        "children and young people with special educational needs and/or disabilities (SEND).",
        "1. Children and young people with SEND wait too long for speech and language therapy.",
        "Inspection team",
        "Ofsted",
        "Tom Hale, Ofsted HMI, lead inspector",
        "Care Quality Commission",
        "Sara Lind, CQC lead inspector",
    ]
)
FILES = {WEST: WEST_TEXT, EAST: EAST_TEXT, SEND: SEND_TEXT}


@pytest.fixture(scope="module")
def engine(tmp_path_factory, sources_writer, embedder) -> Engine:
    root = tmp_path_factory.mktemp("roles")
    settings = Settings(sources=sources_writer(root / "sources", FILES), index=root / "index")
    indexing.build(settings, embedder)
    return Engine(settings, embedder)


@pytest.mark.parametrize(
    "question",
    [
        "In what capacities does Tom Hale appear across the inspection reports?",
        "tom hale - which reports list him, and in what role?",
        "every report naming Tom Hale, with his role on each",
        "Tom Hale: which inspection did he lead, and which other team did he sit on?",
        "what part did tom hale play in the inspections, what was his role",
        "I saw Tom Hale in the news. Which inspection reports is he named in, and what was his job on each?",
        # the parts offered to choose from, report by report
        "tom hale - LI, deputy, team or shadow? break it down by report",
        "Was Tom Hale the deputy or the lead?",
    ],
)
def test_an_inspectors_roles_are_every_report_naming_them(engine, question):
    plan = engine.plan(question)[0]
    answer = engine.ask(question)
    assert plan.wants == "roles", plan.describe()
    quotes = [c.quote for c in answer.citations]
    assert "Deputy lead inspector: Tom Hale" in quotes, answer.answer
    assert "Tom Hale, Ofsted HMI, lead inspector" in quotes, answer.answer
    assert not any("Kay Patel" in q or "Amy Rowe" in q for q in quotes), quotes


def test_a_team_inspector_who_led_elsewhere_is_given_both_parts(engine):
    answer = engine.ask("Kay Patel: in what role does she appear in each report?")
    quotes = [c.quote for c in answer.citations]
    assert "Team inspectors: Kay Patel, Ben Ode" in quotes and any(
        q.startswith("Lead inspector: Kay") for q in quotes
    )
    assert {c.source for c in answer.citations} == {WEST, EAST}, quotes


@pytest.mark.parametrize(
    ("question", "wants"),
    [
        ("which reports did kay patel lead?", "field"),  # the reports she led, not every part she played
        ("what did kay patel find about children in care?", "passages"),
    ],
)
def test_other_questions_about_an_inspector_keep_their_readings(engine, question, wants):
    assert engine.plan(question)[0].wants in (wants, "gist"), question


def test_a_role_asked_of_a_council_is_not_an_inspectors(engine):
    assert engine.plan("what role did eastshire's personal advisers play?")[0].wants != "roles"


@pytest.mark.parametrize(
    "question",
    [
        "what did kay patel do for a living before she became an ofsted inspector",
        "what job did tom hale have before he became an hmi?",
    ],
)
def test_what_someone_is_is_not_asked_who_led(engine, question):
    """ "became an inspector" says what someone is: not a question for the lead inspector's name."""
    assert engine.plan(question)[0].field != "lead_inspector", question
