"""Shared fixtures: the real embedder (loaded once), a fake one, the seed document, tmp sources."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.config import Settings
from bot.embedding import Embedder, FakeEmbedder, for_settings

ROOT = Path(__file__).resolve().parents[1]
SEED_NAME = "hmi-wendy-williams-assessment-west-midlands-police-transcript.txt"
SEED_PATH = ROOT / "sources" / SEED_NAME

Files = dict[str, str | bytes]


@pytest.fixture(autouse=True)
def _no_bot_env(monkeypatch: pytest.MonkeyPatch) -> None:
    """A developer's BOT_* variables must not change what tests see; monkeypatch puts them back after."""
    for name in [n for n in os.environ if n.startswith("BOT_")]:
        monkeypatch.delenv(name)


@pytest.fixture(scope="session")
def embedder() -> Embedder:
    """The real bundled model on the default encoder, verified and loaded once for every component test."""
    model = for_settings(Settings())
    model.load()
    return model


@pytest.fixture
def fake_embedder() -> FakeEmbedder:
    """The deterministic hashed bag-of-words embedder (an index built with it loads only with it)."""
    return FakeEmbedder()


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The seed document in the project's sources folder."""
    return SEED_PATH


@pytest.fixture(scope="session")
def seed_text() -> str:
    """The seed document's file content, quirks included (leading blank lines, no final newline)."""
    return SEED_PATH.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """../shared (corpora, eval questions); tests that use it skip when it is absent."""
    path = Path(__file__).resolve().parents[2] / "shared"
    if not path.is_dir():
        pytest.skip(f"{path} is absent: tests on the shared corpora need the ../shared checkout")
    return path


def write_sources(folder: Path, files: Files) -> Path:
    """Write {relative path: text or bytes} below folder (sub-folders created) and return folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for rel, content in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def sources_writer() -> Callable[[Path, Files], Path]:
    """write_sources, for module-scoped fixtures that cannot use make_settings."""
    return write_sources


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    """Factory: add files (and the seed) to tmp_path/sources; Settings point at tmp_path/index."""

    def make(files: Files | None = None, seed: bool = True, **overrides: object) -> Settings:
        wanted = {SEED_NAME: SEED_PATH.read_bytes()} if seed else {}
        sources = write_sources(tmp_path / "sources", {**wanted, **(files or {})})
        return Settings(sources=sources, index=tmp_path / "index", **overrides)

    return make
