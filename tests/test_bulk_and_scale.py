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

from .helpers import Api, body_of


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
