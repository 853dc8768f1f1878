"""The on-disk index: manifest, FAISS, BM25, document and chunk records. Sole owner of faiss and bm25s."""

from __future__ import annotations

import bisect
import json
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from bot import records as report_records
from bot.errors import IndexCorrupt, IndexMismatch, IndexMissing
from bot.neighbours import Vocabulary
from bot.records import Record
from bot.schema import Chunk, Document

SCHEMA_VERSION = 1
POINTER = "CURRENT"
RECORDS = "records.jsonl"
TOKENIZER = {"pattern": r"(?u)\b\w\w+\b", "lower": True, "stopwords": "bm25s-en", "stemmer": "english"}
_TOKEN = re.compile(TOKENIZER["pattern"])
# A sentence of at least this length found in this many documents is boilerplate (how inspections work).
BOILERPLATE_MIN_CHARS = 80
BOILERPLATE_MIN_DOCS = 3


class Tokenizer:
    """BM25 tokens: lower-cased words, English stop words removed, Snowball-stemmed."""

    def __init__(self) -> None:
        import Stemmer
        from bm25s.stopwords import STOPWORDS_EN

        self._stem = Stemmer.Stemmer("english").stemWord
        self.stop = frozenset(STOPWORDS_EN)

    def __call__(self, text: str) -> list[str]:
        """Tokens of one text."""
        return [self._stem(w) for w in _TOKEN.findall(text.lower()) if w not in self.stop]


