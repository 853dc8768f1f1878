"""Evaluation on labelled questions: retrieval, answer accuracy, quote fidelity, refusals, latency."""

from __future__ import annotations

import hashlib
import json
import re
import statistics
from pathlib import Path
from typing import Any

from bot.engine import Engine
from bot.errors import BotError
from bot.schema import Answer


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", text.replace("’", "'").lower()).strip()


def same_source(actual: str, gold: str) -> bool:
    """Gold sources are relative to the corpus folder; indexed ones may sit deeper in sources/."""
    return actual == gold or actual.endswith("/" + gold)


def gold_sources(item: dict[str, Any]) -> list[str]:
    """The sources a question's answer must come from (empty: any)."""
    return list(item.get("sources") or ([item["source"]] if item.get("source") else []))


def half(question: str) -> str:
    """The half a labelled question belongs to: first byte of sha1(question) even = tune, odd = check."""
    return "check" if hashlib.sha1(question.encode("utf-8")).digest()[0] % 2 else "tune"


def supports(text: str, item: dict[str, Any]) -> bool:
    """Whether a passage holds the gold quote or the evidence (a judgement next to its grade).

    Natural questions (they carry a style) are found by any one evidence string; template ones need all.
    """
    text = _norm(text)
    quotes = [_norm(q) for q in item.get("gold_quotes") or []]
    if quotes:
        return any(q in text for q in quotes)
    evidence = [_norm(e) for e in item.get("evidence") or []]
    if item.get("style") and evidence:
        return any(e in text for e in evidence)
    if item.get("kind") in {"grade", "subgrade"} and len(evidence) == 2:
        # The grade must follow its judgement with only spaces and punctuation between (the table row).
        return re.search(re.escape(evidence[0]) + r"[\s\W]{0,6}" + re.escape(evidence[1]), text) is not None
    gold = _norm(item.get("gold_answer") or "")
    return (
        bool(evidence) and all(e in text for e in evidence) or (not evidence and bool(gold) and gold in text)
    )


def judge(engine: Engine, item: dict[str, Any], k: int) -> dict[str, Any]:
    """Run one labelled question through search and ask and score it."""
    question = item["question"]
    golds = gold_sources(item)
    try:
        found = engine.search(question, k)
        answer = engine.ask(question)
    except BotError as exc:
        return {"question": question, "error": str(exc), "answerable": item.get("answerable", True)}
    docs = engine.index.documents
    rank = None
    for i, hit in enumerate(found.hits[:k]):
        text = docs[hit.chunk.source].text[hit.chunk.start : hit.chunk.end]
        if (not golds or any(same_source(hit.chunk.source, g) for g in golds)) and supports(text, item):
            rank = i + 1
            break
    return {
        "question": question,
        "answerable": item.get("answerable", True),
        "refused": answer.refused,
        "reason": answer.reason,
        "rank": rank,
        "correct": _correct(answer, item, golds),
        "faithful": _faithful(engine, answer),
        "citations": len(answer.citations),
        "ms": answer.timings_ms.get("total", 0.0),
        "answer": answer.answer[:300],
    }


def _correct(answer: Answer, item: dict[str, Any], golds: list[str]) -> bool:
    if answer.refused:
        return False
    return any(
        (not golds or any(same_source(c.source, g) for g in golds)) and supports(c.quote, item)
        for c in answer.citations
    )


def _faithful(engine: Engine, answer: Answer) -> list[bool]:
    docs = engine.index.documents
    return [c.source in docs and docs[c.source].text[c.start : c.end] == c.quote for c in answer.citations]


def metrics(rows: list[dict[str, Any]], k: int) -> dict[str, Any]:
    """Aggregate scores over judged questions."""
    answerable = [r for r in rows if r["answerable"] and "error" not in r]
    unanswerable = [r for r in rows if not r["answerable"] and "error" not in r]
    cites = [ok for r in rows for ok in r.get("faithful", [])]
    refused_ok = sum(r["refused"] for r in unanswerable)
    refused_all = sum(r.get("refused", False) for r in rows)
    answered_ok = sum(not r["refused"] for r in answerable)
    answered_all = sum(not r.get("refused", True) for r in rows if "error" not in r)
    f1_refuse = _f1(refused_ok, refused_all, len(unanswerable))
    f1_answer = _f1(answered_ok, answered_all, len(answerable))
    times = sorted(r["ms"] for r in rows if "ms" in r)
    return {
        "questions": len(rows),
        "answerable": len(answerable),
        "unanswerable": len(unanswerable),
        "errors": sum("error" in r for r in rows),
        f"recall@{k}": _share(sum(r["rank"] is not None for r in answerable), len(answerable)),
        "mrr": _share(sum(1 / r["rank"] for r in answerable if r["rank"]), len(answerable)),
        "answer_accuracy": _share(sum(r["correct"] for r in answerable), len(answerable)),
        "quote_fidelity": _share(sum(cites), len(cites)) if cites else 1.0,
        "refusal_precision": _share(refused_ok, refused_all) if refused_all else None,
        "refusal_recall": _share(refused_ok, len(unanswerable)) if unanswerable else None,
        "grounded_refusal_f1": round((f1_refuse + f1_answer) / 2, 4) if unanswerable else round(f1_answer, 4),
        "latency_p50_ms": round(statistics.median(times), 1) if times else None,
        "latency_p95_ms": round(times[min(len(times) - 1, int(0.95 * len(times)))], 1) if times else None,
    }


def _share(part: float, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0


def _f1(true_pos: int, predicted: int, actual: int) -> float:
    if not predicted or not actual:
        return 0.0 if actual else 1.0
    precision, recall = true_pos / predicted, true_pos / actual
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def evaluate_file(engine: Engine, path: Path, k: int = 5) -> dict[str, Any]:
    """Judge every question in a JSON Lines file."""
    items = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [judge(engine, item, k) for item in items]
    return {"file": str(path), "metrics": metrics(rows, k), "rows": rows}


def format_table(records: list[dict[str, Any]]) -> str:
    """A Markdown table of metrics, one row per file."""
    if not records:
        return ""
    keys = [k for k in records[0] if k != "file"]
    lines = ["| file | " + " | ".join(keys) + " |", "|" + "---|" * (len(keys) + 1)]
    for r in records:
        lines.append(f"| {Path(r['file']).name} | " + " | ".join(str(r[k]) for k in keys) + " |")
    return "\n".join(lines)
