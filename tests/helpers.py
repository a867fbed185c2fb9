"""What several test modules share: a sync/async harness, the API's URLs, body helpers."""

from __future__ import annotations

import asyncio
import base64
from collections.abc import AsyncIterator, Iterator
from typing import Any

import bandwidth
import httpx
from bandwidth.testing import FakeMessagingAPI

BASE = "https://api.catapult.inetwork.com/v1/users/u-user/messages"
NEWEST_FIRST = f"{BASE}?sortOrder=desc"
"""A listing's first page: the SDK always sends the order it documents."""
AUTH = "Basic " + base64.b64encode(b"t-token:s-secret").decode()
SECRET = "s-secret"


class Api:
    """One test body, run through the sync client or the async one: ``Api(kind)`` for
    pytest-httpx tests (the ``api`` fixture), ``Api(kind, fake)`` for a client of the stand-in."""

    def __init__(self, kind: str, fake: FakeMessagingAPI | None = None, **options: Any) -> None:
        self.kind = kind
        self.options = options
        self.client: bandwidth.Client | bandwidth.AsyncClient
        if fake is not None:
            self.client = fake.client(**options) if kind == "sync" else fake.async_client(**options)
        elif kind == "sync":
            self.client = bandwidth.client("messaging", "u-user", "t-token", "s-secret", **options)
        else:
            self.client = bandwidth.async_client(
                "messaging", "u-user", "t-token", "s-secret", **options
            )

    def __call__(self, method: str, *args: Any, **kwargs: Any) -> Any:
        """Call ``method``; what it streams (a listing, ``iter_send_messages``) is read to the
        end, into a list."""
        target = getattr(self.client, method)
        if self.kind == "sync":
            result = target(*args, **kwargs)
            return list(result) if isinstance(result, Iterator) else result

        async def run() -> Any:
            result = target(*args, **kwargs)
            if isinstance(result, AsyncIterator):
                return [item async for item in result]
            return await result

        return asyncio.run(run())


def stand_in_env(url: str | None, rate_limits_url: str = "memory://") -> dict[str, str]:
    """The environment of a process run against the stand-in at ``url`` (no stand-in: no
    credentials): none of the shell's BANDWIDTH_* variables, the stand-in's account, and the
    rate limiter's store (each process's own unless given)."""
    import os

    env = {k: v for k, v in os.environ.items() if not k.startswith("BANDWIDTH_")}
    env["BANDWIDTH_RATE_LIMITS_URL"] = rate_limits_url
    if url is not None:
        env.update(
            BANDWIDTH_USER_ID="u-user",
            BANDWIDTH_API_TOKEN="t-token",
            BANDWIDTH_API_SECRET="s-secret",
            BANDWIDTH_API_ENDPOINT=url,
        )
    return env


def error_body(category: str, code: str, message: str) -> dict[str, Any]:
    return {"category": category, "code": code, "message": message, "details": []}


def body_of(request: httpx.Request) -> Any:
    import json

    return json.loads(request.content)
