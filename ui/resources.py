"""Shared resources for every session: one embedder and one engine per settings; first-run index build."""

from __future__ import annotations

import gc
import logging
from typing import Any

import streamlit as st

from bot.claims import ClaimChecker
from bot.config import Settings
from bot.embedding import Embedder, for_settings
from bot.engine import Engine
from bot.errors import BotError, IndexCorrupt, IndexMismatch, IndexMissing
from bot.feedback import FeedbackStore, keep_expiring
from bot.indexing import build
from bot.llm import LlmAnswerer, answerer_for
from ui.render import md_escape
from ui.shared import Shared

log = logging.getLogger("bot.app")
_REBUILDABLE = (IndexMissing, IndexMismatch, IndexCorrupt)


@st.cache_resource(show_spinner="Loading the search model…")
def shared_embedder(key: str, _settings: Settings) -> Embedder:
    """The embedding model, loaded once for all sessions (key names its encoder, weights and cache)."""
    embedder = for_settings(_settings)
    embedder.load()
    return embedder


def embedder_key(settings: Settings) -> str:
    """What makes one embedder differ from another: its encoder, its weights, where its export is cached."""
    return f"{settings.encoder}|{settings.model_sha256}|{settings.model_cache}"


@Shared
def shared_engine(key: str, _settings: Settings) -> Engine:
    """One loaded engine per settings (key is their repr); a failed load is not cached, so it is retried."""
    engine = Engine(_settings, embedder=shared_embedder(embedder_key(_settings), _settings))
    engine.warm()
    # The engine's objects live as long as the process: moved out of the collector's reach, they are not
    # walked again by every full collection (runner.postScriptGC is off for the same reason).
    gc.collect()
    gc.freeze()
    log.info("index %s loaded: %s documents", _settings.index, len(engine.index.documents))
    return engine


def feedback_store(settings: Settings) -> FeedbackStore:
    """The feedback store with the public limits; each process deletes expired rows when it first opens it."""
    return _feedback_store(repr(settings), settings)


@Shared
def _feedback_store(key: str, _settings: Settings) -> FeedbackStore:
    store = FeedbackStore.for_settings(_settings)  # PostgreSQL with BOT_FEEDBACK_URL, else the SQLite file
    try:
        gone = store.expire_if_due()
        log.info("feedback older than %s days deleted: %s rows", _settings.feedback_retention_days, gone)
    except BotError as exc:
        log.warning("feedback retention not applied: %s", exc)
    keep_expiring(store)  # and daily while the process runs (the check itself runs at most once a day)
    return store


def language_model(engine: Engine, settings: Settings) -> LlmAnswerer | None:
    """The language-model answerer for this engine when BOT_LLM_PROVIDER is set (one client per process)."""
    if not settings.llm_provider:
        return None
    return _language_model(repr(settings), id(engine), engine)


@st.cache_resource(show_spinner=False)
def _language_model(key: str, engine_id: int, _engine: Engine) -> LlmAnswerer | None:
    return answerer_for(_engine)


def claim_checker(engine: Engine) -> ClaimChecker:
    """One claim checker per loaded engine."""
    return _claim_checker(id(engine), engine)


@st.cache_resource(show_spinner=False)
def _claim_checker(engine_id: int, _engine: Engine) -> ClaimChecker:
    return ClaimChecker(_engine)


def engine_or_offer_build(settings: Settings) -> Engine | None:
    """The engine; or, when the index is missing or unusable, a message and a button that builds it."""
    key = repr(settings)
    try:
        if key in shared_engine:  # no spinner then: it would be sent to the page on every run
            return shared_engine(key, settings)
        with st.spinner("Loading the index…"):
            return shared_engine(key, settings)
    except _REBUILDABLE as exc:
        offer_build(settings, exc)
        return None


def offer_build(settings: Settings, problem: BotError) -> None:
    """Say what is wrong with the index in one line and offer to build it here."""
    if isinstance(problem, IndexMissing):
        st.info(f"There is no index yet at {md_escape(str(settings.index))}.", icon=":material/info:")
        st.write("Build it now from the documents in the sources folder (a minute or so for a few reports).")
    else:
        st.error(md_escape(str(problem)), icon=":material/error:")
    label = "Build the index" if isinstance(problem, IndexMissing) else "Rebuild the index"
    clicked = st.button(label, type="primary", icon=":material/build:", key="build-index")
    if clicked and run_build(settings, force=not isinstance(problem, IndexMissing)):
        st.rerun()


_STAGES = {
    "documents": ("Reading documents", 0.0, 0.3),
    "sentences": ("Embedding sentences", 0.3, 0.6),
    "words": ("Embedding the corpus's words", 0.9, 0.1),
}


def _show(bar: Any, stage: str, done: int, total: int) -> None:
    """Move the build's progress bar: reading is the first 30% of the bar, embedding the rest."""
    label, offset, share = _STAGES[stage]
    fraction = offset + share * (done / total if total else 1.0)
    bar.progress(min(fraction, 1.0), text=f"{label}: {done:,} of {total:,}")


def run_build(settings: Settings, force: bool = False) -> bool:
    """Build the index with a live status box; True when it worked."""
    with st.status("Building the index…", expanded=True) as status:
        st.write(f"Reading the documents in {md_escape(str(settings.sources))}…")
        bar = st.progress(0.0)
        try:
            embedder = shared_embedder(embedder_key(settings), settings)
            report = build(settings, embedder, force=force, progress=lambda *step: _show(bar, *step))
        except BotError as exc:
            status.update(label="The index could not be built", state="error")
            st.error(md_escape(str(exc)))
            return False
        for skip in report.skipped:
            st.write(md_escape(f"Skipped {skip['source']}: {skip['reason']}"))
        done = (
            f"Index built: {report.documents} documents, {report.chunks} passages in {report.seconds:.0f} s"
        )
        status.update(label=done, state="complete", expanded=False)
    log.info("index built from the app: %s", report.to_json())
    shared_engine.clear()
    return True
