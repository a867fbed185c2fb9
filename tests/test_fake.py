"""The stand-in API behaves as the shared reference says, and the SDK works against it."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from collections.abc import Iterator

import bandwidth
import httpx
import pytest
from bandwidth.testing import FakeMessagingAPI, FakeServer, Fault

from .helpers import AUTH

BASE = "http://127.0.0.1/v1/users/u-user/messages"


@pytest.fixture
def fake() -> FakeMessagingAPI:
    return FakeMessagingAPI()


@pytest.fixture
def raw(fake: FakeMessagingAPI) -> Iterator[httpx.Client]:
    with httpx.Client(transport=fake.transport(), headers={"Authorization": AUTH}) as client:
        yield client


def test_the_whole_sdk_over_loopback(server: FakeServer) -> None:
    with bandwidth.client(
        "messaging", "u-user", "t-token", "s-secret", api_endpoint=server.url
    ) as api:
        first = api.send_message("+1234567980", "+1234567981", "SMS message")
        assert first.startswith("m-") and len(first) == 25  # noqa: PT018 - as documented
        second = api.send_message(
            "+1234567980", "+1234567981", "MMS message", media=["http://cat.com/cat.png"]
        )
        results = api.send_messages(
            [
                {"from": "+1234567980", "to": "+1234567981", "text": "SMS message"},
                {"from": "+1234567980", "to": " ", "text": "SMS message2"},
            ]
        )
        assert results[0]["result"] == "accepted"
        assert results[0]["location"] == f"{server.url}/v1/users/u-user/messages/{results[0]['id']}"
        assert results[1]["result"] == "error"
        assert results[1]["error"]["code"] == "blank-property"
        message = api.get_message(second)
        assert message["media"] == ["http://cat.com/cat.png"]
        assert message["direction"] == "out"
        api.redact_message(first)
        assert api.get_message(first)["text"] == ""
        listed = [m["id"] for m in api.list_messages(size=1)]
        assert listed == [results[0]["id"], second, first]
        with pytest.raises(bandwidth.NotFoundError):
            api.get_message("m-unknown")
    assert len(server.fake.requests) == 10  # 3 sends, 3 reads, a redaction, 3 pages


def test_the_async_sdk_over_loopback(server: FakeServer) -> None:
    import asyncio

    async def run() -> None:
        async with bandwidth.async_client(
            "messaging", "u-user", "t-token", "s-secret", api_endpoint=server.url
        ) as api:
            first = await api.send_message("+1234567980", "+1234567981", "SMS message")
            results = await api.send_messages(
                [{"from": "+1234567980", "to": f"+1{i:010d}", "text": "x"} for i in range(120)],
                concurrency=3,
            )
            assert [r["result"] for r in results] == ["accepted"] * 120
            assert (await api.get_message(first))["text"] == "SMS message"
            await api.redact_message(first)
            assert (await api.get_message(first))["text"] == ""
            listed = [m["id"] async for m in api.list_messages(size=50, sort_order="asc")]
            assert listed[0] == first  # requests in flight together may land in any order
            assert sorted(listed[1:]) == sorted(r["id"] for r in results)

    asyncio.run(run())


def test_fake_refuses_more_than_50(raw: httpx.Client) -> None:
    item = {"from": "+1", "to": "+2", "text": "x"}
    response = raw.post(BASE, json=[item] * 51)
    assert response.status_code == 403
    assert response.json()["category"] == "limit"
    assert response.json()["code"] == "multi-message-limit"


def test_fake_checks_credentials_and_bodies(fake: FakeMessagingAPI, raw: httpx.Client) -> None:
    assert httpx.Client(transport=fake.transport()).get(BASE).status_code == 401
    assert raw.post(BASE, json={"from": "+1", "to": "+2"}).json()["code"] == "validation-error"
    assert raw.post(BASE, json={"from": "+1", "to": "+2", "text": "x" * 2049}).status_code == 400
    message_id = (
        raw.post(BASE, json={"from": "+1", "to": "+2", "text": "x"})
        .headers["Location"]
        .rsplit("/", 1)[-1]
    )
    assert raw.patch(f"{BASE}/{message_id}", json={"text": "other"}).status_code == 400
    assert raw.patch(f"{BASE}/{message_id}", json={"text": ""}).status_code == 200
    assert raw.get(f"{BASE}?size=1001").status_code == 400


def test_fake_filters_sorts_and_pages() -> None:
    # Seen within 3 days of the first: the API keeps text for 3 days, and texts are asserted.
    fake = FakeMessagingAPI(clock=lambda: dt.datetime(2024, 1, 4, tzinfo=dt.UTC))
    for day in range(1, 6):
        fake.add_message(from_="+1", to="+2", text=f"in {day}", time=f"2024-01-0{day}T10:00:00Z")
    fake.add_message(
        from_="+2", to="+1", text="out", direction="out", state="sent", time="2024-01-03T12:00:00Z"
    )
    api = fake.client()
    newest = [m["text"] for m in api.list_messages(direction="in", size=2)]
    assert newest == ["in 5", "in 4", "in 3", "in 2", "in 1"]
    oldest = [m["text"] for m in api.list_messages(direction="in", sort_order="asc", size=2)]
    assert oldest == ["in 1", "in 2", "in 3", "in 4", "in 5"]
    window = [
        m["text"]
        for m in api.list_messages(from_date_time="2024-01-02", to_date_time="2024-01-04 00:00:00")
    ]
    assert window == ["out", "in 3", "in 2"]
    assert [m["text"] for m in api.list_messages(state="sent")] == ["out"]
    assert len(fake.requests) == 3 + 3 + 1 + 1


def test_fault_with_effect_reproduces_a_lost_answer(fake: FakeMessagingAPI) -> None:
    fake.inject(Fault(drop=True, apply=True, method="POST"))
    api = fake.client()
    with pytest.raises(bandwidth.APIConnectionError) as caught:
        api.send_message("+1", "+2", "hello")
    assert caught.value.may_have_been_sent is True
    assert len(fake.sent) == 1  # it did go out: the SDK was right not to resend
    assert len(fake.requests) == 1


def test_fault_drop_over_loopback(server: FakeServer) -> None:
    server.fake.inject(Fault(drop=True, method="GET"))
    server.fake.add_message(id="m-1", from_="+1", to="+2", text="hi")
    api = bandwidth.client("messaging", "u-user", "t-token", "s-secret", api_endpoint=server.url)
    assert api.get_message("m-1")["text"] == "hi"  # the read was retried after the drop
    assert len(server.fake.requests) == 2


def test_serve_from_the_command_line() -> None:
    process = subprocess.Popen(
        [sys.executable, "-m", "bandwidth.testing", "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        url = line.strip().rsplit(" ", 1)[-1]
        assert url.startswith("http://127.0.0.1:")
        api = bandwidth.client("messaging", "u-user", "t-token", "s-secret", api_endpoint=url)
        message_id = api.send_message("+1", "+2", "over a real socket")
        assert api.get_message(message_id)["text"] == "over a real socket"
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_fault_kinds(fake: FakeMessagingAPI, bandwidth_waits: list[float]) -> None:
    api = fake.client()
    fake.inject(Fault.rate_limited(retry_after=3, times=2))
    assert api.send_message("+1", "+2", "after two refusals").startswith("m-")
    assert bandwidth_waits == [3.0, 3.0]
    assert len(fake.sent) == 1

    fake.inject(Fault.html(502, method="GET", times=3))
    with pytest.raises(bandwidth.ServerError, match="Bad Gateway"):
        api.get_message(fake.sent[0]["id"])

    fake.inject(Fault.truncated(method="GET"))
    with pytest.raises(bandwidth.MalformedResponseError, match="not JSON"):
        api.get_message(fake.sent[0]["id"])

    fake.inject(
        Fault(
            status=403,
            body={"category": "limit", "code": "message-rate-limit", "message": "slow"},
            path="/messages$",
        )
    )
    assert api.send_message("+1", "+2", "after a 403 limit").startswith("m-")
    assert len(fake.sent) == 2


def test_slow_answer_becomes_a_timeout_without_waiting(fake: FakeMessagingAPI) -> None:
    api = fake.client(timeout=2.0)
    fake.inject(Fault.slow(30.0, method="POST"))  # accepted, but the answer comes too late
    with pytest.raises(bandwidth.APITimeoutError) as caught:
        api.send_message("+1", "+2", "slow")
    assert caught.value.may_have_been_sent is True
    assert len(fake.sent) == 1
    fake.inject(Fault.slow(0.01, method="GET"))
    assert api.get_message(fake.sent[0]["id"])["text"] == "slow"


def test_slow_answer_over_loopback_times_out_for_real() -> None:
    with FakeServer() as server:
        server.fake.inject(Fault.slow(0.5, method="GET", apply=False))
        api = bandwidth.client(
            "messaging",
            "u-user",
            "t-token",
            "s-secret",
            api_endpoint=server.url,
            timeout=0.1,
            max_retries=0,
        )
        with pytest.raises(bandwidth.APITimeoutError, match="timed out"):
            api.get_message("m-1")


# -- the documented answers, as the stand-in plays them ---------------------------------------


def test_without_a_sort_order_the_stand_in_lists_oldest_first_and_the_sdk_asks_newest(
    bandwidth_fake: FakeMessagingAPI, bandwidth_client: bandwidth.Client
) -> None:
    for n in range(3):
        bandwidth_fake.add_message(from_="+19195550001", to="+19195550100", text=f"m{n}")
    raw = httpx.Client(transport=bandwidth_fake.transport(), auth=("t-token", "s-secret"))
    url = "https://api.catapult.inetwork.com/v1/users/u-user/messages"
    assert [m["text"] for m in raw.get(url).json()] == ["m0", "m1", "m2"]  # the docs' default
    newest = [m["text"] for m in bandwidth_client.list_messages(limit=2)]
    assert newest == ["m2", "m1"]
    assert bandwidth_fake.requests[-1].url.params["sortOrder"] == "desc"


def test_a_documented_429_is_waited_out_until_its_reset(
    bandwidth_fake: FakeMessagingAPI,
    bandwidth_client: bandwidth.Client,
    bandwidth_waits: list[float],
) -> None:
    bandwidth_fake.inject(Fault.too_many_requests(reset_in=4))
    bandwidth_fake.add_message(from_="+19195550001", to="+19195550100", text="hi")
    assert [m["text"] for m in bandwidth_client.list_messages()] == ["hi"]
    assert bandwidth_waits == [pytest.approx(4, abs=0.5)]
    refused = bandwidth_fake.requests[0]
    assert refused.method == "GET"


def test_a_full_queue_is_waited_out_and_the_message_sent_once(
    bandwidth_fake: FakeMessagingAPI,
    bandwidth_client: bandwidth.Client,
    bandwidth_waits: list[float],
) -> None:
    bandwidth_fake.inject(Fault.queue_full(times=2))
    message_id = bandwidth_client.send_message("+19195550100", "+19195550001", text="hi")
    assert [m["id"] for m in bandwidth_fake.sent] == [message_id]
    assert len(bandwidth_waits) == 2


def test_a_number_not_owned_fails_its_items_only(
    bandwidth_fake: FakeMessagingAPI, bandwidth_client: bandwidth.Client
) -> None:
    bandwidth_fake.inject(Fault.number_access_denied())
    items: list[bandwidth.SendMessageItem] = [
        {"from": "+19195550100", "to": f"+1919555{i:04d}", "text": "hi"} for i in range(60)
    ]
    results = bandwidth_client.send_messages(items)
    refused = [r for r in results if r["result"] == "error"]
    assert len(refused) == 50
    assert all(isinstance(r["exception"], bandwidth.ForbiddenError) for r in refused)
    assert all(r["may_have_been_sent"] is False for r in refused)
    assert len(bandwidth_fake.sent) == 10  # the next request still went: not bad credentials


def test_a_redaction_conflict_is_retried(
    bandwidth_fake: FakeMessagingAPI,
    bandwidth_client: bandwidth.Client,
    bandwidth_waits: list[float],
) -> None:
    message_id = bandwidth_client.send_message("+19195550100", "+19195550001", text="secret")
    bandwidth_fake.inject(Fault.conflict(method="PATCH"))
    bandwidth_client.redact_message(message_id)
    assert bandwidth_fake.sent[0]["text"] == ""
    assert [r.method for r in bandwidth_fake.requests[1:]] == ["PATCH", "PATCH"]


def test_an_unknown_message_is_message_not_found(bandwidth_client: bandwidth.Client) -> None:
    with pytest.raises(bandwidth.NotFoundError) as caught:
        bandwidth_client.get_message("m-nope")
    assert caught.value.code == "message-not-found"


def test_callbacks_take_the_documented_forms() -> None:
    got: list[httpx.Request] = []

    def app(request: httpx.Request) -> httpx.Response:
        got.append(request)
        return httpx.Response(200)

    fake = FakeMessagingAPI(callback_client=httpx.Client(transport=httpx.MockTransport(app)))
    fake.receive(
        "+19191231111",
        "+13204601164",
        "test",
        media=["https://m.example/a.gif", "https://m.example/b.smil"],
        callback_url="https://app.example/cb",
        callback_http_method="GET",
    )
    assert got[0].url.params["media"] == "[https://m.example/a.gif, https://m.example/b.smil]"
    event = bandwidth.parse_event(query=got[0].url.query.decode())
    assert event["media"] == ["https://m.example/a.gif", "https://m.example/b.smil"]

    with fake.client() as client:
        message_id = client.send_message(
            "+19195550100",
            "+19195550001",
            text="hi",
            receipt_requested="all",
            callback_url="https://app.example/cb",
        )
    fake.deliver(message_id)
    posted = json.loads(got[1].content)
    assert posted["deliveryCode"] == "0"  # a string in the documentation's examples
    assert bandwidth.parse_event(got[1].content)["delivery_code"] == 0


def test_the_stand_in_answers_as_documented() -> None:
    now = dt.datetime(2026, 11, 27, 12, tzinfo=dt.UTC)
    fake = FakeMessagingAPI(clock=lambda: now)
    with fake.client() as client:
        message_id = client.send_message("+19195550100", "+19195550001", text="x" * 161)
        client.send_message("+19195550100", "+19195550001", text="é" * 71)
        client.send_message("+19195550100", "+19195550001", text="hi", media=["https://a.b/c"])
    created = fake.requests[0]
    # The documentation's example: a relative Location, which the SDK reads the id from.
    assert fake.handle(created).headers["Location"].startswith("/v1/users/u-user/messages/m-")
    assert [m["segmentCount"] for m in fake.sent[:3]] == [2, 2, 1]
    old = fake.add_message(
        from_="+19195550001", to="+19195550100", text="old", time="2026-11-24T11:00:00Z"
    )
    with fake.client() as client:
        assert "text" not in client.get_message(old["id"])  # kept for 3 days only
        assert client.get_message(message_id)["text"] == "x" * 161


def test_recorded_waits_holds_waits_only_within_its_block() -> None:
    from bandwidth.testing import recorded_waits

    fake = FakeMessagingAPI()
    with fake.client() as client:
        with recorded_waits() as waits:
            fake.inject(Fault.rate_limited(retry_after=3))
            client.send_message("+19195550100", "+19195550001", text="hi")
        assert waits == [3.0]  # not slept: this test takes milliseconds
        fake.inject(Fault.rate_limited(retry_after=0.01))
        client.send_message("+19195550100", "+19195550001", text="hi again")
        assert waits == [3.0]  # after the block, waits are real again and not recorded
    assert len(fake.sent) == 2
