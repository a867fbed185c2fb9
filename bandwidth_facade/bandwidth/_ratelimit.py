"""Client-side rate limiting of sends, shared by every thread or task using one client."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

from ._exceptions import InvalidTypeError, InvalidValueError

__all__ = ["RateLimiter"]


def _now() -> float:
    """The limiter's clock (a module function, so tests can freeze it)."""
    return time.monotonic()


class RateLimiter:
    """Spaces sends so that, over time, no more than ``per_second`` messages go out.

    ``reserve(n)`` books ``n`` messages and says how long to wait before sending them; it never
    blocks, so the same limiter serves threads (which then ``time.sleep``) and asyncio tasks
    (which ``await asyncio.sleep``). A request of ``n`` messages pushes the next free slot
    ``n / per_second`` seconds on, so a bulk request counts as its number of messages.
    """

    def __init__(self, per_second: float, clock: Callable[[], float] | None = None) -> None:
        if isinstance(per_second, bool) or not isinstance(per_second, int | float):
            raise InvalidTypeError(
                f"max_messages_per_second must be a number, not {type(per_second).__name__}"
            )
        if not per_second > 0:
            raise InvalidValueError(
                f"max_messages_per_second must be more than 0, not {per_second}"
            )
        self.per_second = float(per_second)
        self._clock = clock if clock is not None else _now
        self._lock = threading.Lock()
        self._next_free = 0.0

    def reserve(self, messages: int = 1) -> float:
        """Book ``messages`` sends; return the seconds to wait before making them."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next_free)
            self._next_free = start + messages / self.per_second
            return start - now
