"""Extractive answering, its pure parts: word coverage, choosing and ordering quotes, grades, citations."""

from __future__ import annotations

import re

import numpy as np
import pytest

from bot import answer_kinds, answering
from bot.answering import (
    BEST_DROP,
    COMPANION_DROP,
    GRADES,
    QUOTES,
    Evidence,
    cite,
    compose,
    coverage,
    merged,
    order,
    select,
    with_context,
)
from bot.asking import asks_across, extreme_asked, is_grade_question
from bot.schema import Citation, Document, PageSpan, ParagraphSpan
from bot.wording import derived


def _ev(source: str, start: int, end: int, score: float) -> Evidence:
    return Evidence(source, start, end, score, dense=0.5, coverage=0.5)


def _spans(evidence: list[Evidence]) -> list[tuple[str, int, int]]:
    return [(e.source, e.start, e.end) for e in evidence]


def _citation(n: int, source: str, quote: str) -> Citation:
    return Citation(n=n, source=source, title=source, quote=quote, start=0, end=len(quote))


# Word coverage


def test_derived_accepts_a_stem_plus_a_derivational_suffix_either_way_round():
    assert derived("partner", "partnership")
    assert derived("partnership", "partner")


def test_derived_rejects_a_longer_stem_that_is_not_a_suffix_away():
    assert not derived("invest", "investig")


def test_derived_rejects_short_stems():
    assert derived("offic", "officer")
    assert not derived("form", "formal")


def test_a_question_word_is_found_as_itself_or_a_derived_word():
    def has(sentence: set[str], token: str) -> bool:
        return answering.QuestionTerms({token: 1.0}, None).coverage(sentence) > 0

    assert has({"partnership", "work"}, "partner")
    assert has({"invest"}, "invest")
    assert not has({"invest"}, "investig")


def test_coverage_is_the_share_of_question_weight_present():
    weights = {"partner": 2.0, "risk": 1.0, "plan": 1.0}
    assert coverage({"partnership", "plan"}, weights) == pytest.approx(0.75)
    assert coverage({"other"}, weights) == 0.0


def test_coverage_of_a_question_without_weight_is_zero():
    assert coverage({"risk"}, {}) == 0.0
    assert coverage({"risk"}, {"risk": 0.0}) == 0.0


def test_a_sentence_of_the_kind_asked_for_loses_only_the_weight_it_misses():
    assert coverage({"force"}, {"force": 0.3}, of_kind=True) == 1.0, "low-weight words it has cost nothing"
    assert coverage({"force"}, {}, of_kind=True) == 1.0, "nothing asked beyond the kind"
    assert coverage({"force"}, {"force": 0.3, "cybercrim": 3.0}, of_kind=True) == pytest.approx(1 - 3.0 / 3.3)
    assert coverage({"other"}, {"risk": 1.0}, of_kind=True) == pytest.approx(0.5), (
        "missed weight over the floor"
    )


# Selecting evidence


def test_select_refuses_when_the_best_is_below_the_threshold():
    assert select([_ev("a", 0, 10, 0.49), _ev("b", 0, 10, 0.3)], threshold=0.5) == []
    assert select([], threshold=0.5) == []


def test_select_keeps_only_evidence_close_to_the_best():
    far = 0.9 - BEST_DROP - 0.01
    evidence = [_ev("a", 0, 10, far), _ev("a", 20, 30, 0.9), _ev("a", 40, 50, 0.85), _ev("a", 60, 70, 0.7)]
    assert _spans(select(evidence, threshold=0.5)) == [("a", 20, 30), ("a", 40, 50), ("a", 60, 70)]


def test_select_quotes_a_close_second_just_below_the_threshold_beside_a_best_just_over_it():
    evidence = [_ev("a", 0, 10, 0.55), _ev("a", 20, 30, 0.48), _ev("a", 40, 50, 0.38)]
    assert _spans(select(evidence, threshold=0.5)) == [("a", 0, 10), ("a", 20, 30)]


def test_select_never_goes_further_below_the_threshold_than_the_companion_drop():
    evidence = [_ev("a", 0, 10, 0.52), _ev("a", 20, 30, 0.5 - COMPANION_DROP - 0.01)]
    assert _spans(select(evidence, threshold=0.5)) == [("a", 0, 10)]


def test_select_skips_spans_overlapping_a_chosen_one_in_the_same_source():
    evidence = [
        _ev("a", 0, 10, 0.9),
        _ev("a", 5, 15, 0.89),  # overlaps the best
        _ev("b", 5, 15, 0.88),  # same offsets, other document
        _ev("a", 10, 20, 0.87),  # touches the best, does not overlap
    ]
    assert _spans(select(evidence, threshold=0.5)) == [("a", 0, 10), ("b", 5, 15), ("a", 10, 20)]


