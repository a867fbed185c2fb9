"""``Client`` and ``AsyncClient``: thin shells that perform the I/O steps of ``_core``'s flows."""

from __future__ import annotations

import datetime as dt
import os
import time
from collections.abc import AsyncIterator, Iterable, Iterator, Mapping, Sequence
from types import TracebackType
from typing import Generic, Self, TypeVar

import httpx

from ._bulk import BulkRun, Progress
from ._core import (
    DEFAULT_ENDPOINT,
    DEFAULT_TIMEOUT,
    Core,
    Flow,
    Sleep,
    TimeoutArg,
    check_send_items,
)
from ._exceptions import BandwidthError, InvalidTypeError, InvalidValueError
from ._types import (
    CallbackHttpMethod,
    Message,
    MessageDeliveryState,
    MessageDirection,
    MessageState,
    ReceiptRequested,
    SendMessageItem,
    SendResult,
    SortOrder,
)

__all__ = ["AsyncClient", "Client"]

T = TypeVar("T")
HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)

# Indirections so tests can replace waiting without patching the time module for everyone.
_sleep = time.sleep


async def _async_sleep(seconds: float) -> None:
    import asyncio  # only async users pay for importing asyncio

    await asyncio.sleep(seconds)


DEFAULT_CONCURRENCY = 4
"""Bulk requests the async client keeps in flight at once."""

_ENV = {
    "user_id": "BANDWIDTH_USER_ID",
    "api_token": "BANDWIDTH_API_TOKEN",
    "api_secret": "BANDWIDTH_API_SECRET",
}


def _from_env(name: str, given: str | None) -> str | None:
    return given if given is not None else os.environ.get(_ENV[name]) or None


def _message_fields(
    from_: str,
    to: str,
    text: str | None,
    media: Sequence[str] | None,
    receipt_requested: str | None,
    callback_url: str | None,
    callback_http_method: str | None,
    callback_timeout: int | None,
    fallback_url: str | None,
    tag: str | None,
) -> dict[str, object]:
    if isinstance(media, str):
        raise InvalidTypeError("send_message: 'media' must be a list of URLs, not a str")
    return {
        "from": from_,
        "to": to,
        "text": text,
        "media": media,
        "receiptRequested": receipt_requested,
        "callbackUrl": callback_url,
        "callbackHttpMethod": callback_http_method,
        "callbackTimeout": callback_timeout,
        "fallbackUrl": fallback_url,
        "tag": tag,
    }


class _Shell(Generic[HttpT]):
    """What both clients share: options, credentials, the HTTP client's lifetime."""

    _http: HttpT

    def __init__(
        self,
        user_id: str | None = None,
        api_token: str | None = None,
        api_secret: str | None = None,
        *,
        api_endpoint: str | None = None,
        api_version: str = "v1",
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        max_retries: int = 2,
        max_messages_per_second: float | None = None,
        bulk_concurrency: int = DEFAULT_CONCURRENCY,
        allow_insecure_http: bool = False,
        http_client: HttpT | None = None,
    ) -> None:
        """Credentials not given are read from ``BANDWIDTH_USER_ID``, ``BANDWIDTH_API_TOKEN`` and
        ``BANDWIDTH_API_SECRET``; the endpoint from ``BANDWIDTH_API_ENDPOINT``.

        ``http_client`` is a caller's own httpx client (its transport, proxies, limits); the SDK
        uses it and leaves closing it to the caller.
        """
        self._bulk_concurrency = _check_concurrency(bulk_concurrency, "bulk_concurrency")
        self._owns_http = http_client is None
        self._http = self._new_http() if http_client is None else http_client
        self._core = Core(
            _from_env("user_id", user_id),  # type: ignore[arg-type]  # checked by Core
            _from_env("api_token", api_token),  # type: ignore[arg-type]
            _from_env("api_secret", api_secret),  # type: ignore[arg-type]
            api_endpoint=api_endpoint
            or os.environ.get("BANDWIDTH_API_ENDPOINT")
            or DEFAULT_ENDPOINT,
            api_version=api_version,
            timeout=timeout,
            max_retries=max_retries,
            allow_insecure_http=allow_insecure_http,
            max_messages_per_second=max_messages_per_second,
            build_request=self._http.build_request,
        )

    def _new_http(self) -> HttpT:
        raise NotImplementedError

    @property
    def user_id(self) -> str:
        return self._core.credentials.user_id

    @property
    def api_token(self) -> str:
        return self._core.credentials.api_token

    @property
    def base_url(self) -> str:
        """The endpoint and API version requests go to, such as ``https://.../v1``."""
        return str(self._core.base_url)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} user_id={self.user_id!r} base_url={self.base_url!r}>"


