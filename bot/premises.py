"""Grades taken for granted: which of a report's judgements a text is about, whether a grade it names is the
report's, and a question whose premise the record contradicts ("why was Barset rated inadequate?" of a
report that judged it good)."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from bot import asking, fact_checks, negation, quantities, report_order, subjects, voicing, wording
from bot import terms as domain_terms
from bot.findings import Judgement, outcome_in
from bot.negation import WORDS
from bot.plan import Plan
from bot.records import Record
from bot.store import Index

_REASON_ASKED = re.compile(wording.REASON_ASKED, re.I)
_GRADING = re.compile(wording.GRADING_VERB, re.I)
_PERSON = re.compile(wording.PERSON_RUN)
_AREA_NOISE = frozenset(wording.AREA_NOISE.split())
# Words that say a grade was given rather than name a judgement area; in a question, its framing too.
CLAIM_NOISE = frozenset(f"{wording.GRADE_CLAIM_WORDS} {wording.MONTHS} {wording.NOT_NAMES}".split())
_FRAMING = wording.FRAMING_WORDS | wording.NOT_NAME_WORDS
_QUESTION_NOISE = CLAIM_NOISE | _FRAMING


@dataclass(frozen=True)
class FalseGrade:
    """A grade a question takes for granted and the judgement the report gives instead."""

    source: str
    judgement: Judgement
    assumed: str


def judgement_meant(
    text: str, record: Record, noise: frozenset[str] = CLAIM_NOISE, graded: bool = False
) -> Judgement | None:
    """The judgement whose area words the text shares most; the overall one when it names no area and
    nothing else (or, graded, says a grade was given): "outstanding services for disabled children" praises,
    it does not grade the report."""
    judgements = record.judgements
    if not judgements:
        return None
    words = area_words(text)
    # most shared words, then the larger share of the area's own words: "work with children in care" is
    # "children in care" (two of its four words), not "social work practice with children and families"
    best, _, judgement = max(
        (
            (len(shared := words & (area := area_words(j.area))), len(shared) / max(len(area), 1), j)
            for j in judgements
        ),
        key=lambda x: x[:2],
    )
    if best:
        return judgement
    organisation = area_words(str(record.organisation.value)) if record.organisation else set()
    people = area_words(" ".join(m.group() for m in _PERSON.finditer(text)))
    if not graded and {w for w in words - organisation - people - noise if len(w) > 3}:
        return None
    return next((j for j in judgements if "overall" in j.area.lower()), judgements[0])


def area_words(text: str) -> set[str]:
    """A text's words for matching judgement areas: no possessives, no grade or linking words."""
    words = re.findall(r"[a-z]+", re.sub(r"['’]s\b|['’]", "", text.lower()))
    return set(words) - _AREA_NOISE


def same_grade(grade: str, named: list[str] | set[str]) -> bool:
    """Whether the report's grade is one named ('requires improvement' stands for its full name)."""
    full = grade.lower().replace("requires improvement to be good", "requires improvement")
    return any(full == c.replace("requires improvement to be good", "requires improvement") for c in named)


def false_grade(question: str, plan: Plan, index: Index) -> FalseGrade | None:
    """The grade a question asking why takes for granted ("why did they rate X's care leavers good?"), when
    the one graded report it is about (the newest in scope) gives that judgement another grade."""
    told = _told(question)
    if plan.wants not in ("grade", "passages") or not (_REASON_ASKED.search(question) or told):
        return None
    # asked why, a grade written bare is taken for granted ("care leavers outstanding - why?"); "good" only
    # with a verb of grading, too common a word otherwise
    graded = bool(_GRADING.search(question))
    assumed = (
        subjects.grades_asked(plan.topic) or asking.bare_grades(question, good=graded)
        if not told
        else asking.bare_grades(told, good=True)
    )
    meant = report_order.newest_graded(index.documents, index.records, plan.sources) or set()
    record = index.records.get(next(iter(meant))) if len(meant) == 1 else None
    outcome = record.outcome() if record is not None else None
    if outcome is not None:  # an area SEND report states an outcome ("widespread and systemic failings")
        claimed = outcome_in(told or question)
        return FalseGrade(record.source, outcome, claimed) if claimed and claimed != outcome.grade else None
    if not assumed or record is None:
        return None
    area = _area_asked(told or plan.topic, record)
    judgement = judgement_meant(area, record, _QUESTION_NOISE, graded=bool(told))
    if judgement is None or same_grade(judgement.grade, assumed):
        return None
    return FalseGrade(record.source, judgement, sorted(assumed)[0])


