"""The flows alone, with no transport and no client: a flow yields the request to send or the
seconds to wait, and is resumed with what happened. As httpx tests its auth flows, these feed
answers with ``flow.send(...)`` and assert what the flow does next."""

from __future__ import annotations

from typing import Any

import httpx
import pytest
from bandwidth import (
    BandwidthAccountAPIException,
    InvalidValueError,
    MalformedResponseError,
    NotFoundError,
    ServerError,
    UnsafeRedirectError,
)
from bandwidth._config import Settings
from bandwidth._exchange import Exchange, within
from bandwidth._parsing import parse_object
from bandwidth_messaging_api import operations as op

ROOT = "https://api.example/v1"


def exchange(**options: Any) -> Exchange:
    options.setdefault("api_endpoint", "https://api.example")
    settings = Settings.create("u-1", "t-token", "s-secret", options)
    return Exchange(settings, BandwidthAccountAPIException)


def answer(request: httpx.Request, status: int = 200, **kwargs: Any) -> httpx.Response:
    return httpx.Response(status, request=request, **kwargs)


def test_a_request_is_built_from_the_spec_s_operation() -> None:
    request = exchange().request(
        op.UPDATE_PHONE_NUMBER, None, path={"number_id": "+1 919"}, body={"name": "x"}
    )
    assert request.method == "POST"
    assert str(request.url) == f"{ROOT}/users/u-1/phoneNumbers/%2B1%20919"
    assert request.content == b'{"name":"x"}'
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["Authorization"].startswith("Basic ")
    query = exchange().request(op.LIST_PHONE_NUMBERS, 3.0, query={"number_state": "enabled"})
    assert str(query.url) == f"{ROOT}/users/u-1/phoneNumbers?numberState=enabled"
    assert query.extensions["timeout"] == {"connect": 3.0, "read": 3.0, "write": 3.0, "pool": 3.0}


def test_a_required_body_property_is_asked_for_before_anything_is_built() -> None:
    with pytest.raises(InvalidValueError, match="number is required"):
        exchange().request(op.ORDER_PHONE_NUMBER, None, body={"name": "x"})


def test_a_success_returns_what_the_parser_makes_of_it() -> None:
    ex = exchange()
    request = ex.request(op.GET_ACCOUNT, None)
    flow = ex.call(request, parse_object)
    assert next(flow) is request
    with pytest.raises(StopIteration) as done:
        flow.send(answer(request, json={"accountType": "pre-pay"}))
    assert done.value.value == {"account_type": "pre-pay"}


def test_a_read_that_fails_is_waited_for_then_sent_again() -> None:
    ex = exchange(max_retries=1)
    request = ex.request(op.GET_ACCOUNT, None)
    flow = ex.call(request, parse_object)
    next(flow)
    wait = flow.send(answer(request, 503))
    assert isinstance(wait, float)
    assert 0 < wait <= 8.0
    assert flow.send(None) is request  # the same request, again
    with pytest.raises(ServerError) as raised:
        flow.send(answer(request, 503))
    assert raised.value.may_have_been_sent is False  # a read: nothing was created


def test_an_order_that_may_have_gone_through_is_not_sent_again() -> None:
    ex = exchange(max_retries=3)
    request = ex.request(op.ORDER_PHONE_NUMBER, None, body={"number": "+19195550100"})
    flow = ex.call(request, parse_object)
    next(flow)
    with pytest.raises(ServerError) as raised:
        flow.send(answer(request, 502))
    assert raised.value.may_have_been_sent is True
    assert isinstance(raised.value, BandwidthAccountAPIException)


def test_an_order_whose_connection_failed_before_sending_is_sent_again() -> None:
    ex = exchange(max_retries=1)
    request = ex.request(op.ORDER_PHONE_NUMBER, None, body={"number": "+19195550100"})
    flow = ex.call(request, parse_object)
    next(flow)
    assert isinstance(flow.send(httpx.ConnectError("refused", request=request)), float)
    assert flow.send(None) is request


def test_a_refusal_is_raised_at_once_as_the_api_s_class() -> None:
    ex = exchange(max_retries=3)
    request = ex.request(op.GET_APPLICATION, None, path={"application_id": "a-1"})
    flow = ex.call(request, parse_object)
    next(flow)
    with pytest.raises(NotFoundError) as raised:
        flow.send(answer(request, 404, json={"code": "application-not-found", "message": "no"}))
    assert isinstance(raised.value, BandwidthAccountAPIException)


def test_a_redirect_is_an_error_not_a_new_request() -> None:
    ex = exchange()
    request = ex.request(op.GET_ACCOUNT, None)
    flow = ex.call(request, parse_object)
    next(flow)
    with pytest.raises(UnsafeRedirectError, match="redirects are never followed"):
        flow.send(answer(request, 302, headers={"Location": "https://elsewhere.example/"}))


