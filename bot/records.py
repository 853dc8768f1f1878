"""Report records: each report's facts (dates, lead inspector, judgements, findings) as spans of its text."""

from __future__ import annotations

import json
import re
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from bot.findings import OUTCOME_AREA, Finding, Judgement, calls_for, findings, judgements, lines
from bot.inspection_team import NAME, lead_name, team_lead
from bot.schema import Document, Fact

_MONTH_NAMES = "january february march april may june july august september october november december"
_MONTHS = _MONTH_NAMES.split(" ")
# Date tokens: "17 to 21 March 2025" holds (17, -, -, -) and (21, March, -, 2025); "12/09/2016" is one.
_DAY = re.compile(
    rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+({'|'.join(_MONTHS)})|/(\d{{1,2}})/(?=\d{{4}}))?"
    r"(?:(?:,?\s+|(?<=/))(\d{4}))?\b",
    re.I,
)
# "Label: value" fields; a second label on the same line ends the first one's value.
_LABEL = re.compile(
    r"(?<!deputy )\b(inspection dates?|dates? of previous inspections?|report published|publication date"
    r"|lead inspector)\s*:\s*",
    re.I,
)
INSPECTORATES = ("HMICFRS", "HMIC", "Ofsted", "CQC")


# The facts of a record, in the order of the records contract (previous_inspection is an addition).
FACT_NAMES = (
    "organisation",
    "inspectorate",
    "report_type",
    "inspection_dates",
    "published",
    "lead_inspector",
    "next_inspection",
    "previous_inspection",
)


@dataclass(frozen=True)
class Record:
    """What one report states about itself; a fact the text does not state is None."""

    source: str
    organisation: Fact | None = None
    inspectorate: Fact | None = None
    report_type: Fact | None = None
    inspection_dates: Fact | None = None
    published: Fact | None = None
    lead_inspector: Fact | None = None
    next_inspection: Fact | None = None
    previous_inspection: Fact | None = None
    judgements: tuple[Judgement, ...] = ()
    findings: tuple[Finding, ...] = ()

    def to_json(self) -> dict[str, Any]:
        """The records contract: facts as {value, start, end} or null, then judgements and findings."""
        data: dict[str, Any] = {"source": self.source}
        for name in FACT_NAMES:
            fact = getattr(self, name)
            data[name] = asdict(fact) if fact else None
        data["judgements"] = [asdict(j) for j in self.judgements]
        data["findings"] = [asdict(f) for f in self.findings]
        return data

    def own_lines(self) -> list[tuple[int, int]]:
        """Where the report states when it was made and by whom: not findings (its grades may be)."""
        facts = (self.inspection_dates, self.published, self.lead_inspector, self.previous_inspection)
        return [(f.start, f.end) for f in facts if f]

    def on_own_line(self, start: int, end: int, next_inspection: bool = False) -> bool:
        """Whether text[start:end] overlaps a line where the report states its own dates or inspector (or,
        with next_inspection, when its next inspection will be)."""
        lines = self.own_lines()
        if next_inspection and self.next_inspection:
            lines.append((self.next_inspection.start, self.next_inspection.end))
        return any(a < end and start < b for a, b in lines)

    def overall(self) -> Judgement | None:
        """The overall judgement ("Overall effectiveness"; an older report's "Overall judgement"), if any."""
        return next((j for j in self.judgements if j.area.lower().startswith("overall")), None)

    def outcome(self) -> Judgement | None:
        """The inspection outcome an area SEND report states in place of grades, if it states one."""
        return next((j for j in self.judgements if j.area == OUTCOME_AREA), None)

    def judged_in(self, start: int, end: int) -> bool:
        """Whether a judgement the record holds (a grade-table row, an overall sentence) starts in
        text[start:end]."""
        return any(start <= j.start < end for j in self.judgements)

    def findings_over(self, start: int, end: int) -> list[Finding]:
        """The listed findings that text[start:end] overlaps."""
        return [f for f in self.findings if f.start < end and start < f.end]

    def lists_to_improve(self, start: int, end: int) -> bool:
        """Whether text[start:end] is an item of a list of what needs to improve that names an area or says
        what to do."""
        return any(calls_for(f.text) for f in self.findings_over(start, end))

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Record:
        """Rebuild a record from its JSON form."""
        facts = {name: Fact(**data[name]) if data.get(name) else None for name in FACT_NAMES}
        judgements = tuple(Judgement(**j) for j in data.get("judgements", ()))
        findings = tuple(Finding(**f) for f in data.get("findings", ()))
        return cls(data["source"], **facts, judgements=judgements, findings=findings)

    def facts(self) -> dict[str, Fact]:
        """The facts the report states, by name."""
        return {name: getattr(self, name) for name in FACT_NAMES if getattr(self, name)}


