"""A client's settings: the options users give (``ClientOptions``), declared once, and
``Settings``, which reads the environment for what is not given, applies the defaults and checks
everything once, when a client is made."""

from __future__ import annotations

import base64
import ipaddress
import os
from collections.abc import Mapping
from types import MappingProxyType
from typing import Final, NamedTuple, TypedDict

import httpx

from . import _validation
from ._exceptions import InvalidTypeError, InvalidValueError
from ._rate import DEFAULT_MAX_RATE_WAIT, RateSettings

__all__ = [
    "DEFAULT_ENDPOINT",
    "DEFAULT_TIMEOUT",
    "ENVIRONMENT_VARIABLES",
    "ClientOptions",
    "Credentials",
    "Settings",
    "check_count",
    "check_seconds",
    "check_timeout",
]

DEFAULT_ENDPOINT: Final = "https://api.catapult.inetwork.com"
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)
"""5 s to connect, 30 s for each read, write and wait for a pooled connection."""
DEFAULT_MAX_RETRIES: Final = 2
ENVIRONMENT_VARIABLES: Final[Mapping[str, str]] = MappingProxyType(
    {
        "user_id": "BANDWIDTH_USER_ID",
        "api_token": "BANDWIDTH_API_TOKEN",
        "api_secret": "BANDWIDTH_API_SECRET",
        "api_endpoint": "BANDWIDTH_API_ENDPOINT",
        "rate_limits_url": "BANDWIDTH_RATE_LIMITS_URL",
    }
)
"""The environment variable each setting is read from when a client is not given it: the
credentials (the arguments of the same names) and two options (``ClientOptions``)."""
_VARIABLE: Final = ENVIRONMENT_VARIABLES


class ClientOptions(TypedDict, total=False):
    """Keyword options of the clients, ``bandwidth.client`` and ``bandwidth.async_client``.
    Each is checked when the client is made; a misspelt one is a type error, and at run time
    an ``InvalidTypeError`` naming it.

    ``api_endpoint``
        Where the API is: default ``BANDWIDTH_API_ENDPOINT``, else
        ``https://api.catapult.inetwork.com``.
    ``api_version``
        The API's version path segment (``v1``).
    ``timeout``
        Seconds, or an ``httpx.Timeout`` with every limit set (never unlimited); default 5 s
        to connect, 30 s to read, to write and to wait for a pooled connection.
    ``max_retries``
        Retries of a request that certainly did not take effect, or that is safe to repeat
        (default 2; 0 turns them off).
    ``bulk_concurrency``
        Bulk requests kept in flight: default the async client 4, the sync client 1 (one
        after another); more sends from that many threads.
    ``allow_insecure_http``
        Send the credentials over plain ``http://`` to a host that is not loopback.
    ``max_messages_per_second``, ``rate_burst``
        The account's send rate and the messages it may send at once (default: the rate +
        10, as documented). Each rate not set is learned from the API's refusals.
    ``per_number_messages_per_second``
        The rate of each ordinary long-code number; ``toll_free_messages_per_second`` and
        ``short_code_messages_per_second``, of each toll-free number and short code.
    ``rate_limits_url``
        Where the account's budget is shared: default ``BANDWIDTH_RATE_LIMITS_URL``, else a
        SQLite file every process of this machine shares; ``sqlite:///PATH``; ``memory://``
        for this client alone; ``redis://HOST:PORT/DB`` for many machines.
    ``max_rate_wait``
        Seconds a message refused for rate keeps being sent again (and a ``send_message``
        may wait for its turn) before it is given up as not sent (default 600).
    """

    api_endpoint: str
    api_version: str
    timeout: float | httpx.Timeout
    max_retries: int
    bulk_concurrency: int | None
    allow_insecure_http: bool
    max_messages_per_second: float | None
    rate_burst: int | None
    per_number_messages_per_second: float | None
    toll_free_messages_per_second: float | None
    short_code_messages_per_second: float | None
    rate_limits_url: str | None
    max_rate_wait: float