def test_select_respects_the_limit():
    evidence = [_ev("a", i * 10, i * 10 + 5, 0.9) for i in range(QUOTES + 2)]
    assert len(select(evidence, threshold=0.5)) == QUOTES
    assert len(select(evidence, threshold=0.5, limit=2)) == 2


def test_near_the_best_keeps_what_scores_close_or_means_as_much():
    best = Evidence("a", 0, 10, 0.63, dense=0.65, coverage=0.5)
    same_meaning_fewer_words = Evidence("a", 20, 30, 0.41, dense=0.69, coverage=0.05)
    beside_it = Evidence("a", 40, 50, 0.40, dense=0.50, coverage=0.2)
    close_score = Evidence("a", 60, 70, 0.50, dense=0.40, coverage=0.6)
    evidence = [best, same_meaning_fewer_words, beside_it, close_score]
    kept = answering.near_the_best(evidence, slack=0.2, meaning_slack=0.05)
    assert kept == [best, same_meaning_fewer_words, close_score]
    assert answering.near_the_best([], slack=0.2, meaning_slack=0.05) == []


# Context for dependent sentences

CONTEXT_TEXT = (
    "Leaders are visible. However, staff are tired. Items are logged. It is slow."
    "\n\nIt needs work. Officers patrol."
)


def _sentences(text: str) -> list[tuple[int, int]]:
    parts = [
        "Leaders are visible.", "However, staff are tired.", "Items are logged.", "It is slow.",
        "It needs work.", "Officers patrol.",
    ]  # fmt: skip
    return [(text.index(p), text.index(p) + len(p)) for p in parts]


def _context_for(sentence: str) -> tuple[Evidence, str]:
    doc = Document("d.txt", CONTEXT_TEXT, {})
    start = CONTEXT_TEXT.index(sentence)
    ev = _ev("d.txt", start, start + len(sentence), 0.8)
    out = with_context(doc, ev, _sentences(CONTEXT_TEXT))
    return out, CONTEXT_TEXT[out.start : out.end]


def test_a_sentence_opening_with_however_gets_the_previous_sentence():
    out, quote = _context_for("However, staff are tired.")
    assert quote == "Leaders are visible. However, staff are tired."
    assert (out.score, out.dense, out.coverage) == (0.8, 0.5, 0.5)


def test_a_sentence_opening_with_it_gets_only_the_immediately_previous_sentence():
    _, quote = _context_for("It is slow.")
    assert quote == "Items are logged. It is slow."


def test_no_context_is_taken_across_a_blank_line():
    _, quote = _context_for("It needs work.")
    assert quote == "It needs work."


@pytest.mark.parametrize("sentence", ["Items are logged.", "Officers patrol.", "Leaders are visible."])
def test_an_independent_sentence_is_unchanged(sentence):
    out, quote = _context_for(sentence)
    assert quote == sentence


def _run_on(sentence: str, text: str = CONTEXT_TEXT) -> str:
    doc = Document("d.txt", text, {})
    start = text.index(sentence)
    sentences = [(text.index(p), text.index(p) + len(p)) for p in re.findall(r"[^.\n]+\.", text)]
    sentences = [(a + len(text[a:b]) - len(text[a:b].lstrip()), b) for a, b in sentences]
    out = answering.with_next(doc, _ev("d.txt", start, start + len(sentence), 0.8), sentences)
    assert (out.score, out.dense, out.coverage) == (0.8, 0.5, 0.5)
    return text[out.start : out.end]


def test_a_quote_runs_on_to_the_next_sentence_of_its_paragraph():
    assert _run_on("Items are logged.") == "Items are logged. It is slow."
    assert _run_on("Leaders are visible.") == "Leaders are visible. However, staff are tired."


def test_a_quote_does_not_run_on_past_its_paragraph_or_line():
    assert _run_on("It is slow.") == "It is slow."  # the next sentence is after a blank line
    assert _run_on("Officers patrol.") == "Officers patrol."  # the last sentence
    table = "Children in care  Good.\nCare leavers  Good."
    assert _run_on("Children in care  Good.", table) == "Children in care  Good."  # a row stands alone


# Ordering and composing


def test_order_puts_the_best_document_first_its_best_sentence_first_then_sorts_by_position():
    evidence = [
        *(_ev("a", 100, 110, 0.5), _ev("b", 50, 60, 0.9), _ev("a", 10, 20, 0.6)),
        *(_ev("b", 5, 15, 0.3), _ev("b", 70, 80, 0.4)),
    ]
    assert _spans(order(evidence)) == [
        *(("b", 50, 60), ("b", 5, 15), ("b", 70, 80)),
        *(("a", 10, 20), ("a", 100, 110)),
    ]