def _told(question: str) -> str:
    """A grade told before the question asks ("I read that Ofsted gave Barset an outstanding. What impressed
    them?"): the sentences before the asking one, when they say a grade was given; else ''."""
    told, asked = _told_and_asked(question)
    if _CONFIRMS.issuperset(WORDS.findall(asked.lower())):
        return ""  # "... got a 'requires improvement' grade. Is she right?": put to be checked, not assumed
    return told if _GRADING.search(told) and asking.bare_grades(told, good=True) else ""


# the words of an ask that only puts what was told to be checked ("Is she right?", "Have I got that right?")
_CONFIRMS = frozenset(
    f"{wording.CONFIRMING} {wording.PRONOUNS} {wording.AUXILIARIES} got it that this".split()
)


def _told_and_asked(question: str) -> tuple[str, str]:
    """The sentences told before the one that asks ('' when there are none), and the one that asks."""
    asking_sentence = asking.last_ask(question)
    told = question[: question.rfind(asking_sentence)] if asking_sentence != question else ""
    return told, asking_sentence


def _area_asked(topic: str, record: Record) -> str:
    """The words of a question that may name a judgement area, with its domain terms also as the areas write
    them ("looked after children": "children in care"); not how it asks why, nor words that only frame."""
    asked = _GRADING.sub(" ", _REASON_ASKED.sub(" ", topic))
    kept = " ".join(w for w in re.findall(r"[\w'’-]+", asked) if w.lower() not in _FRAMING)
    areas = " ".join(j.area for j in record.judgements)
    return f"{kept} {domain_terms.written_in(topic, areas)}".strip()


# "Why are so many children living in unregistered homes?": what a why-question takes for granted.
_WHY_PREMISE = tuple(re.compile(form, re.I) for form in wording.WHY_PREMISE)
_WRONG_WITH = re.compile(wording.WRONG_WITH, re.I)


_REASON_OF_TOLD = re.compile(wording.REASON_OF_TOLD, re.I)
_TOLD_VERB = re.compile(wording.TOLD_VERB, re.I)
_WHEN_SAID = re.compile(wording.CLAIM_TAIL_IN, re.I)


def taken_for_granted(question: str) -> str | None:
    """What a question asking why takes for granted, as a statement; None for other questions. A reason asked
    of what was told before ("I read that X. How did they manage that?") takes that for granted."""
    told = told_premise(question)
    if told:
        return told
    match = next((m for form in _WHY_PREMISE if (m := form.search(question))), None)
    if match is None and (wrong := _WRONG_WITH.search(question)):
        return f"{wrong.group('said')} {wording.FOUND_WANTING}"
    if match is None or _ASKED_FIRST.search(match.group("said")):
        return None  # "were children held in cells, and why?" asks whether first: nothing is taken as so
    return match.group("said")


# A why tacked onto a question that asks whether, or how many, first: "were children kept in police cells,
# and why?", "Lambeth 2018: is the unit open - why?", "CLA on part-time timetables, how many and why?"
_ASKED_FIRST = re.compile(
    r"^(?:[^:?–-]{0,40}[:–-]\s+)?(?:is|are|was|were|do|does|did|has|have|had|can|could|will|would"
    r"|how (?:many|much|often|long))\s"
    r"|\b(?:how (?:many|much|often|long)|what|which|when|where|who)\W+(?:and|or)\W*$",
    re.I,
)


def told_premise(question: str) -> str | None:
    """What was told before a reason asked of it: what follows the last reporting verb ("the inspectors
    weren't happy with ..." of "I've been told the inspectors weren't happy with ... What went wrong?")."""
    told, asking_sentence = _told_and_asked(question)
    verbs = list(_TOLD_VERB.finditer(told)) if _REASON_OF_TOLD.search(asking_sentence) else []
    said = told[verbs[-1].end() :].strip(" .!?") if verbs else ""
    return _WHEN_SAID.sub("", said) or None  # what was said, not when: "... when Ofsted visited in 2024"


