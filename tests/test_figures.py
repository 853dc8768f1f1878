"""What a figure measures, read from the words around it (pure functions over text)."""

from __future__ import annotations

import pytest

from bot import answer_kinds
from bot.figures import (
    both_ways,
    counted_elsewhere,
    figures_in,
    measures,
    other_date,
    other_unit,
    same_quantity,
    units_apart,
)


@pytest.mark.parametrize(
    ("figure", "text", "measured"),
    [
        ("16", "Young people aged 16 years and above are referred.", {"age"}),
        ("18", "They are at risk before they are 18 years old.", {"age"}),
        ("17", "Some 17-year-olds live in bed and breakfast.", {"age"}),
        ("2", "Children wait an average of two years.", {"time"}),
        ("40", "Waiting times can remain for up to 40 weeks.", {"time"}),
        ("18", "Some wait 18 months; others are 18 years old.", {"age", "time"}),
        ("23", "Staff turnover is 23%.", set()),
        ("12", "Twelve new homes have opened.", set()),
        # joined to its unit
        ("26", "Proceedings finish within the 26-week timescale.", {"time"}),
        ("3", "A 3-month wait is usual.", {"time"}),
        ("15", "Some 15-year-olds wait.", {"age"}),
    ],
)
def test_a_figure_measures_an_age_or_a_length_of_time_where_its_words_say_so(figure, text, measured):
    assert measures(figure, text) == measured


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the offer is not used by all districts", "the offer is used by some districts"),
        ("children are not seen by every worker", "children are seen by some worker"),
        ("plans are not updated always", "plans are updated sometimes"),
        ("not all children", "some children"),
        # a contracted "not" too
        ("care leavers weren't always supported", "care leavers sometimes supported"),
        ("workers didn’t see all children", "workers see some children"),
    ],
)
def test_not_before_all_says_some(text, expected):
    assert same_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the most recent data showed all plans on time", "the latest data showed all plans on time"),
        ("most recently, leaders acted", "lately, leaders acted"),
        ("most children were seen", "most children were seen"),  # a count, kept
        ("cases of the most serious abuse", "cases of the serious abuse"),
        ("its most vulnerable children are safe", "its vulnerable children are safe"),
    ],
)
def test_most_of_a_superlative_counts_nothing(text, expected):
    assert same_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("clinics ran every week", "clinics ran weekly"),
        ("each month the panel met", "monthly the panel met"),
        ("every day, and every fortnight", "daily, and fortnightly"),
        ("every child was seen", "every child was seen"),  # a count, kept
    ],
)
def test_every_week_says_how_often_not_how_many(text, expected):
    assert same_quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "given"),
    [
        ("A team of 12 advanced practitioners.", {"12", "twelve", "dozen"}),
        ("In all ten cases sampled.", {"10", "ten"}),
        ("Caseloads of 430 children.", {"430"}),
    ],
)
def test_a_number_is_given_in_digits_and_in_words(text, given):
    assert set(both_ways(text)) == given


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("12. When risks increase, plans are reviewed.", set()),
        ("Leaders know this. 12. When risks increase, plans are reviewed.", set()),
        ("(Recommendation) 90. The IRO service is not fully effective.", set()),
        ("Caseloads (of IROs) are 90. The service is stretched.", {"90"}),
    ],
)
def test_a_paragraph_number_is_no_figure_of_the_paragraph(text, figures):
    assert figures_in(text) == figures


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        ("Adopting older children was one of Barset's strong points.", set()),
        ("One of the strengths is adoption.", set()),
        ("Only one of the three children had a plan.", {"1", "3"}),
        ("one of its 12 homes closed", {"1", "12"}),
        ("One child was placed far away.", {"1"}),
        # "one" standing for a thing named before, or "no one": no figure
        ("It makes the move to adult services a smooth one.", set()),
        ("Barset is the only one that does, and no one else.", set()),
        ("Each one, in turn, was seen.", set()),
        # a count still
        ("A total of one child was placed.", {"1"}),
        ("In all, a total of one.", {"1"}),
        ("The team set a one-day target.", {"1"}),
    ],
)
def test_one_of_a_kind_is_no_figure_one_of_a_number_is(text, figures):
    assert figures_in(text) == figures


def test_a_percentage_gives_the_fraction_it_is():
    assert "half" in figures_in("A high proportion (50%) of social workers are new.")
    assert "quarter" in figures_in("25 per cent of children waited.")
    assert "half" not in figures_in("40% of them") and "half" not in figures_in("50 children")


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("CLA on less than a full 25hr school week", "CLA on less than a full 25 hours school week"),
        ("waited 6 wks for a visit", "waited 6 weeks for a visit"),
        ("2yrs ago", "2 years ago"),
        ("3mths", "3 months"),
        ("a 1.5hrs meeting", "a 1.5 hours meeting"),
        ("10 mins", "10 minutes"),
        # not a length of time: a school year, round the clock, an age range
        ("year 11 prom", "year 11 prom"),
        ("24/7 support", "24/7 support"),
        ("care leavers aged 16-25", "care leavers aged 16-25"),
    ],
)
def test_a_length_of_time_as_typed_is_written_as_the_reports_write_it(text, written):
    assert units_apart(text) == written


