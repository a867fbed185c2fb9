"""Errors a caller can act on, and retries that never send a message twice."""

from __future__ import annotations

import logging
import os
import time
from email.utils import format_datetime
from typing import Any

import bandwidth
import httpx
import pytest
from bandwidth._retry import MAX_RETRY_AFTER, parse_retry_after
from pytest_httpx import HTTPXMock

from .helpers import AUTH, BASE, NEWEST_FIRST, SECRET, Api, error_body

AUTH_VALUE = AUTH.split(" ", 1)[1]

SEND = {"from_": "+1234567980", "to": "+1234567981", "text": "SMS message"}


def assert_no_secret(error: BaseException) -> None:
    for text in (str(error), repr(error), repr(vars(error))):
        assert SECRET not in text
        assert "Basic " not in text


@pytest.mark.parametrize(
    ("status", "body", "cls", "code"),
    [
        (
            400,
            error_body("bad-request", "blank-property", "blank 'to'"),
            bandwidth.BadRequestError,
            "blank-property",
        ),
        (
            401,
            error_body("authorization", "user-access-denied", "denied"),
            bandwidth.AuthenticationError,
            "user-access-denied",
        ),
        (
            403,
            error_body("credit", "insufficient-available-balance", "no money"),
            bandwidth.ForbiddenError,
            "insufficient-available-balance",
        ),
        (
            403,
            error_body("limit", "multi-message-limit", "too many"),
            bandwidth.ForbiddenError,
            "multi-message-limit",
        ),
        (
            404,
            error_body("not-found", "not-found", "no such message"),
            bandwidth.NotFoundError,
            "not-found",
        ),
    ],
)
def test_api_errors_by_status(
    httpx_mock: HTTPXMock,
    api: Api,
    status: int,
    body: dict[str, Any],
    cls: type[Exception],
    code: str,
) -> None:
    httpx_mock.add_response(status_code=status, json=body, headers={"X-Request-Id": "r-1"})
    with pytest.raises(cls) as caught:
        api("get_message", "m-1")
    error = caught.value
    assert isinstance(error, bandwidth.BandwidthMessageAPIException)
    assert isinstance(error, bandwidth.BandwidthError)
    assert (error.status_code, error.code, error.message) == (status, code, body["message"])
    assert error.category == body["category"]
    assert error.details == []
    assert error.headers["X-Request-Id"] == "r-1"
    assert str(error) == f"Error {code}: {body['message']}"
    assert error.may_have_been_sent is False
    assert len(httpx_mock.get_requests()) == 1  # 4xx is never retried
    assert_no_secret(error)


def test_error_details_are_kept(httpx_mock: HTTPXMock, api: Api) -> None:
    body = error_body("bad-request", "validation-error", "bad")
    body["details"] = [{"name": "to", "value": "x"}]
    httpx_mock.add_response(status_code=400, json=body)
    with pytest.raises(bandwidth.BadRequestError) as caught:
        api("send_message", **SEND)
    assert caught.value.details == [{"name": "to", "value": "x"}]
    assert caught.value.request_body == {
        "from": "+1234567980",
        "to": "+1234567981",
        "text": "SMS message",
    }


def test_html_502_on_a_read(httpx_mock: HTTPXMock, api: Api, bandwidth_waits: list[float]) -> None:
    httpx_mock.add_response(
        status_code=502, html="<html><h1>Bad Gateway</h1></html>", is_reusable=True
    )
    with pytest.raises(bandwidth.ServerError) as caught:
        api("get_message", "m-1")
    error = caught.value
    assert error.status_code == 502
    assert error.code == "502"
    assert "Bad Gateway" in error.message
    assert str(error).startswith("Error 502: Bad Gateway (HTTP 502)")
    assert len(httpx_mock.get_requests()) == 3  # a read is retried: 1 + max_retries
    assert len(bandwidth_waits) == 2


def test_status_outside_the_usual_list(httpx_mock: HTTPXMock, make_api: Any) -> None:
    httpx_mock.add_response(status_code=520, text="origin error")
    with pytest.raises(bandwidth.ServerError) as caught:
        make_api(max_retries=0)("get_message", "m-1")
    assert caught.value.status_code == 520
    assert caught.value.code == "520"


@pytest.mark.parametrize(
    ("response", "what"),
    [
        ({"status_code": 200, "html": "<html>hi</html>"}, "not JSON"),
        ({"status_code": 200, "content": b'{"id": "m-1", "te'}, "not JSON"),
        ({"status_code": 200, "json": ["a list"]}, "JSON object"),
    ],
)
def test_malformed_get_answers(
    httpx_mock: HTTPXMock, api: Api, response: dict[str, Any], what: str
) -> None:
    httpx_mock.add_response(**response)
    with pytest.raises(bandwidth.MalformedResponseError, match=what) as caught:
        api("get_message", "m-1")
    assert caught.value.status_code == 200


