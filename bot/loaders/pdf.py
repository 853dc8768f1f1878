"""PDF: pypdf text with positions, running headers and footers removed, lines rebuilt into paragraphs."""

from __future__ import annotations

from bot.errors import SkipDocument
from bot.loaders.pdf_assembly import assemble
from bot.loaders.pdf_layout import meta_title, open_pdf, read_pages
from bot.loaders.pdf_paragraphs import page_blocks
from bot.loaders.pdf_running import strip_running
from bot.loaders.pdf_style import measure
from bot.loaders.pdf_tables import merge_rows
from bot.loaders.pdf_title import choose_title
from bot.schema import Extracted

PARSER = "pdf-1"


def extract(data: bytes, max_pages: int = 2000) -> Extracted:
    """Extract prose from a PDF with a map of PDF pages (and printed page numbers) and numbered paragraphs."""
    reader = open_pdf(data, max_pages)
    meta = meta_title(reader)
    pages = read_pages(reader)
    if not any(line.x is not None for lines in pages for line in lines):
        raise SkipDocument("PDF has no extractable text (scanned images?)")
    pages, printed = strip_running(pages)
    style = measure(pages)
    pages = [merge_rows(lines, style) for lines in pages]
    blocks = [page_blocks(lines, n + 1, style) for n, lines in enumerate(pages)]
    text, page_spans, para_spans = assemble(blocks, printed, style)
    title = choose_title(meta, pages[0] if pages else [], style)
    return Extracted(text=text, pages=page_spans, paragraphs=para_spans, title=title, parser=PARSER)