def test_a_page_gives_its_items_and_the_request_for_the_next_page() -> None:
    ex = exchange()
    first = ex.request(op.LIST_APPLICATIONS, None, query={"size": 1})
    seen: set[str] = set()
    flow = ex.page(first, seen, "applications")
    assert next(flow) is first
    link = f'<{ROOT}/users/u-1/applications?size=1&page=1>; rel="next"'
    with pytest.raises(StopIteration) as done:
        flow.send(answer(first, json=[{"id": "a-1"}], headers={"Link": link}))
    page, following = done.value.value
    assert page == [{"id": "a-1"}]
    assert isinstance(following, httpx.Request)
    assert str(following.url) == f"{ROOT}/users/u-1/applications?size=1&page=1"
    last = ex.page(following, seen, "applications")
    assert next(last) is following
    with pytest.raises(StopIteration) as done:
        last.send(answer(following, json=[{"id": "a-2"}]))
    assert done.value.value == ([{"id": "a-2"}], None)  # no Link: the listing ends


def test_within_gives_what_a_listing_may_still_give_and_how_many_after() -> None:
    assert within([1, 2, 3], None) == ([1, 2, 3], None)
    assert within([1, 2, 3], 2) == ([1, 2], 0)  # 0 left: no next page is read
    assert within([1, 2], 5) == ([1, 2], 3)
    assert within([1], 0) == ([], 0)


def test_a_link_back_to_a_page_read_is_malformed_not_a_loop() -> None:
    ex = exchange()
    first = ex.request(op.LIST_MEDIA, None)
    flow = ex.page(first, set(), "media files")
    next(flow)
    with pytest.raises(MalformedResponseError, match="leads back to a page already read"):
        flow.send(answer(first, json=[], headers={"Link": f'<{first.url}>; rel="next"'}))


def test_a_link_to_another_origin_is_refused() -> None:
    ex = exchange()
    first = ex.request(op.LIST_MEDIA, None)
    pages = ex.page(first, set(), "media files")
    next(pages)
    with pytest.raises(UnsafeRedirectError, match="another origin"):
        pages.send(answer(first, json=[], headers={"Link": '<https://evil.example/x>; rel="next"'}))


# -- reconciliation's one search, driven by hand ----------------------------------------------


def messaging_core() -> Any:
    from bandwidth._core import Core

    settings = Settings.create(
        "u-1", "t-token", "s-secret", {"api_endpoint": "https://api.example"}
    )
    return Core(settings)


SENT = {"from": "+19195550100", "to": "+19195550001", "text": "Order 7 shipped"}


def listed(**changes: Any) -> dict[str, Any]:
    return {"id": "m-1", "direction": "out", "state": "sent", "time": "t", **SENT, **changes}


def test_find_sent_lists_what_the_number_sent_and_returns_the_match() -> None:
    import datetime as dt

    from bandwidth import _reconcile

    since = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
    flow = _reconcile.find_sent(messaging_core(), SENT, since, exclude={"m-0"}, timeout=None)
    request = next(flow)
    assert isinstance(request, httpx.Request)
    query = request.url.params
    assert (query["from"], query["to"], query["direction"], query["sortOrder"]) == (
        SENT["from"],
        SENT["to"],
        "out",
        "asc",
    )
    page = [listed(id="m-0"), listed(text="other"), listed(id="m-9")]  # m-0 was accounted for
    with pytest.raises(StopIteration) as done:
        flow.send(answer(request, json=page))
    assert done.value.value["id"] == "m-9"


def test_reconcile_waits_the_settle_time_before_calling_a_send_absent() -> None:
    import datetime as dt

    from bandwidth import _reconcile

    sent_at = dt.datetime.now(dt.UTC).isoformat()
    result: Any = {
        "result": "error",
        "message": SENT,
        "index": 0,
        "sent_at": sent_at,
        "may_have_been_sent": True,
    }
    flow = _reconcile.reconcile(messaging_core(), [result], (), settle=30.0, timeout=None)
    first = next(flow)
    assert isinstance(first, httpx.Request)
    wait = flow.send(answer(first, json=[]))  # not listed yet: the API may not have it yet
    assert isinstance(wait, float)
    assert 29.0 < wait <= 30.0
    again = flow.send(None)
    assert isinstance(again, httpx.Request)
    with pytest.raises(StopIteration):
        flow.send(answer(again, json=[]))  # still absent once the API has had time
    assert result["may_have_been_sent"] is False
    assert result["reconciled"] is True
    assert result["error"]["code"] == "not-sent"
