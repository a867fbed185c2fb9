"""The Messaging API's logic, free of I/O: sync and async clients are thin shells around it.

Its calls are flows (see ``_exchange.py``, which builds, sends, retries and pages requests for
every API of the package). Where things happen:
- the public methods' flows are defined once, on ``Core`` (``_client.py`` writes out the
  methods, sync and async, and hands each flow to its driver);
- requests are built in ``Core.*_request`` by the generated client's operations, send bodies
  by its ``MessageRequest`` (in ``_validation.send_item``, after the checks);
- they are sent, and retried, in ``Exchange.call`` (policy and pacing in ``_retry.py``);
- answers are parsed in ``_parsing.py``, errors classified in ``_exceptions.py``;
- settings are checked in ``_config.py``, input in ``_validation.py``, bulk sends split and
  accounted in ``_bulk.py``; messages in doubt are looked up as ``_reconcile.py`` says.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import threading
import time
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any, NamedTuple, TypeVar, Unpack, cast

import httpx

from . import _reconcile, _validation
from ._bulk import SENDER, BulkStream, Progress, Recorder
from ._config import Settings, check_count, check_seconds
from ._exceptions import (
    BandwidthMessageAPIException,
    InvalidTypeError,
    InvalidValueError,
    RateLimitError,
    RateLimitTimeoutError,
    ReconcileError,
)
from ._exchange import Exchange, Flow, Pages, TimeoutArg, reason
from ._parsing import (
    parse_bulk,
    parse_created,
    parse_message,
    parse_nothing,
)
from ._rate import RateLimiter, Step, clock, open_store
from ._types import (
    CallbackHttpMethod,
    Message,
    MessageDeliveryState,
    MessageDirection,
    MessageState,
    ReceiptRequested,
    SendMessageItem,
    SendMessageItemExtra,
    SendResult,
    SortOrder,
)

__all__ = ["BulkPlan", "Core", "Flow", "Pages", "TimeoutArg"]

T = TypeVar("T")
log = logging.getLogger("bandwidth")


class Core(Exchange):
    """The Messaging API's flows, shared by ``Client`` and ``AsyncClient``."""

    def __init__(self, settings: Settings) -> None:
        super().__init__(settings, BandwidthMessageAPIException)
        # One budget per account and endpoint, shared through the store with every client,
        # process and machine that uses the same store.
        scope = f"{self.base_url.host}:{self.base_url.port or ''}/{self.credentials.user_id}"
        self.limiter = RateLimiter(settings.rate, open_store(settings.rate.url, scope))
        # The spec's operations, loaded with the first client made, not at `import bandwidth`.
        from bandwidth_messaging_api import operations

        self._get_operation = operations.GET_MESSAGE
        self._redact_operation = operations.REDACT_MESSAGE
        self._list_operation = operations.LIST_MESSAGES
        # Every send and every first page go to the same URL: prepared once.
        self._send = self.prepared(operations.SEND_MESSAGES)
        self._list = self.prepared(operations.LIST_MESSAGES)

    # -- building requests ------------------------------------------------------------------

    def close(self) -> None:
        """Close the rate limiter's store."""
        self.limiter.close()

    def send_request(
        self, items: list[dict[str, object]] | dict[str, object], timeout: TimeoutArg
    ) -> httpx.Request:
        # Each item is the generated MessageRequest's own serialization (``send_item``); sent
        # to where the generated operation sends, with no second pass over a thousand items.
        return self._request(self._send, timeout, json=items)

    def get_request(self, message_id: object, timeout: TimeoutArg) -> httpx.Request:
        return self.request(self._get_operation, timeout, path={"message_id": message_id})

    def redact_request(self, message_id: object, timeout: TimeoutArg) -> httpx.Request:
        path = {"message_id": message_id}
        return self.request(self._redact_operation, timeout, path=path, body={"text": ""})

    def list_request(self, filters: Mapping[str, object], timeout: TimeoutArg) -> httpx.Request:
        """``filters`` maps the listMessages operation's keyword names to values (``None``:
        unset); each value goes under its wire name, checked against the spec's rule for it."""
        # Any: the values are checked against the spec's rules once the query is written.
        given: dict[str, Any] = {
            name: _validation.list_date(name, value)
            for name, value in filters.items()
            if value is not None
        }
        listing = self._list_operation
        query = {listing.query[name]: value for name, value in given.items()}
        for name in given:
            wire = listing.query[name]
            try:
                _validation.check_value(name, query[wire], listing.query_rules[wire])
            except InvalidValueError:
                if not name.endswith("date_time"):
                    raise
                raise InvalidValueError(
                    f"{name} must be a datetime or the API's 'yyyy-MM-dd hh:mm:ss.sss' (UTC; "
                    f"trailing parts may be left out), not {given[name]!r}"
                ) from None
        return self._request(self._list, timeout, params=query)

    # -- the public methods' flows ------------------------------------------------------------
    # ``Client`` and ``AsyncClient`` write out each public method, with its documentation, and
    # hand its flow from here to their driver.

    def send_message(
        self,
        from_: str,
        to: str,
        text: str | None = None,
        media: str | Sequence[str] | None = None,
        receipt_requested: ReceiptRequested | None = None,
        callback_url: str | None = None,
        callback_http_method: CallbackHttpMethod | None = None,
        callback_timeout: int | None = None,
        fallback_url: str | None = None,
        tag: str | None = None,
        *,
        timeout: TimeoutArg = None,
        **more: Unpack[SendMessageItemExtra],
    ) -> Flow[str]:
        """The flow of ``Client.send_message`` (its contract is documented there)."""
        # The generated model's attribute names: its serialization gives the wire's.
        fields = {
            "from_": from_,
            "to": to,
            "text": text,
            "media": media,
            "receipt_requested": receipt_requested,
            "callback_url": callback_url,
            "callback_http_method": callback_http_method,
            "callback_timeout": callback_timeout,
            "fallback_url": fallback_url,
            "tag": tag,
            **more,
        }
        item = _validation.send_item(fields, "send_message")
        return self.send_paced(item, timeout)

    def send_messages(
        self,
        items: Iterable[SendMessageItem],
        *,
        timeout: TimeoutArg = None,
        on_progress: Progress | None = None,
        concurrency: int | None = None,
    ) -> BulkPlan:
        """The flow of ``Client.send_messages`` (its contract is documented there)."""
        checked = check_send_items(items)
        stream = BulkStream(
            enumerate(checked), self._batch_flow(timeout), self.limiter, check=False
        )
        return BulkPlan(stream, _workers(concurrency), len(checked), on_progress)

    def iter_send_messages(
        self,
        items: Iterable[SendMessageItem],
        *,
        timeout: TimeoutArg = None,
        concurrency: int | None = None,
    ) -> BulkPlan:
        """The flow of ``Client.iter_send_messages`` (its contract is documented there)."""
        return self.stream_plan(enumerate(_iterable(items)), timeout, concurrency)

    def find_sent(
        self,
        message: SendMessageItem,
        *,
        since: dt.datetime,
        exclude: Collection[str] = (),
        timeout: TimeoutArg = None,
    ) -> Flow[Message | None]:
        """The flow of ``Client.find_sent`` (its contract is documented there)."""
        item = _validation.send_item(message, "find_sent")
        if not isinstance(since, dt.datetime):
            raise InvalidTypeError(
                f"find_sent: since must be a datetime, not {type(since).__name__}"
            )
        request: httpx.Request | None = self.list_request(
            _reconcile.lookup_filters(item["from"], item["to"], since), timeout
        )
        unsure = False
        seen: set[str] = set()
        while request is not None:
            page, request = yield from self.page(request, seen, "messages")
            for listed in page:
                verdict = _reconcile.matches(listed, item)  # checks the recipient too
                if verdict and listed.get("id") not in exclude:
                    return cast(Message, listed)
                unsure = unsure or verdict is None
        if unsure:
            raise ReconcileError(
                f"a message from {item['from']} to {item['to']} since {since:%Y-%m-%d %H:%M} "
                "has had its text removed: it may be this one"
            )
        return None

    def reconcile(
        self,
        results: list[SendResult],
        *,
        exclude: Collection[str] = (),
        settle: float = _reconcile.DEFAULT_SETTLE,
        timeout: TimeoutArg = None,
    ) -> Flow[list[SendResult]]:
        """The flow of ``Client.reconcile`` (its contract is documented there)."""
        started = time.monotonic()
        settle = check_seconds("settle", settle)
        claimed = set(exclude) | {r["id"] for r in results if "id" in r}
        doubtful = [
            r
            for r in results
            if r["result"] != "accepted" and r.get("may_have_been_sent") and "sent_at" in r
        ]
        for last_look in (False, True):
            missing: list[SendResult] = []
            for group in _reconcile.by_sender(doubtful):
                missing += yield from self._look_up(group, claimed, timeout)
            if not missing:
                break
            if last_look:
                for result in missing:
                    _reconcile.absent(result, settle)
            else:
                wait = settle - (time.monotonic() - started)
                if wait > 0:
                    yield wait
                doubtful = missing
        return results

    def _look_up(
        self, group: list[SendResult], claimed: set[str], timeout: TimeoutArg
    ) -> Flow[list[SendResult]]:
        """Look up results in doubt sent from one number, with one listing: what was sent to
        that number (the only one, when the group is one) since the earliest of them. Marks
        the ones found; returns the ones certainly not listed."""
        first = group[0]["message"]
        since = min(_reconcile.parse_time(r["sent_at"]) for r in group)
        to = first["to"] if len(group) == 1 else None
        try:
            filters = _reconcile.lookup_filters(first["from"], to, since)
        except ReconcileError as error:
            log.warning("cannot reconcile %d item(s): %s", len(group), error)
            return []
        waiting: dict[str, list[SendResult]] = {}
        for result in group:
            waiting.setdefault(str(result["message"]["to"]), []).append(result)
        unsure: set[int] = set()
        request: httpx.Request | None = self.list_request(filters, timeout)
        seen: set[str] = set()
        while request is not None and waiting:
            page, request = yield from self.page(request, seen, "messages")
            for listed in page:
                candidates = waiting.get(str(listed.get("to")))
                if not candidates or listed.get("id") in claimed:
                    continue
                for result in candidates:
                    verdict = _reconcile.matches(listed, cast(dict[str, object], result["message"]))
                    if verdict:
                        _reconcile.found(result, listed)
                        claimed.add(listed["id"])
                        candidates.remove(result)
                        if not candidates:  # so that paging stops once every one is found
                            del waiting[str(listed.get("to"))]
                        break
                    if verdict is None:
                        unsure.add(id(result))
        left = [r for candidates in waiting.values() for r in candidates]
        for result in left:
            if id(result) in unsure:
                log.warning(
                    "cannot reconcile item %s: a candidate's text was removed", result["index"]
                )
        return [r for r in left if id(r) not in unsure]

    def get_message(self, message_id: str, *, timeout: TimeoutArg = None) -> Flow[Message]:
        """The flow of ``Client.get_message`` (its contract is documented there)."""
        return self.call(self.get_request(message_id, timeout), parse_message)

    def redact_message(self, message_id: str, *, timeout: TimeoutArg = None) -> Flow[None]:
        """The flow of ``Client.redact_message`` (its contract is documented there)."""
        return self.call(self.redact_request(message_id, timeout), parse_nothing)

    def list_messages(
        self,
        from_: str | None = None,
        to: str | None = None,
        from_date_time: str | dt.date | None = None,
        to_date_time: str | dt.date | None = None,
        direction: MessageDirection | None = None,
        state: MessageState | None = None,
        delivery_state: MessageDeliveryState | None = None,
        sort_order: SortOrder = "desc",
        size: int | None = None,
        *,
        limit: int | None = None,
        timeout: TimeoutArg = None,
    ) -> Pages[Message]:
        """The flow of ``Client.list_messages`` (its contract is documented there)."""
        filters = {
            "from_": from_,
            "to": to,
            "from_date_time": from_date_time,
            "to_date_time": to_date_time,
            "direction": direction,
            "state": state,
            "delivery_state": delivery_state,
            "sort_order": sort_order,
            "size": size,
        }
        remaining = None if limit is None else check_count("limit", limit, minimum=0)
        return self.pages(self.list_request(filters, timeout), "messages", remaining)

    # -- flows the public methods are made of -----------------------------------------------

    def stream_plan(
        self,
        pairs: Iterable[tuple[int, object]],
        timeout: TimeoutArg,
        concurrency: int | None,
        recorder: Recorder | None = None,
        stop: threading.Event | None = None,
    ) -> BulkPlan:
        """A streaming send of ``pairs`` (``iter_send_messages``; a ``Journal``'s, recorded)."""
        stream = BulkStream(
            pairs, self._batch_flow(timeout), self.limiter, recorder=recorder, stop=stop
        )
        return BulkPlan(stream, _workers(concurrency))

    def _batch_flow(
        self, timeout: TimeoutArg
    ) -> Callable[[list[dict[str, object]]], Flow[list[SendResult]]]:
        return lambda batch: self.send_batch(batch, timeout)

    def send_batch(
        self, items: list[dict[str, object]], timeout: TimeoutArg
    ) -> Flow[list[SendResult]]:
        """Send at most ``MAX_BULK`` checked items, booked with the limiter, in one request."""
        request = self.send_request(items, timeout)
        return self.call(request, lambda response: parse_bulk(response, items))

    def send_paced(self, item: dict[str, object], timeout: TimeoutArg) -> Flow[str]:
        """Send one checked message when the limiter lets it go; sent again after each
        refusal for rate, until ``max_rate_wait`` seconds after the call began. Then the last
        refusal is raised (``may_have_been_sent`` ``False``), or ``RateLimitTimeoutError``
        if the limits held it back without the API refusing it."""
        request = self.send_request(item, timeout)
        limiter = self.limiter
        sender = str(item[SENDER])
        remote = limiter.store.remote
        deadline = clock() + limiter.settings.max_rate_wait
        refusal: RateLimitError | None = None
        while True:
            wait = yield Step(functools.partial(limiter.take_one, sender), remote)
            assert isinstance(wait, float)
            if wait > 0:
                if clock() + wait > deadline:
                    if refusal is not None:
                        raise refusal
                    raise RateLimitTimeoutError(
                        f"the message from {sender} was not sent: the account's rate limits "
                        f"held it back for max_rate_wait ({limiter.settings.max_rate_wait:g} s)"
                    )
                yield wait
                continue
            try:
                return (yield from self.call(request, parse_created))
            except RateLimitError as error:
                refusal = error
                yield Step(functools.partial(limiter.refused_by, sender, error), remote)
                log.info(
                    "%s %s refused for rate (%s); sent again when the limits allow",
                    request.method,
                    request.url.path,
                    reason(error),
                )


class BulkPlan(NamedTuple):
    """A bulk send not yet started: its stream, and how the client is to drive it."""

    stream: BulkStream
    concurrency: int | None
    total: int = 0
    on_progress: Progress | None = None


def _workers(concurrency: int | None) -> int | None:
    return None if concurrency is None else check_count("concurrency", concurrency)


def _iterable(items: Iterable[object]) -> Iterable[object]:
    if isinstance(items, Mapping | str | bytes):
        raise InvalidTypeError(f"send_messages takes a list of dicts, not a {type(items).__name__}")
    try:
        return iter(items)
    except TypeError:
        raise InvalidTypeError(
            f"send_messages takes a list of dicts, not {type(items).__name__}"
        ) from None


def check_send_items(items: Iterable[object]) -> list[dict[str, object]]:
    """Check every bulk item before any is sent; errors name the item's index."""
    send_item = _validation.send_item
    return [send_item(item, index) for index, item in enumerate(_iterable(items))]
