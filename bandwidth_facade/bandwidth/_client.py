"""The clients: shells that perform the I/O steps of the flows (``_exchange``, ``_core``).

``SyncShell`` and ``AsyncShell`` each have one driver (``_run`` for a call, ``_items`` for a
listing, ``_send`` for one exchange); the Messaging API's ``Client`` and ``AsyncClient`` write
out each public method, a few lines that hand the method's flow from ``Core`` to the driver,
as httpx writes ``Client.get``. Validation and logic live in the flows, once for both; a test
keeps the two clients' signatures and documentation in step.
"""

from __future__ import annotations

import datetime as dt
import ssl
import threading
import time
from collections.abc import (
    AsyncGenerator,
    AsyncIterator,
    Collection,
    Generator,
    Iterable,
    Iterator,
    Sequence,
)
from typing import Any, Final, Generic, Self, TypeVar, Unpack

import httpcore
import httpx

from . import _bulk, _rate, _reconcile
from ._bulk import Progress, Recorder
from ._config import DEFAULT_TIMEOUT, ClientOptions, Settings
from ._core import Core
from ._exceptions import ClientClosedError
from ._exchange import ANSWER_CAP, UNREAD, Exchange, Flow, Listing, TimeoutArg, within
from ._rate import Pacing
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
from ._waits import async_sleep, sleep

__all__ = ["AsyncClient", "Client"]

T = TypeVar("T")
HttpT = TypeVar("HttpT", httpx.Client, httpx.AsyncClient)
CoreT = TypeVar("CoreT", bound=Exchange)

MAX_ANSWER_BYTES: Final = 32 * 2**20
"""The most of an answer read, decompressed: a page of 1000 messages is about 1.5 MB. Past it
the answer is a ``MalformedResponseError``, and memory stays bounded whatever a server sends.
An operation whose answer the spec bounds otherwise (a media file) has its own cap."""


def _cap(request: httpx.Request) -> int:
    return int(request.extensions.get(ANSWER_CAP, MAX_ANSWER_BYTES))


def _total_deadline(request: httpx.Request) -> float:
    """Seconds a whole exchange may take, from its timeout: each phase once, and the answer's
    body twice the read timeout, so a server that trickles it cannot hold a call for ever."""
    timeout = request.extensions.get("timeout", {})
    phases = [timeout.get(name) for name in ("pool", "connect", "write")]
    read = timeout.get("read")
    return float(sum(p for p in phases if p) + 2 * (read or 0))


def _answer(streamed: httpx.Response, body: bytes | None, unread: str = "") -> httpx.Response:
    """The answer as the flows read it: its whole body, decoded (so no content coding is
    left to apply); or, with ``unread`` saying why, none."""
    headers = streamed.headers
    if "content-encoding" in headers:  # rare from the API: the common case copies nothing
        headers = httpx.Headers(
            [(k, v) for k, v in headers.multi_items() if k.lower() != "content-encoding"]
        )
    extensions = streamed.extensions
    if unread:
        extensions = {**extensions, UNREAD: unread}
    return httpx.Response(
        streamed.status_code,
        headers=headers,
        content=body or b"",
        request=streamed.request,
        extensions=extensions,
    )


# -- the sync client's deadline ----------------------------------------------------------------

_deadline = threading.local()
"""``end``: the monotonic time by which the calling thread's exchange must be over."""


def _left(timeout: float | None, late: type[Exception]) -> float | None:
    """A socket operation's timeout, cut to what is left of the exchange's deadline."""
    end: float | None = getattr(_deadline, "end", None)
    if end is None:
        return timeout
    left = end - time.monotonic()
    if left <= 0:
        raise late("the call's deadline passed")
    return left if timeout is None else min(timeout, left)


class _DeadlineStream(httpcore.NetworkStream):
    def __init__(self, stream: httpcore.NetworkStream) -> None:
        self._stream = stream

    def read(self, max_bytes: int, timeout: float | None = None) -> bytes:
        return self._stream.read(max_bytes, _left(timeout, httpcore.ReadTimeout))

    def write(self, buffer: bytes, timeout: float | None = None) -> None:
        self._stream.write(buffer, _left(timeout, httpcore.WriteTimeout))

    def close(self) -> None:
        self._stream.close()

    def start_tls(
        self,
        ssl_context: ssl.SSLContext,
        server_hostname: str | None = None,
        timeout: float | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._stream.start_tls(ssl_context, server_hostname, timeout))

    def get_extra_info(self, info: str) -> Any:
        return self._stream.get_extra_info(info)


