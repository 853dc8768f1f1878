"""The on-disk index: manifest, FAISS, BM25, document and chunk records. Sole owner of faiss and bm25s."""

from __future__ import annotations

import bisect
import json
import math
import os
import re
import shutil
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import numpy as np

from bot import records as report_records
from bot.errors import IndexCorrupt, IndexMismatch, IndexMissing
from bot.neighbours import Vocabulary
from bot.records import Record
from bot.schema import Chunk, Document

T = TypeVar("T")

SCHEMA_VERSION = 1
POINTER = "CURRENT"
RECORDS = "records.jsonl"
TOKENIZER = {"pattern": r"(?u)\b\w\w+\b", "lower": True, "stopwords": "bm25s-en", "stemmer": "english"}
_TOKEN = re.compile(TOKENIZER["pattern"])
# A sentence of at least this length found in this many documents is boilerplate (how inspections work).
BOILERPLATE_MIN_CHARS = 80
BOILERPLATE_MIN_DOCS = 3
# Dense search. Flat (exact) search time grows with the chunks: on 2 cores one question took ~9 ms at 50k
# chunk vectors, ~10 ms at 63k (10x the development corpus) and ~230 ms at 632k (100x); so from 50k chunks
# an approximate index is written (benchmarks/scale_results.md).
ANN_MIN_CHUNKS = 50_000
# IVF, not HNSW, by default: at 100x, HNSW (M 32, efConstruction 128) took 11 minutes to build and reached
# recall@10 0.82 at efSearch 256 (0.91 at 512); IVF-Flat with ~2.5 sqrt(n) lists built in under a minute
# and reached 0.987 probing 1/16 of them, in ~9 ms.
ANN_KIND = "ivf"
IVF_LISTS_PER_SQRT = 2.5
IVF_PROBE_SHARE = 1 / 16
IVF_MIN_PROBE = 96  # fewer lists hold more each: at 10x (628 lists) 1/16 gave 0.949, 78 lists 0.978
HNSW_M = 32
HNSW_EF_CONSTRUCTION = 128  # at 10x, 64 left recall@10 at 0.988 even with a wide search; 128 reached 0.992
HNSW_EF_SEARCH = 256
# A filter admitting at most this many chunks is searched exactly among them: a graph walk meets too
# few admitted chunks to fill the top k, and scanning a few thousand vectors is fast anyway.
EXACT_MAX_ALLOWED = 20_000
FLAT = {"kind": "flat"}


