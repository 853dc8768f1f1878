"""Shared helpers for the app tests: a small corpus of three documents and its index, built once."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from bot.config import ROOT, Settings
from bot.engine import Engine
from bot.indexing import build

SEED = "hmi-wendy-williams-assessment-west-midlands-police-transcript.txt"
MERCIA = "west-mercia-police-peel-2019.txt"
HOSTILE = "custody-notes.txt"
HOSTILE_STRINGS = ("<script>alert(1)</script>", "onerror", "[click](http://example.com)", "$x$")

MERCIA_TEXT = """West Mercia Police – PEEL inspection 2019

West Mercia Police is good at protecting vulnerable people.

The force assesses risk in domestic abuse cases consistently: every call handler uses a structured risk \
assessment, and supervisors review each high-risk case within a day.

Victims of domestic abuse in West Mercia receive a prompt response, and the force works closely with \
partner agencies to plan their safety.

The force could do more to understand the demand it faces from online fraud.
"""

# Markup, Markdown, maths and a link that must all be shown as literal text, never run or rendered.
HOSTILE_TEXT = """Custody suite notes

Inspectors found the custody suite cells clean and well maintained, although one log entry read \
<script>alert(1)</script> where a detainee name should have been.

A second log entry in the custody suite contained <img src=x onerror=alert(2)> instead of a signature, \
and staff had pasted [click](http://example.com) into the notes field.

Custody suite staff recorded the cell temperature as $x$ degrees, which inspectors could not verify.
"""

CATALOG = f"""path,title,organisation,inspectorate,inspector,document_type,date,period,url
{SEED},HMI Wendy Williams' assessment of West Midlands Police – Transcript,West Midlands Police,HMIC,\
HMI Wendy Williams,PEEL assessment transcript,2017-03-02,PEEL 2016,\
https://hmicfrs.justiceinspectorates.gov.uk/peel-assessments/peel-2016/west-midlands/
{MERCIA},West Mercia Police PEEL inspection 2019,West Mercia Police,HMICFRS,,PEEL inspection,2019-09-26,,
{HOSTILE},Custody notes <b>draft</b> :red[x],,HMICFRS,,Custody notes,2020-01-15,,javascript:alert(3)
"""


@dataclass(frozen=True)
class Corpus:
    """A sources folder and the index built from it."""

    sources: Path
    index: Path


def write_sources(folder: Path, seed_only: bool = False) -> Path:
    """The seed transcript, plus (unless seed_only) a second force and a hostile document, with a catalog."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(ROOT / "sources" / SEED, folder / SEED)
    if seed_only:
        header_and_seed = "\n".join(CATALOG.splitlines()[:2]) + "\n"
        (folder / "catalog.csv").write_text(header_and_seed, encoding="utf-8")
        return folder
    (folder / MERCIA).write_text(MERCIA_TEXT, encoding="utf-8")
    (folder / HOSTILE).write_text(HOSTILE_TEXT, encoding="utf-8")
    (folder / "catalog.csv").write_text(CATALOG, encoding="utf-8")
    return folder


_BUILT: dict[str, Corpus] = {}


def corpus(base: Path) -> Corpus:
    """The three-document corpus and its index, built with the real model once per test session."""
    if "main" not in _BUILT:
        from ui.resources import embedder_key, shared_embedder

        sources = write_sources(base / "sources")
        settings = Settings(sources=sources, index=base / "index")
        build(settings, shared_embedder(embedder_key(settings), settings))
        _BUILT["main"] = Corpus(sources, settings.index)
    return _BUILT["main"]


def engine_on(base: Path, files: dict[str, str | bytes], embedder) -> Engine:
    """An engine on an index of these files (relative path -> text or bytes), built with the given model."""
    from conftest import write_sources

    settings = Settings(sources=write_sources(base / "sources", files), index=base / "index")
    build(settings, embedder)
    loaded = Engine(settings, embedder)
    loaded.warm()
    return loaded


def app_asking(engine: Engine, question: str, monkeypatch, tmp_path: Path):
    """The app run on the engine's index (an AppTest) after one question in the chat box."""
    from streamlit.testing.v1 import AppTest

    from ui.resources import shared_engine

    monkeypatch.setenv("BOT_INDEX", str(engine.settings.index))
    monkeypatch.setenv("BOT_SOURCES", str(engine.settings.sources))
    monkeypatch.setenv("BOT_FEEDBACK_DB", str(tmp_path / "feedback.sqlite3"))
    shared_engine.clear()
    try:
        at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60).run()
        at.chat_input[0].set_value(question).run()
    finally:
        shared_engine.clear()
    return at


def open_page(at, url_path: str):  # noqa: ANN001, ANN201 - an AppTest, returned for chaining
    """Switch an AppTest to one of the app's pages by URL path.

    AppTest.switch_page takes only page files; the app's pages are functions, which Streamlit knows by
    the hash of their URL path, so the test sets that hash as a browser's navigation would.
    """
    from streamlit.util import calc_hash

    at._page_hash = calc_hash(url_path)
    return at
