"""Bandwidth's Messaging API (App Platform v1): send and read SMS and MMS, and set up what a
messaging application needs (its application, numbers and media) through the Account API.

import bandwidth
messaging_api = bandwidth.client('messaging', 'u-user', 't-token', 's-secret')
message_id = messaging_api.send_message(from_='+1234567980', to='+1234567981', text='Hi')

``bandwidth.account`` and 3.x's ``bandwidth.voice`` (not included: its methods raise
``VoiceAPINotIncludedError``) are loaded on first use, so ``import bandwidth`` stays quick.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Final, Literal, Unpack, overload

import httpx

from . import messaging
from ._config import ENVIRONMENT_VARIABLES, ClientOptions
from ._exceptions import (
    APIStatusError,
    BandwidthAccountAPIException,
    BandwidthVoiceAPIException,
    VoiceAPINotIncludedError,
)
from ._validation import check_value
from ._version import __version__
from .messaging import *  # noqa: F403 - its __all__ is the public surface
from .messaging import AsyncClient, Client, InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from . import account, voice

__all__ = [
    "ENVIRONMENT_VARIABLES",
    "APIStatusError",
    "BandwidthAccountAPIException",
    "BandwidthVoiceAPIException",
    "ClientOptions",
    "VoiceAPINotIncludedError",
    "__version__",
    "account",
    "async_client",
    "check_value",
    "client",
    "messaging",
    "voice",
]
__all__ += messaging.__all__  # the Messaging API's names, listed once, in messaging

API_NAMES: Final = ("messaging", "account", "voice")
"""The names ``client`` takes, as 3.x's ``bandwidth.client`` took them."""


def __getattr__(name: str) -> object:
    # ``bandwidth.account`` and ``bandwidth.voice`` load on first use.
    if name in ("account", "voice"):
        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _check_name(name: object, names: tuple[str, ...] = API_NAMES) -> str:
    if not isinstance(name, str):
        raise InvalidTypeError(f"the API name must be a str, not {type(name).__name__}")
    if name.lower() not in names:
        raise InvalidValueError(f"unknown API {name!r}; valid names: {', '.join(names)}")
    return name.lower()


@overload
def client(
    name: Literal["messaging"],
    user_id: str | None = None,
    api_token: str | None = None,
    api_secret: str | None = None,
    *,
    http_client: httpx.Client | None = None,
    **options: Unpack[ClientOptions],
) -> Client: ...
@overload
def client(
    name: Literal["account"],
    user_id: str | None = None,
    api_token: str | None = None,
    api_secret: str | None = None,
    *,
    http_client: httpx.Client | None = None,
    **options: Unpack[ClientOptions],
) -> account.Client: ...
@overload
def client(
    name: Literal["voice"],
    user_id: str | None = None,
    api_token: str | None = None,
    api_secret: str | None = None,
    *,
    http_client: httpx.Client | None = None,
    **options: Unpack[ClientOptions],
) -> voice.Client: ...
@overload
def client(
    name: str,
    user_id: str | None = None,
    api_token: str | None = None,
    api_secret: str | None = None,
    *,
    http_client: httpx.Client | None = None,
    **options: Unpack[ClientOptions],
) -> Client | account.Client | voice.Client: ...
def client(
    name: str,
    user_id: str | None = None,
    api_token: str | None = None,
    api_secret: str | None = None,
    *,
    http_client: httpx.Client | None = None,
    **options: Unpack[ClientOptions],
) -> Client | account.Client | voice.Client:
    """A client for the API called ``name`` (case-insensitive): ``'messaging'``,
    ``'account'``, or ``'voice'`` (not included: its methods raise ``VoiceAPINotIncludedError``).

    Credentials not given come from ``BANDWIDTH_USER_ID``, ``BANDWIDTH_API_TOKEN`` and
    ``BANDWIDTH_API_SECRET``; a ``ValueError`` names any still missing. ``http_client`` is a
    caller's own ``httpx.Client`` (not closed by the SDK); ``options`` are described in
    ``ClientOptions`` (``api_endpoint``, ``timeout``, ``max_retries``, ...).
    """
    api = _check_name(name)
    if api == "voice":
        from .voice import Client as VoiceClient

        return VoiceClient(user_id, api_token, api_secret, **options)
    if api == "account":
        from .account import Client as AccountClient

        return AccountClient(user_id, api_token, api_secret, http_client=http_client, **options)
    return Client(user_id, api_token, api_secret, http_client=http_client, **options)


@overload
def async_client(
    name: Literal["messaging"],
    user_id: str | None = None,
    api_token: str | None = None,
    api_secret: str | None = None,
    *,
    http_client: httpx.AsyncClient | None = None,
    **options: Unpack[ClientOptions],
) -> AsyncClient: ...
@overload
def async_client(
    name: Literal["account"],
    user_id: str | None = None,
    api_token: str | None = None,
    api_secret: str | None = None,
    *,
    http_client: httpx.AsyncClient | None = None,
    **options: Unpack[ClientOptions],
) -> account.AsyncClient: ...
@overload
def async_client(
    name: str,
    user_id: str | None = None,
    api_token: str | None = None,
    api_secret: str | None = None,
    *,
    http_client: httpx.AsyncClient | None = None,
    **options: Unpack[ClientOptions],
) -> AsyncClient | account.AsyncClient: ...
def async_client(
    name: str,
    user_id: str | None = None,
    api_token: str | None = None,
    api_secret: str | None = None,
    *,
    http_client: httpx.AsyncClient | None = None,
    **options: Unpack[ClientOptions],
) -> AsyncClient | account.AsyncClient:
    """As ``client``, for asyncio: ``'messaging'`` or ``'account'``."""
    api = _check_name(name, API_NAMES[:2])
    if api == "account":
        from .account import AsyncClient as AccountAsyncClient

        return AccountAsyncClient(
            user_id, api_token, api_secret, http_client=http_client, **options
        )
    return AsyncClient(user_id, api_token, api_secret, http_client=http_client, **options)


def _present_as(module: str, names: list[str], namespace: dict[str, object]) -> None:
    """Show the public classes where users import them from (``bandwidth.NotFoundError`` in
    tracebacks, reprs and help), not in the private module that defines them."""
    for name in names:
        obj = namespace.get(name)
        if not isinstance(obj, type):
            continue
        # Defined in a private module, or a dict type of the generated package.
        if "._" in obj.__module__ or obj.__module__.startswith("bandwidth_messaging_api."):
            for method in vars(obj).values():  # its own methods, written out on the class
                if callable(method) and getattr(method, "__module__", "") == obj.__module__:
                    method.__module__ = module
            obj.__module__ = module


_present_as("bandwidth", __all__, globals())
