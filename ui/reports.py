"""The reports page: every report's record in one table, filtered and sorted, each cell opening its span;
reports chosen there are compared in the chat."""

from __future__ import annotations

from collections.abc import Iterator

import streamlit as st

from bot import comparisons, report_table
from bot.engine import Engine
from bot.metadata import report_year
from bot.report_order import report_date
from bot.retrieval import Filters
from bot.schema import Document
from ui import state
from ui.render import md_escape
from ui.routes import ASK, switch_to
from ui.viewer import source_dialog

NUMBER = "#"  # the rows' order as listed (sorting by it puts them back)
GRADES = ("Outstanding", "Good", "Requires improvement to be good", "Requires improvement", "Inadequate")


def reports_page(engine: Engine) -> None:
    """The table of report records with filters, a CSV download and the source of any chosen cell."""
    st.title("Reports at a glance", anchor=False)
    st.caption(
        "Every report's facts as it states them. Click a column to sort; choose a cell to open the "
        "report at the line that says it; choose reports below to compare them in the chat."
    )
    table = report_table.rows(engine.index.documents, engine.index.records)
    shown = _filtered(table)
    st.caption(md_escape(f"{len(shown)} of {len(table)} reports."))
    picked = st.dataframe(
        _numbered(shown), hide_index=True, width="stretch", key="reports-table", on_select="rerun",
        selection_mode="single-cell", column_config={NUMBER: st.column_config.NumberColumn(width=40)},
    )  # fmt: skip
    st.download_button(
        "Download as CSV", report_table.as_csv(shown), "reports.csv", "text/csv", key="reports-csv",
        on_click="ignore", icon=":material/download:",
    )  # fmt: skip
    compare_chosen(engine, table)
    _open_picked(engine, shown, picked)


def _numbered(shown: list[report_table.Row]) -> list[dict[str, object]]:
    """The rows as the table shows them, numbered from 1 in a first column that opens nothing.

    A click on a column's header that first focuses the grid also selects the first cell of the first
    row: that cell is a number, so sorting never opens a report.
    """
    return [
        {NUMBER: n, **{c: row.cells.get(c, report_table.Cell("")).value for c in report_table.COLUMNS}}
        for n, row in enumerate(shown, 1)
    ]


@st.dialog("Report card", width="large")
def report_card(engine: Engine, source: str) -> None:
    """One report's record: each fact with the line of the report that states it."""
    doc = engine.document(source)
    if doc is None:
        st.error(md_escape(f"The report {source} is no longer in the index."))
        return
    row = report_table.row(doc, engine.index.records.get(source))
    st.markdown(f"**{md_escape(row.title)}**")
    st.caption(md_escape(f"file {source}"))
    for column in report_table.COLUMNS:
        cell = row.cells.get(column)
        if cell is None or not cell.value:
            continue
        st.markdown(f"**{md_escape(column)}**: {md_escape(cell.value)}")
        if cell.start is not None:
            st.caption(md_escape("“" + " ".join(doc.text[cell.start : cell.end].split()) + "”"))


def _filtered(table: list[report_table.Row]) -> list[report_table.Row]:
    """The rows matching the organisation text, report kinds and overall grades chosen."""
    with st.container(horizontal=True):
        words = st.text_input("Organisation", key="reports-org", placeholder="e.g. Dorset").strip().lower()
        kinds = sorted({r.cells["Report"].value for r in table if r.cells["Report"].value})
        chosen = st.multiselect("Report", kinds, key="reports-kind", placeholder="All kinds")
        grades = st.multiselect("Overall effectiveness", GRADES, key="reports-grade", placeholder="Any grade")
    return [
        r for r in table
        if (not words or words in r.cells["Organisation"].value.lower())
        and (not chosen or r.cells["Report"].value in chosen)
        and (not grades or r.cells.get("Overall effectiveness", report_table.Cell("")).value in grades)
    ]  # fmt: skip


def _open_picked(engine: Engine, shown: list[report_table.Row], picked: object) -> None:
    """Open the chosen cell's span in the source viewer (a cell without a span says where it came from)."""
    cells = getattr(getattr(picked, "selection", None), "cells", None) or []
    if not cells:
        return
    row_at, column = cells[0]
    if not 0 <= row_at < len(shown) or column not in report_table.COLUMNS:
        return
    row = shown[row_at]
    cell = row.cells.get(column, report_table.Cell(""))
    if cell.start is None:
        st.info(
            md_escape(f"{column} of {row.title}: not stated in the report's text."), icon=":material/info:"
        )
        return
    source_dialog(engine, row.source, cell.start, cell.end, None)


