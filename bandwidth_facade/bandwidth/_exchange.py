"""The request exchange, free of I/O: how one API's requests are built, sent, retried,
classified and parsed, and how a listing goes from page to page.

Each API call is a *flow*: a generator that yields a request to send, or seconds to wait, and
is resumed with the outcome (an ``httpx.Response``, or the ``httpx.TransportError`` the send
raised), as httpx drives its auth flows. The clients only perform those steps, so all of this
exists once for the sync and the async client, and for every API of the package.

- requests are built in ``Exchange.request``, from the generated ``Operation`` of each (its
  method, path, query and body names and the spec's rules for them);
- they are sent and retried in ``Exchange.call`` (the policy in ``_retry.py``);
- errors are classified in ``_exceptions.py``, answers parsed by the ``parse`` given to
  ``call`` (``_parsing.py``);
- listings follow the ``Link`` header in ``Exchange.pages``.
"""

from __future__ import annotations

import functools
import logging
from collections.abc import Callable, Generator, Mapping
from typing import TYPE_CHECKING, Any, Final, Generic, NamedTuple, TypeAlias, TypeVar
from urllib.parse import quote

import httpx
from bandwidth_messaging_api.typed_dicts import snake_case

from . import _validation
from ._config import Settings, check_timeout
from ._exceptions import (
    APIStatusError,
    BandwidthError,
    InvalidValueError,
    UnsafeRedirectError,
    api_error,
    connection_error,
    malformed,
)
from ._parsing import parse_list
from ._rate import Step
from ._retry import RetryPolicy
from ._version import __version__

if TYPE_CHECKING:
    from bandwidth_messaging_api.operations import Operation

__all__ = ["ANSWER_CAP", "UNREAD", "Exchange", "Flow", "Listing", "Outcome", "TimeoutArg", "within"]

USER_AGENT: Final = f"PythonSDK_{__version__}"

TimeoutArg: TypeAlias = float | httpx.Timeout | None
T = TypeVar("T")
log = logging.getLogger("bandwidth")

ANSWER_CAP: Final = "bandwidth.answer_cap"
"""The extension of a request whose answer may be larger than the client's usual cap: the most
bytes the spec says it holds (a media file's)."""
UNREAD: Final = "bandwidth.unread"
"""The extension of an answer whose body the client would not read, saying why (too large,
undecodable): see ``_client._send``."""
Outcome: TypeAlias = "httpx.Response | httpx.TransportError | float | None"
Flow: TypeAlias = Generator["httpx.Request | float | Step", Outcome, T]
"""An API call as a generator: it yields a request to send (and is resumed with the response,
or the ``httpx.TransportError`` sending raised), seconds to wait (resumed with ``None``), or a
``Step`` of the rate limiter (resumed with what it returns), and returns what the call
returns."""


class Listing(NamedTuple, Generic[T]):
    """A listing not yet read: the request for its first page, what its items are called in
    errors, and how many to give at most (``None``: all). A client's ``_items`` reads it one
    ``Exchange.page`` flow after another, as its items are asked for."""

    request: httpx.Request
    what: str
    limit: int | None = None


def within(page: list[T], left: int | None) -> tuple[list[T], int | None]:
    """The items of ``page`` a listing may still give, and how many it may give after them."""
    if left is None:
        return page, None
    return page[:left], max(left - len(page), 0)


class _Prepared(NamedTuple):
    method: str
    url: httpx.URL | str


