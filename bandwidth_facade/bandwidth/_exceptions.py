"""Every error the SDK raises on purpose, one class per situation a caller handles differently.

``BandwidthError`` is the root. Errors about a request that was made carry the ``request`` and
say whether it ``may_have_been_sent``: ``False`` means the API certainly did not act on it (so
sending it again cannot text anyone twice), ``True`` means it may have.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import httpx

if TYPE_CHECKING:
    from ._types import ErrorDetail

__all__ = [
    "APIConnectionError",
    "APITimeoutError",
    "AuthenticationError",
    "BadRequestError",
    "BandwidthError",
    "BandwidthMessageAPIException",
    "ForbiddenError",
    "InvalidEventError",
    "InvalidTypeError",
    "InvalidValueError",
    "MalformedResponseError",
    "NotFoundError",
    "RateLimitError",
    "ServerError",
    "UnsafeRedirectError",
]

_EXCERPT = 200


def excerpt(content: bytes) -> str:
    """A short, printable start of a body, for messages about answers that made no sense."""
    text = content[:_EXCERPT].decode("utf-8", "replace")
    return repr(text + ("..." if len(content) > _EXCERPT else ""))


class BandwidthError(Exception):
    """Base of every error the SDK raises on purpose."""


class InvalidValueError(BandwidthError, ValueError):
    """An argument has the right type but a value the API would refuse; nothing was sent."""


class InvalidTypeError(BandwidthError, TypeError):
    """An argument has the wrong Python type; nothing was sent."""


class InvalidEventError(BandwidthError, ValueError):
    """What reached the callback URL is not a well-formed Bandwidth event."""


class _RequestError(BandwidthError):
    def __init__(self, message: str, *, request: httpx.Request, may_have_been_sent: bool) -> None:
        super().__init__(message)
        self.request = request
        self.may_have_been_sent = may_have_been_sent

    @property
    def request_body(self) -> object:
        """The JSON the request carried (for a send: the message or messages), or ``None``."""
        content = self.request.content
        return json.loads(content) if content else None


class APIConnectionError(_RequestError):
    """The API could not be reached, or the connection failed before a whole answer came back.

    ``may_have_been_sent`` is ``False`` when the connection failed before the request was written
    (the API never saw it) and ``True`` when it failed afterwards.
    """


class APITimeoutError(APIConnectionError):
    """A connect, write, read or pool timeout expired."""


class UnsafeRedirectError(_RequestError):
    """A ``Link`` next-page URL pointed to another origin; it was not followed."""


class BandwidthMessageAPIException(_RequestError):
    """The API answered with an error status. Its subclasses narrow the documented ones; a
    status the API does not document (409, say) raises this class itself.

    ``code`` is the API's error code, else the status as a string; ``str()`` is
    ``Error <code>: <message>``. ``may_have_been_sent`` is ``True`` for a send answered with a
    5xx or a 409 ``duplicate-message``, ``False`` for other refusals.
    """

    def __init__(
        self,
        response: httpx.Response,
        *,
        code: str,
        message: str,
        category: str | None = None,
        details: list[ErrorDetail] | None = None,
        may_have_been_sent: bool = False,
    ) -> None:
        super().__init__(
            f"Error {code}: {message}",
            request=response.request,
            may_have_been_sent=may_have_been_sent,
        )
        self.response = response
        self.status_code: int = response.status_code
        self.headers: httpx.Headers = response.headers
        self.code = code
        self.message = message
        self.category = category
        self.details: list[ErrorDetail] = details if details is not None else []

    def __repr__(self) -> str:
        return f"{type(self).__name__}(status_code={self.status_code}, code={self.code!r})"


class BadRequestError(BandwidthMessageAPIException):
    """400: the API refused the request as invalid."""


class AuthenticationError(BandwidthMessageAPIException):
    """401: the credentials are refused (a number not on the account is a ``ForbiddenError``)."""


class ForbiddenError(BandwidthMessageAPIException):
    """403 other than a rate limit (credit, media, permissions), or 401 ``number-access-denied``:
    sending from a number the account does not own."""


class RateLimitError(BandwidthMessageAPIException):
    """Refused for rate, and not accepted: 429, 403 with category ``limit``, or 400
    ``message-delay-limit`` (the account's queue is full). Safe to send again after a wait."""


class NotFoundError(BandwidthMessageAPIException):
    """404: no such message."""


class ServerError(BandwidthMessageAPIException):
    """5xx: the API failed. For a send, the message may have gone out (see ``reconcile``)."""


class MalformedResponseError(_RequestError):
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
