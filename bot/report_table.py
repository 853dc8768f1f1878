"""Every report's record as one table row: each cell a value with the span of the report that states it."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass

from bot import wording
from bot.records import Fact, Record
from bot.report_order import report_date
from bot.schema import Document

COLUMNS = ("Organisation", "Report", "Inspected", "Published", "Lead inspector", *wording.JUDGEMENT_COLUMNS)
_AREAS = {name: re.compile(p, re.I) for name, p in wording.JUDGEMENT_COLUMNS.items()}


@dataclass(frozen=True)
class Cell:
    """A value shown in the table and where the report states it (no span: from the catalog or file name)."""

    value: str
    start: int | None = None
    end: int | None = None


@dataclass(frozen=True)
class Row:
    """One report: its source and a cell per column."""

    source: str
    title: str
    cells: dict[str, Cell]


def rows(documents: dict[str, Document], records: dict[str, Record]) -> list[Row]:
    """One row per document, newest first within each organisation, organisations in alphabetical order."""
    ordered = sorted(
        documents.values(),
        key=lambda d: ((d.metadata.get("organisation") or d.title).lower(), report_date(d)),
    )
    return [row(doc, records.get(doc.source)) for doc in ordered]


def row(doc: Document, record: Record | None) -> Row:
    """One report's row: each column's value with the span that states it."""
    meta = doc.metadata
    cells = {
        "Organisation": _fact(record and record.organisation, meta.get("organisation") or ""),
        "Report": _fact(record and record.report_type, meta.get("document_type") or ""),
        "Inspected": _dates(record and record.inspection_dates),
        "Published": _fact(record and record.published, meta.get("date") or ""),
        "Lead inspector": _fact(record and record.lead_inspector, meta.get("inspector") or ""),
    }
    if record:
        for judgement in record.judgements:
            column = next((name for name, area in _AREAS.items() if area.search(judgement.area)), None)
            if column and column not in cells:
                cells[column] = Cell(judgement.grade.capitalize(), judgement.start, judgement.end)
    if meta.get("organisation") and record and record.organisation:
        cells["Organisation"] = Cell(meta["organisation"], record.organisation.start, record.organisation.end)
    return Row(doc.source, doc.title, cells)


def _fact(fact: Fact | None, fallback: str) -> Cell:
    if fact is None:
        return Cell(fallback)
    value = fact.value if isinstance(fact.value, str) else " to ".join(fact.value)
    return Cell(value, fact.start, fact.end)


def _dates(fact: Fact | None) -> Cell:
    if fact is None:
        return Cell("")
    first, last = fact.value if isinstance(fact.value, list) else (fact.value, fact.value)
    return Cell(first if first == last else f"{first} to {last}", fact.start, fact.end)


def as_csv(table: list[Row]) -> str:
    """The table as CSV: the columns, then the source file."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow([*COLUMNS, "Source"])
    for row in table:
        writer.writerow([*(row.cells.get(c, Cell("")).value for c in COLUMNS), row.source])
    return out.getvalue()
