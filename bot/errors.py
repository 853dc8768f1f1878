"""Errors the user sees: each says what is wrong and what to do, in one line."""

from __future__ import annotations


class BotError(Exception):
    """Base of every error shown to a user as one line."""


class SkipDocument(BotError):
    """A source file cannot be indexed; the build skips it with this reason."""


class IndexMissing(BotError):
    """No index where one was expected."""


class IndexMismatch(BotError):
    """The index on disk was built with other settings or another model."""


class IndexCorrupt(BotError):
    """The index on disk cannot be read."""


class ModelError(BotError):
    """The embedding model cannot be loaded or verified."""


class BadQuestion(BotError):
    """A question that cannot be answered as given (empty, unreadable)."""


class SourceNotFound(BotError):
    """A document named by the user is not in the index."""
