"""Exports of one answer or a conversation: Markdown with full references, and the ask --json records."""

from __future__ import annotations

import json
import re
from datetime import date
from typing import Any

# Characters that start inline Markdown anywhere (emphasis, code, links, HTML, entities, math, tables).
_INLINE = re.compile(r"([\\`*_\[\]<>&$|~])")
# Characters that start a block only at the beginning of a line (headings, lists, quotes, rules).
_LINE_START = re.compile(r"^(\s*)([#+\-=>])", re.M)
_ORDERED = re.compile(r"^(\s*\d+)([.)])", re.M)


def escape_markdown(text: str) -> str:
    """Text that CommonMark and GitHub renderers show literally, still readable in the raw file."""
    text = _INLINE.sub(r"\\\1", text)
    text = _LINE_START.sub(r"\1\\\2", text)
    return _ORDERED.sub(r"\1\\\2", text)


def human_date(iso: str | None) -> str | None:
    """'2017-03-02' -> '2 March 2017'; other text is returned as it is."""
    if not iso:
        return None
    try:
        day = date.fromisoformat(iso[:10])
    except ValueError:
        return iso
    return f"{day.day} {day:%B %Y}"


def locators(citation: dict[str, Any]) -> list[str]:
    """Where a quote sits: 'page 3 (printed page 2)', 'paragraph 14'."""
    parts: list[str] = []
    page, printed = citation.get("page"), citation.get("printed_page")
    if page is not None:
        same = printed is None or str(printed) == str(page)
        parts.append(f"page {page}" if same else f"page {page} (printed page {printed})")
    elif printed:
        parts.append(f"printed page {printed}")
    if citation.get("paragraph"):
        parts.append(f"paragraph {citation['paragraph']}")
    return parts


def reference(citation: dict[str, Any]) -> str:
    """A full plain-text reference: title, date, page, paragraph, source file and link."""
    parts = [str(citation.get("title") or citation.get("source"))]
    when = human_date(citation.get("date"))
    if when:
        parts.append(when)
    parts += locators(citation)
    parts.append(f"file {citation.get('source')}")
    text = ", ".join(parts) + "."
    url = citation.get("url")
    return f"{text} {url}" if url else text


def _reference_markdown(citation: dict[str, Any]) -> str:
    """The reference with the text escaped and the link (http and https only) as an autolink."""
    url = citation.get("url")
    text = escape_markdown(reference({**citation, "url": None}))
    if url and re.match(r"https?://[^\s<>]+$", url):
        return f"{text} <{url}>"
    return text


def citation_markdown(citation: dict[str, Any]) -> str:
    """One numbered source: the exact quote as a block quote, then its reference."""
    quote = "\n".join(
        f"> {escape_markdown(line)}" if line.strip() else ">" for line in citation["quote"].split("\n")
    )
    label = f"[{citation['n']}]"
    if citation.get("support") == "not an answer":
        label += " (not an answer)"
    return f"{escape_markdown(label)} {_reference_markdown(citation)}\n\n{quote}"


def withheld(record: dict[str, Any]) -> list[tuple[str, str]]:
    """The model's sentences the gate withheld, with why (older records list bare sentences)."""
    out = []
    for item in record.get("unsupported") or []:
        if isinstance(item, dict):
            out.append((str(item.get("sentence", "")), str(item.get("reason") or "no supporting passage")))
        else:
            out.append((str(item), "no supporting passage"))
    return out


def receipt_line(made: dict[str, Any]) -> str:
    """What an answer was made from, in one line."""
    sha = str(made.get("model_sha256") or "")[:12]
    return (
        f"index {made.get('index')} built {made.get('built_at')}, model {made.get('model')} "
        f"(sha256 {sha}…, {made.get('encoder')}), {made.get('documents')} documents dated "
        f"{made.get('sources_from')} to {made.get('sources_to')}"
    )


def comparison_markdown(table: dict[str, Any]) -> list[str]:
    """A comparison as a Markdown table: a row per report, each cell its citation number or 'not covered'."""
    if not table.get("rows"):
        return []
    head = ["Report", *table["columns"]]
    lines = ["| " + " | ".join(escape_markdown(h) for h in head) + " |", "|" + "---|" * len(head)]
    for row in table["rows"]:
        cells = [f"[{c['n']}]" if "n" in c else "not covered" for c in row["cells"]]
        title = escape_markdown(f"{row['title']} ({row.get('date') or 'undated'})")
        lines.append("| " + " | ".join([title, *cells]) + " |")
    return [*lines, ""]


def answer_markdown(record: dict[str, Any], heading: str = "##") -> str:
    """One answer (an ask --json record) as Markdown: question, answer text, then every source."""
    lines = [f"{heading} {escape_markdown(record['question'])}", ""]
    if record.get("interpreted_as"):
        lines += [f"*{escape_markdown(record['interpreted_as'])}*", ""]
    if record.get("refused"):
        lines += [f"**Not answered.** {escape_markdown(record['answer'])}", ""]
    else:
        lines += [escape_markdown(record["answer"]), ""]
    for sentence, why in withheld(record):
        lines += [f"- Withheld ({escape_markdown(why)}): {escape_markdown(sentence)}"]
    for note in record.get("notes") or []:
        lines += [f"- Note: {escape_markdown(note)}"]
    lines += comparison_markdown(record.get("table") or {})
    made = record.get("receipt") or {}
    if made:
        lines += [f"- Receipt: {escape_markdown(receipt_line(made))}"]
    cites = record.get("citations") or []
    if cites:
        title = "Nearest passages (not an answer)" if record.get("refused") else "Sources"
        lines += [f"**{title}**", ""]
        for c in cites:
            lines += [citation_markdown(c), ""]
    return "\n".join(lines).rstrip() + "\n"


def conversation_markdown(records: list[dict[str, Any]], about: str | None = None) -> str:
    """A whole conversation as one Markdown document."""
    head = ["# Inspection findings: conversation", ""]
    if about:
        head += [escape_markdown(about), ""]
    head += ["Every answer sentence is an exact quote from the cited source.", ""]
    body = [answer_markdown(r) for r in records] or ["No questions asked yet.\n"]
    return "\n".join(head) + "\n".join(body)


def answer_json(record: dict[str, Any]) -> str:
    """One answer as its ask --json record, pretty-printed."""
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def conversation_json(records: list[dict[str, Any]]) -> str:
    """A whole conversation as a JSON array of ask --json records."""
    return json.dumps(records, ensure_ascii=False, indent=2) + "\n"
