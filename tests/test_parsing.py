"""How the API's answers are read: the parsers alone, fed answers as the API (or a broken
server) gives them. Each test states what a caller relies on: the id of a message, the keys it
reads, and whether an answer it cannot read may still have sent the message."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
from bandwidth import MalformedResponseError
from bandwidth._parsing import (
    id_from_location,
    parse_bulk,
    parse_created,
    parse_message,
    snake_keys,
)

SEND = httpx.Request("POST", "https://api.example/v1/users/u-1/messages")
GET = httpx.Request("GET", "https://api.example/v1/users/u-1/messages/m-1")
HERE = "https://api.example/v1/users/u-1/messages/"


def answer(body: Any, status: int = 202, request: httpx.Request = SEND) -> httpx.Response:
    content = body if isinstance(body, bytes) else json.dumps(body).encode()
    return httpx.Response(status, content=content, request=request)


ITEM: dict[str, object] = {"from": "+15551230001", "to": "+15551230002", "text": "hi"}


# -- ids from Location -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("location", "expected"),
    [
        (HERE + "m-1", "m-1"),
        (HERE + "m-1/", "m-1"),
        (HERE + "m-1?x=1", "m-1"),
        (HERE + "m-1#frag", "m-1"),
        (HERE + "m-1?next=/a/b#c/d", "m-1"),
        (HERE + ".", ""),
        (HERE + "..", ""),
        (HERE + "../", ""),
    ],
)
def test_the_id_is_the_last_path_segment_without_query_or_fragment(
    location: str, expected: str
) -> None:
    assert id_from_location(location) == expected


def test_a_201_gives_the_id_and_anything_else_is_in_doubt() -> None:
    created = httpx.Response(201, headers={"location": HERE + "m-7"}, request=SEND)
    assert parse_created(created) == "m-7"
    for broken in (
        httpx.Response(201, request=SEND),
        httpx.Response(200, headers={"Location": HERE + "m-7"}, request=SEND),
    ):
        with pytest.raises(MalformedResponseError) as raised:
            parse_created(broken)
        assert raised.value.may_have_been_sent is True
        assert "expected 201 Created with a Location header" in str(raised.value)
    with pytest.raises(MalformedResponseError, match=r"no message id: '.*/\.\.'"):
        parse_created(httpx.Response(201, headers={"Location": HERE + ".."}, request=SEND))


# -- bulk answers ------------------------------------------------------------------------------


def test_an_accepted_item_as_the_api_gives_it() -> None:
    [result] = parse_bulk(answer([{"result": "accepted", "location": HERE + "m-1"}]), [ITEM])
    assert result == {
        "result": "accepted",
        "location": HERE + "m-1",
        "id": "m-1",
        "message": ITEM,
    }


@pytest.mark.parametrize("tail", ["m-1?x=1", "m-1#f", "m-1/"])
def test_an_accepted_location_with_query_fragment_or_slash_still_gives_the_id(tail: str) -> None:
    [result] = parse_bulk(answer([{"result": "accepted", "location": HERE + tail}]), [ITEM])
    assert result["id"] == "m-1"
    assert "error" not in result


def test_keys_the_api_adds_to_an_accepted_item_are_snake_case_and_the_id_is_kept() -> None:
    raw = {"result": "accepted", "location": HERE + "m-2", "queuedAt": "now"}
    [result] = parse_bulk(answer([raw]), [ITEM])
    assert result == {
        "result": "accepted",
        "location": HERE + "m-2",
        "queued_at": "now",
        "id": "m-2",
        "message": ITEM,
    }
    assert "may_have_been_sent" not in result  # accepted: sent, not in doubt


@pytest.mark.parametrize(
    ("raw", "code", "what"),
    [
        ({"result": "accepted", "location": HERE + ".."}, "no-location", "gives no message id"),
        ({"result": "accepted", "location": 5}, "no-location", "gives no message id"),
        ({"result": "accepted", "location": ""}, "no-location", "gives no message id"),
        ({"result": "accepted"}, "no-location", "gives no message id"),
        ({"result": "queued"}, "unknown-result", "the API answered 'queued' for it"),
    ],
)
def test_an_item_the_sdk_cannot_read_for_sure_is_in_doubt(
    raw: dict[str, object], code: str, what: str
) -> None:
    [result] = parse_bulk(answer([raw]), [ITEM])
    assert result["result"] == "error"
    assert result["may_have_been_sent"] is True
    assert result["error"] == {
        "category": "malformed-response",
        "code": code,
        "message": result["error"]["message"],
        "details": [],
    }
    assert what in result["error"]["message"]
    assert result["error"]["message"].endswith(": the message may have been sent")
    assert "id" not in result


def test_a_refused_item_was_certainly_not_sent() -> None:
    raw = {
        "result": "error",
        "error": {"category": "bad-request", "code": "blocked", "message": "no", "details": []},
    }
    [result] = parse_bulk(answer([raw]), [ITEM])
    assert result["may_have_been_sent"] is False
    assert result["message"] == ITEM


@pytest.mark.parametrize(
    "body",
    [
        {"result": "accepted"},
        [],
        [{"result": "accepted", "location": HERE + "m-1"}] * 2,
        [{"location": HERE + "m-1"}],
        [{"result": 1}],
        ["accepted"],
    ],
)
def test_a_bulk_answer_not_one_result_per_item_is_malformed_and_in_doubt(body: object) -> None:
    with pytest.raises(MalformedResponseError) as raised:
        parse_bulk(answer(body), [ITEM])
    assert raised.value.may_have_been_sent is True
    assert "expected a JSON array of 1 results" in str(raised.value)


def test_a_bulk_answer_that_is_not_json_is_in_doubt() -> None:
    with pytest.raises(MalformedResponseError) as raised:
        parse_bulk(answer(b"<html>"), [ITEM])
    assert raised.value.may_have_been_sent is True
    assert "the body is not JSON; body: '<html>'" in str(raised.value)


# -- messages ----------------------------------------------------------------------------------


def test_a_message_keeps_its_values_and_takes_snake_case_keys_at_every_depth() -> None:
    body = {
        "id": "m-1",
        "skipMMSCarrierValidation": True,
        "newField": {"innerKey": 1},
        "listOfThings": [{"deepKey": 2}, {"deepKey": 3}],
        "media": ["https://x/a.png"],
    }
    assert parse_message(answer(body, 200, GET)) == {
        "id": "m-1",
        "skip_mms_carrier_validation": True,
        "new_field": {"inner_key": 1},
        "list_of_things": [{"deep_key": 2}, {"deep_key": 3}],
        "media": ["https://x/a.png"],
    }


@pytest.mark.parametrize("body", [b"[1]", b"not json", b'"m-1"'])
def test_a_message_answer_that_is_no_object_is_malformed_and_nothing_was_sent(
    body: bytes,
) -> None:
    with pytest.raises(MalformedResponseError) as raised:
        parse_message(answer(body, 200, GET))
    assert raised.value.may_have_been_sent is False
    assert ("expected a JSON object" in str(raised.value)) != (body == b"not json")


def test_snake_keys_converts_a_key_it_has_not_seen_and_remembers_it() -> None:
    assert snake_keys({"someBrandNewKey17": 1, "from": 2}) == {"some_brand_new_key17": 1, "from": 2}
    assert snake_keys({"someBrandNewKey17": 3}) == {"some_brand_new_key17": 3}
