"""The staff review view: stored feedback with the answers and citations it is about (BOT_STAFF=1 only)."""

from __future__ import annotations

import json
from dataclasses import asdict

import streamlit as st

from bot import export
from bot.feedback import Feedback, FeedbackStore
from ui.render import answer_html, md_escape, quote_html

_THUMBS = {"up": "Thumbs up", "down": "Thumbs down", "none": "Withdrawn"}


def review(store: FeedbackStore, limit: int = 200) -> None:
    """Counts, a table of the newest feedback and each item opened to its answer."""
    st.title("Feedback review")
    st.caption(md_escape(f"Stored in {store.path}. Newest first, up to {limit}."))
    counts = store.summary()
    with st.container(horizontal=True):
        st.metric("Feedback", counts["total"])
        st.metric("Thumbs up", counts["up"])
        st.metric("Thumbs down", counts["down"])
        st.metric("Comments", counts["comments"])
    rows = store.recent(limit)
    if not rows:
        st.info("No feedback yet.")
        return
    st.dataframe([_table_row(r) for r in rows], hide_index=True, width="stretch")
    lines = "".join(json.dumps(asdict(r), ensure_ascii=False) + "\n" for r in rows)
    st.download_button(
        "Download as JSON Lines", lines, "feedback.jsonl", "application/json", on_click="ignore"
    )
    for item in rows:
        _item(item)


def _table_row(item: Feedback) -> dict[str, object]:
    return {
        "id": item.id,
        "when": item.created_at[:16].replace("T", " "),
        "rating": _THUMBS[item.verdict],
        "question": item.question,
        "refused": item.refused,
        "citations": len(item.citations),
        "comment": item.comment,
    }


def _item(item: Feedback) -> None:
    """One feedback item: the comment, the answer and every cited quote with its reference."""
    label = f"#{item.id} · {_THUMBS[item.verdict]} · {item.question}"
    with st.expander(md_escape(label)):
        if item.comment:
            st.markdown("**Comment**")
            st.text(item.comment)
        st.markdown("**Answer**" + (" (refused)" if item.refused else ""))
        st.html(answer_html(item.record) or "<p>(empty)</p>")
        for citation in item.citations:
            st.html(quote_html(citation))
            st.caption(md_escape(f"[{citation.get('n')}] {export.reference(citation)}"))
