"""Acronyms against the words they stand for, either way round (pure functions, the index's tokenizer)."""

from __future__ import annotations

from bot import acronyms, store

TOKENS = store.Tokenizer()


def _sides(text: str) -> tuple[dict[str, set[str]], set[str]]:
    return acronyms.spelt(text, TOKENS), acronyms.written(text)


def test_written_acronyms_are_three_letters_or_more_without_a_plural_s():
    assert acronyms.written("EHCPs, the ICB and CAMHS; not CP or Ofsted") == {"ehcp", "icb", "camhs"}


def test_a_span_abbreviating_the_sentence_s_words_says_them():
    said = _sides("The integrated care board had not overseen health services.")
    assert acronyms.shared(said, _sides("Oversight by the NHS ST&W ICB was weak."), TOKENS) == {
        "integr", "care", "board",
    }  # fmt: skip


def test_a_span_spelling_out_the_sentence_s_acronym_says_it():
    said = _sides("EHCPs are late.")
    span = _sides("Education, health and care plans are often late.")
    assert acronyms.shared(said, span, TOKENS) == {"ehcp"}


def test_linking_words_are_left_out_of_an_acronym_and_not_is_kept():
    said = _sides("The share not in education, employment or training is above average.")
    assert acronyms.shared(said, _sides("The share who are NEET is below average."), TOKENS) == {
        "educ", "employ", "train",
    }  # fmt: skip


def test_no_acronym_no_words_and_lower_case_words_are_not_acronyms():
    said = _sides("Children in care see their social workers.")
    assert acronyms.shared(said, _sides("The ICB commissions services."), TOKENS) == set()
    assert acronyms.shared(_sides("cat sat here"), _sides("Children are taught."), TOKENS) == set()
