"""Graded judgements and labelled findings of a report, as spans of its text (used by bot.records)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.wording import INSTRUCTION_VERBS

_GRADES = r"outstanding|good|requires? improvement(?: to be good)?|inadequate|adequate"
_GRADE_LINE = re.compile(  # a grade-table row "Overall effectiveness  Good" or a heading "Area: good"
    rf"^(?:\d+(?:\.\d+)*\.? )?(?P<area>[A-Z][^\n]{{3,160}}?)(?:  +|: )(?P<grade>{_GRADES})\.?$"
    rf"|^(?P<sarea>The overall judgement|The effectiveness of [^\n]{{3,80}}?) is (?:that [^\n]{{3,60}}? )?"
    rf"(?P<sgrade>{_GRADES})\.?$"
    # the older framework's overall judgement: "Children's services in Derby are good"
    rf"|^(?P<carea>Children[’']s services) in [^\n]{{3,80}}? (?:(?:are|is) )?(?P<cgrade>{_GRADES})\.?$",
    re.I | re.M,
)
# The overall judgement of a report that does not call it "overall effectiveness".
OVERALL = "Overall judgement"
# An area SEND inspection's outcome: one of three fixed statements, named here by their key words.
OUTCOME_AREA = "Inspection outcome"
_OUTCOMES = (
    ("positive experiences and outcomes", r"(?:positive|good) experiences"),
    ("inconsistent experiences and outcomes", r"inconsistent (?:experiences|outcomes)"),
    (
        "significant concerns",
        r"(?:widespread|systemic)\b[\w/ ]{0,20}\bfail(?:ings|ures)|significant concerns"
        # as a question says it: "failing across the board", "failures right across the services"
        r"|\bfail(?:ing|ings|ures?)\b[\w'’ ]{0,30}\b(?:across the board|everywhere|right across)",
    ),
)
OUTCOME_ORDER = tuple(label for label, _ in _OUTCOMES)  # best first
_OUTCOME_HEADING = re.compile(r"^Inspection outcome[ \t]*$\s*", re.I | re.M)  # with the blank lines after
_FINDINGS = re.compile(
    r"^(what needs to improve|what does the [\w ]{3,30} need to improve|areas? for (?:priority action|"
    r"improvement)|recommendations?|causes? of concern)\s*[?:]?$",
    re.I,
)
# An item of such a list naming an area ("The clarity of the offer", "Access for all children to ...").
AREA_NAMED = re.compile(r"^\W*(?:the\s+)?[a-z]+(?:\s+and\s+[a-z]+)?\s+(?:of|for|to)\b", re.I)
# An item saying what to do ("Ensure that ...", "Leaders should ..."), not how things are.
_INSTRUCTED = re.compile(
    rf"^\W*(?:\d{{1,3}}\.\s*)?(?:{'|'.join(INSTRUCTION_VERBS.split())})\b"
    r"|\b(?:should|must|needs? to|ought to)\b",
    re.I,
)
# Headings of the parts that follow a list of what to improve, in the older reports.
_SECTION = re.compile(r"\b(?:strengths?|progress|judgements?|summary|information|inspection)\b", re.I)
_ITEM = re.compile(r"^(?:(?P<bullet>[•◼▪■●◦–-])|(?P<number>\d{1,3})\.)\s+")


@dataclass(frozen=True)
class Judgement:
    """A graded judgement: the area as printed and its grade, lower case."""

    area: str
    grade: str
    start: int
    end: int


@dataclass(frozen=True)
class Finding:
    """One item of a labelled list ("What needs to improve"): text is document.text[start:end]."""

    label: str
    text: str
    start: int
    end: int


def judgements(text: str) -> tuple[Judgement, ...]:
    """Grade-table rows, graded headings and "The overall judgement is ..." sentences, first of each area;
    a SEND report's inspection outcome."""
    found: list[Judgement] = []
    for m in _GRADE_LINE.finditer(text):
        area = OVERALL if m.group("carea") else _area(m.group("area") or m.group("sarea"))
        grade = _grade(m.group("grade") or m.group("sgrade") or m.group("cgrade"))
        if not _seen(found, area, grade):
            found.append(Judgement(area, grade, m.start(), m.end()))
    outcome = _outcome(text)
    return tuple(found) + ((outcome,) if outcome else ())