class _DeadlineBackend(httpcore.NetworkBackend):
    """The sync client's sockets, each read and write bounded by what is left of the call's
    deadline, so that a server trickling its headers a byte at a time cannot hold a call past
    it (a per-read timeout alone would let it; asyncio's client cancels the whole exchange)."""

    def __init__(self, backend: httpcore.NetworkBackend) -> None:
        self._backend = backend

    def connect_tcp(
        self,
        host: str,
        port: int,
        timeout: float | None = None,
        local_address: str | None = None,
        socket_options: Iterable[Any] | None = None,
    ) -> httpcore.NetworkStream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(
            self._backend.connect_tcp(host, port, timeout, local_address, socket_options)
        )

    def connect_unix_socket(
        self, path: str, timeout: float | None = None, socket_options: Iterable[Any] | None = None
    ) -> httpcore.NetworkStream:
        timeout = _left(timeout, httpcore.ConnectTimeout)
        return _DeadlineStream(self._backend.connect_unix_socket(path, timeout, socket_options))

    def sleep(self, seconds: float) -> None:
        self._backend.sleep(seconds)


def _bounded_by_deadline(client: httpx.Client) -> httpx.Client:
    """``client`` (the SDK's own) with its connection pools' sockets under the deadline.

    httpx gives no way to hand its transports a network backend, so each pool's is wrapped in
    place. Should a version of httpx lay its transports out otherwise, nothing is wrapped and
    the deadline bounds the body alone, as for a client the caller lends (tests/test_hostile.py
    would say so)."""
    for transport in (client._transport, *client._mounts.values()):
        pool = getattr(transport, "_pool", None)
        backend = getattr(pool, "_network_backend", None)
        if isinstance(backend, httpcore.NetworkBackend):
            pool._network_backend = _DeadlineBackend(backend)  # type: ignore[union-attr]
    return client


def _closed() -> ClientClosedError:
    return ClientClosedError("the client is closed (close() was called); make a new one")


DEFAULT_ASYNC_CONCURRENCY = 4
"""Bulk requests the async client keeps in flight unless told otherwise."""


class _Shell(Generic[HttpT, CoreT]):
    """What every client shares: settings, the API's exchange (``_core``), the HTTP client's
    lifetime."""

    _http: HttpT
    _core: CoreT

    def __init__(
        self,
        user_id: str | None,
        api_token: str | None,
        api_secret: str | None,
        http_client: HttpT | None,
        options: ClientOptions,
    ) -> None:
        self._settings = Settings.create(user_id, api_token, api_secret, options)
        self._core = self._make_core(self._settings)
        # Made last, so that a bad argument leaves no open pool behind.
        self._owns_http = http_client is None
        self._http = self._new_http() if http_client is None else http_client
        self._core.use_client_headers(self._http.headers)

    def _new_http(self) -> HttpT:
        raise NotImplementedError

    def _make_core(self, settings: Settings) -> CoreT:
        raise NotImplementedError

    @property
    def user_id(self) -> str:
        return self._settings.credentials.user_id

    @property
    def api_token(self) -> str:
        return self._settings.credentials.api_token

    @property
    def api_endpoint(self) -> str:
        """Where the API is, such as ``https://api.catapult.inetwork.com`` (as in 3.x)."""
        return self._settings.api_endpoint

    @property
    def api_version(self) -> str:
        """The API version path segment, ``v1`` (as in 3.x)."""
        return self._settings.api_version

    @property
    def base_url(self) -> str:
        """The endpoint and API version requests go to, such as ``https://.../v1``."""
        return str(self._settings.base_url)

    def __repr__(self) -> str:
        if "_settings" not in self.__dict__:  # its construction failed (shown in a traceback)
            return f"<{type(self).__name__} (not made)>"
        return f"<{type(self).__name__} user_id={self.user_id!r} base_url={self.base_url!r}>"


