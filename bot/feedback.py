"""Feedback on answers: a thumb up or down and an optional comment, kept for staff.

The rows live in a local SQLite file (the embedded default, BOT_FEEDBACK_DB) or, when several app processes
share them, in PostgreSQL (BOT_FEEDBACK_URL, see bot.feedback_pg). Both run the same SQL through a small
backend: `?` placeholders, UTC timestamps in one ISO form, one transaction per call.
"""

from __future__ import annotations

import csv
import io
import json
import logging
import sqlite3
import threading
import time as clock
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from bot.errors import BotError

if TYPE_CHECKING:
    from bot.config import Settings

log = logging.getLogger(__name__)
RATINGS = {0: "down", 1: "up"}  # the values of st.feedback("thumbs")
MAX_COMMENT = 2000
T = TypeVar("T")

# Timestamps are UTC in one fixed ISO form, so comparing the strings compares the times (and uses indexes).
_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    session TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    refused INTEGER NOT NULL,
    rating INTEGER,
    comment TEXT NOT NULL DEFAULT '',
    citations TEXT NOT NULL,
    record TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS feedback_created ON feedback (created_at);
CREATE INDEX IF NOT EXISTS feedback_session ON feedback (session, updated_at);
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
"""
_COLUMNS = (
    "id, created_at, updated_at, session, question, answer, refused, rating, comment, citations, record"
)
_VERSION = 1  # PRAGMA user_version: 1 = timestamps in UTC ISO form (earlier files held local time, +HHMM)


@dataclass(frozen=True)
class Limits:
    """What the public app may write: rows per session per minute, rows a day, and days a row is kept."""

    per_minute: int = 5
    per_day: int = 1000
    retention_days: int = 365


def limits_for(settings: Settings) -> Limits:
    """The public app's limits from the settings."""
    return Limits(settings.feedback_per_minute, settings.feedback_per_day, settings.feedback_retention_days)


class FeedbackLimit(BotError):
    """A write refused because a limit is reached (the message is for the person who sent it)."""


@dataclass(frozen=True)
class Feedback:
    """One stored piece of feedback with the answer it is about."""

    id: int
    created_at: str
    updated_at: str
    session: str
    question: str
    answer: str
    refused: bool
    rating: int | None
    comment: str
    citations: list[dict[str, Any]]
    record: dict[str, Any]

    @property
    def verdict(self) -> str:
        """'up', 'down' or 'none'."""
        return RATINGS.get(self.rating, "none")


