"""Pure text and HTML builders for the app: every piece of document or user text is escaped here."""

from __future__ import annotations

import html
import re
from typing import Any

from bot.export import human_date, locators
from bot.schema import Document

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|$<>~&])")
_LINKISH = re.compile(r"(?i)(://|www\.|@)")
_WORD_JOINER = "\u2060"  # invisible; stops Markdown renderers from turning URLs and e-mails into links
_MARKER = re.compile(r"\[(\d+)\]")


def md_escape(text: str) -> str:
    """One line that st.markdown, captions, alerts and labels show literally (no links, math, icons)."""
    text = _LINKISH.sub(lambda m: m.group(1)[0] + _WORD_JOINER + m.group(1)[1:], str(text))
    text = _MD_SPECIAL.sub(r"\\\1", text)
    # A backslash does not stop Streamlit's ":material/icon:" and ":color[...]" syntax; an entity does.
    return text.replace(":", "&#58;").replace("\n", " ")


def esc(text: object) -> str:
    """HTML-escaped text, quotes included."""
    return html.escape(str(text), quote=True)


def answer_html(record: dict[str, Any]) -> str:
    """The answer text as HTML paragraphs, its [n] markers as superscript references."""
    known = {c["n"] for c in record.get("citations") or []}
    paragraphs = [p for p in re.split(r"\n\s*\n", record.get("answer") or "") if p.strip()]
    return "".join(f'<p class="ans">{_with_markers(p, known)}</p>' for p in paragraphs)


def _with_markers(text: str, known: set[int]) -> str:
    """Escape a paragraph and turn markers of known citations into superscripts."""
    out: list[str] = []
    at = 0
    for match in _MARKER.finditer(text):
        if int(match.group(1)) not in known:
            continue
        out.append(esc(text[at : match.start()]))
        n = match.group(1)
        out.append(f'<sup class="mk" aria-label="source {n}">[{n}]</sup>')
        at = match.end()
    out.append(esc(text[at:]))
    return "".join(out)


def quote_html(citation: dict[str, Any]) -> str:
    """The exact quote of a citation as an HTML block quote."""
    kind = " weak" if citation.get("support") == "not an answer" else ""
    return f'<blockquote class="q{kind}">{esc(citation["quote"])}</blockquote>'


def citation_label(citation: dict[str, Any]) -> str:
    """'[1] Title · 2 March 2017 · paragraph 6' (plain text: escape before use in Markdown)."""
    parts = [f"[{citation['n']}]"]
    if citation.get("support") == "not an answer":
        parts.append("Not an answer:")
    parts.append(str(citation.get("title") or citation.get("source")))
    head = " ".join(parts)
    tail = [human_date(citation.get("date")) or "", *locators(citation)]
    return " · ".join([head, *[t for t in tail if t]])


def safe_url(url: str | None) -> str | None:
    """The URL when it is plain http(s), else None (no javascript: or data: links)."""
    if url and re.match(r"^https?://[^\s<>\"']+$", url.strip(), re.I):
        return url.strip()
    return None


def document_facts(doc: Document) -> str:
    """'West Midlands Police · HMIC · PEEL assessment transcript · 2 March 2017' for a document."""
    meta = doc.metadata
    parts = [meta.get("organisation"), meta.get("inspectorate"), meta.get("document_type")]
    parts.append(human_date(meta.get("date")))
    return " · ".join(p for p in parts if p)


def span_place(doc: Document, start: int) -> str:
    """Where a span starts, in words: 'paragraph 6, page 3 (printed page 2)'."""
    page, para = doc.page_at(start), doc.paragraph_at(start)
    record = {
        "page": page.page if page else None,
        "printed_page": page.printed if page else None,
        "paragraph": para.number if para else None,
    }
    return ", ".join(reversed(locators(record))) or "the text"


_POLICE_EXAMPLES = (
    "How does {org} assess risk in domestic abuse cases?",
    "What did the inspection find about how {org} deals with missing people?",
    "How good is {org} at preventing crime and anti-social behaviour?",
)
_OFSTED_EXAMPLES = (
    "What is the overall effectiveness grade for {org}?",
    "What did inspectors find about the experiences of children in {org}?",
    "What does {org} need to improve?",
)
_OTHER_EXAMPLES = ("What are the main findings about {org}?", "What does {org} need to improve?")


def example_questions(documents: dict[str, Document], limit: int = 3) -> list[str]:
    """Questions a first-time visitor can try, written for the organisations the corpus holds."""
    orgs: dict[str, str] = {}
    for doc in sorted(documents.values(), key=lambda d: d.metadata.get("date") or "", reverse=True):
        org = doc.metadata.get("organisation")
        if org and org not in orgs:
            orgs[org] = (doc.metadata.get("inspectorate") or "").upper()
    names = list(orgs)
    if not names:
        return ["What are the main findings of these reports?", "What needs to improve?"][:limit]
    questions = []
    for i in range(min(limit, 3 * len(names))):
        org = names[i % len(names)]
        templates = _templates(org, orgs[org])
        questions.append(templates[i % len(templates)].format(org=org))
    return list(dict.fromkeys(questions))


def _templates(org: str, inspectorate: str) -> tuple[str, ...]:
    if re.search(r"\b(Police|Constabulary)\b", org):
        return _POLICE_EXAMPLES
    if inspectorate == "OFSTED":
        return _OFSTED_EXAMPLES
    return _OTHER_EXAMPLES


def corpus_facts(documents: dict[str, Document], manifest: dict[str, Any]) -> dict[str, Any]:
    """What the corpus holds, for the sidebar: counts, organisations, dates, build time and model."""
    dates = sorted(d.metadata["date"] for d in documents.values() if d.metadata.get("date"))
    span = None
    if dates:
        first, last = human_date(dates[0]), human_date(dates[-1])
        span = first if first == last else f"{first} to {last}"
    model = str(manifest.get("settings", {}).get("model", "")).rsplit("/", 1)[-1]
    return {
        "documents": len(documents),
        "passages": manifest.get("counts", {}).get("chunks"),
        "organisations": sorted(
            {d.metadata["organisation"] for d in documents.values() if d.metadata.get("organisation")}
        ),
        "dates": span,
        "built": _when(manifest.get("built_at")),
        "model": model or None,
    }


def _when(stamp: str | None) -> str | None:
    """'2025-11-25T22:20:01+0000' -> '25 November 2025, 22:20'."""
    if not stamp:
        return None
    day = human_date(stamp[:10])
    return f"{day}, {stamp[11:16]}" if len(stamp) >= 16 else day


def filters_summary(filters: Any, documents: dict[str, Document]) -> str | None:
    """One plain sentence naming the active filters, or None when nothing is filtered."""
    if filters.empty:
        return None
    parts = []
    for label, values in (
        ("organisation", filters.organisations),
        ("inspectorate", filters.inspectorates),
        ("type", filters.document_types),
    ):
        if values:
            parts.append(f"{label}: {', '.join(values)}")
    if filters.sources:
        titles = [documents[s].title if s in documents else s for s in filters.sources]
        parts.append(f"documents: {'; '.join(titles)}")
    if filters.date_from or filters.date_to:
        parts.append(
            f"dated {human_date(filters.date_from) or 'any'} to {human_date(filters.date_to) or 'any'}"
        )
    admitted = sum(1 for d in documents.values() if filters.admits(d))
    return f"Searching {admitted} of {len(documents)} documents ({'; '.join(parts)})."
