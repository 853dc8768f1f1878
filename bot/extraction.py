"""Extraction for the build: which files are documents, and each new one's text, page and paragraph maps
and chunks, over worker processes.

Workers are `python -m bot.extraction` processes fed one JSON job per line and answering one JSON line
each, so only JSON crosses a process boundary. A worker that dies costs only the file it held: that file
is skipped with the reason, and the others carry on.
"""

from __future__ import annotations

import json
import os
import selectors
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO, Any

from bot import chunking, loaders, metadata
from bot.errors import SkipDocument
from bot.schema import Extracted, PageSpan, ParagraphSpan

_PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent)
WORKER = [sys.executable, "-m", "bot.extraction"]  # the command that starts one worker
_IGNORED = {metadata.CATALOG_NAME}  # the catalog describes documents; it is not one


@dataclass
class Candidate:
    """A file found under the sources folder."""

    path: Path
    source: str


def scan(sources: Path, skipped: list[dict[str, str]]) -> Iterator[Candidate]:
    """Every file below sources, recursively, in a stable order; unusable ones are reported as skipped."""
    root = sources.resolve()
    for dirpath, dirnames, filenames in os.walk(sources):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath) / name
            source = path.relative_to(sources).as_posix()
            if name.startswith(".") or source in _IGNORED:
                continue
            reason = _unusable(path, root, source)
            if reason:
                skipped.append({"source": _printable(source), "reason": reason})
            else:
                yield Candidate(path, source)


def _unusable(path: Path, root: Path, source: str) -> str | None:
    """Why a file cannot be indexed, or None."""
    if _printable(source) != source:  # undecodable bytes in the name cannot be written to JSON records
        return "file name is not valid UTF-8: rename the file"
    if path.is_symlink():
        target = path.resolve()
        if not target.is_relative_to(root):
            return "symlink points outside the sources folder"
        if not target.is_file():
            return "symlink to a missing file"
    if not loaders.supported(path):
        return f"unsupported file type {path.suffix or '(no extension)'}"
    if not path.is_file():  # a pipe or device named like a document would block or never end
        return "not a regular file"
    return None


def _printable(name: str) -> str:
    """A file name as valid text: bytes that are not UTF-8 (kept by os as surrogates) become U+FFFD."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


@dataclass(frozen=True)
class Job:
    """One file to extract and chunk."""

    path: Path
    max_pdf_pages: int
    chunk_chars: int
    max_sentence_chars: int


@dataclass(frozen=True)
class Result:
    """A file's extraction and chunks, or the reason it was skipped."""

    extracted: Extracted | None = None
    chunks: tuple[chunking.ChunkSpan, ...] = ()
    skip: str | None = None


def extract_one(job: Job, data: bytes | None = None) -> Result:
    """Extract and chunk one file in this process; any failure becomes a skip reason, never a crash."""
    try:
        data = job.path.read_bytes() if data is None else data
        extracted = loaders.extract(job.path, data, job.max_pdf_pages)
    except SkipDocument as exc:
        return Result(skip=str(exc))
    except OSError as exc:
        return Result(skip=f"cannot be read ({exc.strerror or exc})")
    except Exception as exc:  # a loader bug or library failure must not stop the build
        return Result(skip=f"could not be read ({type(exc).__name__}: {exc})")
    spans = chunking.chunk(extracted.text, job.chunk_chars, job.max_sentence_chars)
    return Result(extracted, tuple(spans))


def extract_all(jobs: list[Job], workers: int, done: Callable[[], None] | None = None) -> Iterator[Result]:
    """Results in the order of jobs; with more than one worker, files are extracted in parallel."""
    if workers <= 1 or len(jobs) <= 1:
        for job in jobs:
            yield extract_one(job)
            if done:
                done()
        return
    results = _Pool(min(workers, len(jobs))).run(jobs, done)
    yield from (results[i] for i in range(len(jobs)))