def test_created_without_location_may_have_been_sent(httpx_mock: HTTPXMock, api: Api) -> None:
    httpx_mock.add_response(status_code=201)
    with pytest.raises(bandwidth.MalformedResponseError, match="Location") as caught:
        api("send_message", **SEND)
    assert caught.value.may_have_been_sent is True
    # A sibling of the API's refusals, as in openai-python: `except` for those misses it.
    assert not isinstance(caught.value, bandwidth.BandwidthMessageAPIException)
    assert isinstance(caught.value, bandwidth.APIError)
    assert len(httpx_mock.get_requests()) == 1


@pytest.mark.parametrize(
    ("answer", "in_doubt"),
    [
        (httpx.Response(400, json=error_body("request-validation", "bad", "no")), False),
        (httpx.Response(503), True),
        (httpx.Response(201), True),  # no Location: malformed, but the API took it
        (httpx.ConnectError("refused"), False),  # never written
    ],
    ids=["refused", "server error", "malformed", "no connection"],
)
def test_every_failure_of_a_call_that_was_made_is_an_api_error_saying_what_was_sent(
    httpx_mock: HTTPXMock, answer: httpx.Response | httpx.ConnectError, in_doubt: bool
) -> None:
    if isinstance(answer, httpx.Response):
        httpx_mock.add_response(status_code=answer.status_code, content=answer.content)
    else:
        httpx_mock.add_exception(answer)
    client = bandwidth.client("messaging", "u-user", "t-token", "s-secret", max_retries=0)
    with pytest.raises(bandwidth.APIError) as caught:
        client.send_message(**SEND)
    assert caught.value.request.method == "POST"
    assert caught.value.request_body == {
        "from": SEND["from_"],
        "to": SEND["to"],
        "text": SEND["text"],
    }
    assert caught.value.may_have_been_sent is in_doubt
    with pytest.raises(bandwidth.InvalidValueError) as refused:  # bad input is not one
        client.send_message("+1", "")
    assert not isinstance(refused.value, bandwidth.APIError)


def test_malformed_list_page(httpx_mock: HTTPXMock, api: Api) -> None:
    httpx_mock.add_response(json={"not": "a list"})
    with pytest.raises(bandwidth.MalformedResponseError, match="array"):
        api("list_messages")


# -- retries of sends: only when the API certainly did not accept the message ----------------


def test_send_is_not_retried_after_a_500(
    httpx_mock: HTTPXMock, api: Api, bandwidth_waits: list[float]
) -> None:
    httpx_mock.add_response(status_code=500, json=error_body("", "internal", "oops"))
    with pytest.raises(bandwidth.ServerError) as caught:
        api("send_message", **SEND)
    assert caught.value.may_have_been_sent is True
    assert caught.value.request_body["text"] == "SMS message"
    assert len(httpx_mock.get_requests()) == 1
    assert bandwidth_waits == []


@pytest.mark.parametrize(
    "exc",
    [
        httpx.ReadTimeout("timed out"),
        httpx.RemoteProtocolError("Server disconnected"),
        httpx.ReadError("connection reset"),
        httpx.WriteTimeout("write timed out"),
    ],
)
def test_send_is_not_retried_once_the_body_may_have_gone(
    httpx_mock: HTTPXMock, api: Api, bandwidth_waits: list[float], exc: Exception
) -> None:
    httpx_mock.add_exception(exc)
    with pytest.raises(bandwidth.APIConnectionError, match="may have been sent") as caught:
        api("send_message", **SEND)
    assert caught.value.may_have_been_sent is True
    assert caught.value.request_body == {
        "from": "+1234567980",
        "to": "+1234567981",
        "text": "SMS message",
    }
    assert isinstance(caught.value, bandwidth.APITimeoutError) == isinstance(
        exc, httpx.TimeoutException
    )
    assert len(httpx_mock.get_requests()) == 1
    assert_no_secret(caught.value)


