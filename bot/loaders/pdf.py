"""PDF: pypdf text with positions, running headers and footers removed, lines rebuilt into paragraphs."""

from __future__ import annotations

import io
import math
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from bot.errors import SkipDocument
from bot.schema import Extracted, PageSpan, ParagraphSpan

PARSER = "pdf-1"

# Word exports list bullets as private-use Symbol glyphs (U+F0xx) or a soft hyphen; readers see a bullet.
_PUA_BULLET = re.compile(r"^[\uf000-\uf0ff\u00ad](?=\s)")
_BULLET = re.compile(r"^[•◼▪●◦‣■□➢✓](?=\s)")
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+\S")
_SENTENCE_END = re.compile(r"[.!?:;][’”'\")\]]*$")
_GRADE = r"(?:Outstanding|Good|Adequate|Inadequate|Requires [Ii]mprovement(?: to be [Gg]ood)?|Not [Jj]udged)"
_ROW = re.compile(rf"^(?P<label>\S.*?)\s+(?P<grade>{_GRADE})\s*$")
_GRADE_GOES_ON = re.compile(r"^(?:to be good|be good|good|improvement)\b", re.IGNORECASE)
_TABLE_HEAD = re.compile(
    r"^(?:key\s+judgements?|judgements?)?\s*(?:judgements?\s+grades?|grades?)?$", re.IGNORECASE
)
_ROW_LABEL_BAD_END = {"be", "is", "are", "was", "were", "been", "as", "and", "or", "of", "the", "a", "to"}
_WORD = re.compile(r"[A-Za-z]+(?:-[A-Za-z]+)*")
_JUNK_TITLE = re.compile(r"draft|microsoft|untitled|la name|inspection date|\.(?:docx?|pdf|rtf)\b", re.I)
_TITLE_WORDS = ("inspection", "report", "review", "assessment")


@dataclass
class _Line:
    """One text line of a page with where it sits and how it is set."""

    text: str
    x: float | None = None  # None for a blank line
    y: float | None = None
    size: float = 0.0
    bold: float = 0.0  # share of its characters set in a bold face
    kind: str = ""  # "row" once a grade-table row has been rebuilt from several lines


@dataclass
class _Block:
    """A paragraph, or the part of one that sits on one page."""

    kind: str  # para, heading, numbered, bullet, row
    page: int
    lines: list[_Line] = field(default_factory=list)
    number: str | None = None
    text: str = ""


@dataclass
class _Style:
    """Document-wide measures: body font size, line pitch, and the words used (for hyphen repair)."""

    size: float
    gap: float
    words: set[str]


def extract(data: bytes, max_pages: int = 2000) -> Extracted:
    """Extract prose from a PDF with a map of PDF pages (and printed page numbers) and numbered paragraphs."""
    reader = _open(data, max_pages)
    meta_title = _meta_title(reader)
    pages = _read_pages(reader)
    if not any(line.x is not None for lines in pages for line in lines):
        raise SkipDocument("PDF has no extractable text (scanned images?)")
    pages, printed = _strip_running(pages)
    style = _style(pages)
    pages = [_merge_rows(lines, style) for lines in pages]
    blocks = [_blocks(lines, n + 1, style) for n, lines in enumerate(pages)]
    text, page_spans, para_spans = _assemble(blocks, printed, style)
    title = _title(meta_title, pages[0] if pages else [], style)
    return Extracted(text=text, pages=page_spans, paragraphs=para_spans, title=title, parser=PARSER)


def _open(data: bytes, max_pages: int) -> Any:
    """Open the PDF, refusing what cannot be read: corrupt, locked, empty or too long."""
    from pypdf import PdfReader

    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            _unlock(reader)
        count = len(reader.pages)
    except SkipDocument:
        raise
    except Exception as exc:  # pypdf raises many kinds on damaged files; any of them means skip
        raise SkipDocument(f"unreadable PDF ({type(exc).__name__})") from None
    if count == 0:
        raise SkipDocument("PDF has no pages")
    if count > max_pages:
        raise SkipDocument(f"PDF has {count} pages, more than the limit of {max_pages}")
    return reader