def load(path: Path, documents: dict[str, Document]) -> dict[str, Record]:
    """An index generation's records (records.jsonl); an older one without them gets them computed now."""
    if not path.is_file():
        return {source: extract(doc) for source, doc in documents.items()}
    try:
        lines_ = path.read_text(encoding="utf-8").splitlines()
        loaded = {
            r.source: r for r in (Record.from_json(json.loads(line)) for line in lines_ if line.strip())
        }
    except TypeError as exc:
        raise ValueError(f"{path.name}: {exc}") from None
    return {source: loaded.get(source) or extract(doc) for source, doc in documents.items()}


def extract(doc: Document) -> Record:
    """The record of one document, from its text alone."""
    text = doc.text
    fields_ = _labelled(text)
    title = _assessment(text)
    organisation = _organisation(text) or (title and title[1]) or _force_inspected(text)
    return Record(
        source=doc.source,
        organisation=organisation,
        inspectorate=_inspectorate(text),
        report_type=_report_type(text),
        inspection_dates=_field(fields_, "inspection date", _date_range),
        published=_field(fields_, ("report published", "publication date"), _one_date),
        lead_inspector=_field(fields_, "lead inspector", lead_name)
        or team_lead(text)
        or (title and title[0])
        or _constabulary_inspector(text),
        next_inspection=_next_inspection(text),
        previous_inspection=_field(fields_, ("date of previous", "dates of previous"), _date_range),
        judgements=judgements(text) + _force_judgements(text, organisation),
        findings=findings(text),
    )


# --- labelled fields: "Inspection dates: 17 to 21 March 2025" ---------------------------------------

_Labelled = tuple[str, int, str, int]  # label (lower case), span start, value, span end


def _labelled(text: str) -> list[_Labelled]:
    """Every "Label: value" in the text; a second label on the same line ends the first one's value."""
    found = []
    for a, b in lines(text):
        marks = list(_LABEL.finditer(text, a, b))
        for i, m in enumerate(marks):
            stop = marks[i + 1].start() if i + 1 < len(marks) else b
            value = text[m.end() : stop].rstrip()
            found.append((m.group(1).lower(), m.start(), value, m.end() + len(value)))
    return found


def _field(found: list[_Labelled], label: str | tuple[str, ...], parse: Any) -> Fact | None:
    """The first field with this label whose value parses; the span runs from the label to the value's end."""
    for name, start, value, end in found:
        parsed = parse(value) if name.startswith(label) else None
        if parsed:
            return Fact(parsed, start, end)
    return None


def _one_date(value: str) -> str | None:
    days = _date_range(value)
    return days[0] if days and days[0] == days[1] else None