def test_send_is_retried_when_the_connection_never_opened(
    httpx_mock: HTTPXMock, api: Api, bandwidth_waits: list[float]
) -> None:
    httpx_mock.add_exception(httpx.ConnectError("refused"))
    httpx_mock.add_exception(httpx.ConnectTimeout("slow"))
    httpx_mock.add_response(status_code=201, headers={"Location": f"{BASE}/m-1"})
    assert api("send_message", **SEND) == "m-1"
    assert len(httpx_mock.get_requests()) == 3
    assert len(bandwidth_waits) == 2
    assert 0.375 <= bandwidth_waits[0] <= 0.5 and 0.75 <= bandwidth_waits[1] <= 1.0  # noqa: PT018 - backoff


def test_connection_failures_exhaust_retries(
    httpx_mock: HTTPXMock, api: Api, bandwidth_waits: list[float]
) -> None:
    httpx_mock.add_exception(httpx.ConnectError("refused"), is_reusable=True)
    with pytest.raises(bandwidth.APIConnectionError, match="was not sent") as caught:
        api("send_message", **SEND)
    assert caught.value.may_have_been_sent is False
    assert len(httpx_mock.get_requests()) == 3


@pytest.mark.parametrize(
    ("status", "body"),
    [
        (429, error_body("limit", "too-many", "slow down")),
        (403, error_body("limit", "message-rate-limit", "slow down")),
    ],
)
def test_send_is_retried_after_a_rate_refusal(
    httpx_mock: HTTPXMock, api: Api, bandwidth_waits: list[float], status: int, body: dict[str, Any]
) -> None:
    httpx_mock.add_response(status_code=status, json=body, headers={"Retry-After": "3"})
    httpx_mock.add_response(status_code=status, json=body)
    httpx_mock.add_response(status_code=201, headers={"Location": f"{BASE}/m-9"})
    assert api("send_message", **SEND) == "m-9"
    assert len(httpx_mock.get_requests()) == 3
    assert bandwidth_waits[0] == 3.0  # Retry-After honoured
    assert bandwidth_waits[1] < 3.0


def test_a_send_refused_for_rate_is_sent_again_until_max_rate_wait(
    httpx_mock: HTTPXMock, make_api: Any, bandwidth_waits: list[float]
) -> None:
    httpx_mock.add_response(
        status_code=429, json=error_body("limit", "x", "slow"), is_reusable=True
    )
    with pytest.raises(bandwidth.RateLimitError) as caught:
        make_api(max_retries=2, max_rate_wait=10)("send_message", **SEND)
    assert caught.value.may_have_been_sent is False
    # Not a count of retries (max_retries is 2): a second apart (no limit or reset stated),
    # for as long as max_rate_wait allows.
    assert len(httpx_mock.get_requests()) == 11
    assert bandwidth_waits == [pytest.approx(1.0)] * 10


def test_max_retries_zero_turns_retries_off(
    httpx_mock: HTTPXMock, make_api: Any, bandwidth_waits: list[float]
) -> None:
    httpx_mock.add_response(status_code=503)
    with pytest.raises(bandwidth.ServerError):
        make_api(max_retries=0)("get_message", "m-1")
    assert len(httpx_mock.get_requests()) == 1


@pytest.mark.parametrize("status", [500, 503, 429])
def test_reads_and_redaction_are_retried(
    httpx_mock: HTTPXMock, api: Api, bandwidth_waits: list[float], status: int
) -> None:
    httpx_mock.add_response(status_code=status)
    httpx_mock.add_response(status_code=status)
    httpx_mock.add_response(method="GET", json={"id": "m-1"})
    assert api("get_message", "m-1") == {"id": "m-1"}
    httpx_mock.add_exception(httpx.ReadTimeout("slow"))
    httpx_mock.add_response(method="PATCH")
    api("redact_message", "m-1")
    assert [r.method for r in httpx_mock.get_requests()] == ["GET"] * 3 + ["PATCH"] * 2


def test_retries_are_logged_without_text_or_auth(
    httpx_mock: HTTPXMock, api: Api, bandwidth_waits: list[float], caplog: pytest.LogCaptureFixture
) -> None:
    httpx_mock.add_response(status_code=429, json=error_body("limit", "rate", "slow"))
    httpx_mock.add_response(status_code=201, headers={"Location": f"{BASE}/m-1"})
    with caplog.at_level(logging.DEBUG, logger="bandwidth"):
        api("send_message", "+1234567980", "+1234567981", "secret words")
    records = [r for r in caplog.records if r.name == "bandwidth"]
    assert len(records) == 1
    assert records[0].levelno == logging.INFO
    line = records[0].getMessage()
    assert "POST /v1/users/u-user/messages refused for rate" in line
    assert "HTTP 429" in line
    for text in (r.getMessage() for r in caplog.records):
        assert "secret words" not in text
        assert SECRET not in text
        assert "Basic" not in text


