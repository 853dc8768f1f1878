"""The sidebar: what the corpus holds, filters, example questions, conversation controls and exports."""

from __future__ import annotations

from datetime import date

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from bot import export
from bot.engine import Engine
from bot.retrieval import Filters
from bot.schema import Document
from ui import state
from ui.render import corpus_facts, example_questions, md_escape


def sidebar(engine: Engine) -> tuple[Filters, DeltaGenerator]:
    """Draw the sidebar; returns the filters the user chose and a slot for the conversation's exports."""
    documents = engine.index.documents
    with st.sidebar:
        st.header("The sources")
        _corpus(documents, engine.index.manifest)
        filters = _filters(documents)
        _examples(documents)
        exports = _conversation()
    return filters, exports


def _corpus(documents: dict[str, Document], manifest: dict) -> None:
    """Counts, organisations, dates, index build time and model."""
    facts = corpus_facts(documents, manifest)
    orgs = facts["organisations"]
    st.markdown(
        _count(facts["documents"], "document")
        + (f" about {_count(len(orgs), 'organisation')}" if orgs else "")
        + (f", {md_escape(facts['dates'])}" if facts["dates"] else "")
    )
    with st.expander("What the sources hold"):
        for doc in sorted(documents.values(), key=lambda d: d.title.lower()):
            st.markdown(f"- {md_escape(doc.title)}")
        built = md_escape(f"Index built {facts['built'] or 'at an unknown time'}; model {facts['model']}.")
        st.caption(built)


def _count(n: int, word: str) -> str:
    """'**1** document', '**3** documents'."""
    return f"**{n}** {word}{'' if n == 1 else 's'}"


def _filters(documents: dict[str, Document]) -> Filters:
    """Organisation, document type, date range and document filters that restrict the search."""
    st.subheader("Filters")
    orgs = _values(documents, "organisation")
    types = _values(documents, "document_type")
    chosen_orgs = st.multiselect("Organisation", orgs, key="f_orgs", placeholder="All organisations")
    chosen_types = st.multiselect("Document type", types, key="f_types", placeholder="All types")
    date_from, date_to = _date_range(documents)
    titles = {s: d.title for s, d in documents.items()}
    chosen_docs = st.multiselect(
        "Documents", sorted(titles, key=lambda s: titles[s].lower()), key="f_docs",
        format_func=lambda s: titles[s], placeholder="All documents",
    )  # fmt: skip
    return Filters(
        organisations=tuple(chosen_orgs),
        document_types=tuple(chosen_types),
        sources=tuple(chosen_docs),
        date_from=date_from,
        date_to=date_to,
    )


def _values(documents: dict[str, Document], field: str) -> list[str]:
    return sorted({d.metadata[field] for d in documents.values() if d.metadata.get(field)})


def _date_range(documents: dict[str, Document]) -> tuple[str | None, str | None]:
    """A date range input over the documents' dates; (None, None) while it spans them all."""
    days = sorted(date.fromisoformat(d.metadata["date"][:10]) for d in documents.values() if _dated(d))
    if len(days) < 2 or days[0] == days[-1]:
        return None, None
    picked = st.date_input(
        "Published between", value=(days[0], days[-1]), min_value=days[0], max_value=days[-1],
        key="f_dates", format="DD/MM/YYYY",
    )  # fmt: skip
    if not isinstance(picked, tuple) or len(picked) != 2 or picked == (days[0], days[-1]):
        return None, None
    return picked[0].isoformat(), picked[1].isoformat()


def _dated(doc: Document) -> bool:
    try:
        date.fromisoformat((doc.metadata.get("date") or "")[:10])
    except ValueError:
        return False
    return True


def _examples(documents: dict[str, Document]) -> None:
    """Example questions as buttons that ask them."""
    st.subheader("Try asking")
    for i, question in enumerate(example_questions(documents)):
        st.button(
            md_escape(question), key=f"example-side-{i}", on_click=state.ask_later, args=(question,),
            width="stretch",
        )  # fmt: skip


def _conversation() -> DeltaGenerator:
    """The new conversation button, and an empty slot for the exports (filled once this run has answered)."""
    st.subheader("Conversation")
    st.button(
        "New conversation", icon=":material/add_comment:", on_click=state.new_conversation,
        width="stretch", key="new-conversation",
    )  # fmt: skip
    return st.container()


def conversation_exports(slot: DeltaGenerator) -> None:
    """Download buttons for the whole conversation as Markdown and JSON."""
    records = state.records()
    if not records:
        return
    left, right = slot.columns(2)
    left.download_button(
        "Markdown", export.conversation_markdown(records), "conversation.md", "text/markdown",
        key="export-md", on_click="ignore", icon=":material/download:", width="stretch",
        help="The whole conversation with every quote and its full reference.",
    )  # fmt: skip
    right.download_button(
        "JSON", export.conversation_json(records), "conversation.json", "application/json",
        key="export-json", on_click="ignore", icon=":material/download:", width="stretch",
        help="The answers as ask --json records.",
    )  # fmt: skip
