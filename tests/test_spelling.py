"""Slips of the keyboard put right from the corpus's words (pure functions over word lists)."""

from __future__ import annotations

import pytest

from bot.conversation import Interpretation
from bot.embedding.weights import model_words
from bot.spelling import Spelling, respell

CORPUS = [
    "inspection", "violence", "paediatrician", "assessment", "assessments", "skilled", "lancashire",
    "inspector", "inspected", "placement", "placements",
]  # fmt: skip
COUNTS = {"assessment": 9, "assessments": 4, "inspected": 20, "inspector": 5}


def _spelling(known: frozenset[str] = frozenset({"killed", "kicked"})) -> Spelling:
    return Spelling(CORPUS, known, lambda w: COUNTS.get(w, 1))


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("inspecton", "inspection"),  # a letter left out
        ("paediatrican", "paediatrician"),
        ("voilence", "violence"),  # two letters swapped
        ("assessmment", "assessment"),  # one letter too many
        ("inspectiion", "inspection"),
        ("assesment", "assessment"),  # of two corpus words one slip away, the commoner
        ("Lancshire", "Lancashire"),  # a capital kept
        ("violance", "violence"),  # one letter wrong, in a word of seven letters or more
        # of words one wrong letter away, one with a vowel for a vowel, however much rarer
        ("inspecter", "inspector"),
        ("Inspectir", "Inspector"),
        ("inspectad", "inspected"),  # a vowel for a consonant's place: the one letter wrong either way
    ],
)
def test_a_slip_is_put_right_to_the_corpus_word(written, meant):
    assert _spelling().intended(written) == meant


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("killed", "a word the model knows, though 'skilled' is one letter away"),
        ("inspection", "a corpus word"),
        ("grde", "too short: one slip from too many words"),
        ("nspection", "the first letter is never the slip"),
        ("voilnece", "two slips away"),
        ("skilkd", "one letter wrong in a word of six letters"),
        ("stopgap", "no corpus word one slip away"),
    ],
)
def test_a_word_is_left_alone_unless_it_is_one_slip_from_a_corpus_word(written, why):
    assert _spelling().intended(written) is None, why


@pytest.mark.parametrize(
    ("written", "meant"),
    [("assessmt", "assessment"), ("placemts", "placements"), ("inspectn", "inspection")],
)
def test_a_shorthand_is_spelt_out_to_the_corpus_word_it_cuts(written, meant):
    assert _spelling().intended(written) == meant


@pytest.mark.parametrize(
    ("written", "why"),
    [
        ("assessor", "its last letter is not the corpus word's"),
        ("inspirit", "its letters are not the corpus word's in order"),
        ("inspire", "shorter than a shorthand of a corpus word"),
    ],
)
def test_a_word_is_no_shorthand_unless_it_keeps_a_corpus_word_s_first_and_last_letters(written, why):
    assert _spelling().intended(written) is None, why


INFLECTING = ["working", "living", "caring", "testing", "relating", "checked", "leaders", "amusing"]


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("wording", None),  # "word" the model knows, "-ing" a word piece: a word, not "working"
        ("texting", None),
        ("Relaying", None),
        ("lenders", None),  # "-ers"
        ("abusing", None),  # a known word's "e" dropped before "-ing"
        ("liveing", "living"),  # an "e" kept before "-ing" is a slip
        ("carring", "caring"),  # a doubled letter before it is one too ("carr" is a name the model knows)
        ("chekked", "checked"),
        ("testinng", "testing"),
    ],
)
def test_a_known_word_with_an_ending_is_a_word_not_a_slip(written, meant):
    known = frozenset({"word", "text", "relay", "lend", "abuse", "live", "carr", "car", "check", "test"})
    spelling = Spelling(INFLECTING, known, lambda w: 1)
    assert spelling.intended(written) == (meant.capitalize() if meant and written[0].isupper() else meant)


def test_a_question_is_read_with_its_slips_put_right_and_says_so():
    reading = respell(Interpretation("how are domestic voilence cases handled in Lancshire?"), _spelling())
    assert reading.query == "how are domestic violence cases handled in Lancashire?"
    assert reading.note == "Read “voilence” as “violence”, “Lancshire” as “Lancashire”."


def test_a_question_without_slips_is_read_as_asked():
    asked = Interpretation("who killed the inspection?", "Read as a follow-up.")
    assert respell(asked, _spelling()) is asked


def test_the_model_s_words_are_whole_lower_case_words():
    words = model_words()
    assert {"killed", "inspection", "violence"} <= words
    assert not {"##ed", "[CLS]", "inspecton"} & words


@pytest.mark.parametrize(
    ("typed", "read"),
    [
        ("the council dont check on them", "the council don't check on them"),
        ("Doesnt the report say?", "Doesn't the report say?"),
        ("im worried, whats the answer", "I'm worried, what's the answer"),
        ("theyre not happy and hes stuck", "they're not happy and he's stuck"),
        ("DIDNT they inspect in 2016", "Didn't they inspect in 2016"),
        # question words as typed in chat
        ("wen did ofsted inspect derby", "when did ofsted inspect derby"),
        ("whos the lead inspector", "who's the lead inspector"),
        ("Wot did they say about ur area", "What did they say about your area"),
        # lengths of time and averages typed short, without a figure
        ("care proceedings avg wks vs the region?", "care proceedings average weeks vs the region?"),
        ("how many yrs or mths in care", "how many years or months in care"),
        ("Avg hrs on site", "Average hours on site"),
    ],
)
def test_a_contraction_typed_without_its_apostrophe_is_read_written_out(typed, read):
    assert respell(Interpretation(typed), _spelling()).query == read


@pytest.mark.parametrize("typed", ["its services were good", "we cant say", "they wont go", "well led"])
def test_a_word_that_is_also_a_contraction_without_its_apostrophe_is_left_alone(typed):
    assert respell(Interpretation(typed), _spelling()).query == typed


def test_a_dropped_apostrophe_is_put_back_without_a_note():
    assert respell(Interpretation("dont they check?"), _spelling()).note is None
