"""Bad input gets a clear error and nothing is sent."""

from __future__ import annotations

from typing import Any

import bandwidth
import pytest
from bandwidth.testing import FakeMessagingAPI
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pytest_httpx import HTTPXMock

from .helpers import BASE, Api, body_of

OK = {"from_": "+1234567980", "to": "+1234567981", "text": "hi"}


@pytest.fixture(autouse=True)
def intercepted(httpx_mock: HTTPXMock) -> HTTPXMock:
    """No request leaves the test; one nobody expected fails it (pytest-httpx's own check)."""
    return httpx_mock


@pytest.mark.parametrize(
    ("changes", "error", "match"),
    [
        ({"from_": ""}, ValueError, "'from' must not be empty"),
        ({"to": None}, ValueError, "missing 'to'"),
        ({"to": 1234567981}, TypeError, "'to' must be a str, not int"),
        ({"text": None}, ValueError, "needs 'text' or 'media'"),
        ({"text": "x" * 2049}, ValueError, "'text' must have at most 2048 characters, not 2049"),
        ({"media": "ftp://cat.com/cat.png"}, ValueError, r"'media'\[0\] must be an http"),
        ({"media": 5}, TypeError, "'media' must be a list"),
        (
            {"media": "http://cat.com/cat.png", "receipt_requested": "all"},
            ValueError,
            "'receiptRequested' cannot be combined with 'media'",
        ),
        ({"media": ["ftp://cat.com/cat.png"]}, ValueError, r"'media'\[0\] must be an http"),
        ({"media": [5]}, TypeError, r"'media'\[0\] must be a str"),
        (
            {"media": ["http://cat.com/c.png"], "receipt_requested": "all"},
            ValueError,
            "cannot be combined with 'media'",
        ),
        ({"receipt_requested": "some"}, ValueError, "'receipt_requested' must be one of"),
        ({"callback_http_method": "PUT"}, ValueError, "'callback_http_method' must be one of"),
        ({"callback_timeout": 0}, ValueError, "between 1 and 10000, not 0"),
        ({"callback_timeout": 10001}, ValueError, "between 1 and 10000, not 10001"),
        ({"callback_timeout": True}, TypeError, "must be an int, not bool"),
        ({"callback_timeout": 5.0}, TypeError, "must be an int, not float"),
        ({"callback_url": "javascript:alert(1)"}, ValueError, "'callback_url' must be an http"),
        ({"fallback_url": "example.test/x"}, ValueError, "'fallback_url' must be an http"),
        ({"tag": 7}, TypeError, "'tag' must be a str"),
    ],
)
def test_send_message_rejects_bad_input_before_sending(
    api: Api, intercepted: HTTPXMock, changes: dict[str, Any], error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match) as caught:
        api("send_message", **{**OK, **changes})
    assert isinstance(caught.value, bandwidth.BandwidthError)
    assert intercepted.get_requests() == []


def test_media_alone_and_receipts_none_with_media_are_fine(httpx_mock: HTTPXMock, api: Api) -> None:
    httpx_mock.add_response(
        status_code=201, headers={"Location": "https://x.test/m-1"}, is_reusable=True
    )
    api("send_message", "+1", "+2", media=["https://cat.com/c.png"])
    api("send_message", "+1", "+2", media=["https://cat.com/c.png"], receipt_requested="none")
    assert len(httpx_mock.get_requests()) == 2


@pytest.mark.parametrize(
    ("items", "error", "match"),
    [
        ("not a list", TypeError, "list of dicts, not a str"),
        ({"from": "+1"}, TypeError, "list of dicts, not a dict"),
        (5, TypeError, "list of dicts, not int"),
        ([{"from": "+1", "to": "+2", "text": "a"}, "x"], TypeError, "item 1 must be a dict"),
        (
            [{"from": "+1", "to": "+2", "text": "a"}, {"from": "+1", "to": "+2", "txt": "a"}],
            ValueError,
            "item 1 has an unknown key 'txt'",
        ),
        (
            [
                {
                    "from": "+1",
                    "to": "+2",
                    "text": "a",
                    "callbackUrl": "https://a.test",
                    "callback_url": "https://a.test",
                }
            ],
            ValueError,
            "item 0 gives 'callbackUrl' twice",
        ),
        ([{"from": "+1", "text": "a"}], ValueError, "item 0 is missing 'to'"),
    ],
)
def test_send_messages_rejects_bad_items_before_sending_any(
    api: Api, intercepted: HTTPXMock, items: Any, error: type[Exception], match: str
) -> None:
    with pytest.raises(error, match=match):
        api("send_messages", items)
    assert intercepted.get_requests() == []


@pytest.mark.parametrize("message_id", ["", "m-1/../other", "m-1?x=1", "m-1#frag"])
@pytest.mark.parametrize("method", ["get_message", "redact_message"])
def test_bad_message_ids(api: Api, method: str, message_id: str) -> None:
    with pytest.raises(ValueError, match="message_id"):
        api(method, message_id)


@pytest.mark.parametrize(
    ("kwargs", "error", "match"),
    [
        ({"size": 0}, ValueError, "size must be between 1 and 1000, not 0"),
        ({"size": 1001}, ValueError, "size must be between 1 and 1000"),
        ({"size": "10"}, TypeError, "size must be an int"),
        ({"direction": "sideways"}, ValueError, "direction must be one of 'in', 'out'"),
        ({"state": "lost"}, ValueError, "state must be one of"),
        ({"delivery_state": "maybe"}, ValueError, "delivery_state must be one of"),
        ({"sort_order": "random"}, ValueError, "sort_order must be one of"),
        ({"from_date_time": 20140525}, TypeError, "from_date_time must be a str"),
        ({"limit": -1}, ValueError, "limit must be 0 or more"),
    ],
)
def test_list_rejects_bad_filters_at_call_time(
    api: Api, kwargs: dict[str, Any], error: type[Exception], match: str
) -> None:
    client = api.client
    with pytest.raises(error, match=match):
        client.list_messages(**kwargs)  # raises before iteration starts


