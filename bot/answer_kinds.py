"""What kind of answer a span gives: a figure of the kind asked for (a count, an age, a duration, a share;
not a date or a paragraph number), a name the question does not already hold, contact details; and whether
a figure counts what a "how many" question counts."""

from __future__ import annotations

import re

from bot import named_subjects
from bot import terms as domain_terms
from bot.plan import Related
from bot.wording import (
    AGES,
    ANSWER_KINDS,
    CHILDREN_ALIKE,
    CONTACT_CHANNELS,
    CONTACT_WORDS,
    COUNTED,
    COUNTED_BEFORE,
    COUNTING_UNITS,
    EXACTLY,
    FIGURE,
    FIGURE_IN_NAME,
    FRAMING_WORDS,
    GRADED_GROUPS,
    INSTITUTION_WORDS,
    NAMED,
    NOT_FIGURES,
    NOT_NAME_WORDS,
    ONE,
    PROPORTIONS,
    ZERO,
)

_CHANNELS = tuple((re.compile(ask, re.I), re.compile(given, re.I)) for ask, given in CONTACT_CHANNELS)
_INSTITUTIONS = frozenset(INSTITUTION_WORDS.split())
_CONTACT_WORDS = frozenset(CONTACT_WORDS.split())
_CHILDREN_ALIKE = CHILDREN_ALIKE.split()
_COUNTING_UNITS = frozenset(COUNTING_UNITS.split())
_FIGURE = re.compile(FIGURE, re.I)
_NOT_FIGURES = re.compile(NOT_FIGURES, re.I)
_FIGURE_IN_NAME = re.compile(FIGURE_IN_NAME)
_AGES = re.compile(AGES, re.I)
_DURATIONS = re.compile(ANSWER_KINDS["duration"][1], re.I)
_PROPORTIONS = re.compile(PROPORTIONS, re.I)
_EXACTLY = re.compile(EXACTLY, re.I)
_COUNTED = re.compile(COUNTED, re.I)
_COUNTED_BEFORE = re.compile(COUNTED_BEFORE, re.I)
_GIVES = {kind: re.compile(span, 0 if kind in NAMED else re.I) for kind, (_, span) in ANSWER_KINDS.items()}
# A figure before a possessive counts what is possessed ("5 children's homes"), as does a question asking how
# many of it ("how many children's homes").
_POSSESSOR = re.compile(r"\s*[a-z-]+['’]s?\s", re.I)
_POSSESSED = re.compile(r"\b(?:how m[ae]n[yi]|numbers? of)\s+(?:[a-z]+\s+)?[a-z-]+['’]s?\s", re.I)
_INFLECTED = ("ing", "ed", "s")
MIN_STEM = 4  # letters an inflection leaves: "used" stays "used", "placed" is "plac"
COUNT_REACH = 60  # characters either side of a figure in which the noun it counts is written
# The rest of a figure ("2,000", "14.5") and the words between it and what it counts ("14 new care leavers")
_AFTER_FIGURE = re.compile(r"^[\d,.]*\s*(?:(?:more|new|other|extra|additional)\s+)*", re.I)
# What a figure above one counts: the first plural word of the few after it ("children" and "people" among
# them), before a word that ends the phrase ("four registered education providers add ...": providers; "5 of
# the children": none said); the rest of a figure written in words ("two-thirds", "twenty-one") is no word
# after it.
_COUNTED_AFTER = re.compile(
    r"^[\d,.]*\s*(?:(?!(?:of|in|on|to|and|or|at|for|with|who|which|that|are|were|was|is|have|has|had|per)\b)"
    r"[a-z][a-z-]*\s+){0,4}?(?P<head>[a-z][a-z-]{2,}s|children|people)\b",
    re.I,
)
_FIGURE_GOES_ON = re.compile(r"\d[,.]?$")  # what is before a digit that goes on a figure
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9])")