def test_compose_marks_quotes_and_gives_each_document_a_paragraph():
    citations = [
        _citation(1, "a", "First   quote\nwraps."),
        _citation(2, "a", "Second quote."),
        _citation(3, "b", "\tOther document. "),
    ]
    assert compose(citations) == "First quote wraps. [1] Second quote. [2]\n\nOther document. [3]"


def test_compose_of_nothing_is_empty():
    assert compose([]) == ""


# Grades


@pytest.mark.parametrize(
    "question",
    [
        "What grade did Derby get?",
        "How was the council judged?",
        "What is the overall effectiveness?",
        "What rating did it receive?",
        "What judgements were made?",
        "what did ofsted rate derby in 2017",  # "rate" as a verb, asked what or how
        "How did inspectors rate Barset?",
        "what does ofsted rate tameside now",
        # a grade something came out as, quoted or not; a terse question ending on a grade
        "I'm sure the inspection came out as 'requires improvement' overall. Have I got that right?",
        "H&P came out inadequate, or am I misremembering?",
        "cambs latest - help+protection inadequate?",
    ],
)
def test_grade_questions(question):
    assert is_grade_question(question)


@pytest.mark.parametrize(
    "question",
    [
        "london LAs - which outstanding for childrens services now?",
        "out of the london boroughs in here, which ones have the top ofsted rating for childrens services",
        "2018 ofsted visits - which councils walked away with a good for kids social work?",
    ],
)
def test_lists_across_reports_asked_in_passing(question):
    assert asks_across(question)


@pytest.mark.parametrize(
    "question",
    ["how councils rated inadequate went on to improve", "do councils rated inadequate get extra money?"],
)
def test_a_question_word_before_the_organisations_asks_no_list(question):
    assert not asks_across(question)


def test_a_word_of_the_inspection_between_an_extreme_and_its_rating():
    assert extreme_asked("which ones have the top ofsted rating?") == "best"
    assert extreme_asked("the worst overall grade") == "worst"


@pytest.mark.parametrize(
    "question",
    [
        "How does the force judge risk?",
        "What did inspectors find about missing children?",
        "what rate of re-referrals did barset have?",  # "rate" as a noun
        "why was help and protection inadequate?",  # asks why, not which grade
    ],
)
def test_questions_that_are_not_about_grades(question):
    assert not is_grade_question(question)


@pytest.mark.parametrize(
    "text",
    [
        "Overall effectiveness  Good",
        "Overall effectiveness   Requires improvement to be good",
        "The experiences and progress of children in care  Outstanding\nNext row",
        "Services were judged to be inadequate.",
        "Overall effectiveness: good",
        "Effectiveness was rated as requires improvement.",
        "The judgement is that services are inadequate.",
        "The force is good.",
    ],
)
def test_grades_match_stated_judgements(text):
    assert GRADES.search(text)


@pytest.mark.parametrize(
    "text",
    [
        "The force is good at preventing crime.",
        "Leaders are good to work with.",
        "It is a good example of partnership working.",
        "A good proportion of cases are reviewed.",
        "Overall effectiveness Good",  # a single space is prose, not a table column
    ],
)
def test_grades_ignore_praise_and_prose(text):
    assert not GRADES.search(text)


def test_grades_ignore_good_practice():
    assert not GRADES.search("There is good practice in the multi-agency safeguarding hub.")


# Citations

CITE_TEXT = "Intro paragraph here.\n\nThe force manages offenders well. Next sentence on page two."


def _cite_doc(**meta: str) -> Document:
    split = CITE_TEXT.index("Next")
    return Document(
        "wm/report.pdf", CITE_TEXT, meta,
        pages=(PageSpan(0, split, 1, "i"), PageSpan(split, len(CITE_TEXT), 2, "7")),
        paragraphs=(ParagraphSpan(0, 21, "1"), ParagraphSpan(23, len(CITE_TEXT), "2")),
    )  # fmt: skip


def test_cite_carries_every_locator_and_the_exact_quote():
    doc = _cite_doc(title="WMP report", date="2016-03-01", url="https://example.org/wmp")
    start = CITE_TEXT.index("Next")
    ev = Evidence(doc.source, start, len(CITE_TEXT), 0.123456, 0.4, 0.6)
    c = cite(3, doc, ev, support="not an answer")
    assert c.quote == doc.text[ev.start : ev.end] == "Next sentence on page two."
    assert (c.n, c.source, c.title, c.start, c.end) == (
        3,
        "wm/report.pdf",
        "WMP report",
        start,
        len(CITE_TEXT),
    )
    assert (c.page, c.printed_page, c.paragraph) == (2, "7", "2")
    assert (c.date, c.url) == ("2016-03-01", "https://example.org/wmp")
    assert c.support == "not an answer"
    assert c.score == 0.1235


def test_cite_locates_by_the_start_of_the_span():
    doc = _cite_doc()
    start = CITE_TEXT.index("The force")
    c = cite(1, doc, Evidence(doc.source, start, len(CITE_TEXT), 0.5, 0.5, 0.5))
    assert (c.page, c.printed_page, c.paragraph) == (1, "i", "2")
    assert c.support == "verbatim"


