"""Speed benchmark: this project against LangChain's tutorial pipeline, in one run on the same corpus.

Builds both (each in a child process, with its own peak memory), adds one report to the built index, then
in a child process per pipeline times 100 searches (and, for the project, 100 answers) after warming up,
and measures recall@5 of the answering passage on the labelled questions.

Run: .venv/bin/python benchmarks/speed_bench.py   (writes benchmarks/speed_results.md and .json)
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus import ILACS, ROOT, SHARED, lay_out, require_shared  # noqa: E402

LEFT_OUT = "80570_telford & wrekin/children's services inspection - 12 july 2024.pdf"
EVAL = SHARED / "eval"
SETS = ("ofsted_natural_questions.jsonl", "ofsted_dev_questions.jsonl", "send_dev_questions.jsonl")
TIMED = 100  # questions timed per pipeline


def child(cmd: list[str]) -> tuple[str, float, float]:
    """Run a command: its stdout, wall seconds and own peak RSS in MB (wait4: no other child's)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - started
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        err.seek(0)
        if proc.returncode:
            sys.exit(f"{' '.join(cmd[:4])} failed: {err.read().strip()[-500:]}")
        return out.read(), wall, usage.ru_maxrss / 1024


def build_ours(sources: Path, index: Path, force: bool) -> dict:
    cmd = [sys.executable, "-m", "bot", "build", "--sources", str(sources), "--index", str(index), "--json"]
    out, wall, peak = child(cmd + (["--force"] if force else []))
    report = json.loads(out.strip().splitlines()[-1])
    return {
        "wall_s": round(wall, 2),
        "peak_rss_mb": round(peak),
        "chunks": report["chunks"],
        "embedded": report["embedded"],
    }


def build_tutorial(sources: Path, out_dir: Path) -> dict:
    cmd = [
        sys.executable,
        str(ROOT / "benchmarks" / "tutorial_pipeline.py"),
        "build",
        str(sources),
        str(out_dir),
    ]
    out, wall, peak = child(cmd)
    return {"wall_s": round(wall, 2), "peak_rss_mb": round(peak), "chunks": json.loads(out)["chunks"]}


def questions() -> list[dict]:
    """Every labelled answerable question, natural ones first (a fixed order)."""
    items = []
    for name in SETS:
        items += [json.loads(line) for line in (EVAL / name).read_text(encoding="utf-8").splitlines() if line]
    return [it for it in items if it.get("answerable", True)]


def measure(pipeline: str, index: Path) -> dict:
    """In this process: warm up, time TIMED searches (and answers), recall@5 over every question."""
    from bot.evaluation import same_source, supports

    items = questions()
    search, ask = _searcher(pipeline, index)
    for it in items[:3]:
        search(it["question"])
    times, found = [], {"natural": [], "development": []}
    for n, it in enumerate(items):
        started = time.perf_counter()
        hits = search(it["question"])
        if n < TIMED:
            times.append((time.perf_counter() - started) * 1000)
        golds = it.get("sources") or ([it["source"]] if it.get("source") else [])
        ok = any((not golds or any(same_source(s, g) for g in golds)) and supports(t, it) for s, t in hits)
        found["natural" if it.get("style") else "development"].append(ok)
    result = {"search_ms": _spread(times)} | {
        f"recall@5 {k}": round(sum(v) / len(v), 3) for k, v in found.items()
    }
    if ask:
        result["ask_ms"] = _spread([ask(it["question"]) for it in items[:TIMED]])
    return result


def _searcher(pipeline: str, index: Path):  # noqa: ANN202 - (search, ask) callables
    if pipeline == "tutorial":
        from tutorial_pipeline import Searcher

        tutorial = Searcher(index)
        return (lambda q: [(c["source"], c["text"]) for c in tutorial.search(q, 5)]), None
    from bot.config import Settings
    from bot.embedding import CachedQueries
    from bot.engine import Engine

    engine = Engine(Settings.from_env(index=index))
    engine.warm()
    docs = engine.index.documents

    def search(q: str) -> list[tuple[str, str]]:
        hits = engine.search(q, 5).hits
        return [(h.chunk.source, docs[h.chunk.source].text[h.chunk.start : h.chunk.end]) for h in hits]

    def ask(q: str) -> float:
        engine.queries = CachedQueries(engine.embedder)  # the search just cached this question's vector
        started = time.perf_counter()
        engine.ask(q)
        return (time.perf_counter() - started) * 1000

    return search, ask


def _spread(ms: list[float]) -> dict:
    ordered = sorted(ms)
    return {
        "p50": round(statistics.median(ordered), 2),
        "p95": round(ordered[int(0.95 * (len(ordered) - 1))], 2),
    }


def main() -> None:
    require_shared()
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = lay_out(work, with_send=True)
        ours = build_ours(sources, work / "index", force=True)
        tutorial = build_tutorial(sources, work / "tutorial")
        added = sources / "ofsted-ilacs" / LEFT_OUT
        added.unlink()
        build_ours(sources, work / "index", force=False)
        added.write_bytes((ILACS / LEFT_OUT).read_bytes())
        add_one = build_ours(sources, work / "index", force=False)
        manifest = json.loads(
            (work / "index" / (work / "index" / "CURRENT").read_text().strip() / "manifest.json").read_text()
        )
        searched = {
            p: json.loads(
                child(
                    [
                        sys.executable,
                        __file__,
                        "measure",
                        p,
                        str(work / ("tutorial" if p == "tutorial" else "index")),
                    ]
                )[0]
            )
            for p in ("ours", "tutorial")
        }
    results = {
        "machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}",
        "date": time.strftime("%Y-%m-%d"),
        "documents": manifest["counts"]["documents"],
        "encoder": manifest["settings"].get("encoder"),
        "build": {"ours": ours, "tutorial": tutorial, "add_one_report": add_one},
        "search": searched,
    }
    out = Path(__file__).with_name("speed_results.json")
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    Path(__file__).with_name("speed_results.md").write_text(table(results), encoding="utf-8")
    print(table(results))


def table(r: dict) -> str:
    b, s = r["build"], r["search"]
    ours, tut = s["ours"], s["tutorial"]
    rows = [
        (
            "Full build, s",
            b["ours"]["wall_s"],
            b["tutorial"]["wall_s"],
            b["ours"]["wall_s"] / b["tutorial"]["wall_s"],
            "<= 0.5",
        ),
        (
            "Add one report, s (ratio: to our full build)",
            b["add_one_report"]["wall_s"],
            "",
            b["add_one_report"]["wall_s"] / b["ours"]["wall_s"],
            "<= 0.05",
        ),
        (
            "Peak memory of the build, MB",
            b["ours"]["peak_rss_mb"],
            b["tutorial"]["peak_rss_mb"],
            None,
            "< 1536 (ours)",
        ),
        ("Chunks", b["ours"]["chunks"], b["tutorial"]["chunks"], None, ""),
        (
            "Search p50, ms",
            ours["search_ms"]["p50"],
            tut["search_ms"]["p50"],
            ours["search_ms"]["p50"] / tut["search_ms"]["p50"],
            "<= 0.4",
        ),
        ("Search p95, ms", ours["search_ms"]["p95"], tut["search_ms"]["p95"], None, ""),
        ("Ask p50 (warm), ms", ours["ask_ms"]["p50"], "", None, "< 30"),
        ("Ask p95 (warm), ms", ours["ask_ms"]["p95"], "", None, ""),
        (
            "Answering passage in top 5, natural questions",
            ours["recall@5 natural"],
            tut["recall@5 natural"],
            None,
            "not lower",
        ),
        (
            "Answering passage in top 5, development questions",
            ours["recall@5 development"],
            tut["recall@5 development"],
            None,
            "not lower",
        ),
    ]
    lines = [
        f"# Speed: this project against LangChain's tutorial pipeline ({r['date']}, {r['machine']})",
        "",
        f"One run of `benchmarks/speed_bench.py` on {r['documents']} documents (the seed and the development",
        f"reports); encoder {r['encoder']}.",
        "Builds are child processes (wall time includes start-up and model loading; peak memory is the",
        f"child's own). Search and answer times are the median and 95th percentile of {TIMED} questions in a",
        "warm process (the answer's query vector is not cached from the search). The tutorial pipeline is",
        "`benchmarks/tutorial_pipeline.py`.",
        "",
        "| measure | this project | tutorial | ratio | target |",
        "|---|---|---|---|---|",
    ]
    for name, a, t, ratio, target in rows:
        lines.append(f"| {name} | {a} | {t} | {'' if ratio is None else f'{ratio:.2f}'} | {target} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "measure":
        print(json.dumps(measure(sys.argv[2], Path(sys.argv[3]))))
    else:
        main()