class Client(_Shell[httpx.Client]):
    """The Messaging API client. Thread-safe: one client may be shared by many threads.

    Holds one pool of connections; close it with ``close()`` or use it as a context manager.
    Every method takes ``timeout=`` (seconds or ``httpx.Timeout``) to override the client's.
    """

    def _new_http(self) -> httpx.Client:
        return httpx.Client(timeout=DEFAULT_TIMEOUT, follow_redirects=False)

    def _run(self, flow: Flow[T]) -> T:
        send = self._http.send
        step = next(flow)
        while True:
            outcome: httpx.Response | httpx.TransportError | None = None
            if isinstance(step, Sleep):
                _sleep(step.seconds)
            else:
                try:
                    outcome = send(step.request)
                except httpx.TransportError as exc:
                    outcome = exc
            try:
                step = flow.send(outcome)
            except StopIteration as done:
                return done.value  # type: ignore[no-any-return]

    def send_message(
        self,
        from_: str,
        to: str,
        text: str | None = None,
        media: Sequence[str] | None = None,
        receipt_requested: ReceiptRequested | None = None,
        callback_url: str | None = None,
        callback_http_method: CallbackHttpMethod | None = None,
        callback_timeout: int | None = None,
        fallback_url: str | None = None,
        tag: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> str:
        """Send one SMS (``text``) or MMS (``media``, a list of http(s) URLs); return its id.

        Arguments left as ``None`` are not sent. Raises before sending on bad input. A send is
        retried only when the API certainly did not accept it; an error whose
        ``may_have_been_sent`` is ``True`` means it may have gone out.
        """
        fields = _message_fields(
            from_,
            to,
            text,
            media,
            receipt_requested,
            callback_url,
            callback_http_method,
            callback_timeout,
            fallback_url,
            tag,
        )
        return self._run(self._core.send_message(fields, timeout))

    def send_messages(
        self,
        items: Iterable[SendMessageItem],
        *,
        timeout: TimeoutArg = None,
        on_progress: Progress | None = None,
    ) -> list[SendResult]:
        """Send any number of messages, 50 to a request; return one result per item, in order.

        Every item is checked before anything is sent. A request that fails as a whole gives
        each of its items an error result (see ``SendResult``) and the rest still go out,
        unless the error refuses them all (bad credentials, no credit).
        """
        run = BulkRun(check_send_items(items), on_progress)
        for index, batch in enumerate(run.batches):
            if run.skip(index):
                continue
            try:
                run.succeeded(index, self._run(self._core.send_batch(batch, timeout)))
            except BandwidthError as error:
                run.failed(index, error)
        return run.results()

    def get_message(self, message_id: str, *, timeout: TimeoutArg = None) -> Message:
        """The message, keys in snake_case, values as the API sent them."""
        return self._run(self._core.get_message(message_id, timeout))

    def redact_message(self, message_id: str, *, timeout: TimeoutArg = None) -> None:
        """Remove the text of a message, keeping the rest of its record."""
        self._run(self._core.redact_message(message_id, timeout))

    def list_messages(
        self,
        from_: str | None = None,
        to: str | None = None,
        from_date_time: str | dt.date | None = None,
        to_date_time: str | dt.date | None = None,
        direction: MessageDirection | None = None,
        state: MessageState | None = None,
        delivery_state: MessageDeliveryState | None = None,
        sort_order: SortOrder | None = None,
        size: int | None = None,
        *,
        limit: int | None = None,
        timeout: TimeoutArg = None,
    ) -> Iterator[Message]:
        """Messages matching the filters, newest first unless ``sort_order='asc'``.

        Lazy: no request until the first item is asked for, the next page only when the
        current one is used up, so memory holds one page. ``limit`` stops after that many.
        Arguments are checked now, before the first request.
        """
        request = self._core.list_request(
            _filters(
                from_,
                to,
                from_date_time,
                to_date_time,
                direction,
                state,
                delivery_state,
                sort_order,
                size,
            ),
            timeout,
        )
        remaining = _check_limit(limit)

        def pages() -> Iterator[Message]:
            next_request: httpx.Request | None = request
            left = remaining
            while next_request is not None and left != 0:
                items, next_request = self._run(self._core.page(next_request))
                if left is not None:
                    items = items[:left]
                    left -= len(items)
                yield from items

        return pages()

    def close(self) -> None:
        """Close the connection pool, unless it is the caller's ``http_client``."""
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


class AsyncClient(_Shell[httpx.AsyncClient]):
    """The Messaging API client for asyncio: ``Client``'s methods as coroutines.

    ``list_messages`` is an async iterator; bulk sends keep up to ``bulk_concurrency``
    requests in flight. Close with ``await client.aclose()`` or ``async with``.
    """

    def _new_http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(timeout=DEFAULT_TIMEOUT, follow_redirects=False)

    async def _run(self, flow: Flow[T]) -> T:
        send = self._http.send
        step = next(flow)
        while True:
            outcome: httpx.Response | httpx.TransportError | None = None
            if isinstance(step, Sleep):
                await _async_sleep(step.seconds)
            else:
                try:
                    outcome = await send(step.request)
                except httpx.TransportError as exc:
                    outcome = exc
            try:
                step = flow.send(outcome)
            except StopIteration as done:
                return done.value  # type: ignore[no-any-return]

    async def send_message(
        self,
        from_: str,
        to: str,
        text: str | None = None,
        media: Sequence[str] | None = None,
        receipt_requested: ReceiptRequested | None = None,
        callback_url: str | None = None,
        callback_http_method: CallbackHttpMethod | None = None,
        callback_timeout: int | None = None,
        fallback_url: str | None = None,
        tag: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> str:
        """As ``Client.send_message``."""
        fields = _message_fields(
            from_,
            to,
            text,
            media,
            receipt_requested,
            callback_url,
            callback_http_method,
            callback_timeout,
            fallback_url,
            tag,
        )
        return await self._run(self._core.send_message(fields, timeout))

    async def send_messages(
        self,
        items: Iterable[SendMessageItem],
        *,
        timeout: TimeoutArg = None,
        on_progress: Progress | None = None,
        concurrency: int | None = None,
    ) -> list[SendResult]:
        """As ``Client.send_messages``, with up to ``concurrency`` requests in flight."""
        import asyncio

        run = BulkRun(check_send_items(items), on_progress)
        slots = asyncio.Semaphore(
            self._bulk_concurrency if concurrency is None else _check_concurrency(concurrency)
        )

        async def send(index: int) -> None:
            async with slots:
                if run.skip(index):
                    return
                try:
                    run.succeeded(
                        index, await self._run(self._core.send_batch(run.batches[index], timeout))
                    )
                except BandwidthError as error:
                    run.failed(index, error)

        await asyncio.gather(*(send(index) for index in range(len(run.batches))))
        return run.results()

    async def get_message(self, message_id: str, *, timeout: TimeoutArg = None) -> Message:
        """As ``Client.get_message``."""
        return await self._run(self._core.get_message(message_id, timeout))

    async def redact_message(self, message_id: str, *, timeout: TimeoutArg = None) -> None:
        """As ``Client.redact_message``."""
        await self._run(self._core.redact_message(message_id, timeout))

    def list_messages(
        self,
        from_: str | None = None,
        to: str | None = None,
        from_date_time: str | dt.date | None = None,
        to_date_time: str | dt.date | None = None,
        direction: MessageDirection | None = None,
        state: MessageState | None = None,
        delivery_state: MessageDeliveryState | None = None,
        sort_order: SortOrder | None = None,
        size: int | None = None,
        *,
        limit: int | None = None,
        timeout: TimeoutArg = None,
    ) -> AsyncIterator[Message]:
        """As ``Client.list_messages``, as an async iterator: ``async for m in ...``."""
        request = self._core.list_request(
            _filters(
                from_,
                to,
                from_date_time,
                to_date_time,
                direction,
                state,
                delivery_state,
                sort_order,
                size,
            ),
            timeout,
        )
        remaining = _check_limit(limit)

        async def pages() -> AsyncIterator[Message]:
            next_request: httpx.Request | None = request
            left = remaining
            while next_request is not None and left != 0:
                items, next_request = await self._run(self._core.page(next_request))
                if left is not None:
                    items = items[:left]
                    left -= len(items)
                for item in items:
                    yield item

        return pages()

    async def aclose(self) -> None:
        """Close the connection pool, unless it is the caller's ``http_client``."""
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()


def _filters(
    from_: object,
    to: object,
    from_date_time: object,
    to_date_time: object,
    direction: object,
    state: object,
    delivery_state: object,
    sort_order: object,
    size: object,
) -> Mapping[str, object]:
    return {
        "from": from_,
        "to": to,
        "fromDateTime": from_date_time,
        "toDateTime": to_date_time,
        "direction": direction,
        "state": state,
        "deliveryState": delivery_state,
        "sortOrder": sort_order,
        "size": size,
    }


def _check_limit(limit: object) -> int | None:
    if limit is None:
        return None
    if isinstance(limit, bool) or not isinstance(limit, int):
        raise InvalidTypeError(f"limit must be an int, not {type(limit).__name__}")
    if limit < 0:
        raise InvalidValueError(f"limit must be 0 or more, not {limit}")
    return limit


def _check_concurrency(value: object, name: str = "concurrency") -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < 1:
        raise InvalidValueError(f"{name} must be 1 or more, not {value}")
    return value
