"""What a why-question takes for granted, and the sentence of a report that says it is not so."""

from __future__ import annotations

import re

import pytest

from bot import premises

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
