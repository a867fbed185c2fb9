"""Splitting a bulk send into requests the API accepts, and accounting for each item."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, TypeAlias

from ._exceptions import (
    APIConnectionError,
    AuthenticationError,
    BandwidthError,
    BandwidthMessageAPIException,
    ForbiddenError,
)
from ._types import Error, SendMessageItem, SendResult

if TYPE_CHECKING:
    from ._core import Flow

__all__ = ["MAX_BULK", "BulkRun", "Progress", "chunks", "failed_results", "stops_the_rest"]

MAX_BULK = 50
"""The API refuses a bulk request of more items than this (``multi-message-limit``)."""

Progress: TypeAlias = Callable[[int, int], object]
"""Called with (items done, items total) after each request of a bulk send."""


def chunks(items: list[dict[str, object]]) -> Iterator[list[dict[str, object]]]:
    for start in range(0, len(items), MAX_BULK):
        yield items[start : start + MAX_BULK]


def stops_the_rest(error: BandwidthError) -> bool:
    """Whether ``error`` would refuse every later request too (bad credentials, no credit)."""
    return isinstance(error, AuthenticationError) or (
        isinstance(error, ForbiddenError) and error.category == "credit"
    )


def failed_results(
    items: list[dict[str, object]], error: BandwidthError, *, attempted: bool = True
) -> list[SendResult]:
    """One error result per item of a request that failed as a whole.

    ``attempted=False`` marks items never sent because an earlier request's error made it
    pointless; they certainly did not go out.
    """
    if isinstance(error, BandwidthMessageAPIException):
        detail = Error(code=error.code, message=error.message, details=error.details)
        if error.category is not None:
            detail["category"] = error.category
    else:
        detail = Error(category="connection", code=type(error).__name__, message=str(error))
    in_doubt = (
        attempted
        and isinstance(error, APIConnectionError | BandwidthMessageAPIException)
        and error.may_have_been_sent
    )
    return [
        SendResult(
            result="error",
            error=detail,
            message=_as_item(item),
            may_have_been_sent=in_doubt,
            exception=error,
        )
        for item in items
    ]


def _as_item(item: dict[str, object]) -> SendMessageItem:
    return item  # type: ignore[return-value]  # checked against the spec by _validation


class BulkRun:
    """One ``send_messages`` call: its requests and the bookkeeping of their results.

    Shared by the sync and async clients, which only drive the requests' flows. Requests may
    finish in any order (threads or tasks send them concurrently); results are kept by request
    index, so the caller gets one result per item in the input order.
    """

    def __init__(
        self,
        items: list[dict[str, object]],
        on_progress: Progress | None,
        concurrency: int | None,
        make_flow: Callable[[list[dict[str, object]]], Flow[list[SendResult]]],
    ) -> None:
        self.batches = list(chunks(items))
        self.concurrency = concurrency
        self._make_flow = make_flow
        self._results: list[list[SendResult]] = [[] for _ in self.batches]
        self._on_progress = on_progress
        self._done = 0
        self._total = len(items)
        self._lock = threading.Lock()
        self.stopped_by: BandwidthError | None = None

    def flow(self, index: int) -> Flow[list[SendResult]] | None:
        """The flow sending request ``index``, or ``None`` when an earlier error made it
        pointless (its items are then accounted as not sent)."""
        stopped_by = self.stopped_by
        if stopped_by is None:
            return self._make_flow(self.batches[index])
        self._record(index, failed_results(self.batches[index], stopped_by, attempted=False))
        return None

    def succeeded(self, index: int, results: list[SendResult]) -> None:
        self._record(index, results)

    def failed(self, index: int, error: BandwidthError) -> None:
        if stops_the_rest(error):
            self.stopped_by = error
        self._record(index, failed_results(self.batches[index], error))

    def results(self) -> list[SendResult]:
        return [result for batch in self._results for result in batch]

    def _record(self, index: int, results: list[SendResult]) -> None:
        with self._lock:  # progress is reported in order of completion, one call at a time
            self._results[index] = results
            self._done += len(results)
            if self._on_progress is not None:
                self._on_progress(self._done, self._total)
