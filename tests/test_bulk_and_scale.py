"""Bulk sends of any size, client-side rate limiting, thread safety and listing limits."""

from __future__ import annotations

import asyncio
import threading
import time
from typing import Any

import bandwidth
import httpx
import pytest
from bandwidth.testing import FakeMessagingAPI, Fault

from .helpers import BASE, Api, body_of


def items(n: int) -> list[dict[str, Any]]:
    return [{"from": "+1234567980", "to": f"+1{i:010d}", "text": f"message {i}"} for i in range(n)]


KINDS = pytest.mark.parametrize("kind", ["sync", "async"])


@KINDS
@pytest.mark.parametrize("count", [1, 49, 50, 51, 120, 1000])
def test_any_number_of_items_in_requests_of_at_most_50(kind: str, count: int) -> None:
    fake = FakeMessagingAPI()
    progress: list[tuple[int, int]] = []
    results = Api(kind, fake)(
        "send_messages",
        iter(items(count)),
        on_progress=lambda done, total: progress.append((done, total)),
    )
    sizes = [len(body_of(r)) for r in fake.requests]
    assert sizes == [50] * (count // 50) + ([count % 50] if count % 50 else [])
    assert [r["result"] for r in results] == ["accepted"] * count
    assert [r["message"]["to"] for r in results] == [f"+1{i:010d}" for i in range(count)]
    assert [m["to"] for m in fake.sent] == [f"+1{i:010d}" for i in range(count)] or kind == "async"
    assert sorted(m["id"] for m in fake.sent) == sorted(r["id"] for r in results)
    assert sorted(progress)[-1] == (count, count)
    assert len(progress) == len(sizes)


@KINDS
def test_a_failing_middle_request_marks_only_its_items(kind: str) -> None:
    fake = FakeMessagingAPI()
    # The second request (items 50..99) is answered by a proxy's 500 page.
    fake.inject(Fault(status=500, body=b"<html>oops</html>", method="POST", after=1))
    results = Api(kind, fake, bulk_concurrency=1)("send_messages", items(150))
    assert len(results) == 150
    assert [r["result"] for r in results[:50]] == ["accepted"] * 50
    assert [r["result"] for r in results[50:100]] == ["error"] * 50
    assert [r["result"] for r in results[100:]] == ["accepted"] * 50
    failed = results[60]
    assert failed["may_have_been_sent"] is True
    assert isinstance(failed["exception"], bandwidth.ServerError)
    assert failed["error"]["code"] == "500"
    assert failed["message"]["to"] == "+10000000060"
    assert len(fake.requests) == 3  # the 500 on a send was not retried
    assert len(fake.sent) == 100


@KINDS
def test_a_request_refused_for_rate_is_sent_again_until_accepted(
    kind: str, bandwidth_waits: list[float]
) -> None:
    fake = FakeMessagingAPI()
    slow = {"category": "limit", "code": "rate", "message": "slow"}  # no limit stated
    fake.inject(Fault(status=429, body=slow, times=6))
    results = Api(kind, fake, bulk_concurrency=1, max_retries=2)("send_messages", items(60))
    assert [r["result"] for r in results] == ["accepted"] * 60
    assert sorted(m["to"] for m in fake.sent) == [f"+1{i:010d}" for i in range(60)]  # once each
    # Each refusal states no limit and no reset: every send waits a second after it.
    assert bandwidth_waits == [pytest.approx(1.0, abs=0.05)] * 6


@KINDS
def test_a_message_refused_for_rate_past_max_rate_wait_is_reported_not_sent(
    kind: str, bandwidth_waits: list[float]
) -> None:
    fake = FakeMessagingAPI()
    slow = {"category": "limit", "code": "rate", "message": "slow"}
    fake.inject(Fault(status=429, body=slow, times=1000))
    results = Api(kind, fake, bulk_concurrency=1, max_rate_wait=5)("send_messages", items(50))
    assert [r["result"] for r in results] == ["error"] * 50
    assert all(r["may_have_been_sent"] is False for r in results)
    assert all(isinstance(r["exception"], bandwidth.RateLimitError) for r in results)
    assert fake.sent == []
    assert 5 <= sum(bandwidth_waits) <= 6.5


def rate_refusal(code: str, message: str) -> dict[str, Any]:
    """An item of a 202 the API refused for rate (and so did not send)."""
    error = {"category": "too-many-requests", "code": code, "message": message}
    return {"result": "error", "error": error}


def accepted(message_id: str = "m-1") -> dict[str, Any]:
    """An item of a 202 the API accepted."""
    return {"result": "accepted", "location": f"{BASE}/{message_id}"}


def then_accept_every_item(httpx_mock: Any) -> None:
    """Answer every later send with a 202 accepting each of its items."""

    def accept_all(request: httpx.Request) -> httpx.Response:
        return httpx.Response(202, json=[accepted()] * len(body_of(request)))

    httpx_mock.add_callback(accept_all, method="POST", is_reusable=True)


@KINDS
def test_items_refused_for_rate_past_max_rate_wait_leave_the_rest_of_their_request_whole(
    kind: str, bandwidth_waits: list[float], httpx_mock: Any
) -> None:
    """A 202 refusing two items for rate and accepting the third: with no time left to send
    them again, each of the three has its own result, in its place."""
    refused = rate_refusal("message-rate-limit", "You can send 1 messages per 1 seconds")
    httpx_mock.add_response(
        method="POST", status_code=202, json=[refused, refused, accepted("m-3")]
    )
    results = Api(kind, max_rate_wait=0)("send_messages", items(3))
    assert [r["result"] for r in results] == ["error", "error", "accepted"]
    assert [r["index"] for r in results] == [0, 1, 2]
    assert [r["message"]["to"] for r in results] == [f"+1{i:010d}" for i in range(3)]
    assert [r.get("may_have_been_sent") for r in results[:2]] == [False, False]
    assert results[2]["id"] == "m-3"
    assert len(httpx_mock.get_requests()) == 1


@KINDS
def test_what_a_202_s_refusals_teach_is_learned_once_per_number(
    kind: str, bandwidth_waits: list[float], httpx_mock: Any
) -> None:
    """Two items refused for their number's rate (stated for that number), one accepted: the
    client learns that number's rate, counts two refusals, and sends the two again."""
    number = "+1234567980"
    per_tn = rate_refusal(
        "message-rate-limit-per-tn",
        f"You can send 2 messages per 1 seconds for telephone number {number}",
    )
    httpx_mock.add_response(method="POST", status_code=202, json=[per_tn, per_tn, accepted()])
    then_accept_every_item(httpx_mock)
    api = Api(kind, rate_limits_url="memory://")
    results = api("send_messages", items(3))
    assert [r["result"] for r in results] == ["accepted"] * 3
    pacing = api.client.pacing
    assert pacing["refusals"] == 2
    assert pacing["number_rates"] == {number: 2.0}
    assert pacing["messages_per_second"] is None  # a number's limit, not the account's
    sent = [body_of(r) for r in httpx_mock.get_requests()]
    # The two refused go again, in their order, at the number's rate: one at a time.
    assert [[m["to"] for m in body] for body in sent] == [
        [f"+1{i:010d}" for i in range(3)],
        ["+10000000000"],
        ["+10000000001"],
    ]


@KINDS
def test_a_request_refused_whole_for_rate_counts_each_of_its_messages(
    kind: str, bandwidth_waits: list[float]
) -> None:
    fake = FakeMessagingAPI()
    fake.inject(Fault.rate_limited(retry_after=None, messages_per_second=5))
    api = Api(kind, fake, rate_limits_url="memory://")
    results = api("send_messages", items(7))
    assert [r["result"] for r in results] == ["accepted"] * 7
    assert api.client.pacing["refusals"] == 7
    assert api.client.pacing["messages_per_second"] == 5.0


@KINDS
def test_while_one_number_waits_a_request_fills_with_the_others_up_to_50(
    kind: str, bandwidth_waits: list[float]
) -> None:
    """Three messages from one number limited to 1/s, then 100 from other numbers: the first
    request carries one of the three and 49 others (read further ahead), never more than 50."""
    fake = FakeMessagingAPI()
    first = [{"from": "+19195550100", "to": f"+1919000{i:04d}", "text": "a"} for i in range(3)]
    others = [{"from": f"+1919555{i:04d}", "to": "+19190009999", "text": "b"} for i in range(100)]
    api = Api(
        kind,
        fake,
        bulk_concurrency=1,
        per_number_messages_per_second=1,
        rate_limits_url="memory://",
    )
    results = api("send_messages", first + others)
    assert [r["result"] for r in results] == ["accepted"] * 103
    sizes = [len(body_of(r)) for r in fake.requests]
    assert sizes[0] == 50
    assert max(sizes) <= 50
    assert sum(sizes) == 103
    assert [m["from"] for m in body_of(fake.requests[0])].count("+19195550100") == 1


@KINDS
@pytest.mark.parametrize(
    ("fault", "error"),
    [
        (
            Fault(
                status=500,
                body={
                    "category": "internal",
                    "code": "oops",
                    "message": "Try later",
                    "details": [{"name": "requestMethod", "value": "POST"}],
                },
            ),
            {
                "category": "internal",
                "code": "oops",
                "message": "Try later",
                "details": [{"name": "requestMethod", "value": "POST"}],
            },
        ),
        (Fault(drop=True), {"category": "connection", "code": "APIConnectionError"}),
        (
            Fault.truncated(status=202),
            {"category": "malformed-response", "code": "MalformedResponseError"},
        ),
    ],
)
def test_each_item_of_a_request_that_failed_whole_says_how(
    kind: str, fault: Fault, error: dict[str, Any]
) -> None:
    fake = FakeMessagingAPI()
    fake.inject(fault)
    results = Api(kind, fake)("send_messages", items(2))
    for result in results:
        assert result["may_have_been_sent"] is True  # the request went out: in doubt
        shown = dict(result["error"])
        message = shown.pop("message")
        assert message == error.get("message", str(result["exception"]))
        assert shown == {k: v for k, v in error.items() if k != "message"}


@KINDS
def test_an_item_the_sdk_refuses_says_so_in_its_error(kind: str) -> None:
    fake = FakeMessagingAPI()
    bad = {"from": "+1234567980", "to": "+10000000001"}
    [result] = Api(kind, fake)("iter_send_messages", [bad])
    assert result["error"]["category"] == "bad-request"
    assert result["error"]["code"] == "InvalidValueError"
    assert result["error"]["message"] == str(result["exception"])
    assert fake.requests == []


@KINDS
def test_no_credit_stops_the_remaining_requests(kind: str) -> None:
    fake = FakeMessagingAPI()
    broke = {"category": "credit", "code": "insufficient-funds", "message": "No credit"}
    fake.inject(Fault(status=403, body=broke, times=3))
    results = Api(kind, fake, bulk_concurrency=1)("send_messages", items(120), timeout=2)
    assert len(fake.requests) == 1  # the other two would be refused the same way
    assert fake.requests[0].extensions["timeout"]["read"] == 2.0  # the call's timeout
    assert {r["error"]["code"] for r in results} == {"insufficient-funds"}
    assert all(r["may_have_been_sent"] is False for r in results)


@KINDS
def test_a_number_s_refusals_that_do_not_name_it_are_learned_for_its_sender(
    kind: str, bandwidth_waits: list[float], httpx_mock: Any
) -> None:
    """Items from two numbers refused for their number's rate, the message naming neither: each
    sender is taken to have the documented 1 message/s, learned once each."""
    per_tn = rate_refusal("message-rate-limit-per-tn", "Too fast for this number")
    httpx_mock.add_response(method="POST", status_code=202, json=[per_tn, per_tn, accepted()])
    then_accept_every_item(httpx_mock)
    three_numbers = [{**m, "from": f"+1919555{n:04d}"} for n, m in enumerate(items(3))]
    api = Api(kind, rate_limits_url="memory://")
    assert [r["result"] for r in api("send_messages", three_numbers)] == ["accepted"] * 3
    assert api.client.pacing["number_rates"] == {"+19195550000": 1.0, "+19195550001": 1.0}
    assert api.client.pacing["refusals"] == 2


@KINDS
def test_a_request_refused_whole_for_its_number_s_rate_teaches_that_number(
    kind: str, bandwidth_waits: list[float]
) -> None:
    fake = FakeMessagingAPI()
    per_tn = {"category": "limit", "code": "message-rate-limit-per-tn", "message": "Too fast"}
    fake.inject(Fault(status=403, body=per_tn))
    api = Api(kind, fake, rate_limits_url="memory://")
    results = api("send_messages", items(2))  # both from +1234567980
    assert [r["result"] for r in results] == ["accepted"] * 2
    assert api.client.pacing["number_rates"] == {"+1234567980": 1.0}
    assert api.client.pacing["refusals"] == 2


@KINDS
@pytest.mark.parametrize(
    ("code", "category", "sent_again"),
    [
        ("multi-message-limit", "limit", False),  # a size limit: sending again cannot succeed
        ("message-delay-limit", "bad-request", True),  # the account's queue is full: later
        ("message-rate-limit", "limit", True),
    ],
)
def test_which_refusals_inside_a_202_are_sent_again(
    kind: str,
    code: str,
    category: str,
    sent_again: bool,
    bandwidth_waits: list[float],
    httpx_mock: Any,
) -> None:
    refused = {"result": "error", "error": {"category": category, "code": code, "message": "no"}}
    httpx_mock.add_response(method="POST", status_code=202, json=[refused])
    if sent_again:
        httpx_mock.add_response(method="POST", status_code=202, json=[accepted()])
    [result] = Api(kind, rate_limits_url="memory://")("send_messages", items(1))
    assert len(httpx_mock.get_requests()) == (2 if sent_again else 1)
    if sent_again:
        assert result["result"] == "accepted"
    else:  # final: reported with the API's own refusal, and certainly not sent
        assert result["result"] == "error"
        assert result["error"]["code"] == code
        assert result["may_have_been_sent"] is False


@KINDS
def test_bad_credentials_stop_the_remaining_requests(kind: str) -> None:
    fake = FakeMessagingAPI()
    denied = {"category": "authorization", "code": "user-access-denied", "message": "Denied"}
    fake.inject(Fault(status=401, body=denied, times=3))  # as many as there are requests
    results = Api(kind, fake, bulk_concurrency=1)("send_messages", items(120))
    assert len(fake.requests) == 1
    assert [r["result"] for r in results] == ["error"] * 120
    assert all(r["may_have_been_sent"] is False for r in results)
    assert all(isinstance(r["exception"], bandwidth.AuthenticationError) for r in results)
    # Every result, sent or not, says which message it is about, and why it failed.
    assert [r["message"]["to"] for r in results] == [f"+1{i:010d}" for i in range(120)]
    assert {r["error"]["code"] for r in results} == {"user-access-denied"}
    assert {r["error"]["category"] for r in results} == {"authorization"}


@KINDS
def test_bulk_keeps_the_asked_number_of_requests_in_flight(kind: str) -> None:
    fake = FakeMessagingAPI()
    in_flight = {"now": 0, "most": 0}
    lock = threading.Lock()

    def enter() -> None:
        with lock:
            in_flight["now"] += 1
            in_flight["most"] = max(in_flight["most"], in_flight["now"])

    def leave() -> None:
        with lock:
            in_flight["now"] -= 1

    def slow(request: httpx.Request) -> httpx.Response:
        enter()
        time.sleep(0.01)
        leave()
        return fake.handle(request)

    async def async_slow(request: httpx.Request) -> httpx.Response:
        enter()
        await asyncio.sleep(0.01)
        leave()
        return fake.handle(request)

    if kind == "sync":
        with bandwidth.client(
            "messaging",
            "u-user",
            "t-token",
            "s-secret",
            http_client=httpx.Client(transport=httpx.MockTransport(slow)),
        ) as c:
            results = c.send_messages(items(500), concurrency=3)
    else:

        async def run() -> list[Any]:
            async with bandwidth.async_client(
                "messaging",
                "u-user",
                "t-token",
                "s-secret",
                http_client=httpx.AsyncClient(transport=httpx.MockTransport(async_slow)),
            ) as client:
                return await client.send_messages(items(500), concurrency=3)

        results = asyncio.run(run())
    assert 1 < in_flight["most"] <= 3  # concurrent, and never more than asked
    assert [r["message"]["to"] for r in results] == [f"+1{i:010d}" for i in range(500)]
    assert len(fake.requests) == 10


@KINDS
def test_sync_bulk_is_sequential_by_default_and_concurrency_is_checked(kind: str) -> None:
    fake = FakeMessagingAPI()
    send = Api(kind, fake)
    if kind == "sync":
        send("send_messages", items(120))
        assert [m["to"] for m in fake.sent] == [f"+1{i:010d}" for i in range(120)]
    with pytest.raises(ValueError, match="concurrency must be 1 or more"):
        send("send_messages", items(2), concurrency=0)
    with pytest.raises(TypeError, match="concurrency must be an int"):
        send("send_messages", items(2), concurrency="4")


# -- thread safety ---------------------------------------------------------------------------


def test_one_client_shared_by_eight_threads() -> None:
    fake = FakeMessagingAPI()
    client = fake.client()
    errors: list[BaseException] = []
    sent_ids: list[str] = []
    lock = threading.Lock()

    def work(worker: int) -> None:
        try:
            for i in range(25):
                message_id = client.send_message("+1", f"+2{worker}", f"w{worker} m{i}")
                assert client.get_message(message_id)["text"] == f"w{worker} m{i}"
                with lock:
                    sent_ids.append(message_id)
            assert len(list(client.list_messages(to=f"+2{worker}", size=7))) == 25
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=work, args=(w,)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(set(sent_ids)) == 200
    assert len(fake.sent) == 200
