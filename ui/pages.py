"""The app's pages: functions rather than files, so a run does not look the page files up on disk."""

from __future__ import annotations

import streamlit as st

from bot.config import Settings
from bot.engine import Engine
from ui.conversation import ask_page
from ui.reports import reports_page
from ui.routes import ASK, REPORTS


def navigate(engine: Engine, settings: Settings) -> None:
    """The top navigation, then the chosen page (the chat by default)."""

    def ask() -> None:
        ask_page(engine, settings)

    def reports() -> None:
        reports_page(engine)

    pages = [
        st.Page(ask, title="Ask", icon=":material/chat:", url_path=ASK, default=True),
        st.Page(reports, title="Reports at a glance", icon=":material/table_view:", url_path=REPORTS),
    ]
    st.navigation(pages, position="top").run()
