"""Quantities a sentence states against those of a span: all or none where it says some, few where it
says most (pure functions over text, part of the fact checks)."""

from __future__ import annotations

import re

from bot import negation, wording
from bot.figures import same_quantity
from bot.negation import LINKING, WORDS

ALL = frozenset(wording.QUANTIFIERS_ALL.split())
SOME = frozenset(wording.QUANTIFIERS_SOME.split())
_FEW = frozenset(wording.QUANTIFIERS_FEW.split())
_MOST = frozenset(wording.QUANTIFIERS_MOST.split())


# Short of an amount, said either way: "less than a full 25-hour week", "fewer than 25 hours" against "do not
# attend for at least 25 hours", "not in full-time education". Both say the amount is not reached.
_SHORT_OF = re.compile(r"\b(?:less|fewer) than\b|\bshort of\b|\bpart[- ]time\b", re.I)
_NOT_REACHING = re.compile(
    r"\b(?:not|n['’]t|never)\b(?:\s+\w+){0,4}?\s+(?:at least|a full|full[- ]time)\b", re.I
)


def both_short_of(sentence: str, evidence: str) -> bool:
    """Whether the sentence says an amount falls short and the evidence's negation says it is not reached:
    the same shortfall, not a denial."""
    return bool(_SHORT_OF.search(sentence) and _NOT_REACHING.search(evidence))


def overstates(sentence: str, evidence: str) -> bool:
    """Whether the sentence says all or none of what the evidence says only some of."""
    return bool(all_for_some(sentence, evidence, ""))


def all_for_some(sentence: str, evidence: str, context: str) -> str:
    """A sentence saying all or none of something where the clause of the span about it says some."""
    said = set(WORDS.findall(same_quantity(sentence.lower())))  # "nearly all" says most
    near = set(WORDS.findall(quantities(negation.closest_clause(said, evidence))))
    if said & ALL and not said & SOME and near & SOME and not near & ALL and _counts_in(sentence, near):
        return f"the passage says '{sorted(near & SOME)[0]}', not '{sorted(said & ALL)[0]}'"
    return _quantified(sentence, evidence)


def _counts_in(sentence: str, near: set[str]) -> bool:
    """Whether a clause of the sentence saying all or none shares a word with the span's clause: the count is
    of the same thing ("..., and none permanent" is no count of "few are placed outside")."""
    for clause in negation.clauses(sentence):
        words = set(WORDS.findall(same_quantity(clause.lower())))
        if words & ALL and (words - LINKING - ALL - SOME) & near:
            return True
    return False


def few_against_most(sentence: str, evidence: str) -> str:
    """A sentence saying few do something where the span's clause about it says most do, or the reverse
    ("so few take up interviews" against "most children take up the offer of an interview")."""
    said = set(WORDS.findall(same_quantity(sentence.lower())))
    near = set(WORDS.findall(quantities(negation.closest_clause(said, evidence))))
    if not wording.stems({w for w in said - _FEW - _MOST if len(w) > 3}) & wording.stems(near):
        return ""  # a count of something else
    for one, other in ((_FEW, _MOST), (_MOST, _FEW)):
        if said & one and not said & other and near & other and not near & one:
            return f"the passage says '{sorted(near & other)[0]}', not '{sorted(said & one)[0]}'"
    return ""


def quantities(evidence: str) -> str:
    """Evidence in lower case with its quantities as one word each: "the majority" as "most", "not all" as
    "some", a whole written as a percentage ("100% of reviews") as "all"."""
    return _WHOLE.sub("all", same_quantity(evidence.lower()))


_WHOLE = re.compile(r"\b100(?:\.0)? ?(?:%|per ?cent\b)")
QUANTIFIER_REACH = 3  # words between a quantifier and the noun it counts ("almost all of the children")


def _quantified(sentence: str, evidence: str) -> str:
    """A noun the sentence counts as all ("every child") that the span counts only as some wherever it
    counts it ("with most children, including ..."), in whichever clause the count is written."""
    said, have = (WORDS.findall(same_quantity(t.lower())) for t in (sentence, evidence))
    for noun, quantifier in _counted(said, ALL - SOME).items():
        before = [
            set(have[max(0, i - QUANTIFIER_REACH) : i]) for i, w in enumerate(have) if _same_noun(w, noun)
        ]
        some = set().union(*before) & SOME
        if some and not any(c & ALL for c in before):
            return f"the passage says '{sorted(some)[0]}', not '{quantifier}'"
    return ""


def _counted(words: list[str], quantifiers: frozenset[str]) -> dict[str, str]:
    """The nouns a text's subject counts with one of the quantifiers (the first word after it that is not
    linking), each with its quantifier."""
    out = {}
    for i, w in enumerate(words[:QUANTIFIER_REACH]):  # the count of its subject ("every child who ...")
        if w in quantifiers:
            after = [x for x in words[i + 1 : i + 1 + QUANTIFIER_REACH] if x not in LINKING and x not in ALL]
            out.update(dict.fromkeys(after[:1], w))
    return out


def _same_noun(a: str, b: str) -> bool:
    """The same noun, one form or another ("child", "children"; "referral", "referrals")."""
    return a == b or (len(a) >= 4 and len(b) >= 4 and a[:5] == b[:5])