def test_retry_after_forms() -> None:
    assert parse_retry_after(None) is None
    assert parse_retry_after("2.5") == 2.5
    assert parse_retry_after("-4") == 0.0
    assert parse_retry_after("86400") == MAX_RETRY_AFTER
    assert parse_retry_after("soon") is None
    import datetime as dt

    now = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    later = format_datetime(now + dt.timedelta(seconds=10), usegmt=True)
    assert parse_retry_after(later, now=now.timestamp()) == 10.0


# -- where credentials may go ----------------------------------------------------------------


@pytest.mark.parametrize(
    "next_url",
    [
        "https://evil.example.test/v1/users/u-user/messages?page=2",
        "http://api.catapult.inetwork.com/v1/users/u-user/messages?page=2",
        "https://api.catapult.inetwork.com:8443/v1/users/u-user/messages?page=2",
    ],
)
def test_link_to_another_origin_is_refused(httpx_mock: HTTPXMock, api: Api, next_url: str) -> None:
    httpx_mock.add_response(
        url=NEWEST_FIRST, json=[{"id": "m-1"}], headers={"Link": f'<{next_url}>; rel="next"'}
    )
    with pytest.raises(bandwidth.UnsafeRedirectError, match="another origin") as caught:
        api("list_messages")
    assert len(httpx_mock.get_requests()) == 1
    origin = httpx.URL(next_url)
    shown = f"{origin.scheme}://{origin.host}" + (f":{origin.port}" if origin.port else "")
    assert f"({shown}); credentials go only to https://api.catapult.inetwork.com" in str(
        caught.value
    )
    assert caught.value.may_have_been_sent is False
    assert caught.value.request is not None
    assert caught.value.request.url == httpx_mock.get_requests()[0].url


def test_secret_absent_from_tracebacks_with_locals(
    httpx_mock: HTTPXMock, api: Api, bandwidth_waits: list[float]
) -> None:
    import traceback

    httpx_mock.add_response(status_code=404, json=error_body("not-found", "not-found", "gone"))
    httpx_mock.add_exception(httpx.ReadTimeout("slow"))
    failures: list[BaseException] = []
    for call in (
        lambda: api("get_message", "m-1"),
        lambda: api("send_message", **SEND),
        lambda: api("get_message", "m-1", timeout=-1),
    ):
        try:
            call()
        except bandwidth.BandwidthError as error:
            failures.append(error)
    assert [type(f) for f in failures] == [
        bandwidth.NotFoundError,
        bandwidth.APITimeoutError,
        bandwidth.InvalidValueError,
    ]
    for error in failures:
        summary: traceback.TracebackException | None = traceback.TracebackException.from_exception(
            error, capture_locals=True
        )
        sdk_frames = 0
        while summary is not None:
            for frame in summary.stack:
                if f"{os.sep}bandwidth{os.sep}" not in frame.filename:
                    continue  # the SDK's own frames, not the test's or httpx's
                sdk_frames += 1
                shown = "".join(summary.format()) + repr(frame.locals)
                assert SECRET not in shown
                assert AUTH_VALUE not in shown
            summary = summary.__cause__
        assert sdk_frames > 0


# -- the documented answers (Bandwidth's App Platform documentation) ---------------------------


def test_a_429_waits_until_the_documented_reset_time(
    httpx_mock: HTTPXMock, api: Api, bandwidth_waits: list[float]
) -> None:
    reset_ms = int((time.time() + 7.5) * 1000)
    httpx_mock.add_response(
        status_code=429,
        headers={"X-RateLimit-Reset": str(reset_ms)},
        json={
            "category": "too-many-requests",
            "code": "rate-limit-reached",
            "details": [{"name": "rateLimitResetTime", "value": str(reset_ms)}],
        },
    )
    httpx_mock.add_response(json=[])
    assert api("list_messages") == []
    assert bandwidth_waits == [pytest.approx(7.5, abs=0.5)]


def test_the_reset_time_in_the_body_is_used_without_the_header(
    httpx_mock: HTTPXMock, api: Api, bandwidth_waits: list[float]
) -> None:
    reset_ms = int((time.time() + 3) * 1000)
    httpx_mock.add_response(
        status_code=429,
        json={
            "category": "too-many-requests",
            "code": "rate-limit-reached",
            "details": [{"name": "rateLimitResetTime", "value": str(reset_ms)}],
        },
    )
    httpx_mock.add_response(status_code=201, headers={"Location": f"{BASE}/m-1"})
    assert api("send_message", **SEND) == "m-1"
    assert bandwidth_waits == [pytest.approx(3, abs=0.5)]