def _date_range(value: str) -> list[str] | None:
    """[first day, last day] of "17 to 21 March 2025", "13 January 2015 – 4 February 2015" or one day."""
    days = [(d, name or number, year) for d, name, number, year in (m.groups() for m in _DAY.finditer(value))]
    if not days or not days[-1][1] or not days[-1][2]:
        return None
    last = days[-1]
    first = (days[0][0], days[0][1] or last[1], days[0][2] or last[2])
    isos = [_iso(*first), _iso(*last)]
    if all(isos) and isos[0] > isos[1] and not days[0][2]:  # "29 December to 9 January 2025"
        isos[0] = _iso(first[0], first[1], str(int(last[2]) - 1))
    return isos if all(isos) and isos[0] <= isos[1] else None  # type: ignore[operator]


def _iso(day: str, month: str, year: str) -> str | None:
    """ISO date of a day, a month name or number, and a year; None when there is no such day."""
    number = int(month) if month.isdigit() else _MONTHS.index(month.lower()) + 1
    try:
        return date(int(year), number, int(day)).isoformat()
    except ValueError:
        return None


# --- facts stated in other ways ----------------------------------------------------------------------


def _assessment(text: str) -> tuple[Fact, Fact] | None:
    """Inspector and force in a title: "HMI Wendy Williams' assessment of West Midlands Police"."""
    pattern = rf"^(?:HMI )?({NAME})['’]s? assessment of ((?:[A-Z][\w&-]* |and |of )*[A-Z][\w-]*)"
    for a, b in lines(text, 0, min(len(text), 4000)):
        m = re.match(pattern, text[a:b])
        if m:
            return Fact(m.group(1), a, b), Fact(m.group(2), a, b)
    return None


# --- police inspections (PEEL): "An inspection of Cumbria Constabulary", a grade said of the force -----