_PRAISE = frozenset(wording.PRAISE.split())
_LINKING = wording.stems(f"{wording.PREPOSITIONS} {wording.MORE} {wording.LESS}".split())
_JUDGING = wording.stems(wording.JUDGING_WORDS.split())
_SUBJECT_NOISE = (
    _FRAMING | _PRAISE | frozenset(wording.AUXILIARIES.split()) | frozenset(wording.FIGURE_FRAMING.split())
)


def praises(said: str) -> bool:
    """Whether what a question takes for granted praises its subject ("return home interviews are rigorous"),
    not denies or criticises it."""
    words = re.findall(r"[a-z]+", said.lower())
    return bool(_PRAISE & set(words)) and not negation.negates(words)


def shares_subject(said: str, text: str) -> bool:
    """Whether a text names what a premise is about: two of its subject words (one, if it has one), in any
    form ("interviews": "interview")."""
    if _terms_named(domain_terms.named_in(said), text):
        return True
    subject, held = _subject(said), _subject(text, noise=frozenset())
    return bool(subject) and len(subject & held) >= min(2, len(subject))


def _subject(text: str, noise: frozenset[str] = _SUBJECT_NOISE) -> set[str]:
    """The stems of a text's words of four letters or more, less the noise."""
    return wording.stems(w for w in re.findall(r"[a-z]{4,}", text.lower()) if w not in noise)


def _bears_out(said: str, sentence: str) -> bool:
    """Whether a sentence says what a premise says: all its subject words but one, and no fact check fails."""
    subject = _subject(said)
    shared = len(subject & _subject(sentence, noise=frozenset()))
    return shared >= max(2, len(subject) - 1) and not fact_checks.failed_check(said, sentence)[0]


# A plain denial of what the question takes for granted, its clause negated in the quote ("has not been
# effective in driving improvements" for "why is the board a driving force behind improvements?"), or its
# opposite ("insufficient in-house provision" for "why does it have plenty of its own homes?").
_DENIALS = ("denial", fact_checks.DENIED_HERE, "opposite")


def denied_premise(question: str, quotes: list[str]) -> int | None:
    """The position of the first quote that denies what the question takes for granted ("no children in care
    live in unregistered homes" for "why are so many living in unregistered homes?"), or None."""
    said = taken_for_granted(question)
    if not said:
        return None
    # a quote about something else denies nothing of it ("a reduction in offending" for "more babies in care")
    return next((i for i, q in enumerate(quotes) if _names_any(said, q) and _denies(said, q)), None)


def _names_any(said: str, text: str) -> bool:
    """Whether a text names what a premise is about: all its domain terms, or one of its subject words."""
    named = domain_terms.named_in(said)
    # a word of a domain term is said by the term ("care" of "coming into care" is not "leave care")
    bare = functools.reduce(lambda kept, term: kept.replace(term[1], " "), domain_terms.used(said), said)
    subject = _subject(bare) - _JUDGING - _LINKING
    if not (subject or named):
        return True  # "why did Ofsted find it ineffective?": what it judges is named before the premise
    return _terms_named(named, text) or bool(subject & _subject(text, frozenset()))


def _terms_named(named: set[int], text: str) -> bool:
    """Whether a text names all of a premise's domain terms (some), in any writing ("children taken into
    care": "looked after children"): "babies coming into care" is not about every child in care."""
    return bool(named) and named <= domain_terms.named_in(text)


_ZERO = re.compile(r"\b(?:0|zero)\s+(?=[a-z])", re.I)  # "0 CiC in unregistered homes": no children


def _denies(said: str, sentence: str) -> bool:
    """Whether a sentence denies a premise: a fact check of the kinds that deny fails, or it praises what the
    premise says was criticised (checked on its own: the negation in "weren't happy" fails a check first)."""
    said = _ZERO.sub("no ", said)
    return (
        fact_checks.failed_check(said, sentence)[0] in _DENIALS
        or bool(voicing.criticised_praised(said, sentence))
        or bool(quantities.few_against_most(said, sentence))
    )


def denying_sentence(said: str, text: str, sentences: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The first sentence of a report naming what a premise is about that denies it ("there are no children
    who are looked after" for "so many children taken into care"), or None, also when another sentence bears
    it out: the best quotes for a false premise are often about something near it, not the denial."""
    denying = None
    for start, end in sentences:
        sentence = text[start:end]
        if not shares_subject(said, sentence):
            continue
        if _bears_out(said, sentence):
            return None  # the report is mixed, not a denial
        if denying is None and _denies(said, sentence):
            denying = (start, end)
    return denying
