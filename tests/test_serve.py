"""make serve for real: python -m serve.public with 2 app processes behind nginx on loopback, a small index.

Checks the page and its websocket through nginx, that visitors are spread over both processes while each
one stays on its own (page load and websocket included), that sessions never see each other's
conversation (through Streamlit's own protocol and in a real browser), and that the supervisor stops
every child on SIGTERM and when one of them dies.
"""

from __future__ import annotations

import asyncio
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from bot.config import ROOT
from serve import nginx, public

try:
    from app_fixtures import corpus
except ImportError:  # tests/ imported as a package
    from tests.app_fixtures import corpus

sys.path.insert(0, str(ROOT / "benchmarks"))
from load_bench import Session  # noqa: E402

CHROMIUM = Path("/usr/bin/chromium")
QUESTION_A = "How does West Midlands Police assess risk in domestic abuse cases?"
QUESTION_B = "What did inspectors find in the custody suite logs?"
QUESTION_C = "Does the force keep track of offenders?"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Served:
    """A running python -m serve.public: its process, public port, app ports and nginx's access log."""

    proc: subprocess.Popen
    port: int
    app_ports: list[int]
    log: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def access_log(self) -> Path:
        return ROOT / ".cache" / f"serve-{self.port}" / "access.log"

    def upstreams(self, route: str | None = None, path: str | None = None, wait_for: int = 1) -> list[str]:
        """The app process (127.0.0.1:port) of each logged request, for one route cookie and path."""
        pattern = re.compile(r'"GET (\S+) [^"]*" \d+ route=(\S+) upstream=(\S+)')
        deadline = time.monotonic() + 10  # nginx logs a websocket when it closes
        while True:
            text = self.access_log.read_text() if self.access_log.exists() else ""
            found = [up for p, r, up in pattern.findall(text) if path in (None, p) and route in (None, r)]
            if len(found) >= wait_for or time.monotonic() > deadline:
                return found
            time.sleep(0.2)


def _start(tmp: Path, index: Path, sources: Path, processes: int = 2) -> Served:
    port, first = _free_port(), _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("BOT_", "STREAMLIT_"))}
    env |= {"BOT_INDEX": str(index), "BOT_SOURCES": str(sources), "BOT_FEEDBACK_DB": str(tmp / "fb.sqlite3")}
    env |= {"BOT_SERVE_PROCESSES": str(processes), "BOT_SERVE_LISTEN": f"127.0.0.1:{port}"}
    env |= {"BOT_SERVE_APP_PORT": str(first)}
    log = tmp / f"serve-{port}.log"
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "serve.public"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        text = log.read_text()
        found = re.search(r"Serving http://\S+ with \d+ app processes on 127\.0\.0\.1:(\d+)-(\d+)", text)
        if found:
            return Served(proc, port, list(range(int(found[1]), int(found[2]) + 1)), log)
        if proc.poll() is not None:
            pytest.fail(f"python -m serve.public exited with {proc.returncode}:\n{text[-3000:]}")
        time.sleep(0.3)
    proc.kill()
    pytest.fail(f"python -m serve.public did not start:\n{log.read_text()[-3000:]}")


def _children(pid: int) -> list[int]:
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def _listening(port: int) -> bool:
    with socket.socket() as s:
        return s.connect_ex(("127.0.0.1", port)) == 0


def _get(url: str, cookie: str = "") -> tuple[int, str, str]:
    """(status, body, the route cookie the response sets or '')."""
    request = urllib.request.Request(url, headers={"Cookie": cookie} if cookie else {})
    with urllib.request.urlopen(request, timeout=10) as response:
        set_cookie = response.headers.get_all("Set-Cookie") or []
        route = next((c.split(";")[0] for c in set_cookie if c.startswith(nginx.ROUTE_COOKIE + "=")), "")
        return response.status, response.read().decode("utf-8", "replace"), route


