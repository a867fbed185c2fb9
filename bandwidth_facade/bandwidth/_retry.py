"""When to try a request again, and how long to wait first.

A message cannot be recalled, so a send is repeated only when the API certainly did not accept
it: the connection failed before the request was written, or the answer was a rate refusal.
Reads and redaction are idempotent and are also retried on 5xx and on any connection failure.
"""

from __future__ import annotations

import random
import time
from typing import Final

from ._errors import is_rate_refusal
from ._exceptions import (
    APIConnectionError,
    BandwidthError,
    BandwidthMessageAPIException,
    InvalidTypeError,
    InvalidValueError,
    MalformedResponseError,
)

__all__ = ["RetryPolicy"]

DEFAULT_MAX_RETRIES: Final = 2
INITIAL_DELAY: Final = 0.5
MAX_DELAY: Final = 8.0
MAX_RETRY_AFTER: Final = 60.0
"""A ``Retry-After`` longer than this is cut to it rather than blocking the caller for hours."""


class RetryPolicy:
    __slots__ = ("max_retries",)

    def __init__(self, max_retries: int = DEFAULT_MAX_RETRIES) -> None:
        self.max_retries = max_retries

    @classmethod
    def create(cls, max_retries: object) -> RetryPolicy:
        if isinstance(max_retries, bool) or not isinstance(max_retries, int):
            raise InvalidTypeError(f"max_retries must be an int, not {type(max_retries).__name__}")
        if max_retries < 0:
            raise InvalidValueError(f"max_retries must be 0 or more, not {max_retries}")
        return cls(max_retries)

    def delay_after(self, error: BandwidthError, attempt: int, *, is_send: bool) -> float | None:
        """Seconds to wait before attempt ``attempt + 1``, or ``None`` to give up with ``error``."""
        if attempt >= self.max_retries or not self.is_retryable(error, is_send=is_send):
            return None
        backoff = min(MAX_DELAY, INITIAL_DELAY * 2.0**attempt)
        # Jitter spreads out clients that failed together, so they do not retry in step.
        delay = backoff * (0.75 + random.random() / 4)  # noqa: S311 - not cryptographic
        if isinstance(error, BandwidthMessageAPIException):
            retry_after = parse_retry_after(error.headers.get("Retry-After"))
            if retry_after is not None:
                delay = retry_after
        return delay

    @staticmethod
    def is_retryable(error: BandwidthError, *, is_send: bool) -> bool:
        if isinstance(error, APIConnectionError):
            return not (is_send and error.may_have_been_sent)
        if isinstance(error, MalformedResponseError) or not isinstance(
            error, BandwidthMessageAPIException
        ):
            return False
        if is_rate_refusal(error.status_code, error.category, error.code):
            return True
        return not is_send and error.status_code >= 500


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