def test_cite_without_locators_or_metadata_gives_none():
    doc = Document("notes.txt", "Plain text only.", {})
    c = cite(1, doc, Evidence(doc.source, 6, 10, 0.5, 0.5, 0.5))
    assert c.quote == "text"
    assert c.title == "notes.txt"
    assert (c.page, c.printed_page, c.paragraph, c.date, c.url) == (None, None, None, None, None)


# Headings and summaries

TAGLINE = "Promoting improvements in policing to make everyone safer"
STATEMENT = "The force is good at keeping records of every case."
HEADED = f"{TAGLINE}\n\n{STATEMENT}\n\nEnd"


@pytest.mark.parametrize(
    ("part", "heading"),
    [(TAGLINE, True), (STATEMENT, False), ("End", True)],  # a tagline alone on its line; a single word
)
def test_is_heading(part, heading):
    start = HEADED.index(part)
    assert answering.is_heading(HEADED, start, start + len(part)) is heading


@pytest.mark.parametrize(
    ("text", "heading"),
    [
        ("Findings\n\nWhat does the local authority need to improve?\n\n1. Plans are vague.", True),
        ("Summary\n\nHow good are services for care leavers?\n\nThey are good.", True),
        # a question inside a paragraph is part of what the report says, not a heading
        ("Plans vary. Why do so many children wait months for a plan? Leaders are finding out.", False),
    ],
)
def test_a_question_on_a_line_of_its_own_is_a_heading(text, heading):
    question = text[: text.index("?") + 1].split("\n")[-1].split(". ")[-1]
    start = text.index(question)
    assert answering.is_heading(text, start, start + len(question)) is heading


def test_a_long_line_or_a_labelled_line_is_not_a_heading():
    line = "Lead inspector: Sarah Canto, His Majesty's Inspector"
    assert not answering.is_heading(line, 0, len(line))


def test_summary_quotes_the_overall_row_then_the_first_two_sentences_of_the_first_prose():
    prose = "Children get help early. " + "Leaders know their services well and act on what they find. " * 4
    text = f"Inspection of Barset\n\nOverall effectiveness  Good\n\nShort line.\n\n{prose.strip()}"
    doc = Document(source="b.txt", text=text, metadata={})
    first, second = text.index("Children"), text.index("Leaders")
    lines = ["Inspection of Barset", "Overall effectiveness  Good", "Short line."]
    sentences = [(text.index(x), text.index(x) + len(x)) for x in lines]
    sentences += [(first, second - 1), (second, second + 60)]
    quotes = [text[e.start : e.end] for e in answering.summary(doc, sentences)]
    assert quotes == ["Overall effectiveness  Good", "Children get help early.", text[second : second + 60]]


def test_an_older_report_s_gist_is_its_overall_sentence_then_prose_that_is_not_the_inspectorate_s():
    law = "Ofsted produces this report under its power to combine reports in accordance with the law. " * 3
    prose = "Failure to ensure sufficient capacity is a primary factor in the poor practice seen. " * 3
    overall = "Children's services in Barset are inadequate"
    text = f"Barset\n\n{law.strip()}\n\n{overall}\n\n{overall}.\n\n{prose.strip()}"
    doc = Document(source="b.txt", text=text, metadata={})
    sentences, at = [], 0
    for piece in text.replace("\n\n", "|").replace(". ", ".|").split("|"):
        start = text.index(piece, at)
        sentences.append((start, start + len(piece)))
        at = start + len(piece)
    said = (text.index(overall), text.index(overall) + len(overall))
    law_ends = text.index("\n\n", len("Barset\n\n"))
    quotes = [
        text[e.start : e.end]
        for e in answering.summary(doc, sentences, said, lambda start, end: start < law_ends)
    ]
    assert quotes[0] == overall  # the record's span, said once though the report says it twice
    assert quotes[1:] == [prose.split(". ")[0] + "."] * 2


