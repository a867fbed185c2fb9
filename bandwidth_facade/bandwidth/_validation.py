"""Checks run before anything is sent, so bad input never reaches the API.

Send items are checked against the spec's rules (``SEND_ITEM_SCHEMA``, generated from
``spec/messaging.yaml``), so a constraint added to the spec is enforced after ``make generate``.
Wrong Python types raise ``InvalidTypeError`` (a ``TypeError``), wrong values
``InvalidValueError`` (a ``ValueError``); both name the field and the rule.
"""

from __future__ import annotations

import datetime as dt
import re
import sys
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from bandwidth_messaging_api.typed_dicts import SEND_ITEM_NAMES, SEND_ITEM_SCHEMA, SNAKE_TO_WIRE

from ._exceptions import InvalidTypeError, InvalidValueError

if TYPE_CHECKING:
    from ._types import SendMessageItem

_PYTHON_TYPES: Final[dict[str, tuple[type, ...]]] = {
    "string": (str,),
    "integer": (int,),
    "number": (int, float),
    "boolean": (bool,),
    "array": (list, tuple),
    "object": (dict,),
}
_TYPE_NAMES: Final = {
    "string": "a str",
    "integer": "an int",
    "number": "a number",
    "boolean": "a bool",
    "array": "a list",
    "object": "a dict",
}
SENDER: Final = next(wire for wire, name in SEND_ITEM_NAMES.items() if name == "from_")
"""The wire name of a message's sending number (the generated model's ``from_``)."""
_HTTP_URL = re.compile(r"^https?://[^\s/?#]+[^\s]*$", re.IGNORECASE)
_MESSAGE_ID_FORBIDDEN = frozenset("/?#")
_SURROGATE = re.compile("[\ud800-\udfff]")
"""Half of a UTF-16 pair: not a character, and not encodable as the UTF-8 the API takes."""


def check_type(where: str, value: object, kind: str) -> None:
    expected = _PYTHON_TYPES.get(kind, (object,))
    # bool is an int to Python but never to the API.
    if not isinstance(value, expected) or (isinstance(value, bool) and kind != "boolean"):
        raise InvalidTypeError(
            f"{where} must be {_TYPE_NAMES.get(kind, kind)}, not {type(value).__name__}"
        )


def check_value(where: str, value: object, rule: Mapping[str, object]) -> None:
    """Check ``value`` against one of the spec's rules for a property or parameter (such as
    ``bandwidth_messaging_api.operations.CREATE_APPLICATION.body_rules['name']``): its type,
    enum, lengths, pattern, format and range. Raises ``InvalidTypeError`` or
    ``InvalidValueError``, the message starting with ``where``."""
    kind = str(rule.get("type", "string"))
    check_type(where, value, kind)
    enum = rule.get("enum")
    if isinstance(enum, list) and value not in enum:
        raise InvalidValueError(
            f"{where} must be one of {', '.join(map(repr, enum))}, not {value!r}"
        )
    if isinstance(value, str):
        _check_string(where, value, rule)
    elif isinstance(value, int):
        low, high = rule.get("minimum"), rule.get("maximum")
        if (isinstance(low, int) and value < low) or (isinstance(high, int) and value > high):
            raise InvalidValueError(f"{where} must be between {low} and {high}, not {value}")
    elif isinstance(value, (list, tuple)):
        items = rule.get("items")
        for index, item in enumerate(value):
            if isinstance(items, Mapping):
                check_value(f"{where}[{index}]", item, items)


