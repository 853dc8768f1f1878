"""Answers from report records: a question about a report's facts is answered by the span that states it."""

from __future__ import annotations

from dataclasses import dataclass

from bot.plan import FEW_REPORTS, FIELD_NAMES, Plan
from bot.records import Fact, Record
from bot.schema import Document

DATE_BLOCK = ("inspection_dates", "published")


@dataclass(frozen=True)
class FactAnswer:
    """The facts that answer a question (source and span each), or why none does."""

    facts: tuple[tuple[str, Fact], ...] = ()
    reason: str | None = None
    note: str | None = None


def answer(plan: Plan, documents: dict[str, Document], records: dict[str, Record]) -> FactAnswer:
    """The asked fact of the newest report in scope of each organisation named, or why it cannot be given."""
    chosen = reports(plan, documents)
    if not chosen:
        return FactAnswer(reason="The question names no report: name an organisation or a year.")
    field = plan.field or ""
    facts = [(s, fact) for s in chosen if (fact := _fact(records.get(s), field))]
    if not facts:
        return FactAnswer(reason=f"The report does not state {FIELD_NAMES.get(field, field)}.")
    return FactAnswer(tuple(facts), note=_which(plan, documents, [s for s, _ in facts]))


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


def reports(plan: Plan, documents: dict[str, Document]) -> list[str]:
    """The newest report in scope for each organisation; none when many organisations could be meant."""
    pool = plan.sources if plan.sources is not None else set(documents)
    by_org: dict[str, list[str]] = {}
    for source in pool:
        by_org.setdefault(documents[source].metadata.get("organisation") or source, []).append(source)
    if len(by_org) > FEW_REPORTS or (len(by_org) > 1 and not plan.scope.organisations):
        return []
    return sorted(max(group, key=lambda s: (_date(documents[s]), s)) for group in by_org.values())


def _which(plan: Plan, documents: dict[str, Document], chosen: list[str]) -> str:
    """Which report answered, and how many others in scope did not (the newest answers)."""
    pool = plan.sources if plan.sources is not None else set(documents)
    named = "; ".join(f"{documents[s].title} ({_date(documents[s]) or 'undated'})" for s in chosen)
    others = len(pool) - len(chosen)
    more = (
        f"; {others} older report{'s' if others > 1 else ''} in scope: name a year to see another"
        if others
        else ""
    )
    return f"Answered from the report record of {named}{more}."


def _date(doc: Document) -> str:
    return doc.metadata.get("date") or ""
