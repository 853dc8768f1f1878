"""The app in a real headless Chromium: a cited answer, the source viewer, hostile text shown as text."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from bot.config import ROOT

try:
    from app_fixtures import HOSTILE_STRINGS, corpus
except ImportError:  # tests/ imported as a package
    from tests.app_fixtures import HOSTILE_STRINGS, corpus

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
DESKTOP = {"width": 1280, "height": 960}
PHONE = {"width": 390, "height": 844}
QUESTION = "How does West Midlands Police assess risk in domestic abuse cases?"
HOSTILE_QUESTION = "What did inspectors find in the custody suite logs?"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_healthy(url: str, proc: subprocess.Popen, log: Path, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"streamlit exited with {proc.returncode}:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
                if response.read().strip() == b"ok":
                    return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"streamlit did not start within {timeout} s:\n{log.read_text()[-3000:]}")


def serve(index: Path, sources: Path, work: Path) -> Iterator[str]:
    """streamlit run app.py on a free port over this index, until the generator is closed; skips the test
    when Chromium or Playwright is missing."""
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is missing: install Debian's chromium (make browser) to run the browser test"
        )
    pytest.importorskip("playwright.sync_api")
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    env |= {"BOT_INDEX": str(index), "BOT_SOURCES": str(sources)}
    env |= {"BOT_FEEDBACK_DB": str(work / "feedback.sqlite3")}
    port, log = _free_port(), work / "streamlit.log"
    command = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    command += ["--server.headless", "true", "--server.address", "127.0.0.1"]
    with log.open("w") as out:
        proc = subprocess.Popen(command, cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_healthy(url, proc, log)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def chromium() -> Iterator:
    """Debian's Chromium, headless, through Playwright, until the generator is closed."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on an index of the seed, a second force and a hostile file."""
    built = corpus(tmp_path_factory.mktemp("browser-corpus"))
    yield from serve(built.index, built.sources, tmp_path_factory.mktemp("browser-server"))


@pytest.fixture(scope="module")
def browser(server):
    yield from chromium()


class Watched:
    """A page with its JavaScript dialogs and console errors recorded."""

    def __init__(self, browser, url: str, viewport: dict[str, int], before: Callable | None = None) -> None:
        self.page = browser.new_page(viewport=viewport)
        if before:
            before(self.page)  # e.g. listeners that must see the page's first messages
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("dialog", self._dialog)
        self.page.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.page.on("pageerror", lambda e: self.errors.append(str(e)))
        self.page.goto(url)
        self.page.wait_for_selector("[data-testid=stChatInputTextArea]", timeout=60_000)

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def idle(self) -> None:
        """Wait until the app's script run has finished."""
        self.page.wait_for_selector("[data-testid=stApp][data-test-script-state=notRunning]", timeout=60_000)

    def ask(self, question: str) -> None:
        """Type a question and wait for its answer's footer and the end of the run."""
        answered = self.page.get_by_text("Answered in").count()
        self.page.get_by_test_id("stChatInputTextArea").fill(question)
        self.page.keyboard.press("Enter")
        self.page.get_by_text("Answered in").nth(answered).wait_for(timeout=60_000)
        self.idle()

    def expand(self, expander) -> None:
        """Open an expander and let its opening animation finish (a click during it can be lost)."""
        expander.locator("summary").click()
        expander.locator("blockquote.q").wait_for()
        self.page.wait_for_timeout(500)

    def open_citation(self, n: int = 1):
        """Open citation [n] of the last answer; returns its expander."""
        main = self.page.get_by_test_id("stMainBlockContainer")
        expander = main.get_by_test_id("stExpander").filter(has_text=f"[{n}]").last
        self.expand(expander)
        return expander

    def open_viewer(self, expander):
        """Press 'Show in document' and return the viewer's frame, once its highlight is there."""
        expander.get_by_role("button", name="Show in document").click()
        self.idle()
        frame = self.page.frame_locator("iframe[title^='Text of']")
        frame.locator("mark#hl").wait_for(timeout=30_000)
        return frame

    def close(self) -> None:
        self.page.close()


@pytest.fixture
def desktop(browser, server) -> Iterator[Watched]:
    watched = Watched(browser, server, DESKTOP)
    yield watched
    watched.close()


