"""Records shared by every layer: documents, spans, chunks, hits, citations, answers."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(frozen=True)
class Fact:
    """A fact a report states: document.text[start:end] is the line or sentence that says it."""

    value: str | list[str]
    start: int
    end: int


@dataclass(frozen=True)
class PageSpan:
    """A character range of a document that sits on one page."""

    start: int
    end: int
    page: int  # 1-based index of the page in the file (PDF page)
    printed: str | None = None  # the page number printed on the page, when there is one


@dataclass(frozen=True)
class ParagraphSpan:
    """A character range of a document that forms one paragraph, with its number."""

    start: int
    end: int
    number: str  # the printed paragraph number ("14"), or its ordinal where unnumbered


@dataclass(frozen=True)
class Extracted:
    """What a loader returns: prose text plus page and paragraph maps and hints for metadata."""

    text: str
    pages: tuple[PageSpan, ...] = ()
    paragraphs: tuple[ParagraphSpan, ...] = ()
    title: str | None = None
    parser: str = ""


@dataclass(frozen=True)
class Document:
    """One source document as indexed: its extracted text is what every offset points into."""

    source: str  # path relative to the sources folder, with forward slashes
    text: str
    metadata: dict[str, str]
    pages: tuple[PageSpan, ...] = ()
    paragraphs: tuple[ParagraphSpan, ...] = ()
    sha256: str = ""

    @property
    def title(self) -> str:
        """The document's title, or its file name when it has none."""
        return self.metadata.get("title") or self.source.rsplit("/", 1)[-1]

    def page_at(self, offset: int) -> PageSpan | None:
        """The page holding this character offset."""
        return _find(self.pages, offset)

    def paragraph_at(self, offset: int) -> ParagraphSpan | None:
        """The paragraph holding this character offset."""
        return _find(self.paragraphs, offset)

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready record."""
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Document:
        """Rebuild a document from its JSON record."""
        return cls(
            source=data["source"],
            text=data["text"],
            metadata=dict(data["metadata"]),
            pages=tuple(PageSpan(**p) for p in data.get("pages", ())),
            paragraphs=tuple(ParagraphSpan(**p) for p in data.get("paragraphs", ())),
            sha256=data.get("sha256", ""),
        )


def _find(spans: tuple[Any, ...], offset: int) -> Any:
    """Binary search for the span containing offset (spans are sorted and disjoint)."""
    lo, hi = 0, len(spans) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        span = spans[mid]
        if offset < span.start:
            hi = mid - 1
        elif offset >= span.end:
            lo = mid + 1
        else:
            return span
    return None


@dataclass(frozen=True)
class Chunk:
    """A retrieval unit: whole sentences of one document, with the sentences it holds."""

    id: int
    source: str
    start: int
    end: int
    sentences: tuple[tuple[int, int], ...] = field(default=())


@dataclass(frozen=True)
class Hit:
    """A retrieved chunk with its fused score and locators."""

    chunk: Chunk
    score: float
    dense: float = 0.0
    lexical: float = 0.0

    def to_json(self, doc: Document) -> dict[str, Any]:
        """The search contract's record for this hit."""
        page = doc.page_at(self.chunk.start)
        para = doc.paragraph_at(self.chunk.start)
        return {
            "source": self.chunk.source,
            "title": doc.title,
            "start": self.chunk.start,
            "end": self.chunk.end,
            "score": round(self.score, 6),
            "page": page.page if page else None,
            "paragraph": para.number if para else None,
        }


@dataclass(frozen=True)
class Citation:
    """A quote shown to a user: exactly document.text[start:end], with its locators."""

    n: int
    source: str
    title: str
    quote: str
    start: int
    end: int
    page: int | None = None
    printed_page: str | None = None
    paragraph: str | None = None
    date: str | None = None
    url: str | None = None
    support: str = "verbatim"
    score: float = 0.0

    def to_json(self) -> dict[str, Any]:
        """The ask contract's citation record."""
        data = asdict(self)
        data.pop("score")
        return data


@dataclass(frozen=True)
class Answer:
    """An answer: text with [n] markers and the citations they point to."""

    question: str
    answer: str
    citations: tuple[Citation, ...] = ()
    refused: bool = False
    reason: str | None = None
    mode: str = "extractive"
    fallback_reason: str | None = None
    unsupported: tuple[dict[str, str], ...] = ()  # withheld model sentences: sentence, reason
    interpreted_as: str | None = None
    timings_ms: dict[str, float] = field(default_factory=dict)
    notes: tuple[str, ...] = ()  # what a reader should know beside the quotes, e.g. a newer report exists
    receipt: dict[str, Any] = field(default_factory=dict)  # what it was made from (bot.receipts)
    timeline: tuple[dict[str, str], ...] = ()  # grades over time: source, organisation, date, area, grade
    table: dict[str, Any] = field(default_factory=dict)  # a comparison: columns, rows of cited cells

    def to_json(self) -> dict[str, Any]:
        """The ask contract's record."""
        return {
            "question": self.question,
            "answer": self.answer,
            "refused": self.refused,
            "reason": self.reason,
            "mode": self.mode,
            "fallback_reason": self.fallback_reason,
            "unsupported": list(self.unsupported),
            "interpreted_as": self.interpreted_as,
            "notes": list(self.notes),
            "citations": [c.to_json() for c in self.citations],
            "timings_ms": {k: round(v, 3) for k, v in self.timings_ms.items()},
            "receipt": self.receipt,
            "timeline": list(self.timeline),
            "table": self.table,
        }
