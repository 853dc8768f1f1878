"""Questions about what the inspectorate will do next, and the statements that answer them."""

from __future__ import annotations

import pytest

from bot.next_steps import asks_next_step, kind_of_answer

INTEREST = "I will be interested to see how the force responds to this assessment."
TIMING = "The next full area SEND inspection will be within approximately 3 years."


@pytest.mark.parametrize(
    "question",
    [
        "What will the inspector be looking for next?",
        "When will Durham be inspected again?",
        "What will Ofsted check when it comes back?",
        "What happens next for the force?",
        "When is the next inspection?",
        "What's next for West Midlands Police?",
    ],
)
def test_questions_about_the_next_step_are_recognised(question):
    assert asks_next_step(question)


@pytest.mark.parametrize(
    "question",
    [
        "What are the next steps for care leavers?",  # the organisation's steps, not the inspectorate's
        "Does the force understand future demand for its services?",
        "What did the inspector say about domestic abuse?",
    ],
)
def test_other_questions_are_not_next_step_questions(question):
    assert not asks_next_step(question)


def test_what_the_inspectorate_will_look_at_is_answered_by_its_stated_interest_only():
    wanted = kind_of_answer("What will the inspector be looking for next?")
    assert wanted(INTEREST)
    assert wanted("Inspectors will return to check progress.")
    assert not wanted(TIMING), "when the next visit is due does not say what it will look at"
    assert not wanted("The council will review its plans.")


def test_when_the_next_visit_is_due_is_answered_by_its_timing_only():
    wanted = kind_of_answer("When will Durham be inspected again?")
    assert wanted(TIMING)
    assert not wanted(INTEREST), "what the inspectorate will look at does not say when"
    assert not wanted("The next steps for children are clear.")
    assert kind_of_answer("What will Ofsted look at when it returns?")(INTEREST), "asks what, not when"


def test_a_first_person_quoted_from_someone_else_is_not_the_inspectorate():
    wanted = kind_of_answer("What will the inspector look at next?")
    assert not wanted("One young person said, ‘I think I will unfollow people I don’t know.’")


@pytest.mark.parametrize(
    "question",
    [
        "What did the inspectors find about children returning home?",
        "What did Ofsted say about children going missing again?",
    ],
)
def test_past_findings_about_returning_or_again_are_not_next_step_questions(question):
    assert not asks_next_step(question)