def _unlock(reader: Any) -> None:
    """Open an encrypted PDF with the empty password, as viewers do; anything else needs a password."""
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # e.g. AES without the optional cryptography package
        raise SkipDocument(f"encrypted PDF that cannot be opened ({type(exc).__name__})") from None
    if not opened:
        raise SkipDocument("encrypted PDF that needs a password")


def _read_pages(reader: Any) -> list[list[_Line]]:
    """The lines of every page; a page pypdf cannot even load counts as empty."""
    out = []
    for i in range(len(reader.pages)):
        try:
            page = reader.pages[i]
        except Exception:  # a broken page object should not cost the rest of the document
            page = None
        out.append(_page_lines(page) if page is not None else [])
    return out


def _meta_title(reader: Any) -> str | None:
    """The /Title from the document information, when it is there at all."""
    try:
        title = reader.metadata.title if reader.metadata else None
    except Exception:  # a damaged info dictionary only costs the title
        return None
    return " ".join(str(title).split()) or None if title else None


# ---------------------------------------------------------------- lines with positions


def _mult(m: list[float], n: list[float]) -> list[float]:
    """Product of two PDF matrices (text matrix times current transformation matrix)."""
    return [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]


class _Collector:
    """pypdf visitors that record each text run with its position, size and weight, line by line."""

    def __init__(self) -> None:
        self.lines: list[list[tuple[str, float, float, float, bool]]] = [[]]
        self.render = 0
        self.saved: list[int] = []

    def before(self, op: bytes, operands: Any, cm: Any, tm: Any) -> None:
        """Track the text render mode, which lives in the graphics state (saved by q, restored by Q)."""
        if op == b"q":
            self.saved.append(self.render)
        elif op == b"Q":
            self.render = self.saved.pop() if self.saved else 0
        elif op == b"Tr" and operands:
            try:
                self.render = int(operands[0])
            except (TypeError, ValueError):
                pass

    def text(self, text: str, cm: Any, tm: Any, font: Any, size: float) -> None:
        """Split runs at pypdf's line breaks; drop invisible runs (render mode 3, e.g. OCR layers).

        pypdf reports a run when it flushes it (at the next move, font change or ET), so the render mode
        seen is the one in force then: a mode switched in the middle of one run is not seen.
        """
        if not text:
            return
        m = _mult(list(tm), list(cm))
        scale = math.hypot(m[2], m[3]) or 1.0
        name = str(font.get("/BaseFont", "")) if font else ""
        bold = any(w in name for w in ("Bold", "bold", "Black", "Heavy", "Semibold"))
        for i, part in enumerate(text.split("\n")):
            if i:
                self.lines.append([])
            if part and self.render not in (3, 7):
                self.lines[-1].append((part, m[4], m[5], size * scale, bold))


def _page_lines(page: Any) -> list[_Line]:
    """The lines of one page; a page pypdf cannot read counts as empty rather than losing the document."""
    collector = _Collector()
    try:
        page.extract_text(visitor_operand_before=collector.before, visitor_text=collector.text)
    except Exception:  # one damaged page should not cost the rest of the document
        return []
    return [_line(runs) for runs in collector.lines]


def _line(runs: list[tuple[str, float, float, float, bool]]) -> _Line:
    """One line from its runs, without superscript note markers (they would glue digits to words)."""
    visible = [r for r in runs if r[0].strip()]
    if not visible:
        return _Line("")
    top = max(r[3] for r in visible)
    kept = [r for r in runs if not (r is not visible[0] and _is_marker(r, top, visible[0]))]
    text = " ".join("".join(r[0] for r in kept).split())  # also folds no-break spaces
    text = _PUA_BULLET.sub("•", text)
    shown = [r for r in kept if r[0].strip()]
    chars = sum(len(r[0].strip()) for r in shown) or 1
    bold = sum(len(r[0].strip()) for r in shown if r[4]) / chars
    # Size and baseline of the bulk of the text, not of a bullet glyph, a stray space or a raised number.
    weight: Counter[float] = Counter()
    for run in shown:
        weight[run[3]] += len(run[0].strip())
    size = weight.most_common(1)[0][0]
    base = next(r for r in shown if r[3] == size)
    return _Line(text, visible[0][1], base[2], size, bold)


