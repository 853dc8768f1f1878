"""python -m serve.public: the public chat app as N processes behind nginx, with sticky sessions.

Starts N `streamlit run app.py` processes on 127.0.0.1 (consecutive free ports from BOT_SERVE_APP_PORT,
default 8511) and nginx in front of them on BOT_SERVE_LISTEN (default 0.0.0.0:8501), passing websockets
through and keeping each visitor on one process (a route cookie; see serve/nginx.py). N is
BOT_SERVE_PROCESSES, default the number of cores. The index is built first when it is missing, so every
process loads the same generation. One supervisor: SIGTERM or SIGINT, or any child stopping, stops all.
"""

from __future__ import annotations

import os
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass

from bot.config import ROOT, Settings
from bot.errors import BotError
from serve import nginx

APP = ROOT / "app.py"
DEFAULT_LISTEN = "0.0.0.0:8501"
DEFAULT_APP_PORT = 8511
START_TIMEOUT_S = 180.0


@dataclass(frozen=True)
class ServeSettings:
    """What python -m serve.public reads from the environment (BOT_SERVE_*)."""

    processes: int
    listen: str
    app_port: int

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> ServeSettings:
        env = os.environ if env is None else env
        processes = _positive_int(env, "BOT_SERVE_PROCESSES", os.cpu_count() or 1)
        if processes > 64:
            raise BotError(f"BOT_SERVE_PROCESSES={processes} is more than 64: each process holds the index")
        listen = env.get("BOT_SERVE_LISTEN") or DEFAULT_LISTEN
        nginx.parse_listen(listen, "BOT_SERVE_LISTEN")
        app_port = _positive_int(env, "BOT_SERVE_APP_PORT", DEFAULT_APP_PORT)
        if not 1024 <= app_port < 65536:
            raise BotError(f"BOT_SERVE_APP_PORT={app_port} is not valid: use a port from 1024 to 65535")
        return cls(processes, listen, app_port)


def _positive_int(env: dict[str, str], name: str, default: int) -> int:
    raw = (env.get(name) or "").strip()
    if not raw:
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise BotError(f"{name}={raw!r} is not valid: use a whole number of at least 1")
    return value


def _port_free(port: int) -> bool:
    with socket.socket() as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def consecutive_free_ports(first: int, count: int, tries: int = 2000) -> list[int]:
    """count consecutive ports, all free on 127.0.0.1, starting at first or the nearest run above it."""
    start = first
    while start + count <= min(first + tries, 65536):
        taken = next((p for p in range(start, start + count) if not _port_free(p)), None)
        if taken is None:
            return list(range(start, start + count))
        start = taken + 1
    raise BotError(f"no {count} consecutive free ports on 127.0.0.1 from {first}: set BOT_SERVE_APP_PORT")


def streamlit_command(port: int) -> list[str]:
    """streamlit run app.py on loopback only (nginx is the only way in), with no file watcher.

    Streamlit's watcher would otherwise drop changed project modules from sys.modules while sessions run:
    a file edited or deployed in place then breaks the script runs under way (KeyError: 'bot' at import).
    """
    return [
        sys.executable, "-m", "streamlit", "run", str(APP), "--server.address", "127.0.0.1",
        "--server.port", str(port), "--server.headless", "true", "--server.fileWatcherType", "none",
    ]  # fmt: skip


def ensure_index(settings: Settings) -> str:
    """Build the index when it has no CURRENT generation (as make run does); return the generation."""
    current = settings.index / "CURRENT"
    if not current.is_file():
        print(f"No index at {settings.index}: building it from {settings.sources} first.", flush=True)
        built = subprocess.run([sys.executable, "-m", "bot", "build"], cwd=ROOT, check=False)
        if built.returncode != 0 or not current.is_file():
            raise BotError(f"the index could not be built at {settings.index} (python -m bot build)")
    return current.read_text(encoding="utf-8").strip()


def _child_env() -> dict[str, str]:
    """The children's environment: ours, with one cookie secret shared by every process."""
    env = dict(os.environ)
    # Streamlit signs its cookies with this; shared, a cookie from one process is valid in the others.
    env.setdefault("STREAMLIT_SERVER_COOKIE_SECRET", secrets.token_hex(32))
    return env