def test_answer_citation_and_source_viewer(desktop: Watched):
    page = desktop.page
    desktop.ask(QUESTION)
    answer = page.locator(".ans").last
    assert "[1]" in answer.inner_text()
    quote = "The force is also inconsistent in how it assesses risk in domestic abuse cases"
    assert quote in answer.inner_text()
    expander = desktop.open_citation(1)
    blockquote = expander.locator("blockquote.q")
    assert quote in blockquote.inner_text()
    assert "2 March 2017" in expander.inner_text() and "paragraph 6" in expander.inner_text()
    page.screenshot(path=str(ROOT / "docs" / "screenshot.png"))
    frame = desktop.open_viewer(expander)
    mark = frame.locator("mark#hl")
    assert mark.is_visible() and quote in mark.inner_text()
    assert page.get_by_role("dialog").get_by_text("The highlighted quote is in paragraph 6").is_visible()
    assert not desktop.dialogs and not desktop.errors, (desktop.dialogs, desktop.errors)


def test_hostile_document_is_shown_as_text(desktop: Watched):
    page = desktop.page
    desktop.ask(HOSTILE_QUESTION)
    main = page.get_by_test_id("stMainBlockContainer")
    assert "<script>alert(1)</script>" in main.inner_text()
    expander = main.get_by_test_id("stExpander").filter(has_text="Custody notes").first
    assert "Custody notes <b>draft</b> :red[x]" in expander.inner_text()
    desktop.expand(expander)
    frame = desktop.open_viewer(expander)
    text = frame.locator("main").inner_text()
    for literal in HOSTILE_STRINGS:
        assert literal in text, literal
    assert frame.locator("mark#hl").is_visible()
    assert frame.locator("main img, main a, main script").count() == 0
    assert page.locator("img[src='x'], a[href='http://example.com']").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    page.wait_for_timeout(500)  # time for any injected handler to fire
    assert not desktop.dialogs, f"a JavaScript dialog fired: {desktop.dialogs}"
    assert not desktop.errors, desktop.errors


def test_phone_width(browser, server):
    phone = Watched(browser, server, PHONE)
    try:
        phone.ask(QUESTION)
        page = phone.page
        page.wait_for_timeout(300)
        page.screenshot(path=str(ROOT / "docs" / "screenshot-mobile.png"))
        expander = phone.open_citation(1)
        overflow = page.evaluate("document.scrollingElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"the page scrolls sideways by {overflow}px on a phone"
        frame = phone.open_viewer(expander)
        assert frame.locator("mark#hl").is_visible()
        assert not phone.dialogs and not phone.errors, (phone.dialogs, phone.errors)
    finally:
        phone.close()


def _record_reruns(page, sent: list) -> None:
    """Append to sent each script rerun the page asks the server for, decoded from its websocket frames."""
    from streamlit.proto.BackMsg_pb2 import BackMsg

    def watch(ws) -> None:
        def frame(payload) -> None:
            if isinstance(payload, bytes):
                msg = BackMsg()
                msg.ParseFromString(payload)
                if msg.WhichOneof("type") == "rerun_script":
                    sent.append(msg.rerun_script)

        ws.on("framesent", frame)

    page.on("websocket", watch)


def test_asking_reruns_the_conversation_alone_and_keeps_the_chat_box_pinned(browser, server):
    sent: list = []
    watched = Watched(browser, server, DESKTOP, before=lambda page: _record_reruns(page, sent))
    page = watched.page
    try:
        watched.idle()
        bottom = page.get_by_test_id("stBottom")
        assert bottom.get_by_test_id("stChatInput").count() == 1, "the chat box is not pinned to the foot"
        main = page.get_by_test_id("stMainBlockContainer")
        assert main.get_by_role("button", name="Markdown").count() == 0  # nothing to export yet
        before = len(sent)
        watched.ask(QUESTION)
        typed = [
            r for r in sent[before:] if any(w.HasField("chat_input_value") for w in r.widget_states.widgets)
        ]
        assert len(typed) == 1 and typed[0].fragment_id, "the question reran the whole page"
        assert "[1]" in page.locator(".ans").last.inner_text()
        # The conversation's controls, drawn by the fragment's own rerun.
        main.get_by_role("button", name="Markdown").wait_for(timeout=10_000)
        watched.ask("And what about missing children?")
        assert page.locator(".ans").count() + page.get_by_test_id("stAlert").count() >= 2
        controls = main.get_by_role("button", name="New conversation")
        controls.scroll_into_view_if_needed()
        box = controls.bounding_box()
        assert box["y"] + box["height"] <= bottom.bounding_box()["y"], "the chat box covers the controls"
        assert bottom.get_by_test_id("stChatInput").count() == 1
        assert not watched.dialogs and not watched.errors, (watched.dialogs, watched.errors)
    finally:
        watched.close()
