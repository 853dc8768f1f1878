"""Word .docx: check the zip first, then walk the body in order, paragraphs and table rows alike."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

from bot.errors import SkipDocument
from bot.loaders.prose import assemble
from bot.schema import Extracted

PARSER = "docx-1"
MAX_UNPACKED = 200 * 1024 * 1024  # bytes the archive may declare once unpacked
MAX_MEMBERS = 10_000


def extract(data: bytes) -> Extracted:
    """Paragraphs and table rows ('cell  cell') in body order, with a paragraph map and the title."""
    check_zip(data)
    try:
        doc = _open(data)
        paragraphs = [p for p in _body(doc) if p]
        title = _title(doc)
    except SkipDocument:
        raise
    except Exception as exc:  # python-docx and lxml raise many kinds on damaged files; any means skip
        raise SkipDocument(f"unreadable .docx ({type(exc).__name__})") from None
    text, spans = assemble(paragraphs)
    return Extracted(text=text, paragraphs=spans, title=title, parser=PARSER)


def check_zip(data: bytes, limit: int = MAX_UNPACKED) -> None:
    """Refuse what is not a zip, or declares more unpacked bytes or members than we will inflate.

    Declared sizes are what a zip bomb inflates to; zipfile stops reading a member at its declared size
    (and then fails its CRC check), so a member that lies about its size cannot exceed the limit either.
    """
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            members = archive.infolist()
    except Exception:  # BadZipFile, NotImplementedError for odd versions, EOFError, ...: all mean skip
        raise SkipDocument("not a .docx (not a zip archive)") from None
    if len(members) > MAX_MEMBERS:
        raise SkipDocument(f".docx has {len(members)} parts (possible zip bomb)")
    total = sum(m.file_size for m in members)
    if total > limit:
        raise SkipDocument(
            f".docx unpacks to {total // 2**20} MB, over the {limit // 2**20} MB limit (zip bomb?)"
        )
    if "word/document.xml" not in {m.filename for m in members}:
        raise SkipDocument("not a Word document (no word/document.xml)")


def _open(data: bytes) -> Any:
    """Open with python-docx (its XML parser does not resolve entities, so no entity bombs)."""
    import docx

    return docx.Document(io.BytesIO(data))


def _body(doc: Any) -> Iterator[str]:
    """Body paragraphs and table rows in document order (Document.paragraphs would skip tables)."""
    yield from _blocks(doc.element.body, doc)


def _blocks(parent: Any, doc: Any) -> Iterator[str]:
    """Walk w:p, w:tbl and content controls (w:sdt, e.g. a table of contents) under one element."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in parent.iterchildren():
        tag = child.tag.rsplit("}", 1)[-1] if isinstance(child.tag, str) else ""
        if tag == "p":
            yield _clean(Paragraph(child, doc).text)
        elif tag == "tbl":
            yield from _rows(Table(child, doc))
        elif tag in ("sdt", "sdtContent", "customXml"):
            yield from _blocks(child, doc)


def _rows(table: Any) -> Iterator[str]:
    """Each row as one line; a merged cell is reported once per grid column, so repeats are dropped."""
    for row in table.rows:
        cells: list[str] = []
        last = None
        for cell in row.cells:
            if cell._tc is not last:
                text = _clean(cell.text)
                if text:
                    cells.append(text)
            last = cell._tc
        yield "  ".join(cells)


def _clean(text: str) -> str:
    """One line: line breaks and tabs inside a paragraph become single spaces."""
    return " ".join(text.split())


def _title(doc: Any) -> str | None:
    """The title in the document properties, else the first Title- or Heading-styled paragraph."""
    title = _clean(doc.core_properties.title or "")
    if title:
        return title
    for para in doc.paragraphs:
        style = (para.style.name if para.style is not None else "") or ""
        if (style == "Title" or style.startswith("Heading")) and para.text.strip():
            return _clean(para.text)
    return None
