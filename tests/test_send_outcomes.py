"""Area SEND outcomes asked by their place among the three outcomes ("the bottom category", "the middle
verdict"), and a reason asked for an outcome the report did not give."""

from __future__ import annotations

import pytest

try:
    from app_fixtures import engine_on
except ImportError:  # tests/ imported as a package
    from tests.app_fixtures import engine_on

MOORSIDE_SEND = "moorside/area send full inspection - 14 may 2024.txt"
MOORSIDE_ILACS = "moorside/children's services inspection - 20 march 2023.txt"
OUTCOME = "inconsistent experiences and outcomes"


def send_report() -> str:
    """An area SEND report laid out as they are: the outcome under its heading, then the findings."""
    return (
        "\n\n".join(
            [
                "Area SEND inspection of Moorside Local Area Partnership",
                "Inspection dates: 8 to 12 April 2024",
                "Inspection outcome",
                f"The local area partnership’s arrangements lead to {OUTCOME} for children and young people "
                "with special educational needs and/or disabilities (SEND).",
                "Children wait too long for speech and language therapy.",
            ]
        )
        + "\n"
    )


def ilacs_report() -> str:
    return (
        "\n\n".join(
            [
                "Inspection of Moorside local authority children's services",
                "Inspection dates: 27 February to 10 March 2023",
                "Judgement  Grade",
                "Overall effectiveness  Good",
                "Children in care live in stable homes.",
            ]
        )
        + "\n"
    )


@pytest.fixture(scope="module")
def engine(embedder, tmp_path_factory: pytest.TempPathFactory):
    files = {MOORSIDE_SEND: send_report(), MOORSIDE_ILACS: ilacs_report()}
    return engine_on(tmp_path_factory.mktemp("send_outcomes"), files, embedder)


@pytest.mark.parametrize(
    "question",
    [
        "moorside SEND got the middle 'inconsistent' verdict, didn't it?",
        "Is Moorside's SEND partnership in the bottom category after its inspection?",
        "did moorside send get the worst outcome",
        # a choice between passing and failing names no grade; how to put it is no subject
        "moorside send services - did the inspection say they're good or failing?",
        "moorside send inspection result in plain english pls",
        # whether the inspection itself went well
        "was the moorside send inspection positive?",
        "Was Moorside's SEND report favourable?",
        # any good, said of the services as a whole
        "is SEND provision in moorside any good?",
        "is the send system in moorside any good",
        "are moorside's send services any good these days?",
        "did moorside come through its special needs inspection ok?",
        "moorside send - pass or fail?",
        "moorside area send - positive or negative?",
        "Was Moorside's area SEND partnership given the best of the three possible outcomes?",
        # a choice between grades, then what it is said of
        "was moorside found good or bad for send?",
        # a story first, then the question of how the area did
        "my daughter has autism and we live in moorside, how did the area do in its send inspection?",
        "we're in moorside and my son has an ehcp - is the send system there rated well?",
        # a grade the framework does not give, asked of: the outcome says how it went
        "did moorside send get a good report?",
        "moorside special needs inspection - any good?",
        "was moorside's send inspection good news or bad news?",
        # an outcome named, and nothing else asked: the outcome the report gives
        "were there widespread failings in moorside's send services?",
        "moorside send inspection got positive experiences and outcomes didnt it",
        # a verdict in everyday words on how children fare, with or without a story first
        "is send in moorside good?",
        "moorside send - do kids get a fair deal?",
        "my lad has an ehcp, were in moorside - do inspectors reckon send kids there get a fair deal?",
        "is it hit and miss for kids with send in moorside or good right across the board",
        "we're moving to moorside and our son is autistic, did the special needs inspection there turn up"
        " serious problems",
        # the best outcome in everyday words: "good experiences"
        "thinking of moving to moorside with our autistic son, on the whole do send children there end up"
        " with good experiences?",
        "moorside send - do children get good experiences?",
    ],
)
def test_an_outcome_asked_by_its_place_among_the_outcomes_is_answered_from_the_record(engine, question):
    plan = engine.plan(question)[0]
    answer = engine.ask(question)
    assert (plan.wants, plan.sources) == ("grade", {MOORSIDE_SEND}), plan.describe()
    assert not answer.refused, answer.reason
    assert OUTCOME in answer.citations[0].quote