@pytest.fixture(scope="module")
def small_index(tmp_path_factory: pytest.TempPathFactory):
    if nginx.binary() is None:
        pytest.skip("nginx is missing: install Debian's nginx-light (make proxy) to run the serve test")
    return corpus(tmp_path_factory.mktemp("serve-corpus"))


@pytest.fixture(scope="module")
def served(small_index, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Served]:
    running = _start(tmp_path_factory.mktemp("serve"), small_index.index, small_index.sources)
    yield running
    _stop(running)


def _stop(running: Served) -> None:
    """SIGTERM (SIGKILL if it hangs), then remove nginx's files under .cache/."""
    if running.proc.poll() is None:
        running.proc.send_signal(signal.SIGTERM)
        try:
            running.proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            running.proc.kill()
    shutil.rmtree(running.access_log.parent, ignore_errors=True)


def test_page_loads_through_nginx_and_sets_a_route_cookie(served: Served):
    status, body, route = _get(served.url + "/")
    assert status == 200 and '<div id="root">' in body
    assert re.fullmatch(rf"{nginx.ROUTE_COOKIE}=[0-9a-f]{{32}}", route)
    assert _get(served.url + "/_stcore/health")[:2] == (200, "ok")
    assert not _get(served.url + "/", route)[2], "a visitor with a route cookie keeps it"


def test_websocket_upgrade_passes_through(served: Served):
    handshake = (
        f"GET /_stcore/stream HTTP/1.1\r\nHost: 127.0.0.1:{served.port}\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        f"Origin: {served.url}\r\n\r\n"
    )
    with socket.create_connection(("127.0.0.1", served.port), timeout=10) as conn:
        conn.sendall(handshake.encode())
        assert conn.recv(200).startswith(b"HTTP/1.1 101")


def test_visitors_spread_over_both_processes_and_each_stays_on_one(served: Served):
    routes = [_get(served.url + "/")[2].split("=")[1] for _ in range(24)]
    used = {up for route in routes for up in served.upstreams(route, "/")}
    assert used == {f"127.0.0.1:{p}" for p in served.app_ports}, "new visitors go to both processes"
    for route in routes[:4]:
        for path in ("/", "/_stcore/health", "/_stcore/host-config", "/"):
            _get(served.url + path, f"{nginx.ROUTE_COOKIE}={route}")
        assert len(set(served.upstreams(route, wait_for=5))) == 1, "one visitor, one process"


def test_a_session_loads_and_asks_on_one_process(served: Served):
    async def visit() -> tuple[str, bytes]:
        session = Session("127.0.0.1", served.port)
        await session.load()
        answer = await session.ask(QUESTION_A)
        await session.close()
        return session.cookies[nginx.ROUTE_COOKIE], answer

    route, answer = asyncio.run(asyncio.wait_for(visit(), 120))
    assert b"Answered in" in answer and b"[1]" in answer
    assert b"inconsistent in how it assesses risk in domestic abuse cases" in answer
    page = served.upstreams(route, "/")
    socket_ = served.upstreams(route, "/_stcore/stream")
    assert len(page) == 1 and len(socket_) == 1 and page == socket_, "page load and websocket: one process"


def test_sessions_never_see_each_others_conversation(served: Served):
    """Two tabs of one browser (same route cookie, so the same process) and another browser."""

    async def three() -> list[bytes]:
        first = Session("127.0.0.1", served.port)
        await first.load()
        second = Session("127.0.0.1", served.port, cookies=dict(first.cookies))
        await second.load()
        third = Session("127.0.0.1", served.port)
        await third.load()
        sessions = [(first, QUESTION_A), (second, QUESTION_B), (third, QUESTION_C)]
        await asyncio.gather(*(s.ask(q) for s, q in sessions))
        redrawn = [await s._run(None) for s, _ in sessions]  # a plain rerun redraws the conversation
        for s, _ in sessions:
            await s.close()
        return redrawn

    redrawn = asyncio.run(asyncio.wait_for(three(), 180))
    questions = [QUESTION_A, QUESTION_B, QUESTION_C]
    for i, page in enumerate(redrawn):
        for j, question in enumerate(questions):
            assert (question.encode() in page) == (i == j), (i, question)