@dataclass(frozen=True)
class DensePlan:
    """Which dense index to write: flat below min_chunks chunk vectors, IVF (or HNSW) from there."""

    min_chunks: int = ANN_MIN_CHUNKS
    kind: str = ANN_KIND
    probe_share: float = IVF_PROBE_SHARE
    min_probe: int = IVF_MIN_PROBE
    m: int = HNSW_M
    ef_construction: int = HNSW_EF_CONSTRUCTION
    ef_search: int = HNSW_EF_SEARCH

    def spec(self, n: int) -> dict[str, Any]:
        """The manifest's dense_index entry for an index of n chunk vectors."""
        if n < self.min_chunks:
            return dict(FLAT)
        if self.kind == "ivf":
            # At most n/39 lists: FAISS wants 39 training points per list and complains on stderr otherwise.
            lists = max(1, min(int(IVF_LISTS_PER_SQRT * n**0.5), n // 39))
            probe = min(lists, max(math.ceil(lists * self.probe_share), self.min_probe, 1))
            return {"kind": "ivf", "nlist": lists, "nprobe": probe}
        return {
            "kind": "hnsw",
            "M": self.m,
            "ef_construction": self.ef_construction,
            "ef_search": self.ef_search,
        }


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
    dense_spec: dict[str, Any] = field(default_factory=lambda: dict(FLAT))  # the manifest's dense_index

    def dense(
        self, vector: np.ndarray, k: int, allowed: np.ndarray | None = None, exact: bool = False
    ) -> list[tuple[int, float]]:
        """Top-k chunks by inner product with a normalised query vector, optionally among allowed ids.

        exact: search every vector even when the index is approximate (the reference for its recall).
        """
        k = min(k, len(self.chunks) if allowed is None else len(allowed))
        if k <= 0:
            return []
        query = np.ascontiguousarray(vector.reshape(1, -1), dtype=np.float32)
        spec, searched = dict(self.dense_spec), self._faiss
        if exact or (allowed is not None and len(allowed) <= EXACT_MAX_ALLOWED):
            if spec["kind"] == "hnsw":
                searched, spec = self._flat_storage(), dict(FLAT)
            elif spec["kind"] == "ivf":
                spec["nprobe"] = spec["nlist"]  # every list probed: exact
        params = _search_params(allowed, spec, len(self.chunks))
        scores, ids = searched.search(query, k, params=params)
        return [(int(i), float(s)) for i, s in zip(ids[0], scores[0]) if i >= 0]

    def _flat_storage(self) -> Any:
        """The graph's own vectors as a flat index (no copy), for exact search."""
        import faiss

        return faiss.downcast_index(self._faiss.storage)

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
        ids = np.flatnonzero(scores > 0)
        if allowed is not None:
            ids = ids[np.isin(ids, allowed, assume_unique=True)]
        top = top_k(ids, scores[ids], k)
        return [(int(i), float(scores[i])) for i in top]

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
        cache: dict[tuple[str, int, int], bool] = self.__dict__.setdefault("_boilerplate", {})
        key = (source, start, end)
        if key not in cache:
            cache[key] = _plain(self.documents[source].text[start:end]) in self.recurring()
        return cache[key]

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

    def derived(self, name: str, make: Callable[[Index], T]) -> T:
        """Something worked out from the whole index once, on first use, and kept with it."""
        cache: dict[str, Any] = self.__dict__.setdefault("_derived", {})
        if name not in cache:
            cache[name] = make(self)
        return cache[name]

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

    def sentence_tokens(self, source: str, start: int, end: int) -> frozenset[str]:
        """The BM25 tokens of a span of a document, as a set; remembered, since answers score the same
        sentences again and again (a whole report's for a question about it)."""
        cache: dict[tuple[str, int, int], frozenset[str]] = self.__dict__.setdefault("_sentence_tokens", {})
        key = (source, start, end)
        if key not in cache:
            cache[key] = frozenset(self._tokenize(self.documents[source].text[start:end]))
        return cache[key]

    def document_tokens(self, source: str) -> frozenset[str]:
        """The BM25 tokens of a whole document, as a set; remembered (questions about a report ask again)."""
        cache: dict[str, frozenset[str]] = self.__dict__.setdefault("_document_tokens", {})
        if source not in cache:
            cache[source] = frozenset(self._tokenize(self.documents[source].text))
        return cache[source]

    @property
    def vocabulary_size(self) -> int:
        """How many distinct BM25 tokens the chunks hold."""
        return len(self._bm25.vocab_dict)

    def stop_words(self) -> frozenset[str]:
        """The stop words BM25 leaves out."""
        return self._tokenize.stop

    def knows(self, word: str) -> bool:
        """Whether some chunk contains the word, compared after stemming (stop words count as known)."""
        return all(self.df(t) > 0 for t in self._tokenize(word))


def _plain(text: str) -> str:
    return " ".join(_TOKEN.findall(text.lower()))


def top_k(ids: np.ndarray, scores: np.ndarray, k: int) -> np.ndarray:
    """The k ids of highest score, best first, ties by lower id (a stable full sort's order, without it)."""
    if len(ids) > k > 0:
        # Sorting every scored chunk costs ~50 ms at 600k chunks; partitioning first leaves a few to sort.
        cut = np.partition(scores, len(scores) - k)[len(scores) - k]
        keep = scores >= cut
        ids, scores = ids[keep], scores[keep]
    order = np.lexsort((ids, -scores))[: max(k, 0)]
    return ids[order]


def _search_params(allowed: np.ndarray | None, spec: dict[str, Any], total: int) -> Any:
    """FAISS search parameters: the recorded search width; only the allowed ids when some are given.

    Only admitted chunks count, so a filtered approximate search is widened by the share left out.
    """
    import faiss

    sel = {} if allowed is None else {"sel": faiss.IDSelectorBatch(np.ascontiguousarray(allowed, np.int64))}
    widen = 1 if allowed is None else max(total // max(len(allowed), 1), 1)
    if spec["kind"] == "hnsw":
        ef = int(spec["ef_search"])
        return faiss.SearchParametersHNSW(efSearch=min(ef * widen, 16 * ef), **sel)
    if spec["kind"] == "ivf":
        return faiss.SearchParametersIVF(nprobe=min(int(spec["nprobe"]) * widen, int(spec["nlist"])), **sel)
    return faiss.SearchParameters(**sel) if sel else None


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

    documents = {d.source: d for d in map(Document.from_json, _read_jsonl(gen / "documents.jsonl"))}
    chunks = [_chunk_from_json(c) for c in _read_jsonl(gen / "chunks.jsonl")]
    spec = dense_spec(manifest)
    index = _read_dense(gen / "chunks.faiss", spec)
    vectors = np.load(gen / "sentences.npy", allow_pickle=False)
    rows = np.load(gen / "sentence_rows.npy", allow_pickle=False)
    bm25 = bm25s.BM25.load(str(gen / "bm25"), load_corpus=False, show_progress=False)
    if index.ntotal != len(chunks) or len(rows) != len(chunks):
        raise ValueError("vector and chunk counts differ")
    records = report_records.load(gen / RECORDS, documents)
    vocabulary = Vocabulary.load(gen)
    return Index(
        gen, manifest, documents, chunks, vectors, rows, index, bm25, Tokenizer(), records, vocabulary, spec
    )


def dense_spec(manifest: dict[str, Any]) -> dict[str, Any]:
    """The dense index kind and parameters a manifest records (an index without the entry is flat)."""
    spec = manifest.get("dense_index") or FLAT
    if spec.get("kind") not in ("flat", "hnsw", "ivf"):
        raise ValueError(f"unknown dense index kind {spec.get('kind')!r}")
    return dict(spec)


def _read_dense(path: Path, spec: dict[str, Any]) -> Any:
    """The FAISS file, checked to be the kind the manifest says, set up to search as it was built to."""
    import faiss

    index = faiss.read_index(str(path))
    kinds = {"hnsw": faiss.IndexHNSW, "ivf": faiss.IndexIVF, "flat": faiss.IndexFlat}
    if not isinstance(index, kinds[spec["kind"]]):
        raise ValueError(f"the FAISS file is not the {spec['kind']} index the manifest records")
    if spec["kind"] == "hnsw":
        index.hnsw.efSearch = int(spec["ef_search"])
    if spec["kind"] == "ivf":
        index.nprobe = int(spec["nprobe"])
    return index


def _dense_index(vectors: np.ndarray, spec: dict[str, Any]) -> Any:
    """A flat or HNSW inner-product index over the chunk vectors, as the spec says."""
    import faiss

    dim, vectors = vectors.shape[1], np.ascontiguousarray(vectors, dtype=np.float32)
    if spec["kind"] == "ivf":
        return _ivf_index(vectors, spec)
    if spec["kind"] == "hnsw":
        index = faiss.IndexHNSWFlat(dim, int(spec["M"]), faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efConstruction = int(spec["ef_construction"])
        index.hnsw.efSearch = int(spec["ef_search"])
    else:
        index = faiss.IndexFlatIP(dim)
    if len(vectors):
        index.add(vectors)
    return index


def _ivf_index(vectors: np.ndarray, spec: dict[str, Any]) -> Any:
    """An IVF-Flat inner-product index, its lists trained on a fixed sample (same vectors, same lists)."""
    import faiss

    lists, dim = int(spec["nlist"]), vectors.shape[1]
    quantizer = faiss.IndexFlatIP(dim)  # held here too: the IVF index only points to it
    index = faiss.IndexIVFFlat(quantizer, dim, lists, faiss.METRIC_INNER_PRODUCT)
    sample = np.random.default_rng(0).choice(len(vectors), min(len(vectors), 64 * lists), replace=False)
    index.train(vectors[np.sort(sample)])
    index.add(vectors)
    index.nprobe = int(spec["nprobe"])
    return index


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
    dense: DensePlan = field(default_factory=DensePlan)


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

    spec = gen.dense.spec(len(gen.chunk_vectors))
    gen.manifest = {**gen.manifest, "dense_index": spec}
    _write_jsonl(folder / "documents.jsonl", (d.to_json() for d in gen.documents))
    _write_jsonl(folder / "chunks.jsonl", (_chunk_json(c) for c in gen.chunks))
    _write_jsonl(folder / RECORDS, (r.to_json() for r in gen.records))
    if gen.vocabulary is not None:
        gen.vocabulary.save(folder)
    faiss.write_index(_dense_index(gen.chunk_vectors, spec), str(folder / "chunks.faiss"))
    # asarray: no second copy of the sentence vectors (gigabytes at 100x the development corpus).
    np.save(folder / "sentences.npy", np.asarray(gen.sentence_vectors, dtype=np.float32), allow_pickle=False)
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
