"""Shared prose shaping: turn blocks of lines into paragraphs with a paragraph map."""

from __future__ import annotations

import re

from bot.schema import ParagraphSpan

_LIST_MARK = re.compile(r"^\s*(?:[-*+•◼▪●]\s|\d{1,3}[.)]\s|\(?[a-z]\)\s|#{1,6}\s)")
_NUMBERED = re.compile(r"^(\d{1,3})\.\s+\S")


def join_lines(block: str) -> str:
    """Join hard-wrapped lines of one block into prose, keeping list items and headings on their own lines."""
    out: list[str] = []
    for raw in block.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if out and not _LIST_MARK.match(line):
            prev = out[-1]
            if prev.endswith("-") and len(prev) > 1 and prev[-2].isalpha() and line[:1].islower():
                out[-1] = prev[:-1] + line  # repair a word hyphenated across lines
            else:
                out[-1] = prev + " " + line
        else:
            out.append(line)
    return "\n".join(out)


def assemble(paragraphs: list[str], ordinal: bool = True) -> tuple[str, tuple[ParagraphSpan, ...]]:
    """Join paragraphs with blank lines; number them by their printed number, else by position."""
    text_parts: list[str] = []
    spans: list[ParagraphSpan] = []
    pos = 0
    kept = [p for p in paragraphs if p.strip()]
    # Where the document numbers its paragraphs, ordinals for the others would repeat those numbers.
    ordinal = ordinal and sum(1 for p in kept if _NUMBERED.match(p)) < 3
    for i, para in enumerate(kept):
        if text_parts:
            text_parts.append("\n\n")
            pos += 2
        match = _NUMBERED.match(para)
        number = match.group(1) if match else (str(i + 1) if ordinal else None)
        if number is not None:
            spans.append(ParagraphSpan(pos, pos + len(para), number))
        text_parts.append(para)
        pos += len(para)
    return "".join(text_parts), tuple(spans)
