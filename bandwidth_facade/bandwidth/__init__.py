"""Bandwidth's Messaging API (App Platform v1): send and read SMS and MMS.

import bandwidth
messaging_api = bandwidth.client('messaging', 'u-user', 't-token', 's-secret')
message_id = messaging_api.send_message(from_='+1234567980', to='+1234567981', text='Hi')
"""

from __future__ import annotations

from typing import Final, Unpack

import httpx

from . import messaging
from ._config import ClientOptions
from ._version import __version__
from .messaging import *  # noqa: F403 - its __all__ is the public surface
from .messaging import AsyncClient, Client, InvalidTypeError, InvalidValueError

__all__ = ["ClientOptions", "__version__", "async_client", "client", "messaging"]
__all__ += messaging.__all__  # the Messaging API's names, listed once, in messaging.py

API_NAMES: Final = ("messaging",)


def _check_name(name: object) -> None:
    if not isinstance(name, str):
        raise InvalidTypeError(f"the API name must be a str, not {type(name).__name__}")
    if name.lower() not in API_NAMES:
        raise InvalidValueError(f"unknown API {name!r}; valid names: {', '.join(API_NAMES)}")


def client(
    name: str,
    user_id: str | None = None,
    api_token: str | None = None,
    api_secret: str | None = None,
    *,
    http_client: httpx.Client | None = None,
    **options: Unpack[ClientOptions],
) -> Client:
    """A client for the API called ``name`` (case-insensitive; ``'messaging'``).

    Credentials not given come from ``BANDWIDTH_USER_ID``, ``BANDWIDTH_API_TOKEN`` and
    ``BANDWIDTH_API_SECRET``; a ``ValueError`` names any still missing. ``http_client`` is a
    caller's own ``httpx.Client`` (not closed by the SDK); ``options`` are described in
    ``ClientOptions`` (``api_endpoint``, ``timeout``, ``max_retries``, ...).
    """
    _check_name(name)
    return Client(user_id, api_token, api_secret, http_client=http_client, **options)


def async_client(
    name: str,
    user_id: str | None = None,
    api_token: str | None = None,
    api_secret: str | None = None,
    *,
    http_client: httpx.AsyncClient | None = None,
    **options: Unpack[ClientOptions],
) -> AsyncClient:
    """As ``client``, for asyncio."""
    _check_name(name)
    return AsyncClient(user_id, api_token, api_secret, http_client=http_client, **options)


def _present_as(module: str, names: list[str], namespace: dict[str, object]) -> None:
    """Show the public classes where users import them from (``bandwidth.NotFoundError`` in
    tracebacks, reprs and help), not in the private module that defines them."""
    for name in names:
        obj = namespace[name]
        if isinstance(obj, type) and obj.__module__.startswith(f"{module}._"):
            obj.__module__ = module


_present_as("bandwidth", __all__, globals())
