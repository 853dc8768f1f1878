"""Feedback on answers: a thumb up or down and an optional comment, kept in a local SQLite file for staff."""

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
from typing import TYPE_CHECKING, Any, TypeVar

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


def _clean_comment(comment: str | None) -> str:
    """A comment without surrounding space, cut to MAX_COMMENT characters."""
    return (comment or "").strip()[:MAX_COMMENT]


def _check_rating(rating: int | None) -> int | None:
    if rating is not None and rating not in RATINGS:
        raise ValueError(f"rating must be 0 (down), 1 (up) or None, not {rating!r}")
    return rating


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


class FeedbackStore:
    """Feedback rows in one SQLite file; every call opens its own connection (safe across app sessions).

    With limits (the public app), a session may add only a few rows a minute, all sessions together only
    so many a day, and rows older than the retention period are deleted (checked at most once a day).
    """

    def __init__(self, path: Path, limits: Limits | None = None) -> None:
        self.path = Path(path)
        self.limits = limits

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

    def _transaction(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run work in one write transaction (BEGIN IMMEDIATE: limit checks and writes cannot interleave)."""
        conn = self._connect()
        try:
            conn.execute("BEGIN IMMEDIATE")
            result = work(conn)
            conn.execute("COMMIT")
            return result
        except sqlite3.Error as exc:
            raise BotError(f"feedback store {self.path} failed ({exc}): check BOT_FEEDBACK_DB") from None
        finally:
            if conn.in_transaction:
                conn.execute("ROLLBACK")
            conn.close()

    def _run(self, sql: str, params: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
        """One statement in its own transaction; its rows."""
        return self._transaction(lambda conn: conn.execute(sql, params).fetchall())

    def add(self, record: dict[str, Any], rating: int | None, comment: str = "", session: str = "") -> int:
        """Store feedback on one answer (its ask --json record); returns the new row id."""
        values = (
            str(record.get("question", "")),
            str(record.get("answer", "")),
            int(bool(record.get("refused"))),
            _check_rating(rating),
            _clean_comment(comment),
            json.dumps(record.get("citations", []), ensure_ascii=False),
            json.dumps(record, ensure_ascii=False),
        )

        def insert(conn: sqlite3.Connection) -> int:
            self._admit(conn, session)
            now = _now()
            sql = f"INSERT INTO feedback ({_COLUMNS.removeprefix('id, ')}) VALUES ({', '.join('?' * 10)})"
            return int(conn.execute(sql, (now, now, session, *values)).lastrowid or 0)

        self.expire_if_due()
        return self._transaction(insert)

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

        def change(conn: sqlite3.Connection) -> None:
            self._admit(conn, session, row_id)
            conn.execute(sql, params)

        self._transaction(change)

    def _admit(self, conn: sqlite3.Connection, session: str, row_id: int | None = None) -> None:
        """Raise FeedbackLimit when this write would pass the session's or the day's limit."""
        if self.limits is None:
            return
        if session:
            recent = conn.execute(
                "SELECT COUNT(*) FROM feedback WHERE session = ? AND updated_at > ? AND id != ?",
                (session, _ago(timedelta(minutes=1)), -1 if row_id is None else row_id),
            ).fetchone()[0]
            if recent >= self.limits.per_minute:
                raise FeedbackLimit(
                    "You have sent a lot of feedback in the last minute; please wait a minute and try again."
                )
        if row_id is None:
            sql = "SELECT COUNT(*) FROM feedback WHERE created_at > ?"
            if conn.execute(sql, (_ago(timedelta(days=1)),)).fetchone()[0] >= self.limits.per_day:
                raise FeedbackLimit("We cannot take more feedback today; please try again tomorrow.")

    def expire_if_due(self) -> int:
        """Delete rows older than the retention period, at most once a day (with limits); how many went."""
        if self.limits is None:
            return 0
        days = self.limits.retention_days

        def expire(conn: sqlite3.Connection) -> int:
            last = conn.execute("SELECT value FROM meta WHERE key = 'expired_at'").fetchone()
            if last and last[0] > _ago(timedelta(days=1)):
                return 0
            gone = _delete_before(conn, _ago(timedelta(days=days)))
            conn.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('expired_at', ?)", (_now(),))
            return gone

        return self._transaction(expire)

    def purge(self, before: date) -> int:
        """Delete every row created before that day began (UTC); how many went."""
        return self._transaction(lambda conn: _delete_before(conn, _day_start(before)))

    def export(self, since: date | None = None) -> list[Feedback]:
        """Every row created since that day began (UTC; all when None), oldest first."""
        start = _day_start(since) if since else ""
        rows = self._run(f"SELECT {_COLUMNS} FROM feedback WHERE created_at >= ? ORDER BY id", (start,))
        return [_row(r) for r in rows]

    def get(self, row_id: int) -> Feedback | None:
        """One row by id."""
        rows = self._run(f"SELECT {_COLUMNS} FROM feedback WHERE id = ?", (row_id,))
        return _row(rows[0]) if rows else None

    def recent(self, limit: int = 200) -> list[Feedback]:
        """The newest rows first."""
        rows = self._run(f"SELECT {_COLUMNS} FROM feedback ORDER BY id DESC LIMIT ?", (limit,))
        return [_row(r) for r in rows]

    def summary(self) -> dict[str, int]:
        """Counts of rows, thumbs up, thumbs down and comments."""
        rows = self._run(
            "SELECT COUNT(*), COALESCE(SUM(rating = 1), 0), COALESCE(SUM(rating = 0), 0), "
            "COALESCE(SUM(comment != ''), 0) FROM feedback"
        )
        total, up, down, comments = rows[0]
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


def _delete_before(conn: sqlite3.Connection, stamp: str) -> int:
    return conn.execute("DELETE FROM feedback WHERE created_at < ?", (stamp,)).rowcount


def _row(row: tuple[Any, ...]) -> Feedback:
    """A Feedback from a database row (JSON columns decoded, a damaged one read as empty)."""
    rid, created, updated, session, question, answer, refused, rating, comment, cites, record = row
    return Feedback(
        rid, created, updated, session, question, answer, bool(refused), rating, comment,
        _json(cites, []), _json(record, {}),
    )  # fmt: skip


def _json(text: str, default: Any) -> Any:
    try:
        return json.loads(text)
    except (TypeError, ValueError):
        return default