def _check_string(where: str, value: str, rule: Mapping[str, object]) -> None:
    if not value.isascii() and (found := _SURROGATE.search(value)):
        raise InvalidValueError(
            f"{where} is not valid text: a lone surrogate {found.group()!r} at {found.start()}"
        )
    low, high = rule.get("minLength"), rule.get("maxLength")
    if isinstance(low, int) and len(value) < low:
        raise InvalidValueError(
            f"{where} must not be empty"
            if low == 1
            else f"{where} must have at least {low} characters"
        )
    if isinstance(high, int) and len(value) > high:
        raise InvalidValueError(f"{where} must have at most {high} characters, not {len(value)}")
    if rule.get("format") == "uri" and not _HTTP_URL.match(value):
        raise InvalidValueError(f"{where} must be an http:// or https:// URL, not {value!r}")
    pattern = rule.get("pattern")
    if isinstance(pattern, str) and not re.search(pattern, value):
        raise InvalidValueError(f"{where} must match {pattern!r}, not {value!r}")


class _Field(NamedTuple):
    """A send-item property: its wire name (errors say it), the generated model's attribute,
    its rule, the lengths of a plain string (``None`` for any other rule: it is checked in
    full), and whether one value stands for a list of one."""

    wire: str
    attribute: str
    rule: Mapping[str, object]
    lengths: tuple[int, int] | None
    is_list: bool


def _field(wire: str) -> _Field:
    rule = SEND_ITEM_SCHEMA[wire]
    lengths = None
    if rule["type"] == "string" and not any(k in rule for k in ("enum", "format", "pattern")):
        low, high = rule.get("minLength", 0), rule.get("maxLength", sys.maxsize)
        assert isinstance(low, int)
        assert isinstance(high, int)
        lengths = (low, high)
    return _Field(wire, SEND_ITEM_NAMES[wire], rule, lengths, rule["type"] == "array")


# A property by any name it is given: the wire's, its snake_case spelling, or the model's
# attribute (``send_message``'s keyword names, such as ``from_``).
_FIELDS: Final = {wire: _field(wire) for wire in SEND_ITEM_SCHEMA}
_REQUIRED: Final = tuple(f.attribute for f in _FIELDS.values() if f.rule.get("required"))
_FIELDS.update({snake: _FIELDS[wire] for snake, wire in SNAKE_TO_WIRE.items()})
_FIELDS.update({f.attribute: f for f in list(_FIELDS.values())})
# The fast path's view of the properties whose rule is a plain string: attribute and lengths.
_PLAIN: Final = {k: (f.attribute, *f.lengths) for k, f in _FIELDS.items() if f.lengths}
# Rules of the API the spec states only in words, by the generated model's attribute names
# (which a change of wire name leaves as they are); errors give the wire's.
_TEXT, _MEDIA, _RECEIPT = "text", "media", "receipt_requested"
_WIRE: Final = {f.attribute: f.wire for f in _FIELDS.values()}
_RECEIPT_DEFAULT: Final = SEND_ITEM_SCHEMA[_WIRE[_RECEIPT]].get("default")


_model: Callable[..., Any] | None = None


def _message_request() -> Callable[..., Any]:
    # Loaded with the first message checked: `import bandwidth` does not load attrs.
    global _model
    from bandwidth_messaging_api.models.message_request import MessageRequest

    _model = MessageRequest
    return _model


def _label(where: str | int) -> str:
    # Made only for an error message: bulk sends check every item.
    return f"send_messages item {where}" if isinstance(where, int) else where


