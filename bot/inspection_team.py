"""The inspection team a report names: its lead inspector of each inspectorate, a deputy, the team, and the
people a passage names, read from the lines and fields that state them."""

from __future__ import annotations

import re

from bot.findings import lines
from bot.schema import Fact

# A name as printed: "Tracey Ledder", "Jenny-ellen Scotland", "Brenda McLaughlin", "O’Brien".
NAME = r"[A-Z][\w.-]*(?:['’][A-Z][\w.-]*)?(?: [A-Z][\w.-]*(?:['’][A-Z][\w.-]*)?){1,3}"
# a lead in a team list, of an inspectorate: "Jo Petch, Ofsted HMI, lead inspector"
_LEAD_OF = r"({name})(?:,? HMI)?,? {inspectorate}(?: HMI)?,? [Ll]ead [Ii]nspector"
_TEAM_LEAD = _LEAD_OF.format(name=NAME, inspectorate="Ofsted")
_NO_NAME = {"Her", "His", "HMI", "Ofsted", "Senior", "Social", "Regulatory", "Inspector", "CQC", "Lead"}
_PERSON = re.compile(NAME)


def lead_name(value: str) -> str | None:
    """The name that opens a lead inspector field: "Jan Edwards Her Majesty’s Inspector" -> Jan Edwards."""
    words = []
    for word in value.split(",")[0].split():
        word = word.rstrip(".")
        if word in _NO_NAME or not word[:1].isupper():
            break
        words.append(word)
    return " ".join(words) if len(words) >= 2 else None


def team_lead(text: str) -> Fact | None:
    """The Ofsted lead in a team list: "Jo Petch, Ofsted HMI, lead inspector", "Al Wright HMI, Ofsted..."."""
    for a, b in lines(text):
        m = re.match(_TEAM_LEAD, text[a:b])
        if m:
            return Fact(lead_name(m.group(1)) or m.group(1), a, a + m.end())
    return None


def lead_of(text: str, inspectorate: str) -> Fact | None:
    """The lead inspector a joint inspection's team list names for one of its inspectorates ("CQC"),
    wherever on its line: "Al Wright HMI, Ofsted Lead inspector Claire Mason, CQC lead inspector"."""
    return next(iter(leads_of(text, inspectorate)), None)


def leads_of(text: str, inspectorate: str) -> list[Fact]:
    """Every lead inspector a team list names for one inspectorate: a large area SEND inspection may have
    two ("Chris Pollitt, Ofsted HMI, Lead Inspector" and "Wayne Simner, Ofsted HMI, Lead Inspector")."""
    pattern = re.compile(_LEAD_OF.format(name=NAME, inspectorate=re.escape(inspectorate)))
    found: list[Fact] = []
    for a, b in lines(text):
        for m in pattern.finditer(text, a, b):
            words = m.group(1).split()
            # the capitalised words before the name belong to the entry before it ("Lead Inspector")
            start = next((i for i, w in enumerate(words) if w not in _NO_NAME), len(words))
            name = " ".join(words[start:])
            if len(words) - start >= 2:
                found.append(Fact(name, m.start(1) + m.group(1).index(name), m.end()))
    return found


def deputy_lead(text: str) -> Fact | None:
    """The deputy lead inspector an older report names in its header ("Deputy lead inspector: Sue Myers")."""
    m = re.search(rf"\b[Dd]eputy [Ll]ead [Ii]nspector\s*:\s*({NAME})", text)
    if m is None:
        return None
    line_end = text.find("\n", m.end())
    return Fact(lead_name(m.group(1)) or m.group(1), m.start(), len(text) if line_end < 0 else line_end)


_TEAM_LINE = re.compile(r"\bTeam inspectors?\s*:\s*[^\n]+")
_TEAM_HEADING = re.compile(r"^Inspection team\s*$", re.M)
_TEAM_ENTRY = re.compile(r"\b(HMI|[Ii]nspector|Ofsted|CQC)\b")


def team_of(text: str) -> Fact | None:
    """The inspectors a report lists beside its lead: a "Team inspectors: ..." line, or the entries under an
    area SEND report's "Inspection team" heading (paragraphs naming inspectors, until one that does not)."""
    line = _TEAM_LINE.search(text)
    if line:
        return Fact(line.group().split(":", 1)[1].strip(), line.start(), line.end())
    heading = _TEAM_HEADING.search(text)
    if heading is None:
        return None
    start = end = None
    for a, b in lines(text, heading.end(), min(len(text), heading.end() + 1500)):
        entry = text[a:b]
        if not entry.strip() or entry.strip() == "Ofsted Care Quality Commission":
            continue
        if not (_TEAM_ENTRY.search(entry) and people_in(entry)):
            break
        start, end = a if start is None else start, b
    return None if start is None else Fact(text[start:end], start, end)


def people_in(text: str, not_names: frozenset[str] = frozenset()) -> list[str]:
    """Capitalised runs of a text that can name a person: two words or more besides titles and not_names."""

    def named(words: list[str]) -> int:
        return sum(w not in _NO_NAME and w.lower() not in not_names for w in words)

    return [m.group() for m in _PERSON.finditer(text) if named(m.group().split()) >= 2]


def lead_named(text: str) -> str | None:
    """The lead inspector a passage names, in a field ("Lead inspector: Jo Petch") or a team list."""
    field = re.search(rf"\b[Ll]ead [Ii]nspector\s*:\s*({NAME})", text)
    if field:
        return lead_name(field.group(1)) or field.group(1)
    team = re.search(_TEAM_LEAD, text)
    # Mid-line, the name may run on from the words before it ("Care Quality Commission Jo Petch"): its
    # last two words are the person.
    return " ".join(team.group(1).split()[-2:]) if team else None
