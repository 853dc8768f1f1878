"""PDF paragraphs on a page: lines grouped into blocks by shape and position, wrapped lines joined."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bot.loaders.pdf_layout import Line
from bot.loaders.pdf_style import Style

SENTENCE_END = re.compile(r"[.!?:;][’”'\")\]]*$")
_BULLET = re.compile(r"^[•◼▪●◦‣■□➢✓](?=\s)")
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+\S")


@dataclass
class Block:
    """A paragraph, or the part of one that sits on one page."""

    kind: str  # para, heading, numbered, bullet, row
    page: int
    lines: list[Line] = field(default_factory=list)
    number: str | None = None
    text: str = ""


def page_blocks(lines: list[Line], page: int, style: Style) -> list[Block]:
    """Group a page's lines into paragraphs; blank lines always separate them."""
    found: list[Block] = []
    block: Block | None = None
    for line in lines:
        if line.x is None:
            block = None
            continue
        fresh = block is None or _breaks(block.lines[-1], line, block, style)
        opened = _start(line, None if fresh else block)
        if fresh or opened:
            kind, number = opened or ("heading" if _is_heading(line, style) else "para", None)
            block = Block(kind, page, number=number)
            found.append(block)
        block.lines.append(line)
    for b in found:
        b.text = _join_lines([line.text for line in b.lines], style.words)
    return found


def join_pieces(left: str, right: str, words: set[str]) -> str:
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


def _is_heading(line: Line, style: Style) -> bool:
    """Headings are set bold or larger than the body text."""
    return line.kind != "row" and (line.bold >= 0.6 or line.size > style.size + 1.5)


def _start(line: Line, block: Block | None) -> tuple[str, str | None] | None:
    """Whether a line opens a new paragraph by its own shape: a table row, a bullet or a paragraph number."""
    if line.kind == "row":
        return "row", None
    if _BULLET.match(line.text):
        return "bullet", None
    match = _NUMBERED.match(line.text)
    if match and (block is None or SENTENCE_END.search(block.lines[-1].text) or _outdented(line, block)):
        return "numbered", match.group(1)
    return None


def _outdented(line: Line, block: Block) -> bool:
    """A line set left of the block's last line, e.g. the next number after a hanging indent."""
    last = block.lines[-1]
    return line.x is not None and last.x is not None and line.x < last.x - 3


def _breaks(prev: Line, line: Line, block: Block, style: Style) -> bool:
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


def _join_lines(texts: list[str], words: set[str]) -> str:
    """Join wrapped lines with spaces, repairing words broken across lines."""
    out = ""
    for text in texts:
        out = join_pieces(out, text.strip(), words) if out else text.strip()
    return out
