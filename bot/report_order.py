"""Which of the reports in scope answer: each organisation's newest, the newest of each kind, the newest
stating grades, and a report's others of its kind (pure functions over the documents' metadata)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from bot.records import Record
from bot.schema import Document

if TYPE_CHECKING:  # the plan's type only: the plan reads questions with these functions
    from bot.plan import Plan


def newest_graded(
    documents: dict[str, Document], records: dict[str, Record], sources: set[str] | None
) -> set[str] | None:
    """Of each organisation's reports in scope, the newest that states grades (all, if none does)."""
    if sources is None:
        return None
    graded = (s for s in sources if s in records and records[s].judgements)
    return newest_per_organisation(documents, graded) or sources


def newest_per_organisation(documents: dict[str, Document], sources: Iterable[str]) -> set[str]:
    """Of the reports given, each organisation's newest."""
    newest: dict[str, str] = {}
    for source in sorted(sources):
        org = documents[source].metadata.get("organisation") or source
        if org not in newest or report_date(documents[source]) > report_date(documents[newest[org]]):
            newest[org] = source
    return set(newest.values())


def newest_of_each_kind(documents: dict[str, Document], plan: Plan) -> set[str] | None:
    """For a question naming organisations but no year: the newest report of each kind about each.

    None when that is every report in scope (nothing older to set aside).
    """
    if not plan.scope.organisations or plan.scope.years or plan.sources is None:
        return None
    newest: dict[tuple[str, str], str] = {}
    for source in sorted(plan.sources):
        meta = documents[source].metadata
        key = (meta.get("organisation") or source, meta.get("document_type") or "")
        if key not in newest or report_date(documents[source]) > report_date(documents[newest[key]]):
            newest[key] = source
    chosen = set(newest.values())
    return chosen if chosen != plan.sources else None


def reports_meant(documents: dict[str, Document], plan: Plan) -> set[str] | None:
    """The reports a question is about when that is clear: the only one in scope, or the newest of each
    kind about the organisations it names (no year named); None when unclear."""
    if plan.sources is not None and len(plan.sources) == 1:
        return plan.sources
    return newest_of_each_kind(documents, plan)


def reports_of_its_kind(documents: dict[str, Document], source: str) -> set[str]:
    """The other reports of the same kind about the same organisation (none when it names no organisation)."""
    meta = documents[source].metadata
    if not meta.get("organisation"):
        return set()
    return {
        s
        for s, d in documents.items()
        if s != source
        and d.metadata.get("organisation") == meta["organisation"]
        and d.metadata.get("document_type") == meta.get("document_type")
    }


def report_date(doc: Document) -> str:
    """A report's ISO publication date as catalogued or inferred ("" when unknown), for newest-first order."""
    return doc.metadata.get("date") or ""