def _is_marker(run: tuple[str, float, float, float, bool], top: float, first: Any) -> bool:
    """A footnote reference: a few digits set small and raised above the line."""
    return (
        run[0].strip().isdigit() and len(run[0].strip()) <= 2 and run[3] < 0.8 * top and run[2] > first[2] + 1
    )


# ---------------------------------------------------------------- running headers and footers


def _norm(text: str) -> str:
    """A line with its numbers blanked, so 'Page 3' and 'Page 4' compare equal."""
    return re.sub(r"\d+", "#", " ".join(text.split())).lower()


def _edges(lines: list[_Line]) -> list[int]:
    """Indexes of the first and last three non-blank lines: where headers and footers sit in the stream."""
    filled = [i for i, line in enumerate(lines) if line.x is not None]
    return sorted(set(filled[:3] + filled[-3:]))


def _strip_running(pages: list[list[_Line]]) -> tuple[list[list[_Line]], list[str | None]]:
    """Drop lines that repeat at the edges of many pages; read printed page numbers from them."""
    counts = Counter(n for lines in pages for n in {_norm(lines[i].text) for i in _edges(lines)})
    floor = max(2, math.ceil(0.4 * len(pages)))
    running = {n for n, c in counts.items() if c >= floor}
    numbering = _numbering(pages, running)
    out, printed = [], []
    for lines in pages:
        drop = {i for i in _edges(lines) if _norm(lines[i].text) in running}
        printed.append(_printed([lines[i].text for i in sorted(drop)], numbering))
        out.append([line for i, line in enumerate(lines) if i not in drop])
    return out, printed


def _numbering(pages: list[list[_Line]], running: set[str]) -> dict[str, int]:
    """For running lines that carry the page number, which of their numbers it is: the one that changes
    from page to page ('Page 3 of 12' -> the first, '17 to 21 March 2025 3' -> the last)."""
    seen: dict[str, dict[int, set[str]]] = {}
    for lines in pages:
        for i in _edges(lines):
            norm = _norm(lines[i].text)
            if norm in running:
                for k, number in enumerate(re.findall(r"\d+", lines[i].text)):
                    seen.setdefault(norm, {}).setdefault(k, set()).add(number)
    numbering = {}
    for norm, by_place in seen.items():
        place, values = max(by_place.items(), key=lambda item: (len(item[1]), item[0]))
        if len(values) > 1:
            numbering[norm] = place
    return numbering


def _printed(texts: list[str], numbering: dict[str, int]) -> str | None:
    """The page number printed in this page's header or footer lines, if they carry one."""
    for text in texts:
        place = numbering.get(_norm(text))
        numbers = re.findall(r"\d+", text)
        if place is not None and place < len(numbers):
            return numbers[place]
    return None


# ---------------------------------------------------------------- document style


def _style(pages: list[list[_Line]]) -> _Style:
    """Body font size (most characters), usual line pitch in it, and every word form in the document."""
    sizes: Counter[float] = Counter()
    pitches: Counter[float] = Counter()
    words: set[str] = set()
    for lines in pages:
        for prev, line in zip([_Line("")] + lines, lines):
            if line.x is None:
                continue
            sizes[round(line.size, 1)] += len(line.text)
            words.update(w.lower() for w in _WORD.findall(line.text.rstrip("-")))
            if prev.y is not None and prev.size == line.size and 0 < prev.y - line.y < 3 * line.size:
                pitches[round(prev.y - line.y)] += 1
    size = sizes.most_common(1)[0][0] if sizes else 12.0
    pitch = pitches.most_common(1)[0][0] if pitches else size * 1.2
    return _Style(size=size, gap=1.3 * pitch, words=words)


# ---------------------------------------------------------------- grade tables


