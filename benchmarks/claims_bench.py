"""Claim check on a labelled set of claims (benchmarks/claims/claims.jsonl): accuracy by verdict, half, kind.

End to end as `python -m bot check` runs: each claim against the whole development corpus (seed + 62
ILACS + 6 SEND). Changes are made looking at the tune half only (the fixed hash split of ../shared/eval);
both halves are reported. Targets: no false "supported"; at least 90% of all claims right.
usage: .venv/bin/python benchmarks/claims_bench.py [--index DIR]
"""

from __future__ import annotations

import os
import tempfile
import time
from collections import Counter
from pathlib import Path

from labelled import by_half, cell, engine, half, index_arg, rows, share, write

from bot.claims import VERDICTS, ClaimChecker

SET = Path(__file__).with_name("claims") / "claims.jsonl"


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        checker = ClaimChecker(engine(index_arg(), Path(tmp)))
        results = [_one(checker, row) for row in rows(SET)]
    summary = by_half(results, _summary)
    write("claims", summary, results, _report(summary, results))


def _one(checker: ClaimChecker, row: dict) -> dict:
    started = time.perf_counter()
    verdict = checker.check(row["claim"])
    return {
        "id": row["id"], "half": half(row["claim"]), "kind": row["kind"], "expected": row["verdict"],
        "got": verdict.verdict, "right": verdict.verdict == row["verdict"], "reason": verdict.reason,
        "claim": row["claim"], "ms": round((time.perf_counter() - started) * 1000, 1),
        "cited_source": verdict.citations[0].source if verdict.citations else None, "source": row["source"],
    }  # fmt: skip


def _summary(results: list[dict]) -> dict:
    confusion = Counter((r["expected"], r["got"]) for r in results)
    by_verdict = {v: share([r["right"] for r in results if r["expected"] == v]) for v in VERDICTS}
    kinds = sorted({r["kind"] for r in results})
    return {
        "claims": len(results),
        "right": share([r["right"] for r in results]),
        "false_supported": sum(
            1 for r in results if r["got"] == "supported" and r["expected"] != "supported"
        ),
        "by_verdict": by_verdict,
        "by_kind": {k: share([r["right"] for r in results if r["kind"] == k]) for k in kinds},
        "confusion": {f"{e} -> {g}": n for (e, g), n in sorted(confusion.items())},
        "ms_p50": sorted(r["ms"] for r in results)[len(results) // 2] if results else None,
    }


def _got(r: dict) -> str:
    return f"{r['got']} ({r['reason']})"


def _report(summary: dict, results: list[dict]) -> str:
    lines = [
        f"# Claim check on labelled claims ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores)",
        "",
        "`benchmarks/claims_bench.py` on `benchmarks/claims/claims.jsonl` (written from the documents,",
        "without the checker's code). Targets: no false 'supported'; at least 90% of all claims right.",
        "",
        "| half | claims | right | false supported | supported | contradicted | not found | p50 ms |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for name, s in summary.items():
        verdicts = " | ".join(cell(s["by_verdict"][v]) for v in VERDICTS)
        head = f"| {name} | {s['claims']} | {cell(s['right'])} | {s['false_supported']}"
        lines.append(f"{head} | {verdicts} | {s['ms_p50']} |")
    lines += ["", "Right by kind (tune / check):", "", "| kind | tune | check |", "|---|---|---|"]
    for kind in sorted(summary["all"]["by_kind"]):
        tune, check = (cell(summary[h]["by_kind"].get(kind)) for h in ("tune", "check"))
        lines.append(f"| {kind} | {tune} | {check} |")
    lines += ["", "Confusion (expected -> got), all claims:", ""]
    lines += [f"- {k}: {n}" for k, n in summary["all"]["confusion"].items()]
    misses = [r for r in results if r["half"] == "tune" and not r["right"]]
    lines += ["", f"Tune-half misses ({len(misses)}; the check half's are counted, not listed):", ""]
    lines += [
        f"- {r['id']} {r['kind']}: expected {r['expected']}, got {_got(r)}: {r['claim']}" for r in misses
    ]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