def without_outcome(text: str) -> str:
    """The text without the words that state a SEND inspection outcome."""
    for _, words in _OUTCOMES:
        text = re.sub(words, " ", text, flags=re.I)
    return text


def outcome_in(text: str) -> str | None:
    """The SEND inspection outcome a text states, by its key words ("widespread failings")."""
    return next((label for label, words in _OUTCOMES if re.search(words, text, re.I)), None)


def _outcome(text: str) -> Judgement | None:
    """The outcome sentence under a SEND report's "Inspection outcome" heading, with the heading."""
    heading = _OUTCOME_HEADING.search(text)
    if heading is None:
        return None
    start = heading.end()  # the outcome sentence's first character
    end = text.find(".", start, start + 600)
    label = outcome_in(text[start:end]) if end > 0 else None
    # The span runs from the heading: it states the area as well as the outcome, as a grade-table row does.
    return Judgement(OUTCOME_AREA, label, heading.start(), end + 1) if label else None


def _area(printed: str) -> str:
    area = " ".join(printed.split()).rstrip(":")
    return OVERALL if area.lower() == "the overall judgement" else area


def _grade(printed: str) -> str:
    grade = printed.lower().removesuffix(" to be good")
    return "requires improvement" if grade == "require improvement" else grade


def _seen(found: list[Judgement], area: str, grade: str) -> bool:
    """Whether an area was graded already ("Children who need help and protection" in a longer heading)."""
    lower = area.lower()
    return any(j.area.lower() in lower and j.grade == grade for j in found)


def findings(text: str) -> tuple[Finding, ...]:
    """Items of the labelled lists: what needs to improve, recommendations, areas for priority action."""
    found: list[Finding] = []
    spans = list(lines(text))
    for i, (a, b) in enumerate(spans):
        if _FINDINGS.match(text[a:b]):
            label = text[a:b].rstrip("?: ")
            found += [Finding(label, text[s:e], s, e) for s, e in _items(text, spans[i + 1 :])]
    return tuple(found)


def _items(text: str, after: list[tuple[int, int]]) -> Iterator[tuple[int, int]]:
    """The item spans of a list: one kind of item (bullet, numbered, "should" sentence), numbers in order."""
    kind, number, gap = None, None, 0
    for a, b in after:
        line = text[a:b]
        this, n = _item_kind(line)
        if _FINDINGS.match(line) or (kind and this and this != kind) or gap > 2:
            return
        if this is None and kind and (line.endswith((".", ":")) or _SECTION.search(line)):
            return  # another part starts: "The local authority’s strengths", "Progress since the last ..."
        if n is not None and number is not None and n != number + 1:
            return  # numbering restarted: the numbered paragraphs of the report's body
        if this is None:
            gap += 1
            continue
        kind, number, gap = this, n, 0
        marker = _ITEM.match(line)
        yield a + (marker.end() if marker else 0), b


def _item_kind(line: str) -> tuple[str | None, int | None]:
    """("bullet" | "number" | "should" | None, the item's number)."""
    m = _ITEM.match(line)
    if m:
        return ("bullet", None) if m.group("bullet") else ("number", int(m.group("number")))
    return ("should", None) if re.search(r"\bshould\b", line) and len(line) > 40 else (None, None)


def lines(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int]]:
    """(start, end) of every non-blank line of text[start:end], without surrounding spaces."""
    end = len(text) if end is None else end
    at = start
    while at < end:
        stop = text.find("\n", at, end)
        stop = end if stop < 0 else stop
        a, b = at, stop
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if b > a:
            yield a, b
        at = stop + 1


def calls_for(item: str) -> bool:
    """Whether an item of a list of what to improve names an area or says what to do, rather than stating
    how things are: it supports "X needs improving", not "X is so"."""
    return bool(AREA_NAMED.match(item) or _INSTRUCTED.search(item))
