"""The feedback store on PostgreSQL (BOT_FEEDBACK_URL) next to SQLite: the same behaviours on both, limits
held across processes, the schema created when absent, one-line errors without the password.

A real PostgreSQL cluster is started once for the session (tests/pg_server.py; skipped where PostgreSQL's
initdb and pg_ctl are not installed); each test gets a fresh database on it.
"""

from __future__ import annotations

import csv
import inspect
import io
import itertools
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

psycopg = pytest.importorskip("psycopg")

from bot import feedback_pg  # noqa: E402
from bot.config import ROOT, Settings  # noqa: E402
from bot.errors import BotError  # noqa: E402
from bot.feedback import (  # noqa: E402
    EXPORT_FIELDS,
    MAX_COMMENT,
    FeedbackLimit,
    FeedbackStore,
    Limits,
    SqliteBackend,
    as_csv,
    as_jsonl,
    keep_expiring,
)
from bot.feedback_pg import PostgresBackend  # noqa: E402
from tests.pg_server import PgServer, start_server, stop_server  # noqa: E402
from tests.test_feedback_export import CITATION, RECORD, REFUSAL  # noqa: E402

PASSWORD = "pw-Sekr1t-42"  # trust auth ignores it; it must never appear in a message
_names = itertools.count()
Factory = Callable[..., FeedbackStore]


@pytest.fixture(scope="session")
def pg() -> Iterator[PgServer]:
    """One PostgreSQL server for the whole session, stopped (and its folder deleted) at the end."""
    try:
        server = start_server()
    except LookupError as exc:
        pytest.skip(f"PostgreSQL tests skipped: {exc}")
    yield server
    feedback_pg.close_pools()
    stop_server(server)


@pytest.fixture
def pg_url(pg: PgServer) -> Iterator[str]:
    """A fresh, empty schema on the session's server: a URL with a password and a search_path of its own."""
    name = f"t_{next(_names)}"
    with psycopg.connect(pg.url(), autocommit=True) as conn:
        conn.execute(f"CREATE SCHEMA {name}")
    yield f"{pg.url(password=PASSWORD)}?options=-csearch_path%3D{name}"
    feedback_pg.close_pools()  # each test's pools go with it (the server allows so many connections)


@pytest.fixture(params=["sqlite", "postgres"])
def open_store(request: pytest.FixtureRequest, tmp_path: Path) -> Factory:
    """Makes stores on one database of the backend under test: open_store(limits=None)."""
    if request.param == "sqlite":
        return lambda limits=None: FeedbackStore(tmp_path / "f.sqlite3", limits)
    url = request.getfixturevalue("pg_url")
    return lambda limits=None: FeedbackStore(url=url, limits=limits)


def _target(store: FeedbackStore) -> str:
    """What a writer process opens: the SQLite path or the PostgreSQL URL."""
    return store.db.url if isinstance(store.db, PostgresBackend) else str(store.path)


