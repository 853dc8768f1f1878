"""Comparisons: the reports a question names, side by side; every cell a quote with its citation, or an
explicit "not covered" where a report says nothing about the subject."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot import answering, report_table, wording
from bot.plan import Plan
from bot.report_order import newest_of_each_kind, report_date
from bot.schema import Citation, Document
from bot.store import Index
from bot.subjects import subject_words

MAX_REPORTS = 6
NOT_COVERED = "not covered"


@dataclass(frozen=True)
class Comparison:
    """Columns, and for each report its cells: evidence to quote, or None for 'not covered'."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, tuple[answering.Evidence | None, ...]], ...]


def reports(plan: Plan, documents: dict[str, Document]) -> list[str]:
    """The reports to compare: all of the years named, else each organisation's newest of each kind."""
    pool = plan.sources if plan.sources is not None else set(documents)
    chosen = pool if plan.scope.years else (newest_of_each_kind(documents, plan) or pool)
    ordered = sorted(chosen, key=lambda s: ((documents[s].metadata.get("organisation") or "").lower(),
                                            report_date(documents[s])))  # fmt: skip
    return ordered[:MAX_REPORTS]


def subject(plan: Plan, index: Index) -> str:
    """What the reports are compared on, in the question's words ('' for their grades)."""
    names = " ".join(plan.scope.organisations)
    asking = set(index.tokens(f"{wording.COMPARE_WORDS} {wording.GRADE_WORDS} {names}"))
    words = [w for w in subject_words(plan.topic, index.stop_words()) if not set(index.tokens(w)) <= asking]
    return " ".join(words)


def by_grades(index: Index, chosen: list[str]) -> Comparison:
    """The judgement columns any of the reports grades; each cell the judgement's row."""
    table = {s: report_table.row(index.documents[s], index.records.get(s)) for s in chosen}
    columns = tuple(c for c in wording.JUDGEMENT_COLUMNS if any(_span(table[s], c) for s in chosen))
    graded = [
        s for s in chosen if any(_span(table[s], c) for c in columns)
    ]  # a report without grades has no row
    rows = tuple((s, tuple(_span(table[s], c) for c in columns)) for s in graded)
    return Comparison(columns, rows)


def by_subject(chosen: list[str], topic: str, best: Callable[[str], answering.Evidence | None]) -> Comparison:
    """One column, the subject: each report's best sentence about it, or None."""
    return Comparison((topic,), tuple((s, (best(s),)) for s in chosen))


def _span(row: report_table.Row, column: str) -> answering.Evidence | None:
    cell = row.cells.get(column)
    if cell is None or cell.start is None or cell.end is None:
        return None
    return answering.Evidence(row.source, cell.start, cell.end, 1.0, 1.0, 1.0)


def cited(comparison: Comparison, documents: dict[str, Document]) -> tuple[list[Citation], dict]:
    """Citations numbered row by row, and the table for ask --json (cells: the citation's number, or
    not_covered)."""
    citations: list[Citation] = []
    rows = []
    for source, cells in comparison.rows:
        out = []
        for ev in cells:
            if ev is None:
                out.append({"not_covered": True})
                continue
            citations.append(answering.cite(len(citations) + 1, documents[source], ev))
            out.append({"n": len(citations), "quote": citations[-1].quote})
        doc = documents[source]
        rows.append({"source": source, "title": doc.title, "date": doc.metadata.get("date"), "cells": out})
    return citations, {"columns": list(comparison.columns), "rows": rows}


def note(comparison: Comparison, topic: str) -> str:
    """How the comparison was made, in plain words."""
    on = f"on {topic!r}" if topic else "on their graded judgements"
    gaps = sum(c is None for _, cells in comparison.rows for c in cells)
    missing = f"; {gaps} cell(s) not covered: the report says nothing that answers" if gaps else ""
    return f"Compared {len(comparison.rows)} report(s) {on}, each cell quoted from its report{missing}."


def label(text: str) -> str:
    """A column heading from the question's words."""
    return re.sub(r"\s+", " ", text).strip().capitalize() or "Subject"
