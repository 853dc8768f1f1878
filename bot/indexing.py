"""Building the index: scan sources, extract, chunk, embed what changed, write a new generation."""

from __future__ import annotations

import fcntl
import hashlib
import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from bot import chunking, extraction, metadata, neighbours, records, store
from bot.config import Settings
from bot.embedding import Embedder, embed_all
from bot.errors import BotError, SkipDocument
from bot.neighbours import Vocabulary
from bot.schema import Chunk, Document

LOADER_VERSION = 1  # bump when extraction changes, so every document is extracted again


def index_settings(settings: Settings, embedder: Embedder) -> dict[str, Any]:
    """The settings an index depends on; a difference means it must be rebuilt."""
    return {
        "model": embedder.name,
        "model_sha256": embedder.sha256,
        "encoder": embedder.encoder,
        "encoder_sha256": embedder.encoder_sha256,
        "dim": embedder.dim,
        "chunk_chars": settings.chunk_chars,
        "max_sentence_chars": settings.max_sentence_chars,
        "bm25_k1": settings.bm25_k1,
        "bm25_b": settings.bm25_b,
        "tokenizer": store.TOKENIZER,
        "loader_version": LOADER_VERSION,
        "chunker_version": chunking.CHUNKER_VERSION,
    }


def fingerprint(data: Any) -> str:
    """A short stable hash of JSON-able data."""
    return hashlib.sha256(json.dumps(data, sort_keys=True).encode()).hexdigest()[:16]


@dataclass
class Prepared:
    """A document ready to index: its chunks and, once embedded, its sentence vectors."""

    document: Document
    chunks: list[chunking.ChunkSpan]
    vectors: np.ndarray | None = None
    reused: bool = False


