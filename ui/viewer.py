"""The source viewer: a cited document opened in a dialog, the quote highlighted and scrolled into view."""

from __future__ import annotations

import streamlit as st

from bot.engine import Engine
from ui.highlight import viewer_html
from ui.render import document_facts, md_escape, safe_url, span_place

FRAME_HEIGHT = 440


@st.dialog("Source document", width="large")
def source_dialog(
    engine: Engine, source: str, start: int | None = None, end: int | None = None, quote: str | None = None
) -> None:
    """Show one document's text with the span start:end highlighted in its context."""
    doc = engine.document(source)
    if doc is None:
        st.error(md_escape(f"The document {source} is no longer in the index."))
        return
    if quote is not None and start is not None and doc.text[start:end] != quote:
        # Rebuilt since the answer: highlighting whatever now sits at the old offsets would mislead.
        st.warning(
            "This document has changed since the answer was given: the quote is no longer at that place, "
            "so nothing is highlighted.",
            icon=":material/warning:",
        )
        start = end = None
    st.markdown(f"**{md_escape(doc.title)}**")
    facts = document_facts(doc)
    st.caption(md_escape(f"{facts} · file {doc.source}" if facts else f"file {doc.source}"))
    if start is not None:
        st.markdown(
            f":material/format_quote: The highlighted quote is in {md_escape(span_place(doc, start))}."
        )
    st.iframe(viewer_html(doc, start, end), height=FRAME_HEIGHT, alt=f"Text of {doc.title}")
    url = safe_url(doc.metadata.get("url"))
    if url:
        st.link_button("Open the original report", url, icon=":material/open_in_new:")
