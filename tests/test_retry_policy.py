"""The retry policy as a specification: what is tried again, after how long, how many times;
driven directly, with the answers it judges made by hand (no transport, no clock)."""

from __future__ import annotations

import email.utils
import time
from typing import Any

import bandwidth
import httpx
import pytest
from bandwidth._exceptions import api_error, malformed
from bandwidth._retry import MAX_RETRY_AFTER, RetryPolicy, parse_retry_after, reset_after

URL = "https://api.catapult.inetwork.com/v1/users/u-user/messages/m-1"
NOW = 1_800_000_000.0


def refusal(
    status: int,
    body: dict[str, Any] | None = None,
    headers: dict[str, str] | None = None,
    method: str = "GET",
) -> bandwidth.BandwidthMessageAPIException:
    response = httpx.Response(
        status, json=body or {}, headers=headers or {}, request=httpx.Request(method, URL)
    )
    return api_error(response, is_send=method == "POST")


@pytest.fixture
def no_jitter(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bandwidth._retry.random.random", lambda: 1.0)


def test_a_read_refused_for_rate_has_a_budget_of_its_own(no_jitter: None) -> None:
    policy = RetryPolicy(max_retries=2)
    error = refusal(429, {"category": "too-many-requests", "code": "rate-limit-reached"})
    delays = [policy.delay_after(error, attempt, is_send=False) for attempt in range(6)]
    assert delays == [1.0, 2.0, 4.0, 8.0, 8.0, None]  # five retries from 1 s, at most 8 s
    server = refusal(503)
    assert [policy.delay_after(server, n, is_send=False) for n in range(3)] == [0.5, 1.0, None]


def test_max_retries_zero_leaves_even_rate_refusals_alone() -> None:
    error = refusal(429, {"category": "too-many-requests", "code": "rate-limit-reached"})
    assert RetryPolicy(0).delay_after(error, 0, is_send=False) is None


def test_jitter_takes_up_to_a_quarter_off(monkeypatch: pytest.MonkeyPatch) -> None:
    policy = RetryPolicy(2)
    monkeypatch.setattr("bandwidth._retry.random.random", lambda: 0.0)
    assert policy.delay_after(refusal(503), 0, is_send=False) == 0.375
    monkeypatch.setattr("bandwidth._retry.random.random", lambda: 0.5)
    assert policy.delay_after(refusal(503), 0, is_send=False) == 0.5 * (0.75 + 0.5 / 4)


def test_retry_after_is_honoured_for_any_refusal_and_a_reset_time_only_for_rate(
    no_jitter: None,
) -> None:
    policy = RetryPolicy(2)
    assert policy.delay_after(refusal(503, headers={"Retry-After": "3"}), 0, is_send=False) == 3.0
    reset = str(int((NOW + 40) * 1000))
    busy = refusal(503, headers={"X-RateLimit-Reset": reset})
    assert policy.delay_after(busy, 0, is_send=False) == 0.5  # a 503's reset time means nothing


def test_a_send_refused_for_rate_is_left_to_the_limiter() -> None:
    error = refusal(403, {"category": "limit", "code": "message-rate-limit"}, method="POST")
    assert isinstance(error, bandwidth.RateLimitError)
    assert RetryPolicy(2).delay_after(error, 0, is_send=True) is None


def test_what_is_tried_again() -> None:
    policy = RetryPolicy(2)
    odd = httpx.Response(200, content=b"<html>", request=httpx.Request("GET", URL))
    assert not policy.is_retryable(malformed(odd, "not JSON", False), is_send=False)
    limited = refusal(403, {"category": "limit", "code": "rate-limit"})  # a read's 403 limit
    assert policy.is_retryable(limited, is_send=False)
    assert policy.is_retryable(refusal(403, {"category": "limit"}), is_send=False) is not False
    assert not policy.is_retryable(refusal(403, {"category": "credit"}), is_send=False)
    assert policy.is_retryable(refusal(409), is_send=False)
    assert not policy.is_retryable(refusal(409, method="POST"), is_send=True)
    assert not policy.is_retryable(refusal(500, method="POST"), is_send=True)


@pytest.mark.parametrize(
    ("headers", "details"),
    [
        ({"X-RateLimit-Reset": "RESET"}, []),
        (
            {},
            [
                {"name": "requestMethod", "value": "GET"},
                {"name": "rateLimitResetTime", "value": "RESET"},
            ],
        ),
        (
            {},
            [
                {"name": "requestMethod", "value": "GET"},
                {"name": "rate_limit_reset_time", "value": "RESET"},
            ],
        ),
    ],
)
def test_the_reset_time_is_read_from_the_header_or_either_detail(
    headers: dict[str, str], details: list[dict[str, str]]
) -> None:
    reset = str(int((NOW + 7.5) * 1000))
    headers = {k: v.replace("RESET", reset) for k, v in headers.items()}
    details = [{**d, "value": d["value"].replace("RESET", reset)} for d in details]
    error = refusal(429, {"category": "too-many-requests", "details": details}, headers)
    assert reset_after(error, now=NOW) == pytest.approx(7.5)


def test_a_reset_time_past_or_far_is_bounded() -> None:
    past = refusal(429, headers={"X-RateLimit-Reset": str(int((NOW - 5) * 1000))})
    assert reset_after(past, now=NOW) == 0.0
    far = refusal(429, headers={"X-RateLimit-Reset": str(int((NOW + 3600) * 1000))})
    assert reset_after(far, now=NOW) == MAX_RETRY_AFTER
    for odd in ("soon", "nan", ""):
        assert reset_after(refusal(429, headers={"X-RateLimit-Reset": odd}), now=NOW) is None


def test_retry_after_takes_seconds_or_an_http_date() -> None:
    assert parse_retry_after("2.5", now=NOW) == 2.5
    date = email.utils.formatdate(NOW + 12, usegmt=True)
    assert parse_retry_after(date, now=NOW) == pytest.approx(12)
    assert parse_retry_after(email.utils.formatdate(NOW - 12, usegmt=True), now=NOW) == 0.0
    assert parse_retry_after("86400", now=NOW) == MAX_RETRY_AFTER
    assert parse_retry_after("whenever", now=NOW) is None
    assert parse_retry_after("nan", now=NOW) is None
    assert parse_retry_after(None) is None
    later = email.utils.formatdate(time.time() + 30, usegmt=True)  # against the clock
    assert parse_retry_after(later) == pytest.approx(30, abs=2)
