"""When to try a request again, and how long to wait first.

A message cannot be recalled, so a send is repeated here only when the API certainly did not
see it: the connection failed before the request was written. A send refused for rate is
certainly not sent either; the rate limiter (``_rate.py``) decides when it goes again.
Reads and redaction are idempotent and are also retried on 5xx and on any connection failure.

A read refused for rate waits for the time the API gives (``X-RateLimit-Reset``, its
``rateLimitResetTime`` detail, or ``Retry-After``) and gets a budget of its own: the API
averages rates over 10 seconds, so a few quick retries would all be refused again.
"""

from __future__ import annotations

import random
import time
from typing import Final

from ._exceptions import (
    APIConnectionError,
    APIStatusError,
    BandwidthError,
    RateLimitError,
    is_rate_refusal,
)

__all__ = ["RetryPolicy", "parse_retry_after", "reset_after"]

RATE_RETRIES: Final = 5
"""Retries of a rate refusal (unless ``max_retries`` is 0 or more than this): with waits of
1, 2, 4, 8 and 8 seconds they outlast the API's 10-second averaging window twice over."""
INITIAL_DELAY: Final = 0.5
RATE_INITIAL_DELAY: Final = 1.0
MAX_DELAY: Final = 8.0
MAX_RETRY_AFTER: Final = 60.0
"""A ``Retry-After`` longer than this is cut to it rather than blocking the caller for hours."""


class RetryPolicy:
    __slots__ = ("max_retries",)

    def __init__(self, max_retries: int) -> None:
        self.max_retries = max_retries

    def delay_after(self, error: BandwidthError, attempt: int, *, is_send: bool) -> float | None:
        """Seconds to wait before attempt ``attempt + 1``, or ``None`` to give up with ``error``."""
        rate = isinstance(error, RateLimitError)
        if rate and is_send:
            return None  # the limiter's to pace: see ``Core.send_paced`` and ``BulkStream``
        budget = (
            max(self.max_retries, RATE_RETRIES) if rate and self.max_retries else self.max_retries
        )
        if attempt >= budget or not self.is_retryable(error, is_send=is_send):
            return None
        first = RATE_INITIAL_DELAY if rate else INITIAL_DELAY
        backoff = min(MAX_DELAY, first * 2.0**attempt)
        # Jitter spreads out clients that failed together, so they do not retry in step.
        delay = backoff * (0.75 + random.random() / 4)  # noqa: S311 - not cryptographic
        if isinstance(error, APIStatusError):
            told = reset_after(error) if rate else None
            if told is None:
                told = parse_retry_after(error.headers.get("Retry-After"))
            if told is not None:
                delay = told
        return delay

    @staticmethod
    def is_retryable(error: BandwidthError, *, is_send: bool) -> bool:
        if isinstance(error, APIConnectionError):
            return not (is_send and error.may_have_been_sent)
        if not isinstance(error, APIStatusError):
            return False  # a malformed answer, a refused redirect: repeating cannot help
        if is_rate_refusal(error.status_code, error.category, error.code):
            return True
        # An idempotent request is repeated after a server error, or a 409 "another update
        # is in progress" (redacting a message being updated).
        return not is_send and (error.status_code >= 500 or error.status_code == 409)


def reset_after(error: APIStatusError, now: float | None = None) -> float | None:
    """Seconds until the rate limit resets, from ``X-RateLimit-Reset`` or the body's
    ``rateLimitResetTime`` detail (a UNIX time in milliseconds), capped; ``None`` if absent."""
    value = error.headers.get("X-RateLimit-Reset")
    if not value:
        value = next(
            (
                d.get("value")
                for d in error.details
                if d.get("name") == "rate_limit_reset_time" or d.get("name") == "rateLimitResetTime"
            ),
            None,
        )
    try:
        reset = float(value) / 1000 if value else None
    except ValueError:
        return None
    if reset is None or reset != reset:
        return None
    seconds = reset - (time.time() if now is None else now)
    return float(min(max(seconds, 0.0), MAX_RETRY_AFTER))


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from ``Retry-After`` (seconds or an HTTP date), capped, or ``None``."""
    if not value:
        return None
    try:
        seconds = float(value)
    except ValueError:
        import email.utils  # rare: most gateways send seconds; keeps import bandwidth light

        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        seconds = when.timestamp() - (time.time() if now is None else now)
    if seconds != seconds:  # NaN
        return None
    return float(min(max(seconds, 0.0), MAX_RETRY_AFTER))
