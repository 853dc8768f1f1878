"""python -m serve.staff run|proxy|password: start the staff review app, alone or behind a password proxy.

run       the staff app on BOT_STAFF_ADDRESS:BOT_STAFF_PORT (127.0.0.1 by default); it refuses to start on
          another address unless OIDC login is configured (.streamlit/secrets.toml and BOT_STAFF_EMAILS).
proxy     the staff app on 127.0.0.1 and nginx in front of it on BOT_STAFF_PROXY_LISTEN, asking for the
          user names and passwords in BOT_STAFF_HTPASSWD (HTTPS with BOT_STAFF_TLS_CERT and _KEY).
password  add or replace one user's password in BOT_STAFF_HTPASSWD (SHA-512 crypt, by openssl).
"""

from __future__ import annotations

import getpass
import os
import re
import signal
import subprocess
import sys
import time
import tomllib
from pathlib import Path
from typing import Any

from bot.config import ROOT, Settings
from bot.errors import BotError
from bot.staff_access import decide, is_loopback
from serve import nginx

APP = ROOT / "staff_app.py"
_USER = re.compile(r"^[\w.@-]{1,64}$")


def secrets() -> dict[str, Any]:
    """What Streamlit will read as secrets: ~/.streamlit/secrets.toml, then the project's (which wins)."""
    merged: dict[str, Any] = {}
    for path in (Path.home() / ".streamlit" / "secrets.toml", ROOT / ".streamlit" / "secrets.toml"):
        try:
            merged |= tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, tomllib.TOMLDecodeError):
            continue
    return merged


def streamlit_command(address: str, port: int) -> list[str]:
    """streamlit run staff_app.py on an explicit address (Streamlit's own default is every interface)."""
    return [
        sys.executable, "-m", "streamlit", "run", str(APP), "--server.address", address,
        "--server.port", str(port), "--server.headless", "true",
    ]  # fmt: skip


def run(settings: Settings) -> None:
    """Start the staff app where the settings say, if it may listen there."""
    access = decide(settings.staff_address, secrets(), settings.staff_emails)
    if access.mode == "refused":
        raise BotError(access.reason)
    command = streamlit_command(settings.staff_address, settings.staff_port)
    os.execv(command[0], command)


def proxy(settings: Settings) -> int:
    """The staff app on loopback and nginx in front of it, until either stops or we are told to stop."""
    if not is_loopback(settings.staff_address):
        raise BotError("behind the proxy the staff app must listen on 127.0.0.1: unset BOT_STAFF_ADDRESS")
    nginx.check_password_file(settings.staff_htpasswd)
    tls = _tls(settings)
    host, _ = nginx.parse_listen(settings.staff_proxy_listen)
    if not tls and not is_loopback(host):
        print(
            "warning: passwords will cross the network unencrypted: set BOT_STAFF_TLS_CERT and _KEY",
            flush=True,
        )
    prefix = ROOT / ".cache" / "staff-proxy"
    conf = nginx.config(
        settings.staff_proxy_listen, settings.staff_port, settings.staff_htpasswd, prefix, tls
    )
    app = subprocess.Popen(streamlit_command(settings.staff_address, settings.staff_port))
    try:
        server = nginx.start(conf, prefix)
    except BotError:
        app.terminate()
        raise
    scheme = "https" if tls else "http"
    print(f"Staff review at {scheme}://{settings.staff_proxy_listen} (user name and password)", flush=True)
    return _supervise([app, server])


def _tls(settings: Settings) -> tuple[str, str] | None:
    """Certificate and key, both or neither, both readable."""
    pair = (settings.staff_tls_cert, settings.staff_tls_key)
    if not any(pair):
        return None
    if not all(pair) or not all(Path(p).is_file() for p in pair):
        raise BotError("set both BOT_STAFF_TLS_CERT and BOT_STAFF_TLS_KEY to readable files, or neither")
    return str(Path(pair[0]).resolve()), str(Path(pair[1]).resolve())


def _supervise(children: list[subprocess.Popen]) -> int:
    """Wait until one child stops or a signal arrives; then stop them all."""
    stopping: list[int] = []
    for sig in (signal.SIGTERM, signal.SIGINT):
        signal.signal(sig, lambda signum, frame: stopping.append(signum))
    while not stopping and all(child.poll() is None for child in children):
        time.sleep(0.3)
    for child in children:
        if child.poll() is None:
            child.terminate()
    for child in children:
        try:
            child.wait(timeout=10)
        except subprocess.TimeoutExpired:
            child.kill()
    return 0 if stopping else 1


def set_password(path: Path, user: str, password: str) -> None:
    """Add or replace one user's line in the password file (SHA-512 crypt by openssl; no plain text)."""
    if not _USER.match(user):
        raise BotError(f"user name {user!r} is not valid: letters, digits and . @ - _ only")
    if len(password) < 12:
        raise BotError("the password is too short: use at least 12 characters")
    hashed = subprocess.run(
        ["openssl", "passwd", "-6", "-stdin"],
        input=password + "\n",
        capture_output=True,
        text=True,
        check=False,
    )
    if hashed.returncode != 0 or not hashed.stdout.startswith("$6$"):
        raise BotError("openssl could not hash the password: is openssl installed?")
    lines = path.read_text(encoding="utf-8").splitlines() if path.exists() else []
    kept = [line for line in lines if line.split(":", 1)[0] != user]
    path.write_text("\n".join([*kept, f"{user}:{hashed.stdout.strip()}"]) + "\n", encoding="utf-8")
    path.chmod(0o600)


def _read_password() -> str:
    """Twice at a terminal (without echo); otherwise the first line of stdin."""
    if not sys.stdin.isatty():
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("New password: ")
    if getpass.getpass("Again: ") != first:
        raise BotError("the passwords differ: nothing was changed")
    return first


def main(argv: list[str]) -> int:
    """Dispatch one command; every failure is one line on stderr."""
    try:
        settings = Settings.from_env()
        if argv[:1] == ["run"]:
            run(settings)
        elif argv[:1] == ["proxy"]:
            return proxy(settings)
        elif argv[:1] == ["password"] and len(argv) == 2:
            set_password(settings.staff_htpasswd, argv[1], _read_password())
            print(f"Password for {argv[1]} saved in {settings.staff_htpasswd}.")
        else:
            print(__doc__.strip(), file=sys.stderr)
            return 2
        return 0
    except BotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
