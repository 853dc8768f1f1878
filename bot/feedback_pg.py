"""The feedback store's PostgreSQL backend (BOT_FEEDBACK_URL): one table shared by several app processes.

The SQL is the SQLite store's (bot.feedback) with `?` turned into `%s`; the columns use PostgreSQL's own
types (timestamptz, boolean, json), read back in the SQLite store's forms. Every write transaction first
takes one transaction-level advisory lock, so a limit checked is still true when the row is written, in
whichever process. Each process keeps one small connection pool per URL, opened at first use (which also
creates the tables when absent) and closed at exit.
"""

from __future__ import annotations

import atexit
import os
import re
import threading
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import unquote

import psycopg
from psycopg.conninfo import conninfo_to_dict
from psycopg_pool import ConnectionPool, PoolTimeout

from bot.errors import BotError
from bot.feedback import Tx, _stamp

T = TypeVar("T")

SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    session TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    refused BOOLEAN NOT NULL,
    rating SMALLINT CHECK (rating IN (0, 1)),
    comment TEXT NOT NULL DEFAULT '',
    citations JSON NOT NULL,
    record JSON NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_created ON feedback (created_at);
CREATE INDEX IF NOT EXISTS feedback_session ON feedback (session, updated_at);
CREATE TABLE IF NOT EXISTS feedback_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
INSERT INTO feedback_meta (key, value) VALUES ('schema_version', '1') ON CONFLICT (key) DO NOTHING;
"""
LOCK = 0x66656564  # the advisory lock key of feedback writes ("feed"), held until the transaction ends
POOL_MIN, POOL_MAX = 1, 4
CONNECT_S = 5  # to open one connection
WAIT_S = 5.0  # for a pooled connection; with the server gone the pool is dropped (made anew later)
# Like SQLite's busy timeout: a writer waits at most 10 s for the lock, then a one-line error
_LOCK_SQL = "SELECT set_config('lock_timeout', '10s', true), pg_advisory_xact_lock(%s)"
_SCHEME = re.compile(r"^postgres(ql)?://", re.IGNORECASE)


class PostgresBackend:
    """Feedback tables in one PostgreSQL database, reached through this process's pool for the URL."""

    meta = "feedback_meta"

    def __init__(self, url: str) -> None:
        if not _SCHEME.match(url):
            raise BotError(
                f"BOT_FEEDBACK_URL {redact(url, url)!r} is not valid: "
                "use postgresql://user:password@host:port/database"
            )
        self.url = url
        self.location = display(url)

    def transaction(self, work: Callable[[Tx], T], write: bool = True) -> T:
        """Run work in one transaction; a write first takes the feedback lock (writers queue there)."""
        pool = _pool(self.url)
        try:
            with pool.connection(timeout=WAIT_S) as conn, conn.transaction():
                if write:
                    conn.execute(_LOCK_SQL, (LOCK,))
                with conn.cursor() as cursor:
                    return work(_PgTx(cursor))
        except PoolTimeout:
            reason = _probe(self.url)
            if not reason:
                raise self._error("is busy", f"no free connection in {WAIT_S:g} s") from None
            _drop(self.url, pool)  # the server is gone: the next call starts a new pool once it is back
            raise self._error("cannot be reached", reason) from None
        except psycopg.Error as exc:
            raise self._error("failed", exc) from None

    def _error(self, what: str, reason: object) -> BotError:
        return BotError(
            f"feedback database {self.location} {what} ({_one_line(redact(str(reason), self.url))}): "
            "check BOT_FEEDBACK_URL"
        )


class _PgTx:
    """One open transaction: `?` placeholders, timestamps read back in the stored string form."""

    def __init__(self, cursor: psycopg.Cursor[Any]) -> None:
        self.cursor = cursor

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        self.cursor.execute(sql.replace("?", "%s"), params)
        return [tuple(_stamp(v) if isinstance(v, datetime) else v for v in row) for row in self.cursor]

    def count(self, sql: str, params: tuple[Any, ...] = ()) -> int:
        self.cursor.execute(sql.replace("?", "%s"), params)
        return self.cursor.rowcount


