"""A throwaway PostgreSQL server for tests: initdb in a temporary folder, 127.0.0.1, a free port, trust.

As root (initdb refuses root), the server runs as the `postgres` user in a folder given to that user.
"""

from __future__ import annotations

import glob
import os
import pwd
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path


def binaries() -> Path | None:
    """The folder holding initdb and pg_ctl (PATH first, then Debian's /usr/lib/postgresql/N/bin)."""
    found = shutil.which("initdb")
    if found and shutil.which("pg_ctl"):
        return Path(os.path.realpath(found)).parent
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), reverse=True):
        if os.access(Path(folder) / "initdb", os.X_OK) and os.access(Path(folder) / "pg_ctl", os.X_OK):
            return Path(folder)
    return None


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass
class PgServer:
    """One running cluster; `url(db)` addresses a database on it."""

    bin: Path
    root: Path
    port: int
    user: str | None  # the OS user the server runs as (None: the current one)

    @property
    def data(self) -> Path:
        return self.root / "data"

    def url(self, dbname: str = "postgres", password: str = "") -> str:
        """A URL for the database (trust auth: any password is accepted and ignored)."""
        secret = f":{password}" if password else ""
        return f"postgresql://postgres{secret}@127.0.0.1:{self.port}/{dbname}"

    def _run(self, args: Sequence[str], timeout: float = 60) -> None:
        done = subprocess.run(
            [str(self.bin / args[0]), *args[1:]],
            user=self.user, capture_output=True, text=True, timeout=timeout, cwd=self.root,
        )  # fmt: skip
        if done.returncode != 0:
            log = (self.root / "server.log").read_text(errors="replace") if self.started else ""
            raise RuntimeError(f"{args[0]} failed: {done.stderr.strip()} {done.stdout.strip()} {log[-2000:]}")

    started = False

    def start(self) -> None:
        options = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 "
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        self.started = True
        self._run(
            [
                "pg_ctl",
                "-D",
                str(self.data),
                "-o",
                options,
                "-l",
                str(self.root / "server.log"),
                "-w",
                "start",
            ]
        )

    def stop(self) -> None:
        self._run(["pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop"])


def start_server() -> PgServer:
    """initdb and start a cluster: RuntimeError when that fails, LookupError when PostgreSQL is absent."""
    folder = binaries()
    if folder is None:
        raise LookupError(
            "PostgreSQL's initdb and pg_ctl are not installed (PATH, /usr/lib/postgresql/*/bin)"
        )
    user = None
    root = Path(tempfile.mkdtemp(prefix="feedback-pg-"))
    if os.geteuid() == 0:
        try:
            owner = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(root, ignore_errors=True)
            raise LookupError("running as root and there is no postgres user to run initdb as") from None
        os.chown(root, owner.pw_uid, owner.pw_gid)
        user = "postgres"
    server = PgServer(folder, root, _free_port(), user)
    try:
        server._run(
            ["initdb", "-D", str(server.data), "-A", "trust", "-U", "postgres", "-E", "UTF8",
             "--locale=C", "--no-sync", "--no-instructions"],
        )  # fmt: skip
        server.start()
    except BaseException:
        shutil.rmtree(root, ignore_errors=True)
        raise
    return server


def stop_server(server: PgServer) -> None:
    """Stop the cluster (immediately) and delete its folder."""
    try:
        server._run(["pg_ctl", "-D", str(server.data), "-m", "immediate", "-w", "stop"])
    except (RuntimeError, subprocess.SubprocessError):
        pass
    shutil.rmtree(server.root, ignore_errors=True)