@pytest.mark.parametrize(
    ("text", "question"),
    [
        (
            "No children are placed in unregistered children’s homes.",
            "How many children are in unregistered homes?",
        ),
        ("There were no new homes opened for care leavers.", "how many new homes were opened"),
        (
            "None of the care leavers live in bed and breakfast accommodation.",
            "how many care leavers live in B&Bs",
        ),
        ("Not a single child was placed out of area.", "how many children placed out of area?"),
        ("No social workers have caseloads above 20.", "How meny social workers have more than 20 cases"),
        # what is counted named by a clause after "no": "no children who are looked after"
        ("There are no children who are looked after in Barset.", "barset 2023 number of looked after kids"),
        ("No children who were homeless stayed in B&Bs.", "how many homeless children were there"),
    ],
)
def test_none_of_what_is_counted_answers_a_how_many_question(text, question):
    assert answer_kinds.gives(text, "count", question)


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("No evidence of drift was found.", "how many children were missing"),  # none of something else
        ("Children wait too long for assessments.", "how many children wait"),  # no figure at all
        ("No children are placed in unregistered homes.", "what happens to children in unregistered homes"),
        # a stage of education named by age is no count
        (
            "Staff support young people moving into post 19 education.",
            "how many young people are on internships",
        ),
        ("Post-16 options are discussed early.", "how many pupils went on to college"),
        # a number in a name, or a law's part, counts nothing
        ("The council is part of the adoption agency Together 4 Children.", "how many children were adopted"),
        ("Care 4 Us, the children in care council, meets monthly.", "how many kids are in care"),
        ("The inspection was made under section 20(1)(a) of the Children Act.", "how many kids got adopted"),
        ("Section 47 enquiries are timely.", "how many children had s47 enquiries"),
        ("S47 enquiries are timely for children.", "how many kids had a child protection enquiry"),
    ],
)
def test_a_span_without_a_count_of_the_thing_asked_about_does_not_answer(text, question):
    assert not answer_kinds.gives(text, "count", question)


# A figure before a possessive counts what is possessed: "40 children's safeguarding boards" are boards.
@pytest.mark.parametrize(
    ("text", "question", "gives"),
    [
        ("Work is informed by more than 40 children’s safeguarding boards, run in schools with children.",
         "how many kids were being home schooled", False),
        ("The council runs 12 children's homes.", "how many children are in care", False),
        ("The council runs 12 children's homes.", "how many children's homes does it run", True),
        ("There are 412 children in care, and 40 of them live out of the area.", "how many children in care",
         True),
        ("The council's 20 children's homes are good.", "how many children's homes", True),
        ("Section 47 enquiries were made for 120 children.", "how many children had s47 enquiries", True),
    ],
)  # fmt: skip
def test_a_figure_before_a_possessive_counts_what_is_possessed(text, question, gives):
    assert answer_kinds.gives(text, "count", question) is gives


# A figure above one counts the plural after it: a figure of providers or advisers says nothing of how many
# children are on a register; one of the question's words, or a word near one, is what it counts.
@pytest.mark.parametrize(
    ("text", "question", "gives"),
    [
        ("Four registered alternative education providers add capacity for children and young people.",
         "co durham SEND - how many CYP are actually on the dynamic support register? need the no.", False),
        ("The area has two experienced careers advisors whose sole focus is SEND.",
         "How many young people with SEND were on internships in 2023?", False),
        ("Some 43 care leavers aged 18 to 21 live in supported lodgings.", "How many care leavers are there?",
         True),
        ("There are 450 children in care.", "how many kids are in care", True),
        ("Of the 30 children, 12 were adopted.", "how many children were adopted", True),
        ("Twenty-one new homes for care leavers have been created.", "how many extra houses for care leavers",
         True),
    ],
)  # fmt: skip
def test_a_figure_counts_the_plural_written_after_it(text, question, gives):
    related = {"hous": (("home", 0.9),)}
    assert answer_kinds.gives(text, "count", question, related) is gives


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("There are no children who are looked after in the islands.", "how many bairns were in care"),
        ("No children were placed in bed and breakfast accommodation.", "How many bairns ended up in B&Bs?"),
        ("No children have been reported missing from their homes.", "how meny kiddies went missing"),
    ],
)
def test_none_of_a_word_near_the_counted_one_answers_a_how_many_question(text, question):
    related = {"bairn": (("children", 0.82),), "kiddi": (("children", 0.75),)}
    assert answer_kinds.gives(text, "count", question, related)
    # without the near word it is none of something else
    assert not answer_kinds.gives(text, "count", question)


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("The out-of-hours team is shared with Wessex.", True),
        ("It is shared with the London Borough of Harrow.", True),
        ("The out-of-hours team is shared with another borough.", False),
        ("The impact of leaders on social work practice  Good", False),  # a grade is not a place
        ("Loamshire shares its team. Staff are skilled.", False),  # the place asked about, sentence openings
    ],
)
def test_a_place_is_answered_by_a_name_the_question_does_not_hold(text, gives):
    question = "which other council does loamshire share its out of hours team with"
    assert answer_kinds.gives(text, "place", question) is gives


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("Some families wait up to 40 weeks for a first appointment.", True),
        ("Most assessments finish within a 12-week target.", True),
        ("Planning for adulthood starts when they become 14 years old.", False),  # an age
        ("Two-year-old checks are integrated with early years providers.", False),
        ("Children aged 5 years old wait 3 months.", True),
    ],
)
def test_an_age_is_not_a_length_of_time(text, gives):
    assert answer_kinds.gives(text, "duration", "how many weeks do children wait for an assessment") is gives


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("The rate of children on plans has halved over the last six months.", False),  # how long
        ("Plans were reviewed within 10 working days.", False),
        ("Six children were on plans for more than two years.", True),
        ("There are 210 children on plans, up from 180 a year ago.", True),
    ],
)
def test_a_length_of_time_is_not_a_count(text, gives):
    assert answer_kinds.gives(text, "count", "how many children were on child protection plans") is gives


