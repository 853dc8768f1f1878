"""Feedback on answers: a thumb up or down and an optional comment, kept in a local SQLite file for staff."""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.errors import BotError

RATINGS = {0: "down", 1: "up"}  # the values of st.feedback("thumbs")
MAX_COMMENT = 2000

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
)
"""
_COLUMNS = (
    "id, created_at, updated_at, session, question, answer, refused, rating, comment, citations, record"
)


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


def _now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")


def _clean_comment(comment: str | None) -> str:
    """A comment without surrounding space, cut to MAX_COMMENT characters."""
    return (comment or "").strip()[:MAX_COMMENT]


def _check_rating(rating: int | None) -> int | None:
    if rating is not None and rating not in RATINGS:
        raise ValueError(f"rating must be 0 (down), 1 (up) or None, not {rating!r}")
    return rating


class FeedbackStore:
    """Feedback rows in one SQLite file; every call opens its own connection (safe across app sessions)."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)

    def _connect(self) -> sqlite3.Connection:
        """An open connection with the table created."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            conn = sqlite3.connect(self.path, timeout=10)
            conn.execute(_SCHEMA)
            return conn
        except (OSError, sqlite3.Error) as exc:
            raise BotError(
                f"feedback store {self.path} cannot be opened ({exc}): check BOT_FEEDBACK_DB"
            ) from None

    def _run(self, sql: str, params: tuple[Any, ...] = ()) -> tuple[list[tuple[Any, ...]], int]:
        """Run one statement in a transaction; its rows and the last inserted row id."""
        conn = self._connect()
        try:
            with conn:
                cursor = conn.execute(sql, params)
                return cursor.fetchall(), int(cursor.lastrowid or 0)
        except sqlite3.Error as exc:
            raise BotError(f"feedback store {self.path} failed ({exc}): check BOT_FEEDBACK_DB") from None
        finally:
            conn.close()

    def add(self, record: dict[str, Any], rating: int | None, comment: str = "", session: str = "") -> int:
        """Store feedback on one answer (its ask --json record); returns the new row id."""
        now = _now()
        _, row_id = self._run(
            f"INSERT INTO feedback ({_COLUMNS.removeprefix('id, ')}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                now,
                now,
                session,
                str(record.get("question", "")),
                str(record.get("answer", "")),
                int(bool(record.get("refused"))),
                _check_rating(rating),
                _clean_comment(comment),
                json.dumps(record.get("citations", []), ensure_ascii=False),
                json.dumps(record, ensure_ascii=False),
            ),
        )
        return row_id

    def update(self, row_id: int, rating: int | None, comment: str | None = None) -> None:
        """Change the rating (and the comment, when given) of a stored row."""
        rating = _check_rating(rating)
        if comment is None:
            self._run("UPDATE feedback SET rating = ?, updated_at = ? WHERE id = ?", (rating, _now(), row_id))
            return
        sql = "UPDATE feedback SET rating = ?, comment = ?, updated_at = ? WHERE id = ?"
        self._run(sql, (rating, _clean_comment(comment), _now(), row_id))

    def get(self, row_id: int) -> Feedback | None:
        """One row by id."""
        rows, _ = self._run(f"SELECT {_COLUMNS} FROM feedback WHERE id = ?", (row_id,))
        return _row(rows[0]) if rows else None

    def recent(self, limit: int = 200) -> list[Feedback]:
        """The newest rows first."""
        rows, _ = self._run(f"SELECT {_COLUMNS} FROM feedback ORDER BY id DESC LIMIT ?", (limit,))
        return [_row(r) for r in rows]

    def summary(self) -> dict[str, int]:
        """Counts of rows, thumbs up, thumbs down and comments."""
        rows, _ = self._run(
            "SELECT COUNT(*), COALESCE(SUM(rating = 1), 0), COALESCE(SUM(rating = 0), 0), "
            "COALESCE(SUM(comment != ''), 0) FROM feedback"
        )
        total, up, down, comments = rows[0]
        return {"total": total, "up": up, "down": down, "comments": comments}


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
