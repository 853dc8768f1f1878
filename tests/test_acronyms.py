"""Acronyms against the words they stand for, either way round (pure functions, the index's tokenizer)."""

from __future__ import annotations

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
