"""What a message to send may be, checked before anything is sent: the body that goes out for
a good item, and for a bad one an error that names the item and what is wrong with it."""

from __future__ import annotations

import datetime as dt
import types
from typing import Any

import pytest
from bandwidth import InvalidTypeError, InvalidValueError
from bandwidth._validation import check_value, format_date_time, send_item

GOOD: dict[str, Any] = {"from": "+19195550100", "to": "+19195550001", "text": "hi"}
KNOWN = (
    "callbackHttpMethod, callbackTimeout, callbackUrl, fallbackUrl, from, media, "
    "receiptRequested, tag, text, to"
)


def refused(item: object, where: str | int = 3) -> str:
    with pytest.raises((InvalidValueError, InvalidTypeError)) as raised:
        send_item(item, where)
    return str(raised.value)


def test_a_good_item_becomes_the_body_the_spec_describes() -> None:
    assert send_item(GOOD, 0) == GOOD
    snake = {"from": "+1", "to": "+2", "media": ("https://x/a.png", "https://x/b.png")}
    snake["receipt_requested"] = "none"
    assert send_item(snake, 0) == {
        "from": "+1",
        "to": "+2",
        "media": ["https://x/a.png", "https://x/b.png"],  # a tuple goes as a JSON array
        "receiptRequested": "none",
    }


def test_any_mapping_is_an_item_and_anything_else_is_not() -> None:
    assert send_item(types.MappingProxyType(GOOD), 0) == GOOD
    assert refused([("to", "+1")]) == "send_messages item 3 must be a dict, not list"
    assert refused("to=+1", "send_message") == "send_message must be a dict, not str"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"to": ""}, "send_messages item 3: 'to' must not be empty"),
        (
            {"text": "x" * 2049},
            "send_messages item 3: 'text' must have at most 2048 characters, not 2049",
        ),
        ({"txt": "typo"}, f"send_messages item 3 has an unknown key 'txt'; known keys: {KNOWN}"),
        ({"callback_url": "ftp://x"}, "send_messages item 3: 'callback_url' must be an http"),
        (
            {"callbackTimeout": 0},
            "send_messages item 3: 'callbackTimeout' must be between 1 and 10000, not 0",
        ),
    ],
)
def test_a_bad_value_is_named_with_its_item_and_key(change: dict[str, Any], message: str) -> None:
    assert refused({**GOOD, **change}).startswith(message)


def test_the_limits_themselves_are_allowed() -> None:
    assert send_item({**GOOD, "text": "x" * 2048}, 0)["text"] == "x" * 2048
    assert send_item({**GOOD, "to": "1"}, 0)["to"] == "1"


def test_what_an_item_lacks_is_named() -> None:
    assert refused({"from": "+1", "text": "t"}) == "send_messages item 3 is missing 'to'"
    assert refused({"from": "+1", "to": "+2"}) == (
        "send_messages item 3 needs 'text' or 'media' (or both)"
    )
    assert refused({**GOOD, "media": ["https://x/a.png"], "receiptRequested": "all"}) == (
        "send_messages item 3: 'receiptRequested' cannot be combined with 'media'"
    )


def test_a_named_caller_is_named_as_it_is() -> None:
    assert refused({"from": "+1", "text": "t"}, "line 7") == "line 7 is missing 'to'"


def test_a_lone_surrogate_is_refused_where_it_is() -> None:
    message = refused({**GOOD, "text": "caf\udce9"})
    assert message.startswith("send_messages item 3: 'text' is not valid text: a lone surrogate")


@pytest.mark.parametrize(
    ("value", "rule", "message"),
    [
        ("ab", {"type": "string", "minLength": 3}, "x must have at least 3 characters"),
        ("abcd", {"type": "string", "maxLength": 3}, "x must have at most 3 characters, not 4"),
        ("ab1", {"type": "string", "pattern": "^[a-z]+$"}, "x must match '^[a-z]+$', not 'ab1'"),
        ("c", {"type": "string", "enum": ["a", "b"]}, "x must be one of 'a', 'b', not 'c'"),
        (
            11,
            {"type": "integer", "minimum": 1, "maximum": 10},
            "x must be between 1 and 10, not 11",
        ),
        (5, {}, "x must be a str, not int"),
    ],
)
def test_each_rule_of_the_spec_has_its_message(
    value: object, rule: dict[str, Any], message: str
) -> None:
    with pytest.raises((InvalidValueError, InvalidTypeError)) as raised:
        check_value("x", value, rule)
    assert str(raised.value) == message


@pytest.mark.parametrize(
    ("value", "rule"),
    [
        ("abc", {"type": "string", "minLength": 3, "maxLength": 3}),
        ("abc", {"type": "string", "pattern": "^[a-z]+$"}),
        (10, {"type": "integer", "minimum": 1, "maximum": 10}),
        ("s", {}),
    ],
)
def test_a_value_at_the_rule_s_edge_passes(value: object, rule: dict[str, Any]) -> None:
    check_value("x", value, rule)


def test_dates_go_to_the_api_in_utc() -> None:
    plus_five = dt.timezone(dt.timedelta(hours=5))
    assert format_date_time(dt.datetime(2020, 1, 1, 5, 0, tzinfo=plus_five)) == (
        "2020-01-01 00:00:00.000"
    )
