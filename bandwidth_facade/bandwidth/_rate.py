"""Sending at the rate the account allows: the limiter, the store that shares it, and what a
refusal teaches it.

Bandwidth limits how fast an account may send (``rateLimits/messageRateLimits.md``): an
account-wide rate with a burst (the rate + 10 when queueing is on), and a rate per sending
number (1 message/s for an ordinary long-code number, none of its own for toll-free numbers and
short codes). A message over a limit is refused (403 ``message-rate-limit``,
``message-rate-limit-per-tn``; 429; 400 ``message-delay-limit``) and was certainly not sent.

``RateLimiter`` counts messages, not requests. Each limit is a GCRA (a token bucket kept as one
number, the "theoretical arrival time" of the next message), so its state is a handful of floats
that a ``Store`` holds: in this process (``memory://``), in a SQLite file every process of the
machine opens (the default), or in Redis for many machines (``redis://...``). The limiter never
sleeps: ``take`` says which messages may go now or how long until one may, and the flows wait,
so the same limiter serves threads and asyncio tasks.

What is not configured is learned. A refusal that states the limit ("You can send 5 messages
per 1 seconds ...") is adopted (for a number: that number's rate), with the documented burst of
the rate + 10 for the account; the bucket is then taken as empty, and a stated reset time
(``X-RateLimit-Reset``, ``Retry-After``) holds every send until it passes.
"""

from __future__ import annotations

import functools
import logging
import math
import os
import re
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Final, Literal, NamedTuple, Protocol, TypeAlias, TypedDict

from ._exceptions import APIStatusError, InvalidValueError
from ._retry import parse_retry_after, reset_after

if TYPE_CHECKING:
    import sqlite3

__all__ = [
    "DEFAULT_MAX_RATE_WAIT",
    "NumberClass",
    "Pacing",
    "RateLimiter",
    "RateSettings",
    "Step",
    "Store",
    "clock",
    "number_class",
    "open_store",
]

log = logging.getLogger("bandwidth")

DEFAULT_MAX_RATE_WAIT: Final = 600.0
"""Seconds a message refused for rate is kept being tried (``max_rate_wait``): long enough for a
bulk run to ride out the API's 10-second averaging many times over."""
BURST_ABOVE_RATE: Final = 10
"""The documented account burst: the rate + 10 messages (when queueing is on)."""
DEFAULT_NUMBER_RATE: Final = 1.0
"""The documented rate of an ordinary long-code (P2P) number, assumed once the API has refused
one of its messages for its own rate without saying the limit."""
SAFETY: Final = 0.98
"""The share of a limit the limiter uses: the API counts requests as they arrive, and a request
that the network delays less than the one before it would otherwise arrive early."""
UNSTATED_HOLD: Final = 1.0
"""Seconds every send waits after an account refusal that states neither limit nor reset."""
UNLIMITED_RECHECK: Final = 0.25
"""Seconds a client with no limit configured, none learned, sends without asking its store
again (another process may learn one meanwhile: it is then heard of this much later)."""
STORE_RETRY: Final = 30.0
"""Seconds a client paces on its own after its shared store failed, before trying it again."""
STORE_TTL: Final = 86_400
"""A shared store forgets an account's state after a day unused (Redis key expiry)."""

_STATED: Final = re.compile(
    r"send\s+(?P<count>\d+(?:\.\d+)?)\s+messages?\s+per\s+(?P<seconds>\d+(?:\.\d+)?)\s+seconds?",
    re.IGNORECASE,
)
_NUMBER: Final = re.compile(r"for telephone number\s+(?P<number>\+?\d+)", re.IGNORECASE)
_TOLL_FREE: Final = re.compile(r"^\+?1(800|833|844|855|866|877|888)\d{7}$")
_SHORT_CODE: Final = re.compile(r"^\d{3,8}$")


def clock() -> float:
    """The limiter's time: the wall clock, which every process and machine sharing a store
    agree on (machines sharing Redis keep theirs in step with NTP). While
    ``bandwidth.testing.recorded_waits()`` is active it stands still, and only the waits it
    records move it on, so that the waits a test sees are exact."""
    return time.time() if _virtual is None else _virtual[0]


