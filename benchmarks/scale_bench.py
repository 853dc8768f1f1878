"""Scale benchmark: build throughput, index bytes per chunk, search time and memory at 1x to 100x the corpus.

The development corpus (the seed and the Ofsted reports, ~6,300 chunks) is 1x. Larger corpora are copies of
its real reports with organisation names and years rewritten (same length, so every span stays valid) so
that each copy is a distinct report about a distinct place. Embedding 100x for real would take hours on 2
cores, so:

- 1x and up to --real-max (default 2x) are real builds (`python -m bot build --force` in a child process);
  copies enter as .txt files of the rewritten extracted text.
- Larger sizes are constructed: the rewritten documents with the real sentence vectors of the originals,
  each copy's vectors moved by Gaussian noise calibrated on the real 2x build (the median cosine between a
  sentence and its rewritten copy, both embedded for real), then written by the real writer (`store.write`:
  BM25, FAISS flat or HNSW as the size decides, records, fsync). Their build time is measured for that
  part and projected for extraction and embedding from the real 1x build.
- Every search figure is measured on the index on disk, loaded by the real engine, in a child process.

Run: .venv/bin/python benchmarks/scale_bench.py [--sizes 1,2,10,100] [--quick]
(writes benchmarks/scale_results.md and .json)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus import ROOT, SHARED, lay_out, require_shared  # noqa: E402

EVAL = SHARED / "eval"
SETS = ("ofsted_natural_questions.jsonl", "ofsted_dev_questions.jsonl", "send_dev_questions.jsonl")
SEED_SETS = ("seed_natural_questions.jsonl",)
GENERIC = {"council", "police", "county", "city", "borough", "metropolitan", "west", "north", "south", "east"}
_YEAR = re.compile(r"\b(19[89]\d|20[0-4]\d)\b")
VOWELS, CONSONANTS = "aeiou", "bcdfghklmnprstvw"


# ---------------------------------------------------------------- rewriting copies


class Rewriter:
    """Copy j of the corpus: each organisation word and each year replaced by one of the same length."""

    def __init__(self, names: set[str], copy: int) -> None:
        self.copy = copy
        words = {w for name in names for w in re.findall(r"[A-Za-z]{4,}", name) if w.lower() not in GENERIC}
        self.fake = {w.lower(): _fake_word(w.lower(), copy) for w in words}
        # Letters around, not \b: "80426_barnsley" in a folder name is a name too.
        alternatives = "|".join(map(re.escape, sorted(self.fake, key=len)[::-1]))
        self.pattern = re.compile(rf"(?<![A-Za-z])({alternatives})(?![A-Za-z])", re.I)
        self.shift = 1 + (copy - 1) % 25  # years move back by 1..25: copies are distinct, still plausible

    def __call__(self, text: str) -> str:
        """The text with names and years rewritten; its length unchanged."""
        if self.copy == 0:
            return text
        out = self.pattern.sub(lambda m: _same_case(self.fake[m.group(0).lower()], m.group(0)), text)
        return _YEAR.sub(lambda m: str(int(m.group(0)) - self.shift), out)


def _fake_word(word: str, copy: int) -> str:
    """A pronounceable made-up word of the same length, fixed by the word and the copy number."""
    seed = int(hashlib.sha1(f"{copy}:{word}".encode()).hexdigest()[:8], 16)
    rng = np.random.default_rng(seed)
    return "".join(rng.choice(list(VOWELS if i % 2 else CONSONANTS)) for i in range(len(word)))


def _same_case(fake: str, matched: str) -> str:
    return "".join(f.upper() if m.isupper() else f for f, m in zip(fake, matched))


def organisation_names(documents: list) -> set[str]:
    """Organisation names of the corpus: from metadata and from the per-authority folder names."""
    names = {d.metadata.get("organisation", "") for d in documents}
    for d in documents:
        parts = d.source.split("/")
        if len(parts) > 2:
            names.add(parts[-2].split("_", 1)[-1])
    return {n for n in names if n}


# ---------------------------------------------------------------- child processes


def child(cmd: list[str]) -> tuple[str, float, float]:
    """Run a command: its stdout, wall seconds and own peak RSS in MB (wait4: this child's only)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        if os.waitstatus_to_exitcode(status):
            sys.exit(f"{' '.join(cmd[:4])} failed: {err.read().strip()[-1500:]}")
        return out.read(), wall, usage.ru_maxrss / 1024


def real_build(sources: Path, index: Path) -> dict:
    """One `python -m bot build --force` in a child process."""
    cmd = [sys.executable, "-m", "bot", "build", "--sources", str(sources), "--index", str(index)]
    out, wall, peak = child(cmd + ["--json", "--force"])
    report = json.loads(out.strip().splitlines()[-1])
    return {
        "how": "measured: real build (extract, embed, write)",
        "wall_s": round(wall, 1),
        "peak_rss_mb": round(peak),
        "chunks_per_s": round(report["chunks"] / wall, 1),
    }


def write_copies(base_index: Path, sources: Path, copies: int) -> None:
    """Add copies 1..copies of every indexed document to sources as rewritten .txt files."""
    from bot import store

    documents, _ = store.load_document_vectors(base_index)
    names = organisation_names(list(documents.values()))
    for j in range(1, copies + 1):
        rewrite = Rewriter(names, j)
        for doc in documents.values():
            path = sources / f"copy-{j:03d}" / (rewrite(doc.source) + ".txt")
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(rewrite(doc.text), encoding="utf-8")


# ---------------------------------------------------------------- noise calibration


def copy_cosines(base_index: Path, copied_index: Path) -> dict:
    """Cosine between each original sentence and its rewritten copy, both embedded for real (the 2x build)."""
    from bot import store

    documents, vectors = store.load_document_vectors(base_index)
    rewrite = Rewriter(organisation_names(list(documents.values())), 1)
    originals: dict[str, tuple[bool, np.ndarray]] = {}
    for source, (chunks, vecs) in vectors.items():
        text = documents[source].text
        for (a, b), v in zip([s for c in chunks for s in c.sentences], vecs):
            originals[rewrite(text[a:b])] = (rewrite(text[a:b]) != text[a:b], v)
    copied_docs, copied = store.load_document_vectors(copied_index)
    same, changed = [], []
    for source, (chunks, vecs) in copied.items():
        text = copied_docs[source].text
        for (a, b), v in zip([s for c in chunks for s in c.sentences], vecs):
            if source.startswith("copy-001/") and text[a:b] in originals:
                was_changed, o = originals[text[a:b]]
                (changed if was_changed else same).append(float(o @ v))
    return {
        "sentences_matched": len(same) + len(changed),
        "median_cos_all": _median(same + changed),
        "median_cos_rewritten_sentences": _median(changed),
    }


def noise_target(base_index: Path, sample: int = 2000) -> dict:
    """How far apart distinct reports are: median cosine of a chunk to its nearest chunk of another report,
    and the sentence noise that moves a copy's chunk vectors that far from the original's."""
    from bot import store

    _, vectors = store.load_document_vectors(base_index)
    rng = np.random.default_rng(0)
    chunk_vecs, owner, sentence_sets = [], [], []
    for d, (chunks, vecs) in enumerate(vectors.values()):
        at = 0
        for c in chunks:
            sentence_sets.append(vecs[at : at + len(c.sentences)])
            chunk_vecs.append(_unit(sentence_sets[-1].mean(axis=0)))
            owner.append(d)
            at += len(c.sentences)
    matrix, owner = np.vstack(chunk_vecs), np.array(owner)
    picked = rng.choice(len(matrix), min(sample, len(matrix)), replace=False)
    sims = matrix[picked] @ matrix.T
    sims[owner[picked][:, None] == owner[None, :]] = -1.0
    target = float(np.median(sims.max(axis=1)))
    sigma = _bisect_sigma([sentence_sets[i] for i in picked], matrix[picked], target, rng)
    return {"target_cos": round(target, 4), "sigma": round(sigma, 6)}


def _bisect_sigma(
    sets: list[np.ndarray], chunks: np.ndarray, target: float, rng: np.random.Generator
) -> float:
    """The sentence noise whose noisy chunk means sit at the target median cosine to the originals."""
    low, high = 0.0, 1.0
    for _ in range(30):
        sigma = (low + high) / 2
        cos = [float(_unit(_noisy(s, sigma, rng).mean(axis=0)) @ c) for s, c in zip(sets, chunks)]
        low, high = (sigma, high) if np.median(cos) > target else (low, sigma)
    return (low + high) / 2


def _noisy(vecs: np.ndarray, sigma: float, rng: np.random.Generator) -> np.ndarray:
    moved = vecs + rng.standard_normal(vecs.shape, dtype=np.float32) * np.float32(sigma)
    return moved / np.linalg.norm(moved, axis=1, keepdims=True)


def _unit(v: np.ndarray) -> np.ndarray:
    return v / (np.linalg.norm(v) or 1.0)


def _median(values: list[float]) -> float:
    return round(statistics.median(values), 5) if values else 1.0


# ---------------------------------------------------------------- constructed corpora


def construct(base_index: Path, out: Path, copies: int, sigma: float, min_chunks: int | None) -> dict:
    """Write an index of `copies` rewritten copies of the base index (copy 0: the originals)."""
    from bot import indexing, store
    from bot.config import Settings
    from bot.neighbours import Vocabulary

    started = time.perf_counter()
    manifest = store.read_manifest(base_index)
    documents, vectors = store.load_document_vectors(base_index)
    names = organisation_names(list(documents.values()))
    prepared = []
    for j in range(copies):
        rewrite, rng = Rewriter(names, j), np.random.default_rng(j)
        for source, doc in documents.items():
            chunks, vecs = vectors[source]
            prepared.append(_copied(doc, chunks, vecs, rewrite, rng, sigma if j else 0.0, j))
    report = indexing.BuildReport()
    settings = Settings()
    gen = indexing._generation(settings, manifest["settings"], prepared, report)
    gen.vocabulary = Vocabulary.load(store.current_generation(base_index))  # rewritten names not in it
    prepared_s = time.perf_counter() - started
    if min_chunks is not None:
        gen.dense = store.DensePlan(min_chunks)
    del prepared
    began = time.perf_counter()
    store.write(out, gen)
    return {"prepare_s": round(prepared_s, 1), "write_s": round(time.perf_counter() - began, 1)}


def _copied(doc, chunks, vecs, rewrite: Rewriter, rng, sigma: float, j: int):  # noqa: ANN001, ANN202
    """One document's copy j: rewritten text and metadata, the same spans, its vectors moved by noise."""
    from bot import chunking, indexing
    from bot.schema import Document

    text = rewrite(doc.text)
    assert len(text) == len(doc.text), doc.source
    meta = {k: rewrite(v) if isinstance(v, str) else v for k, v in doc.metadata.items()}
    source = doc.source if j == 0 else f"copy-{j:03d}/{rewrite(doc.source)}"
    sha = hashlib.sha256(text.encode()).hexdigest()
    copy = Document(source, text, meta, doc.pages, doc.paragraphs, sha)
    if sigma:
        vecs = _noisy(vecs, sigma, rng)
    spans = [chunking.ChunkSpan(c.start, c.end, c.sentences) for c in chunks]
    return indexing.Prepared(copy, spans, vecs.astype(np.float32, copy=False), reused=True)


# ---------------------------------------------------------------- measuring search (child process)


def questions(limit: int) -> list[str]:
    """Answerable labelled questions, natural ones first, in a fixed order."""
    items = []
    for name in SETS + SEED_SETS:
        path = EVAL / name
        if path.is_file():
            items += [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    return [it["question"] for it in items if it.get("answerable", True)][:limit]


def measure(index_dir: Path, limit: int) -> dict:
    """Load the index with the real engine, then time whole searches and the dense part alone."""
    from bot.config import Settings
    from bot.engine import Engine

    started = time.perf_counter()
    engine = Engine(Settings.from_env(index=index_dir))
    engine.warm()
    load_s = time.perf_counter() - started
    qs = questions(limit)
    for q in qs[:3]:
        engine.search(q)
    whole = []
    for q in qs:
        began = time.perf_counter()
        engine.search(q)
        whole.append((time.perf_counter() - began) * 1000)
    vectors = engine.embedder.embed(qs)
    return {
        "load_s": round(load_s, 1),
        "search_ms": _spread(whole),
        "dense": dense_stats(engine.index, vectors),
    }


def dense_stats(index, vectors: np.ndarray) -> dict:  # noqa: ANN001 - a loaded store.Index
    """The dense part alone: as configured and exact, its time and recall@10, unfiltered and filtered."""
    out = {"kind": dict(index.dense_spec), "chunks": len(index.chunks)}
    send = np.sort(np.concatenate([ids for s, ids in index.chunk_ids().items() if "ofsted-send" in s]))
    one = index.chunk_ids()[sorted(index.chunk_ids())[len(index.chunk_ids()) // 2]]
    for name, allowed in (("all", None), ("send_reports", send), ("one_report", one)):
        approx, exact, recall = [], [], []
        for v in vectors:
            a, ta = _timed(lambda v=v, allowed=allowed: index.dense(v, 40, allowed))
            e, te = _timed(lambda v=v, allowed=allowed: index.dense(v, 40, allowed, exact=True))
            approx.append(ta)
            exact.append(te)
            recall.append(len({i for i, _ in a[:10]} & {i for i, _ in e[:10]}) / max(min(10, len(e)), 1))
        out[name] = {
            "allowed": len(index.chunks) if allowed is None else len(allowed),
            "ms": _spread(approx),
            "exact_ms": _spread(exact),
            "recall@10": round(float(np.mean(recall)), 4),
        }
    if index.dense_spec["kind"] != "flat":
        out["ef_sweep"] = ef_sweep(index, vectors)
    return out


def ef_sweep(index, vectors: np.ndarray) -> dict:  # noqa: ANN001 - a loaded store.Index
    """Unfiltered recall@10 and time of the approximate search at other widths than the recorded one."""
    spec, sweep = dict(index.dense_spec), {}
    exact = [{i for i, _ in index.dense(v, 10, exact=True)} for v in vectors]
    if spec["kind"] == "ivf":
        key, widths = "nprobe", sorted({max(1, spec["nlist"] * d // 64) for d in (1, 2, 4, 8)})
    else:
        key, widths = "ef_search", [64, 128, 256, 512]
    for ef in widths:
        index.dense_spec = spec | {key: ef}
        timed = [_timed(lambda v=v: index.dense(v, 40)) for v in vectors]
        recall = [len({i for i, _ in got[:10]} & e) / 10 for (got, _), e in zip(timed, exact)]
        sweep[ef] = {
            "p50_ms": _spread([t for _, t in timed])["p50"],
            "recall@10": round(float(np.mean(recall)), 4),
        }
    index.dense_spec = spec
    return sweep


def _timed(fn):  # noqa: ANN001, ANN202
    began = time.perf_counter()
    got = fn()
    return got, (time.perf_counter() - began) * 1000


def _spread(ms: list[float]) -> dict:
    ordered = sorted(ms)
    return {
        "p50": round(statistics.median(ordered), 2),
        "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
        "n": len(ordered),
    }


def index_bytes(root: Path) -> dict:
    """Bytes of the current generation: total, per chunk, and per file or folder."""
    from bot import store

    gen = store.current_generation(root)
    sizes: dict[str, int] = {}
    for path in gen.rglob("*"):
        if path.is_file():
            top = path.relative_to(gen).parts[0]
            sizes[top] = sizes.get(top, 0) + path.stat().st_size
    manifest = store.read_manifest(root)
    total = sum(sizes.values())
    return {
        "documents": manifest["counts"]["documents"],
        "chunks": manifest["counts"]["chunks"],
        "sentences": manifest["counts"]["sentences"],
        "dense_index": manifest.get("dense_index", {"kind": "flat"}),
        "bytes": total,
        "bytes_per_chunk": round(total / max(manifest["counts"]["chunks"], 1)),
        "files": dict(sorted(sizes.items())),
    }


# ---------------------------------------------------------------- the run


def run_child(args: list[str]) -> tuple[dict, float, float]:
    out, wall, peak = child([sys.executable, __file__, *args])
    return json.loads(out.strip().splitlines()[-1]), wall, peak


def searched(index: Path, limit: int) -> dict:
    result, _, peak = run_child(["measure", str(index), str(limit)])
    return result | {"peak_rss_mb": round(peak)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,2,10,100", help="multiples of the development corpus")
    parser.add_argument("--real-max", type=int, default=2, help="sizes up to this are real builds")
    parser.add_argument("--questions", type=int, default=100)
    parser.add_argument("--quick", action="store_true", help="sizes 1,10, 30 questions, no real copy")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (default: a temp folder)")
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="with --keep: take the real builds already there and their rows"
        " from the last scale_results.json; construct and measure the larger sizes again",
    )
    args = parser.parse_args()
    if args.quick:
        args.sizes, args.questions, args.real_max = "1,10", 30, 1
    sizes = sorted({int(s) for s in args.sizes.split(",")} | {1})
    require_shared()
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        results = run(args.keep, sizes, args.real_max, args.questions, args.reuse)
    else:
        with tempfile.TemporaryDirectory() as tmp:
            results = run(Path(tmp), sizes, args.real_max, args.questions)
    save(results)


def run(work: Path, sizes: list[int], real_max: int, limit: int, reuse: bool = False) -> dict:
    """Every size in turn, one heavy child process at a time."""
    rows, noise = [], {"how": "none needed (no constructed size)"}
    base = work / "x1" / "index"
    reals = [n for n in sizes if 1 < n <= real_max]
    if reuse:
        earlier = json.loads(Path(__file__).with_name("scale_results.json").read_text(encoding="utf-8"))
        rows = [row for row in earlier["sizes"] if row["size"] in [1, *reals]]
        build = rows[0]["build"]
        reals_done = reals
        hnsw = [
            r for r in earlier["sizes"] if r["size"] >= 10 and r["index"]["dense_index"]["kind"] == "hnsw"
        ]
        rows += [r | {"size": r["size"], "superseded": "HNSW, the earlier run's default"} for r in hnsw]
    else:
        build = real_build(lay_out(work / "x1", with_send=True), base)
        rows.append(_row(1, build, base, limit))
        reals_done = []
    for n in [n for n in reals if n not in reals_done]:
        copied = lay_out(work / f"x{n}", with_send=True)
        write_copies(base, copied, n - 1)
        rows.append(_row(n, real_build(copied, work / f"x{n}" / "index"), work / f"x{n}" / "index", limit))
    constructed = [n for n in sizes if n > max(real_max, 1)]
    if constructed:
        noise = run_child(["noise", str(base)])[0] | {"how": "measured on the real 1x vectors"}
        if reals:
            noise["real_copy"] = run_child(["copies", str(base), str(work / f"x{reals[0]}" / "index")])[0]
        # What a real build does beyond a constructed one (extraction, embedding): less a 1x construct.
        per_copy_s = build["wall_s"] - _constructed(base, work / "c1", 1, 0.0, None)["wall_s"]
        _remove(work / "c1")
        for n in constructed:
            rows.append(_constructed_row(base, work, n, noise["sigma"], per_copy_s, limit))
    return _header() | {"noise": noise, "sizes": rows}


def _row(n: int, build: dict, index: Path, limit: int) -> dict:
    return {"size": n, "build": build, "index": index_bytes(index), "search": searched(index, limit)}


def _constructed(base: Path, out: Path, n: int, sigma: float, min_chunks: int | None) -> dict:
    args = ["construct", str(base), str(out), str(n), str(sigma), str(min_chunks or 0)]
    result, wall, peak = run_child(args)
    return result | {"wall_s": round(wall, 1), "peak_rss_mb": round(peak)}


def _constructed_row(base: Path, work: Path, n: int, sigma: float, per_copy_s: float, limit: int) -> dict:
    """A constructed size: written with the default dense index; also with HNSW when that is flat."""
    out = work / f"c{n}"
    made = _constructed(base, out, n, sigma, None)
    info = index_bytes(out)
    projected = made["wall_s"] + n * per_copy_s
    build = made | {
        "how": "write measured on reused vectors; extraction and embedding projected from the real 1x build",
        "projected_full_build_s": round(projected),
        "chunks_per_s": round(info["chunks"] / projected, 1),
        "write_chunks_per_s": round(info["chunks"] / made["wall_s"], 1),
    }
    row = {"size": n, "build": build, "index": info, "search": searched(out, limit)}
    if info["dense_index"]["kind"] == "flat":
        hnsw = work / f"c{n}-hnsw"
        row["hnsw_variant"] = {"build": _constructed(base, hnsw, n, sigma, 1), "index": index_bytes(hnsw)}
        row["hnsw_variant"]["search"] = searched(hnsw, limit)
        _remove(hnsw)
    _remove(out)
    return row


def _remove(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


def _header() -> dict:
    return {
        "date": time.strftime("%Y-%m-%d"),
        "cores": os.cpu_count(),
        "python": sys.version.split()[0],
        "machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}",
    }


def save(results: dict) -> None:
    here = Path(__file__).parent
    (here / "scale_results.json").write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    (here / "scale_results.md").write_text(table(results), encoding="utf-8")
    print(table(results))


def table(r: dict) -> str:
    """The results as Markdown."""
    lines = [
        f"# Scale benchmark ({r['date']}, {r['machine']})",
        "",
        "One run of `benchmarks/scale_bench.py`. 1x is the development corpus (the seed and the Ofsted",
        "reports); larger sizes are copies of its reports with organisation names and years rewritten.",
        "",
        "| size | how built | documents | chunks | build chunks/s | build peak MB | bytes/chunk"
        " | dense index | search p50 ms | search p95 ms | search peak MB | dense p50 ms (exact p50)"
        " | recall@10 vs flat |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for row in r["sizes"]:
        if row.get("superseded"):
            continue
        lines.append(_line(row, row))
        if "hnsw_variant" in row:
            lines.append(_line(row, row["hnsw_variant"], variant=True))
    lines += ["", *_targets(r), "", *_notes(r)]
    return "\n".join(lines) + "\n"


def _line(row: dict, part: dict, variant: bool = False) -> str:
    b, info, s = row["build"], part["index"], part["search"]
    d = s["dense"]["all"]
    spec = info["dense_index"]
    kind = spec["kind"] + (f" M={spec['M']} ef={spec['ef_search']}" if spec["kind"] == "hnsw" else "")
    kind += f" nlist={spec['nlist']} nprobe={spec['nprobe']}" if spec["kind"] == "ivf" else ""
    how = "real" if "projected_full_build_s" not in b else "constructed"
    cells = [
        f"{row['size']}x" + (" (HNSW forced)" if variant else ""),
        how,
        info["documents"],
        info["chunks"],
        "" if variant else f"{b['chunks_per_s']}" + (" (projected)" if how == "constructed" else ""),
        part["build"]["peak_rss_mb"] if variant else b["peak_rss_mb"],
        info["bytes_per_chunk"],
        kind,
        s["search_ms"]["p50"],
        s["search_ms"]["p95"],
        s["peak_rss_mb"],
        f"{d['ms']['p50']} ({d['exact_ms']['p50']})",
        d["recall@10"],
    ]
    return "| " + " | ".join(map(str, cells)) + " |"


def _targets(r: dict) -> list[str]:
    """The issue's targets at the largest size measured."""
    top = max((row for row in r["sizes"] if not row.get("superseded")), key=lambda row: row["size"])
    recall = top["search"]["dense"]["all"]["recall@10"]
    p50 = top["search"]["search_ms"]["p50"]
    lines = [
        f"Targets at {top['size']}x: approximate recall@10 against flat {recall} (target >= 0.98: "
        f"{'met' if recall >= 0.98 else 'not met'}); whole search p50 {p50} ms (target < 50: "
        f"{'met' if p50 < 50 else 'not met'})."
    ]
    lines += [
        f"- The {row['size']}x row was {row['remeasured']}." for row in r["sizes"] if row.get("remeasured")
    ]
    return lines


def _sweeps(r: dict) -> list[str]:
    """The HNSW width against recall table, per size that has a graph."""
    lines = []
    for row in r["sizes"]:
        for part in (row, row.get("hnsw_variant")):
            sweep = (part or {}).get("search", {}).get("dense", {}).get("ef_sweep")
            if sweep:
                kind = part["index"]["dense_index"]["kind"]
                width = "nprobe (lists probed)" if kind == "ivf" else "efSearch"
                lines += ["", f"{kind.upper()} search width at {row['size']}x (unfiltered dense top 40):", ""]
                lines += [f"| {width} | dense p50 ms | recall@10 |", "|---|---|---|"]
                lines += [f"| {ef} | {v['p50_ms']} | {v['recall@10']} |" for ef, v in sweep.items()]
    return lines


def _notes(r: dict) -> list[str]:
    noise = r["noise"]
    notes = [
        "## How each figure was obtained",
        "",
        "- **Real sizes**: `python -m bot build --force` in a child process; build chunks/s is chunks",
        "  over its wall time (start-up and model loading included); peak MB is that child's own maximum",
        "  RSS (wait4). Copies in a real build are .txt files of the rewritten extracted text (no PDF",
        "  parsing for them).",
        "- **Constructed sizes**: the rewritten documents keep the real sentence vectors of their",
        "  originals. Literal copies would embed almost identically (see below), which makes 100 near-ties",
        "  of every passage and says nothing about a corpus of distinct reports; so each copy's sentence",
        f"  vectors are moved by Gaussian noise (sigma {noise.get('sigma')} per dimension, renormalised) so",
        "  that a copy's chunk is as far from its original (median cosine",
        f"  {noise.get('target_cos')}) as a real chunk is from the nearest chunk of another real report",
        "  (measured on the 1x vectors). They are then written by the real writer (records, BM25, FAISS,",
        "  fsync) in a child process: its wall time and peak RSS are measured. Build chunks/s is",
        "  projected: that child's wall time plus N times (the real 1x build's time less a 1x construct),",
        "  i.e. extraction and embedding taken as linear in the corpus.",
        "- **Search**: a child process loads the index with the real engine (`Engine.warm`), then times",
        "  `Engine.search` (plan, scope, query embedding, dense, BM25, fusion, duplicate suppression) on the",
        "  labelled questions; search peak MB is that child's maximum RSS (index loaded, searches done).",
        "- **Dense p50 / recall@10**: the dense part alone (top 40) on the same questions' vectors, as the",
        "  index is configured, and exact (every vector, the flat reference) in brackets; recall@10 is the",
        "  share of the exact top 10 the configured search returns (1.0 for flat).",
        "- The machine was shared with another engineer's test runs during this run (load 2-4 on 2 cores):",
        "  the real 1x build took 266 s against ~160 s alone, and search times are higher than alone",
        "  (benchmarks/speed_results.md: 13 ms p50 at 1x). Ratios between sizes are the useful part.",
        "- Copies share their text except names and years, so BM25 scores ties across copies and the",
        "  duplicate suppression drops many copies of a passage: hits are fewer and more alike than in a",
        "  real corpus of as many distinct reports. Timings do not depend on that; answer quality would.",
    ]
    if noise.get("real_copy"):
        c = noise["real_copy"]
        notes += [
            f"- Real copies (the 2x build): median cosine of a sentence to its rewritten copy"
            f" {c['median_cos_all']} over {c['sentences_matched']} sentences,",
            f"  {c['median_cos_rewritten_sentences']} over those whose names or years changed.",
        ]
    old = [row for row in r["sizes"] if row.get("superseded")]
    if old:
        notes += [
            "",
            "HNSW (M 32, efConstruction 128, efSearch 256), measured the same day before IVF became the",
            "",
        ]
        notes[-2] += " default (same corpus construction):"
        notes += ["| size | build write s | search p50 ms | search p95 ms | dense p50 ms | recall@10 |"]
        notes += ["|---|---|---|---|---|---|"]
        for row in old:
            d = row["search"]["dense"]["all"]
            notes.append(
                f"| {row['size']}x | {row['build']['write_s']} | {row['search']['search_ms']['p50']} | "
                f"{row['search']['search_ms']['p95']} | {d['ms']['p50']} | {d['recall@10']} |"
            )
    notes += _sweeps(r)
    filtered = [row for row in r["sizes"] if row["size"] >= 10]
    if filtered:
        notes += ["", "## Filtered dense search (recall@10 against exact search among the same chunks)", ""]
        notes += [
            "| size | filter | chunks admitted | dense p50 ms | exact p50 ms | recall@10 |",
            "|---|---|---|---|---|---|",
        ]
        for row in filtered:
            earlier = " (HNSW, earlier)" if row.get("superseded") else ""
            for part, label in ((row, earlier), (row.get("hnsw_variant"), " (HNSW forced)")):
                if not part:
                    continue
                d = part["search"]["dense"]
                for name in ("send_reports", "one_report"):
                    f = d[name]
                    notes.append(
                        f"| {row['size']}x{label} | {name} | {f['allowed']} | {f['ms']['p50']} | "
                        f"{f['exact_ms']['p50']} | {f['recall@10']} |"
                    )
    return notes


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "measure":
        print(json.dumps(measure(Path(sys.argv[2]), int(sys.argv[3]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "noise":
        print(json.dumps(noise_target(Path(sys.argv[2]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "copies":
        print(json.dumps(copy_cosines(Path(sys.argv[2]), Path(sys.argv[3]))))
    elif len(sys.argv) > 1 and sys.argv[1] == "construct":
        base, out, n, sigma, min_chunks = sys.argv[2:7]
        made = construct(Path(base), Path(out), int(n), float(sigma), int(min_chunks) or None)
        print(json.dumps(made))
    else:
        main()