# -- property: arbitrary input never escapes as anything but the documented errors -----------

ANY_VALUE = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(),
    st.text(max_size=30),
    st.binary(max_size=5),
    st.lists(st.one_of(st.text(max_size=20), st.integers()), max_size=3),
    st.dictionaries(st.text(max_size=10), st.text(max_size=10), max_size=3),
    st.sampled_from(
        [
            "+1234567980",
            "https://cat.com/c.png",
            "all",
            "none",
            "GET",
            "in",
            "sent",
            "asc",
            "m-1",
            1,
            25,
            10000,
            "2014-05-25",
        ]
    ),
)
SEND_ARGS = [
    "from_",
    "to",
    "text",
    "media",
    "receipt_requested",
    "callback_url",
    "callback_http_method",
    "callback_timeout",
    "fallback_url",
    "tag",
]
LIST_ARGS = [
    "from_",
    "to",
    "from_date_time",
    "to_date_time",
    "direction",
    "state",
    "delivery_state",
    "sort_order",
    "size",
    "limit",
]
DOCUMENTED = (
    bandwidth.InvalidTypeError,
    bandwidth.InvalidValueError,
    bandwidth.BandwidthMessageAPIException,
)


def call_both(method: str, *args: Any, **kwargs: Any) -> None:
    """Call ``method`` on both clients; only documented errors may escape, and an invalid
    call (one raising InvalidTypeError/InvalidValueError) must not reach the transport."""
    for kind in ("sync", "async"):
        fake = FakeMessagingAPI()
        try:
            Api(kind, fake, max_retries=0)(method, *args, **kwargs)
        except (bandwidth.InvalidTypeError, bandwidth.InvalidValueError):
            assert fake.requests == [], f"{kind} {method} sent a request for invalid input"
        except DOCUMENTED:
            pass


PROPERTY = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(st.fixed_dictionaries({}, optional=dict.fromkeys(SEND_ARGS, ANY_VALUE)))
def test_send_message_with_arbitrary_arguments(kwargs: dict[str, Any]) -> None:
    call_both("send_message", **{"from_": None, "to": None, **kwargs})


@PROPERTY
@given(
    st.one_of(
        ANY_VALUE,
        st.lists(
            st.one_of(
                ANY_VALUE,
                st.dictionaries(
                    st.sampled_from(
                        [
                            "from",
                            "to",
                            "text",
                            "media",
                            "tag",
                            "callbackUrl",
                            "callback_url",
                            "bogus",
                        ]
                    ),
                    ANY_VALUE,
                    max_size=5,
                ),
            ),
            max_size=4,
        ),
    )
)
def test_send_messages_with_arbitrary_items(items: Any) -> None:
    call_both("send_messages", items)


@PROPERTY
@given(ANY_VALUE, st.sampled_from(["get_message", "redact_message"]))
def test_message_id_methods_with_arbitrary_ids(message_id: Any, method: str) -> None:
    call_both(method, message_id)


@PROPERTY
@given(st.fixed_dictionaries({}, optional=dict.fromkeys(LIST_ARGS, ANY_VALUE)))
def test_list_messages_with_arbitrary_filters(kwargs: dict[str, Any]) -> None:
    call_both("list_messages", **kwargs)


def test_one_media_url_is_sent_as_a_list(httpx_mock: HTTPXMock, api: Api) -> None:
    httpx_mock.add_response(status_code=201, headers={"Location": f"{BASE}/m-1"})
    api("send_message", "+1234567980", "+1234567981", media="http://cat.com/cat.png")
    request = httpx_mock.get_request()
    assert request is not None
    assert body_of(request) == {
        "from": "+1234567980",
        "to": "+1234567981",
        "media": ["http://cat.com/cat.png"],
    }


@pytest.mark.parametrize(
    "item",
    [
        {"from": "+19195550100", "from_": "+19195550101", "to": "+19195550001", "text": "x"},
        {"from_": "+19195550100", "from": "+19195550101", "to": "+19195550001", "text": "x"},
    ],
)
def test_a_plain_field_given_in_both_spellings_is_refused_not_overwritten(
    item: dict[str, str],
) -> None:
    with pytest.raises(bandwidth.InvalidValueError, match="gives 'from' twice"):
        bandwidth.messaging.Client("u", "t", "s").send_messages([item])  # type: ignore[list-item]


def test_check_message_checks_as_a_send_does_and_gives_the_body_it_would_send() -> None:
    body = bandwidth.check_message(
        {"from_": "+19195550100", "to": "+19195550001", "callback_url": "https://a.example/cb"}
        | {"text": "hi"}
    )
    assert body == {
        "from": "+19195550100",
        "to": "+19195550001",
        "text": "hi",
        "callbackUrl": "https://a.example/cb",
    }
    with pytest.raises(bandwidth.InvalidValueError, match=r"^orders.csv:7 needs 'text' or 'media'"):
        bandwidth.check_message({"from": "+19195550100", "to": "+1"}, "orders.csv:7")
    with pytest.raises(bandwidth.InvalidTypeError, match=r"^message: 'tag' must be a str"):
        bandwidth.check_message({"from": "+1", "to": "+2", "text": "x", "tag": 5})
