"""What each method sends over the wire and what it returns, for the sync and async clients."""

from __future__ import annotations

import datetime as dt
from typing import Any

import bandwidth
import httpx
import pytest
from bandwidth import messaging
from pytest_httpx import HTTPXMock

from .helpers import AUTH, BASE, NEWEST_FIRST, SECRET, Api, body_of

DOC_MESSAGE = {
    "callbackUrl": "https://yoursite.com/message",
    "direction": "in",
    "from": "+19193047864",
    "id": "m-messageId",
    "media": [],
    "messageId": "m-messageId",
    "skipMMSCarrierValidation": True,
    "state": "received",
    "text": "Hey there",
    "time": "2017-02-01T21:10:32Z",
    "to": "+19191234567",
}
SNAKE_DOC_MESSAGE = {
    "callback_url": "https://yoursite.com/message",
    "direction": "in",
    "from": "+19193047864",
    "id": "m-messageId",
    "media": [],
    "message_id": "m-messageId",
    "skip_mms_carrier_validation": True,
    "state": "received",
    "text": "Hey there",
    "time": "2017-02-01T21:10:32Z",
    "to": "+19191234567",
}


def assert_sent_by_sdk(request: httpx.Request) -> None:
    assert request.headers["Authorization"] == AUTH
    assert request.headers["User-Agent"] == f"PythonSDK_{bandwidth.__version__}"


# -- the entry point -------------------------------------------------------------------------


def test_client_entry_point_is_case_insensitive() -> None:
    for name in ("messaging", "Messaging", "MESSAGING"):
        with bandwidth.client(name, "u-user", "t-token", "s-secret") as client:
            assert isinstance(client, messaging.Client)
            assert client.user_id == "u-user"
            assert client.api_token == "t-token"
            assert client.base_url == "https://api.catapult.inetwork.com/v1"


def test_unknown_api_name_lists_valid_ones() -> None:
    with pytest.raises(
        ValueError, match="unknown API 'numbers'; valid names: messaging, account, voice"
    ):
        bandwidth.client("numbers", "u-user", "t-token", "s-secret")


def test_missing_credentials_are_named(monkeypatch: pytest.MonkeyPatch) -> None:
    for name in ("BANDWIDTH_USER_ID", "BANDWIDTH_API_TOKEN", "BANDWIDTH_API_SECRET"):
        monkeypatch.delenv(name, raising=False)
    with pytest.raises(ValueError, match="missing credentials: api_secret"):
        bandwidth.client("messaging", "u-user", "t-token")
    with pytest.raises(ValueError, match="missing credentials: user_id, api_token, api_secret"):
        bandwidth.client("messaging")


def test_credentials_and_endpoint_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BANDWIDTH_USER_ID", "u-env")
    monkeypatch.setenv("BANDWIDTH_API_TOKEN", "t-env")
    monkeypatch.setenv("BANDWIDTH_API_SECRET", "s-env")
    monkeypatch.setenv("BANDWIDTH_API_ENDPOINT", "http://127.0.0.1:9")
    client = bandwidth.client("messaging")
    assert (client.user_id, client.api_token, client.base_url) == (
        "u-env",
        "t-env",
        "http://127.0.0.1:9/v1",
    )
    given = bandwidth.client("messaging", "u-given", "t-given", "s-given")
    assert given.user_id == "u-given"


def test_messaging_client_directly_with_options() -> None:
    client = messaging.Client(
        "u-user", "t-token", "s-secret", api_endpoint="https://example.test", api_version="v2"
    )
    assert client.base_url == "https://example.test/v2"


def test_secret_never_in_repr_or_str(api: Api) -> None:
    client = api.client
    core = client._core
    for text in (
        repr(client),
        str(client),
        repr(vars(client)),
        repr(core.credentials),
        repr(vars(core)),
    ):
        assert SECRET not in text
        assert AUTH.split()[1] not in text  # nor the Basic credentials that encode it
    assert "u-user" in repr(client)
    assert type(client).__name__ in repr(client)
    assert not hasattr(client, "auth")


