"""Answer receipts (what an answer was made from) and re-checking an exported answer's quotes later."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from bot.errors import BotError
from bot.store import Index

STATUSES = ("stands", "moved", "changed", "gone")


def receipt(index: Index) -> dict[str, Any]:
    """The index fingerprint, model and encoder with their sha256, build time and the sources' date range."""
    if not hasattr(index, "_receipt"):
        index._receipt = _made(index)  # one per loaded generation
    return dict(index._receipt)


def _made(index: Index) -> dict[str, Any]:
    manifest = index.manifest
    settings = manifest.get("settings", {})
    dates = sorted(d.metadata["date"] for d in index.documents.values() if d.metadata.get("date"))
    return {
        "index": manifest.get("fingerprint"),
        "generation": index.path.name,
        "built_at": manifest.get("built_at"),
        "model": settings.get("model"),
        "model_sha256": settings.get("model_sha256"),
        "encoder": settings.get("encoder"),
        "encoder_sha256": settings.get("encoder_sha256"),
        "documents": len(index.documents),
        "sources_from": dates[0] if dates else None,
        "sources_to": dates[-1] if dates else None,
    }


def read_export(path: Path) -> list[dict[str, Any]]:
    """The answer records of an export: one record, a conversation (a list), or JSON lines."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BotError(f"cannot read {path} ({exc}): give an exported JSON answer or conversation") from None
    try:
        data = json.loads(text)
    except ValueError:
        try:
            data = [json.loads(line) for line in text.splitlines() if line.strip()]
        except ValueError:
            raise BotError(
                f"{path} is not JSON: verify reads the JSON exports (answer or conversation)"
            ) from None
    records = data if isinstance(data, list) else [data]
    if not records or not all(isinstance(r, dict) and isinstance(r.get("citations"), list) for r in records):
        raise BotError(f"{path} holds no exported answers: each needs its citations")
    return records


def verify(record: dict[str, Any], index: Index) -> dict[str, Any]:
    """Each quote of one exported answer checked against the current index: stands, moved, changed or gone."""
    quotes = [check_quote(c, index) for c in record["citations"]]
    made = (record.get("receipt") or {}).get("index")
    now = index.manifest.get("fingerprint")
    return {
        "question": record.get("question") or record.get("claim"),
        "same_index": bool(made) and made == now,
        "made_with": made,
        "checked_with": now,
        "quotes": quotes,
        "all_stand": all(q["status"] in ("stands", "moved") for q in quotes),
    }


def check_quote(citation: dict[str, Any], index: Index) -> dict[str, Any]:
    """One quote: at its span still ('stands'), elsewhere in the same document ('moved', with the new
    span), no longer in it ('changed'), or its document is no longer in the sources ('gone')."""
    source, quote = str(citation.get("source", "")), str(citation.get("quote", ""))
    out = {"n": citation.get("n"), "source": source, "quote": quote}
    doc = index.documents.get(source)
    if doc is None:
        return out | {"status": "gone", "detail": "the document is no longer in the sources"}
    start, end = citation.get("start"), citation.get("end")
    if isinstance(start, int) and isinstance(end, int) and doc.text[start:end] == quote:
        return out | {"status": "stands", "start": start, "end": end}
    at = doc.text.find(quote) if quote else -1
    if at >= 0:
        return out | {
            "status": "moved",
            "start": at,
            "end": at + len(quote),
            "detail": "same words, new place",
        }
    return out | {"status": "changed", "detail": "the document no longer holds these words"}
