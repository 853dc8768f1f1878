"""Answers from report records: a question about a report's facts is answered by the span that states it."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

import numpy as np

from bot import answering
from bot.asking import inspectorates_named, without_inspectorates
from bot.export import human_date
from bot.inspection_team import deputy_lead, lead_of, leads_of, team_of
from bot.names import person_name
from bot.plan import FIELD_NAMES, Plan
from bot.records import Fact, Record
from bot.report_order import report_date
from bot.schema import Document
from bot.scope import only_people
from bot.store import Index
from bot.subjects import FEW_REPORTS
from bot.wording import DEPUTY, FINDINGS_WORDS, PREVIOUS_STATED, TEAM_ASKED, WHICH_OF_THEM

DATE_BLOCK = ("inspection_dates", "published")
MAX_FINDINGS = 5
_PREVIOUS_STATED = re.compile(PREVIOUS_STATED, re.I)
_DEPUTY = re.compile(DEPUTY, re.I)
# the deputy as named ("deputy lead inspector", "deputised"), and a lead asked for beside it (not the lead
# the deputy stood in for: "second in command to the lead", "deputised for the lead")
_DEPUTY_NAMED = re.compile(
    rf"{DEPUTY}(\s+lead)?(\s+inspector)?|\b(to|for)\s+(the\s+)?lead(\s+inspector)?\b", re.I
)
_LEAD_TOO = re.compile(r"\b(lead|led|li|heads?|headed|in charge|ran)\b", re.I)
_TEAM = re.compile(TEAM_ASKED, re.I)


NAME_A_REPORT = "The question names no report: name an organisation or a year."
# what a fact was read from: the record built with the index, or lines of the report's text it does not hold
# (a joint inspection's other lead, the deputy, the team)
RECORD, TEXT = "the report record", "the inspection team lines"


@dataclass(frozen=True)
class FactAnswer:
    """The facts that answer a question (source and span each), or why none does."""

    facts: tuple[tuple[str, Fact], ...] = ()
    reason: str | None = None
    note: str | None = None
    missing: tuple[str, ...] = ()  # why the other facts asked for are not given


def answer(plan: Plan, index: Index, vector: np.ndarray, floor: float) -> FactAnswer:
    """The asked facts of the newest report in scope of each organisation named, or why none can be given.

    A question asking two facts ("who led it and when did it come out?") is answered with both; a fact the
    report does not state is said so beside the one it does.
    """
    answers = [
        _answer(replace(plan, field=field), index, vector, floor) for field in (plan.field, *plan.also)
    ]
    given = [a for a in answers if not a.reason]
    if not given:
        return answers[0]
    facts = {(s, f.start, f.end): (s, f) for a in given for s, f in a.facts}
    missing = tuple(a.reason for a in answers if a.reason and a.reason != NAME_A_REPORT)
    named = _named(list(facts.values()), index)
    return FactAnswer(tuple(named), note=given[0].note, missing=missing)


def _joined(facts: list[tuple[str, Fact]], index: Index) -> list[tuple[str, Fact]]:
    """Inspectors of one report listed one after the other, as one span: "Lead inspector: Jo Petch" and
    "Deputy lead inspector: Sam Lee" under it are quoted as printed, not cut in two."""
    out: list[tuple[str, Fact]] = []
    for source, fact in facts:
        if out and out[-1][0] == source and _adjoining(index.documents[source].text, out[-1][1], fact):
            before = out[-1][1]
            values = [*_values(before), *_values(fact)]
            out[-1] = (source, Fact(values, before.start, fact.end))
        else:
            out.append((source, fact))
    return out


def _adjoining(text: str, first: Fact, second: Fact) -> bool:
    return first.end <= second.start and not text[first.end : second.start].strip()


def _values(fact: Fact) -> list[str]:
    return fact.value if isinstance(fact.value, list) else [fact.value]


def _named(facts: list[tuple[str, Fact]], index: Index) -> list[tuple[str, Fact]]:
    """Facts of several reports, each report's led by the organisation its record names (cited like any
    fact): "Lead inspector: Sarah Canto" twice says whose inspections only with them."""
    sources = list(dict.fromkeys(s for s, _ in facts))
    if len(sources) < 2:
        return facts
    out: list[tuple[str, Fact]] = []
    for source in sources:
        own = [(s, f) for s, f in facts if s == source]
        record = index.records.get(source)
        organisation = record.organisation if record is not None else None
        if organisation is not None and all(f.value != organisation.value for _, f in own):
            out.append((source, organisation))
        out += own
    return out


def _answer(plan: Plan, index: Index, vector: np.ndarray, floor: float) -> FactAnswer:
    """The one asked fact of the newest report in scope of each organisation named, or why it cannot be
    given."""
    documents, records = index.documents, index.records
    chosen = reports(plan, documents)
    if not chosen and plan.field == "inspectorate":
        chosen = _one_per_inspectorate(plan, index)  # "who publishes these reports?": each body, once
    if not chosen:
        return FactAnswer(reason=NAME_A_REPORT)
    field = plan.field or ""
    if field == "findings":
        facts = _findings_of_newest(plan, index, vector, floor)
    elif field == "lead_inspector" and _TEAM.search(plan.question):
        return _team(plan, index, chosen)
    elif field == "lead_inspector" and _DEPUTY.search(plan.question):
        return _deputy(plan, index, chosen)
    elif field == "lead_inspector" and (other := _lead_of_named(plan, index, chosen)) is not None:
        return other
    else:
        facts = [(s, f) for s in chosen if (f := _fact(records.get(s), field) or _said(index, s, field))]
        if field == "lead_inspector":
            facts = [(s, f) for s, first in facts for f in [first, *_co_leads(index, s, first)]]
    if not facts:
        return FactAnswer(reason=_not_stated(field, [documents[s] for s in chosen]))
    return FactAnswer(tuple(facts), note=_which(plan, documents, list(dict.fromkeys(s for s, _ in facts))))


def _team(plan: Plan, index: Index, chosen: list[str]) -> FactAnswer:
    """The team a report lists ("who else was on the inspection team?"), not its lead; the lead before it when
    both are asked ("LI plus full team list?")."""
    teams = [(s, f) for s in chosen if (f := team_of(index.documents[s].text))]
    if not teams:
        return FactAnswer(reason="The report names no inspector but its lead.")
    return _lead_beside(plan, index, teams, _TEAM)


def _deputy(plan: Plan, index: Index, chosen: list[str]) -> FactAnswer:
    """The deputy lead a report names, not its lead ("who was the deputy lead?"); the lead beside it when both
    are asked ("LI & deputy?", "who led it and who deputised?")."""
    deputies = [(s, f) for s in chosen if (f := deputy_lead(index.documents[s].text))]
    if not deputies:
        return FactAnswer(reason="The report names no deputy lead inspector.")
    return _lead_beside(plan, index, deputies, _DEPUTY_NAMED)


def _lead_beside(
    plan: Plan, index: Index, found: list[tuple[str, Fact]], named: re.Pattern[str]
) -> FactAnswer:
    """Each report's fact found (its team, its deputy), with the report's lead before it when the question,
    less the words naming that fact, asks for the lead too."""
    both = bool(_LEAD_TOO.search(named.sub(" ", plan.question)))
    facts: list[tuple[str, Fact]] = []
    for s, fact in found:
        lead = _fact(index.records.get(s), "lead_inspector") if both else None
        facts += ([(s, lead)] if lead else []) + [(s, fact)]
    return FactAnswer(
        tuple(_joined(facts, index)), note=_which(plan, index.documents, [s for s, _ in found], TEXT)
    )


def _co_leads(index: Index, source: str, lead: Fact) -> list[Fact]:
    """The other leads a report's team list names beside its lead, of the lead's own inspectorate."""
    record = index.records.get(source)
    if record is None or record.inspectorate is None:
        return []
    others = every_lead(record, index.documents[source].text)
    return [f for f in others if person_name(str(f.value)) != person_name(str(lead.value))]


def every_lead(record: Record, text: str, inspectorate: str | None = None) -> list[Fact]:
    """The leads of one inspectorate (the report's own unless named): the record's lead inspector, when it is
    that inspectorate's, and every lead the report's team list names for it (a second Ofsted lead)."""
    own = str(record.inspectorate.value) if record.inspectorate else ""
    named = inspectorate or own
    first = [record.lead_inspector] if record.lead_inspector and named == own else []
    return list({person_name(str(f.value)): f for f in [*first, *leads_of(text, named)]}.values())


def _lead_of_named(plan: Plan, index: Index, chosen: list[str]) -> FactAnswer | None:
    """Asked for the lead of an inspectorate other than the one whose lead the records give ("who led for
    the CQC?" of an area SEND inspection led by Ofsted): that one's lead as the team list names it, or a
    refusal when the report is known to be another inspectorate's; None when the records answer."""
    every = inspectorates_named(plan.question)
    records = [index.records[s] for s in chosen if s in index.records]
    if not every or not records:
        return None
    if len(every) > 1:  # "name Ofsted's lead and the CQC's": each one's, as the team list names it
        facts = [(s, f) for s in chosen for named in every for f in leads_of(index.documents[s].text, named)]
        joined = tuple(_joined(facts, index))
        return FactAnswer(joined, note=_which(plan, index.documents, chosen, TEXT)) if facts else None
    named = every[0]
    own = {str(r.inspectorate.value).lower() for r in records if r.inspectorate is not None}
    leads = [
        index.documents[r.source].text[r.lead_inspector.start : r.lead_inspector.end]
        for r in records
        if r.lead_inspector
    ]
    if named.lower() in own or any(named.lower() in lead.lower() for lead in leads):
        return None
    facts = [(s, f) for s in chosen if (f := lead_of(index.documents[s].text, named))]
    if facts:
        return FactAnswer(tuple(facts), note=_which(plan, index.documents, [s for s, _ in facts], TEXT))
    return FactAnswer(reason=f"The report names no {named} lead inspector.") if own else None


def _findings_of_newest(plan: Plan, index: Index, vector: np.ndarray, floor: float) -> list[tuple[str, Fact]]:
    """The matching findings of the newest report in scope that lists any about the question's subject."""
    pool = plan.sources if plan.sources is not None else set(index.documents)
    chosen = reports(plan, index.documents)
    if len(chosen) != 1:
        return [(s, f) for s in chosen for f in findings(plan, index, s, vector, floor)]
    for source in sorted(pool, key=lambda s: (report_date(index.documents[s]), s), reverse=True):
        found = findings(plan, index, source, vector, floor)
        if found:
            return [(source, f) for f in found]
    return []


def findings(plan: Plan, index: Index, source: str, vector: np.ndarray, floor: float) -> list[Fact]:
    """The items of a report's findings lists the question is about: all when it names no subject, else
    those whose meaning and words come near it (scored as passages are), best first."""
    items = index.records[source].findings if source in index.records else ()
    facts = [Fact(f.text, f.start, f.end) for f in items]
    # who asks for them is no subject of theirs: "what did Ofsted and the CQC recommend?"
    topic = without_inspectorates(plan.topic)
    weights = answering.query_weights(index, topic, None, f"{FINDINGS_WORDS} {WHICH_OF_THEM}")
    if not weights:
        return facts[:MAX_FINDINGS]
    scored = [(_score(index, source, f, vector, weights, plan), f) for f in facts]
    return [f for score, f in sorted(scored, key=lambda x: -x[0]) if score >= floor][:MAX_FINDINGS]


def _score(
    index: Index, source: str, fact: Fact, vector: np.ndarray, weights: dict[str, float], plan: Plan
) -> float:
    own = index.sentence_vector(source, fact.start)
    sim = float(own @ vector) if own is not None else 0.0
    return answering.blend(
        sim, answering.coverage(set(index.tokens(str(fact.value))), weights, False, plan.related), 0.0
    )


def _fact(record: Record | None, field: str) -> Fact | None:
    """The record's fact; a date with the other dates of its block when they stand on the next line.

    A report's header states when it was inspected and when it was published one under the other;
    quoting both tells a reader the one asked for and how it relates to the other.
    """
    fact = getattr(record, field, None)
    if fact is None or field not in DATE_BLOCK:
        return fact
    start, end = fact.start, fact.end
    for other in (getattr(record, name) for name in DATE_BLOCK):
        if other and (0 <= other.start - end <= 2 or 0 <= start - other.end <= 2):
            start, end = min(start, other.start), max(end, other.end)
    return Fact(fact.value, start, end)


def _said(index: Index, source: str, field: str) -> Fact | None:
    """For a report with no line giving its previous inspection's dates, the sentence saying when it was
    ("Since the last inspection in 2016, ..."): the first such, as the report's opening states it."""
    if field != "previous_inspection":
        return None
    said = _PREVIOUS_STATED.search(index.documents[source].text)
    if said is None:
        return None
    around = [(a, b) for a, b in index.sentences_of(source) if a <= said.start() < b]
    start, end = around[0] if around else said.span()
    return Fact(said.group("when"), start, end)


def reports(plan: Plan, documents: dict[str, Document]) -> list[str]:
    """The newest report in scope for each organisation; none when many organisations could be meant."""
    pool = plan.sources if plan.sources is not None else set(documents)
    if (
        plan.sources is not None
        and len(pool) <= FEW_REPORTS
        and only_people(plan.scope.organisations, documents)
    ):
        return sorted(pool)  # "which inspections did X lead?": each of the reports the inspector named led
    newest = _newest_of_each(documents, pool, lambda s: documents[s].metadata.get("organisation") or s)
    if len(newest) > FEW_REPORTS or (len(newest) > 1 and not plan.scope.organisations):
        return []
    return newest


def _newest_of_each(
    documents: dict[str, Document], pool: Iterable[str], group: Callable[[str], str | None]
) -> list[str]:
    """The newest report of each group the pool's reports fall in (a report whose group is None in none)."""
    newest: dict[str, str] = {}
    for source in sorted(pool, key=lambda s: (report_date(documents[s]), s)):
        key = group(source)
        if key is not None:
            newest[key] = source
    return sorted(newest.values())


def _not_stated(field: str, chosen: list[Document]) -> str:
    """Why a fact is not given; for a publication date the text omits, the date the sources list the report
    under (newer reports state none)."""
    reason = f"The report does not state {FIELD_NAMES.get(field, field)}."
    listed = [
        f"{doc.title} is listed under {human_date(report_date(doc))}" for doc in chosen if report_date(doc)
    ]
    return (
        f"{reason} In the sources' catalogue, {'; '.join(listed)}."
        if field == "published" and listed
        else reason
    )


def _one_per_inspectorate(plan: Plan, index: Index) -> list[str]:
    """The newest report in scope of each inspectorate the records name."""
    pool = plan.sources if plan.sources is not None else set(index.documents)
    return _newest_of_each(index.documents, pool, lambda s: _inspectorate_of(index.records.get(s)))


def _inspectorate_of(record: Record | None) -> str | None:
    return str(record.inspectorate.value) if record is not None and record.inspectorate is not None else None


def _which(plan: Plan, documents: dict[str, Document], chosen: list[str], source: str = RECORD) -> str:
    """Which report answered (from its record or its text), and how many others in scope did not (the newest
    answers)."""
    pool = plan.sources if plan.sources is not None else set(documents)
    named = "; ".join(f"{documents[s].title} ({report_date(documents[s]) or 'undated'})" for s in chosen)
    others = len(pool) - len(chosen)
    more = (
        f"; {others} older report{'s' if others > 1 else ''} in scope: name a year to see another"
        if others
        else ""
    )
    return f"Answered from {source} of {named}{more}."
