"""The staff app behind the password proxy for real: nginx on loopback, Streamlit behind it, a browser."""

from __future__ import annotations

import base64
import os
import signal
import socket
import ssl
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.config import ROOT
from bot.feedback import FeedbackStore
from serve import nginx

USER, PASSWORD = "alice", "correct horse battery staple"
COMMENT = "the quote was from the wrong year"
RECORD = {"question": "who led the inspection of Barset?", "answer": "Jo Bloggs led it. [1]", "citations": []}
CHROMIUM = Path("/usr/bin/chromium")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    return (
        env
        | {"BOT_FEEDBACK_DB": str(tmp / "feedback.sqlite3"), "BOT_STAFF_HTPASSWD": str(tmp / "htpasswd")}
        | extra
    )


def _staff(args: list[str], env: dict[str, str], **kwargs) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "serve.staff", *args]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60, **kwargs)


def _get(
    url: str, auth: tuple[str, str] | None = None, context: ssl.SSLContext | None = None
) -> tuple[int, str]:
    request = urllib.request.Request(url)
    if auth:
        token = base64.b64encode(f"{auth[0]}:{auth[1]}".encode()).decode()
        request.add_header("Authorization", f"Basic {token}")
    try:
        with urllib.request.urlopen(request, timeout=5, context=context) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, ""


def _start_proxy(tmp: Path, env: dict[str, str], url: str, context: ssl.SSLContext | None = None):
    """python -m serve.staff proxy, waited for until the staff app answers through nginx."""
    log = (tmp / "proxy.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "serve.staff", "proxy"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(
                f"the proxy exited with {proc.returncode}:\n{(tmp / 'proxy.log').read_text()[-3000:]}"
            )
        try:
            if _get(f"{url}/_stcore/health", (USER, PASSWORD), context) == (200, "ok"):
                return proc
        except OSError:
            pass
        time.sleep(0.3)
    proc.kill()
    pytest.fail(f"the proxy did not start:\n{(tmp / 'proxy.log').read_text()[-3000:]}")


def _stop(proc: subprocess.Popen) -> None:
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
        pytest.fail("the proxy did not stop on SIGTERM")


@pytest.fixture(scope="module")
def proxied(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The staff app with one feedback row behind nginx with one user; (url, work folder)."""
    if nginx.binary() is None:
        pytest.skip("nginx is missing: install Debian's nginx-light (make proxy) to run the proxy test")
    tmp = tmp_path_factory.mktemp("staff-proxy")
    FeedbackStore(tmp / "feedback.sqlite3").add(RECORD, 0, COMMENT, session="b4d3")
    listen = f"127.0.0.1:{_free_port()}"
    env = _env(tmp, BOT_STAFF_PORT=str(_free_port()), BOT_STAFF_PROXY_LISTEN=listen)
    made = _staff(["password", USER], env, input=PASSWORD + "\n")
    assert made.returncode == 0, made.stderr
    assert PASSWORD not in (tmp / "htpasswd").read_text() and (tmp / "htpasswd").stat().st_mode & 0o077 == 0
    proc = _start_proxy(tmp, env, f"http://{listen}")
    yield f"http://{listen}", tmp
    _stop(proc)


def test_no_or_wrong_credentials_get_401(proxied):
    url, _ = proxied
    for path in ("/", "/_stcore/health", "/feedback", "/_stcore/stream"):
        assert _get(url + path)[0] == 401
        assert _get(url + path, (USER, "wrong password!"))[0] == 401
        assert _get(url + path, ("mallory", PASSWORD))[0] == 401


def test_right_credentials_load_the_page_and_its_websocket(proxied):
    url, _ = proxied
    status, body = _get(url + "/", (USER, PASSWORD))
    assert status == 200 and '<div id="root">' in body
    host, port = url.removeprefix("http://").split(":")
    token = base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
    handshake = (
        f"GET /_stcore/stream HTTP/1.1\r\nHost: {host}:{port}\r\n"
        "Upgrade: websocket\r\nConnection: Upgrade\r\n"
        f"Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
        f"Origin: {url}\r\nAuthorization: Basic {token}\r\n\r\n"
    )
    with socket.create_connection((host, int(port)), timeout=5) as conn:
        conn.sendall(handshake.encode())
        assert conn.recv(200).startswith(b"HTTP/1.1 101")


@pytest.mark.browser
def test_review_page_loads_in_a_browser_with_the_password(proxied):
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing: install Debian's chromium (make browser)")
    sync_api = pytest.importorskip("playwright.sync_api")
    url, _ = proxied
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page(http_credentials={"username": USER, "password": PASSWORD})
            page.goto(url)
            page.get_by_text("Feedback review").first.wait_for(timeout=60_000)
            item = page.get_by_test_id("stExpander").filter(has_text=RECORD["question"]).first
            item.locator("summary").click()
            item.get_by_text(COMMENT).wait_for(timeout=30_000)
            refused = browser.new_page(http_credentials={"username": USER, "password": "not it at all"})
            assert refused.goto(url).status == 401
        finally:
            browser.close()


def test_https_when_a_certificate_is_given(tmp_path: Path):
    if nginx.binary() is None:
        pytest.skip("nginx is missing: install Debian's nginx-light (make proxy) to run the proxy test")
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
         "-keyout", str(key), "-out", str(cert)],
        check=True, capture_output=True,
    )  # fmt: skip
    listen = f"127.0.0.1:{_free_port()}"
    env = _env(tmp_path, BOT_STAFF_PORT=str(_free_port()), BOT_STAFF_PROXY_LISTEN=listen)
    env |= {"BOT_STAFF_TLS_CERT": str(cert), "BOT_STAFF_TLS_KEY": str(key)}
    assert _staff(["password", USER], env, input=PASSWORD + "\n").returncode == 0
    context = ssl.create_default_context(cafile=str(cert))
    context.check_hostname = False
    proc = _start_proxy(tmp_path, env, f"https://{listen}", context)
    try:
        assert _get(f"https://{listen}/", None, context)[0] == 401
        assert _get(f"https://{listen}/", (USER, PASSWORD), context)[0] == 200
        assert _get(f"http://{listen}/")[0] == 400, "plain HTTP is refused on the HTTPS port"
    finally:
        _stop(proc)


def test_the_launcher_refuses_what_would_expose_feedback(tmp_path: Path):
    exposed = _staff(["run"], _env(tmp_path, BOT_STAFF_ADDRESS="0.0.0.0"))
    assert exposed.returncode == 2 and "without credentials" in exposed.stderr
    assert exposed.stderr.count("\n") == 1
    no_passwords = _staff(["proxy"], _env(tmp_path))
    assert no_passwords.returncode == 2 and "staff-password" in no_passwords.stderr
    short = _staff(["password", USER], _env(tmp_path), input="short\n")
    assert short.returncode == 2 and not (tmp_path / "htpasswd").exists()