# the force a PEEL report's title names ("PEEL 2021/22 ... An inspection of Avon and Somerset Constabulary")
_FORCE_INSPECTED = re.compile(
    r"\b[Aa]n inspection of (?:the )?((?:[A-Z][\w&'’-]* |and |of )*?(?:Police(?: Service(?: of [A-Z]\w+)?)?"
    r"|Constabulary))\b"
)
# the inspector who signs it: "Roy Wilsher" above or before "His Majesty's Inspector of Constabulary"
_CONSTABULARY_INSPECTOR = re.compile(
    rf"({NAME})[,\s]+(?:His|Her|HM)(?: Majesty['’]s)? Inspector of Constabulary(?: and (?:of )?Fire "
    r"(?:&|and) Rescue Services)?"
)
# a grade said of the force by name: "Cumbria Constabulary is adequate at investigating crime.", "Cumbria
# Constabulary requires improvement at managing offenders."
_FORCE_GRADED = re.compile(
    r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<subject>[A-Z][\w&'’ -]{2,60}?) (?:is|was) "
    r"(?P<grade>outstanding|good|adequate|inadequate) (?:at|in) (?P<area>[a-z][^.\n]{3,80})\."
    r"|(?:^|(?<=[.!?]\s)|(?<=\n))(?P<rsubject>[A-Z][\w&'’ -]{2,60}?) requires? improvement (?:at|in) "
    r"(?P<rarea>[a-z][^.\n]{3,80})\.",
    re.M,
)


def _force_inspected(text: str) -> Fact | None:
    """The force a police inspection's title names."""
    for a, b in lines(text, 0, min(len(text), 4000)):
        m = _FORCE_INSPECTED.search(text, a, b)
        if m:
            return Fact(m.group(1), a, b)
    return None


def _constabulary_inspector(text: str) -> Fact | None:
    """The inspector of constabulary who signs a police inspection report."""
    m = _CONSTABULARY_INSPECTOR.search(text)
    if m is None:
        return None
    return Fact(lead_name(m.group(1)) or m.group(1), m.start(1), m.end())


def _force_judgements(text: str, organisation: Fact | None) -> tuple[Judgement, ...]:
    """The grades a police inspection says of the force by name, area by area (not "It is good at ...", nor
    what another organisation is good at); the first of each area."""
    force = str(organisation.value).lower() if organisation else ""
    if not force.endswith(("police", "constabulary", "police service")):
        return ()  # "Derby is good at ..." in a council's report praises; it grades nothing
    found: dict[str, Judgement] = {}
    for m in _FORCE_GRADED.finditer(text):
        subject = (m.group("subject") or m.group("rsubject")).lower()
        if subject != force:  # "The constabulary is good at answering calls" praises
            continue
        area = (m.group("area") or m.group("rarea")).strip()
        area = area[0].upper() + area[1:]
        grade = m.group("grade") or "requires improvement"
        found.setdefault(area.lower(), Judgement(area, grade, m.start(), m.end()))
    return tuple(found.values())


def _organisation(text: str) -> Fact | None:
    """The organisation a title line names, or the line above "Inspection of ..." on the cover."""
    title = (
        r"^(?:area SEND |joint (?:local )?area SEND )?inspection of (?:the )?(.+?) "
        r"(?:local authority children['’]s (?:social care )?services|local area partnership|local area)$"
    )
    head = list(lines(text, 0, min(len(text), 4000)))
    for a, b in head:
        m = re.match(title, text[a:b], re.I)
        if m:
            return Fact(m.group(1), a, b)
    if len(head) > 1 and re.match(r"(?:Re-)?[Ii]nspection of ", text[head[1][0] : head[1][1]]):
        a, b = head[0]
        return Fact(text[a:b], a, b) if b - a < 80 else None
    return None


def _report_type(text: str) -> Fact | None:
    """The kind of report the cover names, as a short normalised name."""
    kinds = [
        (r"joint (?:local )?area SEND inspection", "Joint area SEND inspection"),
        (r"area SEND inspection", "Area SEND inspection"),
        (r"(?:re-)?inspection of services for children in need of help and protection", None),
        (
            r"inspection of (?:[\w ,&]+ )?children['’]s (?:social care )?services",
            "Inspection of local authority children's services",
        ),
        (r"assessment of (?:[A-Z][\w&-]* )+(?:Police|Constabulary)", "PEEL assessment"),
        (r"\bPEEL\b", "PEEL inspection"),
    ]
    for a, b in lines(text, 0, min(len(text), 3000)):
        for pattern, name in kinds:
            m = re.search(pattern, text[a:b], re.I)
            if m:
                return Fact(name or _sentence_case(text[a + m.start() : b]), a, b)
    return None


def _sentence_case(phrase: str) -> str:
    return (phrase[:1].upper() + phrase[1:]).replace("’", "'")


def _inspectorate(text: str) -> Fact | None:
    """The inspectorate the report names as its author, else the first one it names at all."""
    names = "|".join(INSPECTORATES)
    acting = re.search(
        rf"\b({names})\b\)?(?: and [^.\n]{{0,60}}?)? (?:produces|regulates|asks?|identified)", text
    )
    first = acting or re.search(rf"\b({names})\b", text)
    if not first:
        return None
    a, b = _sentence(text, first.start())
    return Fact(first.group(1), a, b)


def _sentence(text: str, at: int) -> tuple[int, int]:
    """The span of the sentence holding offset at, within its line."""
    line_start = text.rfind("\n", 0, at) + 1
    line_end = text.find("\n", at)
    line_end = len(text) if line_end < 0 else line_end
    start = text.rfind(". ", line_start, at)
    start = line_start if start < 0 else start + 2
    end = text.find(". ", at, line_end)
    end = line_end if end < 0 else end + 1
    return start, len(text[:end].rstrip())


def _next_inspection(text: str) -> Fact | None:
    """When the next inspection is due: "The next full area SEND inspection will be within ... years."""
    pattern = r"\bnext (?:[\w ]{0,30} )?(?:re-?)?inspection (?:will|is due) (?:be |take place )?([^.\n]+)"
    m = re.search(pattern, text, re.I)
    if not m:
        return None
    a, b = _sentence(text, m.start())
    return Fact(m.group(1).strip(), a, b)