def gives(text: str, kind: str, question: str = "", related: Related | None = None) -> bool:
    """Whether a span gives the kind of answer asked for: a figure of that kind (not a date or a paragraph
    number), or a name the question does not already hold."""
    if kind in NAMED:
        asked = set(re.findall(r"[\w'’-]+", question.lower()))
        names = (re.findall(r"\w[\w'’-]*\w|\w", m.group(0).lower()) for m in _GIVES[kind].finditer(text))
        if kind == "person":  # an organisation's name ("West Midlands Police") is no one's name, nor is a
            # service's named after the place asked about ("Family Scilly")
            names = (n for n in names if n[-1] not in _INSTITUTIONS and not set(n) & asked)
        return any(set(n) - asked for n in names)
    if kind == "contact":
        return _contact_given(text, question)
    if kind in ("rank", "date"):  # neither is a figure of the usual kind
        return _GIVES[kind].search(text) is not None
    plain = _FIGURE_IN_NAME.sub(r"\1#\2", _NOT_FIGURES.sub(" ", text))
    plain = plain if kind == "age" else _AGES.sub(" ", plain)
    # "over the last six months" says how long, not how many
    plain = _DURATIONS.sub(" ", plain) if kind == "count" else plain
    # "the exact number" is not "two-thirds of them"
    plain = _PROPORTIONS.sub(" ", plain) if kind == "count" and _EXACTLY.search(question) else plain
    if kind == "count" and says_how_many(text, question, related):
        return True
    if kind == "count":
        return _counts_asked(plain, question, related)
    return _FIGURE.search(plain) is not None and _GIVES[kind].search(plain) is not None


def _contact_given(text: str, question: str) -> bool:
    """Whether a span gives the way of reaching someone the question asks for (an email address for
    "email?"), or any way when it names none."""
    asked = [given for ask, given in _CHANNELS if ask.search(question)]
    if not asked:
        return _GIVES["contact"].search(text) is not None
    return any(given.search(text) for given in asked)


def names_subject(text: str, question: str) -> bool:
    """Whether the span names what the question asks the contact details of ("foster carers' recruitment"),
    when it names anything besides asking for them."""
    wanted = [w for w in _subject_words(question) if w not in _CONTACT_WORDS]
    low = text.lower()
    return not wanted or any(re.search(rf"\b{re.escape(_stem(w))}", low) for w in wanted)


def _counts_asked(plain: str, question: str, related: Related | None) -> bool:
    """Whether a figure in the span stands, in its sentence, beside what the question counts or one of its
    subject words ("405 pupils on roll" says nothing of how many children are home educated); any figure,
    when the question does not say what it counts. A domain term is counted whole: its last word alone is
    not it ("2,000 parents and carers" for young carers), and a figure counting another term counts that
    ("14 care leavers living with foster carers" for foster families)."""
    sentences = _of_groups_asked(plain, question)
    counted = _counted_stems(question, related)
    if counted is None:
        return any(_GIVES["count"].search(sentence) for sentence in sentences)
    term = _counted_term(question)
    subject = _subject_words(question)
    if term is not None:
        subject = [w for w in subject if not re.fullmatch(counted, w, re.I)]
    nouns = "|".join(p for p in (counted if term is None else "", _forms(subject)) if p)
    about = re.compile(rf"\b(?:{nouns})", re.I) if nouns else None
    possessed = _POSSESSED.search(question) is not None  # "how many children's homes"
    # cases counted are whatever the figure counts: "how many cases" is "responsibility for 60 children"
    units = _counted_noun(question) in _COUNTING_UNITS
    # what a figure may count: the counted noun, a subject word, or a word near one ("houses": "homes")
    near = [word for alike in (related or {}).values() for word, _ in alike]
    kin = "|".join(p for p in (counted, _forms(subject + near)) if p)
    for sentence in sentences:
        spans = domain_terms.written(term, sentence) if term is not None else []
        for m in _GIVES["count"].finditer(sentence):
            if _FIGURE_GOES_ON.search(sentence[: m.start()]):
                continue  # the "1" of "21 children" is no figure of its own, let alone one child
            if term is not None and _counts_another(sentence[m.end() :], term):
                continue
            if not possessed and _POSSESSOR.match(_AFTER_FIGURE.sub("", sentence[m.end() :])):
                continue  # "40 children's safeguarding boards" counts boards, not children
            if term is None and not units and _counts_other(m.group(), sentence[m.end() :], kin):
                continue  # "two experienced careers advisors" counts none of the young people asked about
            if any(s - COUNT_REACH <= m.start() and m.end() <= e + COUNT_REACH for s, e in spans):
                return True
            near = sentence[max(0, m.start() - COUNT_REACH) : m.end() + COUNT_REACH]
            if about is not None and about.search(near):
                return True
    return False


