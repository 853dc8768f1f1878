"""Document metadata: the catalog first, then what folder, file name and text say."""

from __future__ import annotations

import csv

import pytest

from bot import metadata

HEAD = """Inspection of Barset local authority children's services

Inspection dates: 3 to 14 March 2025

Lead inspector: Jane O'Brien, His Majesty's Inspector

Report published: 9 May 2025
"""


def test_catalog_keeps_extra_columns_and_warns_about_rows_without_a_path(tmp_path):
    (tmp_path / "catalog.csv").write_text(
        "\ufeffpath,title,grade,url\n"
        "barset\\report.pdf,Barset report,Good,\n"
        ",Orphan row,Good,\n"
        "seed.txt,Seed,,https://example.org/seed\n",
        encoding="utf-8",
    )
    catalog, warnings = metadata.read_catalog(tmp_path)
    assert catalog == {
        "barset/report.pdf": {"title": "Barset report", "grade": "Good"},
        "seed.txt": {"title": "Seed", "url": "https://example.org/seed"},
    }
    assert len(warnings) == 1 and "line 3" in warnings[0] and "no path" in warnings[0]


def test_missing_and_unreadable_catalogs(tmp_path):
    assert metadata.read_catalog(tmp_path) == ({}, [])
    (tmp_path / "catalog.csv").write_bytes(b"path,title\nx.txt,Caf\xe9\n")  # cp1252, not UTF-8
    catalog, warnings = metadata.read_catalog(tmp_path)
    assert catalog == {}
    assert len(warnings) == 1 and "catalog.csv" in warnings[0] and "inferred" in warnings[0]


@pytest.mark.parametrize(
    "source, organisation",
    [
        ("80536_oxfordshire/report.pdf", "Oxfordshire"),
        ("2532287_bournemouth, christchurch & poole/x.pdf", "Bournemouth, Christchurch & Poole"),
        ("redcar and cleveland/x.pdf", "Redcar and Cleveland"),
        ("telford_&_wrekin/x.pdf", "Telford & Wrekin"),
        ("reports/x.pdf", None),
        ("x.pdf", None),
    ],
)
def test_organisation_from_folder(source, organisation):
    assert metadata.infer(source, "", None, None).get("organisation") == organisation


def test_organisation_from_text_when_no_folder_names_it():
    meta = metadata.infer("transcript.txt", "HMI's assessment of West Midlands Police. The force", None, None)
    assert meta["organisation"] == "West Midlands Police"
    assert meta["inspectorate"] == "HMIC"


def test_an_inspectorate_named_only_past_the_opening_pages_is_found():
    text = "Barset children's services inspection.\n\n" + "Children are seen promptly. " * 400
    text += "Ofsted will monitor progress."
    assert metadata.infer("barset/x.pdf", text, None, None)["inspectorate"] == "Ofsted"


def test_date_and_type_from_the_file_name():
    meta = metadata.infer("dorset/children's services inspection - 09 may 2025.pdf", "", None, None)
    assert meta["date"] == "2025-05-09"
    assert meta["year"] == "2025"
    assert meta["document_type"] == "children's services inspection"
    assert meta["organisation"] == "Dorset"
    assert meta["title"] == "Children's services inspection 09 may 2025"


def test_inspector_and_dates_from_the_text():
    meta = metadata.infer("barset/report.pdf", HEAD, "Inspection of Barset", None)
    assert meta["inspector"] == "Jane O'Brien"
    assert meta["inspection_dates"] == "3 to 14 March 2025"
    assert meta["date"] == "2025-05-09"  # from "Report published"
    assert meta["year"] == "2025"
    assert meta["title"] == "Inspection of Barset"
    assert "document_type" not in meta


@pytest.mark.parametrize(
    "line, dates",
    [
        ("Inspection dates: 2 to 13 December 2024", "2 to 13 December 2024"),
        ("Inspection date: 13 January 2015 – 4 February 2015\nNext", "13 January 2015 – 4 February 2015"),
        ("Inspection date: 4 June 2018–28 June 2018", "4 June 2018–28 June 2018"),
        ("Inspection dates: 2 December 2024 to 10 January 2025", "2 December 2024 to 10 January 2025"),
    ],
)
def test_inspection_date_ranges_are_kept_whole(line, dates):
    meta = metadata.infer("x.txt", line, None, None)
    assert meta["inspection_dates"] == dates
    assert meta["year"] == dates[-4:]  # the year the inspection ended


