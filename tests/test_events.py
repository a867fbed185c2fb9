"""parse_event reads both forms of Bandwidth's callbacks, and says what is wrong with bad ones."""

from __future__ import annotations

import json
from typing import Any
from urllib.parse import urlencode

import bandwidth
import httpx
import pytest
from bandwidth.messaging import parse_event
from bandwidth.testing import FakeMessagingAPI
from hypothesis import given, settings
from hypothesis import strategies as st

INCOMING = {
    "eventType": "sms",
    "direction": "in",
    "from": "+19193047864",
    "to": "+19191234567",
    "messageId": "m-na6cpyjf2qcpz6l3drhcx7y",
    "messageUri": "https://api.catapult.inetwork.com/v1/users/u-user/messages/m-na6cpyjf2qcpz6l3drhcx7y",
    "text": "Hey there",
    "applicationId": "a-app",
    "time": "2017-02-01T21:10:32Z",
    "state": "received",
    "segmentCount": 1,
}
SNAKE_INCOMING = {
    "event_type": "sms",
    "direction": "in",
    "from": "+19193047864",
    "to": "+19191234567",
    "message_id": "m-na6cpyjf2qcpz6l3drhcx7y",
    "message_uri": INCOMING["messageUri"],
    "text": "Hey there",
    "application_id": "a-app",
    "time": "2017-02-01T21:10:32Z",
    "state": "received",
    "segment_count": 1,
}


@pytest.mark.parametrize("body", [json.dumps(INCOMING).encode(), json.dumps(INCOMING), INCOMING])
def test_post_form(body: Any) -> None:
    assert parse_event(body) == SNAKE_INCOMING


def test_get_form_from_a_query_string_or_a_mapping() -> None:
    receipt = {
        **INCOMING,
        "direction": "out",
        "deliveryState": "delivered",
        "deliveryCode": 0,
        "deliveryDescription": "ok",
        "tag": "t-1",
        "eventType": "mms",
    }
    query = (
        urlencode({k: str(v) for k, v in receipt.items()})
        + "&media=http://a/1.png&media=http://a/2.png"
    )
    event = parse_event(query=query)
    assert event["delivery_code"] == 0
    assert event["segment_count"] == 1
    assert event["media"] == ["http://a/1.png", "http://a/2.png"]
    assert event["tag"] == "t-1"
    assert event["event_type"] == "mms"
    assert parse_event(query={k: str(v) for k, v in INCOMING.items()}) == SNAKE_INCOMING
    assert parse_event(query="?" + urlencode(INCOMING))["segment_count"] == 1


def test_unknown_properties_and_values_are_kept() -> None:
    event = parse_event({**INCOMING, "state": "teleported", "newThing": {"deepKey": 1}})
    assert event["state"] == "teleported"
    assert event["new_thing"] == {"deep_key": 1}  # type: ignore[typeddict-item]


@pytest.mark.parametrize(
    ("kwargs", "match"),
    [
        ({"body": b"<html>not json</html>"}, "not JSON"),
        ({"body": b"[1, 2]"}, "must be a JSON object, not list"),
        ({"body": {k: v for k, v in INCOMING.items() if k != "messageId"}}, "no 'messageId'"),
        (
            {"body": {k: v for k, v in INCOMING.items() if k not in ("to", "time")}},
            "no 'to', 'time'",
        ),
        ({"body": {**INCOMING, "segmentCount": "one"}}, "'segmentCount' must be an int"),
        ({"body": {**INCOMING, "from": ""}}, "'from' must not be empty"),
        ({"body": {**INCOMING, "media": "http://a/1.png"}}, "'media' must be a list"),
        (
            {"query": {**{k: str(v) for k, v in INCOMING.items()}, "deliveryCode": "x"}},
            "'deliveryCode' must be an integer",
        ),
        ({"query": "eventType=sms"}, "no 'direction'"),
        ({}, "either"),
        ({"body": INCOMING, "query": "a=b"}, "either"),
        ({"query": 5}, "must be a str or a mapping"),
    ],
)
def test_malformed_events(kwargs: dict[str, Any], match: str) -> None:
    with pytest.raises(bandwidth.InvalidEventError, match=match) as caught:
        parse_event(**kwargs)
    assert isinstance(caught.value, ValueError)
    assert isinstance(caught.value, bandwidth.BandwidthError)


@pytest.mark.parametrize("method", ["POST", "GET"])
def test_what_the_fake_delivers_parses(method: str) -> None:
    """The fake's callbacks and parse_event agree, in both forms."""
    arrived: list[httpx.Request] = []

    def app(request: httpx.Request) -> httpx.Response:
        request.read()
        arrived.append(request)
        return httpx.Response(200)

    fake = FakeMessagingAPI(callback_client=httpx.Client(transport=httpx.MockTransport(app)))
    sent = fake.receive(
        "+19193047864",
        "+19191234567",
        "Hey",
        media=["https://a/c.png"],
        callback_url="https://app.example/cb",
        callback_http_method=method,
    )
    (request,) = arrived
    assert request.method == method
    event = (
        parse_event(request.content)
        if method == "POST"
        else parse_event(query=request.url.query.decode())
    )
    assert event["event_type"] == "mms"
    assert event["media"] == ["https://a/c.png"]
    assert event["message_id"] == sent["messageId"]
    assert fake.messages[0]["text"] == "Hey"  # and it is listed


