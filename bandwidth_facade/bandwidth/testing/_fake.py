"""A stateful, in-process stand-in for the Messaging API.

It answers as the API documents: ids, ``Location`` and ``Link`` headers, bulk results, the
API's error bodies, redaction, the 50-item limit, listing filters, sort orders and cursor
pagination. Use it as an httpx transport (``fake.transport()``, no sockets) or serve it on
loopback (``bandwidth.testing.serve``).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import random
import re
import string
import threading
import time
from collections import deque
from collections.abc import Callable, Mapping
from fractions import Fraction
from typing import Any, Final, Unpack, cast

import attrs
import httpx
from bandwidth_messaging_api.models import RedactRequest
from bandwidth_messaging_api.typed_dicts import (
    LIST_QUERY_NAMES,
    LIST_QUERY_SCHEMA,
    RESPONSE_NAMES,
    SEND_BULK_MAX_ITEMS,
    SEND_ITEM_NAMES,
    SEND_ITEM_SCHEMA,
)

import bandwidth
from bandwidth import ClientOptions, number_class
from bandwidth.testing import clock as rate_clock

from ._fake_account import FakeAccount

__all__ = ["Callback", "FakeMessagingAPI", "Fault", "StoredMessage"]

_PATH: Final = re.compile(
    r"^/(?P<version>[^/]+)/users/(?P<user>[^/]+)/messages(?:/(?P<id>[^/]+))?/?$"
)
# What the API accepts follows the spec, as the SDK does: both are generated from it. Wire
# names are looked up by the generated Python names, so a name changed in the spec reaches the
# stand-in after `make generate`: what a send carries (_SENT), what a message holds (_HELD) and
# an event (_EVENT), what a listing takes (_QUERY). A message keeps a sent property under the
# name the spec gives it in a Message.
_SENT: Final = {attribute.rstrip("_"): wire for wire, attribute in SEND_ITEM_NAMES.items()}
_HELD: Final = RESPONSE_NAMES["Message"]
_EVENT: Final = RESPONSE_NAMES["MessageEvent"]
_QUERY: Final = {name.rstrip("_"): wire for name, wire in LIST_QUERY_NAMES.items()}
_SEND_KEYS: Final = frozenset(SEND_ITEM_SCHEMA)
_ENUMS: Final[dict[str, frozenset[str]]] = {
    name: frozenset(cast(list[str], rule["enum"]))
    for name, rule in {**SEND_ITEM_SCHEMA, **LIST_QUERY_SCHEMA}.items()
    if "enum" in rule
}
MAX_BULK: Final = SEND_BULK_MAX_ITEMS
_EVENT_OWN: Final = frozenset({"event_type", "message_uri", "media", "application_id"})
"""Event properties made for the event, not copied from the message (snake_case)."""
_DEFAULTS: Final = {
    SEND_ITEM_NAMES[wire].rstrip("_"): rule["default"]
    for wire, rule in SEND_ITEM_SCHEMA.items()
    if "default" in rule
}
"""What the API assumes for a send property left out (the spec's defaults), by Python name."""
_FILTERS: Final = {wire: _HELD[name] for name, wire in _QUERY.items() if name in _HELD}
"""Listing parameters that select messages by the property of the same name."""


def _held(key: str) -> str:
    """A message property's wire name (its snake_case key if the spec no longer has it)."""
    return _HELD.get(key, key)


TEXT_KEPT_FOR: Final = dt.timedelta(days=3)
"""The API keeps message text this long (its documentation); older messages come without it."""


def _error(
    status: int, category: str, code: str, message: str, details: list[dict[str, str]] | None = None
) -> httpx.Response:
    return httpx.Response(
        status,
        json={"category": category, "code": code, "message": message, "details": details or []},
    )


class _Refusal(Exception):
    def __init__(self, response: httpx.Response) -> None:
        self.response = response


@attrs.define
class StoredMessage:
    """One message the fake holds, with its place in the listing order."""

    sequence: int
    body: dict[str, Any]


@attrs.define
class Fault:
    """An answer the fake gives instead of the normal one, for the next ``times`` requests.

    ``status``/``body``/``headers`` make the answer (``body`` as bytes is sent raw: an HTML
    page, a truncated JSON); ``drop=True`` breaks the connection instead of answering;
    ``delay`` (seconds) holds the answer back: served on loopback the fake waits that long;
    used as a transport it raises ``httpx.ReadTimeout`` when the delay reaches the request's
    read timeout (without waiting) and otherwise waits. ``apply=True`` still performs the
    request's effect first (the message is stored, then the answer is lost or late),
    reproducing "accepted, but the caller never heard". ``method`` and ``path`` (a regular
    expression searched in the path) restrict which requests it hits; ``after`` lets that many
    matching requests through normally first. ``status=0`` keeps the normal answer (for a
    delay alone). The class methods make the usual faults.
    """

    times: int = 1
    status: int = 500
    body: bytes | dict[str, Any] | list[Any] | None = None
    headers: Mapping[str, str] = attrs.field(factory=dict)
    drop: bool = False
    apply: bool = False
    method: str | None = None
    path: str | None = None
    after: int = 0
    delay: float = 0.0

    @classmethod
    def rate_limited(
        cls,
        retry_after: float | None = 1,
        *,
        times: int = 1,
        status: int = 403,
        messages_per_second: float = 1,
        **match: Any,
    ) -> Fault:
        """The documented send rate refusal: 403, category ``limit``, ``message-rate-limit``
        (``status=429`` for the other form), stating the account's ``messages_per_second`` as
        the API does (the SDK then sends at that rate); with ``Retry-After`` unless ``None``."""
        headers = {} if retry_after is None else {"Retry-After": f"{retry_after:g}"}
        count, seconds = _per(messages_per_second)
        body = {
            "category": "limit",
            "code": "message-rate-limit",
            "message": f"You can send {count} messages per {seconds} seconds, calculated as the "
            f"average over 10 seconds. Your rate is: {messages_per_second * 1.1:.1f}",
            "details": _request_details("POST"),
        }
        return cls(times=times, status=status, body=body, headers=headers, **match)

    @classmethod
    def too_many_requests(
        cls, reset_in: float = 1.0, *, method: str = "GET", times: int = 1, **match: Any
    ) -> Fault:
        """The documented 429 of every other endpoint (listing, reading, redacting): the reset
        time as a UNIX time in milliseconds, ``reset_in`` seconds from now, in the
        ``X-RateLimit-Reset`` header and the ``rateLimitResetTime`` detail."""
        reset = str(int((time.time() + reset_in) * 1000))
        body = {
            "category": "too-many-requests",
            "code": "rate-limit-reached",
            "details": [{"name": "rateLimitResetTime", "value": reset}, *_request_details(method)],
        }
        return cls(
            times=times,
            status=429,
            body=body,
            headers={"X-RateLimit-Reset": reset},
            method=method,
            **match,
        )

    @classmethod
    def queue_full(cls, *, times: int = 1, **match: Any) -> Fault:
        """The documented 400 ``message-delay-limit``: the account's queue is full."""
        body = {
            "category": "bad-request",
            "code": "message-delay-limit",
            "message": "Message tried to be delayed over the maximum limit.",
            "details": _request_details("POST"),
        }
        return cls(times=times, status=400, body=body, method="POST", **match)

    @classmethod
    def number_access_denied(cls, number: str = "+19195551211", **match: Any) -> Fault:
        """The documented 401 for sending from a number the account does not own."""
        body = {
            "category": "authorization",
            "code": "number-access-denied",
            "message": f"User u-user does not have permission to use number {number}",
            "details": [{"name": "number", "value": number}],
        }
        return cls(status=401, body=body, method="POST", **match)

    @classmethod
    def conflict(cls, code: str = "message-update-conflict", **match: Any) -> Fault:
        """A documented 409: ``message-update-conflict`` or ``duplicate-message``."""
        body = {"category": "conflict", "code": code, "message": f"Conflict: {code}"}
        return cls(status=409, body=body, **match)

    @classmethod
    def slow(cls, delay: float, *, times: int = 1, apply: bool = True, **match: Any) -> Fault:
        """The normal answer, ``delay`` seconds late (a timeout when that reaches it)."""
        return cls(times=times, status=0, delay=delay, apply=apply, **match)

    @classmethod
    def html(cls, status: int = 502, *, times: int = 1, **match: Any) -> Fault:
        """A proxy's HTML error page instead of the API's JSON."""
        page = b"<html><head><title>502 Bad Gateway</title></head><body>Bad Gateway</body></html>"
        return cls(
            times=times, status=status, body=page, headers={"Content-Type": "text/html"}, **match
        )

    @classmethod
    def truncated(cls, status: int = 200, *, times: int = 1, **match: Any) -> Fault:
        """A JSON body cut short, as a broken connection or proxy leaves it."""
        return cls(
            times=times,
            status=status,
            body=b'{"id": "m-',
            apply=True,
            headers={"Content-Type": "application/json"},
            **match,
        )

    def matches(self, request: httpx.Request) -> bool:
        if self.method is not None and request.method != self.method.upper():
            return False
        return self.path is None or re.search(self.path, request.url.path) is not None

    def response(self) -> httpx.Response:
        if isinstance(self.body, bytes):
            return httpx.Response(self.status, content=self.body, headers=self.headers)
        if self.body is None:
            return httpx.Response(self.status, headers=self.headers)
        return httpx.Response(self.status, json=self.body, headers=self.headers)


def _message_not_found(message_id: str) -> httpx.Response:
    return _error(
        404, "not-found", "message-not-found", f"The message {message_id} could not be found"
    )


def _request_details(method: str) -> list[dict[str, str]]:
    return [
        {"name": "requestMethod", "value": method},
        {"name": "remoteAddress", "value": "127.0.0.1"},
    ]


@attrs.frozen
class Callback:
    """One attempt to deliver an event: where, how, what, and the status (``None``: no answer)."""

    url: str
    method: str
    event: dict[str, Any]
    status: int | None


def _query_form(event: dict[str, Any]) -> list[tuple[str, str | int | float | bool | None]]:
    """The GET form, as the documentation shows it: a list as ``media=[url1, url2]``."""
    pairs: list[tuple[str, str | int | float | bool | None]] = []
    for name, value in event.items():
        if isinstance(value, list):
            pairs.append((name, "[" + ", ".join(map(str, value)) + "]"))
        else:
            pairs.append((name, str(value).lower() if isinstance(value, bool) else str(value)))
    return pairs


class _Bucket:
    """The stand-in's own token bucket (written apart from the SDK's limiter, which it
    checks): ``capacity`` messages at once, refilled at ``rate`` a second."""

    def __init__(self, rate: float, capacity: float, now: float) -> None:
        self.rate, self.capacity = rate, capacity
        self.tokens, self.at = capacity, now

    def has_one(self, now: float) -> bool:
        self.tokens = min(self.capacity, self.tokens + (now - self.at) * self.rate)
        self.at = now
        return self.tokens >= 1.0


def _per(rate: float) -> tuple[int, int]:
    """A rate as the API words it: ``count`` messages per ``seconds`` seconds."""
    fraction = Fraction(rate).limit_denominator(1000)
    return fraction.numerator, fraction.denominator


class FakeMessagingAPI:
    """The Messaging API's behaviour for one account, held in memory. Thread-safe.

    With ``messages_per_second`` (and ``burst``, default the rate + 10, as documented) it
    enforces the account's send rate, and with ``per_number_messages_per_second`` the rate of
    each ordinary long-code number (toll-free numbers and short codes have none, as
    documented): a message over a limit is refused as the API refuses it (``403``
    ``message-rate-limit`` or ``message-rate-limit-per-tn``, stating the limit; inside the
    ``202`` for a bulk item). ``rate_counts`` tells how many were accepted and refused.
    """

    def __init__(
        self,
        user_id: str = "u-user",
        api_token: str = "t-token",
        api_secret: str = "s-secret",
        *,
        seed: int = 0,
        clock: Callable[[], dt.datetime] | None = None,
        callback_client: httpx.Client | None = None,
        base_url: str = "https://api.catapult.inetwork.com",
        messages_per_second: float | None = None,
        burst: int | None = None,
        per_number_messages_per_second: float | None = None,
    ) -> None:
        """``callback_client`` delivers events to callback URLs (give one with a test transport,
        or leave it to a plain client for URLs on loopback); ``base_url`` makes ``messageUri``.
        The rates are described in the class."""
        self.user_id = user_id
        self.api_token = api_token
        self._api_secret = api_secret
        self.base_url = base_url
        self.callback_client = callback_client
        self.callbacks: list[Callback] = []
        """Every event delivered to a callback URL, in order."""
        self._authorization = "Basic " + base64.b64encode(
            f"{api_token}:{api_secret}".encode()
        ).decode("ascii")
        self._random = random.Random(seed)  # noqa: S311 - ids, not secrets
        self._clock = clock or (lambda: dt.datetime.now(dt.UTC))
        self._lock = threading.RLock()
        self._messages: dict[str, StoredMessage] = {}
        self._sequence = 0
        self._faults: list[Fault] = []
        self.requests: list[httpx.Request] = []
        """Every request received, in order (bodies already read)."""
        self.messages_per_second = messages_per_second
        self.burst = burst
        self.per_number_messages_per_second = per_number_messages_per_second
        self._account_bucket: _Bucket | None = None
        self._number_buckets: dict[str, _Bucket] = {}
        self._recent: dict[str, deque[float]] = {}
        self.rate_counts: dict[str, int] = {"accepted": 0, "refused": 0}
        """Messages accepted, and refused for rate, since the stand-in started."""
        self.account: FakeAccount = FakeAccount(
            user_id, seed=seed, clock=self._clock, lock=self._lock, base_url=base_url
        )
        """The account's side of the API: applications, numbers, media (``FakeAccount``)."""

    # -- inspection and setup ---------------------------------------------------------------

    @property
    def messages(self) -> list[dict[str, Any]]:
        """Every stored message as the API would return it, oldest first."""
        with self._lock:
            return [dict(m.body) for m in self._messages.values()]

    @property
    def sent(self) -> list[dict[str, Any]]:
        """The outbound messages accepted so far, oldest first."""
        return [m for m in self.messages if m.get(_held("direction")) == "out"]

    def add_message(self, **fields: Any) -> dict[str, Any]:
        """Store a message as if Bandwidth had received it (``direction='in'`` unless given).

        Keys are the wire's (``from`` may be given as ``from_``); ``id`` is made when absent.
        """
        body = {(_held("from") if k == "from_" else k): v for k, v in fields.items()}
        direction = body.setdefault(_held("direction"), "in")
        body.setdefault(_held("state"), "received" if direction == "in" else "sent")
        body.setdefault(_held("media"), [])
        with self._lock:
            return self._store(body)

    # -- Bandwidth's side: incoming messages and delivery receipts ----------------------------

    def receive(
        self,
        from_: str,
        to: str,
        text: str | None = None,
        media: list[str] | None = None,
        *,
        callback_url: str | None = None,
        callback_http_method: str = "POST",
        application_id: str = "a-application",
    ) -> dict[str, Any]:
        """A message arrives for the account: it is stored (so listings show it) and delivered
        as Bandwidth would to ``callback_url``, or else to the ``incomingMessageUrl`` of the
        application the number ``to`` is assigned to (``account.order_phone_number``,
        ``update_phone_number``). Returns the event."""
        fields: dict[str, Any] = {
            _held("from"): from_,
            _held("to"): to,
            _held("media"): list(media or []),
            _held("direction"): "in",
            _held("state"): "received",
            _held("segment_count"): _segments(text, media),
        }
        if text is not None:
            fields[_held("text")] = text
        fallback = None
        with self._lock:
            stored = self._store(fields)
            application = self.account.application_of(to)
        if application is not None and callback_url is None:
            application_id = application["id"]
            callback_url = application.get("incomingMessageUrl")
            callback_http_method = str(application.get("callbackHttpMethod") or "POST")
            fallback = application.get("incomingMessageFallbackUrl")
        event = self._event(stored, **{_EVENT["application_id"]: application_id})
        if callback_url is not None:
            self._deliver(event, callback_url, callback_http_method, fallback)
        return event

    def deliver(
        self,
        message_id: str,
        *,
        delivered: bool = True,
        code: int | None = None,
        description: str | None = None,
    ) -> dict[str, Any]:
        """The carrier reports on an outbound message: its state moves on (``sent`` and
        ``delivered``, or ``error`` and ``not-delivered``), and when its sender asked for
        receipts (``receiptRequested`` ``all``, or ``error`` for a failure) the event goes to
        its ``callbackUrl`` (then ``fallbackUrl`` if that fails). Returns the event."""
        with self._lock:
            stored = self._messages.get(message_id)
            if stored is None or stored.body.get(_held("direction")) != "out":
                raise KeyError(f"no outbound message {message_id!r}")
            body = stored.body
            body[_held("state")] = "sent" if delivered else "error"
            body[_held("delivery_state")] = "delivered" if delivered else "not-delivered"
            body[_held("delivery_code")] = code if code is not None else (0 if delivered else 720)
            body[_held("delivery_description")] = description or (
                "Message delivered to carrier." if delivered else "Invalid destination address."
            )
            message = dict(body)
        event = self._event(message)
        wanted = message.get(_held("receipt_requested"), _DEFAULTS.get("receipt_requested"))
        url = message.get(_held("callback_url"))
        if url and (wanted == "all" or (wanted == "error" and not delivered)):
            self._deliver(
                event,
                url,
                message.get(_held("callback_http_method"), _DEFAULTS.get("callback_http_method")),
                message.get(_held("fallback_url")),
            )
        return event

    def _event(self, message: dict[str, Any], **extra: Any) -> dict[str, Any]:
        # The event carries what the spec's MessageEvent names and the message holds; a
        # property the spec adds to events arrives here after ``make generate``.
        event = {
            wire: message[_HELD[key]]
            for key, wire in _EVENT.items()
            if key not in _EVENT_OWN and key in _HELD and _HELD[key] in message
        }
        code = _EVENT.get("delivery_code")
        if code in event:
            event[code] = str(event[code])  # a string, as the docs show
        media = message.get(_held("media"))
        event[_EVENT["event_type"]] = "mms" if media else "sms"
        event[_EVENT["message_uri"]] = (
            f"{self.base_url}/v1/users/{self.user_id}/messages/{message[_held('id')]}"
        )
        if media:
            event[_EVENT["media"]] = list(media)
        return {**event, **extra}

    def _deliver(self, event: dict[str, Any], url: str, method: str, fallback: str | None) -> None:
        client = self.callback_client or httpx.Client(timeout=5.0)
        try:
            for target in (url, fallback):
                if target is None:
                    break
                try:
                    if method.upper() == "GET":
                        response = client.get(target, params=_query_form(event))
                    else:
                        response = client.post(target, json=event)
                    status: int | None = response.status_code
                except httpx.HTTPError:
                    status = None
                self.callbacks.append(Callback(target, method.upper(), event, status))
                if status is not None and status < 400:
                    break
        finally:
            if self.callback_client is None:
                client.close()

    def inject(self, fault: Fault) -> None:
        """Answer the next matching requests with ``fault`` (queued behind earlier faults)."""
        with self._lock:
            self._faults.append(fault)

    def transport(self) -> httpx.MockTransport:
        """An httpx transport (sync and async) that answers from this fake, without sockets."""
        return httpx.MockTransport(self.handle)

    def client(self, **options: Unpack[ClientOptions]) -> bandwidth.Client:
        """A ``bandwidth.Client`` of this fake's account that talks to it without sockets.
        Its rate limiter is its own (``rate_limits_url='memory://'``) unless told otherwise:
        what a test teaches it stays in that test."""
        http = httpx.Client(transport=self.transport())
        options.setdefault("rate_limits_url", "memory://")
        return bandwidth.Client(
            self.user_id, self.api_token, self._api_secret, http_client=http, **options
        )

    def account_client(self, **options: Unpack[ClientOptions]) -> bandwidth.account.Client:
        """A ``bandwidth.account.Client`` of this fake's account, without sockets."""
        from bandwidth import account

        http = httpx.Client(transport=self.transport())
        return account.Client(
            self.user_id, self.api_token, self._api_secret, http_client=http, **options
        )

    def async_client(self, **options: Unpack[ClientOptions]) -> bandwidth.AsyncClient:
        """A ``bandwidth.AsyncClient`` of this fake's account, without sockets (its limiter
        its own, as ``client``'s)."""
        http = httpx.AsyncClient(transport=self.transport())
        options.setdefault("rate_limits_url", "memory://")
        return bandwidth.AsyncClient(
            self.user_id, self.api_token, self._api_secret, http_client=http, **options
        )

    # -- the documented rate limits -----------------------------------------------------------

    def _admit(self, body: dict[str, Any]) -> None:
        """Count a message against the limits, or refuse it as the API does (called with the
        lock held)."""
        rate, per_number = self.messages_per_second, self.per_number_messages_per_second
        number = str(body.get(_SENT["from"]))
        now = rate_clock()
        account = None
        if rate is not None:
            if self._account_bucket is None:
                burst = self.burst if self.burst is not None else rate + 10
                self._account_bucket = _Bucket(rate, burst, now)
            account = self._account_bucket
        own = None
        if per_number is not None and number_class(number) == "long-code":
            own = self._number_buckets.get(number)
            if own is None:
                own = self._number_buckets[number] = _Bucket(per_number, max(1.0, per_number), now)
        if account is not None and not account.has_one(now):
            assert rate is not None
            self._refuse_for_rate("message-rate-limit", rate, "", "account", now)
        if own is not None and not own.has_one(now):
            assert per_number is not None
            self._refuse_for_rate(
                "message-rate-limit-per-tn", per_number, " per telephone number", number, now
            )
        for bucket in (account, own):
            if bucket is not None:
                bucket.tokens -= 1.0
        for key in ("account", number):
            self._recent.setdefault(key, deque()).append(now)
        self.rate_counts["accepted"] += 1

    def _refuse_for_rate(self, code: str, rate: float, scope: str, key: str, now: float) -> None:
        recent = self._recent.setdefault(key, deque())
        while recent and recent[0] < now - 10:
            recent.popleft()
        count, seconds = _per(rate)
        said = (
            f"You can send {count} messages per {seconds} seconds{scope}, calculated as the "
            f"average over 10 seconds. Your rate is: {(len(recent) + 1) / 10:.1f}"
        )
        if scope:
            said += f" for telephone number {key}"
        self.rate_counts["refused"] += 1
        raise _Refusal(_error(403, "limit", code, said, _request_details("POST")))

    # -- the API ----------------------------------------------------------------------------

    def handle(self, request: httpx.Request, *, served: bool = False) -> httpx.Response:
        """Answer one request as the Messaging API would (``served``: over a real socket)."""
        request.read()
        with self._lock:
            self.requests.append(request)
            fault = self._take_fault(request)
            response = None if fault is not None and not fault.apply else self._answer(request)
        if fault is None:
            assert response is not None
            return response
        if fault.delay:
            read_timeout = request.extensions.get("timeout", {}).get("read")
            if not served and read_timeout is not None and fault.delay >= read_timeout:
                raise httpx.ReadTimeout("timed out waiting for the fake's answer", request=request)
            time.sleep(fault.delay)  # outside the lock: other requests go on meanwhile
        if fault.drop:
            raise httpx.RemoteProtocolError(
                "Server disconnected without sending a response.", request=request
            )
        if fault.status == 0:  # a delay alone: the normal answer, late
            return response if response is not None else self._locked_answer(request)
        return fault.response()

    def _locked_answer(self, request: httpx.Request) -> httpx.Response:
        with self._lock:
            return self._answer(request)

    def _take_fault(self, request: httpx.Request) -> Fault | None:
        for index, fault in enumerate(self._faults):
            if fault.matches(request):
                if fault.after > 0:
                    fault.after -= 1
                    return None
                fault.times -= 1
                if fault.times <= 0:
                    del self._faults[index]
                return fault
        return None

    def _answer(self, request: httpx.Request) -> httpx.Response:
        match = _PATH.match(request.url.path)
        if match is None:
            if request.headers.get("Authorization") != self._authorization:
                return _error(401, "authorization", "user-access-denied", "Access is denied")
            version_less = "/" + request.url.path.lstrip("/").partition("/")[2]
            answered = self.account.answer(request, version_less)
            if answered is not None:
                return answered
            return _error(
                404, "not-found", "resource-not-found", "The requested resource could not be found."
            )
        if (
            request.headers.get("Authorization") != self._authorization
            or match["user"] != self.user_id
        ):
            return _error(401, "authorization", "user-access-denied", "Access is denied")
        message_id = match["id"]
        try:
            if message_id is None and request.method == "POST":
                return self._send(request)
            if message_id is None and request.method == "GET":
                return self._list(request)
            if message_id is not None and request.method == "GET":
                return self._get(message_id)
            if message_id is not None and request.method == "PATCH":
                return self._redact(message_id, request)
        except _Refusal as refusal:
            return refusal.response
        return _error(405, "bad-request", "method-not-allowed", f"{request.method} is not allowed")

    def _send(self, request: httpx.Request) -> httpx.Response:
        body = _json_body(request)
        base = f"{request.url.scheme}://{request.url.netloc.decode()}{request.url.path}"
        if isinstance(body, dict):
            self._check_message(body)
            self._admit(body)
            stored = self._store_outbound(body)
            # Relative, as in the documentation's example: /v1/users/{userId}/messages/{id}
            return httpx.Response(201, headers={"Location": f"{request.url.path}/{stored['id']}"})
        if not isinstance(body, list) or not body:
            raise _Refusal(
                _error(
                    400,
                    "bad-request",
                    "validation-error",
                    "The body must be a message or a non-empty array of messages",
                )
            )
        if len(body) > MAX_BULK:
            raise _Refusal(
                _error(
                    403,
                    "limit",
                    "multi-message-limit",
                    f"At most {MAX_BULK} messages may be sent in one request",
                )
            )
        results: list[dict[str, Any]] = []
        for item in body:
            try:
                if not isinstance(item, dict):
                    raise _Refusal(
                        _error(
                            400,
                            "bad-request",
                            "validation-error",
                            "Each item must be a message object",
                        )
                    )
                self._check_message(item)
                self._admit(item)
            except _Refusal as refusal:
                results.append({"result": "error", "error": refusal.response.json()})
                continue
            stored = self._store_outbound(item)
            results.append({"result": "accepted", "location": f"{base}/{stored['id']}"})
        return httpx.Response(202, json=results)

    def _check_message(self, body: dict[str, Any]) -> None:
        for key in (_SENT["from"], _SENT["to"]):
            if not isinstance(body.get(key), str) or not body[key].strip():
                raise _Refusal(
                    _error(
                        400,
                        "bad-request",
                        "blank-property",
                        f"The property '{key}' must not be blank",
                        [{"name": key, "value": str(body.get(key) or "")}],
                    )
                )
        unknown = sorted(set(body) - _SEND_KEYS)  # the wire's names only, unlike the SDK
        if unknown:
            self._invalid(unknown[0], body[unknown[0]], "is not a known property")
        try:  # the spec's rules, checked as the SDK checks them
            bandwidth.check_message(body, "The message")
        except (bandwidth.InvalidTypeError, bandwidth.InvalidValueError) as error:
            raise _Refusal(_error(400, "bad-request", "validation-error", str(error), [])) from None

    @staticmethod
    def _invalid(name: str, value: object, rule: str) -> None:
        raise _Refusal(
            _error(
                400,
                "bad-request",
                "validation-error",
                f"The property '{name}' {rule}",
                [{"name": name, "value": str(value)}],
            )
        )

    def _new_id(self) -> str:
        alphabet = string.ascii_lowercase + string.digits
        while True:
            candidate = "m-" + "".join(self._random.choice(alphabet) for _ in range(23))
            if candidate not in self._messages:
                return candidate

    def _store_outbound(self, body: dict[str, Any]) -> dict[str, Any]:
        # Each sent property under its name in a Message (the same Python name).
        stored = {_held(SEND_ITEM_NAMES[key].rstrip("_")): value for key, value in body.items()}
        stored[_held("direction")] = "out"
        stored[_held("state")] = "sending"
        stored[_held("segment_count")] = _segments(
            stored.get(_held("text")), stored.get(_held("media"))
        )
        stored.setdefault(_held("media"), [])
        if stored.get(_held("receipt_requested"), _DEFAULTS.get("receipt_requested")) != "none":
            stored[_held("delivery_state")] = "waiting"
        stored = self._store(stored)
        product = "mms-out" if stored.get(_held("media")) else "sms-out"
        self.account.charge(product, stored[_held("from")], "0.0075", stored[_held("id")])
        return stored

    def _store(self, body: dict[str, Any]) -> dict[str, Any]:
        message_id = body.get(_held("id")) or self._new_id()
        self._sequence += 1
        body = {**body, _held("id"): message_id, _held("message_id"): message_id}
        body.setdefault(_held("time"), self._clock().strftime("%Y-%m-%dT%H:%M:%SZ"))
        self._messages[message_id] = StoredMessage(self._sequence, body)
        return dict(body)

    def _get(self, message_id: str) -> httpx.Response:
        stored = self._messages.get(message_id)
        if stored is None:
            return _message_not_found(message_id)
        return httpx.Response(200, json=self._as_listed(stored.body))

    def _redact(self, message_id: str, request: httpx.Request) -> httpx.Response:
        stored = self._messages.get(message_id)
        if stored is None:
            return _message_not_found(message_id)
        redaction = RedactRequest(text="").to_dict()
        if _json_body(request) != redaction:
            return _error(
                400, "bad-request", "validation-error", f"The body must be exactly {redaction}"
            )
        stored.body[_held("text")] = ""
        return httpx.Response(200)

    def _list(self, request: httpx.Request) -> httpx.Response:
        query = request.url.params
        for key, allowed in _ENUMS.items():
            if key in query and query[key] not in allowed:
                self._invalid(key, query[key], f"must be one of {sorted(allowed)}")
        size_key = _QUERY["size"]
        try:
            size = int(query.get(size_key, "25"))  # the API's default page size
        except ValueError:
            size = 0
        least, most = LIST_QUERY_SCHEMA[size_key]["minimum"], LIST_QUERY_SCHEMA[size_key]["maximum"]
        assert isinstance(least, int)
        assert isinstance(most, int)
        if not least <= size <= most:
            self._invalid(size_key, query.get(size_key), f"must be between {least} and {most}")
        since, until = _QUERY["from_date_time"], _QUERY["to_date_time"]
        low = _parse_time(query.get(since), since)
        high = _parse_time(query.get(until), until)
        # Without an order, the order of the documentation's parameter table: ascending.
        ascending = query.get(_QUERY["sort_order"], "asc") == "asc"
        after, before = query.get("sortKeyGT"), query.get("sortKeyLT")
        stored = sorted(self._messages.values(), key=lambda m: m.sequence, reverse=not ascending)
        page: list[StoredMessage] = []
        more = False
        for message in stored:
            body = message.body
            if after is not None and message.sequence <= int(after):
                continue
            if before is not None and message.sequence >= int(before):
                continue
            if any(q in query and body.get(held) != query[q] for q, held in _FILTERS.items()):
                continue
            created = _parse_time(body.get(_held("time")), "time")
            if (low and created and created < low) or (high and created and created >= high):
                continue
            if len(page) == size:
                more = True
                break
            page.append(message)
        headers = {}
        if more:
            cursor = "sortKeyGT" if ascending else "sortKeyLT"
            params = {k: v for k, v in query.items() if k not in ("sortKeyGT", "sortKeyLT")}
            params[cursor] = str(page[-1].sequence)
            next_url = request.url.copy_with(params=params)
            headers["Link"] = f'<{next_url}>; rel="next"'
        return httpx.Response(200, json=[self._as_listed(m.body) for m in page], headers=headers)

    def _as_listed(self, body: dict[str, Any]) -> dict[str, Any]:
        """A stored message as the API answers: its text gone once older than it keeps text."""
        created = _parse_time(body.get(_held("time")), "time")
        now = self._clock().astimezone(dt.UTC).replace(tzinfo=None)
        text = _held("text")
        if created is not None and text in body and now - created > TEXT_KEPT_FOR:
            return {k: v for k, v in body.items() if k != text}
        return body


def _segments(text: object, media: object) -> int:
    """How many segments the carrier splits a message into: 1 for an MMS; for SMS, 160
    characters in one (153 a segment beyond), or 70 (67) when a character is not GSM-7."""
    if media or not isinstance(text, str) or not text:
        return 1
    single, part = (160, 153) if all(ord(c) < 128 for c in text) else (70, 67)
    return 1 if len(text) <= single else -(-len(text) // part)


def _json_body(request: httpx.Request) -> Any:
    try:
        return json.loads(request.content)
    except ValueError:
        raise _Refusal(
            _error(400, "bad-request", "validation-error", "The body is not valid JSON")
        ) from None


def _parse_time(value: object, name: str) -> dt.datetime | None:
    if not isinstance(value, str) or not value:
        return None
    text = value.replace("T", " ").rstrip("Z")
    for pattern in (
        "%Y-%m-%d %H:%M:%S.%f",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
        "%Y-%m-%d %H",
        "%Y-%m-%d",
    ):
        try:
            return dt.datetime.strptime(text, pattern)
        except ValueError:
            continue
    FakeMessagingAPI._invalid(name, value, "must be a date and time, yyyy-MM-dd hh:mm:ss.sss")
    return None
