"""The chat page: the sidebar, the conversation (questions answered or claims checked) and its exports."""

from __future__ import annotations

import logging

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from bot.config import Settings
from bot.engine import Engine
from bot.retrieval import Filters
from ui import chat, state
from ui.guard import RETRY, friendly
from ui.render import filters_summary, md_escape
from ui.sidebar import conversation_exports, corpus_of, sidebar

log = logging.getLogger("bot.app")
MODES = {"ask": ":material/chat: Ask a question", "claim": ":material/fact_check: Check a claim"}
INTRO = (
    "Ask a question about the inspection reports. Every sentence of an answer is an exact quote "
    "from a report, numbered so you can open it in its source; when the reports do not answer, "
    "the bot says so."
)


def ask_page(engine: Engine, settings: Settings) -> None:
    """The sidebar, then the chat (which fills the sidebar's slot for the conversation's exports)."""
    filters, exports = sidebar(engine)
    conversation(engine, settings, filters, exports)


# Asking reruns this fragment alone: the sidebar is not redrawn for every question. A change of filter
# is a sidebar widget, so it reruns the whole page and passes this fragment the new filters.
# A fragment's own rerun does not pass through app.py's guard, so it carries one of its own.
@st.fragment
def conversation(engine: Engine, settings: Settings, filters: Filters, exports: DeltaGenerator) -> None:
    """The chat, with any failure shown as one friendly line."""
    friendly(lambda: _conversation(engine, settings, filters, exports), log, retry=RETRY)


def _conversation(engine: Engine, settings: Settings, filters: Filters, exports: DeltaGenerator) -> None:
    """The chat: earlier turns, then the new question (typed or from an example button), then exports."""
    st.title("Inspection findings", anchor=False)
    checking = st.segmented_control(
        "Mode", list(MODES), default="ask", format_func=MODES.get, key="mode", label_visibility="collapsed",
        width="stretch",
    ) == "claim"  # fmt: skip
    prompt = (
        "Type a claim to check, e.g. Inspectors said ..." if checking else "Ask about the inspection reports"
    )
    with st.bottom:  # pinned to the foot of the page, as a chat box outside a fragment would be
        typed = st.chat_input(prompt, max_chars=settings.max_question_chars)
    question = typed if checking else typed or state.take_pending()
    note = filters_summary(filters, engine.index.documents)
    if note:
        st.caption(":material/filter_alt: " + md_escape(note))
    if not state.turns() and not question:
        welcome(engine)
    for turn in state.turns():
        chat.show_turn(turn, engine, settings)
    if question and checking:
        chat.check(question, engine, settings)
    elif question:
        chat.ask(question, engine, settings, filters)
    conversation_exports(exports)


def welcome(engine: Engine) -> None:
    """A first-time visitor's introduction with example questions."""
    st.write(INTRO)
    with st.container(key="examples", gap="small"):
        st.caption("Try one of these:")
        for i, question in enumerate(corpus_of(engine.index).examples):
            st.button(
                md_escape(question), key=f"example-main-{i}", on_click=state.ask_later, args=(question,),
                icon=":material/chat:", type="tertiary",
            )  # fmt: skip
