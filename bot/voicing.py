"""Whether a span voices the praise, concern, criticism or fault a sentence voices, or the other one
(pure functions over text, part of the fact checks)."""

from __future__ import annotations

import re

from bot import negation, wording
from bot.negation import WORDS

PRAISING = frozenset(wording.PRAISE.split())
_PAIRS = [pair.split("/") for pair in wording.OPPOSITES.split()]
_CONCERN = frozenset(wording.CONCERN.split())
_CRITICISM = frozenset(wording.CRITICISM.split())
_FAULTS = frozenset(wording.FAULTS.split())
_CRITICISM_SAID = re.compile(wording.CRITICISM_SAID, re.I)
_RESTRICTING = frozenset(wording.RESTRICTING.split())
# What a sentence voices (praise, a concern, a restriction), and what a span may say it with.
# A concern, said as one or as the opposite of a praise word ("inconsistent").
_CONCERN_SAYING = _CONCERN | {b for a, b in _PAIRS if a in PRAISING} | {a for a, b in _PAIRS if b in PRAISING}
_JUDGEMENTS = (
    (frozenset(wording.PRAISE_VOICED.split()), PRAISING),
    (_CONCERN, _CONCERN_SAYING),
    (_RESTRICTING, _RESTRICTING),
)
_AS_WELL = re.compile(r"\bas well\b")
# What says a fault was found: a fault word or a concern.
_FAULT_SAYING = _FAULTS | _CONCERN_SAYING


def judged(sentence: str, evidence: str, context: str) -> str:
    """A praise, a concern or a restriction the sentence voices, the evidence voices too, in any of its
    words: "the inspector was impressed by ..." is not said by a passage that only names the subject,
    "rarely act on" not by "robustly oversees"."""
    said, have = voiced(sentence), voiced(evidence)
    for voicing, saying in _JUDGEMENTS:
        if said & voicing and not have & saying:
            return f"the passage does not say '{sorted(said & voicing)[0]}'"
    return ""


def criticised_praised(sentence: str, evidence: str, context: str = "") -> str:
    """A criticism the sentence says was made ("Ofsted criticised its private fostering work", "inspectors
    weren't happy with ...") of what the evidence praises and voices no concern about ("privately fostered
    children are well supported")."""
    said, have = voiced(sentence), WORDS.findall(evidence.lower())
    criticises = bool(said & _CRITICISM) or bool(_CRITICISM_SAID.search(sentence))
    if not criticises or set(have) & (_CONCERN | _CRITICISM) or negation.negates(have):
        return ""
    praised = sorted(set(have) & PRAISING)
    return f"the passage says '{praised[0]}'" if praised else ""


def praised_faulted(sentence: str, evidence: str, context: str = "") -> str:
    """Praise the sentence gives ("the team's work was strong and effective") of what the evidence finds
    faults in and praises nowhere ("weaknesses in practice in the team")."""
    said, have = WORDS.findall(sentence.lower()), WORDS.findall(evidence.lower())
    praises = set(said) & PRAISING - {"well"}
    if not praises or negation.negates(said) or set(have) & PRAISING:
        return ""
    faults = sorted(set(have) & _FAULTS - negation.negated_in_clauses(evidence))
    return f"the passage says '{faults[0]}', not '{sorted(praises)[0]}'" if faults else ""


def faulted_praised(sentence: str, evidence: str, context: str = "") -> str:
    """A fault the sentence finds ("its services for asylum-seeking children were poor") in what the evidence
    praises and finds no fault in ("are of the highest calibre")."""
    have = WORDS.findall(evidence.lower())
    faults = _faults_unfound(sentence, have)
    if not faults or negation.negates(WORDS.findall(sentence.lower())):
        return ""
    praised = sorted(set(have) & PRAISING - {"well"})
    return f"the passage says '{praised[0]}', not '{faults[0]}'" if praised else ""


def faulted(sentence: str, evidence: str, context: str) -> str:
    """A fault the sentence finds needs a span that finds one: a fault or concern word, a praise word's
    opposite ("inconsistent") or a denial; a span only naming the subject does not say it is poor."""
    have = WORDS.findall(evidence.lower())
    faults = _faults_unfound(sentence, have)
    return f"the passage does not say '{faults[0]}'" if faults and not negation.negates(have) else ""


def _faults_unfound(sentence: str, have: list[str]) -> list[str]:
    """The fault words the sentence finds, when the span's words find no fault."""
    return [] if set(have) & _FAULT_SAYING else sorted(voiced(sentence) & _FAULTS)


def voiced(text: str) -> set[str]:
    """A text's words, without the "well" of "as well (as)", which praises nothing."""
    return set(WORDS.findall(_AS_WELL.sub(" ", text.lower())))
