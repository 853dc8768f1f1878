"""Streamlit chat over the inspection reports: a thin adapter over bot.engine (run: make run)."""

from __future__ import annotations

import logging

import streamlit as st

from bot.config import Settings
from bot.engine import Engine
from bot.retrieval import Filters
from ui import chat, state
from ui.guard import friendly
from ui.render import example_questions, filters_summary, md_escape
from ui.resources import engine_or_offer_build, feedback_store
from ui.sidebar import conversation_exports, sidebar

log = logging.getLogger("bot.app")

# Styles for the HTML this app builds itself (answers and quotes); colours follow the theme.
CSS = """<style>
.ans { margin: 0 0 .6rem 0; line-height: 1.6; }
.mk { color: var(--primary-color, #1d4f91); font-weight: 600; margin-left: .1em; }
blockquote.q { margin: .25rem 0 .5rem 0; padding: .4rem .9rem; border-left: 4px solid #f2c94c;
  background: rgba(242, 201, 76, .14); border-radius: 0 6px 6px 0; white-space: pre-wrap; }
blockquote.q.weak { border-left-color: #9aa4ae; background: rgba(154, 164, 174, .12); }
.st-key-examples button { justify-content: flex-start; text-align: left; }
.st-key-examples button p { text-align: left; }
</style>"""

MODES = {"ask": ":material/chat: Ask a question", "claim": ":material/fact_check: Check a claim"}
INTRO = (
    "Ask a question about the inspection reports. Every sentence of an answer is an exact quote "
    "from a report, numbered so you can open it in its source; when the reports do not answer, "
    "the bot says so."
)


def main() -> None:
    """One run of the page."""
    st.set_page_config(page_title="Inspection findings", page_icon="🔎", layout="centered")
    st.html(CSS)
    state.init()
    settings = Settings.from_env()
    engine = engine_or_offer_build(settings)
    if engine is None:
        return
    feedback_store(settings)  # the first run in a process deletes expired feedback
    filters, exports = sidebar(engine)
    conversation(engine, settings, filters)
    conversation_exports(exports)


def conversation(engine: Engine, settings: Settings, filters: Filters) -> None:
    """The chat: earlier turns, then the new question (typed or from an example button)."""
    st.title("Inspection findings", anchor=False)
    checking = st.segmented_control(
        "Mode", list(MODES), default="ask", format_func=MODES.get, key="mode", label_visibility="collapsed",
        width="stretch",
    ) == "claim"  # fmt: skip
    prompt = (
        "Type a claim to check, e.g. Inspectors said ..." if checking else "Ask about the inspection reports"
    )
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


def welcome(engine: Engine) -> None:
    """A first-time visitor's introduction with example questions."""
    st.write(INTRO)
    with st.container(key="examples", gap="small"):
        st.caption("Try one of these:")
        for i, question in enumerate(example_questions(engine.index.documents)):
            st.button(
                md_escape(question), key=f"example-main-{i}", on_click=state.ask_later, args=(question,),
                icon=":material/chat:", type="tertiary",
            )  # fmt: skip


logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log.setLevel(logging.INFO)
friendly(main, log, retry="Try again, or start a new conversation.")
