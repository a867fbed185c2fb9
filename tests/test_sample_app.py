"""Testing application code with the SDK's pytest fixtures, as the README shows."""

from __future__ import annotations

import asyncio

import bandwidth
import httpx
from bandwidth.testing import FakeMessagingAPI, FakeServer, Fault

from .sample_app.notifications import SHOP_NUMBER, Outbox, on_callback, send_order_updates

ORDERS = {"o-1": "+19195550001", "o-2": "+19195550002", "o-3": "+19195550003"}


def test_each_customer_is_texted_once(
    bandwidth_client: bandwidth.Client, bandwidth_fake: FakeMessagingAPI
) -> None:
    outbox = Outbox()
    send_order_updates(bandwidth_client, outbox, ORDERS)
    send_order_updates(bandwidth_client, outbox, ORDERS)  # a rerun sends nothing new
    assert [m["to"] for m in bandwidth_fake.sent] == list(ORDERS.values())
    assert [m["tag"] for m in bandwidth_fake.sent] == ["o-1", "o-2", "o-3"]
    assert set(outbox.accepted) == set(ORDERS)


def test_an_ambiguous_failure_is_not_resent(
    bandwidth_client: bandwidth.Client, bandwidth_fake: FakeMessagingAPI
) -> None:
    # The API takes the messages, but the answer never arrives.
    bandwidth_fake.inject(Fault(drop=True, apply=True, method="POST"))
    outbox = Outbox()
    send_order_updates(bandwidth_client, outbox, ORDERS)
    assert outbox.in_doubt == ["o-1", "o-2", "o-3"]
    send_order_updates(bandwidth_client, outbox, ORDERS)
    assert len(bandwidth_fake.sent) == 3  # sent once, by the first call, never again


def test_rate_refusals_are_waited_out(
    bandwidth_client: bandwidth.Client,
    bandwidth_fake: FakeMessagingAPI,
    bandwidth_waits: list[float],
) -> None:
    bandwidth_fake.inject(Fault.rate_limited(retry_after=2))
    outbox = Outbox()
    send_order_updates(bandwidth_client, outbox, ORDERS)
    # The refusal states 1 message/s: the rest follow at that rate, after the 2 s it asked for.
    assert bandwidth_waits[0] == 2.0  # as the API asked
    assert sum(bandwidth_waits) < 4  # then the stated 1 message/s, its bucket refilling
    assert set(outbox.accepted) == set(ORDERS)


def test_replies_and_receipts_reach_the_handler(
    bandwidth_client: bandwidth.Client, bandwidth_fake: FakeMessagingAPI
) -> None:
    outbox = Outbox()
    posted: list[bytes] = []
    bandwidth_fake.callback_client = httpx.Client(  # the app's web endpoint, in process
        transport=httpx.MockTransport(lambda r: (posted.append(r.read()), httpx.Response(200))[1])
    )
    send_order_updates(bandwidth_client, outbox, {"o-1": "+19195550001"})
    bandwidth_fake.deliver(outbox.accepted["o-1"])
    bandwidth_fake.receive(
        "+19195550002", SHOP_NUMBER, "stop", callback_url="https://shop.example/bw"
    )
    for body in posted:
        on_callback(outbox, body)
    assert outbox.delivered == {outbox.accepted["o-1"]}
    assert outbox.opted_out == {"+19195550002"}
    send_order_updates(bandwidth_client, outbox, {"o-2": "+19195550002"})
    assert len(bandwidth_fake.sent) == 1  # opted out: not texted


def test_code_that_makes_its_own_client(bandwidth_env: FakeServer) -> None:
    client = bandwidth.client("messaging")  # credentials and endpoint from the environment
    outbox = Outbox()
    send_order_updates(client, outbox, ORDERS)
    assert len(bandwidth_env.fake.sent) == 3
    client.close()


def test_async_code(
    bandwidth_async_client: bandwidth.AsyncClient, bandwidth_fake: FakeMessagingAPI
) -> None:
    async def notify() -> str:
        return await bandwidth_async_client.send_message(SHOP_NUMBER, "+19195550001", "Hi")

    message_id = asyncio.run(notify())
    assert bandwidth_fake.sent[0]["id"] == message_id
