"""pytest fixtures for testing code that uses the SDK, registered through an entry point.

    def test_welcome_text(bandwidth_client, bandwidth_fake):
        send_welcome(bandwidth_client, "+19195551212")          # your code
        assert bandwidth_fake.sent[0]["text"].startswith("Welcome")

``bandwidth_fake`` is a fresh ``FakeMessagingAPI`` per test; ``bandwidth_client`` and
``bandwidth_async_client`` talk to it without sockets; ``bandwidth_env`` serves it on loopback and
points ``BANDWIDTH_*`` at it, for code that makes its own client with
``bandwidth.client('messaging')``. Retries do not wait for real: ``bandwidth_waits`` lists the
waits the SDK asked for.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

import bandwidth
from bandwidth.testing import FakeMessagingAPI, FakeServer, recorded_waits

USER_ID, API_TOKEN, API_SECRET = "u-user", "t-token", "s-secret"


@pytest.fixture
def bandwidth_fake() -> FakeMessagingAPI:
    """A fresh stand-in of the Messaging API, for the account ``u-user``/``t-token``."""
    return FakeMessagingAPI(USER_ID, API_TOKEN, API_SECRET)


@pytest.fixture
def bandwidth_waits() -> Iterator[list[float]]:
    """The seconds the SDK would have waited (retry backoff, rate limiting), not waited."""
    with recorded_waits() as waits:
        yield waits


@pytest.fixture
def bandwidth_client(
    bandwidth_fake: FakeMessagingAPI, bandwidth_waits: list[float]
) -> Iterator[bandwidth.Client]:
    """A ``bandwidth.Client`` wired to ``bandwidth_fake`` through an in-process transport."""
    with bandwidth_fake.client() as client:
        yield client


@pytest.fixture
def bandwidth_async_client(
    bandwidth_fake: FakeMessagingAPI, bandwidth_waits: list[float]
) -> bandwidth.AsyncClient:
    """A ``bandwidth.AsyncClient`` wired to ``bandwidth_fake`` (no sockets, nothing to close)."""
    return bandwidth_fake.async_client()


@pytest.fixture
def bandwidth_env(
    bandwidth_fake: FakeMessagingAPI, bandwidth_waits: list[float], monkeypatch: pytest.MonkeyPatch
) -> Iterator[FakeServer]:
    """``bandwidth_fake`` served on loopback, with ``BANDWIDTH_API_ENDPOINT`` and the
    credentials set so that ``bandwidth.client('messaging')`` anywhere reaches it."""
    with FakeServer(bandwidth_fake) as server:
        bandwidth_fake.base_url = server.url
        monkeypatch.setenv("BANDWIDTH_API_ENDPOINT", server.url)
        monkeypatch.setenv("BANDWIDTH_USER_ID", USER_ID)
        monkeypatch.setenv("BANDWIDTH_API_TOKEN", API_TOKEN)
        monkeypatch.setenv("BANDWIDTH_API_SECRET", API_SECRET)
        # What a test teaches the rate limiter stays in its own clients, not in a shared file.
        monkeypatch.setenv("BANDWIDTH_RATE_LIMITS_URL", "memory://")
        yield server
