"""Every wait the SDK makes (retry backoff, rate limits, reconciliation's settle time), in one
place, so that ``bandwidth.testing.recorded_waits()`` can record them instead of sleeping."""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Iterator

from . import _rate

__all__ = ["async_pause", "async_sleep", "pause", "recorded_waits", "sleep"]

_recorded: list[float] | None = None
"""While ``recorded_waits()`` is active: the waits the clients would make. Module-wide, not a
context variable, because bulk sends wait in worker threads too."""


@contextlib.contextmanager
def recorded_waits() -> Iterator[list[float]]:
    """Within the block, every client records the seconds it would wait (retry backoff, rate
    limiting, reconciliation's settle time) in the list it gives, and does not wait; the rate
    limiter's clock (and an enforcing stand-in's) stands still but for those waits::

        with recorded_waits() as waits:
            client.send_message(...)       # answered 429 once, then accepted
        assert waits == [2.0]
    """
    global _recorded
    waits: list[float] = []
    outer, _recorded = _recorded, waits
    if outer is None:
        _rate.freeze(True)  # the limiter's time moves only by the waits recorded
    try:
        yield waits
    finally:
        _recorded = outer
        if outer is None:
            _rate.freeze(False)


def sleep(seconds: float) -> None:
    if _recorded is not None:
        _recorded.append(seconds)
        _rate.skip(seconds)  # the limiter's time moves on as if it had been waited
    else:
        time.sleep(seconds)


async def async_sleep(seconds: float) -> None:
    if _recorded is not None:
        _recorded.append(seconds)
        _rate.skip(seconds)
        return
    import asyncio  # only async users pay for importing asyncio

    await asyncio.sleep(seconds)


def pause(seconds: float, stop: threading.Event | None) -> None:
    """Wait for the rate limits; a bulk send's ``stop`` (Ctrl-C) ends the wait at once."""
    if stop is None or _recorded is not None:
        sleep(seconds)
    else:
        stop.wait(seconds)


async def async_pause(seconds: float, stop: threading.Event | None) -> None:
    """``pause`` for the async client: a set ``stop`` ends the wait within a fifth of a
    second (a ``threading.Event`` cannot be awaited)."""
    end = _rate.clock() + seconds
    while True:
        left = end - _rate.clock()
        if left <= 0 or (stop is not None and stop.is_set()):
            return
        await async_sleep(left if stop is None else min(left, 0.2))