class _Messaging:
    """What both Messaging API clients have beyond the shell."""

    _core: Core

    def _make_core(self, settings: Settings) -> Core:
        return Core(settings)

    @property
    def pacing(self) -> Pacing:
        """What the rate limiter knows now: the account's rate and burst in force (configured,
        or learned from the API's refusals), per-number rates learned, refusals so far."""
        return self._core.limiter.pacing()


# -- the sync client -------------------------------------------------------------------------


class SyncShell(_Shell[httpx.Client, CoreT]):
    """A client that performs its flows' steps with blocking I/O: ``_run`` for a call,
    ``_items`` for a listing, ``_send`` for one exchange."""

    def _new_http(self) -> httpx.Client:
        return _bounded_by_deadline(
            httpx.Client(
                timeout=DEFAULT_TIMEOUT,
                follow_redirects=False,
                trust_env=self._settings.use_proxies,
            )
        )

    def _run(self, flow: Flow[T]) -> T:
        outcome: httpx.Response | httpx.TransportError | float | None = None
        try:
            while True:
                step = flow.send(outcome)
                if isinstance(step, httpx.Request):
                    outcome = self._send(step)
                elif isinstance(step, _rate.Step):
                    outcome = step.run()
                else:
                    sleep(step)
                    outcome = None
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]  # the flow's T

    def _items(self, listing: Listing[T]) -> Iterator[T]:
        """A listing's items, read a page at a time as they are asked for."""
        request: httpx.Request | None = listing.request
        seen: set[str] = set()
        left = listing.limit
        while request is not None and left != 0:
            page, request = self._run(self._core.page(request, seen, listing.what))
            page, left = within(page, left)
            yield from page

    def _send(self, request: httpx.Request) -> httpx.Response | httpx.TransportError:
        """One exchange, whole: never a redirect followed (whatever client was lent), at most
        ``MAX_ANSWER_BYTES`` read (or the operation's own cap), within the call's total
        deadline (each socket operation of the SDK's own client; the body's reads of a lent
        one)."""
        if self._http.is_closed:
            raise _closed()
        total = _total_deadline(request)
        deadline = _deadline.end = time.monotonic() + total
        try:
            return self._exchange(request, deadline, total)
        except httpx.TimeoutException as exc:
            if time.monotonic() < deadline:
                return exc
            # Cut short by the deadline: said as such, keeping the phase it was in.
            return type(exc)(
                f"the exchange was not over within the call's deadline ({total:g} s)",
                request=request,
            )
        except httpx.TransportError as exc:  # the flow decides what it means
            return exc
        finally:
            _deadline.end = None

    def _exchange(self, request: httpx.Request, deadline: float, total: float) -> httpx.Response:
        streamed = self._http.send(request, stream=True, follow_redirects=False)
        chunks: list[bytes] = []
        size, cap = 0, _cap(request)
        try:
            for chunk in streamed.iter_bytes():
                size += len(chunk)
                if size > cap:
                    return _answer(streamed, None, f"larger than {cap:,} bytes")
                chunks.append(chunk)
                if time.monotonic() > deadline:  # a lent client's sockets know no deadline
                    raise httpx.ReadTimeout("the call's deadline passed", request=request)
        except httpx.DecodingError as exc:
            return _answer(streamed, None, f"its content coding is broken ({exc})")
        finally:
            streamed.close()
        return _answer(streamed, b"".join(chunks))

    def close(self) -> None:
        """Close the connection pool, unless it is the caller's ``http_client``, and the rate
        limiter's store."""
        self._core.close()
        if self._owns_http:
            self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()


