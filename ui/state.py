"""Per-session state: the conversation's turns, a question waiting to be asked, the session id."""

from __future__ import annotations

import uuid
from typing import Any

import streamlit as st

FILTERING = "f_on"  # the sidebar's filters are drawn only while this toggle is on


def init() -> None:
    """Create the session's state on its first run."""
    st.session_state.setdefault("turns", [])
    st.session_state.setdefault("session_id", uuid.uuid4().hex[:12])
    st.session_state.setdefault("next_turn", 1)


def turns() -> list[dict[str, Any]]:
    """The conversation so far: each turn holds an ask --json record and its feedback row id."""
    return st.session_state["turns"]


def records() -> list[dict[str, Any]]:
    """The ask --json records of the conversation, oldest first."""
    return [t["record"] for t in turns()]


def history() -> list[tuple[str, list[str]]]:
    """The user's previous questions, each with the sources its answer quoted (for reading follow-ups)."""
    asked = [r for r in records() if r.get("kind") != "claim"]  # a checked claim is not a question to follow
    return [(r["question"], [] if r["refused"] else [c["source"] for c in r["citations"]]) for r in asked]


def add_turn(record: dict[str, Any]) -> dict[str, Any]:
    """Append an answered question; its id keys its widgets, unique for the whole session."""
    turn = {"id": st.session_state["next_turn"], "record": record, "feedback_id": None}
    st.session_state["next_turn"] += 1
    turns().append(turn)
    return turn


def ask_later(question: str) -> None:
    """Queue a question (from an example button) for this run."""
    st.session_state["pending"] = question


def ask_chosen(key: str) -> None:
    """Queue the example question chosen in a pills widget, and clear the choice for the next one."""
    question = st.session_state.get(key)
    st.session_state[key] = None
    if question:
        ask_later(question)


def take_pending() -> str | None:
    """The queued question, once."""
    return st.session_state.pop("pending", None)


def new_conversation() -> None:
    """Forget the conversation (filters stay as they are)."""
    st.session_state["turns"] = []
    st.session_state.pop("pending", None)


def compare_in_chat(question: str, sources: list[str]) -> None:
    """Queue a comparison for the chat, searching only these reports (Documents filter; others cleared)."""
    st.session_state[FILTERING] = True
    for key in ("f_orgs", "f_types", "f_dates"):
        st.session_state.pop(key, None)
    st.session_state["f_docs"] = list(sources)
    st.session_state["mode"] = "ask"  # a queued question is asked, not checked as a claim
    ask_later(question)
