"""The app's pages by URL path, and switching between them (a page's identity is its URL path)."""

from __future__ import annotations

import streamlit as st

ASK, REPORTS = "ask", "reports"


def switch_to(url_path: str) -> None:
    """Go to one of the app's pages: a page object with the same URL path stands for the registered one."""
    st.switch_page(st.Page(_elsewhere, title=url_path, url_path=url_path))


def _elsewhere() -> None:
    """Never run: st.switch_page runs the page registered under the same URL path."""