class Client(_Messaging, SyncShell[Core]):
    """The Messaging API client. Thread-safe: one client may be shared by many threads.

    Holds one pool of connections; close it with ``close()`` or use it as a context manager.
    Every method takes ``timeout=`` (seconds or ``httpx.Timeout``) to override the client's.
    ``send_messages`` sends its requests one after another unless given ``concurrency`` (or
    the client ``bulk_concurrency``), then from that many threads.
    """

    _workers = property(lambda self: self._settings.bulk_concurrency or 1)
    """Bulk requests in flight unless a call says otherwise."""

    def __init__(
        self,
        user_id: str | None = None,
        api_token: str | None = None,
        api_secret: str | None = None,
        *,
        http_client: httpx.Client | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        """Credentials not given are read from ``BANDWIDTH_USER_ID``, ``BANDWIDTH_API_TOKEN`` and
        ``BANDWIDTH_API_SECRET``; ``options`` are described in ``ClientOptions``.

        ``http_client`` is a caller's own ``httpx.Client`` (its transport, proxies, limits); the
        SDK uses it and leaves closing it to the caller. Its default headers are sent (under the
        SDK's own); its default query parameters and cookies are not.
        """
        super().__init__(user_id, api_token, api_secret, http_client, options)

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
    ) -> str:
        """Send one SMS (``text``) or MMS (``media``: an http(s) URL, or a list); return its id.

        Arguments left as ``None`` are not sent. Bad input raises before anything is sent.
        The send is retried only when the API certainly did not accept it; an error whose
        ``may_have_been_sent`` is ``True`` means the message may have gone out. Parameters the
        spec adds later arrive as keyword arguments (``more``, typed by the spec) after
        ``make generate``.
        """
        return self._run(
            self._core.send_message(
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
                timeout=timeout,
                **more,
            )
        )

    def send_messages(
        self,
        items: Iterable[SendMessageItem],
        *,
        timeout: TimeoutArg = None,
        on_progress: Progress | None = None,
        concurrency: int | None = None,
    ) -> list[SendResult]:
        """Send any number of messages, 50 to a request; return one result per item, in order.

        Every item is checked before anything is sent. A request that fails as a whole gives
        each of its items an error result (see ``SendResult``) and the rest still go out,
        unless the error refuses them all (bad credentials, no credit). ``concurrency``
        requests are in flight at once (default: the client's ``bulk_concurrency``).
        ``on_progress(done, total)`` is called as requests complete. Results are held until
        the end: for a large or long send, ``iter_send_messages`` streams them instead.
        """
        plan = _bulk.list_plan(self._core, items, timeout, concurrency, on_progress)
        return _bulk.in_order(plan, _bulk.drive(plan, self._run, self._workers))

    def iter_send_messages(
        self,
        items: Iterable[SendMessageItem],
        *,
        timeout: TimeoutArg = None,
        concurrency: int | None = None,
    ) -> Iterator[SendResult]:
        """Send messages from any iterable, yielding each item's result as its request ends.

        Memory holds the requests in flight, not the input: items are read as requests are
        made, so a generator of a million items works. Results come in order of completion
        (``result['index']`` is the item's position from 0). Each item is checked as it is
        read: an invalid one is never sent and gets an error result (``may_have_been_sent``
        ``False``) while the others go on. If the caller stops reading (``break``, an
        exception, Ctrl-C), no new request starts and those in flight are waited for.
        """
        return self.send_stream(
            enumerate(_bulk.iterate(items)), timeout=timeout, concurrency=concurrency
        )

    def send_stream(
        self,
        pairs: Iterable[tuple[int, SendMessageItem]],
        *,
        recorder: Recorder | None = None,
        stop: threading.Event | None = None,
        timeout: TimeoutArg = None,
        concurrency: int | None = None,
    ) -> Generator[SendResult, None, None]:
        """``iter_send_messages`` for keyed items, told to a ``recorder``: what a ``Journal``
        sends with, for a durable record of your own (a database table, say).

        ``pairs`` yields ``(key, item)``; each result carries its item's key as ``index``.
        ``recorder.sending(batch)`` is called before each request is sent, and
        ``recorder.finished(results)`` with its results before they are yielded (by the async
        client from a worker thread, so they may block). Setting ``stop`` (from a signal
        handler, another thread) ends the send as closing it does: no new request starts, and
        those in flight are recorded.
        """
        plan = _bulk.stream_plan(self._core, pairs, timeout, concurrency, recorder, stop)
        return _bulk.flatten(_bulk.drive(plan, self._run, self._workers))

    def find_sent(
        self,
        message: SendMessageItem,
        *,
        since: dt.datetime,
        exclude: Collection[str] = (),
        timeout: TimeoutArg = None,
    ) -> Message | None:
        """The message the API holds for ``message`` (an item as given to ``send_messages``)
        sent at or after ``since``, or ``None`` if it holds none.

        Lists the messages from its number to its number since ``since`` (less a margin for
        clock differences) and compares text, media and tag; ids in ``exclude`` (already
        accounted for) are passed over. ``None`` is proof of absence only once the API has had
        time to record the send: ``reconcile`` waits for that. Raises ``ReconcileError`` when
        the answer would be unreliable: ``since`` older than the API keeps text (3 days), a
        number not in E.164 form, or a candidate whose text was removed.
        """
        return self._run(_reconcile.find_sent(self._core, message, since, exclude, timeout))

    def reconcile(
        self,
        results: list[SendResult],
        *,
        exclude: Collection[str] = (),
        settle: float = _reconcile.DEFAULT_SETTLE,
        timeout: TimeoutArg = None,
    ) -> list[SendResult]:
        """Settle the results whose message may have been sent, by looking each up.

        Found: the result becomes ``accepted`` with the message's ``id`` (and
        ``reconciled=True``). Not found ``settle`` seconds after this call (waiting only when
        something is missing): it becomes an error with ``may_have_been_sent=False``, safe to
        send again. Unreliable (see ``find_sent``): left as it was, for a person to check.
        Ids of accepted results in ``results``, and ``exclude``, are never matched twice, so
        identical messages are told apart. Changes ``results`` in place and returns it.
        """
        return self._run(_reconcile.reconcile(self._core, results, exclude, settle, timeout))

    def get_message(self, message_id: str, *, timeout: TimeoutArg = None) -> Message:
        """The message, keys in snake_case, values exactly as the API sent them."""
        return self._run(self._core.get_message(message_id, timeout=timeout))

    def redact_message(self, message_id: str, *, timeout: TimeoutArg = None) -> None:
        """Remove the text of a message, keeping the rest of its record."""
        return self._run(self._core.redact_message(message_id, timeout=timeout))

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
    ) -> Iterator[Message]:
        """Messages matching the filters, newest first unless ``sort_order='asc'``.

        The order is always sent: Bandwidth's documentation gives both "newest first" and a
        default of ``asc``, so ``limit=10`` means the 10 newest whatever the API's default.

        Lazy: no request until the first item is asked for, the next page only when the
        current one is used up, so memory holds one page. ``limit`` stops after that many.
        Arguments are checked now, before the first request. Date filters take a ``datetime``
        (naive means UTC) or the API's ``yyyy-MM-dd hh:mm:ss.sss``.
        """
        return self._items(
            self._core.list_messages(
                from_,
                to,
                from_date_time,
                to_date_time,
                direction,
                state,
                delivery_state,
                sort_order,
                size,
                limit=limit,
                timeout=timeout,
            )
        )  # arguments checked now