@dataclass
class Index:
    """A loaded index generation."""

    path: Path
    manifest: dict[str, Any]
    documents: dict[str, Document]
    chunks: list[Chunk]
    sentence_vectors: np.ndarray  # row r is sentence r; chunk i's sentences start at sentence_rows[i]
    sentence_rows: np.ndarray
    _faiss: Any
    _bm25: Any
    _tokenize: Tokenizer
    records: dict[str, Record] = field(default_factory=dict)  # each document's facts as spans, by source
    vocabulary: Vocabulary | None = None  # the corpus's words and their vectors (None: an older index)

    def dense(self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Top-k chunks by inner product with a normalised query vector, optionally among allowed ids."""
        import faiss

        k = min(k, len(self.chunks) if allowed is None else len(allowed))
        if k <= 0:
            return []
        params = None
        if allowed is not None:
            params = faiss.SearchParameters(sel=faiss.IDSelectorBatch(allowed.astype(np.int64)))
        scores, ids = self._faiss.search(vector.reshape(1, -1).astype(np.float32), k, params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def lexical(
        self, query: str | list[str], k: int, allowed: np.ndarray | None = None
    ) -> list[tuple[int, float]]:
        """Top-k chunks by BM25 score (only chunks sharing a term), optionally among allowed ids.

        The query is text, or BM25 tokens already chosen.
        """
        terms = self._tokenize(query) if isinstance(query, str) else query
        tokens = [t for t in terms if t in self._bm25.vocab_dict]
        if not tokens or not self.chunks:
            return []
        scores = self._bm25.get_scores(tokens)
        if allowed is not None:
            mask = np.zeros(len(scores), dtype=bool)
            mask[allowed] = True
            scores = np.where(mask, scores, 0.0)
        top = np.argsort(-scores, kind="stable")[:k]
        return [(int(i), float(scores[i])) for i in top if scores[i] > 0]

    def chunk_ids(self) -> dict[str, np.ndarray]:
        """Each document's chunk ids, in order; worked out once."""
        if not hasattr(self, "_chunk_ids"):
            ids: dict[str, list[int]] = {}
            for chunk in self.chunks:
                ids.setdefault(chunk.source, []).append(chunk.id)
            self._chunk_ids = {s: np.array(i, dtype=np.int64) for s, i in ids.items()}
        return self._chunk_ids

    def sentence_vector(self, source: str, offset: int) -> np.ndarray | None:
        """The stored vector of the sentence of a document that holds this offset."""
        sentences, ids = self.sentences_of(source), self.chunk_ids().get(source)
        at = bisect.bisect_right(sentences, (offset, float("inf"))) - 1
        if ids is None or at < 0 or not sentences[at][0] <= offset < sentences[at][1]:
            return None
        # A document's chunks, and so its sentences' vectors, are stored one after another.
        return self.sentence_vectors[int(self.sentence_rows[ids[0]]) + at]

    def sentences_of(self, source: str) -> list[tuple[int, int]]:
        """Every sentence span of a document, in order."""
        if not hasattr(self, "_by_source"):
            by_source: dict[str, list[tuple[int, int]]] = {}
            for chunk in self.chunks:
                by_source.setdefault(chunk.source, []).extend(chunk.sentences)
            self._by_source = by_source
        return self._by_source.get(source, [])

    def is_boilerplate(self, source: str, start: int, end: int) -> bool:
        """Whether a long sentence recurs word for word in several documents (method text, not findings)."""
        if end - start < BOILERPLATE_MIN_CHARS:
            return False
        return _plain(self.documents[source].text[start:end]) in self.recurring()

    def recurring(self) -> frozenset[str]:
        """Long sentences (as plain words) found in several documents; worked out once, on first use."""
        if not hasattr(self, "_recurring"):
            seen: dict[str, set[str]] = {}
            for chunk in self.chunks:
                text = self.documents[chunk.source].text
                for a, b in chunk.sentences:
                    if b - a >= BOILERPLATE_MIN_CHARS:
                        seen.setdefault(_plain(text[a:b]), set()).add(chunk.source)
            self._recurring = frozenset(k for k, docs in seen.items() if len(docs) >= BOILERPLATE_MIN_DOCS)
        return self._recurring

    def chunks_where(self, wanted: Callable[[str], bool]) -> frozenset[int]:
        """Ids of the chunks whose text is wanted; worked out once per predicate (pass a named function)."""
        cache: dict[Callable[[str], bool], frozenset[int]] = self.__dict__.setdefault("_where", {})
        if wanted not in cache:
            texts = ((c.id, self.documents[c.source].text[c.start : c.end]) for c in self.chunks)
            cache[wanted] = frozenset(i for i, text in texts if wanted(text))
        return cache[wanted]

    def sentence_vectors_of(self, chunk_id: int) -> np.ndarray:
        """The stored vectors of a chunk's sentences, in order."""
        first = int(self.sentence_rows[chunk_id])
        return self.sentence_vectors[first : first + len(self.chunks[chunk_id].sentences)]

    def idf(self, token: str, among: np.ndarray | None = None) -> float:
        """Inverse document frequency of a BM25 token over all chunks or the given chunk ids."""
        n = max(len(self.chunks) if among is None else len(among), 1)
        df = self.df(token, among)
        return float(np.log(1 + (n - df + 0.5) / (df + 0.5)))

    def df(self, token: str, among: np.ndarray | None = None) -> int:
        """How many chunks (of all, or of the given sorted chunk ids) contain a BM25 token."""
        tid = self._bm25.vocab_dict.get(token)
        indptr = self._bm25.scores["indptr"]
        if tid is None or tid + 1 >= len(indptr):
            return 0
        docs = self._bm25.scores["indices"][indptr[tid] : indptr[tid + 1]]
        if among is None:
            return len(docs)
        return int(np.isin(docs, among, assume_unique=True).sum())

    def tokens(self, text: str) -> list[str]:
        """The BM25 tokens of a text (for lexical overlap scoring)."""
        return self._tokenize(text)

    def stop_words(self) -> frozenset[str]:
        """The stop words BM25 leaves out."""
        return self._tokenize.stop

    def knows(self, word: str) -> bool:
        """Whether some chunk contains the word, compared after stemming (stop words count as known)."""
        return all(self.df(t) > 0 for t in self._tokenize(word))


def _plain(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def current_generation(root: Path) -> Path | None:
    """The generation folder the pointer names, if any."""
    pointer = root / POINTER
    if not pointer.is_file():
        return None
    name = pointer.read_text(encoding="utf-8").strip()
    path = root / name
    return path if name and path.is_dir() else None


def read_manifest(root: Path) -> dict[str, Any]:
    """The manifest of the current generation, or IndexMissing."""
    gen = current_generation(root)
    if gen is None:
        raise IndexMissing(f"no index at {root}: run: python -m bot build")
    try:
        return json.loads((gen / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise IndexCorrupt(
            f"index manifest at {gen} is unreadable ({exc}): run: python -m bot build --force"
        ) from None


def check_manifest(manifest: dict[str, Any], expected: dict[str, Any]) -> None:
    """Refuse an index built with other settings or another model, naming the difference."""
    if manifest.get("schema_version") != SCHEMA_VERSION:
        raise IndexMismatch(
            f"index format {manifest.get('schema_version')} is not {SCHEMA_VERSION}: "
            "run: python -m bot build --force"
        )
    built = manifest.get("settings", {})
    for key, value in expected.items():
        if built.get(key) != value:
            raise IndexMismatch(
                f"index was built with {key}={built.get(key)!r}, settings say {value!r}: "
                "run: python -m bot build --force"
            )


def load(root: Path, expected: dict[str, Any]) -> Index:
    """Load the current generation after checking its manifest against the expected settings."""
    manifest = read_manifest(root)
    check_manifest(manifest, expected)
    gen = current_generation(root)
    assert gen is not None  # read_manifest raised otherwise
    try:
        return _load_files(gen, manifest)
    except (OSError, ValueError, KeyError, RuntimeError) as exc:
        raise IndexCorrupt(f"index at {gen} is damaged ({exc}): run: python -m bot build --force") from None


def _load_files(gen: Path, manifest: dict[str, Any]) -> Index:
    import bm25s
    import faiss

    documents = {d.source: d for d in map(Document.from_json, _read_jsonl(gen / "documents.jsonl"))}
    chunks = [_chunk_from_json(c) for c in _read_jsonl(gen / "chunks.jsonl")]
    index = faiss.read_index(str(gen / "chunks.faiss"))
    vectors = np.load(gen / "sentences.npy", allow_pickle=False)
    rows = np.load(gen / "sentence_rows.npy", allow_pickle=False)
    bm25 = bm25s.BM25.load(str(gen / "bm25"), load_corpus=False, show_progress=False)
    if index.ntotal != len(chunks) or len(rows) != len(chunks):
        raise ValueError("vector and chunk counts differ")
    records = report_records.load(gen / RECORDS, documents)
    vocabulary = Vocabulary.load(gen)
    return Index(
        gen, manifest, documents, chunks, vectors, rows, index, bm25, Tokenizer(), records, vocabulary
    )


def _chunk_from_json(data: dict[str, Any]) -> Chunk:
    sentences = tuple((int(s), int(e)) for s, e in data["sentences"])
    return Chunk(int(data["id"]), data["source"], int(data["start"]), int(data["end"]), sentences)


def _read_jsonl(path: Path) -> Iterable[dict[str, Any]]:
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def load_document_vectors(
    root: Path,
) -> tuple[dict[str, Document], dict[str, tuple[list[Chunk], np.ndarray]]]:
    """Documents of the current generation and, per source, its chunks and sentence vectors (for reuse)."""
    gen = current_generation(root)
    if gen is None:
        return {}, {}
    try:
        documents = {d.source: d for d in map(Document.from_json, _read_jsonl(gen / "documents.jsonl"))}
        chunks = [_chunk_from_json(c) for c in _read_jsonl(gen / "chunks.jsonl")]
        vectors = np.load(gen / "sentences.npy", allow_pickle=False)
        rows = np.load(gen / "sentence_rows.npy", allow_pickle=False)
    except (OSError, ValueError, KeyError):
        return {}, {}  # a damaged previous index is rebuilt from scratch
    by_source: dict[str, tuple[list[Chunk], list[np.ndarray]]] = {}
    for chunk, first in zip(chunks, rows):
        entry = by_source.setdefault(chunk.source, ([], []))
        entry[0].append(chunk)
        entry[1].append(vectors[int(first) : int(first) + len(chunk.sentences)])
    return documents, {s: (c, np.concatenate(v)) for s, (c, v) in by_source.items()}


@dataclass
class Generation:
    """Everything a new index generation holds, ready to write."""

    manifest: dict[str, Any]
    documents: list[Document]
    chunks: list[Chunk]
    sentence_vectors: np.ndarray
    chunk_vectors: np.ndarray
    bm25_texts: list[str]
    bm25_params: dict[str, float]
    records: list[Record] = field(default_factory=list)
    vocabulary: Vocabulary | None = None


def write(root: Path, gen: Generation) -> Path:
    """Write a generation beside the current one, fsync it, then switch the pointer atomically."""
    root.mkdir(parents=True, exist_ok=True)
    name = f"gen-{time.strftime('%Y%m%dT%H%M%S')}-{uuid.uuid4().hex[:8]}"
    tmp = root / f".tmp-{name}"
    tmp.mkdir()
    try:
        _write_files(tmp, gen)
        _fsync_tree(tmp)
        os.rename(tmp, root / name)
        _switch_pointer(root, name)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    _remove_old(root, keep=name)
    return root / name


def _write_files(folder: Path, gen: Generation) -> None:
    import bm25s
    import faiss

    _write_jsonl(folder / "documents.jsonl", (d.to_json() for d in gen.documents))
    _write_jsonl(folder / "chunks.jsonl", (_chunk_json(c) for c in gen.chunks))
    _write_jsonl(folder / RECORDS, (r.to_json() for r in gen.records))
    if gen.vocabulary is not None:
        gen.vocabulary.save(folder)
    dim = gen.sentence_vectors.shape[1]
    index = faiss.IndexFlatIP(dim)
    if len(gen.chunk_vectors):
        index.add(gen.chunk_vectors.astype(np.float32))
    faiss.write_index(index, str(folder / "chunks.faiss"))
    np.save(folder / "sentences.npy", gen.sentence_vectors.astype(np.float32), allow_pickle=False)
    rows = np.cumsum([0] + [len(c.sentences) for c in gen.chunks])[:-1].astype(np.int64)
    np.save(folder / "sentence_rows.npy", rows, allow_pickle=False)
    tokenize = Tokenizer()
    bm25 = bm25s.BM25(k1=gen.bm25_params["k1"], b=gen.bm25_params["b"])
    # bm25s refuses an empty corpus and empty documents; a placeholder token keeps row i == chunk i.
    bm25.index([tokenize(t) or ["\x00"] for t in gen.bm25_texts] or [["\x00"]], show_progress=False)
    bm25.save(str(folder / "bm25"), show_progress=False)
    (folder / "manifest.json").write_text(json.dumps(gen.manifest, indent=2, ensure_ascii=False), "utf-8")


def _chunk_json(chunk: Chunk) -> dict[str, Any]:
    return {
        "id": chunk.id,
        "source": chunk.source,
        "start": chunk.start,
        "end": chunk.end,
        "sentences": [list(s) for s in chunk.sentences],
    }


def _write_jsonl(path: Path, records: Iterable[dict[str, Any]]) -> None:
    with path.open("w", encoding="utf-8") as fh:
        for record in records:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")


def _fsync_tree(folder: Path) -> None:
    """Flush every file so a power cut after the switch cannot leave half-written files."""
    for path in folder.rglob("*"):
        if path.is_file():
            with path.open("rb") as fh:
                os.fsync(fh.fileno())
    _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _switch_pointer(root: Path, name: str) -> None:
    tmp = root / f".{POINTER}.tmp"
    with tmp.open("w", encoding="utf-8") as fh:
        fh.write(name + "\n")
        fh.flush()
        os.fsync(fh.fileno())
    os.replace(tmp, root / POINTER)
    _fsync_dir(root)


def _remove_old(root: Path, keep: str) -> None:
    """Delete older generations and leftovers of interrupted builds."""
    for path in root.iterdir():
        if path.is_dir() and path.name != keep and (path.name.startswith(("gen-", ".tmp-gen-"))):
            shutil.rmtree(path, ignore_errors=True)
