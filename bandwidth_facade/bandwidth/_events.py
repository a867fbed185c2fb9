"""Reading what Bandwidth sends to the application's callback URL."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Final, cast
from urllib.parse import parse_qs

from bandwidth_messaging_api.typed_dicts import MESSAGE_EVENT_SCHEMA

from . import _validation
from ._exceptions import BandwidthError, InvalidEventError
from ._parsing import snake_keys
from ._types import MessageEvent

__all__ = ["parse_event"]

_REQUIRED: Final = tuple(name for name, rule in MESSAGE_EVENT_SCHEMA.items() if rule["required"])


def parse_event(
    body: bytes | str | Mapping[str, object] | None = None,
    *,
    query: str | Mapping[str, str | Sequence[str]] | None = None,
) -> MessageEvent:
    """The event Bandwidth sent to the callback, as a dict with snake_case keys.

    Give the POST form's JSON ``body`` (bytes, str, or already decoded), or the GET form's
    ``query`` (the query string, or a mapping of parameter to value or values, as web
    frameworks give them). Properties the spec does not name are kept. Raises
    ``InvalidEventError`` (a ``ValueError``) saying what is wrong with malformed or incomplete
    input.
    """
    if (body is None) == (query is None):
        raise InvalidEventError("give either the callback's body or its query parameters")
    try:
        return _parse(body, query)
    except RecursionError:  # a body nested deeper than any event: not Bandwidth's
        raise InvalidEventError("the callback's body is nested too deep to be an event") from None


def _parse(
    body: bytes | str | Mapping[str, object] | None,
    query: str | Mapping[str, str | Sequence[str]] | None,
) -> MessageEvent:
    event = _from_body(body) if query is None else _from_query(query)
    for name, value in event.items():
        # The documentation's examples send ``deliveryCode`` as a string ("0"): accept the
        # digits of any integer property and give the int the spec promises.
        if isinstance(value, str) and MESSAGE_EVENT_SCHEMA.get(name, {}).get("type") == "integer":
            event[name] = _integer(name, value)
    missing = [name for name in _REQUIRED if name not in event]
    if missing:
        raise InvalidEventError(f"the event has no {', '.join(map(repr, missing))}")
    for name, value in event.items():
        rule = MESSAGE_EVENT_SCHEMA.get(name)
        if rule is not None:
            try:
                _validation.check_value(f"the event's {name!r}", value, rule)
            except BandwidthError as error:
                raise InvalidEventError(str(error)) from None
    return cast(MessageEvent, snake_keys(event))


def _from_body(body: bytes | str | Mapping[str, object] | None) -> dict[str, object]:
    if isinstance(body, bytes | bytearray | str):
        try:
            body = json.loads(body)
        except ValueError as error:  # UnicodeDecodeError too: bytes that are not UTF-8
            raise InvalidEventError(f"the callback's body is not JSON: {error}") from None
    if not isinstance(body, Mapping):
        raise InvalidEventError(f"the event must be a JSON object, not {type(body).__name__}")
    return dict(body)


def _from_query(query: str | Mapping[str, str | Sequence[str]]) -> dict[str, object]:
    if isinstance(query, str):
        parsed: Mapping[str, str | Sequence[str]] = parse_qs(
            query.lstrip("?"), keep_blank_values=True
        )
    elif isinstance(query, Mapping):
        parsed = query
    else:
        raise InvalidEventError(f"query must be a str or a mapping, not {type(query).__name__}")
    event: dict[str, object] = {}
    for name, raw in parsed.items():
        values = [raw] if isinstance(raw, str) else list(raw)
        if not all(isinstance(v, str) for v in values):
            raise InvalidEventError(f"query parameter {name!r} must be text")
        kind = MESSAGE_EVENT_SCHEMA.get(name, {}).get("type", "string")
        if not values and kind != "array":
            continue  # a parameter with no value is as good as absent
        if kind == "array":
            event[name] = [part for value in values for part in _list_parts(value)]
        elif kind == "integer":
            event[name] = _integer(name, values[-1])
        elif kind == "boolean":
            event[name] = values[-1].lower() == "true"
        else:
            event[name] = values[-1]
    return event


def _list_parts(value: str) -> list[str]:
    """The items of one array parameter: repeated (``media=a&media=b``), comma-separated, or
    in the documentation's MMS form ``media=[url1, url2]``, brackets and spaces included."""
    text = value.strip()
    if text.startswith("[") and text.endswith("]"):
        text = text[1:-1]
    return [part.strip() for part in text.split(",") if part.strip()]


def _integer(name: str, value: str) -> int:
    try:
        return int(value.strip())
    except ValueError:
        raise InvalidEventError(f"the event's {name!r} must be an integer, not {value!r}") from None
