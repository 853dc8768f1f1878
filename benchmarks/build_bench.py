"""Build benchmark: full build of seed + 62 Ofsted reports, unchanged rebuild, and adding one report.

Run: .venv/bin/python benchmarks/build_bench.py   (writes benchmarks/build_results.md and .json)
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import ILACS, ROOT, lay_out, require_shared  # noqa: E402

LEFT_OUT = "80570_telford & wrekin/children's services inspection - 12 july 2024.pdf"


def run_build(sources: Path, index: Path, force: bool = False) -> dict:
    """One `python -m bot build` in a child process: its JSON report, wall time and peak RSS."""
    cmd = [sys.executable, "-m", "bot", "build", "--sources", str(sources), "--index", str(index), "--json"]
    if force:
        cmd.append("--force")
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"build failed: {done.stderr.strip()}")
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    report = json.loads(done.stdout.strip().splitlines()[-1])
    return {"wall_s": round(wall, 2), "peak_rss_mb": round(max(peak, before) / 1024, 1), **report}


def main() -> None:
    require_shared()
    if not (ILACS / LEFT_OUT).is_file():
        sys.exit(f"missing {LEFT_OUT}")
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        sources = lay_out(work)
        index = work / "index"
        full = run_build(sources, index, force=True)
        unchanged = run_build(sources, index)
        added = sources / "ofsted-ilacs" / LEFT_OUT
        added.unlink()
        without_one = run_build(sources, index)
        added.write_bytes((ILACS / LEFT_OUT).read_bytes())
        add_one = run_build(sources, index)
    results = {
        "machine": f"{os.cpu_count()} cores, Python {sys.version.split()[0]}",
        "date": time.strftime("%Y-%m-%d"),
        "full_build": full,
        "unchanged_rebuild": unchanged,
        "add_one_document": add_one,
        "remove_one_document": without_one,
    }
    for r in results.values():
        if isinstance(r, dict):
            r.pop("skipped", None)
            r.pop("index", None)
    out = Path(__file__).with_name("build_results.json")
    out.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    Path(__file__).with_name("build_results.md").write_text(_table(results), encoding="utf-8")
    print(_table(results))


def _table(r: dict) -> str:
    rows = [
        ("Full build (seed + 62 reports, --force)", r["full_build"]),
        ("Unchanged rebuild", r["unchanged_rebuild"]),
        ("Remove one report", r["remove_one_document"]),
        ("Add one report to the built corpus", r["add_one_document"]),
    ]
    lines = [
        f"# Build benchmark ({r['date']}, {r['machine']})",
        "",
        "Measured by `benchmarks/build_bench.py`: each row is one `python -m bot build --json` in a child",
        "process; wall time includes Python start-up and model loading; peak RSS is the children's maximum",
        "resident memory so far (the full build sets it).",
        "",
        "| run | wall s | documents | chunks | chunks embedded | peak RSS MB |",
        "|---|---|---|---|---|---|",
    ]
    for name, x in rows:
        cells = [x["wall_s"], x["documents"], x["chunks"], x["embedded"], x["peak_rss_mb"]]
        lines.append(f"| {name} | " + " | ".join(map(str, cells)) + " |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