class Exchange:
    """One API's requests for one account: built, sent, retried, classified, parsed.

    ``api`` is the class that API's refusals raise for statuses it does not document
    (``BandwidthMessageAPIException``, ``BandwidthAccountAPIException``).
    """

    def __init__(self, settings: Settings, api: type[APIStatusError]) -> None:
        self.credentials = settings.credentials
        self.base_url = settings.base_url
        self.timeout = settings.timeout
        self.retry = RetryPolicy(settings.max_retries)
        self.api = api
        self._prefix = str(self.base_url)
        self._timeout_ext = self.timeout.as_dict()
        self._headers = httpx.Headers(
            {
                "Authorization": self.credentials.authorization,
                "User-Agent": USER_AGENT,
                "Accept": "application/json",
            }
        )

    def close(self) -> None:
        """Release what the exchange holds beyond the HTTP client (nothing, here)."""

    # -- building requests ------------------------------------------------------------------

    def use_client_headers(self, headers: httpx.Headers) -> None:
        """Send the HTTP client's default headers too (a caller's ``http_client`` may set some),
        under the SDK's own. Merged once: requests are built without the client's help, which
        would merge them again for every request."""
        merged = httpx.Headers(headers)
        merged.update(self._headers)
        self._headers = merged

    def prepared(self, operation: Operation) -> _Prepared:
        """Where an operation whose only path parameter is the user id goes, worked out once
        (its URL parsed: requests to it are made for every send and every listing)."""
        url = operation.path.format(userId=quote(self.credentials.user_id, safe=""))
        return _Prepared(operation.method, httpx.URL(self._prefix + url))

    def _request(
        self,
        prepared: _Prepared,
        timeout: TimeoutArg,
        *,
        params: Any = None,
        json: Any = None,
        content: bytes | None = None,
        content_type: str | None = None,
    ) -> httpx.Request:
        # The timeout is checked first, and the headers (which hold the credentials) are never
        # bound to a local name, so no traceback of this frame can show them.
        checked = self._timeout_ext if timeout is None else check_timeout(timeout).as_dict()
        request = httpx.Request(
            prepared.method,
            prepared.url,
            params=params,
            json=json,
            content=content,
            headers=self._headers,
            extensions={"timeout": checked},
        )
        if content_type is not None:
            request.headers["Content-Type"] = content_type
        return request

    def request(
        self,
        operation: Operation,
        timeout: TimeoutArg,
        *,
        path: Mapping[str, object] | None = None,
        query: Mapping[str, object] | None = None,
        body: Mapping[str, object] | None = None,
        content: bytes | None = None,
        content_type: str | None = None,
    ) -> httpx.Request:
        """The request of ``operation``, its arguments checked against the spec's rules first.

        ``path`` gives the path parameters other than the user id, by Python name (each one
        URL segment); ``query`` and ``body`` the query parameters and JSON properties by
        Python name (``None``: left out); ``content`` a binary body, sent as ``content_type``,
        at most the spec's ``maxLength`` for it (``Operation.body_max_bytes``).
        """
        given_path = dict(path or {})
        segments: dict[str, str] = {}
        for wire in operation.path_parameters:
            if wire == "userId":
                segments[wire] = self.credentials.user_id
                continue
            name = snake_case(wire)
            segments[wire] = _validation.resource_id(name, given_path.pop(name, None))
        params = _checked(query or {}, operation.query, operation.query_rules, "query")
        json = None
        if operation.body == "application/json":
            json = _checked(body or {}, operation.body_names, operation.body_rules, "body")
        most = operation.body_max_bytes
        if content is not None and most is not None and len(content) > most:
            raise InvalidValueError(
                f"the {operation.operation_id} body is larger than the API takes: more than "
                f"{most:,} bytes (the spec's limit); nothing was sent"
            )
        url = operation.path.format_map({k: quote(v, safe="") for k, v in segments.items()})
        prepared = _Prepared(operation.method, self._prefix + url)
        request = self._request(
            prepared, timeout, params=params, json=json, content=content, content_type=content_type
        )
        if operation.answer_max_bytes is not None:
            request.extensions[ANSWER_CAP] = operation.answer_max_bytes
        return request

    def next_page_request(self, response: httpx.Response) -> httpx.Request | None:
        link = response.links.get("next")
        if not link or not link.get("url"):
            return None
        url = response.url.join(link["url"])
        here = self.base_url
        if (url.scheme, url.host, url.port) != (here.scheme, here.host, here.port):
            raise UnsafeRedirectError(
                f"refused to follow a next-page link to another origin ({url.scheme}://{url.host}"
                f"{'' if url.port is None else f':{url.port}'}); credentials go only to "
                f"{here.scheme}://{here.host}",
                request=response.request,
                may_have_been_sent=False,
            )
        timeout = response.request.extensions.get("timeout", self._timeout_ext)
        return httpx.Request("GET", url, headers=self._headers, extensions={"timeout": timeout})

    # -- sending and retrying ---------------------------------------------------------------

    def call(self, request: httpx.Request, parse: Callable[[httpx.Response], T]) -> Flow[T]:
        """Send ``request``, retrying as the policy allows, and return ``parse(response)``.

        A POST is treated as creating something (a message, an application, a number): it is
        sent again only when the API certainly did not act on it. A send refused for rate is
        not retried here: its flow waits for the limiter (``Core.send_paced``, ``BulkStream``).
        """
        is_send = request.method == "POST"
        attempt = 0
        while True:
            outcome = yield request
            error: BandwidthError
            if isinstance(outcome, httpx.TransportError):
                error = connection_error(outcome, request, is_send=is_send)
            else:
                assert isinstance(outcome, httpx.Response)
                unread = outcome.extensions.get(UNREAD)
                if unread:  # the shell would not read it: see ``_client._send``
                    raise malformed(outcome, f"the answer was not read: {unread}", is_send)
                if outcome.is_success:
                    try:
                        return parse(outcome)
                    except RecursionError:  # JSON nested deeper than any answer the API gives
                        raise malformed(outcome, "the JSON is nested too deep", is_send) from None
                if outcome.has_redirect_location:
                    raise _redirect(outcome, is_send)
                error = api_error(outcome, is_send=is_send, api=self.api)
            delay = self.retry.delay_after(error, attempt, is_send=is_send)
            if delay is None:
                raise error from (outcome if isinstance(outcome, httpx.TransportError) else None)
            attempt += 1
            log.info(
                "retrying %s %s (attempt %d of %d) after %s in %.2fs",
                request.method,
                request.url.path,
                attempt + 1,
                self.retry.max_retries + 1,
                reason(error),
                delay,
            )
            yield delay

    # -- listings ---------------------------------------------------------------------------

    def page(
        self, request: httpx.Request, seen: set[str], what: str
    ) -> Flow[tuple[list[Any], httpx.Request | None]]:
        """One page of a listing (keys in snake_case), and the request for the next page if
        there is one (``Link: rel="next"``).
        ``seen`` holds the listing's pages read so far: a next page among them is an error,
        not a loop."""
        seen.add(str(request.url))
        return self.call(request, functools.partial(self._parse_page, seen=seen, what=what))

    def _parse_page(
        self, response: httpx.Response, seen: set[str], what: str
    ) -> tuple[list[Any], httpx.Request | None]:
        page = parse_list(response, what)
        following = self.next_page_request(response)
        if following is not None and str(following.url) in seen:
            raise malformed(response, "the next-page link leads back to a page already read", False)
        return page, following


