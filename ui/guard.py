"""Every failure of a page run becomes one friendly line on the page and a log record, never a traceback."""

from __future__ import annotations

import logging
from collections.abc import Callable

import streamlit as st

from bot.errors import BotError
from ui.render import md_escape

RETRY = "Try again, or start a new conversation."
log = logging.getLogger("bot.app")
# Configured on import, once per process: the app's script itself runs again on every rerun.
logging.basicConfig(level=logging.WARNING, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
log.setLevel(logging.INFO)


def friendly(main: Callable[[], None], log: logging.Logger, retry: str = "Try again.") -> None:
    """Run one page run of main, showing any failure as one line that ends with what to do."""
    try:
        main()
    except BotError as exc:
        log.warning("%s", exc)
        st.error(md_escape(str(exc)), icon=":material/error:")
    except Exception:
        log.exception("the app failed")
        st.error(f"Something went wrong on our side and has been logged. {retry}", icon=":material/error:")