def _merge_rows(lines: list[_Line], style: _Style) -> list[_Line]:
    """Rebuild judgement-table rows (label cell lines, then grade cell) into one 'label  Grade' line each."""
    out: list[_Line] = []
    i = 0
    while i < len(lines):
        found = _row_at(lines, i, style) if _row_may_start(out, lines[i], style) else None
        if found is None:
            out.append(lines[i])
            i += 1
            continue
        count, label, grade = found
        first = lines[i]
        out.append(_Line(f"{label}  {grade}", first.x, first.y, first.size, 0.0, "row"))
        i += count
    return out


def _row_may_start(out: list[_Line], line: _Line, style: _Style) -> bool:
    """A row opens a table (after a blank, a heading, a lead-in, a finished sentence or a wide gap)
    or follows a row; never in the middle of running prose."""
    if not out:
        return True
    prev = out[-1]
    if prev.x is None or prev.kind == "row" or prev.bold >= 0.6 or _SENTENCE_END.search(prev.text):
        return True
    return prev.y is not None and line.y is not None and prev.y - line.y > style.gap


def _row_at(lines: list[_Line], i: int, style: _Style) -> tuple[int, str, str] | None:
    """Whether up to five lines from i read as one table row ending in a grade; if so how many and what.

    pypdf may put blank lines between the cells of a row; they are passed over.
    """
    parts: list[_Line] = []
    for n, line in enumerate(lines[i : i + 9], start=1):
        if line.x is None and parts:
            continue
        if len(parts) == 5 or not _cell_line(line, style) or (parts and _far_below(parts[-1], line, style)):
            return None
        parts.append(line)
        match = _ROW.match(" ".join(p.text for p in parts))
        after = next((x.text for x in lines[i + n :] if x.x is not None), "")
        if match and _good_label(match.group("label")) and not _GRADE_GOES_ON.match(after):
            return n, match.group("label"), match.group("grade")
    return None


def _cell_line(line: _Line, style: _Style) -> bool:
    """A line that can belong to a table row: short, body-sized, not the table's own header."""
    if line.x is None or line.kind or len(line.text) > 80 or line.size > style.size + 2.5:
        return False
    return not _TABLE_HEAD.match(line.text)


def _far_below(prev: _Line, line: _Line, style: _Style) -> bool:
    """Cells of one row sit close together (a grade cell may even sit higher than the label's last line)."""
    return prev.y is not None and line.y is not None and prev.y - line.y > 1.6 * style.gap


def _good_label(label: str) -> bool:
    """Table labels are short phrases: no sentence inside, not a clause left hanging ('... are')."""
    body = re.sub(r"^\d+(?:\.\d+)*\.?\s+", "", label)
    last = body.rsplit(" ", 1)[-1].lower()
    sentence_like = ". " in body or ":" in body or body[-1:] in (";", ",")
    return bool(body) and body[0].isupper() and not sentence_like and last not in _ROW_LABEL_BAD_END


# ---------------------------------------------------------------- paragraphs on a page


def _is_heading(line: _Line, style: _Style) -> bool:
    """Headings are set bold or larger than the body text."""
    return line.kind != "row" and (line.bold >= 0.6 or line.size > style.size + 1.5)


def _start(line: _Line, block: _Block | None) -> tuple[str, str | None] | None:
    """Whether a line opens a new paragraph by its own shape: a table row, a bullet or a paragraph number."""
    if line.kind == "row":
        return "row", None
    if _BULLET.match(line.text):
        return "bullet", None
    match = _NUMBERED.match(line.text)
    if match and (block is None or _SENTENCE_END.search(block.lines[-1].text) or _outdented(line, block)):
        return "numbered", match.group(1)
    return None


def _outdented(line: _Line, block: _Block) -> bool:
    """A line set left of the block's last line, e.g. the next number after a hanging indent."""
    last = block.lines[-1]
    return line.x is not None and last.x is not None and line.x < last.x - 3