# -- the async client ------------------------------------------------------------------------


class AsyncShell(_Shell[httpx.AsyncClient, CoreT]):
    """``SyncShell`` for asyncio: the same flows, their steps awaited."""

    def _new_http(self) -> httpx.AsyncClient:
        return httpx.AsyncClient(
            timeout=DEFAULT_TIMEOUT, follow_redirects=False, trust_env=self._settings.use_proxies
        )

    async def _run(self, flow: Flow[T]) -> T:
        import asyncio

        outcome: httpx.Response | httpx.TransportError | float | None = None
        try:
            while True:
                step = flow.send(outcome)
                if isinstance(step, httpx.Request):
                    outcome = await self._send(step)
                elif isinstance(step, _rate.Step):  # the store may be a server: off the loop
                    outcome = await asyncio.to_thread(step.run) if step.remote else step.run()
                else:
                    await async_sleep(step)
                    outcome = None
        except StopIteration as done:
            return done.value  # type: ignore[no-any-return]  # the flow's T

    async def _items(self, listing: Listing[T]) -> AsyncIterator[T]:
        """A listing's items, read a page at a time as they are asked for."""
        request: httpx.Request | None = listing.request
        seen: set[str] = set()
        left = listing.limit
        while request is not None and left != 0:
            page, request = await self._run(self._core.page(request, seen, listing.what))
            page, left = within(page, left)
            for item in page:
                yield item

    async def _send(self, request: httpx.Request) -> httpx.Response | httpx.TransportError:
        """``Client._send``; here the total deadline covers the whole exchange (asyncio can
        cancel a read in progress)."""
        import asyncio

        if self._http.is_closed:
            raise _closed()
        total = _total_deadline(request)
        try:
            async with asyncio.timeout(total):
                streamed = await self._http.send(request, stream=True, follow_redirects=False)
                chunks: list[bytes] = []
                size, cap = 0, _cap(request)
                try:
                    async for chunk in streamed.aiter_bytes():
                        size += len(chunk)
                        if size > cap:
                            return _answer(streamed, None, f"larger than {cap:,} bytes")
                        chunks.append(chunk)
                except httpx.DecodingError as exc:
                    return _answer(streamed, None, f"its content coding is broken ({exc})")
                finally:
                    await streamed.aclose()
                return _answer(streamed, b"".join(chunks))
        except httpx.TransportError as exc:  # the flow decides what it means
            return exc
        except TimeoutError:
            return httpx.ReadTimeout(
                f"the exchange was not over within the call's deadline ({total:g} s)",
                request=request,
            )

    async def aclose(self) -> None:
        """Close the connection pool, unless it is the caller's ``http_client``, and the rate
        limiter's store."""
        self._core.close()
        if self._owns_http:
            await self._http.aclose()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc_info: object) -> None:
        await self.aclose()


