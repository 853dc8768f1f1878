"""A running engine moves to a newer index after a rebuild, and keeps the one it has if the new one is bad."""

from __future__ import annotations

from bot.embedding import FakeEmbedder
from bot.engine import Engine
from bot.indexing import build
from bot.store import POINTER


def test_a_rebuild_is_picked_up_without_a_restart(make_settings):
    settings = make_settings()
    build(settings, FakeEmbedder())
    engine = Engine(settings, FakeEmbedder())
    engine.warm()
    assert "barset.txt" not in engine.index.documents
    (settings.sources / "barset.txt").write_text("Barset Police keeps good records of stolen bicycles.")
    build(settings, FakeEmbedder())
    found = engine.search("stolen bicycles records")
    assert "barset.txt" in engine.index.documents
    assert found.hits and found.hits[0].chunk.source == "barset.txt"


def test_nothing_is_reloaded_while_the_index_is_unchanged(make_settings):
    settings = make_settings()
    build(settings, FakeEmbedder())
    engine = Engine(settings, FakeEmbedder())
    engine.warm()
    assert engine.refresh() is False


def test_a_damaged_new_index_leaves_the_loaded_one_in_use(make_settings):
    settings = make_settings()
    build(settings, FakeEmbedder())
    engine = Engine(settings, FakeEmbedder())
    engine.warm()
    loaded = engine.index
    broken = settings.index / "gen-broken"
    broken.mkdir()
    (settings.index / POINTER).write_text(broken.name, encoding="utf-8")
    assert engine.refresh() is False
    assert engine.index is loaded
    assert engine.search("investigation plans").hits, "still searching the loaded index"


def test_a_generation_that_failed_to_load_is_not_tried_again(make_settings, monkeypatch):
    settings = make_settings()
    build(settings, FakeEmbedder())
    engine = Engine(settings, FakeEmbedder())
    engine.warm()
    broken = settings.index / "gen-broken"
    broken.mkdir()
    (settings.index / POINTER).write_text(broken.name, encoding="utf-8")
    assert engine.refresh() is False
    tries = []
    monkeypatch.setattr("bot.store.load", lambda *a: tries.append(a))
    assert engine.refresh() is False and not tries
