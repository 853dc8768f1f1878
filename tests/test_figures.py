"""What a figure measures, read from the words around it (pure functions over text)."""

from __future__ import annotations

import pytest

from bot.figures import measures, same_quantity


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
