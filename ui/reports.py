"""The reports page: every report's record in one table, filtered and sorted, each cell opening its span."""

from __future__ import annotations

import streamlit as st

from bot import report_table
from bot.engine import Engine
from ui.render import md_escape
from ui.viewer import source_dialog

GRADES = ("Outstanding", "Good", "Requires improvement to be good", "Requires improvement", "Inadequate")


def reports_page(engine: Engine) -> None:
    """The table of report records with filters, a CSV download and the source of any chosen cell."""
    st.title("Reports at a glance", anchor=False)
    st.caption(
        "Every report's facts as it states them. Click a column to sort; choose a cell to open the "
        "report at the line that says it."
    )
    table = report_table.rows(engine.index.documents, engine.index.records)
    shown = _filtered(table)
    st.caption(md_escape(f"{len(shown)} of {len(table)} reports."))
    data = [{c: row.cells.get(c, report_table.Cell("")).value for c in report_table.COLUMNS} for row in shown]
    picked = st.dataframe(
        data, hide_index=True, width="stretch", key="reports-table", on_select="rerun",
        selection_mode="single-cell",
    )  # fmt: skip
    st.download_button(
        "Download as CSV", report_table.as_csv(shown), "reports.csv", "text/csv", key="reports-csv",
        on_click="ignore", icon=":material/download:",
    )  # fmt: skip
    _open_picked(engine, shown, picked)


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
    if not 0 <= row_at < len(shown):
        return
    row = shown[row_at]
    cell = row.cells.get(column, report_table.Cell(""))
    if cell.start is None:
        st.info(
            md_escape(f"{column} of {row.title}: not stated in the report's text."), icon=":material/info:"
        )
        return
    source_dialog(engine, row.source, cell.start, cell.end, None)
