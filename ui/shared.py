"""Objects made once per process and shared by every session, looked up cheaply on every page run."""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Generic, TypeVar

T = TypeVar("T")


class Shared(Generic[T]):
    """A function's results kept per key for the life of the process; a failure is not kept (retried).

    Where st.cache_resource inspects the function's signature and hashes its arguments on each call, a
    lookup here is one dictionary read: it runs on every page run of every session.
    """

    def __init__(self, make: Callable[..., T], keep: int = 8) -> None:
        self._make, self._keep = make, keep
        self._made: dict[Hashable, T] = {}
        self._lock = threading.Lock()
        self.__doc__, self.__name__ = make.__doc__, make.__name__

    def __call__(self, key: Hashable, *args: object) -> T:
        """The result for key, made from args by the first caller (the others wait for it)."""
        try:
            return self._made[key]
        except KeyError:
            pass
        with self._lock:
            if key not in self._made:
                made = self._make(key, *args)
                while len(self._made) >= self._keep:  # the oldest key (an earlier index generation) goes
                    self._made.pop(next(iter(self._made)))
                self._made[key] = made
            return self._made[key]

    def __contains__(self, key: Hashable) -> bool:
        return key in self._made

    def clear(self) -> None:
        """Forget every result (a rebuilt index, or a test's fresh start)."""
        with self._lock:
            self._made.clear()
