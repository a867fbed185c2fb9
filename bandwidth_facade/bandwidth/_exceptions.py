"""Every error the SDK raises on purpose, one class per situation a caller handles differently,
and how a failed exchange becomes one (``api_error``, ``connection_error``, ``malformed``).

``BandwidthError`` is the root. Errors about a request that was made carry the ``request`` and
say whether it ``may_have_been_sent``: ``False`` means the API certainly did not act on it (so
sending it again cannot text anyone twice), ``True`` means it may have.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Final, cast

import httpx

if TYPE_CHECKING:
    from ._types import ErrorDetail

__all__ = [
    "APIConnectionError",
    "APIError",
    "APIStatusError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BandwidthAccountAPIException",
    "BandwidthError",
    "BandwidthMessageAPIException",
    "BandwidthVoiceAPIException",
    "ClientClosedError",
    "ForbiddenError",
    "InvalidEventError",
    "InvalidTypeError",
    "InvalidValueError",
    "MalformedResponseError",
    "NotFoundError",
    "RateLimitError",
    "RateLimitTimeoutError",
    "ServerError",
    "UnsafeRedirectError",
    "VoiceAPINotIncludedError",
]

_EXCERPT = 200


def excerpt(content: bytes) -> str:
    """A short, printable start of a body, for messages about answers that made no sense."""
    text = content[:_EXCERPT].decode("utf-8", "replace")
    return repr(text + ("..." if len(content) > _EXCERPT else ""))


class BandwidthError(Exception):
    """Base of every error the SDK raises on purpose.

    Errors pickle (to cross into another process: Celery, multiprocessing, a logging queue)
    without the credentials: the request they carry goes without its ``Authorization``.
    """

    def __reduce__(self) -> tuple[object, ...]:
        state = {name: _without_secrets(value) for name, value in self.__dict__.items()}
        return (_restore, (type(self), self.args), state)


def _restore(cls: type[BandwidthError], args: tuple[object, ...]) -> BandwidthError:
    """An error as pickled: its class and message, its attributes set from the state (its
    ``__init__``, whose arguments differ by class, is not called again)."""
    error = cls.__new__(cls)
    Exception.__init__(error, *args)
    return error


def _without_secrets(value: object) -> object:
    if isinstance(value, httpx.Request):
        headers = [(k, v) for k, v in value.headers.multi_items() if k.lower() != "authorization"]
        return httpx.Request(value.method, value.url, headers=headers, content=value.content)
    if isinstance(value, httpx.Response):
        try:
            request: httpx.Request | None = value.request
        except RuntimeError:  # an answer made without one
            request = None
        return httpx.Response(
            value.status_code,
            # The body is kept decoded, so its content coding goes.
            headers=[
                (k, v) for k, v in value.headers.multi_items() if k.lower() != "content-encoding"
            ],
            content=value.content,
            request=None if request is None else _without_secrets(request),  # type: ignore[arg-type]
        )
    return value


class InvalidValueError(BandwidthError, ValueError):
    """An argument has the right type but a value the API would refuse; nothing was sent."""


class InvalidTypeError(BandwidthError, TypeError):
    """An argument has the wrong Python type; nothing was sent."""


class InvalidEventError(BandwidthError, ValueError):
    """What reached the callback URL is not a well-formed Bandwidth event."""


class APIError(BandwidthError):
    """An error about a request the SDK made: it carries the ``request``, its ``request_body``
    and ``may_have_been_sent`` (``False``: the API certainly did not act on it; ``True``: it
    may have). Every failure of a call that got as far as sending is one of these."""

    def __init__(
        self, message: str, *, request: httpx.Request | None, may_have_been_sent: bool
    ) -> None:
        super().__init__(message)
        self.request = request
        self.may_have_been_sent = may_have_been_sent

    @property
    def request_body(self) -> object:
        """The JSON the request carried (for a send: the message or messages), or ``None``."""
        if self.request is None or not self.request.content:
            return None
        if self.request.headers.get("Content-Type", "").startswith("application/json"):
            return json.loads(self.request.content)
        return None


class APIConnectionError(APIError):
    """The API could not be reached, or the connection failed before a whole answer came back.

    ``may_have_been_sent`` is ``False`` when the connection failed before the request was written
    (the API never saw it) and ``True`` when it failed afterwards.
    """


class APITimeoutError(APIConnectionError):
    """A connect, write, read or pool timeout expired."""


class UnsafeRedirectError(APIError):
    """A ``Link`` next-page URL pointed to another origin; it was not followed."""


class APIStatusError(APIError):
    """The API answered with an error status. Its subclasses narrow the documented ones, and
    say which API refused (3.x's names: ``BandwidthMessageAPIException``,
    ``BandwidthAccountAPIException``); a status the API does not document (409, say) raises the
    API's class itself.

    ``code`` is the API's error code, else the status as a string; ``str()`` is
    ``Error <code>: <message>``. ``may_have_been_sent`` is ``True`` for a request that creates
    something (a send, a new application or number) answered with a 5xx or a 409, ``False``
    for other refusals.

    Programs (and their tests) may build one as 3.x did, ``BandwidthMessageAPIException(401,
    'Authentication Failure', code='20003')``: then ``response`` and ``request`` are ``None``,
    ``headers`` is empty, and other keywords are accepted and ignored, as 3.x ignored them.
    """

    response: httpx.Response | None
    """The answer, or ``None`` for an error a program built itself."""

    def __init__(
        self,
        response: httpx.Response | int | str,
        message: str = "",
        *,
        code: str | None = None,
        category: str | None = None,
        details: list[ErrorDetail] | None = None,
        may_have_been_sent: bool = False,
        **ignored: object,
    ) -> None:
        answer = response if isinstance(response, httpx.Response) else None
        status_code = _status(response) if answer is None else answer.status_code
        code = str(status_code) if code is None else code
        super().__init__(
            f"Error {code}: {message}",
            request=None if answer is None else answer.request,
            may_have_been_sent=may_have_been_sent,
        )
        self.response = answer
        self.status_code: int = status_code
        self.headers: httpx.Headers = httpx.Headers() if answer is None else answer.headers
        self.code: str = code
        self.message: str = message
        self.category = category
        self.details: list[ErrorDetail] = details if details is not None else []

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code}, code={self.code!r})"


def _status(given: object) -> int:
    if isinstance(given, int) and not isinstance(given, bool):
        return given
    if isinstance(given, str) and given.strip().isdigit():
        return int(given)
    raise InvalidTypeError(
        f"an API error is built from an httpx.Response or an HTTP status, not {given!r}"
    )


class BandwidthMessageAPIException(APIStatusError):
    """The Messaging API refused a request (3.x's name, kept: ``except`` clauses of 3.x
    programs catch what they caught). A status it does not document raises this class."""


class BandwidthAccountAPIException(APIStatusError):
    """The Account API (applications, numbers, media, ...) refused a request, as 3.x named
    it. A status it does not document raises this class."""


class BandwidthVoiceAPIException(APIStatusError):
    """3.x's error of the Voice API, kept so that 3.x programs that catch it still import.
    This package never raises it: the Voice API is not part of it (``VoiceAPINotIncludedError``)."""


class VoiceAPINotIncludedError(BandwidthError, NotImplementedError):
    """A method of the Voice API was called. This package covers messaging and the Account
    operations messaging applications use; the Voice API is not part of it, so the method makes
    no request and raises this, naming itself."""


class BadRequestError(BandwidthMessageAPIException, BandwidthAccountAPIException):
    """400: the API refused the request as invalid."""


class AuthenticationError(BandwidthMessageAPIException, BandwidthAccountAPIException):
    """401: the credentials are refused (a number not on the account is a ``ForbiddenError``)."""


class ForbiddenError(BandwidthMessageAPIException, BandwidthAccountAPIException):
    """403 other than a rate limit (credit, media, permissions), or 401 ``number-access-denied``:
    sending from a number the account does not own."""


class RateLimitError(BandwidthMessageAPIException, BandwidthAccountAPIException):
    """Refused for rate, and not accepted: 429, 403 with category ``limit``, or 400
    ``message-delay-limit`` (the account's queue is full). Safe to send again after a wait."""


class RateLimitTimeoutError(BandwidthError):
    """Not sent: the account's rate limits held the message back for ``max_rate_wait`` seconds
    (other clients of the account took the budget) and no request was made for it.
    ``may_have_been_sent`` is always ``False``."""

    may_have_been_sent: Final[bool] = False


class ClientClosedError(BandwidthError, RuntimeError):
    """The client was closed (``close()``, ``aclose()``, or the ``http_client`` it was lent):
    nothing was sent. Make a new client."""


class NotFoundError(BandwidthMessageAPIException, BandwidthAccountAPIException):
    """404: no such message (or application, number, media file, error)."""


class ServerError(BandwidthMessageAPIException, BandwidthAccountAPIException):
    """5xx: the API failed. For a send, the message may have gone out (see ``reconcile``)."""


class MalformedResponseError(APIError):
    """A success status whose body or headers are not what the API documents (HTML, cut-off
    JSON, a 201 without ``Location``): ``status_code``, ``headers``, ``response``.

    Not a ``BandwidthMessageAPIException``: the API refused nothing, so ``except`` clauses for
    its refusals do not catch this. For a send the API most likely accepted the message, so
    ``may_have_been_sent`` is ``True``.
    """

    def __init__(self, response: httpx.Response, message: str, *, may_have_been_sent: bool) -> None:
        super().__init__(message, request=response.request, may_have_been_sent=may_have_been_sent)
        self.response = response
        self.status_code: int = response.status_code
        self.headers: httpx.Headers = response.headers

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code})"