def test_plain_http_only_to_loopback() -> None:
    for endpoint in ("http://localhost:8080", "http://127.0.0.5", "http://[::1]:80"):
        bandwidth.client("messaging", "u", "t", "s", api_endpoint=endpoint)
    with pytest.raises(ValueError, match="unencrypted"):
        bandwidth.client("messaging", "u", "t", "s", api_endpoint="http://api.example.test")
    client = bandwidth.client(
        "messaging", "u", "t", "s", api_endpoint="http://api.example.test", allow_insecure_http=True
    )
    assert client.base_url == "http://api.example.test/v1"
    with pytest.raises(ValueError, match="http"):
        bandwidth.client("messaging", "u", "t", "s", api_endpoint="ftp://api.example.test")


def test_own_http_client_is_used_and_not_closed(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(method="GET", url=f"{BASE}/m-1", json={"id": "m-1"})
    own = httpx.Client(headers={"X-Trace": "abc"})
    with bandwidth.client("messaging", "u-user", "t-token", "s-secret", http_client=own) as client:
        assert client.get_message("m-1") == {"id": "m-1"}
    assert not own.is_closed
    request = httpx_mock.get_request()
    assert request is not None
    assert request.headers["X-Trace"] == "abc"
    assert_sent_by_sdk(request)
    own.close()


def test_own_async_http_client_is_used_and_not_closed(httpx_mock: HTTPXMock) -> None:
    import asyncio

    httpx_mock.add_response(method="GET", url=f"{BASE}/m-1", json={"id": "m-1"})
    own = httpx.AsyncClient(headers={"X-Trace": "abc"})

    async def run() -> None:
        async with bandwidth.async_client(
            "messaging", "u-user", "t-token", "s-secret", http_client=own
        ) as client:
            assert await client.get_message("m-1") == {"id": "m-1"}
        assert not own.is_closed
        await own.aclose()

    asyncio.run(run())
    request = httpx_mock.get_request()
    assert request is not None
    assert request.headers["X-Trace"] == "abc"
    assert_sent_by_sdk(request)


def test_own_client_closes_its_pool() -> None:
    import asyncio

    with bandwidth.client("messaging", "u-user", "t-token", "s-secret") as client:
        assert not client._http.is_closed
    assert client._http.is_closed

    async def run() -> bandwidth.AsyncClient:
        async with bandwidth.async_client("messaging", "u-user", "t-token", "s-secret") as aclient:
            assert not aclient._http.is_closed
        return aclient

    assert asyncio.run(run())._http.is_closed


def test_default_timeout_is_bounded(httpx_mock: HTTPXMock, api: Api) -> None:
    httpx_mock.add_response(json={"id": "m-1"})
    httpx_mock.add_response(json={"id": "m-1"})
    api("get_message", "m-1")
    api("get_message", "m-1", timeout=2.5)
    default, per_call = httpx_mock.get_requests()
    assert default.extensions["timeout"] == {
        "connect": 5.0,
        "read": 30.0,
        "write": 30.0,
        "pool": 30.0,
    }
    assert per_call.extensions["timeout"] == {
        "connect": 2.5,
        "read": 2.5,
        "write": 2.5,
        "pool": 2.5,
    }


def test_client_timeout_option(httpx_mock: HTTPXMock, make_api: Any) -> None:
    httpx_mock.add_response(json={"id": "m-1"})
    make_api(timeout=httpx.Timeout(7.0, connect=1.0))("get_message", "m-1")
    request = httpx_mock.get_request()
    assert request is not None
    assert request.extensions["timeout"]["connect"] == 1.0
    assert request.extensions["timeout"]["read"] == 7.0
    with pytest.raises(ValueError, match="unlimited"):
        bandwidth.client("messaging", "u", "t", "s", timeout=httpx.Timeout(None))


# -- send_message ----------------------------------------------------------------------------


def test_send_text_message(httpx_mock: HTTPXMock, api: Api) -> None:
    httpx_mock.add_response(
        method="POST",
        url=BASE,
        status_code=201,
        headers={"Location": f"{BASE}/m-na6cpyjf2qcpz6l3drhcx7y"},
    )
    message_id = api("send_message", from_="+1234567980", to="+1234567981", text="SMS message")
    assert message_id == "m-na6cpyjf2qcpz6l3drhcx7y"
    request = httpx_mock.get_request()
    assert request is not None
    assert_sent_by_sdk(request)
    assert request.headers["Content-Type"] == "application/json"
    assert body_of(request) == {"from": "+1234567980", "to": "+1234567981", "text": "SMS message"}


def test_send_picture_message_with_every_option(httpx_mock: HTTPXMock, api: Api) -> None:
    httpx_mock.add_response(
        method="POST", url=BASE, status_code=201, headers={"Location": f"{BASE}/m-2"}
    )
    message_id = api(
        "send_message",
        from_="+1234567980",
        to="+1234567981",
        text="MMS message",
        media=["http://cat.com/cat.png"],
        callback_url="https://example.test/cb",
        callback_http_method="GET",
        callback_timeout=2000,
        fallback_url="https://example.test/fb",
        tag="t1",
    )
    assert message_id == "m-2"
    request = httpx_mock.get_request()
    assert request is not None
    assert body_of(request) == {
        "from": "+1234567980",
        "to": "+1234567981",
        "text": "MMS message",
        "media": ["http://cat.com/cat.png"],
        "callbackUrl": "https://example.test/cb",
        "callbackHttpMethod": "GET",
        "callbackTimeout": 2000,
        "fallbackUrl": "https://example.test/fb",
        "tag": "t1",
    }


def test_send_with_receipts(httpx_mock: HTTPXMock, api: Api) -> None:
    httpx_mock.add_response(status_code=201, headers={"Location": f"{BASE}/m-3"})
    api("send_message", "+1234567980", "+1234567981", "hi", receipt_requested="all")
    request = httpx_mock.get_request()
    assert request is not None
    assert body_of(request)["receiptRequested"] == "all"


# -- send_messages ---------------------------------------------------------------------------


def test_bulk_send_with_accepted_and_error_results(httpx_mock: HTTPXMock, api: Api) -> None:
    error = {
        "category": "bad-request",
        "code": "blank-property",
        "message": "The property 'to' must not be blank",
        "details": [{"name": "to", "value": ""}],
    }
    httpx_mock.add_response(
        method="POST",
        url=BASE,
        status_code=202,
        json=[
            {"result": "accepted", "location": f"{BASE}/m-a"},
            {"result": "error", "error": error},
        ],
    )
    items = [
        {"from": "+1234567980", "to": "+1234567981", "text": "SMS message"},
        {
            "from": "+1234567980",
            "to": "+1234567982",
            "text": "SMS message2",
            "callback_url": "https://example.test/cb",
        },
    ]
    before = dt.datetime.now(dt.UTC)
    results = api("send_messages", items)
    request = httpx_mock.get_request()
    assert request is not None
    assert_sent_by_sdk(request)
    assert body_of(request) == [
        {"from": "+1234567980", "to": "+1234567981", "text": "SMS message"},
        {
            "from": "+1234567980",
            "to": "+1234567982",
            "text": "SMS message2",
            "callbackUrl": "https://example.test/cb",
        },
    ]
    sent_at = results[0]["sent_at"]  # when the request went, as the API writes times
    assert sent_at.endswith("Z")
    sent = dt.datetime.fromisoformat(sent_at.replace("Z", "+00:00"))
    assert before - dt.timedelta(seconds=1) <= sent <= dt.datetime.now(dt.UTC)
    assert results == [
        {
            "result": "accepted",
            "location": f"{BASE}/m-a",
            "id": "m-a",
            "message": {"from": "+1234567980", "to": "+1234567981", "text": "SMS message"},
            "index": 0,
            "sent_at": sent_at,
        },
        {
            "result": "error",
            "error": error,
            "may_have_been_sent": False,
            "index": 1,
            "sent_at": sent_at,
            "message": {
                "from": "+1234567980",
                "to": "+1234567982",
                "text": "SMS message2",
                "callbackUrl": "https://example.test/cb",
            },
        },
    ]


# -- get_message -----------------------------------------------------------------------------


def test_get_message_as_documented(httpx_mock: HTTPXMock, api: Api) -> None:
    httpx_mock.add_response(method="GET", url=f"{BASE}/m-na6cpyjf2qcpz6l3drhcx7y", json=DOC_MESSAGE)
    message = api("get_message", "m-na6cpyjf2qcpz6l3drhcx7y")
    assert message == SNAKE_DOC_MESSAGE
    request = httpx_mock.get_request()
    assert request is not None
    assert_sent_by_sdk(request)
    assert request.content == b""


def test_get_message_keeps_unknown_properties_and_values(httpx_mock: HTTPXMock, api: Api) -> None:
    httpx_mock.add_response(
        json={
            **DOC_MESSAGE,
            "state": "delivered-to-moon",
            "newFieldXYZ": {"nestedKey": 1},
            "deliveryCode": 0,
        }
    )
    message = api("get_message", "m-messageId")
    assert message["state"] == "delivered-to-moon"
    assert message["new_field_xyz"] == {"nested_key": 1}  # type: ignore[typeddict-item]
    assert message["delivery_code"] == 0
    assert message["time"] == "2017-02-01T21:10:32Z"


# -- redact_message --------------------------------------------------------------------------


def test_redact_message(httpx_mock: HTTPXMock, api: Api) -> None:
    httpx_mock.add_response(method="PATCH", url=f"{BASE}/m-1", status_code=200)
    assert api("redact_message", "m-1") is None
    request = httpx_mock.get_request()
    assert request is not None
    assert_sent_by_sdk(request)
    assert body_of(request) == {"text": ""}


# -- list_messages ---------------------------------------------------------------------------


def page(ids: list[str]) -> list[dict[str, Any]]:
    return [{"id": i, "messageId": i, "deliveryState": "delivered"} for i in ids]


def test_list_follows_link_header_across_three_pages(httpx_mock: HTTPXMock, api: Api) -> None:
    first = f"{BASE}?from=%2B1234567980&sortOrder=desc&size=2"
    second = f"{BASE}?from=%2B1234567980&size=2&sortKeyLT=x,y"  # a comma inside the URL
    third = f"{BASE}?from=%2B1234567980&size=2&sortKeyLT=z"
    httpx_mock.add_response(
        url=first,
        json=page(["m-1", "m-2"]),
        headers={"Link": f'<{second}>; rel="next", <{BASE}>; rel="first"'},
    )
    httpx_mock.add_response(
        url=second, json=page(["m-3", "m-4"]), headers={"Link": f'<{third}>; rel="next"'}
    )
    httpx_mock.add_response(url=third, json=page(["m-5"]))
    messages = api("list_messages", from_="+1234567980", size=2, timeout=3)
    assert [m["id"] for m in messages] == ["m-1", "m-2", "m-3", "m-4", "m-5"]
    assert messages[0] == {"id": "m-1", "message_id": "m-1", "delivery_state": "delivered"}
    requests = httpx_mock.get_requests()
    assert [str(r.url) for r in requests] == [first, second, third]
    for request in requests:
        assert_sent_by_sdk(request)
        assert request.method == "GET"
        assert request.extensions["timeout"]["read"] == 3.0  # every page: the call's timeout


def test_list_is_lazy_page_by_page(httpx_mock: HTTPXMock) -> None:
    second = f"{BASE}?sortKeyLT=2"
    httpx_mock.add_response(
        url=NEWEST_FIRST, json=page(["m-1", "m-2"]), headers={"Link": f'<{second}>; rel="next"'}
    )
    httpx_mock.add_response(url=second, json=page(["m-3"]))
    client = bandwidth.client("messaging", "u-user", "t-token", "s-secret")
    messages = client.list_messages()
    assert httpx_mock.get_requests() == []
    assert next(messages)["id"] == "m-1"
    assert next(messages)["id"] == "m-2"
    assert len(httpx_mock.get_requests()) == 1
    assert next(messages)["id"] == "m-3"
    assert len(httpx_mock.get_requests()) == 2
    assert list(messages) == []


def test_async_list_is_lazy_page_by_page(httpx_mock: HTTPXMock) -> None:
    import asyncio

    second = f"{BASE}?sortKeyLT=2"
    httpx_mock.add_response(
        url=NEWEST_FIRST, json=page(["m-1", "m-2"]), headers={"Link": f'<{second}>; rel="next"'}
    )
    httpx_mock.add_response(url=second, json=page(["m-3"]))

    async def run() -> None:
        async with bandwidth.async_client("messaging", "u-user", "t-token", "s-secret") as client:
            messages = client.list_messages()
            assert httpx_mock.get_requests() == []
            assert (await anext(messages))["id"] == "m-1"
            assert (await anext(messages))["id"] == "m-2"
            assert len(httpx_mock.get_requests()) == 1
            assert (await anext(messages))["id"] == "m-3"
            assert len(httpx_mock.get_requests()) == 2

    asyncio.run(run())


def test_list_with_every_filter(httpx_mock: HTTPXMock, api: Api) -> None:
    httpx_mock.add_response(json=[])
    since = dt.datetime(2014, 5, 25, 1, 2, 3, 456000, tzinfo=dt.timezone(dt.timedelta(hours=2)))
    assert (
        api(
            "list_messages",
            from_="+1",
            to="+2",
            from_date_time=since,
            to_date_time="2014-05-26",
            direction="out",
            state="sent",
            delivery_state="not-delivered",
            sort_order="asc",
            size=1000,
        )
        == []
    )
    request = httpx_mock.get_request()
    assert request is not None
    assert dict(request.url.params) == {
        "from": "+1",
        "to": "+2",
        "fromDateTime": "2014-05-24 23:02:03.456",
        "toDateTime": "2014-05-26",
        "direction": "out",
        "state": "sent",
        "deliveryState": "not-delivered",
        "sortOrder": "asc",
        "size": "1000",
    }


def test_list_sends_no_unset_filters(httpx_mock: HTTPXMock, api: Api) -> None:
    httpx_mock.add_response(json=[])
    api("list_messages")
    request = httpx_mock.get_request()
    assert request is not None
    assert str(request.url) == NEWEST_FIRST  # the order is the one filter always sent


def test_list_limit_stops_early(httpx_mock: HTTPXMock, api: Api) -> None:
    httpx_mock.add_response(
        url=NEWEST_FIRST,
        json=page(["m-1", "m-2"]),
        headers={"Link": f'<{BASE}?sortKeyLT=2>; rel="next"'},
    )
    assert [m["id"] for m in api("list_messages", limit=2)] == ["m-1", "m-2"]
    assert len(httpx_mock.get_requests()) == 1


def test_the_clients_take_exactly_the_options_client_options_declares() -> None:
    given: bandwidth.ClientOptions = {
        "api_endpoint": "https://api.example.test/",
        "api_version": "v2",
        "timeout": 3,
        "max_retries": 0,
        "bulk_concurrency": 2,
        "allow_insecure_http": False,
        "max_messages_per_second": 5,
        "rate_burst": 15,
        "per_number_messages_per_second": 1,
        "toll_free_messages_per_second": 20,
        "short_code_messages_per_second": 100,
        "rate_limits_url": "memory://",
        "max_rate_wait": 60,
    }
    assert set(given) == set(bandwidth.ClientOptions.__annotations__)
    for cls in (bandwidth.Client, bandwidth.AsyncClient):
        made = cls("u", "t", "s", **given)
        assert made.base_url == "https://api.example.test/v2"
        with pytest.raises(TypeError, match=r"unknown client option.*: max_retry"):
            cls("u", "t", "s", max_retry=3)  # type: ignore[call-arg]


def test_a_callers_http_client_lends_headers_but_not_params_or_cookies() -> None:
    seen: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json=[])

    http = httpx.Client(
        transport=httpx.MockTransport(answer),
        headers={"X-Team": "shop", "User-Agent": "theirs"},
        params={"debug": "1"},
        cookies={"session": "abc"},
    )
    client = bandwidth.client("messaging", "u-user", "t-token", "s-secret", http_client=http)
    assert list(client.list_messages()) == []
    request = seen[0]
    assert request.headers["X-Team"] == "shop"  # the caller's default header is sent
    assert request.headers["User-Agent"].startswith("PythonSDK_")  # the SDK's own wins
    assert "debug" not in request.url.params  # as documented: not merged
    assert "cookie" not in request.headers
