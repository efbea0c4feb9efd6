"""What every route needs: the store hub, the guard, the runner and the read caches."""

from __future__ import annotations

import datetime as dt
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from tariffscope.serve._hub import StoreHub
from tariffscope.serve._limits import Runner
from tariffscope.serve._security import Guard

__all__ = ["Context", "SmallCache"]


class SmallCache:
    """A thread-safe least-recently-used cache of computed answers."""

    def __init__(self, size: int = 32) -> None:
        self._size = size
        self._items: OrderedDict[Any, Any] = OrderedDict()
        self._lock = threading.Lock()

    def get_or_make(self, key: Any, make: Callable[[], Any]) -> Any:
        """The cached value of ``key``, made (outside the lock) when missing."""
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                return self._items[key]
        value = make()
        with self._lock:
            self._items[key] = value
            while len(self._items) > self._size:
                self._items.popitem(last=False)
        return value


@dataclass
class Context:
    """The state of one running service."""

    hub: StoreHub
    guard: Guard
    runner: Runner
    today: Callable[[], dt.date] = dt.date.today
    reads: SmallCache = field(default_factory=lambda: SmallCache(64))
    heavy: SmallCache = field(default_factory=lambda: SmallCache(16))