_virtual: list[float] | None = None


def freeze(frozen: bool) -> None:
    """Stop the limiter's time (``True``; its waits are then recorded, not slept) or let it
    run with the wall clock again (``False``)."""
    global _virtual
    _virtual = [time.time()] if frozen else None


def skip(seconds: float) -> None:
    """Move the stopped time on by a wait that was recorded instead of slept."""
    if _virtual is not None:
        _virtual[0] += seconds


NumberClass: TypeAlias = Literal["long-code", "toll-free", "short-code"]
"""The classes of numbers whose per-number send rates differ."""


@functools.lru_cache(maxsize=4096)
def number_class(number: str) -> NumberClass:
    """The class of a sending number, which decides its per-number rate: ``'toll-free'``
    (North American 8XX), ``'short-code'`` (3 to 8 digits, no ``+``), or ``'long-code'``."""
    if _TOLL_FREE.match(number):
        return "toll-free"
    if _SHORT_CODE.match(number):
        return "short-code"
    return "long-code"


class RateSettings(NamedTuple):
    """The rates an account was given (``None``: not configured, learned from refusals)."""

    messages_per_second: float | None = None
    burst: int | None = None
    per_number: float | None = None
    toll_free: float | None = None
    short_code: float | None = None
    max_rate_wait: float = DEFAULT_MAX_RATE_WAIT
    url: str | None = None

    @property
    def configures_any(self) -> bool:
        """Whether any rate is configured (else every limit is learned)."""
        rates = (self.messages_per_second, self.per_number, self.toll_free, self.short_code)
        return any(rate is not None for rate in rates)

    def for_class(self, kind: str) -> float | None:
        if kind == "toll-free":
            return self.toll_free
        return self.short_code if kind == "short-code" else self.per_number


class Pacing(TypedDict):
    """What the limiter knows now (``Client.pacing``): the account's rate and burst in force
    (configured or learned; ``None`` while no limit is known), the per-number rates learned
    from refusals, and how many refusals for rate this client has had."""

    messages_per_second: float | None
    burst: int | None
    number_rates: dict[str, float]
    refusals: int


# -- the buckets ---------------------------------------------------------------------------


class _Bucket(NamedTuple):
    """A GCRA: one message every ``interval`` seconds, ``tolerance`` seconds of it (the burst
    less one message) taken at once."""

    interval: float
    tolerance: float

    @classmethod
    def of(cls, rate: float, burst: float) -> _Bucket:
        """The bucket the limiter keeps to for a limit of ``rate`` and ``burst``: a little
        under it (``SAFETY``), and one message of the burst held back, so that requests the
        network delays unevenly still arrive within the API's limits."""
        interval = 1.0 / (rate * SAFETY)
        spare = 1.0 if burst >= 2 else 0.0
        return cls(interval, (max(burst - spare, 1.0) - 1.0) * interval)

    # Times are seconds since 1970 (about 2e9, to within 2e-7): differences of times are taken
    # first, and a millionth of an interval is forgiven, so rounding never holds a message back.

    def available(self, tat: float, now: float) -> int:
        """Messages that may go at ``now`` when the next arrival is due at ``tat``."""
        room = self.tolerance + self.interval - (max(tat, now) - now)
        return max(0, math.floor(room / self.interval + 1e-6))

    def wait(self, tat: float, now: float) -> float:
        """Seconds until one message may go."""
        return max(0.0, (max(tat, now) - now) - self.tolerance)

    def empty(self, now: float) -> float:
        """The arrival time of a bucket with nothing left, as a refusal shows it."""
        return now + self.tolerance + self.interval


def _number_burst(rate: float) -> float:
    """A number's bucket holds one second's worth (at least one message)."""
    return max(1.0, rate)


# -- the stores ----------------------------------------------------------------------------

