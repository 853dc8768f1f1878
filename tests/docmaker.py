"""Build fixture documents for loader tests: PDFs laid out like inspection reports, .docx files, HTML."""

from __future__ import annotations

import io
import struct
import textwrap
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

HEADER = ("Inspection of Testshire local authority children's services", "1 to 5 May 2025 {n}")
TABLE = (
    ("The impact of leaders on social work practice with children and families", "Outstanding"),
    ("The experiences and progress of children who need help and protection", "Good"),
    ("The experiences and progress of care leavers", "Requires improvement to be good"),
    ("Overall effectiveness", "Good"),
)
_WIDTH = 80  # characters per body line: every paragraph is hard-wrapped like a real report


def make_pdf(
    path: Path,
    pages: Sequence[Sequence[str]],
    header: Sequence[str] | None = HEADER,
    footer: str | None = None,
    table: Sequence[tuple[str, str]] | None = None,
    title: str | None = None,
    hidden: str | None = None,
    heading: str | None = None,
) -> Path:
    """A report-like PDF: running header on pages 2+ ('{n}' is the page number), optional footer on
    every page, an optional grade table on page 1, and paragraphs in the strings of each page.

    Paragraph strings: '# text' is a bold heading, '14. text' a numbered paragraph with a hanging
    indent, '• text' a bullet (a Symbol-font glyph, as Word writes), anything else plain prose.
    A '\\n' forces a line break (to test hyphens at line ends); otherwise lines wrap at 80 characters.
    hidden: text drawn on page 1 in render mode 3 (invisible), as OCR layers are.
    heading: a large title at the top of page 1; title: the PDF's /Title metadata.
    """
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(20, 20, 20)
    if title:
        pdf.set_title(title)
    for n, paragraphs in enumerate(pages, start=1):
        pdf.add_page()
        if header and n > 1:
            _running(pdf, [line.format(n=n) for line in header], y=8)
        pdf.set_xy(20, 25)
        if n == 1 and heading:
            pdf.set_font("Helvetica", size=20)
            for line in textwrap.wrap(heading, 45):
                pdf.cell(0, 9, line, new_x="LMARGIN", new_y="NEXT")
            pdf.ln(4)
        if n == 1 and table:
            _table(pdf, table)
        if n == 1 and hidden:
            _hidden(pdf, hidden)
        for para in paragraphs:
            _paragraph(pdf, para)
        if footer:
            _running(pdf, [footer.format(n=n)], y=285)
    path.write_bytes(bytes(pdf.output()))
    return path


def _running(pdf: Any, lines: list[str], y: float) -> None:
    """Header or footer lines in a small font at a fixed height."""
    pdf.set_font("Helvetica", size=8)
    pdf.set_xy(20, y)
    for line in lines:
        pdf.cell(0, 4, line, new_x="LMARGIN", new_y="NEXT")


def _table(pdf: Any, rows: Sequence[tuple[str, str]]) -> None:
    """A judgement table: label cell wrapped in a narrow column, grade cell to its right on the row's top."""
    pdf.set_font("Helvetica", "B", 11)
    pdf.cell(90, 6, "Judgement")
    pdf.cell(60, 6, "Grade", new_x="LMARGIN", new_y="NEXT")
    pdf.set_font("Helvetica", size=11)
    for label, grade in rows:
        top = pdf.get_y() + 3
        pdf.set_xy(20, top)
        for line in textwrap.wrap(label, 40):
            pdf.cell(90, 5.5, line, new_x="LMARGIN", new_y="NEXT")
        bottom = pdf.get_y()
        pdf.set_xy(115, top)
        pdf.cell(60, 5.5, grade)
        pdf.set_xy(20, bottom)
    pdf.ln(6)


def _hidden(pdf: Any, text: str) -> None:
    """Invisible text (render mode 3), drawn where a reader sees nothing."""
    from fpdf.enums import TextMode

    pdf.set_font("Helvetica", size=11)
    with pdf.local_context(text_mode=TextMode.INVISIBLE):  # q ... Q, so the mode ends with the text
        pdf.cell(0, 5.5, text, new_x="LMARGIN", new_y="NEXT")