def test_receipts_move_state_and_go_to_the_callback() -> None:
    arrived: list[dict[str, Any]] = []
    statuses = iter([500, 200])  # the callback fails once: the fallback gets it

    def app(request: httpx.Request) -> httpx.Response:
        arrived.append({"url": str(request.url), **json.loads(request.read())})
        return httpx.Response(next(statuses))

    fake = FakeMessagingAPI(callback_client=httpx.Client(transport=httpx.MockTransport(app)))
    client = fake.client()
    message_id = client.send_message(
        "+1",
        "+2",
        "hi",
        receipt_requested="all",
        callback_url="https://app.example/cb",
        fallback_url="https://app.example/fallback",
        tag="t",
    )
    assert client.get_message(message_id)["delivery_state"] == "waiting"
    fake.deliver(message_id, delivered=False, code=720)
    message = client.get_message(message_id)
    assert (message["state"], message["delivery_state"], message["delivery_code"]) == (
        "error",
        "not-delivered",
        720,
    )
    assert [a["url"] for a in arrived] == ["https://app.example/cb", "https://app.example/fallback"]
    event = parse_event(json.dumps(arrived[1]))
    assert (event["delivery_state"], event["tag"]) == ("not-delivered", "t")
    assert [c.status for c in fake.callbacks] == [500, 200]


def test_no_receipt_unless_requested() -> None:
    fake = FakeMessagingAPI(
        callback_client=httpx.Client(transport=httpx.MockTransport(lambda r: httpx.Response(200)))
    )
    client = fake.client()
    quiet = client.send_message("+1", "+2", "hi", callback_url="https://app.example/cb")
    errors_only = client.send_message(
        "+1", "+2", "hi", callback_url="https://app.example/cb", receipt_requested="error"
    )
    fake.deliver(quiet)
    fake.deliver(errors_only)  # delivered: no receipt for "error"
    assert fake.callbacks == []
    fake.deliver(errors_only, delivered=False)
    assert len(fake.callbacks) == 1


ANY_JSONISH = st.recursive(
    st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=20)),
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.text(max_size=12), inner, max_size=4)
    ),
    max_leaves=12,
)


@settings(max_examples=300, deadline=None)
@given(
    st.one_of(
        ANY_JSONISH,
        st.binary(max_size=40),
        st.dictionaries(
            st.sampled_from([*INCOMING, "media", "deliveryCode", "bogus"]), ANY_JSONISH, max_size=14
        ),
        st.builds(
            lambda extra: {**INCOMING, **extra},
            st.dictionaries(st.sampled_from(list(INCOMING)), ANY_JSONISH, max_size=3),
        ),
    )
)
def test_arbitrary_bodies_give_an_event_or_invalid_event_error(body: Any) -> None:
    try:
        event = parse_event(body if isinstance(body, bytes | dict) else json.dumps(body))
    except bandwidth.InvalidEventError:
        return
    assert set(event) >= {"event_type", "direction", "from", "to", "message_id", "time", "state"}


@settings(max_examples=200, deadline=None)
@given(
    st.one_of(
        st.text(max_size=60),
        st.dictionaries(
            st.sampled_from([*INCOMING, "media", "deliveryCode"]),
            st.one_of(st.text(max_size=10), st.lists(st.text(max_size=10), max_size=3)),
            max_size=14,
        ),
    )
)
def test_arbitrary_queries_give_an_event_or_invalid_event_error(query: Any) -> None:
    try:
        event = parse_event(query=query)
    except bandwidth.InvalidEventError:
        return
    assert event["message_id"]  # what parses carries the required properties


# -- the forms in Bandwidth's callback documentation (ap-docs apiCallbacks/) -------------------


DOC_SMS_EVENT: dict[str, Any] = {
    "eventType": "sms",
    "direction": "out",
    "from": "+19195551212",
    "to": "+13287750020",
    "messageId": "m-x",
    "time": "2016-09-14T18:20:16Z",
    "state": "sent",
    "deliveryState": "delivered",
    "deliveryCode": "0",
    "deliveryDescription": "Message delivered to carrier.",
}


def test_a_delivery_code_sent_as_a_string_comes_back_an_int() -> None:
    event = parse_event(DOC_SMS_EVENT)
    assert event["delivery_code"] == 0
    assert isinstance(event["delivery_code"], int)
    with pytest.raises(bandwidth.InvalidEventError, match="deliveryCode"):
        parse_event({**DOC_SMS_EVENT, "deliveryCode": "delivered"})


def test_the_documented_get_form_of_an_mms_event_gives_each_url() -> None:
    query = (
        "messageId=m-asdf&from=%2B19191231111&eventType=mms&text=test"
        "&time=2016-12-01T16:04:49Z&to=%2B13204601164&state=received"
        "&applicationId=a-yr3jpxasdfh5xh5e35saoi&direction=in"
        "&media=[https://api.example/giphy-m-asdf.gif, https://api.example/123_1-m-asdf.smil]"
        "&segmentCount=1"
    )
    event = parse_event(query=query)
    assert event["media"] == [
        "https://api.example/giphy-m-asdf.gif",
        "https://api.example/123_1-m-asdf.smil",
    ]
    assert event["segment_count"] == 1
