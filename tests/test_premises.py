"""What a why-question takes for granted, and the sentence of a report that says it is not so."""

from __future__ import annotations

import re

import pytest

from bot import negation, premises
from bot.findings import Judgement
from bot.records import Record

REPORT = (
    "Leaders have a clear plan for the service. "
    "As there are no children looked after, there is consequently very limited current impact. "
    "Social workers know their children well. "
    "Caseloads are high in the assessment teams. "
    "Children in care are visited regularly."
)


def _spans(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"[^.]+\.", text)]


@pytest.mark.parametrize(
    "question",
    [
        "Why are so many children being taken into care?",
        "why does the council take so many children into care",
        "What explains so many children going into care?",
        "so many children taken into care - why?",
        # in everyday words
        "barset why so many kids taken into care",
        "how come so many kids are being taken into care?",
        # the cause asked for by what someone named, or gave
        "What did Ofsted identify as the cause of so many children going into care?",
        "what reasons were given for so many children being taken into care",
        "What explained so many children coming into care?",
        "what's the main reason for so many children going into care",
        "Barset: what root causes did inspectors point to for so many children being taken into care?",
    ],
)
def test_a_sentence_anywhere_in_the_report_denying_the_premise_is_found(question):
    said = premises.taken_for_granted(question)
    assert said, question
    span = premises.denying_sentence(said, REPORT, _spans(REPORT))
    assert span is not None and "no children looked after" in REPORT[span[0] : span[1]]


@pytest.mark.parametrize(
    "question",
    [
        "Why are caseloads so high in the assessment teams?",  # the report bears it out
        "Why do social workers know their children so well?",
        "why are children in care visited so often",  # said in other words, not denied
    ],
)
def test_no_sentence_denies_a_premise_the_report_bears_out(question):
    said = premises.taken_for_granted(question)
    assert said, question
    assert premises.denying_sentence(said, REPORT, _spans(REPORT)) is None


def test_a_sentence_denying_something_else_is_not_taken_for_a_denial():
    said = premises.taken_for_granted("Why are so many care leavers in custody?")
    assert premises.denying_sentence(said, REPORT, _spans(REPORT)) is None


@pytest.mark.parametrize(
    ("question", "said"),
    [
        (
            "I've been told the inspectors weren't happy with how Barset deals with private fostering. "
            "What was it that went wrong?",
            "the inspectors weren't happy with how Barset deals with private fostering",
        ),
        (
            "A mum at the school gate told me Ofsted found Barset's services were failing. What caused them "
            "to come to that conclusion?",
            "Barset's services were failing",
        ),
        (
            "I read somewhere that Barset didn't have a single child in an unregistered home when Ofsted "
            "visited in 2024. How did they manage that?",
            "Barset didn't have a single child in an unregistered home",
        ),
        ("my neighbour reckons barset's caseloads are huge. why is that", "barset's caseloads are huge"),
    ],
)
def test_what_was_told_before_a_reason_asked_of_it_is_taken_for_granted(question, said):
    assert premises.told_premise(question) == said
    assert premises.taken_for_granted(question) == said


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("Barset 2014 SIF - grounds for the inadequate LSCB judgement?", "the inadequate LSCB judgement"),
        ("barset ilacs: the basis for rating care leavers RI", "rating care leavers RI"),
        ("What were the grounds for the inadequate grade?", "the inadequate grade"),
    ],
)
def test_the_grounds_asked_for_take_what_they_ground_for_granted(question, said):
    assert premises.taken_for_granted(question) == said


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("what was wrong with barset's front door?", "barset's front door was not good enough"),
        (
            "What did Ofsted say was so wrong with the service that it got RI?",
            "the service that it got RI was not good enough",
        ),
    ],
)
def test_what_was_wrong_with_a_thing_takes_something_wrong_for_granted(question, said):
    assert premises.taken_for_granted(question) == said


def test_a_quote_finding_fault_bears_out_what_was_wrong():
    asked = "what was wrong with the written plans for children in need"
    faulted = (
        "Assessments and plans for children in need of help and protection are not consistently leading to "
        "timely interventions that meet the range of needs for children and their families."
    )
    assert premises.denied_premise(asked, [faulted]) is None


@pytest.mark.parametrize(
    "question",
    [
        "I read the Barset report. Why are caseloads so high?",  # the reason asked names its own premise
        "My son is in care in Barset. Why are his visits so rare?",  # nothing told, only a story
        "I've been told Barset's caseloads are high. Is that right?",  # asked whether, not why
    ],
)
def test_a_question_that_asks_no_reason_of_what_was_told_has_no_told_premise(question):
    assert premises.told_premise(question) is None


def test_a_told_premise_a_report_says_otherwise_of_is_denied():
    report = (
        "A small number of children live in unregistered children's homes. Social workers know them well."
    )
    said = premises.told_premise(
        "I read Barset didn't have a single child in an unregistered home. How did they manage that?"
    )
    assert premises.denying_sentence(said, report, _spans(report)) == (0, report.index(".") + 1)
    criticised = "the inspectors weren't happy with how social workers know the children"
    assert premises.denying_sentence(criticised, report, _spans(report)) is not None