def _stamp(moment: datetime) -> str:
    """The stored form of a time: UTC, seconds, '+00:00'."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _now() -> str:
    return _stamp(datetime.now(UTC))


def _ago(delta: timedelta) -> str:
    return _stamp(datetime.now(UTC) - delta)


def _day_start(day: date) -> str:
    """The first moment of a day, UTC."""
    return _stamp(datetime.combine(day, time.min, tzinfo=UTC))


def _text(value: object) -> str:
    """Text as stored: without NUL characters (PostgreSQL's text cannot hold them)."""
    return str(value).replace("\x00", "")


def _clean_comment(comment: str | None) -> str:
    """A comment without surrounding space, cut to MAX_COMMENT characters."""
    return _text(comment or "").strip()[:MAX_COMMENT]


def _check_rating(rating: int | None) -> int | None:
    if rating is not None and rating not in RATINGS:
        raise ValueError(f"rating must be 0 (down), 1 (up) or None, not {rating!r}")
    return rating


# --- backends: where the rows live ---------------------------------------------------------------------


class Tx(Protocol):
    """One open transaction: statements with `?` placeholders."""

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """The rows of a statement (timestamps in the stored string form)."""
        ...

    def count(self, sql: str, params: tuple[Any, ...] = ()) -> int:
        """Run a statement; how many rows it changed."""
        ...


class Backend(Protocol):
    """A database holding the feedback tables."""

    location: str  # where, for people (never a password)
    meta: str  # the name of the key-value table

    def transaction(self, work: Callable[[Tx], T], write: bool = True) -> T:
        """Run work in one transaction; writes are serialised (limit checks and writes cannot interleave)."""
        ...


class _SqliteTx:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn

    def rows(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        return self.conn.execute(sql, params).fetchall()

    def count(self, sql: str, params: tuple[Any, ...] = ()) -> int:
        return self.conn.execute(sql, params).rowcount


class SqliteBackend:
    """One SQLite file; every call opens its own connection (safe across app sessions and threads)."""

    meta = "meta"

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.location = str(self.path)

    def _connect(self) -> sqlite3.Connection:
        """An open connection with the tables created and old timestamps in the current form."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=10, isolation_level=None)
            conn.executescript(_SCHEMA)
            _migrate(conn)
            return conn
        except (OSError, sqlite3.Error) as exc:
            raise BotError(
                f"feedback store {self.path} cannot be opened ({exc}): check BOT_FEEDBACK_DB"
            ) from None

    def transaction(self, work: Callable[[Tx], T], write: bool = True) -> T:
        """BEGIN IMMEDIATE: one writer at a time, so a limit checked is still true when the row is written."""
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            result = work(_SqliteTx(conn))
            conn.execute("COMMIT")
            return result
        except sqlite3.Error as exc:
            raise BotError(f"feedback store {self.path} failed ({exc}): check BOT_FEEDBACK_DB") from None
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.close()


def _migrate(conn: sqlite3.Connection) -> None:
    """Rewrite timestamps of files written before version 1 (local time with +HHMM) as UTC."""
    if conn.execute("PRAGMA user_version").fetchone()[0] >= _VERSION:
        return
    with conn:
        rows = conn.execute("SELECT id, created_at, updated_at FROM feedback").fetchall()
        for row_id, *stamps in rows:
            conn.execute(
                "UPDATE feedback SET created_at = ?, updated_at = ? WHERE id = ?",
                (*(_utc(s) for s in stamps), row_id),
            )
        conn.execute(f"PRAGMA user_version = {_VERSION}")


def _utc(stamp: str) -> str:
    try:
        return _stamp(datetime.fromisoformat(stamp))
    except ValueError:
        return stamp


# --- the store ---------------------------------------------------------------------------------------


class FeedbackStore:
    """Feedback rows in SQLite (FeedbackStore(path)) or PostgreSQL (FeedbackStore(url=...)).

    With limits (the public app), a session may add only a few rows a minute, all sessions together only
    so many a day, and rows older than the retention period are deleted (checked at most once a day).
    `FeedbackStore.for_settings(settings)` picks the database the settings name, with their limits.
    """

    def __init__(
        self, path: Path | str | None = None, limits: Limits | None = None, *, url: str = ""
    ) -> None:
        self.limits = limits
        self.db: Backend
        if url:
            from bot.feedback_pg import PostgresBackend

            self.db = PostgresBackend(url)
        elif path is None:
            raise ValueError("FeedbackStore needs a SQLite path or a PostgreSQL url")
        else:
            self.db = SqliteBackend(Path(path))
        # The SQLite file (tests open it directly); for PostgreSQL the address without its password.
        self.path: Path | str = getattr(self.db, "path", self.db.location)

    @classmethod
    def for_settings(cls, settings: Settings) -> FeedbackStore:
        """The store the settings name (BOT_FEEDBACK_URL when set, else BOT_FEEDBACK_DB) with their limits."""
        return cls(settings.feedback_db, limits_for(settings), url=settings.feedback_url)

    @property
    def location(self) -> str:
        """Where the rows are, for people: a file path or a PostgreSQL address without its password."""
        return self.db.location

    def _read(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """One query in its own transaction; its rows."""
        return self.db.transaction(lambda tx: tx.rows(sql, params), write=False)

    def add(self, record: dict[str, Any], rating: int | None, comment: str = "", session: str = "") -> int:
        """Store feedback on one answer (its ask --json record); returns the new row id."""
        values = (
            _text(record.get("question", "")),
            _text(record.get("answer", "")),
            bool(record.get("refused")),
            _check_rating(rating),
            _clean_comment(comment),
            json.dumps(record.get("citations", []), ensure_ascii=False),
            json.dumps(record, ensure_ascii=False),
        )
        names = _COLUMNS.removeprefix("id, ")
        sql = f"INSERT INTO feedback ({names}) VALUES ({', '.join('?' * 10)}) RETURNING id"

        def insert(tx: Tx) -> int:
            self._admit(tx, session)
            now = _now()
            return int(tx.rows(sql, (now, now, session, *values))[0][0])

        self.expire_if_due()
        return self.db.transaction(insert)

    def update(self, row_id: int, rating: int | None, comment: str | None = None, session: str = "") -> None:
        """Change the rating (and the comment, when given) of a stored row."""
        rating = _check_rating(rating)
        if comment is None:
            sql, params = (
                "UPDATE feedback SET rating = ?, updated_at = ? WHERE id = ?",
                (rating, _now(), row_id),
            )
        else:
            sql = "UPDATE feedback SET rating = ?, comment = ?, updated_at = ? WHERE id = ?"
            params = (rating, _clean_comment(comment), _now(), row_id)

        def change(tx: Tx) -> None:
            self._admit(tx, session, row_id)
            tx.count(sql, params)

        self.db.transaction(change)

    def _admit(self, tx: Tx, session: str, row_id: int | None = None) -> None:
        """Raise FeedbackLimit when this write would pass the session's or the day's limit."""
        if self.limits is None:
            return
        if session:
            recent = tx.rows(
                "SELECT COUNT(*) FROM feedback WHERE session = ? AND updated_at > ? AND id != ?",
                (session, _ago(timedelta(minutes=1)), -1 if row_id is None else row_id),
            )[0][0]
            if recent >= self.limits.per_minute:
                raise FeedbackLimit(
                    "You have sent a lot of feedback in the last minute; please wait a minute and try again."
                )
        if row_id is None:
            sql = "SELECT COUNT(*) FROM feedback WHERE created_at > ?"
            if tx.rows(sql, (_ago(timedelta(days=1)),))[0][0] >= self.limits.per_day:
                raise FeedbackLimit("We cannot take more feedback today; please try again tomorrow.")

    def expire_if_due(self) -> int:
        """Delete rows older than the retention period, at most once a day (with limits); how many went."""
        if self.limits is None:
            return 0
        days = self.limits.retention_days
        meta = self.db.meta

        def expire(tx: Tx) -> int:
            last = tx.rows(f"SELECT value FROM {meta} WHERE key = 'expired_at'")
            if last and last[0][0] > _ago(timedelta(days=1)):
                return 0
            gone = _delete_before(tx, _ago(timedelta(days=days)))
            tx.count(
                f"INSERT INTO {meta} (key, value) VALUES ('expired_at', ?) "
                "ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (_now(),),
            )
            return gone

        return self.db.transaction(expire)

    def purge(self, before: date) -> int:
        """Delete every row created before that day began (UTC); how many went."""
        return self.db.transaction(lambda tx: _delete_before(tx, _day_start(before)))

    def export(self, since: date | None = None) -> list[Feedback]:
        """Every row created since that day began (UTC; all when None), oldest first."""
        if since is None:
            rows = self._read(f"SELECT {_COLUMNS} FROM feedback ORDER BY id")
        else:
            sql = f"SELECT {_COLUMNS} FROM feedback WHERE created_at >= ? ORDER BY id"
            rows = self._read(sql, (_day_start(since),))
        return [_row(r) for r in rows]

    def get(self, row_id: int) -> Feedback | None:
        """One row by id."""
        rows = self._read(f"SELECT {_COLUMNS} FROM feedback WHERE id = ?", (row_id,))
        return _row(rows[0]) if rows else None

    def recent(self, limit: int = 200) -> list[Feedback]:
        """The newest rows first."""
        rows = self._read(f"SELECT {_COLUMNS} FROM feedback ORDER BY id DESC LIMIT ?", (limit,))
        return [_row(r) for r in rows]

    def summary(self) -> dict[str, int]:
        """Counts of rows, thumbs up, thumbs down and comments."""
        rows = self._read(
            "SELECT COUNT(*), COUNT(CASE WHEN rating = 1 THEN 1 END), "
            "COUNT(CASE WHEN rating = 0 THEN 1 END), COUNT(CASE WHEN comment != '' THEN 1 END) FROM feedback"
        )
        total, up, down, comments = (int(n) for n in rows[0])
        return {"total": total, "up": up, "down": down, "comments": comments}


EXPORT_FIELDS = (
    "id", "created_at", "updated_at", "session", "rating",
    "question", "answer", "refused", "comment", "citations",
)  # fmt: skip


def exported(item: Feedback) -> dict[str, Any]:
    """One row as staff export it: the rating as up/down/none, citations as records."""
    row = {name: getattr(item, name) for name in EXPORT_FIELDS}
    return row | {"rating": item.verdict}


def as_jsonl(rows: list[Feedback]) -> str:
    """Rows as JSON lines."""
    return "".join(json.dumps(exported(r), ensure_ascii=False) + "\n" for r in rows)


def as_csv(rows: list[Feedback]) -> str:
    """Rows as CSV with a header; citations as one JSON cell."""
    out = io.StringIO()
    writer = csv.DictWriter(out, EXPORT_FIELDS)
    writer.writeheader()
    for item in rows:
        row = exported(item)
        writer.writerow(row | {"citations": json.dumps(row["citations"], ensure_ascii=False)})
    return out.getvalue()


def keep_expiring(store: FeedbackStore, every_s: float = 3600.0) -> threading.Thread:
    """A daemon thread applying the retention while a process runs, even when nobody writes feedback."""

    def loop() -> None:
        while True:
            clock.sleep(every_s)
            try:
                store.expire_if_due()
            except BotError as exc:  # the store may be briefly unreachable; the next round tries again
                log.warning("feedback retention not applied: %s", exc)

    thread = threading.Thread(target=loop, name="feedback-retention", daemon=True)
    thread.start()
    return thread


def _delete_before(tx: Tx, stamp: str) -> int:
    return tx.count("DELETE FROM feedback WHERE created_at < ?", (stamp,))


def _row(row: tuple[Any, ...]) -> Feedback:
    """A Feedback from a database row (JSON columns decoded, a damaged one read as empty)."""
    rid, created, updated, session, question, answer, refused, rating, comment, cites, record = row
    return Feedback(
        rid, created, updated, session, question, answer, bool(refused), rating, comment,
        _json(cites, []), _json(record, {}),
    )  # fmt: skip


def _json(text: Any, default: Any) -> Any:
    """A JSON column: text (SQLite) or already decoded (PostgreSQL's json type)."""
    if not isinstance(text, str | bytes):
        return default if text is None else text
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return default