class Settings(NamedTuple):
    """A client's settings, complete and checked: made once per client by ``create``."""

    credentials: Credentials
    api_endpoint: str
    api_version: str
    base_url: httpx.URL
    timeout: httpx.Timeout
    max_retries: int
    bulk_concurrency: int | None
    rate: RateSettings

    @property
    def use_proxies(self) -> bool:
        """Whether the SDK's own HTTP client follows the environment's proxy settings: not for
        an ``http://`` endpoint on this machine, whose traffic (credentials in clear) must not
        leave it for a proxy."""
        return not (self.base_url.scheme == "http" and _is_loopback(self.base_url.host))

    @classmethod
    def create(
        cls,
        user_id: str | None,
        api_token: str | None,
        api_secret: str | None,
        options: ClientOptions,
    ) -> Settings:
        """Settings from what the caller gave, the environment, and the defaults; a bad or
        unknown option raises ``InvalidTypeError`` / ``InvalidValueError`` naming it."""
        unknown = set(options) - set(ClientOptions.__annotations__)
        if unknown:
            raise InvalidTypeError(f"unknown client option(s): {', '.join(sorted(unknown))}")
        given = {"user_id": user_id, "api_token": api_token, "api_secret": api_secret}
        credentials = {
            name: value if value is not None else os.environ.get(_VARIABLE[name])
            for name, value in given.items()
        }
        missing = [name for name, value in credentials.items() if value is None or value == ""]
        if missing:
            raise InvalidValueError(f"missing credentials: {', '.join(missing)}")
        for name, value in credentials.items():
            if not isinstance(value, str):
                raise InvalidTypeError(f"{name} must be a str, not {type(value).__name__}")
        endpoint = options.get("api_endpoint") or os.environ.get(
            ENVIRONMENT_VARIABLES["api_endpoint"]
        )
        endpoint = endpoint or DEFAULT_ENDPOINT
        _validation.check_type("api_endpoint", endpoint, "string")
        endpoint = endpoint.rstrip("/")
        version = options.get("api_version", "v1")
        insecure = options.get("allow_insecure_http", False)
        _validation.check_type("allow_insecure_http", insecure, "boolean")
        concurrency = options.get("bulk_concurrency")
        return cls(
            Credentials(*credentials.values()),  # type: ignore[arg-type]  # checked above
            endpoint,
            version,
            _base_url(endpoint, version, insecure),
            check_timeout(options.get("timeout", DEFAULT_TIMEOUT)),
            check_count("max_retries", options.get("max_retries", DEFAULT_MAX_RETRIES), 0),
            None if concurrency is None else check_count("bulk_concurrency", concurrency),
            _rate_settings(options),
        )


def _rate_settings(options: ClientOptions) -> RateSettings:
    def rate(name: str) -> float | None:
        value = options.get(name)
        if value is None:
            return None
        number = _check_number(name, value)
        if not 0 < number < float("inf"):
            raise InvalidValueError(f"{name} must be more than 0 messages/s, not {value!r}")
        return number

    burst = options.get("rate_burst")
    url = (
        options.get("rate_limits_url")
        or os.environ.get(ENVIRONMENT_VARIABLES["rate_limits_url"])
        or None
    )
    if url is not None:
        _validation.check_type("rate_limits_url", url, "string")
    return RateSettings(
        messages_per_second=rate("max_messages_per_second"),
        burst=None if burst is None else check_count("rate_burst", burst),
        per_number=rate("per_number_messages_per_second"),
        toll_free=rate("toll_free_messages_per_second"),
        short_code=rate("short_code_messages_per_second"),
        max_rate_wait=check_seconds(
            "max_rate_wait", options.get("max_rate_wait", DEFAULT_MAX_RATE_WAIT)
        ),
        url=url,
    )


class Credentials:
    """Holds the secret so that no repr, str or traceback of the SDK shows it."""

    __slots__ = ("api_token", "authorization", "user_id")

    def __init__(self, user_id: str, api_token: str, api_secret: str) -> None:
        self.user_id = user_id
        self.api_token = api_token
        token = base64.b64encode(f"{api_token}:{api_secret}".encode()).decode("ascii")
        self.authorization = f"Basic {token}"

    def __repr__(self) -> str:
        return f"<credentials user_id={self.user_id!r} api_token={self.api_token!r}>"


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _base_url(api_endpoint: str, api_version: object, allow_insecure_http: bool) -> httpx.URL:
    _validation.check_type("api_version", api_version, "string")
    assert isinstance(api_version, str)
    try:
        url = httpx.URL(api_endpoint)
    except httpx.InvalidURL as exc:
        raise InvalidValueError(f"api_endpoint is not a URL: {api_endpoint!r}") from exc
    if url.scheme not in ("http", "https") or not url.host:
        raise InvalidValueError(f"api_endpoint must be an http(s) URL, not {api_endpoint!r}")
    if url.scheme == "http" and not _is_loopback(url.host) and not allow_insecure_http:
        raise InvalidValueError(
            f"api_endpoint {api_endpoint!r} would send the credentials unencrypted; use https, a "
            "loopback host, or allow it (allow_insecure_http=True; --allow-insecure-http)"
        )
    if not api_version or _validation.has_url_delimiters(api_version):
        raise InvalidValueError(
            f"api_version must be a path segment such as 'v1', not {api_version!r}"
        )
    return url.copy_with(path=url.path.rstrip("/") + f"/{api_version}", query=None, fragment=None)


def check_timeout(value: object, name: str = "timeout") -> httpx.Timeout:
    if isinstance(value, httpx.Timeout):
        if None in (value.connect, value.read, value.write, value.pool):
            raise InvalidValueError(f"{name} must set every limit; an unlimited wait could hang")
        return value
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidTypeError(
            f"{name} must be seconds or an httpx.Timeout, not {type(value).__name__}"
        )
    if not value > 0:
        raise InvalidValueError(f"{name} must be more than 0 seconds, not {value!r}")
    return httpx.Timeout(float(value))


def check_count(name: str, value: object, minimum: int = 1) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidTypeError(f"{name} must be an int, not {type(value).__name__}")
    if value < minimum:
        raise InvalidValueError(f"{name} must be {minimum} or more, not {value}")
    return value


def _check_number(name: str, value: object, what: str = "a number") -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidTypeError(f"{name} must be {what}, not {type(value).__name__}")
    return float(value)


def check_seconds(name: str, value: object) -> float:
    seconds = _check_number(name, value, "seconds (a number)")
    if not seconds >= 0:
        raise InvalidValueError(f"{name} must be 0 seconds or more, not {value!r}")
    return seconds