@pytest.mark.parametrize(
    ("question", "text", "gives"),
    [
        (
            "the exact number of children who arrived?",
            "Two-thirds of children saw their risks reduced.",
            False,
        ),
        ("what was the total number of referrals", "About 40% of referrals led to an assessment.", False),
        ("the exact number of children who arrived?", "Forty-two children arrived in the year.", True),
        (
            "how many children saw their risks reduced",
            "Two-thirds of children saw their risks reduced.",
            True,
        ),
    ],
)
def test_a_proportion_is_no_exact_number(question, text, gives):
    assert answer_kinds.gives(text, "count", question) is gives


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("The hub opened in March 2023.", True),
        ("The family hub opened last year.", True),
        ("Young people lobbied for the creation of a hub.", False),
    ],
)
def test_a_date_is_given_by_a_span_saying_when(text, gives):
    assert answer_kinds.gives(text, "date", "When did the hub open?") is gives


@pytest.mark.parametrize(
    ("question", "text", "gives"),
    [
        # a figure counting something else beside the topic: no answer
        (
            "how many CYP electively home educated?",
            "The virtual school supports the 405 pupils on its roll.",
            False,
        ),
        (
            "coventry EHE - how many children are home educated",
            "There are 405 pupils on roll. Children who are home educated are screened.",
            False,
        ),
        # the figure counts what is asked, in the question's words or those that go with its noun
        ("how many children are home educated", "Some 240 children are electively home educated.", True),
        (
            "how many mental health services can care leavers use",
            "They can use over 20 co-located services.",
            True,
        ),
        (
            "how many new places were created for care leavers",
            "Twenty-one new homes have been created.",
            True,
        ),
        ("EHCP timeliness figure?", "Timeliness has improved from the published 4% completed on time.", True),
        ("young carers - how many", "There are 85 young carers known to the service.", True),
        # a domain term is counted whole, and a figure counting another term straight after it counts that
        (
            "how many young carers is barset helping?",
            "Around 2,000 parents and carers shared their views with inspectors.",
            False,
        ),
        ("how many foster carers has barset got?", "There are 10 private fostering arrangements.", False),
        (
            "How many new foster families did Barset sign up?",
            "There are currently 14 care leavers living with foster carers.",
            False,
        ),
        ("How many new foster families did Barset sign up?", "Barset approved 14 new foster carers.", True),
        ("how many children in care has barset", "At 31 March there were 194 looked after children.", True),
        # a group of children asked about is counted only where the sentence names it, in any of its writings
        ("How many children are home educated?", "29 live in children's homes, 41% far away.", False),
        ("how many kids are home educated", "At 31 March, 194 children were being looked after.", False),
        ("barset how many kids home schooled", "The share of children in a good school is 80%.", False),
        ("barset home ed numbers?", "There are 112 children known to be home-educated.", True),
        ("barset home educated number", "29 live in residential children's homes.", False),
        ("How many kids does Barset home school?", "Some 240 children are in elective home education.", True),
        ("young carers barset how many helped", "34. As care leavers approach 21, a PA is offered.", False),
        # the groups whose services are graded are written about throughout without being named each time
        ("How many kids on CP plans?", "There are 210 children on plans, up from 180.", True),
    ],
)
def test_a_figure_answers_how_many_only_beside_what_is_counted(question, text, gives):
    assert answer_kinds.gives(text, "count", question) is gives


_VISITORS = (
    "An independent visitor service is available for those children who have little or no contact with "
    "anyone independent of children's services, and is currently working with 21 children."
)
_ORDERS = "Special guardianship orders have been used in 53 cases in the last year to divert children."


