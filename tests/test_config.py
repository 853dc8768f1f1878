"""Settings: defaults, BOT_* variables, overrides, one-line errors, immutability."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.config import ROOT, Settings
from bot.errors import BotError


def test_defaults_work_on_a_fresh_clone():
    settings = Settings.from_env({})
    assert settings == Settings()
    assert settings.index == ROOT / "index" and settings.sources == ROOT / "sources"
    assert settings.k > 0 and settings.staff_address == "127.0.0.1"
    assert settings.feedback_retention_days == 365


def test_the_retired_staff_switch_is_ignored():
    """BOT_STAFF once showed the review view in the public app; it no longer means anything."""
    assert Settings.from_env({"BOT_STAFF": "1"}) == Settings()
    assert not hasattr(Settings(), "staff")


def test_reads_bot_variables_with_their_types():
    env = {
        "BOT_INDEX": "~/my-index",
        "BOT_SOURCES": "/data/reports",
        "BOT_K": " 12 ",
        "BOT_STAFF_EMAILS": "a@example.org,b@example.org",
        "BOT_FEEDBACK_PER_DAY": "20",
        "BOT_MIN_EVIDENCE": "0.5",
        "BOT_MAX_FILE_MB": "0.25",
        "BOT_LLM_MODEL": "qwen2.5:3b",
        "BOT_CHUNK_CHARS": "",  # empty means unset
        "OTHER": "ignored",
    }
    settings = Settings.from_env(env)
    assert settings.index == Path("~/my-index").expanduser()
    assert settings.sources == Path("/data/reports")
    assert settings.k == 12 and isinstance(settings.k, int)
    assert settings.staff_emails == "a@example.org,b@example.org" and settings.feedback_per_day == 20
    assert settings.min_evidence == 0.5 and settings.max_file_mb == 0.25
    assert settings.llm_model == "qwen2.5:3b"
    assert settings.chunk_chars == Settings().chunk_chars


def test_reads_os_environ_by_default(monkeypatch, tmp_path):
    monkeypatch.setenv("BOT_INDEX", str(tmp_path))
    monkeypatch.setenv("BOT_K", "3")
    settings = Settings.from_env()
    assert settings.index == tmp_path and settings.k == 3


def test_overrides_win_and_none_means_not_given(tmp_path):
    settings = Settings.from_env({"BOT_INDEX": "/env/index", "BOT_K": "4"}, index=tmp_path, k=None)
    assert settings.index == tmp_path
    assert settings.k == 4


@pytest.mark.parametrize(
    "name, raw",
    [
        ("BOT_K", "abc"),
        ("BOT_K", "2.5"),
        ("BOT_K", "0"),
        ("BOT_CHUNK_CHARS", "-100"),
        ("BOT_MIN_EVIDENCE", "high"),
        ("BOT_MIN_EVIDENCE", "nan"),
        ("BOT_LLM_TIMEOUT_S", "-1"),
        ("BOT_FEEDBACK_RETENTION_DAYS", "0"),
        ("BOT_STAFF_PORT", "http"),
    ],
)
def test_bad_values_are_one_line_errors_naming_the_variable(name, raw):
    with pytest.raises(BotError) as info:
        Settings.from_env({name: raw})
    message = str(info.value)
    assert name in message and repr(raw) in message
    assert "\n" not in message
    assert info.type is BotError


def test_settings_are_frozen():
    settings = Settings()
    with pytest.raises(dataclasses.FrozenInstanceError):
        settings.k = 3  # type: ignore[misc]
    changed = dataclasses.replace(settings, k=settings.k + 1)
    assert changed.k == settings.k + 1 and settings.k == Settings().k