def _paragraph(pdf: Any, para: str) -> None:
    """One paragraph as hard-wrapped lines, then a gap wider than the line pitch."""
    if para.startswith("# "):
        pdf.set_font("Helvetica", "B", 13)
        for line in _wrap(para[2:]):
            pdf.cell(0, 6.5, line, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
        return
    pdf.set_font("Helvetica", size=11)
    marker, indent, body = _marker(para)
    for i, line in enumerate(_wrap(body, _WIDTH - 6 if indent else _WIDTH)):
        pdf.set_x(20)
        if i == 0 and marker:
            _draw_marker(pdf, marker)
        pdf.set_x(20 + indent)
        pdf.cell(0, 5.5, line, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(3.5)


def _marker(para: str) -> tuple[str, float, str]:
    """A paragraph number or bullet, the hanging indent it needs, and the rest of the text."""
    head, _, rest = para.partition(" ")
    if head == "•":
        return head, 6.0, rest
    if head.endswith(".") and head[:-1].isdigit():
        return head, 8.0, rest
    return "", 0.0, para


def _draw_marker(pdf: Any, marker: str) -> None:
    """Bullets in the Symbol font (code 0xB7 is its bullet), numbers in the body font."""
    if marker == "•":
        pdf.set_font("Symbol", size=11)
        pdf.cell(6, 5.5, "\u00b7")
        pdf.set_font("Helvetica", size=11)
    else:
        pdf.cell(8, 5.5, marker)


def _wrap(text: str, width: int = _WIDTH) -> list[str]:
    """Forced breaks first, then ordinary wrapping that never splits at hyphens."""
    lines: list[str] = []
    for chunk in text.split("\n"):
        lines.extend(textwrap.wrap(chunk, width, break_on_hyphens=False, break_long_words=False) or [""])
    return lines


def make_encrypted_pdf(path: Path, source: Path, user_password: str = "secret") -> Path:
    """A copy of a PDF locked with a password (RC4, which pypdf opens without extra packages)."""
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(source))
    writer.encrypt(user_password=user_password, owner_password="owner", algorithm="RC4-128")
    with path.open("wb") as fh:
        writer.write(fh)
    return path


def make_zero_page_pdf(path: Path) -> Path:
    """A well-formed PDF whose page tree is empty."""
    from pypdf import PdfWriter

    buffer = io.BytesIO()
    PdfWriter().write(buffer)
    path.write_bytes(buffer.getvalue())
    return path


def make_corrupt_pdf(path: Path) -> Path:
    """Bytes that start like a PDF and then are garbage."""
    path.write_bytes(b"%PDF-1.7\n" + bytes(range(256)) * 40 + b"\n%%EOF\n")
    return path


def make_docx(
    path: Path,
    paragraphs: Sequence[str],
    table_rows: Sequence[Sequence[str]] = (),
    title: str | None = None,
    heading: str | None = None,
    after_table: Sequence[str] = (),
) -> Path:
    """A .docx: optional Heading 1, paragraphs, a table, then more paragraphs."""
    import docx

    document = docx.Document()
    if title is not None:
        document.core_properties.title = title
    if heading:
        document.add_heading(heading, level=1)
    for text in paragraphs:
        document.add_paragraph(text)
    if table_rows:
        table = document.add_table(rows=0, cols=len(table_rows[0]))
        for row in table_rows:
            cells = table.add_row().cells
            for cell, text in zip(cells, row):
                cell.text = text
    for text in after_table:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def make_zip_bomb_docx(path: Path, source: Path, declared: int = 4_000_000_000) -> Path:
    """A copy of a .docx whose central directory claims one part unpacks to `declared` bytes."""
    data = bytearray(source.read_bytes())
    at = data.find(b"PK\x01\x02")  # first central directory entry; uncompressed size sits at +24
    struct.pack_into("<I", data, at + 24, min(declared, 0xFFFFFFFE))
    path.write_bytes(bytes(data))
    return path


def make_many_parts_zip(path: Path, parts: int = 20) -> Path:
    """A real zip of many small parts that add up past a given limit when the limit is set low."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", "<w:document/>")
        for i in range(parts):
            archive.writestr(f"word/media/{i}.bin", b"\0" * 100_000)
    return path


def html_page(body: str, title: str | None = "Test page", head: str = "") -> bytes:
    """An HTML document around a body fragment."""
    title_tag = f"<title>{title}</title>" if title is not None else ""
    return f"<!DOCTYPE html><html><head>{title_tag}{head}</head><body>{body}</body></html>".encode()
