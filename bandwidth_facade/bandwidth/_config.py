"""A client's settings, checked once when it is made: credentials, endpoint, timeouts."""

from __future__ import annotations

import base64
import ipaddress
from typing import Final

import httpx

from . import _validation
from ._exceptions import InvalidTypeError, InvalidValueError

__all__ = [
    "DEFAULT_ENDPOINT",
    "DEFAULT_TIMEOUT",
    "Credentials",
    "base_url",
    "check_count",
    "check_credentials",
    "check_timeout",
]

DEFAULT_ENDPOINT: Final = "https://api.catapult.inetwork.com"
DEFAULT_TIMEOUT: Final = httpx.Timeout(30.0, connect=5.0)
"""5 s to connect, 30 s for each read, write and wait for a pooled connection."""


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


def check_credentials(user_id: object, api_token: object, api_secret: object) -> None:
    given = {"user_id": user_id, "api_token": api_token, "api_secret": api_secret}
    missing = [name for name, value in given.items() if value is None or value == ""]
    if missing:
        raise InvalidValueError(f"missing credentials: {', '.join(missing)}")
    for name, value in given.items():
        if not isinstance(value, str):
            raise InvalidTypeError(f"{name} must be a str, not {type(value).__name__}")


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def base_url(api_endpoint: object, api_version: object, allow_insecure_http: bool) -> httpx.URL:
    _validation.check_type("api_endpoint", api_endpoint, "string")
    _validation.check_type("api_version", api_version, "string")
    assert isinstance(api_endpoint, str)
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


def check_seconds(name: str, value: object) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidTypeError(f"{name} must be seconds (a number), not {type(value).__name__}")
    if not value >= 0:
        raise InvalidValueError(f"{name} must be 0 seconds or more, not {value!r}")
    return float(value)