def test_a_full_queue_is_a_rate_refusal_and_the_send_is_retried(
    httpx_mock: HTTPXMock, api: Api, bandwidth_waits: list[float]
) -> None:
    httpx_mock.add_response(
        status_code=400,
        json=error_body(
            "bad-request",
            "message-delay-limit",
            "Message tried to be delayed over the maximum limit.",
        ),
    )
    httpx_mock.add_response(status_code=201, headers={"Location": f"{BASE}/m-1"})
    assert api("send_message", **SEND) == "m-1"
    assert len(httpx_mock.get_requests()) == 2
    assert len(bandwidth_waits) == 1


def test_a_full_queue_that_stays_full_is_reported_as_not_sent(
    httpx_mock: HTTPXMock, api: Api, bandwidth_waits: list[float]
) -> None:
    httpx_mock.add_response(
        status_code=400,
        json=error_body("bad-request", "message-delay-limit", "Message tried to be delayed"),
        is_reusable=True,
    )
    with pytest.raises(bandwidth.RateLimitError) as caught:
        api("send_message", **SEND)
    assert caught.value.status_code == 400
    assert caught.value.may_have_been_sent is False


def test_a_number_not_on_the_account_is_not_a_credentials_error(
    httpx_mock: HTTPXMock, api: Api
) -> None:
    httpx_mock.add_response(
        status_code=401,
        json=error_body(
            "authorization",
            "number-access-denied",
            "User u-user does not have permission to use number +19195551211",
        ),
    )
    with pytest.raises(bandwidth.ForbiddenError) as caught:
        api("send_message", **SEND)
    assert not isinstance(caught.value, bandwidth.AuthenticationError)
    assert caught.value.status_code == 401
    assert caught.value.may_have_been_sent is False


@pytest.mark.parametrize("status", [409, 410, 422, 302])
def test_an_undocumented_status_is_the_base_api_error_not_a_server_error(
    httpx_mock: HTTPXMock, api: Api, status: int, bandwidth_waits: list[float]
) -> None:
    httpx_mock.add_response(
        status_code=status, json=error_body("conflict", "odd", "odd"), is_reusable=True
    )
    with pytest.raises(bandwidth.BandwidthMessageAPIException) as caught:
        api("get_message", "m-1")
    assert type(caught.value) is bandwidth.BandwidthMessageAPIException
    assert caught.value.status_code == status


def test_a_duplicate_message_conflict_leaves_the_send_in_doubt(
    httpx_mock: HTTPXMock, api: Api
) -> None:
    httpx_mock.add_response(
        status_code=409,
        json=error_body("conflict", "duplicate-message", "Cannot create another instance"),
    )
    with pytest.raises(bandwidth.BandwidthMessageAPIException) as caught:
        api("send_message", **SEND)
    assert caught.value.may_have_been_sent is True  # another instance exists
    assert len(httpx_mock.get_requests()) == 1


def test_a_redaction_meeting_an_update_in_progress_is_retried(
    httpx_mock: HTTPXMock, api: Api, bandwidth_waits: list[float]
) -> None:
    httpx_mock.add_response(
        status_code=409,
        json=error_body("conflict", "message-update-conflict", "another update in progress"),
    )
    httpx_mock.add_response(status_code=200)
    assert api("redact_message", "m-1") is None
    assert [r.method for r in httpx_mock.get_requests()] == ["PATCH", "PATCH"]


# -- what 3.x programs used keeps working ----------------------------------------------------


def test_a_plain_text_error_body_is_the_message_as_in_3x(httpx_mock: HTTPXMock, api: Api) -> None:
    # As the 3.x SDK's own test sends it: plain text, labelled text/html.
    httpx_mock.add_response(
        status_code=400, content=b"This is error", headers={"Content-Type": "text/html"}
    )
    with pytest.raises(bandwidth.BadRequestError) as caught:
        api("get_message", "m-1")
    assert caught.value.message == "This is error"
    assert str(caught.value) == "Error 400: This is error"


def test_the_3x_client_attributes_are_there() -> None:
    client = bandwidth.client("messaging", "u-user", "t-token", "s-secret")
    assert (client.user_id, client.api_endpoint, client.api_version) == (
        "u-user",
        "https://api.catapult.inetwork.com",
        "v1",
    )
    other = bandwidth.client(
        "messaging",
        "u-user",
        "t-token",
        "s-secret",
        api_endpoint="https://x.example/",
        api_version="v2",
    )
    assert (other.api_endpoint, other.api_version) == ("https://x.example", "v2")
    assert other.base_url == "https://x.example/v2"
