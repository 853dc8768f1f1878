"""The sidebar: what the corpus holds, and the filters (drawn on demand)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import streamlit as st

from bot.retrieval import Filters
from bot.schema import Document
from bot.store import Index
from ui import state
from ui.render import corpus_facts, example_questions, md_escape
from ui.shared import Shared


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


def sidebar(corpus: Corpus, documents: dict[str, Document]) -> Filters:
    """Draw the sidebar; returns the filters the user chose."""
    with st.sidebar:
        _corpus(corpus)
        # Filters are drawn on demand: five widgets fewer on every run of a page most visitors never filter.
        filtering = st.toggle("Filter the sources", key=state.FILTERING)
        return _filters(corpus, documents) if filtering else Filters()


def corpus_of(index: Index) -> Corpus:
    """The sidebar's facts of the loaded generation (one per generation and process)."""
    return _corpus_of((str(index.path), index.manifest.get("fingerprint")), index)


@Shared
def _corpus_of(key: tuple[str, str | None], _index: Index) -> Corpus:
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
    # As few elements as possible: a run sends every element again, to every visitor.
    st.markdown(f"## The sources\n\n{corpus.summary}")
    with st.expander("What the sources hold"):
        st.markdown(f"{corpus.titles}\n\n:gray[{corpus.built}]")


def _count(n: int, word: str) -> str:
    """'**1** document', '**3** documents'."""
    return f"**{n}** {word}{'' if n == 1 else 's'}"


def _filters(corpus: Corpus, documents: dict[str, Document]) -> Filters:
    """Organisation, document type, date range and document filters that restrict the search."""
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
