"""Turning a failed exchange into the error class a caller can act on."""

from __future__ import annotations

import json
from typing import Final

import httpx

from ._exceptions import (
    APIConnectionError,
    APITimeoutError,
    AuthenticationError,
    BadRequestError,
    BandwidthMessageAPIException,
    ForbiddenError,
    MalformedResponseError,
    NotFoundError,
    RateLimitError,
    ServerError,
    excerpt,
)
from ._keys import snake_keys
from ._types import ErrorDetail

__all__ = ["api_error", "connection_error", "is_rate_refusal", "malformed"]

_BY_STATUS: Final[dict[int, type[BandwidthMessageAPIException]]] = {
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
    status: int, category: str | None, code: str
) -> type[BandwidthMessageAPIException]:
    if is_rate_refusal(status, category, code):
        return RateLimitError
    if status == 401 and code == "number-access-denied":
        return ForbiddenError  # the credentials are fine: the number is not the account's
    if status in _BY_STATUS:
        return _BY_STATUS[status]
    if 500 <= status < 600:
        return ServerError
    return BandwidthMessageAPIException  # 409 and other statuses the API does not document


def api_error(response: httpx.Response, *, is_send: bool) -> BandwidthMessageAPIException:
    """The exception for an answer that is not a success, whatever its body holds."""
    status = response.status_code
    code, message, category, details = str(status), "", None, []
    try:
        body = json.loads(response.content)
    except ValueError:
        body = None
    if isinstance(body, dict):
        body = snake_keys(body)
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
    return _error_class(status, category, code)(
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
        ErrorDetail(**{k: str(v) for k, v in d.items() if k in ("name", "value")})  # type: ignore[typeddict-item]
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