class ReconcileError(BandwidthError):
    """The API cannot tell whether a message was sent: ``find_sent`` will not guess.

    Raised when the lookup would be unreliable: the send is older than the API keeps message
    text, a number is not in the E.164 form the listing filters take, or a candidate message
    has had its text removed. The message must be checked by other means before it is resent.
    """


class JournalError(BandwidthError):
    """A journal file cannot be used: another run holds it, or it is not a journal."""


# -- classifying failures ---------------------------------------------------------------------

_BY_STATUS: Final[dict[int, type[APIStatusError]]] = {
    400: BadRequestError,
    401: AuthenticationError,
    403: ForbiddenError,
    404: NotFoundError,
    429: RateLimitError,
}
# Errors raised before a byte of the request was written: the API never saw it.
_NOT_SENT: Final = (
    httpx.ConnectError,
    httpx.ConnectTimeout,
    httpx.PoolTimeout,
    httpx.UnsupportedProtocol,
    httpx.LocalProtocolError,
)


def is_rate_refusal(status_code: int, category: str | None, code: str) -> bool:
    """The API refused for rate and did not accept the request: 429; 403 with category
    ``limit``; 400 ``message-delay-limit`` (the account's queue is full).

    ``multi-message-limit`` is a size limit, not a rate: sending again cannot succeed.
    """
    if status_code == 429:
        return True
    if status_code == 400:
        return code == "message-delay-limit"
    return status_code == 403 and category == "limit" and code != "multi-message-limit"


