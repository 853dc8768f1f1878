"""HTML and .docx loaders: what is kept, what is dropped, and what is refused."""

from __future__ import annotations

from pathlib import Path

import docmaker
import pytest

from bot.errors import SkipDocument
from bot.loaders import docx, html
from bot.schema import Extracted

PROSE = (
    "Inspectors found that leaders know their services well and act quickly on what they learn. "
    "Children are seen regularly by social workers who know them well."
)
ARTICLE = f"""
<nav><a href="/">Home</a> | <a href="/reports">Reports</a></nav>
<h1>Inspection of Testshire</h1>
<p>{PROSE}</p>
<p>The formula $x$ stays as written, and so does [the link text](https://example.org/report) here.</p>
<p hidden>Hidden by attribute should never be indexed.</p>
<p style="color: red; DISPLAY : none">Hidden by display none.</p>
<div style="visibility:hidden"><p>Hidden by visibility.</p></div>
<p>Second paragraph line one<br>and line two, joined as one paragraph of prose for the reader.</p>
<script>document.write("SCRIPT TEXT"); var secret = "SCRIPT TEXT";</script>
<table><tr><th>Judgement</th><th>Grade</th></tr><tr><td>Overall effectiveness</td><td>Good</td></tr></table>
<p>{PROSE} This closing paragraph makes the page long enough to be the main content.</p>
"""
STYLE = "<style>p { content: 'STYLE TEXT'; }</style><script>var HEAD_SCRIPT = 1;</script>"


@pytest.fixture(scope="module")
def page() -> Extracted:
    return html.extract(docmaker.html_page(ARTICLE, title="Testshire report", head=STYLE))


def test_html_main_text_kept_in_paragraphs(page: Extracted) -> None:
    paras = page.text.split("\n\n")
    assert PROSE in paras
    assert "Second paragraph line one and line two, joined as one paragraph of prose for the reader." in paras
    assert page.parser == "html-1"
    assert [p.number for p in page.paragraphs] == [str(i + 1) for i in range(len(paras))]
    for span, para in zip(page.paragraphs, paras):
        assert page.text[span.start : span.end] == para


def test_html_scripts_and_styles_never_appear(page: Extracted) -> None:
    for leaked in ("SCRIPT TEXT", "secret", "HEAD_SCRIPT", "STYLE TEXT", "content:"):
        assert leaked not in page.text


def test_html_hidden_elements_dropped(page: Extracted) -> None:
    assert "Hidden" not in page.text


def test_html_math_and_markdown_kept_literally(page: Extracted) -> None:
    assert (
        "The formula $x$ stays as written, and so does [the link text](https://example.org/report) here."
        in (page.text)
    )


def test_html_table_rows_as_lines(page: Extracted) -> None:
    assert "Overall effectiveness  Good" in page.text.split("\n\n")


def test_html_title_from_title_tag_then_h1(page: Extracted) -> None:
    assert page.title == "Testshire report"
    untitled = html.extract(docmaker.html_page(ARTICLE, title=None))
    assert untitled.title == "Inspection of Testshire"


def test_html_short_page_falls_back_to_plain_text() -> None:
    body = (
        "<p>Tiny <script>alert('SCRIPT TEXT')</script>note.</p><p hidden>gone</p>"
        "<table><tr><td>a</td><td>b</td></tr></table>"
    )
    extracted = html.extract(docmaker.html_page(body))
    assert extracted.text.split("\n\n") == ["Tiny note.", "a  b"]


def test_html_in_a_legacy_charset() -> None:
    data = docmaker.html_page(f"<p>Caf\u00e9 culture. {PROSE}</p>", head='<meta charset="windows-1252">')
    extracted = html.extract(data.decode("utf-8").encode("cp1252"))
    assert "Café culture." in extracted.text


@pytest.mark.parametrize("data", [b"\x00\x01\x02 binary \xff\xfe" * 50, bytes(range(256)) * 8])
def test_binary_named_html_rejected(data: bytes) -> None:
    with pytest.raises(SkipDocument, match="binary"):
        html.extract(data)


# ---------------------------------------------------------------- .docx

ROWS = [("Judgement", "Grade"), ("Overall effectiveness", "Outstanding"), ("Care leavers", "Good")]


@pytest.fixture
def word(tmp_path: Path) -> Path:
    return docmaker.make_docx(
        tmp_path / "report.docx",
        ["First paragraph before the table.", "Second paragraph,\talso before it."],
        ROWS,
        heading="Inspection of Testshire",
        after_table=["A paragraph after the table."],
    )


def test_docx_paragraphs_and_table_rows_in_order(word: Path) -> None:
    extracted = docx.extract(word.read_bytes())
    assert extracted.text.split("\n\n") == [
        "Inspection of Testshire",
        "First paragraph before the table.",
        "Second paragraph, also before it.",
        "Judgement  Grade",
        "Overall effectiveness  Outstanding",
        "Care leavers  Good",
        "A paragraph after the table.",
    ]
    assert [p.number for p in extracted.paragraphs] == ["1", "2", "3", "4", "5", "6", "7"]
    assert extracted.parser == "docx-1"


def test_docx_title_from_properties_else_heading(tmp_path: Path, word: Path) -> None:
    assert docx.extract(word.read_bytes()).title == "Inspection of Testshire"
    titled = docmaker.make_docx(tmp_path / "t.docx", ["Body."], title="Testshire annual report")
    assert docx.extract(titled.read_bytes()).title == "Testshire annual report"


def test_docx_merged_cells_reported_once(tmp_path: Path) -> None:
    path = docmaker.make_docx(
        tmp_path / "m.docx", ["Intro."], [("Area", "Grade", "Note"), ("Leaders", "Good", "x")]
    )
    import docx as python_docx

    document = python_docx.Document(str(path))
    table = document.tables[0]
    table.cell(0, 1).merge(table.cell(0, 2))
    document.save(str(path))
    # merging moves "Note" into the merged cell; python-docx then yields that cell twice
    assert docx.extract(path.read_bytes()).text.split("\n\n")[1:] == ["Area  Grade Note", "Leaders  Good  x"]


def test_docx_zip_bomb_rejected(tmp_path: Path, word: Path) -> None:
    bomb = docmaker.make_zip_bomb_docx(tmp_path / "bomb.docx", word)
    with pytest.raises(SkipDocument, match="zip bomb"):
        docx.extract(bomb.read_bytes())


def test_docx_size_limit_counts_every_part(tmp_path: Path) -> None:
    path = docmaker.make_many_parts_zip(tmp_path / "parts.docx", parts=20)
    with pytest.raises(SkipDocument, match="over the 1 MB limit"):
        docx.check_zip(path.read_bytes(), limit=2**20)
    docx.check_zip(path.read_bytes())  # 2 MB in all is fine under the real limit


@pytest.mark.parametrize("data", [b"this is not a zip at all", b"PK\x03\x04 truncated", b""])
def test_docx_that_is_not_a_zip_rejected(data: bytes) -> None:
    with pytest.raises(SkipDocument, match="not a zip"):
        docx.extract(data)


def test_zip_without_a_word_document_rejected(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "other.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("hello.txt", "not word")
    with pytest.raises(SkipDocument, match="not a Word document"):
        docx.extract(path.read_bytes())


def test_damaged_word_xml_rejected(tmp_path: Path) -> None:
    import zipfile

    path = tmp_path / "broken.docx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><unclosed>")
    with pytest.raises(SkipDocument, match="unreadable"):
        docx.extract(path.read_bytes())
