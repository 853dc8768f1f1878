"""Where a named inspector appears across the reports: as lead, deputy lead or a member of the team, each said
by the line of the report's header or team list that names them."""

from __future__ import annotations

import re

from bot.findings import lines
from bot.names import normal, person_name
from bot.records import Fact
from bot.report_lists import Listing
from bot.report_order import report_date
from bot.store import Index

# the lines that say who inspected: "Lead inspector: ...", "Team inspectors: ...", "..., Ofsted HMI"
_ROLE_LINE = re.compile(r"\b(inspectors?|HMI|deputy|Ofsted|CQC)\b", re.I)
LINE_LENGTH = 400  # a header or team list line; a paragraph naming someone is not where roles are said


def roles(index: Index, people: list[str]) -> Listing:
    """Every report naming one of the people among its inspectors, oldest first: the organisation it is
    about and the line naming them (which says the role: lead, deputy lead, team inspector)."""
    names = [person_name(p) for p in people]
    items: list[tuple[str, tuple[Fact, ...]]] = []
    for source in sorted(index.documents, key=lambda s: (report_date(index.documents[s]), s)):
        named = _lines_naming(index.documents[source].text, names)
        record = index.records.get(source)
        about = record.organisation if record is not None else None
        if named:
            items.append((source, tuple(f for f in (about, *named) if f is not None)))
    if not items:
        return Listing(reason=f"No report names {' or '.join(people)} among its inspectors.")
    counted = "1 report names" if len(items) == 1 else f"{len(items)} reports name"
    note = f"Answered from the reports' inspector lines: {counted} {' or '.join(people)}."
    return Listing(tuple(items), note=note)


def _lines_naming(text: str, names: list[str]) -> list[Fact]:
    """The lines of a report's header and team list (near its start, or at its end in older reports) that
    name one of the people as an inspector."""
    return [
        Fact(text[a:b], a, b)
        for a, b in lines(text)
        if b - a <= LINE_LENGTH and _ROLE_LINE.search(text[a:b]) and any(_names(text[a:b], n) for n in names)
    ]


def _names(line: str, name: str) -> bool:
    """Whether a line names the person, whole words, however capitalised."""
    return re.search(rf"\b{re.escape(name)}\b", normal(line)) is not None