def _of_groups_asked(plain: str, question: str) -> list[str]:
    """The span's sentences naming a group of children the question names ("29 live in residential homes"
    counts none of the home-educated children asked about); all of them when it names none, or only groups
    whose services are graded, which reports speak of throughout."""
    asked = named_subjects.groups(question) - GRADED_GROUPS
    sentences = _SENTENCE_END.split(plain)
    return [s for s in sentences if asked & named_subjects.groups(s)] if asked else sentences


def _counted(question: str) -> re.Match[str] | None:
    """Where a "how many" question names what it counts (its "noun" group)."""
    return _COUNTED.search(question) or _COUNTED_BEFORE.search(question)


def _counted_noun(question: str) -> str:
    """The noun a "how many" question counts, as written ("" for none)."""
    counted = _counted(question)
    return counted.group("noun").lower() if counted else ""


def _counted_term(question: str) -> int | None:
    """The domain term a "how many" question counts ("how many new foster families": foster carers)."""
    counted = _counted(question)
    return domain_terms.term_at(question, counted.start("noun")) if counted else None


def _counts_other(figure: str, after: str, kin: str) -> bool:
    """Whether a figure above one, written before the plural it counts, counts a thing the question names
    nowhere ("four education providers" for how many children are on a register)."""
    head = _COUNTED_AFTER.match(after)
    if head is None or figure.lower() in ("one", "1") or head.group("head").lower() in _COUNTING_UNITS:
        return False
    return re.fullmatch(rf"(?:{kin})", head.group("head"), re.I) is None


def _counts_another(after: str, term: int) -> bool:
    """Whether the words after a figure open another domain term than the one counted ("14 care leavers")."""
    return bool(domain_terms.terms_opening(_AFTER_FIGURE.sub("", after)) - {term})


def _subject_words(question: str) -> list[str]:
    """The question's words that may name a subject: not its framing, nor words that name nothing."""
    words = re.findall(r"[a-z]+", question.lower())
    return [w for w in words if len(w) > 3 and w not in FRAMING_WORDS and w not in NOT_NAME_WORDS]


def says_how_many(text: str, question: str, related: Related | None = None) -> bool:
    """Whether the span says in words how many there are of what a "how many" question counts: none of it
    ("no children were ...", the counted noun in the question's words or the corpus words nearest them,
    "kids": "children"), or one of something the question names ("one children's home")."""
    counted = _counted_stems(question, related)
    if counted is not None and re.search(ZERO.format(noun=counted), text, re.I):
        return True
    named = [w for w in re.findall(r"[a-z]{4,}", question.lower()) if w not in FRAMING_WORDS]
    nouns = "|".join(p for p in (counted, _forms(named)) if p)
    return bool(nouns) and re.search(ONE.format(noun=f"(?:{nouns})"), text, re.I) is not None


def _counted_stems(question: str, related: Related | None = None) -> str | None:
    """A pattern for what a "how many" question counts: its noun, the corpus words nearest it ("kids":
    "children") and a domain term's words in the reports ("young people leaving care": "leavers")."""
    counted = _counted(question)
    if counted is None:
        return None
    noun = counted.group("noun").lower()
    alike = [term for stem, near in (related or {}).items() if noun.startswith(stem) for term, _ in near]
    at = counted.start("noun")
    termed = [phrase.split()[-1] for phrase in domain_terms.reports_words_at(question, at)]
    children = _CHILDREN_ALIKE if noun in _CHILDREN_ALIKE else []
    return _forms([noun, *alike, *termed, *children])


def _forms(words: list[str]) -> str:
    """A pattern for any form of the words, by their stems ("" for none)."""
    stems = "|".join(dict.fromkeys(re.escape(_stem(w)) for w in words))
    return rf"(?:{stems})\w*\b" if stems else ""


def _stem(noun: str) -> str:
    """A counted noun's stem for matching its forms: "homes": "home", "children": "child"; a subject word's
    too, an inflection off ("stayed", "staying": "stay")."""
    ending = next((e for e in _INFLECTED if noun.endswith(e) and len(noun) - len(e) >= MIN_STEM), "")
    return noun[: len(noun) - len(ending)][:5]
