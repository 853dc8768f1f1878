"""The verification gate on a labelled set of sentences (benchmarks/gate/sentences.jsonl), by half and kind.

Each sentence is checked as a language model's sentence would be: against the passages retrieved for its
question, plus the passage holding its evidence (the model wrote from it). Thresholds are tuned on the
tune half only (the fixed hash split of ../shared/eval); both halves are reported.
usage: .venv/bin/python benchmarks/gate_bench.py [--index DIR]
"""

from __future__ import annotations

import os
import re
import tempfile
import time
from collections import Counter
from pathlib import Path

from labelled import by_half, cell, engine, half, index_arg, rows, share, write

from bot.engine import Engine
from bot.llm import Passage, gate_for, passages, spans

SET = Path(__file__).with_name("gate") / "sentences.jsonl"
STRICT = ("number", "grade")  # the target: every altered number and grade withheld


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        eng = engine(index_arg(), Path(tmp))
        results = [_one(eng, row) for row in rows(SET)]
    summary = by_half(results, _summary)
    write("gate", summary, results, _report(summary, results))


def _one(eng: Engine, row: dict) -> dict:
    found = eng.search(row["question"])
    given = passages(found) + _evidence_passages(eng, row)
    checker = gate_for(eng, found.index)
    verdict = checker.check([row["sentence"]], spans(given))[0]
    kept = verdict.kept
    right = kept == (row["label"] == "supported")
    return {
        "id": row["id"], "half": half(row["sentence"]), "kind": row["kind"], "label": row["label"],
        "kept": kept, "right": right, "support": verdict.support, "reason": verdict.reason,
        "sentence": row["sentence"],
    }  # fmt: skip


def _evidence_passages(eng: Engine, row: dict) -> list[Passage]:
    """The chunks that hold the row's evidence (found with white space normalised)."""
    doc = eng.index.documents[row["source"]]
    where = _find(doc.text, row["evidence"])
    if where is None:
        raise SystemExit(f"{row['id']}: evidence not found in {row['source']}")
    start, end = where
    chunks = [c for c in eng.index.chunks if c.source == row["source"] and c.start < end and c.end > start]
    return [Passage(100 + i, doc, c.start, c.end, tuple(c.sentences)) for i, c in enumerate(chunks)]


def _find(text: str, evidence: str) -> tuple[int, int] | None:
    pattern = r"\s+".join(re.escape(w) for w in evidence.split())
    match = re.search(pattern, text)
    return (match.start(), match.end()) if match else None


def _summary(results: list[dict]) -> dict:
    supported = [r for r in results if r["label"] == "supported"]
    unsupported = [r for r in results if r["label"] == "unsupported"]
    strict = [r for r in unsupported if r["kind"] in STRICT]
    kinds = Counter(r["kind"] for r in results)
    return {
        "sentences": len(results),
        "supported_kept": share([r["kept"] for r in supported]),
        "unsupported_withheld": share([not r["kept"] for r in unsupported]),
        "numbers_and_grades_withheld": share([not r["kept"] for r in strict]),
        "by_kind": {k: share([r["right"] for r in results if r["kind"] == k]) for k in sorted(kinds)},
        "counts": dict(sorted(kinds.items())),
    }


def _report(summary: dict, results: list[dict]) -> str:
    lines = [
        f"# Verification gate on labelled sentences ({time.strftime('%Y-%m-%d')}, {os.cpu_count()} cores)",
        "",
        "`benchmarks/gate_bench.py` on `benchmarks/gate/sentences.jsonl` (written from the documents,",
        "without the gate's code). Targets: every altered number and grade withheld; at least 95% of",
        "unsupported sentences withheld; at least 90% of supported ones kept.",
        "",
        "| half | sentences | supported kept | unsupported withheld | numbers and grades withheld |",
        "|---|---|---|---|---|",
    ]
    for name, s in summary.items():
        cells = [s["supported_kept"], s["unsupported_withheld"], s["numbers_and_grades_withheld"]]
        lines.append(f"| {name} | {s['sentences']} | " + " | ".join(cell(c) for c in cells) + " |")
    kinds = sorted(summary["all"]["by_kind"])
    lines += ["", "Right by kind (tune / check):", "", "| kind | tune | check |", "|---|---|---|"]
    for kind in kinds:
        tune, check = (cell(summary[h]["by_kind"].get(kind)) for h in ("tune", "check"))
        lines.append(f"| {kind} | {tune} | {check} |")
    misses = [r for r in results if r["half"] == "tune" and not r["right"]]
    lines += ["", f"Tune-half misses ({len(misses)}; the check half's are counted, not listed):", ""]
    lines += [f"- {r['id']} {r['kind']} {r['label']} -> {_decided(r)}: {r['sentence']}" for r in misses]
    return "\n".join(lines) + "\n"


def _decided(r: dict) -> str:
    return "kept" if r["kept"] else "withheld: " + r["reason"]


if __name__ == "__main__":
    main()