@pytest.mark.parametrize(
    "question",
    [
        "why do foster kids in barset get moved about so much?",
        "barset children in care moved around loads - why",
        "How come Barset's looked-after children keep being moved?",
    ],
)
def test_a_quote_denying_a_premise_in_another_form_of_its_word_denies_it(question):
    quote = "Placement stability is high, which means that children are not experiencing multiple moves."
    assert premises.denied_premise(question, [quote]) == 0


@pytest.mark.parametrize(
    ("sentence", "negates"),
    [
        ("This supports the board not only to discharge its duties but to challenge partners.", False),
        ("It is not just timely but thorough.", False),
        ("Plans are not timely.", True),
        ("Proceedings are not only slow: they are not tracked.", True),
    ],
)
def test_not_only_denies_nothing(sentence, negates):
    assert negation.negates(re.findall(r"[a-z']+", sentence.lower())) is negates


@pytest.mark.parametrize(
    ("question", "quote", "denied"),
    [
        # few against most, and the reverse
        (
            "why were so few kids who went missing taking up return home interviews?",
            "Most children who go missing take up the offer of a return home interview.",
            True,
        ),
        (
            "how come hardly any care leavers are in work or training?",
            "The majority of care leavers are in education, employment or training.",
            True,
        ),
        (
            "Why do most foster carers leave within a year?",
            "Few foster carers leave the service within their first year.",
            True,
        ),
        # few against few bears it out; a count of something else denies nothing
        (
            "why do so few children take up the offer of an interview?",
            "Few children take up the offer of an interview.",
            False,
        ),
        (
            "why were so few kids who went missing taking up return home interviews?",
            "Most foster carers are well trained.",
            False,
        ),
    ],
)
def test_a_premise_that_few_do_something_is_denied_by_a_quote_that_most_do(question, quote, denied):
    assert (premises.denied_premise(question, [quote]) == 0) is denied


@pytest.mark.parametrize(
    ("question", "quote", "denied"),
    [
        # a fall in something else, or a negation about another group, denies nothing of it
        (
            "Barset 2014: why was the number of babies and toddlers coming into care going up?",
            "There has been a steady reduction in the number of looked after young people who have been"
            " convicted of an offence.",
            False,
        ),
        (
            "why were more infants coming into care in barset?",
            "There is no system for monitoring whether all young people who leave care have their health"
            " histories.",
            False,
        ),
        # what it names, said not to be so
        (
            "why do so many UASC in barset keep going missing from their placements?",
            "As a result, children are settled and supported and do not go missing.",
            True,
        ),
        (
            "barset EDT - why did ofsted find it ineffective?",
            "The emergency duty team is highly effective.",
            True,
        ),
    ],
)
def test_a_quote_denies_a_premise_only_about_what_it_names(question, quote, denied):
    assert (premises.denied_premise(question, [quote]) == 0) is denied


@pytest.mark.parametrize(
    "question",
    [
        "Lambeth 2018: were children in care having to spend nights in police cells, and why?",
        "were kids kept in police cells overnight and why",
        "is the unit open - why?",
        "derby 2017 SIF - CLA on less than a full 25hr school week, how many and why?",
        "barset: how many children on part-time timetables and why",
    ],
)
def test_a_why_tacked_onto_a_question_that_asks_whether_or_how_many_takes_nothing_for_granted(question):
    assert premises.taken_for_granted(question) is None


@pytest.mark.parametrize(
    ("question", "said"),
    [
        ("why were children held in police cells?", "children held in police cells"),
        ("barset - caseloads so high, why?", "barset - caseloads so high"),
        (
            "why are so many children on less than a full school week?",
            "so many children on less than a full school week",
        ),
    ],
)
def test_a_why_question_still_takes_its_clause_for_granted(question, said):
    assert premises.taken_for_granted(question) == said


@pytest.mark.parametrize(
    ("said", "quote", "denied"),
    [
        # a shortfall said both ways is the same shortfall
        (
            "children on less than a full 25 hours school week",
            "Leaders keep records of children who do not attend school for at least 25 hours per week.",
            False,
        ),
        ("pupils in care getting fewer than 25 hours", "Some pupils are not in full-time education.", False),
        # the amount itself, said to be reached, is denied
        (
            "children attend school for 25 hours a week",
            "Leaders keep records of children who do not attend school for at least 25 hours per week.",
            True,
        ),
    ],
)
def test_a_shortfall_said_as_not_reaching_an_amount_is_no_denial(said, quote, denied):
    assert (premises.denied_premise(f"why are {said}?", [quote]) == 0) is denied


_AREAS = (
    "The impact of leaders on social work practice with children and families",
    "The experiences and progress of children who need help and protection",
    "The experiences and progress of children in care",
    "The experiences and progress of care leavers",
    "Overall effectiveness",
)


@pytest.mark.parametrize(
    ("text", "area"),
    [
        # "work with" names no area: the area whose own words the text says most of is meant
        ("Ofsted graded Barset good for its work with children in care.", _AREAS[2]),
        ("Barset's work with care leavers was rated good.", _AREAS[3]),
        ("Barset was judged good on how its leaders shape social work practice.", _AREAS[0]),
        ("Ofsted rated Barset's help and protection work good.", _AREAS[1]),
    ],
)
def test_the_judgement_meant_is_the_area_whose_own_words_the_text_says_most_of(text, area):
    record = Record("r.txt", judgements=tuple(Judgement(a, "good", 0, 1) for a in _AREAS))
    assert premises.judgement_meant(text, record).area == area