# --- one pool per URL per process -----------------------------------------------------------------------

_pools: dict[str, ConnectionPool] = {}
_pools_pid = os.getpid()
_pools_lock = threading.Lock()


def _pool(url: str) -> ConnectionPool:
    """This process's pool for the URL, opened (and the tables created) at first use."""
    global _pools_pid
    with _pools_lock:
        if _pools_pid != os.getpid():  # a forked child: the parent's connections are not its own
            _pools.clear()
            _pools_pid = os.getpid()
        pool = _pools.get(url)
        if pool is None:
            _create_schema(url)
            pool = ConnectionPool(
                url,
                min_size=POOL_MIN,
                max_size=POOL_MAX,
                kwargs={"autocommit": True, "connect_timeout": CONNECT_S},
                check=ConnectionPool.check_connection,  # a connection broken by a server restart is replaced
                name="feedback",
                open=False,
            )
            pool.open(wait=False)
            _pools[url] = pool
        return pool


def _create_schema(url: str) -> None:
    """Create the tables when absent (under the lock, so two processes starting together do not collide)."""
    location = display(url)
    try:
        with psycopg.connect(url, autocommit=True, connect_timeout=CONNECT_S) as conn, conn.transaction():
            conn.execute(_LOCK_SQL, (LOCK,))
            conn.execute(SCHEMA)
    except psycopg.Error as exc:
        reason = _one_line(redact(str(exc), url))
        raise BotError(
            f"feedback database {location} cannot be opened ({reason}): check BOT_FEEDBACK_URL"
        ) from None


def _probe(url: str) -> str:
    """Why a new connection fails ('' when it does not)."""
    try:
        with psycopg.connect(url, connect_timeout=CONNECT_S):
            return ""
    except psycopg.Error as exc:
        return str(exc)


def _drop(url: str, pool: ConnectionPool) -> None:
    with _pools_lock:
        if _pools.get(url) is pool:
            del _pools[url]
    pool.close(timeout=0)


@atexit.register
def close_pools() -> None:
    """Close every pool of this process (at exit)."""
    with _pools_lock:
        pools = list(_pools.values()) if _pools_pid == os.getpid() else []
        _pools.clear()
    for pool in pools:
        pool.close(timeout=1)


# --- addresses without passwords -----------------------------------------------------------------------


def display(url: str) -> str:
    """The URL as postgresql://user@host:port/database: what people may see."""
    try:
        parts = conninfo_to_dict(url)
    except psycopg.Error:
        return "postgresql://(unreadable BOT_FEEDBACK_URL)"
    user = f"{parts['user']}@" if parts.get("user") else ""
    host, port, dbname = str(parts.get("host") or ""), str(parts.get("port") or ""), parts.get("dbname") or ""
    if host.startswith("/") or not host:  # a unix socket folder (libpq's default when no host is given)
        return f"postgresql://{user}/{dbname}" + (f"?host={host}" if host else "")
    return f"postgresql://{user}{host}{f':{port}' if port.strip(',') else ''}/{dbname}"


def redact(text: str, url: str) -> str:
    """Text with the URL's password (in any spelling found) replaced by ***."""
    secrets = set()
    try:
        secrets.add(str(conninfo_to_dict(url).get("password") or ""))
    except psycopg.Error:
        pass
    rest = url.partition("://")[2]
    raw = rest.rpartition("@")[0].partition(":")[2]  # user:password@ (over-long when '@' is unencoded)
    secrets |= {raw, unquote(raw)}
    for secret in sorted(filter(None, secrets), key=len, reverse=True):
        text = text.replace(secret, "***")
    return re.sub(r"(password\s*=\s*)\S+", r"\1***", text, flags=re.IGNORECASE)


def _one_line(text: str) -> str:
    return " ".join(text.split())