# Children and young people are counted by any of their names, the everyday ones too; and a figure of cases,
# occasions or times counts the thing its sentence is about.
@pytest.mark.parametrize(
    ("question", "text", "gives"),
    [
        ("how many youngsters had an independent visitor", _VISITORS, True),
        ("Barset 2015: how many young people were matched with an independent visitor?", _VISITORS, True),
        ("number of teenagers with an indepedent visitor in barset", _VISITORS, True),
        ("how many pupils got an IV - independent visitor", _VISITORS, True),
        ("how many volunteers were working as independent visitors", _VISITORS, False),
        ("How many special guardianship orders did Barset make in the year?", _ORDERS, True),
        ("barset special guardianship orders - how many", _ORDERS, True),
        ("How many adoptions were there?", "Adoption has been the plan on 12 occasions this year.", True),
        ("how many social workers does barset have", "The team dealt with 53 cases in the last year.", False),
        # and cases asked for are what the figure counts, near what they are cases of
        ("how many cases do barset's social workers carry?", "Social workers have 60 children each.",
         True),
        ("how many cases do barset's social workers carry?", "There are 60 foster carers.", False),
        # a share of them says how many
        ("How many Barset social workers had a master's?", "A third of social workers had a masters.", True),
        ("how many SWs have a masters degree", "Half of social workers hold a masters degree.", True),
        ("how many kids were adopted", "A quarter of social workers are newly qualified.", False),
    ],
)  # fmt: skip
def test_children_are_counted_by_any_of_their_names_and_cases_count_their_subject(question, text, gives):
    assert answer_kinds.gives(text, "count", question) is gives


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("Families can call the front door team on 01632 960 123 at any time.", True),
        ("Referrals can be emailed to mash@barset.gov.uk.", True),
        ("Information is on www.barset.gov.uk for families.", True),
        ("The front door team answers calls promptly.", False),  # about calls, giving no number
        ("In 2023, 450 families contacted the team.", False),  # a count and a year are no telephone number
    ],
)
def test_contact_details_are_a_number_to_ring_an_address_or_a_website(text, gives):
    assert answer_kinds.gives(text, "contact", "who do I ring about a child at risk in barset") is gives


HOMES = "how many homes does the council run"
ABROAD = (
    "how many did they recruit abroad to fill social worker posts"  # the noun after "how many" is no noun
)


@pytest.mark.parametrize(
    ("question", "text", "gives"),
    [
        (HOMES, "The council runs one residential home for disabled children.", True),
        (HOMES, "A single home is run by the council.", True),
        (HOMES, "Its model of one continuous assessment helps families.", False),  # counting nothing asked
        (HOMES, "One of the homes was judged good.", False),
        (ABROAD, "Leaders recruited one social worker from abroad last year.", True),
        (ABROAD, "Senior leaders have developed one team to oversee children missing education.", False),
    ],
)
def test_one_is_a_count_only_of_something_the_question_names(question, text, gives):
    assert answer_kinds.gives(text, "count", question) is gives


@pytest.mark.parametrize(
    ("text", "gives"),
    [
        ("I am very pleased with the overall performance of West Midlands Police.", False),
        ("Leaders at Barset Borough Council and the Local Safeguarding Children Board agree.", False),
        ("The chief constable, Dave Thompson, leads a stable team.", True),
        ("Sarah Canto, His Majesty's Inspector, led the inspection.", True),
    ],
)
def test_an_organisation_s_name_is_no_person_s_name(text, gives):
    assert answer_kinds.gives(text, "person", "What is the chief constable's name?") is gives


@pytest.mark.parametrize(
    ("text", "kind", "gives"),
    [
        ("Positive support continues beyond the age of 25 for care leavers.", "count", False),
        ("Most care leavers over 18 open to the service live in suitable homes.", "count", False),
        ("Homeless 17-year-olds are assessed promptly.", "count", False),
        ("Young people aged between 16 and 25 are on the register.", "count", False),
        ("The 0-25 service delivers additional developmental checks.", "count", False),
        ("As care leavers approach 21, PAs consider whether they are ready.", "count", False),
        ("The response to 16- and 17-year-old homeless young people has been strengthened.", "count", False),
        ("Most 16 to 17 year olds who present as homeless are seen quickly.", "count", False),
        ("Some 43 care leavers aged 18 to 21 live in supported lodgings.", "count", True),
        ("Over 18 months, caseloads fell.", "duration", True),
        ("Positive support continues beyond the age of 25 for care leavers.", "age", True),
    ],
)
def test_an_age_answers_a_question_about_an_age_only(text, kind, gives):
    assert answer_kinds.gives(text, kind, "How many care leavers are there?") is gives


def test_overlapping_quotes_of_one_document_are_merged_at_the_better_score():
    # a quote started a sentence earlier (with_context) now holds another chosen sentence: quoted once
    a, b = Evidence("r.pdf", 0, 50, 0.4, 0.4, 1.0), Evidence("r.pdf", 30, 80, 0.6, 0.5, 2.0)
    other = Evidence("s.pdf", 10, 40, 0.5, 0.5, 1.0)
    assert merged([b, other, a]) == [Evidence("r.pdf", 0, 80, 0.6, 0.5, 2.0), other]
    apart = Evidence("r.pdf", 50, 90, 0.3, 0.3, 1.0)
    assert merged([a, apart]) == [a, apart]  # touching is not overlapping


def test_a_service_named_after_the_place_asked_about_is_no_person():
    question = "isles of scilly - which social worker was it? name?"
    assert not answer_kinds.gives("This is known as ‘Family Scilly’.", "person", question)
    assert answer_kinds.gives("The lead is Jane Smith.", "person", question)


