"""The chat page: the sidebar, the conversation (questions answered or claims checked) and its exports."""

from __future__ import annotations

import logging

import streamlit as st
from streamlit.delta_generator import DeltaGenerator

from bot import export
from bot.config import Settings
from bot.engine import Engine
from bot.retrieval import Filters
from ui import chat, state
from ui.guard import RETRY, friendly
from ui.render import filters_summary, md_escape
from ui.sidebar import corpus_of, sidebar

log = logging.getLogger("bot.app")
MODES = {"ask": ":material/chat: Ask a question", "claim": ":material/fact_check: Check a claim"}
EXAMPLES = "examples"
INTRO = (
    "Ask a question about the inspection reports. Every sentence of an answer is an exact quote "
    "from a report, numbered so you can open it in its source; when the reports do not answer, "
    "the bot says so."
)


def ask_page(engine: Engine, settings: Settings) -> None:
    """The sidebar, then the chat."""
    corpus = corpus_of(engine.index)
    filters = sidebar(corpus, engine.index.documents)
    conversation(engine, settings, filters, corpus.examples)


# Asking reruns this fragment alone: the sidebar is not redrawn for every question. A change of filter
# is a sidebar widget, so it reruns the whole page and passes this fragment the new filters.
# A fragment's own rerun does not pass through app.py's guard, so it carries one of its own.
@st.fragment
def conversation(engine: Engine, settings: Settings, filters: Filters, examples: tuple[str, ...]) -> None:
    """The chat, with any failure shown as one friendly line."""
    friendly(lambda: _conversation(engine, settings, filters, examples), log, retry=RETRY)


def _conversation(engine: Engine, settings: Settings, filters: Filters, examples: tuple[str, ...]) -> None:
    """The chat: earlier turns, then the new question (typed or from an example), then its controls."""
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
        welcome(examples)
        slot = None
    else:
        chat.styles()
        # Above the conversation, where the chat box pinned to the foot cannot cover them; filled last, so
        # the exports hold this run's answer too.
        slot = st.container()
    for turn in state.turns():
        chat.show_turn(turn, engine, settings)
    if question and checking:
        chat.check(question, engine, settings)
    elif question:
        chat.ask(question, engine, settings, filters)
    if slot is not None:
        controls(slot)


def welcome(examples: tuple[str, ...]) -> None:
    """A first-time visitor's introduction with example questions (one widget for all: a light page)."""
    st.markdown(INTRO + "\n\nTry one of these:")
    st.pills(
        "Example questions", examples, key=EXAMPLES, format_func=md_escape,
        on_change=state.ask_chosen, args=(EXAMPLES,), label_visibility="collapsed",
    )  # fmt: skip


def controls(slot: DeltaGenerator) -> None:
    """Once there is a conversation: start a new one, or download all of it as Markdown or JSON."""
    records = state.records()
    if not records:
        return
    new, markdown, json = slot.columns(3)
    new.button(
        "New conversation", icon=":material/add_comment:", on_click=state.new_conversation,
        width="stretch", key="new-conversation",
    )  # fmt: skip
    markdown.download_button(
        "Markdown", export.conversation_markdown(records), "conversation.md", "text/markdown",
        key="export-md", on_click="ignore", icon=":material/download:", width="stretch",
        help="The whole conversation with every quote and its full reference.",
    )  # fmt: skip
    json.download_button(
        "JSON", export.conversation_json(records), "conversation.json", "application/json",
        key="export-json", on_click="ignore", icon=":material/download:", width="stretch",
        help="The answers as ask --json records.",
    )  # fmt: skip
