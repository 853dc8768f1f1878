"""Sentences and chunks as exact character spans into a document's text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (optionally followed by closing quotes/brackets) before white space and
# a capital, digit, quote or bullet. Abbreviations that end in a period are not ends.
_END = re.compile(r"[.!?][\"'”’)\]]*\s+(?=[A-Z0-9\"“‘'(◼•\[])")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Vol|Fig|Co|Ltd|Inc|Cllr|Supt|Insp|Sgt|Det|Ch|Con|approx|cf|vs)"
    r"|\b(?:e\.g|i\.e|etc|et al|a\.m|p\.m)|\b[A-Z])\.$"
)
_BREAK = re.compile(r"\n+")
# A paragraph or list number ("14.", "3.2.", "(a)", "iv.") is not a sentence of its own.
_MARKER = re.compile(r"\(?(?:\d{1,3}(?:\.\d{1,3})*|[a-z]|[ivx]{1,4})[.)]")
CHUNKER_VERSION = 2  # bump when sentence or chunk boundaries change, so indexes are rebuilt


@dataclass(frozen=True)
class Piece:
    """A sentence span and the paragraph it belongs to."""

    start: int
    end: int
    block: int


def sentences(
    text: str, start: int = 0, end: int | None = None, max_chars: int = 600
) -> list[tuple[int, int]]:
    """Sentence spans in text[start:end]; line breaks always end a sentence (table rows, list items)."""
    return [(p.start, p.end) for p in _pieces(text, start, len(text) if end is None else end, max_chars)]


def _pieces(text: str, start: int, end: int, max_chars: int) -> list[Piece]:
    """Sentences with the index of the paragraph (blank-line block) they sit in."""
    out: list[Piece] = []
    block = 0
    pos = start
    for match in _BREAK.finditer(text, start, end):
        out.extend(_split_line(text, pos, match.start(), block, max_chars))
        if match.group().count("\n") >= 2:
            block += 1
        pos = match.end()
    out.extend(_split_line(text, pos, end, block, max_chars))
    return out


def _split_line(text: str, start: int, end: int, block: int, max_chars: int) -> list[Piece]:
    """Split one line into sentences, trimming white space from each span."""
    out: list[Piece] = []
    pos = start
    for match in _END.finditer(text, start, end):
        cut = match.start() + len(match.group().rstrip())
        if _ABBREV.search(text, max(pos, cut - 12), cut) or _MARKER.fullmatch(text[pos:cut].strip()):
            continue
        out.extend(_trimmed(text, pos, cut, block, max_chars))
        pos = match.end()
    out.extend(_trimmed(text, pos, end, block, max_chars))
    return out


def _trimmed(text: str, start: int, end: int, block: int, max_chars: int) -> list[Piece]:
    """The span without surrounding white space, cut at word boundaries when longer than max_chars."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    pieces: list[Piece] = []
    while end - start > max_chars:
        cut = _soft_cut(text, start, start + max_chars)
        stop = cut
        while text[stop - 1].isspace():  # a hard cut can land just after white space
            stop -= 1
        pieces.append(Piece(start, stop, block))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        pieces.append(Piece(start, end, block))
    return pieces


def _soft_cut(text: str, start: int, limit: int) -> int:
    """Best place to cut a too-long sentence: after ; or , else at a space, else hard."""
    for marks in ("; ", ", ", " "):
        at = text.rfind(marks, start + (limit - start) // 2, limit)
        if at != -1:
            return at + len(marks.rstrip()) if marks != " " else at
    return limit


@dataclass(frozen=True)
class ChunkSpan:
    """A chunk's span and the sentence spans inside it."""

    start: int
    end: int
    sentences: tuple[tuple[int, int], ...]


def chunk(text: str, target_chars: int = 700, max_sentence_chars: int = 600) -> list[ChunkSpan]:
    """Pack whole paragraphs into chunks up to target_chars; split longer paragraphs at sentences."""
    chunks: list[ChunkSpan] = []
    current: list[Piece] = []
    for piece in _pieces(text, 0, len(text), max_sentence_chars):
        if current and _too_big(current, piece, target_chars):
            chunks.append(_close(current))
            current = []
        current.append(piece)
    if current:
        chunks.append(_close(current))
    return chunks


def _too_big(current: list[Piece], piece: Piece, target: int) -> bool:
    """Start a new chunk when the next sentence would pass the target, preferring paragraph ends."""
    size = piece.end - current[0].start
    if size > target:
        return True
    # Past half the target, a new paragraph starts a new chunk so chunks end where paragraphs do.
    return piece.block != current[-1].block and (current[-1].end - current[0].start) > target // 2


def _close(pieces: list[Piece]) -> ChunkSpan:
    """A chunk spanning its first to last sentence."""
    return ChunkSpan(pieces[0].start, pieces[-1].end, tuple((p.start, p.end) for p in pieces))
