"""The staff app's door: refuse when exposed without credentials, ask for an OIDC login, or admit."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import streamlit as st

from bot.config import Settings
from bot.staff_access import Access, admits, decide
from ui.render import md_escape


def admitted(settings: Settings) -> bool:
    """Draw what a visitor who may not see feedback sees; True when this one may."""
    access = decide(st.get_option("server.address"), _secrets(), settings.staff_emails)
    if access.mode == "refused":
        st.error(md_escape(access.reason), icon=":material/lock:")
        return False
    if access.mode == "local":
        st.sidebar.caption("Open to this machine only: no login.")
        return True
    return _logged_in(access)


def _logged_in(access: Access) -> bool:
    """The OIDC login: a button while logged out, a refusal for an address not on the staff list."""
    if not st.user.is_logged_in:
        st.title("Feedback review", anchor=False)
        st.write("For staff only: log in to continue.")
        st.button("Log in", on_click=st.login, icon=":material/login:", type="primary", key="login")
        return False
    email = str(st.user.get("email") or "")
    if not admits(access, True, email):
        st.error(md_escape(f"{email or 'This account'} is not on the staff list (BOT_STAFF_EMAILS)."))
        st.button("Log out", on_click=st.logout, key="logout")
        return False
    with st.sidebar:
        st.caption(md_escape(f"Logged in as {email}."))
        st.button("Log out", on_click=st.logout, key="logout", icon=":material/logout:")
    return True


def _secrets() -> Mapping[str, Any]:
    """The secrets (.streamlit/secrets.toml), or nothing when there are none."""
    try:
        return st.secrets.to_dict() if st.secrets.load_if_toml_exists() else {}
    except Exception:  # a damaged secrets file means no login is configured; decide() then refuses or limits
        return {}