_HUB = (
    "Over 350 children recorded as contacts to the hub were waiting for a decision. In addition, over 150 "
    "children subject to domestic abuse notifications were waiting for screening."
)
_TWO_FIGURES = (
    "At the time of the inspection, the proportion of care leavers whom staff were in touch with was "
    "97.6 per cent. Similarly, the share of pathway plans done on time is equally high, at 94.9 per cent."
)


_CARE_PROCEEDINGS = "Care proceedings end within the 26-week limit."


@pytest.mark.parametrize(
    ("sentence", "evidence", "elsewhere"),
    [
        # a figure the evidence gives only in a sentence about something else
        ("Barset's staff were in touch with 94.9% of its care leavers.", _TWO_FIGURES, "94.9"),
        # ... and where it gives it of the thing the sentence counts, however worded
        ("Barset stayed in touch with 97.6% of care leavers.", _TWO_FIGURES, ""),
        ("In Barset 94.9% of pathway plans were completed in time.", _TWO_FIGURES, ""),
        (
            "Planning for adult life for children with SEND begins when they turn 14.",
            "Planning to support children with SEND as they approach adulthood starts when they become 14.",
            "",
        ),
        # a figure in words; the unit it is given in ("years") says nothing of what it counts
        (
            "A monitoring visit to Barset would take place within about three years.",
            "A monitoring visit will be carried out within 18 months. The next full inspection will be "
            "within approximately three years.",
            "three",
        ),
        ("Not one care leaver in Barset was in a B&B.", "One team is new. No care leaver was in a B&B.", ""),
        # a figure given in a sentence sharing fewer of its words than another giving a figure of its own
        (
            "About 150 children recorded as contacts to the hub were waiting for a decision.",
            _HUB,
            "150",
        ),
        (
            "Over 350 children recorded as contacts to the hub were waiting.",
            _HUB,
            "",
        ),
        # a figure joined to a word ("post-16", "17-year-olds") names an age or a stage, not a count
        ("Pupils move away for post-16 education.", "Pupils leave at 16 for college. Only 16 stay.", ""),
        # years, and figures the evidence does not give, are for the other checks
        ("Barset's front door opened in 2019.", "In 2019 the council reorganised its teams.", ""),
        ("Barset was in touch with 80% of care leavers.", _TWO_FIGURES, ""),
        # a sentence's opening capital marks no name: "Care" is the claim's "care"
        ("Barset's care cases ended inside 26 weeks.", _CARE_PROCEEDINGS, ""),
        ("Barset's court cases ended inside 26 weeks.", _CARE_PROCEEDINGS, "26"),
    ],
)
def test_a_figure_given_for_something_else_is_found(sentence, evidence, elsewhere):
    assert counted_elsewhere(sentence, evidence) == elsewhere


@pytest.mark.parametrize(
    ("sentence", "evidence", "given"),
    [
        (
            "Barset set a one-day target for urgent reports.",
            "Urgent reports are returned within one hour.",
            "one hour",
        ),
        ("Children in Barset waited 18 weeks.", "Children wait 18 months for an assessment.", "18 months"),
        # the same length of time given, whatever else the evidence gives
        ("Reports came back within one hour.", "Reports come back within one hour, or 24 hours at most.", ""),
        ("Children waited six weeks.", "Children wait six weeks, sometimes six months.", ""),
        ("Children waited two years.", "Children aged two wait months.", ""),
    ],
)
def test_a_length_of_time_given_in_another_unit_is_found(sentence, evidence, given):
    assert other_unit(sentence, evidence) == given


_TWO_DATES = (
    "The focused visit in February 2021 found work improved. An advice line was launched in May 2022."
)


@pytest.mark.parametrize(
    ("sentence", "given"),
    [
        # the month of one sentence and the year of another do not make the date
        ("Barset launched an advice line in May 2021.", "May 2022"),
        ("Barset launched an advice line in May 2022.", ""),
        ("A focused visit took place in February 2021.", ""),
        ("Barset launched an advice line in 2022.", ""),  # no month claimed: the other checks weigh the year
    ],
)
def test_a_month_given_with_another_year_is_found(sentence, given):
    assert other_date(sentence, _TWO_DATES) == given


@pytest.mark.parametrize(
    ("span", "gives"),
    [
        # the group counted, as the older reports write it
        ("At 31 March 2014, 37 children lived in a privately arranged fostering placement.", True),
        # a figure counting something else than the youngsters asked about, or another group of them
        ("There were 37 ongoing private fostering arrangements at 31 March 2014.", False),
        ("At 31 March 2014, 37 children lived in residential homes.", False),
    ],
)
def test_a_count_of_a_group_is_given_however_the_report_names_the_group(span, gives):
    question = "how many youngsters were privately fostered? need the figure"
    assert answer_kinds.gives(span, "count", question) is gives