class _Pool:
    """Worker processes, each given the next job as soon as it answers the last."""

    def __init__(self, size: int) -> None:
        env = {
            **os.environ,
            "PYTHONPATH": os.pathsep.join(filter(None, [_PACKAGE_PARENT, os.environ.get("PYTHONPATH")])),
        }
        self.procs = [
            subprocess.Popen(WORKER, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
            for _ in range(size)
        ]

    def run(self, jobs: list[Job], done: Callable[[], None] | None) -> dict[int, Result]:
        """Every job's result by its position; the workers are stopped before this returns."""
        results: dict[int, Result] = {}
        pending = list(enumerate(jobs))[::-1]  # popped from the end: first job first
        held: dict[IO[str], int] = {}
        with selectors.DefaultSelector() as selector:
            for proc in self.procs:
                selector.register(proc.stdout, selectors.EVENT_READ, proc)
                self._give(proc, pending, held)
            while held:
                for key, _ in selector.select():
                    proc, at = key.data, held.pop(key.fileobj)
                    line = key.fileobj.readline()
                    results[at] = _decode(line) if line else Result(skip=_died(proc))
                    if done:
                        done()
                    if line:
                        self._give(proc, pending, held)
                    else:
                        selector.unregister(key.fileobj)
        results.update((at, extract_one(job)) for at, job in pending)  # only if every worker died
        self._stop()
        return results

    def _give(
        self, proc: subprocess.Popen[str], pending: list[tuple[int, Job]], held: dict[IO[str], int]
    ) -> None:
        """Send the next job to a worker, if there is one."""
        if not pending:
            return
        at, job = pending.pop()
        assert proc.stdin is not None and proc.stdout is not None
        proc.stdin.write(json.dumps(_job_json(job)) + "\n")
        proc.stdin.flush()
        held[proc.stdout] = at

    def _stop(self) -> None:
        """Close every worker's input (it then exits) and wait for it."""
        for proc in self.procs:
            if proc.stdin and not proc.stdin.closed:
                try:
                    proc.stdin.close()
                except BrokenPipeError:
                    pass
            proc.wait()


def _died(proc: subprocess.Popen[str]) -> str:
    """The skip reason for a file whose worker stopped before answering."""
    return f"could not be read (the extraction worker stopped, exit code {proc.wait()})"


def _job_json(job: Job) -> dict[str, Any]:
    return {**asdict(job), "path": str(job.path)}


def _result_json(result: Result) -> dict[str, Any]:
    if result.extracted is None:
        return {"skip": result.skip}
    chunks = [[c.start, c.end, [list(s) for s in c.sentences]] for c in result.chunks]
    return {"extracted": asdict(result.extracted), "chunks": chunks}


def _decode(line: str) -> Result:
    """A worker's answer back into a Result."""
    data = json.loads(line)
    if "skip" in data:
        return Result(skip=data["skip"])
    raw = data["extracted"]
    extracted = Extracted(
        text=raw["text"],
        pages=tuple(PageSpan(**p) for p in raw["pages"]),
        paragraphs=tuple(ParagraphSpan(**p) for p in raw["paragraphs"]),
        title=raw["title"],
        parser=raw["parser"],
    )
    chunks = tuple(
        chunking.ChunkSpan(s, e, tuple((a, b) for a, b in sentences)) for s, e, sentences in data["chunks"]
    )
    return Result(extracted, chunks)


def serve(jobs: IO[str], answers: IO[str]) -> None:
    """The worker's loop: one job in, one answer out, until its input closes."""
    for line in jobs:
        raw = json.loads(line)
        job = Job(Path(raw["path"]), raw["max_pdf_pages"], raw["chunk_chars"], raw["max_sentence_chars"])
        answers.write(json.dumps(_result_json(extract_one(job))) + "\n")
        answers.flush()


if __name__ == "__main__":
    import logging
    import warnings

    # A malformed file's parser warnings are noise here: a file that cannot be read is skipped with a reason.
    logging.disable(logging.WARNING)
    warnings.filterwarnings("ignore")
    _answers, sys.stdout = sys.stdout, sys.stderr  # a library's stray print must not corrupt the answers
    serve(sys.stdin, _answers)
