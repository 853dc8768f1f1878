"""Streamlit chat over the inspection reports: a thin adapter over bot.engine (run: make run)."""

from __future__ import annotations

import streamlit as st

from bot.config import Settings
from ui import pages, state
from ui.guard import RETRY, friendly, log
from ui.resources import engine_or_offer_build, feedback_store


def main() -> None:
    """One run of the app: shared set-up, then the chosen page (the chat, or the reports table)."""
    st.set_page_config(page_title="Inspection findings", page_icon="🔎", layout="centered")
    state.init()
    settings = Settings.from_env()
    engine = engine_or_offer_build(settings)
    if engine is None:
        return
    feedback_store(settings)  # the first run in a process deletes expired feedback
    pages.navigate(engine, settings)


friendly(main, log, retry=RETRY)
