from __future__ import annotations

from typing import TypedDict

import httpx


class ClientOptions(TypedDict, total=False):
    """Keyword options of ``bandwidth.client`` and ``bandwidth.async_client``.

    ``api_endpoint``: where the API is (default ``https://api.catapult.inetwork.com``, or
    ``BANDWIDTH_API_ENDPOINT``). ``api_version``: its version path segment (``v1``).
    ``timeout``: seconds, or an ``httpx.Timeout`` (default: 5 s to connect, 30 s to read).
    ``max_retries``: retries of a request that certainly did not take effect, or that is safe to
    repeat (default 2; 0 turns them off). ``max_messages_per_second``: client-side rate limit of
    sends, shared by every thread or task using the client (default: off).
    ``bulk_concurrency``: bulk requests kept in flight (default: the async client 4, the sync
    client 1, i.e. one after another; more sends from that many threads).
    ``allow_insecure_http``: send credentials over plain http to a host that is not loopback.
    """

    api_endpoint: str
    api_version: str
    timeout: float | httpx.Timeout
    max_retries: int
    max_messages_per_second: float | None
    bulk_concurrency: int | None
    allow_insecure_http: bool
