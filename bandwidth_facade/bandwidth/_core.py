"""The Messaging API's logic, free of I/O: sync and async clients are thin shells around it.

Its calls are flows (see ``_exchange.py``, which builds, sends, retries and pages requests for
every API of the package). Where things happen:
- the public methods' flows are defined once, on ``Core`` (``_client.py`` writes out the
  methods, sync and async, and hands each flow to its driver);
- requests are built in ``Core.*_request`` by the generated client's operations, send bodies
  by its ``MessageRequest`` (in ``_validation.send_item``, after the checks);
- they are sent, and retried, in ``Exchange.call`` (policy and pacing in ``_retry.py``);
- answers are parsed in ``_parsing.py``, errors classified in ``_exceptions.py``;
- settings are checked in ``_config.py``, input in ``_validation.py``; bulk sends are planned,
  driven and accounted in ``_bulk.py``; messages in doubt are looked up in ``_reconcile.py``.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
from collections.abc import Callable, Mapping, Sequence
from typing import Any, Unpack

import httpx

from . import _validation
from ._config import Settings, check_count
from ._exceptions import (
    BandwidthMessageAPIException,
    InvalidValueError,
    RateLimitError,
    RateLimitTimeoutError,
)
from ._exchange import Exchange, Flow, Listing, TimeoutArg, reason
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
    SendMessageItemExtra,
    SendResult,
    SortOrder,
)

__all__ = ["Core"]

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
    ) -> Listing[Message]:
        """The listing of ``Client.list_messages`` (its contract is documented there)."""
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
        return Listing(self.list_request(filters, timeout), "messages", remaining)

    # -- flows the public methods are made of -----------------------------------------------

    def batch_flow(
        self, timeout: TimeoutArg
    ) -> Callable[[list[dict[str, object]]], Flow[list[SendResult]]]:
        """How a bulk send sends each of its requests (``_bulk``)."""
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
        sender = str(item[_validation.SENDER])
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