Values = dict[str, float]
"""Named floats of one account's state: ``a`` (the account's arrival time), ``a.rate``
(its learned rate), ``hold`` (nothing goes before it), ``n:NUMBER`` and ``n:NUMBER.rate``."""


class Store(Protocol):
    """Where limiter state lives. ``update`` reads ``fields`` (absent ones left out), calls
    ``change`` with them and writes what it returns, as one atomic step across every process
    sharing the store; ``change`` may be called again if another process got there first."""

    remote: bool
    """Whether an update crosses the network (the async client then makes it off its loop)."""

    def update(self, fields: Sequence[str], change: Callable[[Values], Values]) -> None: ...

    def close(self) -> None: ...


class MemoryStore:
    """This client's own state: no sharing (``memory://``)."""

    remote = False

    def __init__(self) -> None:
        self._values: Values = {}
        self._lock = threading.Lock()

    def update(self, fields: Sequence[str], change: Callable[[Values], Values]) -> None:
        with self._lock:
            self._values.update(change({f: self._values[f] for f in fields if f in self._values}))

    def close(self) -> None:
        pass


class SQLiteStore:
    """State in a SQLite file, shared by every process of the machine that opens it.

    Rows are ``(scope, field, value)``; an update is one ``BEGIN IMMEDIATE`` transaction, so
    processes take turns. Nothing here needs to survive a crash (a lost row only means one
    refusal more), so the file is not synced.
    """

    remote = False

    def __init__(self, path: Path, scope: str) -> None:
        import sqlite3

        self.path = path
        self._scope = scope
        self._lock = threading.Lock()
        try:
            self._connection: sqlite3.Connection = sqlite3.connect(
                path, timeout=5.0, isolation_level=None, check_same_thread=False
            )
        except sqlite3.Error as error:  # its directory is missing, or cannot be written
            raise InvalidValueError(f"rate_limits_url: {path} cannot be opened ({error})") from None
        try:
            self._connection.execute("PRAGMA synchronous=OFF")
            self._connection.execute(
                "CREATE TABLE IF NOT EXISTS bandwidth_rate_limits (scope TEXT NOT NULL, "
                "field TEXT NOT NULL, value REAL NOT NULL, PRIMARY KEY (scope, field))"
            )
        except sqlite3.DatabaseError as error:
            self._connection.close()
            raise InvalidValueError(
                f"rate_limits_url: {path} is not a rate-limit store ({error})"
            ) from None

    def update(self, fields: Sequence[str], change: Callable[[Values], Values]) -> None:
        marks = ",".join("?" * len(fields))
        with self._lock:
            db = self._connection
            db.execute("BEGIN IMMEDIATE")
            try:
                query = f"SELECT field, value FROM bandwidth_rate_limits WHERE scope = ? AND field IN ({marks})"  # noqa: E501, S608 - only placeholders are added
                rows = db.execute(query, (self._scope, *fields)).fetchall()
                written = change(dict(rows))
                if written:
                    db.executemany(
                        "INSERT OR REPLACE INTO bandwidth_rate_limits VALUES (?, ?, ?)",
                        [(self._scope, field, value) for field, value in written.items()],
                    )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        self._connection.close()