def _die_with_parent() -> None:
    """In the child, before exec: be sent SIGTERM if the supervisor dies without stopping us (Linux)."""
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


class Supervisor:
    """The children and the stop signal: stop everything once one child stops or we are told to."""

    def __init__(self) -> None:
        self.children: dict[str, subprocess.Popen] = {}
        self.signalled: list[int] = []

    def install(self) -> None:
        for sig in (signal.SIGTERM, signal.SIGINT):
            signal.signal(sig, lambda signum, frame: self.signalled.append(signum))

    def start(self, name: str, command: list[str], env: dict[str, str] | None = None) -> subprocess.Popen:
        child = subprocess.Popen(command, cwd=ROOT, env=env, preexec_fn=_die_with_parent)
        self.children[name] = child
        return child

    def adopt(self, name: str, child: subprocess.Popen) -> None:
        self.children[name] = child

    def stopped(self) -> str | None:
        """Why we should stop now: a signal or a child that exited; None while all is well."""
        if self.signalled:
            return f"signal {signal.Signals(self.signalled[0]).name}"
        for name, child in self.children.items():
            if child.poll() is not None:
                return f"{name} exited with {child.returncode}"
        return None

    def wait_healthy(self, name: str, port: int, deadline: float) -> None:
        """Wait until the app on port answers its health check, or fail when stopped or late."""
        while time.monotonic() < deadline:
            reason = self.stopped()
            if reason:
                raise BotError(f"stopped while {name} was starting: {reason}")
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as r:
                    if r.read().strip() == b"ok":
                        return
            except OSError:
                pass
            time.sleep(0.3)
        raise BotError(f"{name} did not answer on 127.0.0.1:{port} within {START_TIMEOUT_S:.0f} s")

    def run(self) -> str:
        """Wait for a reason to stop; return it."""
        while True:
            reason = self.stopped()
            if reason:
                return reason
            time.sleep(0.3)

    def stop_all(self) -> None:
        """SIGTERM to every child still running, then SIGKILL to any that has not stopped in 10 s."""
        for child in self.children.values():
            if child.poll() is None:
                child.terminate()
        deadline = time.monotonic() + 10
        for child in self.children.values():
            try:
                child.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def serve(config: ServeSettings, settings: Settings) -> int:
    """Start the processes and nginx, then supervise them until told to stop or one of them stops."""
    if nginx.binary() is None:
        raise BotError("nginx is not installed: apt-get install nginx-light (make proxy)")
    supervisor = Supervisor()
    supervisor.install()
    generation = ensure_index(settings)
    if supervisor.signalled:
        return 0
    ports = consecutive_free_ports(config.app_port, config.processes)
    _, public_port = nginx.parse_listen(config.listen, "BOT_SERVE_LISTEN")
    prefix = ROOT / ".cache" / f"serve-{public_port}"
    conf = nginx.public_config(config.listen, ports, prefix, workers=min(config.processes, 4))
    env = _child_env()
    try:
        for i, port in enumerate(ports):
            supervisor.start(f"app process {i + 1} (port {port})", streamlit_command(port), env)
        deadline = time.monotonic() + START_TIMEOUT_S
        for name, port in zip(list(supervisor.children), ports, strict=True):
            supervisor.wait_healthy(name, port, deadline)
        supervisor.adopt("nginx", nginx.start(conf, prefix))
        print(
            f"Serving http://{config.listen} with {len(ports)} app processes on 127.0.0.1:"
            f"{ports[0]}-{ports[-1]}, index generation {generation} (nginx files in {prefix})",
            flush=True,
        )
        reason = supervisor.run()
    except BotError:
        supervisor.stop_all()
        raise
    print(f"Stopping: {reason}", flush=True)
    supervisor.stop_all()
    return 0 if supervisor.signalled else 1


def main(argv: list[str]) -> int:
    """python -m serve.public (no arguments); every failure is one line on stderr."""
    if argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    try:
        return serve(ServeSettings.from_env(), Settings.from_env())
    except BotError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