class AsyncClient(_Messaging, AsyncShell[Core]):
    """The Messaging API client for asyncio: ``Client``'s methods as coroutines.

    ``list_messages`` is an async iterator; ``send_messages`` keeps up to ``concurrency``
    requests in flight (default: ``bulk_concurrency``, else 4). Close with
    ``await client.aclose()`` or ``async with``.
    """

    _workers = property(lambda self: self._settings.bulk_concurrency or DEFAULT_ASYNC_CONCURRENCY)

    def __init__(
        self,
        user_id: str | None = None,
        api_token: str | None = None,
        api_secret: str | None = None,
        *,
        http_client: httpx.AsyncClient | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        """As ``Client``, with the caller's own ``httpx.AsyncClient`` as ``http_client``."""
        super().__init__(user_id, api_token, api_secret, http_client, options)

    async def send_message(
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
    ) -> str:
        """Send one SMS (``text``) or MMS (``media``: an http(s) URL, or a list); return its id.

        Arguments left as ``None`` are not sent. Bad input raises before anything is sent.
        The send is retried only when the API certainly did not accept it; an error whose
        ``may_have_been_sent`` is ``True`` means the message may have gone out. Parameters the
        spec adds later arrive as keyword arguments (``more``, typed by the spec) after
        ``make generate``.
        """
        return await self._run(
            self._core.send_message(
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
                timeout=timeout,
                **more,
            )
        )

    async def send_messages(
        self,
        items: Iterable[SendMessageItem],
        *,
        timeout: TimeoutArg = None,
        on_progress: Progress | None = None,
        concurrency: int | None = None,
    ) -> list[SendResult]:
        """Send any number of messages, 50 to a request; return one result per item, in order.

        Every item is checked before anything is sent. A request that fails as a whole gives
        each of its items an error result (see ``SendResult``) and the rest still go out,
        unless the error refuses them all (bad credentials, no credit). ``concurrency``
        requests are in flight at once (default: the client's ``bulk_concurrency``).
        ``on_progress(done, total)`` is called as requests complete. Results are held until
        the end: for a large or long send, ``iter_send_messages`` streams them instead.
        """
        plan = _bulk.list_plan(self._core, items, timeout, concurrency, on_progress)
        batches = _bulk.adrive(plan, self._run, self._workers)
        return _bulk.in_order(plan, [batch async for batch in batches])

    def iter_send_messages(
        self,
        items: Iterable[SendMessageItem],
        *,
        timeout: TimeoutArg = None,
        concurrency: int | None = None,
    ) -> AsyncGenerator[SendResult, None]:
        """Send messages from any iterable, yielding each item's result as its request ends.

        Memory holds the requests in flight, not the input: items are read as requests are
        made, so a generator of a million items works. Results come in order of completion
        (``result['index']`` is the item's position from 0). Each item is checked as it is
        read: an invalid one is never sent and gets an error result (``may_have_been_sent``
        ``False``) while the others go on. If the caller stops reading (``break``, an
        exception, Ctrl-C), no new request starts and those in flight are waited for.
        """
        return self.send_stream(
            enumerate(_bulk.iterate(items)), timeout=timeout, concurrency=concurrency
        )

    def send_stream(
        self,
        pairs: Iterable[tuple[int, SendMessageItem]],
        *,
        recorder: Recorder | None = None,
        stop: threading.Event | None = None,
        timeout: TimeoutArg = None,
        concurrency: int | None = None,
    ) -> AsyncGenerator[SendResult, None]:
        """``iter_send_messages`` for keyed items, told to a ``recorder``: what a ``Journal``
        sends with, for a durable record of your own (a database table, say).

        ``pairs`` yields ``(key, item)``; each result carries its item's key as ``index``.
        ``recorder.sending(batch)`` is called before each request is sent, and
        ``recorder.finished(results)`` with its results before they are yielded (by the async
        client from a worker thread, so they may block). Setting ``stop`` (from a signal
        handler, another thread) ends the send as closing it does: no new request starts, and
        those in flight are recorded.
        """
        plan = _bulk.stream_plan(self._core, pairs, timeout, concurrency, recorder, stop)
        return _bulk.aflatten(_bulk.adrive(plan, self._run, self._workers))

    async def find_sent(
        self,
        message: SendMessageItem,
        *,
        since: dt.datetime,
        exclude: Collection[str] = (),
        timeout: TimeoutArg = None,
    ) -> Message | None:
        """The message the API holds for ``message`` (an item as given to ``send_messages``)
        sent at or after ``since``, or ``None`` if it holds none.

        Lists the messages from its number to its number since ``since`` (less a margin for
        clock differences) and compares text, media and tag; ids in ``exclude`` (already
        accounted for) are passed over. ``None`` is proof of absence only once the API has had
        time to record the send: ``reconcile`` waits for that. Raises ``ReconcileError`` when
        the answer would be unreliable: ``since`` older than the API keeps text (3 days), a
        number not in E.164 form, or a candidate whose text was removed.
        """
        return await self._run(_reconcile.find_sent(self._core, message, since, exclude, timeout))

    async def reconcile(
        self,
        results: list[SendResult],
        *,
        exclude: Collection[str] = (),
        settle: float = _reconcile.DEFAULT_SETTLE,
        timeout: TimeoutArg = None,
    ) -> list[SendResult]:
        """Settle the results whose message may have been sent, by looking each up.

        Found: the result becomes ``accepted`` with the message's ``id`` (and
        ``reconciled=True``). Not found ``settle`` seconds after this call (waiting only when
        something is missing): it becomes an error with ``may_have_been_sent=False``, safe to
        send again. Unreliable (see ``find_sent``): left as it was, for a person to check.
        Ids of accepted results in ``results``, and ``exclude``, are never matched twice, so
        identical messages are told apart. Changes ``results`` in place and returns it.
        """
        return await self._run(_reconcile.reconcile(self._core, results, exclude, settle, timeout))

    async def get_message(self, message_id: str, *, timeout: TimeoutArg = None) -> Message:
        """The message, keys in snake_case, values exactly as the API sent them."""
        return await self._run(self._core.get_message(message_id, timeout=timeout))

    async def redact_message(self, message_id: str, *, timeout: TimeoutArg = None) -> None:
        """Remove the text of a message, keeping the rest of its record."""
        return await self._run(self._core.redact_message(message_id, timeout=timeout))

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
    ) -> AsyncIterator[Message]:
        """Messages matching the filters, newest first unless ``sort_order='asc'``.

        The order is always sent: Bandwidth's documentation gives both "newest first" and a
        default of ``asc``, so ``limit=10`` means the 10 newest whatever the API's default.

        Lazy: no request until the first item is asked for, the next page only when the
        current one is used up, so memory holds one page. ``limit`` stops after that many.
        Arguments are checked now, before the first request. Date filters take a ``datetime``
        (naive means UTC) or the API's ``yyyy-MM-dd hh:mm:ss.sss``.
        """
        return self._items(
            self._core.list_messages(
                from_,
                to,
                from_date_time,
                to_date_time,
                direction,
                state,
                delivery_state,
                sort_order,
                size,
                limit=limit,
                timeout=timeout,
            )
        )  # arguments checked now