@pytest.mark.parametrize(
    "line",
    [
        "Lead inspector: Dominic Stevens Her Majesty’s Inspector",
        "Lead inspector: Dominic Stevens, His Majesty’s Inspector",
        "Lead inspector: Dominic Stevens HMI",
    ],
)
def test_inspector_name_without_the_title(line):
    assert metadata.infer("x.txt", line, None, None)["inspector"] == "Dominic Stevens"


def test_hmi_named_when_there_is_no_lead_inspector_line(seed_text):
    meta = metadata.infer("seed.txt", seed_text, None, None)
    assert meta["inspector"] == "HMI Wendy Williams"
    assert meta["organisation"] == "West Midlands Police"


def test_catalog_wins_over_inference():
    row = {"title": "Catalogued title", "inspector": "Sam Lee", "date": "2017-03-02", "grade": "Good"}
    meta = metadata.infer("barset/children's services inspection - 09 may 2025.pdf", HEAD, "Extracted", row)
    assert meta["title"] == "Catalogued title"
    assert meta["inspector"] == "Sam Lee"
    assert meta["date"] == "2017-03-02"
    assert meta["grade"] == "Good"
    assert meta["organisation"] == "Barset"  # inferred values the catalog does not give stay
    assert meta["year"] == "2025"  # inspection dates (inferred) come before the date


@pytest.mark.parametrize(
    "text, iso",
    [
        ("published 9 May 2025", "2025-05-09"),
        ("1st December 2016", "2016-12-01"),
        ("report - 30 june 2014", "2014-06-30"),
        ("31 February 2024", None),
        ("May 2025", None),
    ],
)
def test_parse_date(text, iso):
    assert metadata.parse_date(text) == iso


def test_month_years():
    assert metadata.month_years("between March 2024 and january 2025") == [(2024, 3), (2025, 1)]


def test_real_catalog_file_names_give_the_publication_date(shared_dir):
    path = shared_dir / "corpora" / "ofsted-ilacs" / "catalog.csv"
    if not path.is_file():
        pytest.skip(f"{path} is absent")
    with path.open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert rows
    for row in rows:
        day, month, year = row["publication_date"].split("/")
        assert metadata.parse_date(row["pdf_filename"]) == f"20{year}-{month}-{day}", row["pdf_filename"]


def test_real_reports_give_inspector_and_inspection_year(shared_dir):
    """A few real Ofsted PDFs: what the text says matches the catalog's gold values."""
    from bot.loaders import extract

    corpus = shared_dir / "corpora" / "ofsted-ilacs"
    if not (corpus / "catalog.csv").is_file():
        pytest.skip(f"{corpus} is absent")
    with (corpus / "catalog.csv").open(newline="", encoding="utf-8") as fh:
        rows = [r for r in csv.DictReader(fh) if r["inspector_name"]][::15]
    assert len(rows) >= 3
    for row in rows:
        (path,) = (corpus / "reports").glob(f"{row['urn']}_*/{row['pdf_filename']}")
        source = path.relative_to(corpus / "reports").as_posix()
        text = extract(path, path.read_bytes()).text
        meta = metadata.infer(source, text, None, None)
        assert meta["inspector"] == row["inspector_name"], source
        assert meta["year"] == row["inspection_end_date"][-4:], source
        assert meta["organisation"].lower() == row["local_authority"], source


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Lambeth ILACS Oct/Nov 22 - headcount?", "Lambeth ILACS Oct/Nov 2022 - headcount?"),
        ("redcar sept 22 inspection", "redcar sept 2022 inspection"),
        ("tameside dec '23: who led it", "tameside dec 2023: who led it"),
        ("the May 19 report", "the May 2019 report"),
        # days, full years and the verb are left alone
        ("visited on Nov 22nd", "visited on Nov 22nd"),
        ("Nov 22, 2022", "Nov 22, 2022"),
        ("March 2022", "March 2022"),
        ("care leavers may 18 or over", "care leavers may 18 or over"),
        ("children aged 16 to 17", "children aged 16 to 17"),
    ],
)
def test_a_months_two_digit_year_is_written_in_full(text, expected):
    assert metadata.full_years(text) == expected
