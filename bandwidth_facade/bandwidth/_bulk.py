"""Bulk sends as a stream: items in, 50 to a request; one result per item out, as requests end.

``BulkStream`` holds everything the sync and async clients share: reading the input lazily,
checking each item, cutting requests, stopping the rest after an error that refuses them all,
and telling a ``Recorder`` (a journal) about each request before it is sent and after it ends.
The clients only perform the requests, so memory is bounded by the requests in flight, not by
the input.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections.abc import Callable, Iterable
from itertools import islice
from typing import TYPE_CHECKING, Final, Protocol, TypeAlias

from bandwidth_messaging_api.typed_dicts import SEND_BULK_MAX_ITEMS

from ._exceptions import (
    APIConnectionError,
    APIError,
    AuthenticationError,
    BandwidthError,
    BandwidthMessageAPIException,
    ForbiddenError,
    MalformedResponseError,
)
from ._types import Error, SendResult
from ._validation import send_item

if TYPE_CHECKING:
    from ._core import Flow

__all__ = ["MAX_BULK", "Batch", "BulkStream", "Progress", "Recorder", "error_detail", "utc_now"]

MAX_BULK: Final = SEND_BULK_MAX_ITEMS
"""The API refuses a bulk request of more items than this (``multi-message-limit``)."""

Progress: TypeAlias = Callable[[int, int], object]
"""Called with (items done, items total) after each request of a bulk send."""


def utc_now() -> str:
    """The current time as the API writes times, to the millisecond."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Batch:
    """The items of one request, with the keys that identify them to the caller."""

    __slots__ = ("items", "keys", "sent_at")

    def __init__(self) -> None:
        self.keys: list[int] = []
        self.items: list[dict[str, object]] = []
        self.sent_at: str = ""


class Recorder(Protocol):
    """What a durable record of a bulk send is told (``bandwidth.Journal`` is one).

    ``sending`` is called before the batch's request is sent and must have made its record
    durable when it returns; ``finished`` is called with each batch's results before they
    are handed to the caller. Either may be called from a worker thread, never concurrently.
    """

    def sending(self, batch: Batch) -> None: ...

    def finished(self, results: list[SendResult]) -> None: ...


def error_detail(error: BandwidthError) -> Error:
    """The ``error`` of an item whose request failed as a whole."""
    if isinstance(error, BandwidthMessageAPIException):
        detail = Error(code=error.code, message=error.message, details=error.details)
        if error.category is not None:
            detail["category"] = error.category
        return detail
    # Not the API's refusal: the connection failed, the answer made no sense, or the SDK's own
    # checks refused the item.
    if isinstance(error, APIConnectionError):
        category = "connection"
    elif isinstance(error, MalformedResponseError):
        category = "malformed-response"
    else:
        category = "bad-request"
    return Error(category=category, code=type(error).__name__, message=str(error))


def _stops_the_rest(error: BandwidthError) -> bool:
    """Whether ``error`` would refuse every later request too (bad credentials, no credit)."""
    return isinstance(error, AuthenticationError) or (
        isinstance(error, ForbiddenError) and error.category == "credit"
    )


class BulkStream:
    """One streaming bulk send: the input, cut into requests, and the accounting of results.

    ``pairs`` yields ``(key, item)``; each result carries its item's key as ``index``.
    Setting ``stop`` (from a signal handler, another thread) ends the send gracefully. With
    ``check=True`` each item is checked as it is read: an invalid one is never sent and gets
    an error result (``may_have_been_sent`` ``False``) while the others go on.
    """

    def __init__(
        self,
        pairs: Iterable[tuple[int, object]],
        make_flow: Callable[[list[dict[str, object]]], Flow[list[SendResult]]],
        *,
        check: bool = True,
        recorder: Recorder | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self._pairs = iter(pairs)
        self._stop = stop
        self._make_flow = make_flow
        self._check = check
        self._recorder = recorder
        self._invalid: list[SendResult] = []
        self._lock = threading.Lock()
        self.stopped_by: BandwidthError | None = None

    def next_batch(self) -> Batch | None:
        """The next request's items, or ``None`` when the input is used up. Items found
        invalid on the way wait in ``take_invalid()``. Once ``stop`` is set, the input is
        treated as used up: the requests in flight end, and no new one starts."""
        if self._stop is not None and self._stop.is_set():
            return None
        batch = Batch()
        if not self._check:  # items checked before: a request's worth in one go
            chunk = list(islice(self._pairs, MAX_BULK))
            if not chunk:
                return None
            batch.keys = [key for key, _ in chunk]
            batch.items = [item for _, item in chunk]  # type: ignore[misc]  # given checked
            return batch
        while len(batch.items) < MAX_BULK:
            chunk = list(islice(self._pairs, MAX_BULK - len(batch.items)))
            if not chunk:
                break
            for key, raw in chunk:
                try:
                    item = send_item(raw, key)
                except BandwidthError as error:
                    self._invalid.append(self._failed_one(key, raw, error, attempted=False))
                    continue
                batch.keys.append(key)
                batch.items.append(item)
        return batch if batch.items else None

    @property
    def records(self) -> bool:
        """Whether results are recorded (durably: an async client does it off its loop)."""
        return self._recorder is not None

    def take_invalid(self) -> list[SendResult]:
        """Results of the items found invalid since the last call, not yet recorded: the
        caller passes them to ``record``."""
        results, self._invalid = self._invalid, []
        return results

    def start(self, batch: Batch) -> Flow[list[SendResult]] | None:
        """The flow sending ``batch``, its record made first; ``None`` when an earlier error
        refuses it anyway (then ``refused`` gives its results)."""
        if self.stopped_by is not None:
            return None
        batch.sent_at = utc_now()
        if self._recorder is not None:
            with self._lock:
                self._recorder.sending(batch)
        return self._make_flow(batch.items)

    def succeeded(self, batch: Batch, results: list[SendResult]) -> list[SendResult]:
        for key, result in zip(batch.keys, results, strict=True):
            result["index"] = key
            result["sent_at"] = batch.sent_at
        return self.record(results)

    def failed(self, batch: Batch, error: BandwidthError) -> list[SendResult]:
        if _stops_the_rest(error):
            self.stopped_by = error
        return self.record(
            [
                self._failed_one(key, item, error, attempted=True, sent_at=batch.sent_at)
                for key, item in zip(batch.keys, batch.items, strict=True)
            ]
        )

    def refused(self, batch: Batch) -> list[SendResult]:
        """Results of a batch not sent because an earlier error refuses every request."""
        assert self.stopped_by is not None
        error = self.stopped_by
        return self.record(
            [
                self._failed_one(key, item, error, attempted=False)
                for key, item in zip(batch.keys, batch.items, strict=True)
            ]
        )

    @staticmethod
    def _failed_one(
        key: int, item: object, error: BandwidthError, *, attempted: bool, sent_at: str = ""
    ) -> SendResult:
        in_doubt = attempted and isinstance(error, APIError) and error.may_have_been_sent
        result = SendResult(
            result="error",
            error=error_detail(error),
            message=item,  # type: ignore[typeddict-item]  # as given, even when invalid
            may_have_been_sent=in_doubt,
            exception=error,
            index=key,
        )
        if sent_at:
            result["sent_at"] = sent_at
        return result

    def record(self, results: list[SendResult]) -> list[SendResult]:
        if self._recorder is not None:
            with self._lock:
                self._recorder.finished(results)
        return results
