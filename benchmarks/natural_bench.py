"""Natural questions, by half: the refusal bars chosen on the tune halves, both halves reported.

Builds the default corpus (seed only) and the seed + 62 ILACS + 6 SEND reports (or takes --seed-index and
--full-index), splits each natural set into tune and check halves by the sha1 rule of ../shared/eval
(evaluation.half), sweeps the two refusal bars (BOT_MIN_EVIDENCE, BOT_MIN_REPORT_EVIDENCE) over the tune
halves only, then reports both halves at the bars in use.

Run: .venv/bin/python benchmarks/natural_bench.py [--seed-index DIR] [--full-index DIR]
(writes benchmarks/natural_results.md and .json)
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from corpus import ROOT, SHARED, lay_out, require_shared  # noqa: E402

from bot.config import Settings  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.evaluation import half, judge  # noqa: E402

SETS = {  # natural set -> the index it is asked on (as the issue measures it)
    "seed_natural_questions.jsonl": "seed",
    "ofsted_natural_questions.jsonl": "full",
    # ours, held out: 40 questions on 17 reports no earlier question was about (benchmarks/questions)
    "fresh_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 45 questions on report facts (inspector, dates, grades, across reports) on 45 reports
    "fresh_fact_questions.jsonl": "full",
    # ours, held out: 60 questions on 48 reports, topics no earlier question asked (2026-12-01, second set)
    "fresh2_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 60 reports (64 answerable, 16 not), topics no earlier question asked
    "fresh3_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 50 reports (50 answerable, 30 not, six kinds of unanswerable)
    "fresh4_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 48 reports (50 answerable, 30 not, six kinds of unanswerable)
    "fresh5_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 50 reports (50 answerable, 30 not, six kinds of unanswerable)
    "fresh6_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 50 reports (50 answerable, 30 not, six kinds of unanswerable)
    "fresh7_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 50 reports (50 answerable, 30 not, six kinds of unanswerable)
    "fresh8_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 50 reports (50 answerable, 30 not, six kinds of unanswerable)
    "fresh9_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 50 reports (50 answerable, 30 not, six kinds of unanswerable)
    "fresh10_natural_ofsted_questions.jsonl": "full",
    "fresh11_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 50 reports (50 answerable, 30 not, six kinds of unanswerable)
    "fresh12_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 50 reports (50 answerable, 30 not, six kinds of unanswerable)
    "fresh13_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 50 reports (50 answerable, 30 not, six kinds of unanswerable)
    "fresh14_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 50 reports (50 answerable, 30 not, six kinds of unanswerable)
    "fresh15_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 72 questions the reports do not answer, 9 of each of eight kinds
    "unanswerable16_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 50 reports (50 answerable, 30 not, six kinds of unanswerable)
    "fresh17_natural_ofsted_questions.jsonl": "full",
    "fresh18_natural_ofsted_questions.jsonl": "full",
    "fresh19_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 55 reports in the style of the shared set's tune half (2026-12-04)
    "fresh20_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 50 reports in the same style (2026-12-04, a thirteenth session)
    "fresh21_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 questions on 50 reports in the same style (2026-12-04, a fourteenth session)
    "fresh22_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 more on 50 reports in the same style (2026-12-04, a fifteenth session)
    "fresh23_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 more on 50 reports, fewer of the reports' own words (2026-12-05, a sixteenth session)
    "fresh24_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 more on 48 reports, new topics and councils (2026-12-05, a seventeenth session)
    "fresh25_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 more on 46 reports, new topics and councils (2026-12-05, an eighteenth session)
    "fresh26_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 more on 40 reports, new topics and councils (2026-12-05, a nineteenth session)
    "fresh27_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 80 more the same way, new topics and councils (2026-12-05, a twentieth session)
    "fresh28_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 60 more, a smaller set the same way, written at the session's end (twentieth session)
    "fresh29_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 60 questions asking for a figure (twenty-first session)
    "fresh30_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 60 more (40 topic, 20 unanswerable), clause-first, parent-worded (24th session)
    "fresh31_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 60 more (40 topic, 20 unanswerable), stories first, misspellings (25th session)
    "fresh32_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 60 more (40 topic, 20 unanswerable), new topics and places (twenty-seventh session)
    "fresh33_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 60 more, weighted to criticisms and whether a service is any good (27th session)
    "fresh34_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 60 more, weighted to how a process works and what got better or worse (28th session)
    "fresh35_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 45 more (30 topic, 15 unanswerable), written at the 28th session's end
    "fresh36_natural_ofsted_questions.jsonl": "full",
    "fresh37_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 45 more (30 topic, 15 unanswerable), written at the thirtieth session's start
    "fresh38_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 45 more (30 topic, 10 of them on area SEND reports; 15 unanswerable), 31st session
    "fresh39_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 45 more (30 topic, 10 on area SEND reports; 15 unanswerable), 32nd session
    "fresh40_natural_ofsted_questions.jsonl": "full",
    # ours, held out: 50 new questions on the seed transcript, asked of the seed index (eighteenth session)
    "fresh_seed2_natural_questions.jsonl": "seed",
    # ours, held out: 50 more on the seed transcript, asked of the seed index (twenty-second session)
    "fresh_seed3_natural_questions.jsonl": "seed",
    # ours, held out: 40 more on the seed transcript, asked of the seed index (twenty-seventh session)
    "fresh_seed4_natural_questions.jsonl": "seed",
    "fresh_seed5_natural_questions.jsonl": "seed",
    # ours, held out: 80 questions on report facts (inspector, dates, publication, grades, across, none)
    "fresh_fact2_questions.jsonl": "full",
    # ours, held out: 80 more on report facts in new wordings (2026-12-04, a thirteenth session)
    "fresh_fact3_questions.jsonl": "full",
    # ours, held out: 80 more on report facts, worded anew (2026-12-04, a fifteenth session)
    "fresh_fact4_questions.jsonl": "full",
    # ours, held out: 80 more on report facts (twenty-second session)
    "fresh_fact5_questions.jsonl": "full",
    # ours, held out: 80 more on report facts (twenty-third session)
    "fresh_fact6_questions.jsonl": "full",
    # ours, held out: 60 more on report facts, across reports and area SEND outcomes (twenty-fourth session)
    "fresh_fact7_questions.jsonl": "full",
    # ours, held out: 60 more on report facts, weighted the same way (twenty-fifth session)
    "fresh_fact8_questions.jsonl": "full",
    # ours, held out: 60 more on report facts, new verbs and orders (twenty-seventh session)
    "fresh_fact9_questions.jsonl": "full",
    # ours, held out: 50 more on report facts, passive and two-part wordings (twenty-seventh session)
    "fresh_fact10_questions.jsonl": "full",
    # ours, held out: 50 more on report facts, new verbs, shorthand and two-part wordings (28th session)
    "fresh_fact11_questions.jsonl": "full",
    # ours, held out: 40 more on report facts, written at the 28th session's end
    "fresh_fact12_questions.jsonl": "full",
    "fresh_fact13_questions.jsonl": "full",
    # ours, held out: 40 more on report facts (thirtieth session)
    "fresh_fact14_questions.jsonl": "full",
    # ours, held out: 40 more on report facts (thirty-first session)
    "fresh_fact15_questions.jsonl": "full",
}
# Three rewordings of every tune-half question of four sets (terse, chatty, staff or journalist words): all
# derived from tune halves, so reported whole. A question that passes in one wording and fails in another
# shows a rule that hangs on its wording.
REWORDED = {
    "reworded_seed_tune.jsonl": "seed",
    "reworded_ofsted_tune.jsonl": "full",
    "reworded_fresh_tune.jsonl": "full",
    "reworded_facts_tune.jsonl": "full",
    # three wordings of every tune-half unanswerable question of fresh4-7 (terse, chatty, journalist)
    "reworded_refusals_tune.jsonl": "full",
    # three wordings of each tune-half unanswerable question of fresh9 and fresh10
    "reworded_refusals2_tune.jsonl": "full",
    # three wordings of each tune-half unanswerable question of fresh8 and fresh11
    "reworded_refusals3_tune.jsonl": "full",
    # three wordings of each tune-half unanswerable question of fresh12
    "reworded_refusals4_tune.jsonl": "full",
    # three wordings of each tune-half unanswerable question of fresh13
    "reworded_refusals5_tune.jsonl": "full",
    # three wordings of each tune-half unanswerable question of fresh14
    "reworded_refusals6_tune.jsonl": "full",
    # two wordings (terse, chatty) of each tune-half question of unanswerable16, and of each tune-half
    # answerable question of fresh14 and fresh15
    "reworded_refusals7_tune.jsonl": "full",
    "reworded_answers8_tune.jsonl": "full",
    # two wordings (terse, chatty) of each tune-half question of fresh35-37 and fresh_fact11-13
    "reworded_answers9_tune.jsonl": "full",
    # two wordings (terse, chatty) of each tune-half question of fresh38 and fresh_fact14
    "reworded_answers10_tune.jsonl": "full",
}
OWN = Path(__file__).resolve().parent / "questions"
BARS = [0.35, 0.40, 0.45]
REPORT_BARS = [0.15, 0.20, 0.25, 0.30, 0.35]


def main() -> None:
    require_shared()
    args = sys.argv[1:]
    given = {
        k: Path(args[args.index(f"--{k}-index") + 1]) for k in ("seed", "full") if f"--{k}-index" in args
    }
    with tempfile.TemporaryDirectory() as tmp:
        indexes = {"seed": given.get("seed") or _build(ROOT / "sources", Path(tmp) / "seed")}
        indexes["full"] = given.get("full") or _build(lay_out(Path(tmp), with_send=True), Path(tmp) / "full")
        engines = {name: Engine(Settings.from_env(index=path)) for name, path in indexes.items()}
        for engine in engines.values():
            engine.warm()
        items = {name: _items(name) for name in SETS}
        sweep = _sweep(engines, items)
        results = {name: _halves(engines[SETS[name]], rows) for name, rows in items.items()}
        results["seed_natural_questions.jsonl (on the full index)"] = _halves(
            engines["full"], items["seed_natural_questions.jsonl"]
        )
        for name, index in REWORDED.items():
            results[name] = {"all (from tune)": _counts([judge(engines[index], q, 5) for q in _items(name)])}
    report = {"date": time.strftime("%Y-%m-%d"), "sweep": sweep, "results": results}
    Path(__file__).with_name("natural_results.json").write_text(json.dumps(report, indent=2) + "\n", "utf-8")
    Path(__file__).with_name("natural_results.md").write_text(_markdown(report), encoding="utf-8")
    print(_markdown(report))


def _build(sources: Path, index: Path) -> Path:
    cmd = [sys.executable, "-m", "bot", "build", "--sources", str(sources), "--index", str(index), "--json"]
    subprocess.run(cmd, cwd=ROOT, check=True, capture_output=True)
    return index


def _items(name: str) -> list[dict]:
    path = OWN / name if (OWN / name).is_file() else SHARED / "eval" / name
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _sweep(engines: dict[str, Engine], items: dict[str, list[dict]]) -> list[dict]:
    """Found + refused on the tune halves at each pair of bars."""
    rows = []
    defaults = {name: engine.settings for name, engine in engines.items()}
    for bar in BARS:
        for report_bar in REPORT_BARS:
            score = {"min_evidence": bar, "min_report_evidence": report_bar}
            for name, questions in items.items():
                engine = engines[SETS[name]]
                engine.settings = replace(
                    defaults[SETS[name]], min_evidence=bar, min_report_evidence=report_bar
                )
                tune = [judge(engine, q, 5) | {"answerable": q.get("answerable", True)} for q in questions
                        if half(q["question"]) == "tune"]  # fmt: skip
                score[name] = _counts(tune)
            rows.append(score)
    for name, engine in engines.items():
        engine.settings = defaults[name]
    return rows


def _halves(engine: Engine, questions: list[dict]) -> dict:
    out = {}
    for which in ("tune", "check"):
        rows = [judge(engine, q, 5) for q in questions if half(q["question"]) == which]
        out[which] = _counts(rows)
    return out


def _counts(rows: list[dict]) -> dict:
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]
    times = sorted(r["ms"] for r in rows if "ms" in r)
    cites = [ok for r in rows for ok in r.get("faithful", [])]
    return {
        "found": sum(bool(r.get("correct")) for r in answerable),
        "answerable": len(answerable),
        "refused": sum(bool(r.get("refused")) for r in unanswerable),
        "unanswerable": len(unanswerable),
        "recall@5": round(sum(r.get("rank") is not None for r in answerable) / max(len(answerable), 1), 3),
        "quote_fidelity": round(sum(cites) / len(cites), 4) if cites else 1.0,
        "p50_ms": round(statistics.median(times), 1) if times else None,
    }


def _markdown(report: dict) -> str:
    settings = Settings()
    lines = [
        f"# Natural questions by half ({report['date']})",
        "",
        "Measured by `benchmarks/natural_bench.py`; 2 cores; p50 is the warm `ask` total per question. "
        "Seed set on the default corpus (seed only); Ofsted sets on the seed + 62 ILACS + 6 SEND reports. "
        "`fresh_natural_ofsted_questions.jsonl` is ours (`benchmarks/questions/`): 40 questions written from "
        "17 reports no earlier question was about, without running the engine; `fresh_fact_questions.jsonl` "
        "(also ours) asks for report facts in 45 wordings; `fresh2_natural_ofsted_questions.jsonl` (ours) "
        "is 60 more on 48 reports, `fresh3_natural_ofsted_questions.jsonl` (ours) 80 more on 60 reports, "
        "`fresh4_natural_ofsted_questions.jsonl` (ours) 80 more on 50 reports, 30 of them unanswerable, "
        "`fresh5_natural_ofsted_questions.jsonl` (ours) 80 more on 48 reports, 30 of them unanswerable, "
        "`fresh6_natural_ofsted_questions.jsonl` (ours) 80 more on 50 reports, 30 of them unanswerable, "
        "`fresh7_natural_ofsted_questions.jsonl` (ours) 80 more on 50 reports, 30 of them unanswerable, "
        "`fresh8_natural_ofsted_questions.jsonl` (ours) 80 more on 50 reports, 30 of them unanswerable, "
        "`fresh9_natural_ofsted_questions.jsonl` (ours) 80 more on 50 reports, 30 of them unanswerable, "
        "`fresh10_natural_ofsted_questions.jsonl` (ours) 80 more on 50 reports, 30 of them unanswerable, "
        "`fresh11_natural_ofsted_questions.jsonl` (ours) 80 more on 50 reports, 30 of them unanswerable, "
        "`fresh12_natural_ofsted_questions.jsonl` (ours) 80 more on 50 reports, 30 of them unanswerable, "
        "`fresh13_natural_ofsted_questions.jsonl` (ours) 80 more on 50 reports, 30 of them unanswerable, "
        "`fresh14_natural_ofsted_questions.jsonl` and `fresh15_natural_ofsted_questions.jsonl` (ours) "
        "80 more each, `unanswerable16_ofsted_questions.jsonl` (ours) 72 questions the reports do not "
        "answer, 9 of each of eight kinds, `fresh17_natural_ofsted_questions.jsonl` and "
        "`fresh18_natural_ofsted_questions.jsonl` (ours) 80 more each on 50 reports, 30 of them "
        "unanswerable. The `reworded_*` sets are two or three rewordings of each "
        "tune-half question "
        "(derived from the tune halves, so reported whole).",
        "",
        f"Bars in use: BOT_MIN_EVIDENCE {settings.min_evidence}, BOT_MIN_REPORT_EVIDENCE "
        f"{settings.min_report_evidence}.",
        "",
        "| set | half | found (evidence in a right-source citation) | refused (unanswerable) | recall@5 "
        "| quote fidelity | p50 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, halves in report["results"].items():
        for which, c in halves.items():
            lines.append(
                f"| {name} | {which} | {c['found']}/{c['answerable']} | {c['refused']}/{c['unanswerable']} "
                f"| {c['recall@5']} | {c['quote_fidelity']} | {c['p50_ms']} |"
            )
    header = " | ".join(f"{n}: found, refused" for n in SETS)
    lines += [
        "",
        "## Sweep on the tune halves only",
        "",
        f"| min_evidence | min_report_evidence | {header} | total |",
    ]
    lines.append("|---|---|" + "---|" * (len(SETS) + 1))
    for row in report["sweep"]:
        cells = [
            f"{row[n]['found']}/{row[n]['answerable']}, {row[n]['refused']}/{row[n]['unanswerable']}"
            for n in SETS
        ]
        total = sum(row[n]["found"] + row[n]["refused"] for n in SETS)
        lines.append(
            f"| {row['min_evidence']} | {row['min_report_evidence']} | " + " | ".join(cells) + f" | {total} |"
        )
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