class RedisStore:
    """State in one Redis hash per account, shared by every machine that reaches the server.

    An update watches the hash, reads the fields, and writes in a transaction that fails if
    another client wrote meanwhile (then it reads again): the limiter's arithmetic stays in
    this module, once, instead of in a server-side script.
    """

    remote = True
    ATTEMPTS: Final = 50

    def __init__(self, url: str, scope: str) -> None:
        try:
            import redis
        except ImportError:
            raise InvalidValueError(
                f"rate_limits_url {_shown(url)} needs the redis package: "
                "pip install 'bandwidth-messaging[redis]'"
            ) from None
        self._redis = redis
        # Bounded waits: a store that does not answer must not hang a send.
        self._client = redis.Redis.from_url(url, socket_timeout=2.0, socket_connect_timeout=2.0)
        self._key = f"bandwidth-rate-limits:{scope}"

    def update(self, fields: Sequence[str], change: Callable[[Values], Values]) -> None:
        with self._client.pipeline() as pipe:
            for _ in range(self.ATTEMPTS):
                try:
                    pipe.watch(self._key)  # type: ignore[no-untyped-call]  # untyped in redis-py
                    raw = pipe.hmget(self._key, list(fields))
                    pairs = zip(fields, raw, strict=True)
                    values = {f: float(v) for f, v in pairs if v is not None}
                    written = change(values)
                    pipe.multi()
                    if written:
                        pipe.hset(self._key, mapping={f: repr(v) for f, v in written.items()})
                    pipe.expire(self._key, STORE_TTL)
                    pipe.execute()
                    return
                except self._redis.WatchError:
                    continue
        raise self._redis.RedisError(f"{self.ATTEMPTS} concurrent updates in a row")

    def close(self) -> None:
        self._client.close()


def _shown(url: str) -> str:
    """A store URL without a password, for messages and logs."""
    return repr(re.sub(r"//[^@/]*@", "//***@", url))


