"""Reading the API's answers: values exactly as sent, keys in snake_case.

Every parser gets a success status; an answer that is not what the API documents raises
``MalformedResponseError`` saying whether a send may still have gone out.
"""

from __future__ import annotations

import json
from typing import Any, Final, cast, get_args

import httpx
from bandwidth_messaging_api.typed_dicts import WIRE_TO_SNAKE, snake_case

from ._exceptions import malformed
from ._types import BulkResultStatus, Error, Message, SendMessageItem, SendResult

__all__ = [
    "id_from_location",
    "json_body",
    "parse_bulk",
    "parse_created",
    "parse_list",
    "parse_message",
    "parse_nothing",
    "parse_object",
    "snake_keys",
]

# The spec's keys are known ahead; keys the API adds later are converted once, then remembered.
# The cache only grows by property names the API sends, a small set.
_known: dict[str, str] = dict(WIRE_TO_SNAKE)


def _snake(name: str) -> str:
    converted = _known.get(name)
    if converted is None:
        converted = snake_case(name)
        if len(_known) < 10_000:
            _known[name] = converted
    return converted


def snake_keys(obj: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``obj`` with snake_case keys (``skipMMSCarrierValidation`` ->
    ``skip_mms_carrier_validation``; ``from`` stays), nested objects (and arrays of them)
    converted too, values untouched.

    Runs for every message listed, so the common case (every key known) is one comprehension.
    """
    known = _known
    try:
        out = {known[key]: value for key, value in obj.items()}
    except KeyError:
        out = {known.get(key) or _snake(key): value for key, value in obj.items()}
    for key, value in out.items():
        kind = type(value)
        if kind is dict:
            out[key] = snake_keys(value)
        elif kind is list and value and type(value[0]) is dict:  # JSON arrays are homogeneous
            out[key] = [snake_keys(v) if type(v) is dict else v for v in value]
    return out


def id_from_location(location: str) -> str:
    """The last path segment of an absolute URL (string work: this runs for every message);
    ``''`` if it is no id (``.`` and ``..`` would name the account's path once resolved)."""
    path = location.partition("?")[0].partition("#")[0]
    found = path.rstrip("/").rsplit("/", 1)[-1]
    return "" if found in (".", "..") else found


def json_body(response: httpx.Response, *, may_have_been_sent: bool) -> Any:
    try:
        return json.loads(response.content)
    except ValueError:
        raise malformed(response, "the body is not JSON", may_have_been_sent) from None


def parse_created(response: httpx.Response) -> str:
    location = response.headers.get("Location")
    if response.status_code != 201 or not location:
        raise malformed(response, "expected 201 Created with a Location header", True)
    message_id = id_from_location(location)
    if not message_id:
        raise malformed(response, f"the Location header has no message id: {location!r}", True)
    return message_id


def parse_bulk(response: httpx.Response, items: list[dict[str, object]]) -> list[SendResult]:
    body = json_body(response, may_have_been_sent=True)
    if not isinstance(body, list) or len(body) != len(items):
        raise malformed(response, f"expected a JSON array of {len(items)} results", True)
    results: list[SendResult] = []
    append = results.append
    for raw, item in zip(body, items, strict=True):
        if type(raw) is not dict or type(raw.get("result")) is not str:
            raise malformed(response, f"expected a JSON array of {len(items)} results", True)
        location = raw.get("location")
        if raw["result"] == "accepted" and len(raw) == 2 and type(location) is str:
            # The common case, {"result", "location"}: kept as it is, keys need no conversion.
            tail = location.rpartition("/")[2]
            if tail and "?" not in tail and "#" not in tail and tail not in (".", ".."):
                raw["id"] = tail
                raw["message"] = item
                append(cast(SendResult, raw))
                continue
        result = cast(SendResult, snake_keys(raw))
        if type(location) is str and location:
            message_id = id_from_location(location)
            if message_id:
                result["id"] = message_id
        result["message"] = cast(SendMessageItem, item)
        status = result["result"]
        if status == "accepted" and "id" not in result:
            _in_doubt(result, "no-location", "accepted, but the answer gives no message id")
        elif status not in _KNOWN_RESULTS:
            _in_doubt(result, "unknown-result", f"the API answered {status!r} for it")
        elif status != "accepted":
            result["may_have_been_sent"] = False
        append(result)
    return results


_KNOWN_RESULTS: Final = frozenset(get_args(BulkResultStatus))
"""The bulk results the spec names; a value it adds later means nothing sure to this SDK."""


def _in_doubt(result: SendResult, code: str, what: str) -> None:
    """An item whose answer this SDK cannot read for sure: it may have been sent, and
    ``reconcile`` (or a journal's rerun) looks it up rather than send it again."""
    result["error"] = Error(
        category="malformed-response",
        code=code,
        message=f"{what}: the message may have been sent",
        details=[],
    )
    result["result"] = "error"
    result["may_have_been_sent"] = True


def parse_object(response: httpx.Response) -> Any:
    """An answer that is one JSON object (a message, an application, ...), keys in
    snake_case; the caller's declared dict type says which."""
    body = json_body(response, may_have_been_sent=False)
    if not isinstance(body, dict):
        raise malformed(response, "expected a JSON object", False)
    return snake_keys(body)


def parse_list(response: httpx.Response, what: str) -> list[Any]:
    """An answer that is one JSON array of objects (a page, a search), keys in snake_case."""
    body = json_body(response, may_have_been_sent=False)
    if not isinstance(body, list) or not all(isinstance(m, dict) for m in body):
        raise malformed(response, f"expected a JSON array of {what}", False)
    return [snake_keys(m) for m in body]


def parse_message(response: httpx.Response) -> Message:
    return cast(Message, parse_object(response))


def parse_nothing(response: httpx.Response) -> None:
    return None
