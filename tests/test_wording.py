"""Question wording: framing words and derived forms."""

from __future__ import annotations

from bot.wording import derived, kin, subject_terms


def test_derived_forms_differ_by_one_derivational_suffix():
    assert derived("partner", "partnership") and derived("partnership", "partner")
    assert not derived("car", "career"), "short stems make false kin"
    assert not derived("partner", "partnering")


def test_kin_goes_both_ways_and_keeps_stems_long_enough():
    assert "partnership" in kin("partner") and "partner" in kin("partnership")
    assert all(len(k) >= 5 for k in kin("leadership"))
    assert kin("care") == []


def test_subject_terms_drop_framing_add_known_kin_and_fall_back_to_everything():
    known = {"partner", "partnership", "technolog"}.__contains__
    framing = {"what", "inspector", "say"}
    assert subject_terms(["what", "inspector", "say", "partnership"], framing, known) == [
        "partnership",
        "partner",
    ]
    assert subject_terms(["what", "inspector"], framing, known) == ["what", "inspector"]
    assert subject_terms(["technolog", "technolog"], framing, known) == ["technolog"]