@pytest.mark.parametrize(
    "question",
    [
        "what did ofsted and the cqc conclude about send in moorside?",
        "what did ofsted and cqc decide about moorside's send services",
        "whats the bottom line on moorside send",
        # how serious what was found is, of the report as a whole
        "How serious were the problems found in Moorside's inspection of special needs provision?",
        "how severe were the failings in moorside send",
        "moorside send outcome in a sentence",
        # the inspectorates as the ones who judged, in everyday words: what they made of it, not which body
        "Moorside's SEND provision: how did the inspectorates sum it up?",
        "what did the watchdog make of moorside's send services?",
        "moorside send - what did the regulators conclude",
        # what every area SEND report is about, and the two inspectorates, name no subject of their own
        "Moorside's provision for youngsters with SEND: how did the two inspectorates sum it up?",
        "I'm writing about special needs support. What was the overall conclusion of the joint Ofsted and "
        "CQC inspection of Moorside's SEND services?",
    ],
)
def test_what_both_inspectorates_concluded_asks_for_the_report_s_gist(engine, question):
    # the gist of an area SEND report leads with its outcome, where a graded report's leads with its overall
    # judgement
    plan = engine.plan(question)[0]
    answer = engine.ask(question)
    assert plan.wants == "gist", plan.describe()
    assert not answer.refused and OUTCOME in answer.citations[0].quote, answer.reason


def test_a_reason_asked_for_an_outcome_the_report_did_not_give_is_refused(engine):
    answer = engine.ask("moorside send insp - whats behind the widespread systemic failings verdict")
    assert answer.refused and "takes the grade" in answer.reason, answer.reason


@pytest.mark.parametrize(
    "question",
    [
        "what ofsted grade did moorside send get - good, requires improvement?",
        "was moorside send rated good?",
    ],
)
def test_a_grade_asked_of_an_area_send_report_is_refused_as_one_it_does_not_give(engine, question):
    # the framework gives an outcome, not a grade: asked in the words of grading, no grade is quoted
    answer = engine.ask(question)
    assert answer.refused, answer.answer


def test_special_needs_support_names_the_area_send_report(engine):
    plan = engine.plan("is moorside's special needs support in a bad way according to the inspectors?")[0]
    assert plan.sources == {MOORSIDE_SEND}, plan.describe()


def older_ilacs_report() -> str:
    """An older framework's report: its graded areas name "experiences" only once, so the word singles one
    out among them."""
    return (
        "\n\n".join(
            [
                "Moorside: Inspection of services for children in need of help and protection, children"
                " looked after and care leavers",
                "Inspection date: 12 January 2015 – 4 February 2015",
                "1. Children who need help and protection  Requires improvement",
                "2. Children looked after and achieving permanence  Requires improvement",
                "2.1 Adoption performance  Good",
                "2.2 Experiences and progress of care leavers  Requires improvement",
                "3. Leadership, management and governance  Requires improvement",
            ]
        )
        + "\n"
    )


@pytest.fixture(scope="module")
def with_older(embedder, tmp_path_factory: pytest.TempPathFactory):
    files = {
        MOORSIDE_SEND: send_report(),
        MOORSIDE_ILACS: ilacs_report(),
        "moorside/children's services inspection - 20 march 2015.txt": older_ilacs_report(),
    }
    return engine_on(tmp_path_factory.mktemp("send_outcomes_older"), files, embedder)


@pytest.mark.parametrize(
    "question",
    [
        "moorside send - do children get good experiences?",
        "we're moving to moorside, on the whole do send kids there end up with good experiences?",
    ],
)
def test_an_outcome_s_words_name_no_graded_area_of_another_report(with_older, question):
    # "good experiences" is how the best outcome is put, not "Experiences and progress of care leavers"
    answer = with_older.ask(question)
    assert not answer.refused, answer.reason
    assert OUTCOME in answer.citations[0].quote


def test_children_named_in_a_question_on_children_s_services_are_its_subject(engine):
    # "kids in care" is what the question is about in a children's services report, not framing
    plan = engine.plan("moorside 2023 kids in care - what did ofsted conclude?")[0]
    assert plan.wants != "gist", plan.describe()


def test_an_everyday_verdict_on_send_support_is_answered_by_the_outcome(engine):
    question = (
        "Did Moorside's SEND inspection decide support for children with additional needs is good, or so-so?"
    )
    answer = engine.ask(question)
    assert not answer.refused and OUTCOME in answer.citations[0].quote, answer.answer