@dataclass
class BuildReport:
    """What a build did, in the build contract's shape."""

    documents: int = 0
    chunks: int = 0
    embedded: int = 0
    skipped: list[dict[str, str]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0
    index: str = ""

    def to_json(self) -> dict[str, Any]:
        """The build --json record."""
        return {
            "documents": self.documents,
            "chunks": self.chunks,
            "embedded": self.embedded,
            "skipped": self.skipped,
            "warnings": self.warnings,
            "seconds": round(self.seconds, 3),
            "index": self.index,
        }


# Told (stage, done, total) as a build reads documents ("documents") and embeds sentences ("sentences").
OnProgress = Callable[[str, int, int], None]


def build(
    settings: Settings, embedder: Embedder, force: bool = False, progress: OnProgress | None = None
) -> BuildReport:
    """Build or update the index for settings.sources into settings.index, telling progress if asked."""
    started = time.perf_counter()
    if not settings.sources.is_dir():
        raise BotError(f"sources folder {settings.sources} does not exist: create it or set BOT_SOURCES")
    settings.index.mkdir(parents=True, exist_ok=True)
    with _build_lock(settings.index):
        report = BuildReport()
        wanted = index_settings(settings, embedder)
        previous = {} if force else _reusable(settings.index, wanted)
        prepared = _prepare_all(settings, previous, report, progress)
        _keep_a_good_index(settings, prepared, report)
        _embed_new(embedder, prepared, report, progress)
        gen = _generation(settings, wanted, prepared, report)
        # Flat search up to BOT_ANN_MIN_CHUNKS chunks, approximate (IVF) from there; recorded in the manifest.
        gen.dense = store.DensePlan(settings.ann_min_chunks)
        # Word vectors of the index being replaced are reused only when its settings and model match.
        gen.vocabulary = _vocabulary(embedder, gen, settings.index if previous else None, progress)
        report.index = str(store.write(settings.index, gen))
        report.documents, report.chunks = len(gen.documents), len(gen.chunks)
    report.seconds = time.perf_counter() - started
    return report


def _keep_a_good_index(settings: Settings, prepared: list[Prepared], report: BuildReport) -> None:
    """Refuse to replace an index that has documents with an empty one when every source was skipped."""
    if prepared or not report.skipped:
        return
    try:
        held = store.read_manifest(settings.index).get("counts", {}).get("documents", 0)
    except BotError:
        return
    if held:
        raise BotError(
            f"no file in {settings.sources} could be indexed ({len(report.skipped)} skipped, e.g. "
            f"{report.skipped[0]['source']}: {report.skipped[0]['reason']}); the previous index "
            f"({held} document{'s' if held != 1 else ''}) is kept"
        )


class _build_lock:
    """An exclusive lock so two builds never write the same index at once."""

    def __init__(self, folder: Path) -> None:
        self.path = folder / ".build.lock"

    def __enter__(self) -> None:
        self.fh = self.path.open("w")
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            self.fh.close()
            raise BotError(f"another build is running on {self.path.parent}: wait for it to finish") from None

    def __exit__(self, *exc: object) -> None:
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


def _reusable(index: Path, wanted: dict[str, Any]) -> dict[str, tuple[Document, list[Chunk], np.ndarray]]:
    """Documents of the previous index built with the same settings, keyed by source."""
    try:
        manifest = store.read_manifest(index)
        store.check_manifest(manifest, wanted)
    except BotError:
        return {}
    documents, vectors = store.load_document_vectors(index)
    return {s: (d, *vectors[s]) for s, d in documents.items() if s in vectors}


def _prepare_all(
    settings: Settings, previous: dict[str, Any], report: BuildReport, progress: OnProgress | None
) -> list[Prepared]:
    """Read every source; reuse unchanged documents; extract and chunk the rest (in parallel)."""
    catalog, warnings = metadata.read_catalog(settings.sources)
    report.warnings.extend(warnings)
    candidates = list(extraction.scan(settings.sources, report.skipped))
    report.warnings.extend(_unmatched(catalog, candidates, report))
    # Real files before symlinks, so a link to a file that is indexed anyway is the one skipped.
    candidates.sort(key=lambda c: c.path.is_symlink())
    ticks = iter(range(1, len(candidates) + 1))
    tick = (lambda: progress("documents", next(ticks), len(candidates))) if progress else None
    if progress:
        progress("documents", 0, len(candidates))
    read = [_identify(cand, settings.max_file_mb, previous.get(cand.source), tick) for cand in candidates]
    jobs = [
        extraction.Job(c.path, settings.max_pdf_pages, settings.chunk_chars, settings.max_sentence_chars)
        for c, r in zip(candidates, read)
        if isinstance(r, str)
    ]
    fresh = extraction.extract_all(jobs, settings.build_workers, tick)
    out: list[Prepared] = []
    first_with: dict[str, str] = {}  # sha256 -> source: the same report twice would be cited twice
    for cand, got in zip(candidates, read):
        try:
            prepared = _prepared(cand, got, next(fresh) if isinstance(got, str) else None, catalog)
        except SkipDocument as exc:
            report.skipped.append({"source": cand.source, "reason": str(exc)})
            continue
        twin = first_with.setdefault(prepared.document.sha256, cand.source)
        if twin != cand.source:
            report.skipped.append({"source": cand.source, "reason": f"same content as {twin}"})
            continue
        out.append(prepared)
    return out


def _identify(cand: extraction.Candidate, max_mb: float, old: Any, tick: Callable[[], None] | None) -> Any:
    """A file's sha256 when it must be extracted; the previous build's entry when its bytes are unchanged;
    the SkipDocument when it cannot be read."""
    try:
        sha = hashlib.sha256(_read(cand.path, max_mb)).hexdigest()
    except SkipDocument as exc:
        if tick:
            tick()
        return exc
    if old is not None and old[0].sha256 == sha:
        if tick:
            tick()
        return old
    return sha


def _prepared(
    cand: extraction.Candidate, got: Any, fresh: extraction.Result | None, catalog: dict[str, Any]
) -> Prepared:
    """One document: the previous build's (catalog metadata refreshed) or the fresh extraction."""
    if isinstance(got, SkipDocument):
        raise got
    row = catalog.get(cand.source)
    if fresh is None:
        doc, chunks, vectors = got
        meta = _metadata(cand.source, doc.text, doc.metadata.get("extracted_title"), row)
        doc = Document(doc.source, doc.text, meta, doc.pages, doc.paragraphs, doc.sha256)
        spans = [chunking.ChunkSpan(c.start, c.end, c.sentences) for c in chunks]
        return Prepared(doc, spans, vectors, reused=True)
    if fresh.extracted is None:
        raise SkipDocument(fresh.skip or "could not be read")
    ex = fresh.extracted
    meta = _metadata(cand.source, ex.text, ex.title, row)
    doc = Document(cand.source, ex.text, meta, ex.pages, ex.paragraphs, got)
    return Prepared(doc, list(fresh.chunks))


def _unmatched(
    catalog: dict[str, Any], candidates: list[extraction.Candidate], report: BuildReport
) -> list[str]:
    """Catalog rows naming no file: most often a typo, whose metadata would otherwise be lost silently."""
    found = {c.source for c in candidates} | {s["source"] for s in report.skipped}
    missing = [path for path in catalog if path not in found]
    return [f"{metadata.CATALOG_NAME}: no file {path!r} in the sources folder" for path in missing]


def _metadata(source: str, text: str, title: str | None, row: dict[str, str] | None) -> dict[str, str]:
    """Inferred and catalog metadata, keeping the extracted title for re-cataloguing."""
    meta = metadata.infer(source, text, title, row)
    return {**meta, "extracted_title": title} if title else meta


def _read(path: Path, max_mb: float) -> bytes:
    """The file's bytes, refusing files over the size limit or unreadable ones."""
    try:
        size = path.stat().st_size
        if size > max_mb * 1024 * 1024:
            raise SkipDocument(
                f"file is {size / 1048576:.3g} MB, over the {max_mb:g} MB limit (BOT_MAX_FILE_MB)"
            )
        return path.read_bytes()
    except OSError as exc:
        raise SkipDocument(f"cannot be read ({exc.strerror or exc})") from None


def _embed_new(
    embedder: Embedder, prepared: list[Prepared], report: BuildReport, progress: OnProgress | None
) -> None:
    """Embed the sentences of every document that was not reused, telling progress."""
    todo = [p for p in prepared if not p.reused]
    texts = [p.document.text[s:e] for p in todo for c in p.chunks for s, e in c.sentences]
    vectors = embed_all(embedder, texts, _telling(progress, "sentences"))
    at = 0
    for p in todo:
        n = sum(len(c.sentences) for c in p.chunks)
        p.vectors, at = vectors[at : at + n], at + n
    report.embedded = sum(len(p.chunks) for p in todo)


def _generation(
    settings: Settings, wanted: dict[str, Any], prepared: list[Prepared], report: BuildReport
) -> store.Generation:
    """Assemble records, chunk vectors (mean of sentence vectors) and the manifest."""
    chunks: list[Chunk] = []
    chunk_vectors: list[np.ndarray] = []
    bm25_texts: list[str] = []
    for p in prepared:
        first = 0
        prefix = " ".join(filter(None, [p.document.title, p.document.metadata.get("organisation")]))
        for span in p.chunks:
            n = len(span.sentences)
            chunk_vectors.append(_normalised_mean(p.vectors[first : first + n]))
            first += n
            chunks.append(Chunk(len(chunks), p.document.source, span.start, span.end, span.sentences))
            bm25_texts.append(prefix + "\n" + p.document.text[span.start : span.end])
    dim = wanted["dim"]
    sentence_vectors = np.concatenate([p.vectors for p in prepared]) if prepared else np.zeros((0, dim))
    matrix = np.vstack(chunk_vectors) if chunk_vectors else np.zeros((0, dim), dtype=np.float32)
    manifest = _manifest(wanted, prepared, chunks, report)
    params = {"k1": settings.bm25_k1, "b": settings.bm25_b}
    docs = [p.document for p in prepared]
    # Records are cheap regex work: recomputed for every document, reused ones too, so they follow the code.
    facts = [records.extract(doc) for doc in docs]
    return store.Generation(manifest, docs, chunks, sentence_vectors, matrix, bm25_texts, params, facts)


def _vocabulary(
    embedder: Embedder, gen: store.Generation, previous: Path | None, progress: OnProgress | None
) -> Vocabulary:
    """The corpus's words with their vectors: those of the previous index kept, new words embedded."""
    words = neighbours.corpus_words((d.text for d in gen.documents), store.Tokenizer().stop)
    old = _previous_vocabulary(previous)
    vectors = np.zeros((len(words), embedder.dim), dtype=np.float32)
    todo: list[int] = []
    for i, word in enumerate(words):
        known = old.vector(word) if old is not None else None
        if known is None:
            todo.append(i)
        else:
            vectors[i] = known
    if todo:
        vectors[todo] = embed_all(embedder, [words[i] for i in todo], _telling(progress, "words"))
    return Vocabulary(words, vectors)


def _telling(progress: OnProgress | None, stage: str) -> Callable[[int, int], None] | None:
    """A (done, total) callback that tells progress about one stage."""
    return (lambda done, total: progress(stage, done, total)) if progress else None


def _previous_vocabulary(index: Path | None) -> Vocabulary | None:
    """The vocabulary of the index being replaced (same model and settings), if it has one."""
    gen = store.current_generation(index) if index else None
    try:
        return Vocabulary.load(gen) if gen else None
    except (OSError, ValueError):
        return None  # a damaged vocabulary is embedded again


def _normalised_mean(vectors: np.ndarray) -> np.ndarray:
    mean = vectors.mean(axis=0)
    norm = float(np.linalg.norm(mean))
    return (mean / norm if norm else mean).astype(np.float32)


def _manifest(
    wanted: dict[str, Any], prepared: list[Prepared], chunks: list[Chunk], report: BuildReport
) -> dict[str, Any]:
    sources = [
        {
            "path": p.document.source,
            "sha256": p.document.sha256,
            "chars": len(p.document.text),
            "pages": len({s.page for s in p.document.pages}),
            "chunks": len(p.chunks),
            "sentences": sum(len(c.sentences) for c in p.chunks),
            "reused": p.reused,
        }
        for p in prepared
    ]
    return {
        "schema_version": store.SCHEMA_VERSION,
        "settings": wanted,
        "built_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"),
        "counts": {
            "documents": len(prepared),
            "chunks": len(chunks),
            "sentences": sum(s["sentences"] for s in sources),
        },
        "sources": sources,
        "skipped": report.skipped,
        "fingerprint": fingerprint(
            {"settings": wanted, "sources": [(s["path"], s["sha256"]) for s in sources]}
        ),
    }