def _breaks(prev: _Line, line: _Line, block: _Block, style: _Style) -> bool:
    """Whether a line starts a new paragraph by position or type: a wide gap, a jump, a new size or weight."""
    if prev.y is None or line.y is None or line.x is None:
        return True
    drop = prev.y - line.y
    if (
        drop > style.gap * max(prev.size, line.size) / style.size
        or drop < -2
        or abs(prev.size - line.size) > 1
    ):
        return True
    if _is_heading(prev, style) != _is_heading(line, style) or block.kind == "row":
        return True
    # A hanging indent (numbers, bullets) ends when a line comes back to the left of the indent.
    hanging = len(block.lines) > 1 and block.lines[1].x is not None and block.lines[0].x is not None
    return hanging and block.lines[1].x > block.lines[0].x + 3 and line.x < block.lines[1].x - 3


def _blocks(lines: list[_Line], page: int, style: _Style) -> list[_Block]:
    """Group a page's lines into paragraphs; blank lines always separate them."""
    blocks: list[_Block] = []
    block: _Block | None = None
    for line in lines:
        if line.x is None:
            block = None
            continue
        fresh = block is None or _breaks(block.lines[-1], line, block, style)
        opened = _start(line, None if fresh else block)
        if fresh or opened:
            kind, number = opened or ("heading" if _is_heading(line, style) else "para", None)
            block = _Block(kind, page, number=number)
            blocks.append(block)
        block.lines.append(line)
    for b in blocks:
        b.text = _join_lines([line.text for line in b.lines], style.words)
    return blocks


def _join_lines(texts: list[str], words: set[str]) -> str:
    """Join wrapped lines with spaces, repairing words broken across lines."""
    out = ""
    for text in texts:
        out = _join(out, text.strip(), words) if out else text.strip()
    return out


def _join(left: str, right: str, words: set[str]) -> str:
    """Join two pieces of one paragraph.

    A hyphen at a line end is kept (these reports come from word processors, which do not hyphenate, so
    'multi-' + 'disciplinary' is a real compound) unless the document spells the joined word elsewhere
    without the hyphen and never with it, which marks a typesetter's break ('informa-' + 'tion').
    """
    left = left.rstrip()
    if left.endswith("\u00ad"):  # a soft hyphen is by definition a break inside a word
        return left[:-1] + right
    head = re.search(r"(\w+)-$", left[-80:])
    if head and right[:1].isalnum():
        tail = re.match(r"[a-z]+", right)
        if tail and head.group(1).isalpha():
            whole, hyphened = head.group(1) + tail.group(0), f"{head.group(1)}-{tail.group(0)}"
            if whole.lower() in words and hyphened.lower() not in words:
                return left[:-1] + right
        return left + right  # 'multi-' + 'disciplinary', 'COVID-' + '19'
    return f"{left} {right}"


# ---------------------------------------------------------------- the whole document


def _continues(prev: _Block, block: _Block, style: _Style) -> bool:
    """Whether the first paragraph of a page carries on the last paragraph of the page before."""
    if prev.kind not in ("para", "numbered", "bullet") or block.kind != "para":
        return False
    if abs(prev.lines[-1].size - style.size) > 1 or abs(block.lines[0].size - style.size) > 1:
        return False  # footnotes and cover text do not run on
    if not _SENTENCE_END.search(prev.text) or block.text[:1].islower():
        return True
    # A sentence can end exactly at the page foot: the next page then keeps the hanging indent.
    hang = [line.x for line in prev.lines[1:] if line.x is not None]
    return (
        bool(hang) and hang[-1] > (prev.lines[0].x or 0) + 3 and abs((block.lines[0].x or 0) - hang[-1]) < 3
    )


def _paragraphs(pages: list[list[_Block]], style: _Style) -> list[list[_Block]]:
    """Paragraphs as lists of per-page parts, joining those that run across a page break.

    Footnotes at the foot of the earlier page are moved after the joined paragraph, so the page map
    may visit that page twice; offsets stay in order.
    """
    paras: list[list[_Block]] = []
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


def _host(paras: list[list[_Block]], page: int, style: _Style) -> int | None:
    """The last paragraph of a page that is not a footnote, if only footnotes follow it."""
    k = len(paras) - 1
    while k >= 0 and paras[k][-1].page == page and _is_note(paras[k][-1], style):
        k -= 1
    return k if k >= 0 and paras[k][-1].page == page else None


