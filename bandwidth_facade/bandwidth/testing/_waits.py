"""Retries and rate limits that do not make tests wait."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

from .. import _client, _rate

__all__ = ["recorded_waits"]


@contextlib.contextmanager
def recorded_waits() -> Iterator[list[float]]:
    """Within the block, every client records the seconds it would wait (retry backoff, rate
    limiting, reconciliation's settle time) in the list it gives, and does not wait; the rate
    limiter's clock (and an enforcing stand-in's) stands still but for those waits::

        with recorded_waits() as waits:
            client.send_message(...)       # answered 429 once, then accepted
        assert waits == [2.0]
    """
    waits: list[float] = []
    outer = _client.recorded_waits
    _client.recorded_waits = waits
    if outer is None:
        _rate.freeze(True)  # the limiter's time moves only by the waits recorded
    try:
        yield waits
    finally:
        _client.recorded_waits = outer
        if outer is None:
            _rate.freeze(False)
