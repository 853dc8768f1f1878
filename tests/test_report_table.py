"""The reports table: one row per report, each cell with the span that states it; CSV."""

from __future__ import annotations

import csv
import io

from bot import report_table
from bot.records import extract
from bot.schema import Document

try:
    from test_records import ILACS
except ImportError:  # tests/ imported as a package
    from tests.test_records import ILACS


def test_a_row_holds_each_fact_and_grade_with_its_span():
    doc = Document("barset/r.pdf", ILACS, {"organisation": "Barset", "title": "Barset"})
    (row,) = report_table.rows({doc.source: doc}, {doc.source: extract(doc)})
    cells = row.cells
    assert cells["Lead inspector"].value == "Tracey Ledder"
    assert cells["Inspected"].value == "2018-04-16 to 2018-04-20"
    assert cells["Overall effectiveness"].value == "Good" and cells["Care leavers"].value == "Inadequate"
    assert cells["Help and protection"].value == "Requires improvement"
    assert ILACS[cells["Inspected"].start : cells["Inspected"].end].startswith("Inspection dates: 16 April")
    for column in ("Lead inspector", "Overall effectiveness", "Children in care"):
        cell = cells[column]
        assert (
            cell.start is not None
            and cell.value.split(" ")[0].lower() in ILACS[cell.start : cell.end].lower()
        )


def test_a_document_without_a_record_keeps_its_catalogue_facts_without_spans():
    doc = Document("x.txt", "Some text.", {"organisation": "X", "date": "2020-01-02"})
    (row,) = report_table.rows({doc.source: doc}, {})
    assert (
        row.cells["Published"] == report_table.Cell("2020-01-02") and row.cells["Organisation"].start is None
    )


def test_csv_has_the_columns_and_the_source():
    doc = Document("barset/r.pdf", ILACS, {"organisation": "Barset", "title": "Barset"})
    table = report_table.rows({doc.source: doc}, {doc.source: extract(doc)})
    lines = list(csv.DictReader(io.StringIO(report_table.as_csv(table))))
    assert lines[0]["Lead inspector"] == "Tracey Ledder" and lines[0]["Source"] == "barset/r.pdf"
    assert list(lines[0])[: len(report_table.COLUMNS)] == list(report_table.COLUMNS)
