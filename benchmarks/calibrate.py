"""Refusal threshold calibration: best evidence score of each labelled question, answerable or not.

Run: .venv/bin/python benchmarks/calibrate.py INDEX[,INDEX...] FILE.jsonl [...] > benchmarks/calibration.md
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from bot.config import Settings  # noqa: E402
from bot.engine import Engine  # noqa: E402


def best_scores(index: Path, files: list[str]) -> list[tuple[float, bool, str]]:
    """(best evidence score, answerable, question) for questions that reach evidence scoring."""
    engine = Engine(Settings.from_env(index=index))
    rows = []
    for name in files:
        for line in Path(name).read_text(encoding="utf-8").splitlines():
            item = json.loads(line)
            found = engine.search(item["question"])
            if found.plan.scope.outside or not found.hits:
                continue  # refused before scoring, whatever the threshold
            evidence = engine.evidence(found)
            best = max((e.score for e in evidence), default=0.0)
            rows.append((round(best, 3), item.get("answerable", True), item["question"]))
    return rows


def main() -> None:
    print("# Refusal threshold calibration\n")
    print(f"Threshold in use: {Settings().min_evidence}. Rows sorted by best evidence score.\n")
    for index in sys.argv[1].split(","):
        print(f"## Index {Path(index).name}\n\n| best score | answerable | question |\n|---|---|---|")
        for score, answerable, question in sorted(best_scores(Path(index), sys.argv[2:])):
            print(f"| {score} | {answerable} | {question} |")
        print()


if __name__ == "__main__":
    main()