def test_a_sentence_is_lifted_by_the_nearer_in_meaning_of_its_neighbours():
    sims = np.array([0.1, 0.6, 0.2, 0.4])
    assert answering.neighbours_meaning(sims).tolist() == pytest.approx([0.6, 0.2, 0.6, 0.2])
    assert answering.neighbours_meaning(np.array([0.5])).tolist() == [0.0]  # alone in its passage


def test_sentences_are_related_to_a_question_by_a_shared_word_or_by_meaning():
    unrelated = [answering.Evidence("r", i * 10, i * 10 + 9, 0.25, 0.3, 0.0) for i in range(3)]
    assert not answering.related(unrelated)
    assert answering.related([*unrelated, answering.Evidence("r", 40, 49, 0.22, 0.2, 0.3)])  # a word
    assert answering.related([*unrelated, answering.Evidence("r", 40, 49, 0.22, 0.5, 0.0)])  # meaning


def test_a_sentence_read_with_its_neighbours_is_as_near_as_the_three_together():
    query = np.array([1.0, 0.0, 0.0], dtype=np.float32)
    # the middle sentence says nothing of the question alone; both neighbours are about it
    vectors = np.array([[1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 0, 1]], dtype=np.float32)
    windows = answering.window_meaning(vectors, query)
    assert windows[1] == pytest.approx(2 / np.sqrt(5))  # (1, 0, 0) + (0, 1, 0) + (1, 0, 0) read as one
    assert windows[1] > vectors[1] @ query
    assert windows[3] == pytest.approx(1 / np.sqrt(2))  # the last has one neighbour only
    assert answering.window_meaning(vectors[:1], query).tolist() == pytest.approx([1.0])  # alone


@pytest.mark.parametrize(
    ("text", "question", "names"),
    [
        # a report's closing block of leaders and web addresses names no fostering recruitment
        (
            "Jo Bloggs, Chief Executive Officer, Barset Council. www.barset.gov.uk",
            "fostering recruitment - named officer + tel/email for prospective carers?",
            False,
        ),
        ("Jo Bloggs, Chief Executive. www.barset.gov.uk", "chief executive - web address?", True),
        ("Foster carer recruitment: call 01632 960 123.", "fostering recruitment - tel?", True),
        ("Anything at www.barset.gov.uk", "phone number and email?", True),  # nothing named but the details
    ],
)
def test_contact_details_must_name_what_they_are_asked_for(text, question, names):
    assert answer_kinds.names_subject(text, question) is names


@pytest.mark.parametrize(
    ("text", "question"),
    [
        # a subject word in another inflection than the span's, near the figure: "stayed" for "staying"
        (
            "An increasing number of care leavers, currently 21, remain in staying put placements.",
            "how many young people stayed with their foster carers after turning 18?",
        ),
        ("Last year, 14 turned eighteen while in care.", "how many were turning 18 in care"),
    ],
)
def test_a_subject_word_counts_in_any_inflection(text, question):
    assert answer_kinds.gives(text, "count", question)


@pytest.mark.parametrize(
    ("expects", "wants", "floor"),
    [
        ("description", "passages", 0.05),  # a description: the meant report's best sentences, each cited
        ("count", "passages", 0.2),  # a figure needs a sentence near the question
        ("person", "passages", 0.2),
        ("description", "grade", 0.2),  # a grade no sentence near it states is the record's
    ],
)
def test_a_description_takes_a_meant_report_s_best_sentences_further_below_the_bar(expects, wants, floor):
    assert answering.report_floor(0.2, expects, wants) == pytest.approx(floor)


@pytest.mark.parametrize(
    ("question", "text", "gives"),
    [
        # the way of reaching someone asked for by name: a web address gives no email
        (
            "christine kennet enfield ofsted - email?",
            "This report is available at https://reports.ofsted.gov.uk/.",
            False,
        ),
        ("what is the lead inspector's email address", "Contact us at www.gov.uk/ofsted.", False),
        ("lead inspector's email?", "E: enquiries@ofsted.gov.uk", True),
        ("phone number for the fostering team?", "Email fostering@barset.gov.uk for details.", False),
        ("phone number for the fostering team?", "Call the fostering team on 01234 567890.", True),
        (
            "barset ofsted report - website?",
            "This report is available at https://reports.ofsted.gov.uk/.",
            True,
        ),
        # none named: any way will do
        ("how do I contact the fostering team?", "Email fostering@barset.gov.uk for details.", True),
        (
            "how do I contact the fostering team?",
            "This report is available at https://reports.ofsted.gov.uk/.",
            True,
        ),
    ],
)
def test_contact_details_are_the_ones_asked_for(question, text, gives):
    assert answer_kinds.gives(text, "contact", question) is gives
