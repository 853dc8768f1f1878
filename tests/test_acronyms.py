"""Acronyms against the words they stand for, either way round (pure functions, the index's tokenizer)."""

from __future__ import annotations

import pytest

from bot import acronyms, store

TOKENS = store.Tokenizer()


def _through(sentence: str, span: str) -> set[str]:
    return acronyms.said_through(sentence, [span], TOKENS)[0]


def test_written_acronyms_are_three_letters_or_more_without_a_plural_s():
    assert acronyms.written("EHCPs, the ICB and CAMHS; not CP or Ofsted") == {"ehcp", "icb", "camhs"}


def test_a_span_abbreviating_the_sentence_s_words_says_them():
    said = _through(
        "The integrated care board had not overseen health services.", "Oversight by NHS ST&W ICB."
    )
    assert said == {"integr", "care", "board"}


def test_a_span_spelling_out_the_sentence_s_acronym_says_it():
    assert _through("EHCPs are late.", "Education, health and care plans are often late.") == {"ehcp"}


def test_linking_words_are_left_out_of_an_acronym_and_not_is_kept():
    said = _through("The share not in education, employment or training is above average.", "Few are NEET.")
    assert said == {"educ", "employ", "train"}


def test_no_acronym_no_words_and_lower_case_words_are_not_acronyms():
    assert _through("Children in care see their social workers.", "The ICB commissions services.") == set()
    assert _through("cat sat here", "Children are taught.") == set()
    assert acronyms.said_through("ICB", [], TOKENS) == []


def _initials(*texts: str) -> acronyms.Initials:
    return acronyms.Initials(texts, TOKENS.stop)


SPELT = (
    "Speech and language therapy is stretched. Waits for speech and language therapy are long.\n\n"
    "Families value speech and language therapy. Two care leavers live in bed and breakfast. Bed and "
    "breakfast is a last resort; no child lives in bed and breakfast. Each education, health and care plan "
    "is reviewed; education, health and care plans are late; an education, health and care plan is due."
)


@pytest.mark.parametrize(
    ("acronym", "words"),
    [
        ("SALT", "speech and language therapy"),  # its "A" stands for "and"
        ("EHCP", "education health and care plan"),  # linking words left out, plural counted with it
        ("B&B", "bed and breakfast"),  # "&" stands for "and"
    ],
)
def test_an_acronym_is_spelt_out_as_the_reports_spell_it(acronym, words):
    assert _initials(SPELT).expansion(acronym) == words


def test_an_acronym_in_brackets_after_its_words_spells_it_out_at_once():
    text = "The designated social care officer (DSCO) is new. A designated social care officer helps."
    assert _initials(text).expansion("DSCO") == "designated social care officer"
    assert _initials("The designated social care officer is new. " * 2).expansion("DSCO") is None


def test_a_term_may_open_with_a_denial():
    text = "Families with no recourse to public funds are helped. " * 3
    assert _initials(text).expansion("NRPF") == "no recourse to public funds"


def test_singular_and_plural_are_one_spelling_and_the_commoner_is_given():
    text = "A child in need plan. Children in need plans. Children in need meetings. Other needs."
    assert _initials(text).expansion("CIN") == "children in need"


@pytest.mark.parametrize(
    ("text", "why"),
    [
        ("Speech and language therapy. Speech and language therapy.", "used fewer than three times"),
        ("Senior leadership team; " * 3 + "speech and language therapy; " * 3, "two spellings, as common"),
        ("They do not have sufficient staff. " * 5, "holds a verb ('have'), which no acronym stands for"),
        ("The needs of staff. " * 5, "opens with a stop word"),
        ("Short. And long term. " * 4, "runs across a sentence's end"),
        ("Social care inspector from Ofsted. " * 4, "closes with a function word"),
    ],
)
def test_no_spelling_when_the_reports_do_not_clearly_spell_it_out(text, why):
    acronym = {"holds": "NHS", "opens": "TNS", "runs": "SALT", "closes": "CIF"}.get(why.split()[0], "SLT")
    assert _initials(text).expansion(acronym) is None, why


SALT = {"SALT": "speech and language therapy"}


@pytest.mark.parametrize(
    ("question", "meant"),
    [
        ("Is there enough SALT for kids?", SALT),
        ("were teens put in B&Bs", {"B&Bs": "bed and breakfast"}),
        ("EHCPs late again?? and SALT", {"EHCPs": "education health and care plan", **SALT}),
        ("is there enough salt support", {"salt": "speech and language therapy"}),  # typed in lower case
        ("did the OT see them", {}),  # two capitals are too few to tell from chance
        ("and the ABC?", {}),  # written as an acronym, but the reports never spell it out
        ("is the speech therapy any good", {}),  # words the reports write in lower case are words
        ("teens put in b&bs?", {"b&bs": "bed and breakfast"}),
    ],
)
def test_the_acronyms_a_question_writes_and_what_they_stand_for(question, meant):
    assert acronyms.meanings(question, _initials(SPELT)) == meant


def test_an_ordinary_word_in_lower_case_is_no_acronym_though_the_reports_never_use_it():
    text = "Learning and education and training. " * 3
    assert acronyms.meanings("do they let them off", _initials(text)) == {
        "let": "learning and education and training"
    }
    ordinary = acronyms.Initials([text], TOKENS.stop, frozenset({"let"}))
    assert acronyms.meanings("do they let them off", ordinary) == {}


def test_a_lower_case_acronym_made_plural_is_its_acronym():
    text = "Newly qualified social workers are supported. " * 3
    assert acronyms.meanings("are nqsws supported", _initials(text)) == {
        "nqsws": "newly qualified social workers"
    }


@pytest.mark.parametrize(
    ("text", "wanted", "written"),
    [
        ("Who are not in education, employment or training.", {"neet"}, "Who are NEET."),
        ("Education, health and care plans are late.", {"ehcp"}, "EHCP are late."),
        ("Not in education. Employment or training.", {"neet"}, "Not in education. Employment or training."),
        ("Children are seen.", {"neet"}, "Children are seen."),
    ],
)
def test_words_spelling_out_a_wanted_acronym_are_written_as_it(text, wanted, written):
    assert acronyms.abbreviated(text, wanted) == written


def test_chat_in_lower_case_is_no_acronym():
    text = "Children live outside the local area. The phase of the public law outline is followed. " * 3
    initials = _initials(text)
    assert acronyms.meanings("she wants to vote lol", initials) == {}
    assert acronyms.meanings("young ppl in care", initials) == {}
    text_speak = "Schools have useful data. " * 3
    assert acronyms.meanings("shud i foster", _initials(text_speak)) == {}, "text-speak, not initials"
    assert acronyms.meanings("children in the PPL phase", initials) == {"PPL": "phase of the public law"}