def default_store_path() -> Path:
    """Where the machine-wide store lives: the user's cache directory."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "bandwidth" / "rate-limits.sqlite3"


def open_store(url: str | None, scope: str) -> Store:
    """The store ``url`` names: ``memory://`` (this client alone), ``sqlite:///PATH``,
    ``redis://...`` / ``rediss://...`` / ``unix://...``; ``None`` is the machine-wide SQLite
    file in the user's cache directory (this client alone, with a warning, where it cannot be
    made)."""
    if url is None:
        path = default_store_path()
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            return SQLiteStore(path, scope)
        except (OSError, InvalidValueError) as error:
            log.warning("rate limits are not shared with other processes: %s", error)
            return MemoryStore()
    scheme = url.partition(":")[0].lower()
    if scheme == "memory":
        return MemoryStore()
    if scheme == "sqlite":
        path = Path(url.partition(":")[2].removeprefix("//"))
        if not path.is_absolute():
            raise InvalidValueError(f"rate_limits_url {url!r}: give an absolute sqlite:///PATH")
        try:
            return SQLiteStore(path, scope)
        except OSError as error:
            raise InvalidValueError(f"rate_limits_url {url!r}: {error}") from None
    if scheme in ("redis", "rediss", "unix"):
        return RedisStore(url, scope)
    raise InvalidValueError(
        f"rate_limits_url {_shown(url)}: use memory://, sqlite:///PATH or redis://HOST:PORT/DB"
    )


# -- the limiter ---------------------------------------------------------------------------


class RateLimiter:
    """The account's send budget, shared through ``store`` by every client of the account.

    ``take(senders, most)`` books messages: given the sending number of each message waiting
    (oldest first), it returns the positions of those that may go now (at most ``most``; a
    number's messages in their order, others going on while one number waits) and, when none
    may, the seconds until one may. ``refused`` learns from a refusal for rate.
    """

    def __init__(
        self, settings: RateSettings, store: Store, clock: Callable[[], float] = clock
    ) -> None:
        self.settings = settings
        self.store = store
        self._clock = clock
        self._lock = threading.Lock()
        self._stated: dict[str, float] = {}  # limits the API stated over configured ones
        self._known: Values = {}  # the learned rates seen in the store (for ``pacing``)
        self._local = MemoryStore()  # while the shared store fails
        self._unlimited_until = 0.0  # before it, no limit is in force: nothing to book
        self._shared_again = 0.0
        self.refusals = 0

    # -- what is in force --------------------------------------------------------------------

    def _account_limits(self, values: Mapping[str, float]) -> tuple[float, int] | None:
        """The account's rate and burst in force, or ``None`` while none is known."""
        rate = self._stated.get("a") or self.settings.messages_per_second or values.get("a.rate")
        if rate is None:
            return None
        burst = self.settings.burst
        return rate, burst if burst is not None else math.floor(rate) + BURST_ABOVE_RATE

    def _account(self, values: Mapping[str, float]) -> _Bucket | None:
        limits = self._account_limits(values)
        return None if limits is None else _Bucket.of(*limits)

    def _number_rate(self, number: str, values: Mapping[str, float]) -> float | None:
        stated = self._stated.get(f"n:{number}")
        if stated is not None:
            return stated
        configured = self.settings.for_class(number_class(number))
        return configured if configured is not None else values.get(f"n:{number}.rate")

    def _number(self, number: str, values: Mapping[str, float]) -> _Bucket | None:
        rate = self._number_rate(number, values)
        return None if rate is None else _Bucket.of(rate, _number_burst(rate))

    def _update(self, fields: Sequence[str], change: Callable[[Values], Values]) -> None:
        """``store.update``; while the shared store fails (Redis down, a file gone bad), this
        client keeps a budget of its own, with a warning, and tries the store again later:
        a send is never failed for the sake of pacing."""
        if time.monotonic() >= self._shared_again:
            try:
                self.store.update(fields, change)
                return
            except Exception as error:  # the store's own errors, from any backend
                self._shared_again = time.monotonic() + STORE_RETRY
                log.warning(
                    "the shared rate-limit store failed (%s: %s); this client paces on its own "
                    "for %g s",
                    type(error).__name__,
                    error,
                    STORE_RETRY,
                )
        self._local.update(fields, change)

    # -- booking -----------------------------------------------------------------------------

    def take(self, senders: Sequence[str], most: int) -> tuple[list[int], float]:
        """Book up to ``most`` of the waiting messages (see the class)."""
        if time.monotonic() < self._unlimited_until:
            # No limit was in force a moment ago, and nothing is booked while none is: the
            # store is asked again shortly, not for every request.
            return list(range(min(most, len(senders)))), 0.0
        # Numbers beyond the first ``2 * most`` distinct ones are not looked at this time.
        distinct = list(dict.fromkeys(senders))[: 2 * most]
        considered = set(distinct)
        fields = ["hold", "a", "a.rate"]
        for number in distinct:
            fields += [f"n:{number}", f"n:{number}.rate"]
        outcome: tuple[list[int], float] = ([], 0.0)

        def change(values: Values) -> Values:
            nonlocal outcome
            now = self._clock()
            self._remember(values)
            hold = values.get("hold", 0.0)
            if hold > now:
                outcome = ([], hold - now)
                return {}
            account = self._account(values)
            tat_account = values.get("a", now)
            room = most if account is None else min(most, account.available(tat_account, now))
            if room == 0:
                assert account is not None
                outcome = ([], account.wait(tat_account, now))
                return {}
            granted: list[int] = []
            written: Values = {}
            waits: list[float] = []
            full: set[str] = set()
            buckets: dict[str, _Bucket | None] = {}  # each number's, worked out once
            for position, number in enumerate(senders):
                if len(granted) == room:
                    break
                if number in full or number not in considered:
                    continue
                if number in buckets:
                    bucket = buckets[number]
                else:
                    bucket = buckets[number] = self._number(number, values)
                if bucket is not None:
                    tat = written.get(f"n:{number}", values.get(f"n:{number}", now))
                    if bucket.available(tat, now) == 0:
                        full.add(number)
                        waits.append(bucket.wait(tat, now))
                        continue
                    written[f"n:{number}"] = max(tat, now) + bucket.interval
                granted.append(position)
            if granted and account is not None:
                written["a"] = max(tat_account, now) + len(granted) * account.interval
            outcome = (granted, 0.0 if granted else min(waits, default=0.0))
            if (
                account is None
                and not self.settings.configures_any
                and not any(field.endswith(".rate") for field in values)
            ):
                self._unlimited_until = time.monotonic() + UNLIMITED_RECHECK
            return written

        with self._lock:
            self._update(fields, change)
        return outcome

    def take_one(self, sender: str) -> float:
        """Book one message from ``sender``: 0 if it may go now, else the seconds to wait."""
        granted, wait = self.take([sender], 1)
        return 0.0 if granted else max(wait, 1e-3)

    # -- learning ----------------------------------------------------------------------------

    def refused_by(self, sender: str, error: APIStatusError, messages: int = 1) -> float:
        """``refused`` for a refusal raised as an exception (its headers may give a reset)."""
        told = reset_after(error)
        if told is None:
            told = parse_retry_after(error.headers.get("Retry-After"))
        self.refused(sender, code=error.code, message=error.message, told=told, messages=messages)
        return 0.0

    def refused(
        self, sender: str, *, code: str, message: str, told: float | None, messages: int = 1
    ) -> None:
        """Learn from a refusal for rate of ``messages`` messages from ``sender``: the API's
        ``code`` and ``message``, and the seconds it said to wait (``told``), if it did."""
        self._unlimited_until = 0.0
        text = message or ""
        stated_match = _STATED.search(text)
        stated = None
        if stated_match and float(stated_match["seconds"]) > 0 and float(stated_match["count"]):
            stated = float(stated_match["count"]) / float(stated_match["seconds"])
        per_number = code == "message-rate-limit-per-tn" or "per telephone number" in text
        named = _NUMBER.search(text)
        number = named["number"] if named and per_number else sender
        with self._lock:
            self.refusals += messages
            self._adopt(number if per_number else None, stated)
        fields = ["hold", "a", "a.rate", f"n:{number}", f"n:{number}.rate"]

        def change(values: Values) -> Values:
            now = self._clock()
            written: Values = {}
            if per_number:
                configured = self._stated.get(f"n:{number}") or self.settings.for_class(
                    number_class(number)
                )
                rate = configured or stated or values.get(f"n:{number}.rate") or DEFAULT_NUMBER_RATE
                if configured is None or stated is not None:  # what the API said, for all
                    written[f"n:{number}.rate"] = stated or rate
                bucket = _Bucket.of(rate, _number_burst(rate))
                until = bucket.empty(now) + (told or 0.0)
                written[f"n:{number}"] = max(values.get(f"n:{number}", now), until)
                self._remember(written)
                return written
            if stated is not None:
                written["a.rate"] = stated
            account = self._account({**values, **written})
            if account is not None:
                written["a"] = max(values.get("a", now), account.empty(now))
            hold = told if told is not None else (None if account else UNSTATED_HOLD)
            if hold:
                written["hold"] = max(values.get("hold", 0.0), now + hold)
            self._remember(written)
            return written

        with self._lock:
            self._update(fields, change)

    def _adopt(self, number: str | None, stated: float | None) -> None:
        """A stated limit below a configured one wins, with a warning: the API is the truth."""
        if stated is None:
            return
        configured = (
            self.settings.messages_per_second
            if number is None
            else self.settings.for_class(number_class(number))
        )
        if configured is not None and stated < configured:
            log.warning(
                "the API allows %g messages/s %s, fewer than the %g configured; sending at %g",
                stated,
                "for the account" if number is None else f"from {number}",
                configured,
                stated,
            )
            self._stated["a" if number is None else f"n:{number}"] = stated

    # -- reporting ---------------------------------------------------------------------------

    def _remember(self, values: Values) -> None:
        self._known.update((k, v) for k, v in values.items() if k.endswith(".rate"))

    def pacing(self) -> Pacing:
        values = self._known
        rate, burst = self._account_limits(values) or (None, None)
        numbers = {
            key[2:-5]: value
            for key, value in values.items()
            if key.startswith("n:") and key.endswith(".rate")
        }
        return Pacing(
            messages_per_second=rate, burst=burst, number_rates=numbers, refusals=self.refusals
        )

    def close(self) -> None:
        self.store.close()


class Step:
    """A flow's request to book or learn through the limiter (the store may be another
    process's file or a server): the client runs it, off the event loop when ``remote``, and
    resumes the flow with what it returns (seconds to wait; 0 to go on)."""

    __slots__ = ("remote", "run")

    def __init__(self, run: Callable[[], float], remote: bool) -> None:
        self.run = run
        self.remote = remote