def _is_note(block: _Block, style: _Style) -> bool:
    """Footnotes are set smaller than the body text."""
    return block.lines[0].size < style.size - 1


def _assemble(
    pages: list[list[_Block]], printed: list[str | None], style: _Style
) -> tuple[str, tuple[PageSpan, ...], tuple[ParagraphSpan, ...]]:
    """Lay paragraphs out with blank lines between them; record page and paragraph ranges."""
    chunks: list[str] = []
    marks: list[tuple[int, int]] = []  # (offset, page) where each page's text begins
    ranges: list[tuple[int, int, _Block]] = []
    pos = 0
    for parts in _paragraphs(pages, style):
        start = pos + 2 if chunks else 0
        para = ""
        for part in parts:
            para = _join(para, part.text, style.words) if para else part.text
            if not marks or marks[-1][1] != part.page:
                marks.append((start + len(para) - len(part.text), part.page))
        chunks.append(para)
        pos = start + len(para)
        ranges.append((start, pos, parts[0]))
    text = "\n\n".join(chunks)
    return text, _page_spans(marks, len(text), printed), _para_spans(ranges)


def _page_spans(marks: list[tuple[int, int]], length: int, printed: list[str | None]) -> tuple[PageSpan, ...]:
    """Contiguous page ranges: each page runs to where the next page's text begins."""
    spans = []
    for (start, page), nxt in zip(marks, marks[1:] + [(length, 0)]):
        if nxt[0] > start:
            spans.append(PageSpan(start, nxt[0], page, printed[page - 1]))
    return tuple(spans)


def _para_spans(ranges: list[tuple[int, int, _Block]]) -> tuple[ParagraphSpan, ...]:
    """Printed numbers where the document numbers its paragraphs (lists belong to the paragraph above);
    otherwise ordinals."""
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


# ---------------------------------------------------------------- title


def _title(meta: str | None, lines: list[_Line], style: _Style) -> str | None:
    """The metadata title when it is a real one printed on page 1, else the first heading of page 1."""
    heading = _heading_title(lines, style)
    if meta and not _JUNK_TITLE.search(meta) and len(meta.split()) >= 2:
        page_text = _norm(" ".join(line.text for line in lines))
        if heading is None or _norm(meta) in page_text:
            return meta
    return heading


def _heading_title(lines: list[_Line], style: _Style) -> str | None:
    """The largest text near the top of page 1; a bare name ('Barnsley') takes the heading under it."""
    top = [line for line in lines[:40] if line.x is not None and len(line.text) > 2][:20]
    runs = _runs([line for line in top if line.size > style.size + 1 or line.bold >= 0.6])
    if not runs:
        return None
    biggest = max(range(len(runs)), key=lambda i: runs[i][0])
    title = runs[biggest][1]
    if not any(w in title.lower() for w in _TITLE_WORDS):
        extra = next((t for _, t in runs[biggest + 1 :] if any(w in t.lower() for w in _TITLE_WORDS)), None)
        title = f"{title}: {extra}" if extra else title
    return title[:200]


def _runs(lines: list[_Line]) -> list[tuple[float, str]]:
    """Consecutive lines set alike and close together joined: multi-line headings become one string."""
    runs: list[tuple[float, list[_Line]]] = []
    for line in lines:
        last = runs[-1][1][-1] if runs else None
        if last and _alike(last, line) and len(runs[-1][1]) < 3:
            runs[-1][1].append(line)
        else:
            runs.append((line.size, [line]))
    return [(size, " ".join(" ".join(x.text for x in parts).split())) for size, parts in runs]


def _alike(a: _Line, b: _Line) -> bool:
    """Same size and weight, and b sits on the next line down."""
    near = a.y is not None and b.y is not None and 0 < a.y - b.y < 2 * a.size
    return near and abs(a.size - b.size) < 0.5 and (a.bold >= 0.6) == (b.bold >= 0.6)