def _sql(store: FeedbackStore, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """One statement straight on the store's database (behind the store's back), committed; its rows."""
    if isinstance(store.db, SqliteBackend):
        with sqlite3.connect(store.path) as conn:
            return conn.execute(sql, params).fetchall()
    with psycopg.connect(store.db.url, autocommit=True) as conn:
        cursor = conn.execute(sql.replace("?", "%s"), params)
        return cursor.fetchall() if cursor.description else []


def _age(store: FeedbackStore, row: int, days: float) -> None:
    """Make a row look created (and last changed) that many days ago."""
    stamp = (datetime.now(UTC) - timedelta(days=days)).isoformat(timespec="seconds")
    _sql(store, "UPDATE feedback SET created_at = ?, updated_at = ? WHERE id = ?", (stamp, stamp, row))


def _a_day_later(store: FeedbackStore) -> None:
    """Make the last retention check look a day old."""
    stamp = (datetime.now(UTC) - timedelta(days=1, minutes=1)).isoformat(timespec="seconds")
    _sql(store, f"UPDATE {store.db.meta} SET value = ? WHERE key = 'expired_at'", (stamp,))


def _assert_one_line_without_password(error: BaseException) -> None:
    text = str(error)
    assert "\n" not in text and PASSWORD not in text and "Sekr1t" not in text, text
    assert "BOT_FEEDBACK_URL" in text, text


# --- the same behaviours on both backends ---------------------------------------------------------------


def test_feedback_is_stored_with_question_answer_and_citations(open_store: Factory):
    store = open_store()
    row = store.add(RECORD, 1, "  useful  ", session="s1")
    item = store.get(row)
    assert item is not None
    assert (item.question, item.answer, item.rating, item.verdict) == (
        RECORD["question"],
        RECORD["answer"],
        1,
        "up",
    )
    assert item.comment == "useful" and item.session == "s1" and item.refused is False
    assert item.citations == [CITATION] and item.record == RECORD
    assert list(item.record) == list(RECORD), "the record keeps its key order"
    for stamp in (item.created_at, item.updated_at):
        assert stamp.endswith("+00:00") and len(stamp) == 25
        assert abs(datetime.fromisoformat(stamp) - datetime.now(UTC)) < timedelta(minutes=1)


def test_feedback_update_changes_rating_and_comment(open_store: Factory):
    store = open_store()
    row = store.add(REFUSAL, 1)
    store.update(row, 0)
    assert store.get(row).verdict == "down" and store.get(row).comment == ""
    store.update(row, 0, "should have answered")
    store.update(row, None)  # a withdrawn thumb keeps the comment
    item = store.get(row)
    assert item.rating is None and item.verdict == "none" and item.comment == "should have answered"
    assert item.refused is True


def test_feedback_recent_and_summary(open_store: Factory):
    store = open_store()
    assert store.summary() == {"total": 0, "up": 0, "down": 0, "comments": 0} and store.recent() == []
    ids = [store.add(RECORD, rating, comment) for rating, comment in ((1, ""), (0, "wrong year"), (0, ""))]
    assert [f.id for f in store.recent()] == ids[::-1]
    assert [f.id for f in store.recent(limit=1)] == [ids[-1]]
    assert store.summary() == {"total": 3, "up": 1, "down": 2, "comments": 1}


def test_feedback_refuses_bad_ratings_and_cuts_long_comments(open_store: Factory):
    store = open_store()
    with pytest.raises(ValueError):
        store.add(RECORD, 5)
    row = store.add(RECORD, 0, "x" * (MAX_COMMENT + 500))
    assert len(store.get(row).comment) == MAX_COMMENT
    assert store.get(12345) is None
    odd = store.add({**RECORD, "question": "nul\x00byte"}, 1, "é ✓ \x00 done")
    assert store.get(odd).question == "nulbyte" and store.get(odd).comment == "é ✓  done"


def test_feedback_from_many_threads(open_store: Factory):
    store = open_store()
    threads = [threading.Thread(target=lambda: [store.add(RECORD, 1) for _ in range(5)]) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert store.summary()["total"] == 40
    assert len({r[0] for r in _sql(store, "SELECT id FROM feedback")}) == 40


def test_a_session_may_add_only_a_few_rows_a_minute(open_store: Factory):
    store = open_store(Limits(per_minute=2, per_day=100))
    first, second = store.add(RECORD, 1, session="s1"), store.add(RECORD, 0, session="s1")
    with pytest.raises(FeedbackLimit, match="last minute") as info:
        store.add(RECORD, 1, session="s1")
    assert "\n" not in str(info.value)
    store.update(first, 0, "changed my mind", session="s1")  # a row already counted may change
    store.add(RECORD, 1, session="s2")  # another session is not held up
    _age(store, second, 2 / 1440)
    store.add(RECORD, 1, session="s1")  # a minute later there is room again
    assert store.summary()["total"] == 4 and store.get(first).comment == "changed my mind"


def test_all_sessions_together_may_add_only_so_many_rows_a_day(open_store: Factory):
    store = open_store(Limits(per_minute=100, per_day=3))
    rows = [store.add(RECORD, 1, session=f"s{i}") for i in range(3)]
    with pytest.raises(FeedbackLimit, match="today"):
        store.add(RECORD, 1, session="s9")
    store.update(rows[0], 0, "an update is not a new row", session="s0")
    _age(store, rows[1], 1.01)
    store.add(RECORD, 1, session="s9")
    assert store.summary()["total"] == 4


def test_without_limits_nothing_is_held_back_or_expired(open_store: Factory):
    store = open_store()
    rows = [store.add(RECORD, 1, session="s1") for _ in range(12)]
    _age(store, rows[0], 4000)
    assert store.expire_if_due() == 0 and store.summary()["total"] == 12


def test_retention_deletes_exactly_the_rows_older_than_the_limit_once_a_day(open_store: Factory):
    store = open_store(Limits(retention_days=30))
    old, edge, young = (store.add(RECORD, 1) for _ in range(3))
    _age(store, old, 30.01)
    _age(store, edge, 29.99)
    _age(store, young, 1)
    assert store.expire_if_due() == 0, "the first add has just checked"
    _a_day_later(store)
    assert store.expire_if_due() == 1
    assert store.get(old) is None and store.get(edge) is not None and store.get(young) is not None
    _age(store, edge, 31)
    assert store.expire_if_due() == 0, "checked at most once a day"
    _a_day_later(store)
    store.add(RECORD, 1)  # a write a day later applies the retention again
    assert store.get(edge) is None and store.summary()["total"] == 2


def test_purge_and_export_by_day(open_store: Factory):
    store = open_store()
    rows = [store.add(RECORD, 1, f"row {i}") for i in range(3)]
    for row, days in zip(rows, (10, 5, 0), strict=True):
        _age(store, row, days)
    since = (datetime.now(UTC) - timedelta(days=6)).date()
    assert [f.id for f in store.export()] == rows
    assert [f.id for f in store.export(since)] == rows[1:]
    assert store.purge(since) == 1 and [f.id for f in store.export()] == rows[1:]
    assert store.purge(since) == 0


def test_exports_as_csv_and_json_lines(open_store: Factory):
    store = open_store()
    store.add(RECORD, 0, 'said "no", twice\nthen left', session="abc")
    lines = as_jsonl(store.export()).splitlines()
    data = json.loads(lines[0])
    assert len(lines) == 1 and data["rating"] == "down" and data["citations"] == [CITATION]
    assert data["session"] == "abc" and data["comment"] == 'said "no", twice\nthen left'
    assert list(data["citations"][0]) == list(CITATION), "citations keep their key order"
    table = list(csv.DictReader(io.StringIO(as_csv(store.export()))))
    assert table[0]["comment"] == 'said "no", twice\nthen left' and table[0]["rating"] == "down"
    assert json.loads(table[0]["citations"]) == [CITATION] and list(table[0]) == list(EXPORT_FIELDS)


def test_retention_keeps_running_without_writes(open_store: Factory):
    store = open_store(Limits(retention_days=30))
    old = store.add(RECORD, 1)
    _age(store, old, 31)
    _a_day_later(store)
    keep_expiring(store, every_s=0.05)
    try:
        deadline = time.monotonic() + 10
        while store.get(old) is not None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert store.get(old) is None
    finally:
        store.limits = None  # the thread cannot be stopped; from now on its checks touch no database


# --- two processes at once ------------------------------------------------------------------------------

_WRITER = """
import json, sys
from bot.feedback import FeedbackLimit, FeedbackStore, Limits
target, per_day, count, tag = sys.argv[1:]
limits = Limits(per_minute=10_000, per_day=int(per_day))
if target.startswith("postgresql"):
    store = FeedbackStore(url=target, limits=limits)
else:
    store = FeedbackStore(target, limits)
store.summary()  # connected (and the schema checked) before the start
print("ready", flush=True)
sys.stdin.readline()  # both writers go at once
ids, refused = [], 0
for i in range(int(count)):
    try:
        ids.append(store.add({"question": f"{tag} {i}", "answer": "a"}, 1, session=f"{tag}-{i % 7}"))
    except FeedbackLimit:
        refused += 1
print(json.dumps({"ids": ids, "refused": refused}))
"""


def _two_writers(store: FeedbackStore, per_day: int, count: int) -> list[dict[str, object]]:
    """Two processes adding `count` rows each from the same moment; what each stored and was refused."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")}
    command = [sys.executable, "-c", _WRITER, _target(store), str(per_day), str(count)]
    pipes = {"stdin": subprocess.PIPE, "stdout": subprocess.PIPE, "stderr": subprocess.PIPE}
    procs = [subprocess.Popen([*command, tag], cwd=ROOT, env=env, text=True, **pipes) for tag in "ab"]
    for proc in procs:
        assert proc.stdout is not None and proc.stdout.readline() == "ready\n", proc.stderr
    for proc in procs:
        assert proc.stdin is not None
        proc.stdin.write("go\n")
        proc.stdin.flush()
    results = []
    for proc in procs:
        out, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
        results.append(json.loads(out))
    return results


def test_two_processes_writing_at_once_lose_nothing(open_store: Factory):
    store = open_store()
    store.summary()  # the tables exist before the writers start
    results = _two_writers(store, per_day=10_000, count=50)
    ids = [i for r in results for i in r["ids"]]
    assert len(ids) == 100 and len(set(ids)) == 100 and all(r["refused"] == 0 for r in results)
    assert store.summary()["total"] == 100
    assert sorted(f.id for f in store.export()) == sorted(ids)
    assert {f.question for f in store.export()} == {f"{t} {i}" for t in "ab" for i in range(50)}


def test_two_processes_together_never_pass_the_daily_cap(open_store: Factory):
    store = open_store()
    store.summary()
    results = _two_writers(store, per_day=70, count=50)
    stored = sum(len(r["ids"]) for r in results)
    assert stored == 70 and sum(r["refused"] for r in results) == 30
    assert store.summary()["total"] == 70


# --- PostgreSQL only -------------------------------------------------------------------------------------


def _tables(url: str) -> dict[str, dict[str, str]]:
    """Each table's columns and their types, in the URL's schema."""
    with psycopg.connect(url) as conn:
        rows = conn.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns "
            "WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position"
        ).fetchall()
    tables: dict[str, dict[str, str]] = {}
    for table, column, kind in rows:
        tables.setdefault(table, {})[column] = kind
    return tables


def test_the_schema_is_created_when_absent_and_reused(pg_url: str):
    assert _tables(pg_url) == {}
    store = FeedbackStore(url=pg_url)
    assert _tables(pg_url) == {}, "nothing is opened before the first use"
    row = store.add(RECORD, 1, "first")
    tables = _tables(pg_url)
    assert set(tables) == {"feedback", "feedback_meta"}
    assert tables["feedback"]["created_at"] == "timestamp with time zone"
    assert tables["feedback"]["refused"] == "boolean" and tables["feedback"]["record"] == "json"
    assert _sql(store, "SELECT value FROM feedback_meta WHERE key = 'schema_version'") == [("1",)]
    # Another store in this process shares the pool; a new pool (another process) checks the schema again.
    assert FeedbackStore(url=pg_url).get(row).comment == "first"
    feedback_pg.close_pools()
    again = FeedbackStore(url=pg_url, limits=Limits())
    assert again.add(RECORD, 0, "second") == row + 1 and again.summary()["total"] == 2
    assert set(_tables(pg_url)) == {"feedback", "feedback_meta"}


def test_timestamps_are_utc_whatever_the_server_time_zone(pg_url: str):
    store = FeedbackStore(url=f"{pg_url}%20-cTimeZone%3DPacific/Kiritimati")  # UTC+14
    with psycopg.connect(store.db.url) as conn:
        assert conn.execute("SHOW TimeZone").fetchone() == ("Pacific/Kiritimati",)
    row = store.add(RECORD, 1)
    item = store.get(row)
    assert item.created_at.endswith("+00:00")
    assert abs(datetime.fromisoformat(item.created_at) - datetime.now(UTC)) < timedelta(minutes=1)
    day = datetime.now(UTC).date()
    assert [f.id for f in store.export(day)] == [row] and store.purge(day) == 0
    assert store.purge(day + timedelta(days=1)) == 1


def test_one_pool_per_url_small_and_opened_lazily(pg_url: str):
    stores = [FeedbackStore(url=pg_url) for _ in range(3)]
    assert pg_url not in feedback_pg._pools
    for store in stores:
        store.summary()
    pool = feedback_pg._pools[pg_url]
    assert len([u for u in feedback_pg._pools if u == pg_url]) == 1
    assert (pool.min_size, pool.max_size) == (1, 4)


def test_settings_choose_the_backend(tmp_path: Path, pg_url: str):
    sqlite = FeedbackStore.for_settings(Settings(feedback_db=tmp_path / "f.sqlite3", feedback_per_day=7))
    assert isinstance(sqlite.db, SqliteBackend) and sqlite.path == tmp_path / "f.sqlite3"
    assert sqlite.limits == Limits(per_minute=5, per_day=7, retention_days=365)
    env = {"BOT_FEEDBACK_URL": pg_url, "BOT_FEEDBACK_PER_MINUTE": "3"}
    shared = FeedbackStore.for_settings(Settings.from_env(env, feedback_db=tmp_path / "unused.sqlite3"))
    assert isinstance(shared.db, PostgresBackend) and shared.limits.per_minute == 3
    assert PASSWORD not in shared.location and PASSWORD not in str(shared.path)
    assert shared.location == pg_url.replace(f":{PASSWORD}", "").split("?")[0]
    shared.add(RECORD, 1)
    assert not (tmp_path / "unused.sqlite3").exists() and shared.summary()["total"] == 1


@pytest.mark.parametrize(
    ("url", "why"),
    [
        (f"mysql://bot:{PASSWORD}@127.0.0.1/feedback", "is not valid"),
        (f"postgresql://bot:{PASSWORD}@[127.0.0.1/feedback", "cannot be opened"),
        (f"postgresql://bot:{PASSWORD} x@127.0.0.1/feedback", "cannot be opened"),
        (f"postgresql://bot:{PASSWORD}@127.0.0.1:1/feedback", "cannot be opened"),
        (f"postgresql://bot:{PASSWORD}@127.0.0.1:5432/feedback?sslmode=bogus", "cannot be opened"),
    ],
)
def test_bad_urls_are_one_line_errors_without_the_password(url: str, why: str):
    with pytest.raises(BotError, match=why) as info:
        FeedbackStore(url=url).add(RECORD, 1)
    _assert_one_line_without_password(info.value)


def test_a_missing_database_is_a_one_line_error(pg: PgServer):
    with pytest.raises(BotError, match="does not exist") as info:
        FeedbackStore(url=pg.url("no_such_db", PASSWORD)).summary()
    _assert_one_line_without_password(info.value)


@pytest.mark.skipif(
    "for_settings" not in inspect.getsource(__import__("bot.cli").cli._feedback_store),
    reason="bot/cli.py does not open the store with FeedbackStore.for_settings yet",
)
def test_feedback_cli_on_postgresql(pg_url: str):
    store = FeedbackStore(url=pg_url)
    rows = [store.add(RECORD, rating, f"note {rating}", session="s") for rating in (1, 0)]
    _age(store, rows[0], 3)
    env = {k: v for k, v in os.environ.items() if not k.startswith("BOT_")} | {"BOT_FEEDBACK_URL": pg_url}

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        command = [sys.executable, "-m", "bot", "feedback", *args]
        return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=60)

    done = cli("export")
    assert done.returncode == 0 and not done.stderr
    assert [r["comment"] for r in csv.DictReader(io.StringIO(done.stdout))] == ["note 1", "note 0"]
    since = (datetime.now(UTC) - timedelta(days=1)).date().isoformat()
    done = cli("purge", "--before", since, "--json")
    assert json.loads(done.stdout) == {"deleted": 1, "before": since}
    assert [f.id for f in store.export()] == rows[1:]
    env["BOT_FEEDBACK_URL"] = f"postgresql://bot:{PASSWORD}@127.0.0.1:1/feedback"
    done = cli("export")
    assert done.returncode != 0 and done.stderr.count("\n") == 1 and PASSWORD not in done.stderr


def test_a_stopped_server_is_a_one_line_error_and_its_return_is_noticed(
    pg: PgServer, pg_url: str, monkeypatch: pytest.MonkeyPatch
):
    """Runs last: it stops the session's server and starts it again."""
    monkeypatch.setattr(feedback_pg, "WAIT_S", 0.5)
    store = FeedbackStore(url=pg_url, limits=Limits())
    row = store.add(RECORD, 1)
    pg.stop()
    try:
        with pytest.raises(BotError, match="cannot be reached|cannot be opened") as info:
            store.add(RECORD, 0)
        _assert_one_line_without_password(info.value)
        with pytest.raises(BotError) as info:  # a new process (no pool yet) is told at once
            feedback_pg.close_pools()
            store.get(row)
        _assert_one_line_without_password(info.value)
    finally:
        pg.start()
    assert store.get(row) is not None and store.summary()["total"] == 1
