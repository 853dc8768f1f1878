"""Streamlit chat over the inspection reports: a thin adapter over bot.engine (run: make run)."""

from __future__ import annotations

import logging

import streamlit as st

from bot.config import Settings
from ui import state
from ui.guard import RETRY, friendly
from ui.resources import engine_or_offer_build, feedback_store

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


def main() -> None:
    """One run of the app: shared set-up, then the chosen page (the chat, or the reports table)."""
    st.set_page_config(page_title="Inspection findings", page_icon="🔎", layout="centered")
    st.html(CSS)
    state.init()
    settings = Settings.from_env()
    if engine_or_offer_build(settings) is None:
        return
    feedback_store(settings)  # the first run in a process deletes expired feedback
    pages = [
        st.Page("ui/app_pages/ask.py", title="Ask", icon=":material/chat:", default=True),
        st.Page("ui/app_pages/reports.py", title="Reports at a glance", icon=":material/table_view:"),
    ]
    st.navigation(pages, position="top").run()


logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log.setLevel(logging.INFO)
friendly(main, log, retry=RETRY)