def send_item(item: object, where: str | int) -> dict[str, object]:
    """Check one message to send and return its body, as the generated ``MessageRequest``
    writes it (so the wire's names and forms are the spec's alone).

    ``where`` names it in errors: a string, or the item's index in a bulk send. Keys may be the
    wire's (``callbackUrl``) or snake_case (``callback_url``); unknown keys, a key given in both
    spellings, and every rule of the spec are errors. This runs for every message of a bulk
    send, so the common case (plain strings within their limits) takes the fast path.
    """
    if type(item) is not dict and not isinstance(item, Mapping):
        raise InvalidTypeError(f"{_label(where)} must be a dict, not {type(item).__name__}")
    given: dict[str, object] = {}
    plain_of = _PLAIN.get
    for key, value in item.items():
        plain = plain_of(key)
        if plain is not None and type(value) is str:  # the common case, in as few steps
            attribute, low, high = plain
            if (
                low <= len(value) <= high
                and attribute not in given
                and (value.isascii() or not _SURROGATE.search(value))
            ):
                given[attribute] = value
                continue
        field = _FIELDS.get(key)
        if field is None:
            known = ", ".join(sorted(SEND_ITEM_SCHEMA))
            raise InvalidValueError(
                f"{_label(where)} has an unknown key {key!r}; known keys: {known}"
            )
        attribute = field.attribute
        if attribute in given:
            raise InvalidValueError(f"{_label(where)} gives {field.wire!r} twice (as {key!r} too)")
        if value is None:
            continue  # None means "not set", as in send_message's keyword arguments.
        if field.is_list and type(value) is str:
            value = [value]  # the API documents "a media url ... or list of medias"
        # Named as given, but the model's ``from_`` as the documented ``from``.
        shown = key if key in SEND_ITEM_SCHEMA or key in SNAKE_TO_WIRE else field.wire
        check_value(f"{_label(where)}: {shown!r}", value, field.rule)
        given[attribute] = list(value) if type(value) is tuple else value
    for attribute in _REQUIRED:
        if attribute not in given:
            raise InvalidValueError(f"{_label(where)} is missing {_WIRE[attribute]!r}")
    media = given.get(_MEDIA)
    if not media and not given.get(_TEXT):
        raise InvalidValueError(
            f"{_label(where)} needs {_WIRE[_TEXT]!r} or {_WIRE[_MEDIA]!r} (or both)"
        )
    if media and given.get(_RECEIPT, _RECEIPT_DEFAULT) != "none":
        raise InvalidValueError(
            f"{_label(where)}: {_WIRE[_RECEIPT]!r} cannot be combined with {_WIRE[_MEDIA]!r}"
        )
    body: dict[str, object] = (_model or _message_request())(**given).to_dict()
    return body


def check_message(
    message: SendMessageItem | Mapping[str, object], where: str = "message"
) -> dict[str, object]:
    """Check a message as ``send_message`` and ``send_messages`` check it, without sending
    it, and return the JSON body its request would carry (the wire's keys).

    Keys may be the wire's (``callbackUrl``), snake_case (``callback_url``) or
    ``send_message``'s keyword names (``from_``). A wrong type raises ``InvalidTypeError``, a
    wrong value ``InvalidValueError``; the message starts with ``where`` and names the field
    and the rule. Use it to check a campaign's file before sending any of it."""
    return send_item(message, where)


def resource_id(name: str, value: object) -> str:
    """An id (or name) that goes into a URL path as one segment."""
    check_type(name, value, "string")
    assert isinstance(value, str)
    if not value:
        raise InvalidValueError(f"{name} must not be empty")
    if _MESSAGE_ID_FORBIDDEN.intersection(value) or value in (".", ".."):
        # '.' and '..' would name the account's path, not a resource, once the URL is resolved.
        raise InvalidValueError(
            f"{name} must be one URL path segment: no '/', '?' or '#', and not '.' or '..': "
            f"{value!r}"
        )
    if not value.isprintable() or value != value.strip():
        raise InvalidValueError(f"{name} must be printable, without spaces: {value!r}")
    return value


def list_date(name: str, value: object) -> object:
    """A ``list_messages`` argument ready for the query: a date or datetime given for a
    ``*_date_time`` filter in the API's form, anything else as it is (checked later)."""
    if isinstance(value, dt.date) and name.endswith("date_time"):
        return format_date_time(value)
    return value


def format_date_time(value: dt.date) -> str:
    """The API's ``yyyy-MM-dd hh:mm:ss.sss`` in UTC; a naive datetime is taken as UTC."""
    if not isinstance(value, dt.datetime):
        return value.isoformat()
    if value.tzinfo is not None:
        value = value.astimezone(dt.UTC)
    return value.strftime("%Y-%m-%d %H:%M:%S.") + f"{value.microsecond // 1000:03d}"


def has_url_delimiters(value: str) -> bool:
    return bool(_MESSAGE_ID_FORBIDDEN.intersection(value))