def _checked(
    given: Mapping[str, object],
    names: Mapping[str, str],
    rules: Mapping[str, Mapping[str, object]],
    where: str,
) -> dict[str, object]:
    """Arguments by wire name, each checked against its rule; ``None`` means left out."""
    out: dict[str, object] = {}
    for name, value in given.items():
        if name not in names:  # a facade method passes only names of the spec
            raise AssertionError(f"{name!r} is not a {where} parameter of the spec")
        if value is None:
            continue
        wire = names[name]
        _validation.check_value(name, value, rules[wire])
        out[wire] = value
    for name, wire in names.items():
        if rules[wire].get("required") and wire not in out:
            raise InvalidValueError(f"{name} is required")
    return out


def _redirect(response: httpx.Response, is_send: bool) -> UnsafeRedirectError:
    """A redirect is never followed: the credentials and the message go only to the endpoint.
    A 307 or 308 asks for the same request elsewhere, so the API did not act on it; after any
    other, a send may have been taken."""
    status = response.status_code
    in_doubt = is_send and status not in (307, 308)
    return UnsafeRedirectError(
        f"{response.request.method} {response.request.url.path}: the API answered {status} "
        f"{response.reason_phrase} to {response.headers.get('Location', '?')!r}; redirects are "
        "never followed"
        + ("; the message may have been sent" if in_doubt else "; nothing was sent"),
        request=response.request,
        may_have_been_sent=in_doubt,
    )


def reason(error: BandwidthError) -> str:
    """A short name of what went wrong, for logs."""
    if isinstance(error, APIStatusError):
        return f"HTTP {error.status_code} {error.code}"
    return type(error).__name__
