"""The staff app's pages: stored feedback with the answers it is about; export and deletion."""

from __future__ import annotations

from datetime import date

import streamlit as st

from bot import export
from bot.config import Settings
from bot.feedback import Feedback, FeedbackStore, as_csv, as_jsonl
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


def data_care(store: FeedbackStore, settings: Settings) -> None:
    """How long feedback is kept; export it (all or since a day) and delete it before a day."""
    st.title("Export and delete")
    st.write(
        f"Feedback is kept for {settings.feedback_retention_days} days (BOT_FEEDBACK_RETENTION_DAYS); "
        "older rows are deleted when an app starts and daily. Each row holds the question, the answer "
        "with its citations, the thumb, the comment, and a random session code that says nothing "
        "about the person."
    )
    _export(store)
    _purge(store)


def _export(store: FeedbackStore) -> None:
    st.subheader("Export")
    since = st.date_input("Created on or after (empty: everything)", value=None, key="export-since")
    rows = store.export(since)
    st.caption(md_escape(f"{len(rows)} rows."))
    with st.container(horizontal=True):
        st.download_button(
            "CSV", as_csv(rows), "feedback.csv", "text/csv", key="export-csv", on_click="ignore",
            icon=":material/download:", disabled=not rows,
        )  # fmt: skip
        st.download_button(
            "JSON Lines", as_jsonl(rows), "feedback.jsonl", "application/json", key="export-jsonl",
            on_click="ignore", icon=":material/download:", disabled=not rows,
        )  # fmt: skip


def _purge(store: FeedbackStore) -> None:
    st.subheader("Delete")
    before = st.date_input("Delete feedback created before", value=None, key="purge-before")
    sure = st.checkbox("I understand that deleted feedback cannot be restored.", key="purge-sure")
    st.button(
        "Delete", type="primary", disabled=not (before and sure), key="purge", on_click=_delete,
        args=(store, before),
    )  # fmt: skip
    done = st.session_state.pop("purged", None)
    if done:
        st.success(md_escape(done))


def _delete(store: FeedbackStore, before: date) -> None:
    """Delete (button callback), then ask for the confirmation again before another deletion."""
    gone = store.purge(before)
    st.session_state["purge-sure"] = False
    st.session_state["purged"] = f"Deleted {gone} rows created before {_day(before)}."


def _day(day: date) -> str:
    return day.strftime("%d %B %Y").lstrip("0")