def compare_chosen(engine: Engine, table: list[report_table.Row]) -> None:
    """Choose reports and a subject, then ask the chat the question that compares exactly those reports."""
    st.subheader("Compare reports", anchor=False)
    labels = _labels(table)
    chosen = st.multiselect(
        "Reports to compare", list(labels), key="compare-reports", format_func=labels.get,
        placeholder="Choose two or more reports",
    )  # fmt: skip
    subject = st.text_input(
        "On (optional)", key="compare-subject", max_chars=200,
        placeholder="e.g. care leavers; leave empty to compare their graded judgements",
    )  # fmt: skip
    question, reason = comparison_question(engine, chosen, subject)
    if question:
        st.caption(md_escape(f"Asks the chat “{question}”, searching only these {len(chosen)} reports."))
    pressed = st.button(
        "Compare in the chat", key="compare-go", disabled=bool(reason), on_click=state.compare_in_chat,
        args=(question, chosen), icon=":material/compare_arrows:", type="primary",
    )  # fmt: skip
    if reason:
        st.caption(md_escape(reason))
    if pressed:
        switch_to(ASK)


def comparison_question(engine: Engine, chosen: list[str], subject: str) -> tuple[str, str]:
    """The question whose plan compares exactly the chosen reports, or "" and why there is none."""
    documents = engine.index.documents
    chosen = [s for s in chosen if s in documents]
    if len(chosen) < 2:
        return "", "Choose two or more reports to compare them."
    if len(chosen) > comparisons.MAX_REPORTS:
        return "", f"Choose at most {comparisons.MAX_REPORTS} reports to compare them."
    docs = sorted(
        (documents[s] for s in chosen), key=lambda d: (d.metadata.get("organisation", ""), report_date(d))
    )
    unnamed = next((d for d in docs if not d.metadata.get("organisation")), None)
    if unnamed is not None:
        return "", f"“{unnamed.title}” names no organisation, so a question cannot pick it out."
    for question in _wordings(docs, " ".join(subject.split())):
        if _compares_exactly(engine, question, chosen):
            return question, ""
    return "", _why_not(docs)


def _wordings(docs: list[Document], subject: str) -> Iterator[str]:
    """Questions naming the reports: each organisation with its report's year, else organisations alone."""
    on = f" on {subject.removeprefix('on ')}" if subject else ""
    years = [report_year(d.metadata) for d in docs]
    if all(years):
        yield "Compare " + _listed([f"{d.metadata['organisation']} {y}" for d, y in zip(docs, years)]) + on
    yield "Compare " + _listed([d.metadata["organisation"] for d in docs]) + on


def _listed(names: list[str]) -> str:
    """'A and B', 'A, B and C' (each name once)."""
    names = list(dict.fromkeys(names))
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def _compares_exactly(engine: Engine, question: str, chosen: list[str]) -> bool:
    """Whether the chat, searching only the chosen reports, would read the question as comparing them all."""
    history = [engine.turn(q, quoted) for q, quoted in state.history()]
    plan, _ = engine.plan(question, Filters(sources=tuple(chosen)), history)
    if plan.wants != "compare" or plan.scope.outside:
        return False
    return set(comparisons.reports(plan, engine.index.documents)) == set(chosen)


def _why_not(docs: list[Document]) -> str:
    """Why no question picks exactly these reports, in one line."""
    keys = [(d.metadata["organisation"], report_year(d.metadata)) for d in docs]
    twice = next((k for i, k in enumerate(keys) if k in keys[:i]), None)
    if twice is not None:
        which = f"{twice[0]} {twice[1]}" if twice[1] else f"{twice[0]} with no year"
        return f"Two chosen reports are both {which}: a question cannot tell them apart."
    orgs = [org for org, _ in keys]
    undated = next((org for org, year in keys if not year and orgs.count(org) > 1), None)
    if undated is not None:
        return (
            f"A {undated} report has no year, so a question cannot tell it from the other {undated} report."
        )
    return "A question naming these reports would not compare exactly them; try another subject or choice."


def _labels(table: list[report_table.Row]) -> dict[str, str]:
    """Each report as the table shows it: organisation, kind and publication date (the file if needed)."""
    labels = {
        r.source: " · ".join(
            filter(None, (r.cells[c].value for c in ("Organisation", "Report", "Published")))
        ) or r.title
        for r in table
    }  # fmt: skip
    twice = {v for v in labels.values() if list(labels.values()).count(v) > 1}
    return {s: f"{v} · {s}" if v in twice else v for s, v in labels.items()}