def _error_class(
    status: int, category: str | None, code: str, api: type[APIStatusError]
) -> type[APIStatusError]:
    if is_rate_refusal(status, category, code):
        return RateLimitError
    if status == 401 and code == "number-access-denied":
        return ForbiddenError  # the credentials are fine: the number is not the account's
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if 500 <= status < 600:
        return ServerError
    return api  # 409 and other statuses the API does not document


def api_error(
    response: httpx.Response,
    *,
    is_send: bool,
    api: type[APIStatusError] = BandwidthMessageAPIException,
) -> APIStatusError:
    """The exception for an answer that is not a success, whatever its body holds; ``api`` is
    the class of the API that answered (raised itself for statuses it does not document)."""
    status = response.status_code
    code, message, category, details = str(status), "", None, []
    try:
        body = json.loads(response.content)
    except ValueError:
        body = None
    if isinstance(body, dict):
        code = str(body.get("code") or code)
        message = str(body.get("message") or "")
        raw_category = body.get("category")
        category = str(raw_category) if raw_category is not None else None
        raw_details = body.get("details")
        if isinstance(raw_details, list):
            details = [d for d in raw_details if isinstance(d, dict)]
    if not message and body is None and response.content and not _is_html(response):
        # A plain-text error body is the message, as the 3.x SDK reported it.
        message = response.content.decode("utf-8", "replace").strip()
    if not message:
        reason = response.reason_phrase or "HTTP error"
        message = f"{reason} (HTTP {status})" + (
            f": {excerpt(response.content)}" if response.content and body is None else ""
        )
    # A 4xx refused the request; anything else (5xx, odd statuses) leaves a send in doubt,
    # and so does a 409: "cannot create another instance of message" says one exists.
    in_doubt = is_send and (not 400 <= status < 500 or status == 409)
    return _error_class(status, category, code, api)(
        response,
        code=code,
        message=message,
        category=category,
        details=_details(details),
        may_have_been_sent=in_doubt,
    )


def _is_html(response: httpx.Response) -> bool:
    # By the body, not the header: 3.x's own test sends "This is error" as text/html.
    return response.content.lstrip()[:1] == b"<"


def _details(raw: list[dict[str, object]]) -> list[ErrorDetail]:
    return [
        cast("ErrorDetail", {k: str(v) for k, v in d.items() if k in ("name", "value")})
        for d in raw
    ]


def malformed(
    response: httpx.Response, what: str, may_have_been_sent: bool
) -> MalformedResponseError:
    """An answer with a success status that is not what the API documents."""
    body = f"; body: {excerpt(response.content)}" if response.content else "; empty body"
    return MalformedResponseError(
        response,
        f"unexpected answer (HTTP {response.status_code}): {what}{body}",
        may_have_been_sent=may_have_been_sent,
    )


def connection_error(
    exc: httpx.TransportError, request: httpx.Request, *, is_send: bool
) -> APIConnectionError:
    sent = not isinstance(exc, _NOT_SENT)
    cls = APITimeoutError if isinstance(exc, httpx.TimeoutException) else APIConnectionError
    what = "timed out" if cls is APITimeoutError else "failed"
    if not sent:
        fate = "the request was not sent"
    elif is_send:
        fate = "the message may have been sent"
    else:
        fate = "the request may have reached the API"
    return cls(
        f"{request.method} {request.url.path} {what} ({type(exc).__name__}: {exc}); {fate}",
        request=request,
        may_have_been_sent=sent,
    )
