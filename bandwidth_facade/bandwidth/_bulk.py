"""Bulk sends, whole: items in, 50 to a request; one result per item out, as requests end.

- ``BulkStream`` holds the accounting the sync and async clients share: reading the input
  lazily, checking each item, cutting requests, pacing them, stopping the rest after an error
  that refuses them all, and telling a ``Recorder`` (a journal) about each request before it is
  sent and after it ends.
- ``list_plan`` and ``stream_plan`` make a send's ``BulkPlan`` from the Messaging API's flows.
- ``drive`` (threads) and ``adrive`` (asyncio tasks) perform a plan's requests with a client's
  driver, so memory is bounded by the requests in flight, not by the input.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import threading
from collections.abc import (
    AsyncGenerator,
    Awaitable,
    Callable,
    Generator,
    Iterable,
    Iterator,
    Mapping,
)
from itertools import islice
from typing import (
    TYPE_CHECKING,
    Any,
    Final,
    NamedTuple,
    ParamSpec,
    Protocol,
    TypeAlias,
    TypeVar,
    cast,
)

from bandwidth_messaging_api.typed_dicts import SEND_BULK_MAX_ITEMS

from ._config import check_count
from ._exceptions import (
    APIConnectionError,
    APIError,
    APIStatusError,
    AuthenticationError,
    BandwidthError,
    ForbiddenError,
    InvalidTypeError,
    MalformedResponseError,
    RateLimitError,
    is_rate_refusal,
)
from ._rate import RateLimiter, clock
from ._types import Error, SendResult
from ._validation import SENDER, send_item
from ._waits import async_pause, pause

if TYPE_CHECKING:
    from ._core import Core
    from ._exchange import Flow, TimeoutArg

__all__ = [
    "MAX_BULK",
    "Batch",
    "BulkPlan",
    "BulkStream",
    "Progress",
    "Recorder",
    "adrive",
    "aflatten",
    "drive",
    "error_detail",
    "flatten",
    "in_order",
    "iterate",
    "list_plan",
    "stream_plan",
    "utc_now",
]

P = ParamSpec("P")
T = TypeVar("T")

MAX_BULK: Final = SEND_BULK_MAX_ITEMS
"""The API refuses a bulk request of more items than this (``multi-message-limit``)."""
LOOKAHEAD: Final = 10 * MAX_BULK
"""Items read ahead of the requests, so that one number waiting for its rate does not hold up
the others behind it."""

Progress: TypeAlias = Callable[[int, int], object]
"""Called with (items done, items total) after each request of a bulk send."""


def utc_now() -> str:
    """The current time as the API writes times, to the millisecond."""
    return dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


class Batch:
    """The items of one request of a bulk send, as a ``Recorder`` is told of them: ``keys``
    (each item's key: its index, or a journal's line), ``items`` (each as sent, with the
    wire's keys) and ``sent_at`` (when the request was sent, as the API writes times)."""

    __slots__ = ("items", "keys", "sent_at", "wait")

    def __init__(self) -> None:
        self.keys: list[int] = []
        self.items: list[dict[str, object]] = []
        self.sent_at: str = ""
        self.wait: float = 0.0  # when empty: seconds until the rate limits let an item go


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
    if isinstance(error, APIStatusError):
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


class _Waiting(NamedTuple):
    """An item read and not yet settled: waiting for its turn, or refused for rate and waiting
    to be sent again (its last refusal is in ``BulkStream._refusals``). A tuple: a bulk send
    makes one per message."""

    key: int
    item: dict[str, object]
    sender: str


def is_rate_refusal_detail(error: object) -> bool:
    """Whether a bulk item's ``error`` refuses it for rate (and so it was not sent): the
    documented ``403 limit`` codes inside a ``202``, or a full queue."""
    if not isinstance(error, dict):
        return False
    category, code = error.get("category"), str(error.get("code"))
    # An item carries no status: judged as a 403 (the limit codes) and as a 400 (a full queue).
    return category == "too-many-requests" or any(
        is_rate_refusal(status, category, code) for status in (403, 400)
    )


class BulkStream:
    """One streaming bulk send: the input, cut into requests, and the accounting of results.

    ``pairs`` yields ``(key, item)``; each result carries its item's key as ``index``.
    Setting ``stop`` (from a signal handler, another thread) ends the send gracefully. With
    ``check=True`` each item is checked as it is read: an invalid one is never sent and gets
    an error result (``may_have_been_sent`` ``False``) while the others go on.

    Pacing: ``limiter`` says which waiting items may go now, so a request carries only those,
    and items from other numbers go on while one number waits. An item refused for rate (alone
    in a ``202``, or with its whole request) was not sent: it is recorded as such and waits its
    turn again, until ``max_rate_wait`` seconds after its first refusal, when its refusal
    becomes its result.
    """

    def __init__(
        self,
        pairs: Iterable[tuple[int, object]],
        make_flow: Callable[[list[dict[str, object]]], Flow[list[SendResult]]],
        limiter: RateLimiter,
        *,
        check: bool = True,
        recorder: Recorder | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self._pairs = iter(pairs)
        self.stop = stop
        self._make_flow = make_flow
        self.limiter = limiter
        self._check = check
        self._recorder = recorder
        self._waiting: list[_Waiting] = []
        self._input_done = False
        self._settled: list[SendResult] = []
        self._first_refused: dict[int, float] = {}  # key: when first refused for rate
        self._refusals: dict[int, SendResult] = {}  # key: its last refusal
        self._lock = threading.Lock()
        self.stopped_by: BandwidthError | None = None

    def _read(self, up_to: int) -> None:
        """Read the input until ``up_to`` items wait (or it is used up)."""
        while not self._input_done and len(self._waiting) < up_to:
            chunk = list(islice(self._pairs, up_to - len(self._waiting)))
            if not chunk:
                self._input_done = True
                break
            for key, raw in chunk:
                if not self._check:  # checked before, all at once
                    self._waiting.append(_Waiting(key, raw, str(raw.get(SENDER))))  # type: ignore[arg-type, attr-defined]
                    continue
                try:
                    item = send_item(raw, key)
                except BandwidthError as error:
                    self._settled.append(self._failed_one(key, raw, error, attempted=False))
                    continue
                self._waiting.append(_Waiting(key, item, str(item.get(SENDER))))

    def next_batch(self) -> Batch | float | None:
        """The next request's items; or the seconds until the limits let one go; or ``None``
        when nothing is left to send (items settled on the way wait in ``take_settled()``).
        Once ``stop`` is set, the input is treated as used up: the requests in flight end, and
        no new one starts."""
        if self.stop is not None and self.stop.is_set():
            return None
        with self._lock:  # workers put refused items back meanwhile
            self._read(MAX_BULK)  # the input is read as requests are made
            if not self._waiting:
                return None
            now = clock()
            expiry = self._expire(now)
            if not self._waiting:
                return None
            batch = self._choose(MAX_BULK)
            if len(batch.items) < MAX_BULK and not self._input_done:
                # Some numbers wait for their own rate: read further ahead (up to LOOKAHEAD)
                # for messages from other numbers to fill the request.
                self._read(LOOKAHEAD)
                more = self._choose(MAX_BULK - len(batch.items))
                batch.keys += more.keys
                batch.items += more.items
                batch.wait = min(batch.wait, more.wait) if not more.items else 0.0
            if not batch.items:
                return max(min(batch.wait, expiry - now), 1e-3)
            return batch

    def _choose(self, most: int) -> Batch:
        """Take from the waiting items those the limiter lets go now (at most ``most``); an
        empty batch carries the seconds until one may go."""
        granted, wait = self.limiter.take([w.sender for w in self._waiting], most)
        batch = Batch()
        batch.wait = wait
        chosen = set(granted)
        for position in granted:
            waiting = self._waiting[position]
            batch.keys.append(waiting.key)
            batch.items.append(waiting.item)
        self._waiting = [w for p, w in enumerate(self._waiting) if p not in chosen]
        return batch

    def _expire(self, now: float) -> float:
        """Settle the items refused for longer than ``max_rate_wait`` with their refusal;
        return when the next one will be due (``inf`` if none is)."""
        limit = self.limiter.settings.max_rate_wait
        due = math.inf
        kept: list[_Waiting] = []
        for waiting in self._waiting:
            first = self._first_refused.get(waiting.key)
            if first is not None and now - first >= limit:
                self._settled.append(self._refusals.pop(waiting.key))
                del self._first_refused[waiting.key]
                continue
            if first is not None:
                due = min(due, first + limit)
            kept.append(waiting)
        self._waiting = kept
        return due

    @property
    def records(self) -> bool:
        """Whether results are recorded (durably: an async client does it off its loop)."""
        return self._recorder is not None

    @property
    def remote(self) -> bool:
        """Whether choosing a batch crosses the network (the limiter's store is a server)."""
        return self.limiter.store.remote

    def take_settled(self) -> list[SendResult]:
        """Results settled without a request since the last call (invalid items, items whose
        time for rate refusals ran out), not yet recorded: the caller passes them to
        ``record``."""
        results, self._settled = self._settled, []
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
        """Record each item's result; return the final ones (items refused for rate wait
        for their turn again)."""
        refused: list[tuple[int, SendResult]] = []
        for position, (key, result) in enumerate(zip(batch.keys, results, strict=True)):
            result["index"] = key
            result["sent_at"] = batch.sent_at
            if result["result"] != "accepted" and is_rate_refusal_detail(result.get("error")):
                refused.append((position, result))
        self.record(results)
        if not refused:
            return results
        # One lesson per kind of refusal (the account's, or one number's), not one per item.
        lessons: dict[tuple[str, str], tuple[str, str, int]] = {}
        for position, result in refused:
            error = cast(dict[str, str], result.get("error"))
            code, sender = str(error.get("code", "")), str(batch.items[position].get(SENDER))
            lesson = (code, sender if code == "message-rate-limit-per-tn" else "")
            _, message, count = lessons.get(lesson, (sender, str(error.get("message", "")), 0))
            lessons[lesson] = (sender, message, count + 1)
        for (code, _), (sender, message, count) in lessons.items():
            self.limiter.refused(sender, code=code, message=message, told=None, messages=count)
        return self._again(batch, dict(refused), results)

    def failed(self, batch: Batch, error: BandwidthError) -> list[SendResult]:
        if _stops_the_rest(error):
            self.stopped_by = error
        results = self.record(
            [
                self._failed_one(key, item, error, attempted=True, sent_at=batch.sent_at)
                for key, item in zip(batch.keys, batch.items, strict=True)
            ]
        )
        if not isinstance(error, RateLimitError):
            return results
        self.limiter.refused_by(str(batch.items[0].get(SENDER)), error, messages=len(results))
        return self._again(batch, dict(enumerate(results)), results)

    def _again(
        self, batch: Batch, refused: dict[int, SendResult], results: list[SendResult]
    ) -> list[SendResult]:
        """Put the refused items back to wait, in their places; return the other results
        (and those of refused items whose time ran out)."""
        now = clock()
        final: list[SendResult] = []
        again: list[_Waiting] = []
        with self._lock:
            for position, result in enumerate(results):
                if position not in refused:
                    final.append(result)
                    continue
                key = batch.keys[position]
                first = self._first_refused.setdefault(key, now)
                if now - first >= self.limiter.settings.max_rate_wait:
                    del self._first_refused[key]
                    self._refusals.pop(key, None)
                    final.append(result)
                    continue
                item = batch.items[position]
                again.append(_Waiting(key, item, str(item.get(SENDER))))
                self._refusals[key] = result
            if again:  # back in the input's order, so each number's messages keep theirs
                self._waiting = sorted(again + self._waiting, key=lambda w: w.key)
        return final

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


# -- plans: a send not yet started ---------------------------------------------------------


class BulkPlan(NamedTuple):
    """A bulk send not yet started: its stream, and how a driver is to perform it."""

    stream: BulkStream
    concurrency: int | None
    total: int = 0
    on_progress: Progress | None = None


def iterate(items: Iterable[T], method: str = "send_messages") -> Iterator[T]:
    """``items`` read one by one; a dict or a string (one item, not a list of them) refused."""
    if isinstance(items, Mapping | str | bytes):
        raise InvalidTypeError(f"{method} takes a list of dicts, not a {type(items).__name__}")
    try:
        return iter(items)
    except TypeError:
        raise InvalidTypeError(
            f"{method} takes a list of dicts, not {type(items).__name__}"
        ) from None


def _workers(concurrency: int | None) -> int | None:
    return None if concurrency is None else check_count("concurrency", concurrency)


def list_plan(
    core: Core,
    items: Iterable[object],
    timeout: TimeoutArg,
    concurrency: int | None,
    on_progress: Progress | None,
) -> BulkPlan:
    """``send_messages``: every item checked (errors name its index) before any is sent."""
    checked = [send_item(item, index) for index, item in enumerate(iterate(items))]
    stream = BulkStream(enumerate(checked), core.batch_flow(timeout), core.limiter, check=False)
    return BulkPlan(stream, _workers(concurrency), len(checked), on_progress)


def stream_plan(
    core: Core,
    pairs: Iterable[tuple[int, object]],
    timeout: TimeoutArg,
    concurrency: int | None,
    recorder: Recorder | None = None,
    stop: threading.Event | None = None,
) -> BulkPlan:
    """``send_stream``: ``(key, item)`` pairs read, checked and sent as requests are made."""
    stream = BulkStream(
        iterate(pairs, "send_stream"),
        core.batch_flow(timeout),
        core.limiter,
        recorder=recorder,
        stop=stop,
    )
    return BulkPlan(stream, _workers(concurrency))


def in_order(plan: BulkPlan, batches: Iterable[list[SendResult]]) -> list[SendResult]:
    """``send_messages``' answer: every result, in input order, with progress reported."""
    results: list[SendResult | None] = [None] * plan.total
    done = 0
    for batch in batches:
        for result in batch:
            results[result["index"]] = result
        done += len(batch)
        if plan.on_progress is not None:
            plan.on_progress(done, plan.total)
    return results  # type: ignore[return-value]  # one result per item: none is left None


def flatten(batches: Generator[list[SendResult], None, None]) -> Generator[SendResult, None, None]:
    """The results one by one; closing this closes the send (see ``drive``)."""
    with contextlib.closing(batches):
        for batch in batches:
            yield from batch


async def aflatten(
    batches: AsyncGenerator[list[SendResult], None],
) -> AsyncGenerator[SendResult, None]:
    """``flatten`` for the async client: closing this (``aclose()``) closes the send, which
    waits for the requests in flight and records them (see ``adrive``)."""
    async with contextlib.aclosing(batches):
        async for batch in batches:
            for result in batch:
                yield result


# -- drivers: performing a plan's requests ---------------------------------------------------


def drive(
    plan: BulkPlan, run: Callable[[Flow[list[SendResult]]], list[SendResult]], workers: int
) -> Generator[list[SendResult], None, None]:
    """Perform a bulk send's requests with ``run`` (a client's driver) from worker threads,
    ``plan.concurrency`` (else ``workers``) at a time, yielding each request's results as it
    ends. The calling thread only reads the input and waits, so Ctrl-C reaches it between
    requests, never inside one."""
    from concurrent.futures import FIRST_COMPLETED, Executor, Future, ThreadPoolExecutor, wait

    stream = plan.stream
    workers = plan.concurrency or workers

    def perform(batch: Batch) -> list[SendResult]:
        flow = stream.start(batch)  # recorded before it is sent
        if flow is None:
            return stream.refused(batch)
        try:
            return stream.succeeded(batch, run(flow))
        except BandwidthError as error:
            return stream.failed(batch, error)

    pool: Executor
    if workers == 1 and plan.total:
        # A list send, one request at a time: no thread hand-off per request (its result
        # list dies with the process anyway, so Ctrl-C inside a request loses nothing).

        class InThisThread(Executor):
            def submit(self, fn: Callable[..., T], /, *args: Any, **kw: Any) -> Future[T]:
                future: Future[T] = Future()
                future.set_result(fn(*args, **kw))
                return future

        pool = InThisThread()
    else:
        pool = ThreadPoolExecutor(workers, thread_name_prefix="bandwidth-bulk")
    in_flight: set[Future[list[SendResult]]] = set()
    try:
        while True:
            wait_for: float | None = None  # seconds until the rate limits let a batch go
            while len(in_flight) < workers:
                step = stream.next_batch()
                if not isinstance(step, Batch):
                    wait_for = step
                    break
                in_flight.add(pool.submit(perform, step))
            if settled := stream.take_settled():
                yield stream.record(settled)
            if not in_flight:
                if wait_for is None:
                    return
                pause(wait_for, stream.stop)
                continue
            # A refused batch puts its items back: look again when one ends, or when the
            # limits let the next batch go.
            done, in_flight = wait(in_flight, timeout=wait_for, return_when=FIRST_COMPLETED)
            for future in done:
                yield future.result()
    finally:
        # Stopped early (Ctrl-C, an exception, the caller stopped reading): nothing new
        # starts, and the requests in flight end and are recorded before control returns.
        wait(in_flight)
        pool.shutdown(wait=False)


class _OffLoop(Protocol):
    def __call__(
        self, function: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs
    ) -> Awaitable[T]: ...


async def _inline(function: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    return function(*args, **kwargs)


async def adrive(
    plan: BulkPlan,
    run: Callable[[Flow[list[SendResult]]], Awaitable[list[SendResult]]],
    workers: int,
) -> AsyncGenerator[list[SendResult], None]:
    """``drive`` with asyncio tasks: ``concurrency`` requests in flight, results as each ends;
    stopped early, it starts nothing new and waits for the requests in flight."""
    import asyncio

    stream = plan.stream
    workers = plan.concurrency or workers
    # A journal's records are fsynced, and a shared limiter's store may be a server: then the
    # stream's accounting runs in a worker thread, and the event loop is not held meanwhile
    # (each record is still made before its request is sent, or its results handed over).
    off_loop: _OffLoop = asyncio.to_thread if stream.records or stream.remote else _inline
    choose: _OffLoop = asyncio.to_thread if stream.remote else _inline

    async def perform(batch: Batch) -> list[SendResult]:
        flow = await off_loop(stream.start, batch)
        if flow is None:
            return await off_loop(stream.refused, batch)
        try:
            results = await run(flow)
        except BandwidthError as error:
            return await off_loop(stream.failed, batch, error)
        return await off_loop(stream.succeeded, batch, results)

    in_flight: set[asyncio.Task[list[SendResult]]] = set()
    try:
        while True:
            wait_for: float | None = None
            while len(in_flight) < workers:
                step = await choose(stream.next_batch)
                if not isinstance(step, Batch):
                    wait_for = step
                    break
                in_flight.add(asyncio.ensure_future(perform(step)))
            if settled := stream.take_settled():
                yield await off_loop(stream.record, settled)
            if not in_flight:
                if wait_for is None:
                    return
                await async_pause(wait_for, stream.stop)
                continue
            done, in_flight = await asyncio.wait(
                in_flight, timeout=wait_for, return_when=asyncio.FIRST_COMPLETED
            )
            for task in done:
                yield task.result()
    finally:
        if in_flight:
            await asyncio.wait(in_flight)
