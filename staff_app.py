"""The staff review app (make staff): stored feedback, its export and deletion; never in the public app."""

from __future__ import annotations

import logging

import streamlit as st

from bot.config import Settings
from ui.guard import friendly
from ui.resources import feedback_store
from ui.staff_gate import admitted

log = logging.getLogger("bot.staff")


def main() -> None:
    """One run of the staff app: the door, then the chosen page."""
    st.set_page_config(page_title="Feedback review (staff)", page_icon="🗂️", layout="wide")
    settings = Settings.from_env()
    if not admitted(settings):
        return
    feedback_store(settings)  # the first run in a process deletes expired feedback
    pages = [
        st.Page("ui/staff_pages/feedback.py", title="Feedback", icon=":material/reviews:", default=True),
        st.Page("ui/staff_pages/data.py", title="Export and delete", icon=":material/delete:"),
    ]
    st.navigation(pages, position="sidebar").run()


logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log.setLevel(logging.INFO)
friendly(main, log)