@pytest.mark.browser
def test_two_browsers_each_see_only_their_own_conversation(served: Served):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (make browser)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            pages = []
            for question in (QUESTION_A, QUESTION_C):
                page = browser.new_context().new_page()  # a context each: separate cookies, like two people
                page.goto(served.url)
                page.get_by_test_id("stChatInputTextArea").fill(question)
                page.keyboard.press("Enter")
                pages.append(page)
            for page in pages:
                page.get_by_text("Answered in").first.wait_for(timeout=90_000)
            first, second = (page.get_by_test_id("stMainBlockContainer").inner_text() for page in pages)
            assert QUESTION_A in first and QUESTION_C not in first
            assert QUESTION_C in second and QUESTION_A not in second
            for page in pages:
                route = next(c["value"] for c in page.context.cookies() if c["name"] == nginx.ROUTE_COOKIE)
                assert len(set(served.upstreams(route, wait_for=3))) == 1, "a browser stays on one process"
        finally:
            browser.close()


def test_sigterm_stops_every_child(small_index, tmp_path: Path):
    running = _start(tmp_path, small_index.index, small_index.sources)
    children = _children(running.proc.pid)
    assert len(children) == 3, "two app processes and nginx"
    running.proc.send_signal(signal.SIGTERM)
    assert running.proc.wait(timeout=30) == 0
    assert not any(_alive(pid) for pid in children)
    assert not any(_listening(p) for p in [running.port, *running.app_ports])
    assert "Stopping: signal SIGTERM" in running.log.read_text()
    _stop(running)


def test_one_child_dying_stops_them_all(small_index, tmp_path: Path):
    running = _start(tmp_path, small_index.index, small_index.sources)
    children = _children(running.proc.pid)
    app = next(pid for pid in children if b"streamlit" in Path(f"/proc/{pid}/cmdline").read_bytes())
    os.kill(app, signal.SIGKILL)
    assert running.proc.wait(timeout=30) == 1, "a dead child is a failure"
    assert not any(_alive(pid) for pid in children)
    assert "exited with -9" in running.log.read_text()
    _stop(running)


def test_settings_from_the_environment():
    settings = public.ServeSettings.from_env(
        {"BOT_SERVE_PROCESSES": "3", "BOT_SERVE_LISTEN": "127.0.0.1:9000"}
    )
    assert settings == public.ServeSettings(3, "127.0.0.1:9000", public.DEFAULT_APP_PORT)
    assert public.ServeSettings.from_env({}).processes == (os.cpu_count() or 1)
    for bad in ({"BOT_SERVE_PROCESSES": "0"}, {"BOT_SERVE_PROCESSES": "two"}, {"BOT_SERVE_LISTEN": "x:y"}):
        with pytest.raises(public.BotError, match=next(iter(bad))):
            public.ServeSettings.from_env(bad)


def test_consecutive_free_ports_skip_a_taken_one():
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        port = taken.getsockname()[1]
        ports = public.consecutive_free_ports(port - 1, 2)
        assert port not in ports and ports[1] == ports[0] + 1


def test_the_configuration_hashes_on_the_route_cookie(tmp_path: Path):
    conf = nginx.public_config("0.0.0.0:8501", [8511, 8512], tmp_path, workers=2)
    assert "listen 0.0.0.0:8501;" in conf and "hash $bot_route consistent;" in conf
    assert "server 127.0.0.1:8511;" in conf and "server 127.0.0.1:8512;" in conf
    assert "proxy_set_header Upgrade $http_upgrade;" in conf and "auth_basic" not in conf
    with pytest.raises(public.BotError, match="BOT_SERVE_LISTEN"):
        nginx.public_config("0.0.0.0:80; evil", [8511], tmp_path)
