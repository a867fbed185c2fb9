"""Code as an application would write it; must pass ``mypy --strict`` and ``pyright --strict``
with these exact types."""
# pyright: strict

from __future__ import annotations

import contextlib
import datetime as dt
from collections.abc import AsyncIterator, Iterator
from typing import assert_type

import bandwidth
import httpx
from bandwidth import messaging


def sync_use() -> None:
    api = bandwidth.client("messaging", "u-user", "t-token", "s-secret", timeout=10, max_retries=1)
    assert_type(api, messaging.Client)
    assert_type(messaging.Client("u", "t", "s"), bandwidth.Client)
    message_id = api.send_message(
        from_="+1234567980",
        to="+1234567981",
        text="SMS message",
        media=["http://cat.com/cat.png"],
        receipt_requested="none",
        callback_http_method="POST",
        callback_timeout=100,
    )
    assert_type(message_id, str)
    paced = bandwidth.client(
        "messaging",
        max_messages_per_second=5,
        rate_burst=15,
        per_number_messages_per_second=1,
        toll_free_messages_per_second=20,
        short_code_messages_per_second=100,
        rate_limits_url="redis://localhost:6379/0",
        max_rate_wait=120,
    )
    pacing = paced.pacing
    assert_type(pacing, bandwidth.Pacing)
    assert_type(pacing["messages_per_second"], float | None)
    assert_type(pacing["number_rates"], dict[str, float])
    try:
        paced.send_message("+1234567980", "+1234567981", "hi")
    except bandwidth.RateLimitTimeoutError as error:
        assert_type(error.may_have_been_sent, bool)
    results = api.send_messages(
        [
            {"from": "+1234567980", "to": "+1234567981", "text": "SMS message"},
            {
                "from": "+1234567980",
                "to": "+1234567982",
                "text": "x",
                "callback_url": "https://a.b",
            },
        ]
    )
    assert_type(results, list[bandwidth.SendResult])
    for result in results:
        assert_type(result["result"], bandwidth.BulkResultStatus)
        if result["result"] == "accepted":
            assert_type(result.get("id"), str | None)
        assert_type(result["message"], bandwidth.SendMessageItem)
        assert_type(result.get("may_have_been_sent"), bool | None)
    message = api.get_message("m-na6cpyjf2qcpz6l3drhcx7y")
    assert_type(message, bandwidth.Message)
    assert_type(message.get("skip_mms_carrier_validation"), bool | None)
    assert_type(message["state"], bandwidth.MessageState)  # always there: required
    assert_type(message["id"], str)
    assert_type(message["from"], str)
    listing = api.list_messages(
        from_="+1", direction="in", state="sent", sort_order="asc", size=100, limit=10
    )
    assert_type(listing, Iterator[bandwidth.Message])
    assert_type(api.redact_message("m-1"), None)
    try:
        api.get_message("m-1")
    except bandwidth.RateLimitError as error:
        assert_type(error.status_code, int)
        assert_type(error.code, str)
        assert_type(error.category, str | None)
        assert_type(error.may_have_been_sent, bool)
    except bandwidth.APIConnectionError as error:
        assert_type(error.may_have_been_sent, bool)
    except bandwidth.APIError as error:
        assert_type(error.may_have_been_sent, bool)
        assert_type(error.request_body, object)
    for streamed in api.iter_send_messages(iter(results_items())):
        assert_type(streamed, bandwidth.SendResult)
        assert_type(streamed["index"], int)
        assert_type(streamed.get("sent_at"), str | None)
    found = api.find_sent(results_items()[0], since=dt.datetime.now(dt.UTC))
    assert_type(found, bandwidth.Message | None)
    assert_type(api.reconcile(results, settle=5), list[bandwidth.SendResult])
    with bandwidth.Journal("run.jsonl") as journal:
        assert_type(journal.reconcile(api), list[bandwidth.SendResult])
        for line_result in journal.send(api, enumerate(results_items(), 1), concurrency=2):
            assert_type(line_result["result"], bandwidth.BulkResultStatus)
        state = journal.state(1, results_items()[0])
        assert_type(state, bandwidth.LineState | None)
        assert_type(journal.counts(), dict[bandwidth.LineState, int])
    try:
        api.find_sent(results_items()[0], since=dt.datetime.now(dt.UTC))
    except bandwidth.ReconcileError as unsure:
        assert_type(str(unsure), str)
    api.close()


def results_items() -> list[bandwidth.SendMessageItem]:
    return [{"from": "+1234567980", "to": "+1234567981", "text": "SMS message"}]


async def async_use() -> None:
    async with bandwidth.async_client("messaging", "u", "t", "s") as api:
        assert_type(api, bandwidth.AsyncClient)
        assert_type(await api.send_message("+1", "+2", "hi"), str)
        assert_type(await api.get_message("m-1"), bandwidth.Message)
        assert_type(api.list_messages(), AsyncIterator[bandwidth.Message])
        async for message in api.list_messages(limit=5):
            assert_type(message, bandwidth.Message)
        async for streamed in api.iter_send_messages(results_items()):
            assert_type(streamed, bandwidth.SendResult)
        async with contextlib.aclosing(api.iter_send_messages(results_items())) as stream:
            async for streamed in stream:
                assert_type(streamed, bandwidth.SendResult)
                break  # leaving early: aclosing waits for the requests in flight
        assert_type(
            await api.find_sent(results_items()[0], since=dt.datetime.now(dt.UTC)),
            bandwidth.Message | None,
        )
        with bandwidth.Journal("run.jsonl") as journal:
            assert_type(await journal.areconcile(api), list[bandwidth.SendResult])
            async for line_result in journal.asend(api, enumerate(results_items(), 1)):
                assert_type(line_result, bandwidth.SendResult)
            await journal.asend(api, enumerate(results_items(), 1)).aclose()


def account_use() -> None:
    """A 3.x program's set-up, typed: each answer is a TypedDict the checker knows."""
    from bandwidth import account, voice

    account_api = bandwidth.client("account", "u", "t", "s")
    assert_type(account_api, account.Client)
    app_id = account_api.create_application(
        name="bot", incoming_message_url="https://x.example/m", callback_http_method="POST"
    )
    assert_type(app_id, str)
    assert_type(account_api.get_application(app_id), account.Application)
    numbers = account_api.search_available_local_numbers(area_code="910", quantity=1)
    assert_type(numbers, list[account.AvailableNumber])
    number_id = account_api.order_phone_number(numbers[0].get("number", ""))
    account_api.update_phone_number(number_id, application_id=app_id)
    for number in account_api.list_phone_numbers(application_id=app_id):
        assert_type(number, account.PhoneNumber)
    ordered = account_api.search_and_order_toll_free_numbers(1)
    assert_type(ordered[0].get("id"), str | None)
    url = account_api.upload_media_file("a.png", b"...", "image/png")
    assert_type(url, str)
    stream, media_type = account_api.download_media_file("a.png")
    assert_type(media_type, str)
    assert_type(stream.read(), bytes)
    for transaction in account_api.list_account_transactions(trans_type="charge"):
        assert_type(transaction.get("type"), account.TransactionType | None)
    voice_api = bandwidth.client("voice", "u", "t", "s")
    assert_type(voice_api, voice.Client)
    try:
        voice_api.create_call("+1", "+2")
    except bandwidth.VoiceAPINotIncludedError as error:
        assert_type(str(error), str)
    try:
        account_api.get_account()
    except account.BandwidthAccountAPIException as refused:
        assert_type(refused.status_code, int)
        assert_type(refused.response, httpx.Response | None)
