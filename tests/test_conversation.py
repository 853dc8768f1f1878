"""Follow-up questions: how earlier turns shape what is searched."""

from bot.conversation import Turn, interpret
from bot.metadata import report_year


def test_a_standalone_question_is_left_alone():
    reading = interpret("How does the force use investigation plans?", ["What about missing people?"])
    assert reading.query == "How does the force use investigation plans?"
    assert reading.note is None


def test_without_history_nothing_is_read_into_the_question():
    assert interpret("and what about it?", []).query == "and what about it?"


def test_a_short_follow_up_takes_the_previous_question_as_its_topic():
    reading = interpret("what about it?", ["How does Dorset support care leavers?"])
    assert "How does Dorset support care leavers?" in reading.query
    assert reading.note and "follow-up" in reading.note


def test_a_follow_up_with_its_own_topic_keeps_the_previous_organisation():
    reading = interpret("and what about missing people?", ["How does West Midlands Police handle abuse?"])
    assert reading.query.startswith("and what about missing people?")
    assert "West Midlands Police" in reading.query


def test_last_year_counts_back_from_the_year_the_previous_question_named():
    reading = interpret("what did they say last year?", ["What did Ofsted say about Derby in 2022?"])
    assert "in 2021" in reading.query
    assert "2022" not in reading.query, "the previous question's year no longer applies"


def test_last_year_counts_back_from_the_report_the_previous_answer_quoted():
    previous = Turn("What concerns were raised about missing people?", (2016,))
    reading = interpret("what did they say about it last year?", [previous])
    assert "in 2015" in reading.query
    assert "missing people" in reading.query


def test_next_year_counts_forward():
    reading = interpret("and the year after? what about next year?", ["Was Dorset judged good in 2021?"])
    assert "in 2022" in reading.query


def test_last_year_without_any_year_to_count_from_is_left_as_asked():
    reading = interpret("what did they say about it last year?", [Turn("What concerns were raised?")])
    assert "last year" in reading.query


def test_a_follow_up_inherits_the_year_the_previous_question_named():
    reading = interpret("and what about care leavers?", ["How was Dorset judged in 2025?"])
    assert "(2025)" in reading.query


def test_report_year_prefers_the_period_then_the_inspection_year_then_the_date():
    assert report_year({"period": "PEEL 2016", "date": "2017-03-02"}) == 2016
    assert report_year({"year": "2024", "date": "2025-01-29"}) == 2024
    assert report_year({"date": "2019-05-01"}) == 2019
    assert report_year({}) is None


def test_a_question_that_only_sounds_like_a_follow_up_is_not_labelled_one():
    reading = interpret("Why was Dorset judged inadequate in 2025?", ["How was Dorset rated in 2025?"])
    assert reading.query == "Why was Dorset judged inadequate in 2025?" and reading.note is None


def test_a_follow_up_keeps_the_organisation_the_previous_answer_quoted_though_not_capitalised():
    history = [Turn("what did ofsted say about tameside's front door", (2024,), ("Tameside",))]
    reading = interpret("has it got better since?", history)
    assert reading.query == "has it got better since? (Tameside)"


def test_a_chain_of_follow_ups_stays_with_the_organisation_first_asked_of():
    history = [
        Turn("how are care leavers doing in derby", (2025,), ("Derby",)),
        Turn("what about in 2019?"),  # refused: its answer quoted nothing
    ]
    reading = interpret("and who led that one?", history)
    assert "Derby" in reading.query and "2019" in reading.query
    assert reading.note and "“what about in 2019?”" in reading.note


def test_a_standalone_question_passes_on_whom_the_conversation_is_about():
    history = [Turn("who led the camden inspection", (2025,), ("Camden",)), Turn("thanks, very helpful")]
    assert "Camden" in interpret("when was it published?", history).query


def test_compare_that_sets_the_previous_subject_beside_the_place_named():
    history = [Turn("tell me about lambeth's adoption", (2026,), ("Lambeth",))]
    reading = interpret("compare that with enfield", history)
    assert reading.query.startswith("compare that with enfield — tell me about lambeth's adoption")
