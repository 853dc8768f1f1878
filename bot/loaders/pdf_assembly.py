"""PDF document text: page blocks joined across page breaks and laid out, with page and paragraph spans."""

from __future__ import annotations

from bot.loaders.pdf_paragraphs import SENTENCE_END, Block, join_pieces
from bot.loaders.pdf_style import Style
from bot.schema import PageSpan, ParagraphSpan


def assemble(
    pages: list[list[Block]], printed: list[str | None], style: Style
) -> tuple[str, tuple[PageSpan, ...], tuple[ParagraphSpan, ...]]:
    """Lay paragraphs out with blank lines between them; record page and paragraph ranges."""
    chunks: list[str] = []
    marks: list[tuple[int, int]] = []  # (offset, page) where each page's text begins
    ranges: list[tuple[int, int, Block]] = []
    pos = 0
    for parts in _paragraphs(pages, style):
        start = pos + 2 if chunks else 0
        para = ""
        for part in parts:
            para = join_pieces(para, part.text, style.words) if para else part.text
            if not marks or marks[-1][1] != part.page:
                marks.append((start + len(para) - len(part.text), part.page))
        chunks.append(para)
        pos = start + len(para)
        ranges.append((start, pos, parts[0]))
    text = "\n\n".join(chunks)
    return text, _page_spans(marks, len(text), printed), _para_spans(ranges)


def _paragraphs(pages: list[list[Block]], style: Style) -> list[list[Block]]:
    """Paragraphs as lists of per-page parts, joining those that run across a page break.

    Footnotes at the foot of the earlier page are moved after the joined paragraph, so the page map
    may visit that page twice; offsets stay in order.
    """
    paras: list[list[Block]] = []
    for blocks in pages:
        for i, block in enumerate(blocks):
            host = _host(paras, block.page - 1, style) if i == 0 else None
            if host is not None and _continues(paras[host][-1], block, style):
                notes = paras[host + 1 :]
                del paras[host + 1 :]
                paras[host].append(block)
                paras.extend(notes)
            else:
                paras.append([block])
    return paras


def _host(paras: list[list[Block]], page: int, style: Style) -> int | None:
    """The last paragraph of a page that is not a footnote, if only footnotes follow it."""
    k = len(paras) - 1
    while k >= 0 and paras[k][-1].page == page and _is_note(paras[k][-1], style):
        k -= 1
    return k if k >= 0 and paras[k][-1].page == page else None


def _is_note(block: Block, style: Style) -> bool:
    """Footnotes are set smaller than the body text."""
    return block.lines[0].size < style.size - 1


def _continues(prev: Block, block: Block, style: Style) -> bool:
    """Whether the first paragraph of a page carries on the last paragraph of the page before."""
    if prev.kind not in ("para", "numbered", "bullet") or block.kind != "para":
        return False
    if abs(prev.lines[-1].size - style.size) > 1 or abs(block.lines[0].size - style.size) > 1:
        return False  # footnotes and cover text do not run on
    if not SENTENCE_END.search(prev.text) or block.text[:1].islower():
        return True
    # A sentence can end exactly at the page foot: the next page then keeps the hanging indent.
    hang = [line.x for line in prev.lines[1:] if line.x is not None]
    return (
        bool(hang) and hang[-1] > (prev.lines[0].x or 0) + 3 and abs((block.lines[0].x or 0) - hang[-1]) < 3
    )


def _page_spans(marks: list[tuple[int, int]], length: int, printed: list[str | None]) -> tuple[PageSpan, ...]:
    """Contiguous page ranges: each page runs to where the next page's text begins."""
    spans = []
    for (start, page), nxt in zip(marks, marks[1:] + [(length, 0)]):
        if nxt[0] > start:
            spans.append(PageSpan(start, nxt[0], page, printed[page - 1]))
    return tuple(spans)


def _para_spans(ranges: list[tuple[int, int, Block]]) -> tuple[ParagraphSpan, ...]:
    """Printed numbers where the document numbers its paragraphs, otherwise ordinals.

    Lists belong to the numbered paragraph above them.
    """
    numbered = sum(1 for _, _, b in ranges if b.kind == "numbered") >= 3
    if not numbered:
        return tuple(ParagraphSpan(s, e, str(i + 1)) for i, (s, e, _) in enumerate(ranges))
    spans: list[ParagraphSpan] = []
    extend = False
    for start, end, block in ranges:
        if block.kind == "numbered" and block.number:
            spans.append(ParagraphSpan(start, end, block.number))
            extend = True
        elif block.kind == "bullet" and extend:
            spans[-1] = ParagraphSpan(spans[-1].start, end, spans[-1].number)
        else:
            extend = False
    return tuple(spans)
