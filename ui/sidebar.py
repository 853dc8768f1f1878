"""The sidebar: what the corpus holds, filters, example questions, conversation controls and exports."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from bot import export
from bot.engine import Engine
from bot.retrieval import Filters
from bot.schema import Document
from bot.store import Index
from ui import state
from ui.render import corpus_facts, example_questions, md_escape


@dataclass(frozen=True)
class Corpus:
    """What the sidebar shows of an index generation: the same for every session, so worked out once."""

    summary: str  # "**69** documents about **40** organisations, 2 March 2017 to ..."
    titles: str  # the documents' titles as one Markdown list
    built: str
    organisations: tuple[str, ...]
    document_types: tuple[str, ...]
    documents: tuple[str, ...]  # sources, sorted by title
    days: tuple[date, ...]  # the documents' dates, sorted
    examples: tuple[str, ...]


def sidebar(engine: Engine) -> tuple[Filters, DeltaGenerator]:
    """Draw the sidebar; returns the filters the user chose and a slot for the conversation's exports."""
    index = engine.index
    corpus = corpus_of(index)
    with st.sidebar:
        st.header("The sources")
        _corpus(corpus)
        filters = _filters(corpus, index.documents)
        _examples(corpus)
        exports = _conversation()
    return filters, exports


def corpus_of(index: Index) -> Corpus:
    """The sidebar's facts of the loaded generation (one per generation and process)."""
    return _corpus_of(str(index.path), index.manifest.get("fingerprint"), index)


@st.cache_resource(show_spinner=False, max_entries=4)
def _corpus_of(path: str, fingerprint: str | None, _index: Index) -> Corpus:
    documents = _index.documents
    facts = corpus_facts(documents, _index.manifest)
    orgs = facts["organisations"]
    summary = (
        _count(facts["documents"], "document")
        + (f" about {_count(len(orgs), 'organisation')}" if orgs else "")
        + (f", {md_escape(facts['dates'])}" if facts["dates"] else "")
    )
    ordered = sorted(documents, key=lambda s: documents[s].title.lower())
    return Corpus(
        summary=summary,
        titles="\n".join(f"- {md_escape(documents[s].title)}" for s in ordered),
        built=md_escape(f"Index built {facts['built'] or 'at an unknown time'}; model {facts['model']}."),
        organisations=tuple(_values(documents, "organisation")),
        document_types=tuple(_values(documents, "document_type")),
        documents=tuple(ordered),
        days=tuple(
            sorted(date.fromisoformat(d.metadata["date"][:10]) for d in documents.values() if _dated(d))
        ),
        examples=tuple(example_questions(documents)),
    )


def _corpus(corpus: Corpus) -> None:
    """Counts, organisations, dates, and in an expander every document, the index build time and model."""
    st.markdown(corpus.summary)
    with st.expander("What the sources hold"):
        st.markdown(corpus.titles)  # one element, not one per document: a rerun sends every element again
        st.caption(corpus.built)


def _count(n: int, word: str) -> str:
    """'**1** document', '**3** documents'."""
    return f"**{n}** {word}{'' if n == 1 else 's'}"


def _filters(corpus: Corpus, documents: dict[str, Document]) -> Filters:
    """Organisation, document type, date range and document filters that restrict the search."""
    st.subheader("Filters")
    chosen_orgs = st.multiselect(
        "Organisation", corpus.organisations, key="f_orgs", placeholder="All organisations"
    )
    chosen_types = st.multiselect(
        "Document type", corpus.document_types, key="f_types", placeholder="All types"
    )
    date_from, date_to = _date_range(corpus.days)
    chosen_docs = st.multiselect(
        "Documents", corpus.documents, key="f_docs", format_func=lambda s: documents[s].title,
        placeholder="All documents",
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


def _date_range(days: tuple[date, ...]) -> tuple[str | None, str | None]:
    """A date range input over the documents' dates; (None, None) while it spans them all."""
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


def _examples(corpus: Corpus) -> None:
    """Example questions as buttons that ask them."""
    st.subheader("Try asking")
    for i, question in enumerate(corpus.examples):
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
    # Written on every run, empty or not: the chat fragment may fill this sidebar slot only if each
    # full run of the page has written to it too.
    box = slot.empty()
    records = state.records()
    if not records:
        return
    left, right = box.container().columns(2)
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
