"""Streaming bulk sends, the journal that records them, and reconciliation of sends in doubt."""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import json
import logging
import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import bandwidth
import httpx
import pytest
from bandwidth.testing import FakeMessagingAPI, Fault

from .helpers import Api, body_of

KINDS = pytest.mark.parametrize("kind", ["sync", "async"])


def item(i: int, **extra: Any) -> dict[str, Any]:
    return {"from": "+19195550100", "to": f"+1919{i:07d}", "text": f"Order {i}", **extra}


@pytest.fixture
def waits(bandwidth_waits: list[float]) -> list[float]:
    return bandwidth_waits


# -- streaming -------------------------------------------------------------------------------


@KINDS
def test_a_stream_reads_its_input_only_as_requests_are_made(kind: str) -> None:
    fake = FakeMessagingAPI()
    read: list[int] = []
    seen_when_first_result: list[int] = []

    def items() -> Iterator[dict[str, Any]]:
        for i in range(500):
            read.append(i)
            yield item(i)

    def record(result: Any) -> Any:
        if not seen_when_first_result:
            seen_when_first_result.append(len(read))
        return result

    if kind == "sync":
        with fake.client() as client:
            results = [record(r) for r in client.iter_send_messages(items(), concurrency=1)]
    else:

        async def run() -> list[Any]:
            async with fake.async_client() as client:
                gen = client.iter_send_messages(items(), concurrency=1)
                return [record(r) async for r in gen]

        results = asyncio.run(run())
    assert seen_when_first_result == [50]  # one request's worth, not the whole input
    assert sorted(r["index"] for r in results) == list(range(500))
    assert {r["result"] for r in results} == {"accepted"}
    assert [len(body_of(r)) for r in fake.requests] == [50] * 10


@KINDS
def test_an_invalid_item_in_a_stream_is_never_sent_and_the_rest_go_on(kind: str) -> None:
    fake = FakeMessagingAPI()
    items = [item(0), {"from": "+19195550100", "to": "+19190000001"}, item(2)]
    results = {r["index"]: r for r in Api(kind, fake)("iter_send_messages", items)}
    assert results[0]["result"] == results[2]["result"] == "accepted"
    bad = results[1]
    assert bad["result"] == "error"
    assert bad["may_have_been_sent"] is False
    assert isinstance(bad["exception"], bandwidth.InvalidValueError)
    assert "needs 'text' or 'media'" in bad["error"]["message"]
    assert "sent_at" not in bad
    assert [m["to"] for m in fake.sent] == ["+19190000000", "+19190000002"]


def test_leaving_a_stream_early_starts_no_new_request() -> None:
    fake = FakeMessagingAPI()
    with fake.client() as client:
        results = client.iter_send_messages((item(i) for i in range(1000)), concurrency=2)
        first = next(results)
        results.close()  # type: ignore[attr-defined]  # a generator: leaving a for loop does this
    assert first["result"] == "accepted"
    # The request that ended, and the one in flight beside it: nothing after.
    assert len(fake.requests) == 2
    assert len(fake.sent) == 100


def test_stream_arguments_are_checked_before_anything_is_read() -> None:
    fake = FakeMessagingAPI()
    with fake.client() as client:
        with pytest.raises(bandwidth.InvalidTypeError):
            client.iter_send_messages({"from": "+1"})  # type: ignore[arg-type]
        with pytest.raises(bandwidth.InvalidValueError, match="concurrency"):
            client.iter_send_messages([item(0)], concurrency=0)
    assert fake.requests == []


# -- find_sent and reconcile -----------------------------------------------------------------


@KINDS
def test_find_sent_lists_that_conversation_since_shortly_before_the_send(kind: str) -> None:
    fake = FakeMessagingAPI()
    since = dt.datetime.now(dt.UTC)
    with fake.client() as client:
        message_id = client.send_message("+19195550100", "+19190000001", text="Order 1", tag="o-1")
        client.send_message("+19195550100", "+19190000001", text="Order 1", tag="o-other")
    found = Api(kind, fake)("find_sent", item(1, tag="o-1"), since=since)
    assert found is not None
    assert found["id"] == message_id
    query = fake.requests[-1].url.params
    assert fake.requests[-1].method == "GET"
    assert dict(query) == {
        "from": "+19195550100",
        "to": "+19190000001",
        "fromDateTime": (since - dt.timedelta(minutes=15)).strftime("%Y-%m-%d %H:%M:%S.")
        + f"{(since - dt.timedelta(minutes=15)).microsecond // 1000:03d}",
        "direction": "out",
        "sortOrder": "asc",
        "size": "1000",
    }
    assert (
        Api(kind, fake)("find_sent", item(1, tag="o-1"), since=since, exclude={message_id}) is None
    )
    assert Api(kind, fake)("find_sent", item(1, text="other"), since=since) is None


@KINDS
def test_a_message_to_a_short_code_is_found_through_its_sender(kind: str) -> None:
    fake = FakeMessagingAPI()
    since = dt.datetime.now(dt.UTC)
    with fake.client() as client:
        message_id = client.send_message("+19195550100", "12345", text="STOP")
        client.send_message("+19195550100", "+19190000001", text="STOP")
    found = Api(kind, fake)("find_sent", {**item(0), "to": "12345", "text": "STOP"}, since=since)
    assert found is not None
    assert found["id"] == message_id
    query = fake.requests[-1].url.params
    assert "to" not in query  # the API filters on E.164 numbers only: matched on the page
    assert query["from"] == "+19195550100"


@KINDS
def test_find_sent_takes_a_naive_since_as_utc_and_checks_its_arguments(kind: str) -> None:
    fake = FakeMessagingAPI()
    since = dt.datetime.now(dt.UTC).replace(tzinfo=None)  # naive: UTC, as everywhere in the SDK
    with fake.client() as client:
        message_id = client.send_message("+19195550100", "+19190000001", text="Order 1")
    found = Api(kind, fake)("find_sent", item(1), since=since, timeout=4)
    assert found is not None
    assert found["id"] == message_id
    listing = fake.requests[-1]
    assert listing.url.params["fromDateTime"].startswith(
        (since - dt.timedelta(minutes=15)).strftime("%Y-%m-%d %H:%M")
    )
    assert listing.extensions["timeout"]["read"] == 4.0
    with pytest.raises(bandwidth.InvalidValueError, match=r"^find_sent needs 'text' or 'media'"):
        Api(kind, fake)("find_sent", {"from": "+19195550100", "to": "+19190000001"}, since=since)
    with pytest.raises(bandwidth.InvalidTypeError, match="since must be a datetime, not str"):
        Api(kind, fake)("find_sent", item(1), since="2026-12-05")
    assert len(fake.requests) == 2  # the send and one listing: bad arguments sent nothing


@KINDS
def test_find_sent_refuses_to_guess(kind: str) -> None:
    fake = FakeMessagingAPI()
    now = dt.datetime.now(dt.UTC)
    with pytest.raises(bandwidth.ReconcileError, match="3 days"):
        Api(kind, fake)("find_sent", item(1), since=now - dt.timedelta(days=4))
    with pytest.raises(
        bandwidth.ReconcileError, match=r"take E\.164 numbers \(\+ and up to 15 digits\) only$"
    ):
        Api(kind, fake)("find_sent", {**item(1), "from": "12345"}, since=now)
    assert fake.requests == []
    with fake.client() as client:
        message_id = client.send_message("+19195550100", "+19190000001", text="Order 1")
        client.redact_message(message_id)
    with pytest.raises(
        bandwidth.ReconcileError, match=r"has had its text removed: it may be this one$"
    ):
        Api(kind, fake)("find_sent", item(1), since=now)


@KINDS
def test_reconcile_finds_what_went_out_and_frees_what_did_not(
    kind: str, waits: list[float]
) -> None:
    fake = FakeMessagingAPI()
    # First request: stored, then a 500. Second: a 503 before anything was stored.
    fake.inject(Fault(status=500, apply=True, method="POST"))
    fake.inject(Fault(status=503, method="POST"))
    items = [item(i) for i in range(100)] + [item(0)]  # the last: the same message again
    results = Api(kind, fake)("send_messages", items, concurrency=1)
    assert [r.get("may_have_been_sent") for r in results[:100]] == [True] * 100
    assert results[100]["result"] == "accepted"
    assert len(fake.sent) == 51

    settled = Api(kind, fake)("reconcile", results, settle=5)
    assert settled is results
    assert waits == [pytest.approx(5, abs=1)]  # one wait, only because some were missing
    by_to = {m["id"]: m for m in fake.sent}
    for result in results[:50]:
        assert result["result"] == "accepted"
        assert result["reconciled"] is True
        assert by_to[result["id"]]["to"] == result["message"]["to"]
        assert "error" not in result
        assert "may_have_been_sent" not in result
    for result in results[50:100]:
        assert result["result"] == "error"
        assert result["may_have_been_sent"] is False
        assert result["error"]["code"] == "not-sent"
    # The identical message accepted separately was not taken for item 0.
    assert results[0]["id"] != results[100]["id"]
    assert len({r["id"] for r in results if "id" in r}) == 51


def in_doubt(kind: str, fake: FakeMessagingAPI, message: dict[str, Any], *, stored: bool) -> Any:
    """The result of sending ``message`` alone, answered with a 5xx: in doubt, whether the API
    ``stored`` it or not."""
    fake.inject(Fault(status=500 if stored else 503, apply=stored, method="POST"))
    [result] = Api(kind, fake)("send_messages", [message])
    assert result["may_have_been_sent"] is True
    return result


@KINDS
def test_reconcile_never_takes_an_accepted_twin_in_the_same_results(
    kind: str, waits: list[float]
) -> None:
    """The same message twice: the first send failed before the API stored it, the second
    was accepted. The API lists only the second: it must not settle the first, which is sent
    again, or one customer gets one text instead of two."""
    fake = FakeMessagingAPI()
    lost = in_doubt(kind, fake, item(1), stored=False)
    [twin] = Api(kind, fake)("send_messages", [item(1)])
    results = [lost, twin]
    assert Api(kind, fake)("reconcile", results, settle=0.5) is results
    assert waits == [pytest.approx(0.5, abs=0.3)]  # the settle time, waited once
    assert lost["result"] == "error"
    assert lost["may_have_been_sent"] is False
    assert lost["reconciled"] is True
    assert lost["error"] == {
        "category": "reconciled",
        "code": "not-sent",
        "message": "not at the API 0.5 s after its send ended: it was not accepted",
    }
    assert "exception" not in lost  # the 503 no longer describes this result
    assert "id" not in lost
    assert twin["result"] == "accepted"
    assert "reconciled" not in twin


@KINDS
def test_reconcile_looks_up_each_sending_number_in_its_own_listing(
    kind: str, waits: list[float]
) -> None:
    fake = FakeMessagingAPI()
    absent = in_doubt(kind, fake, item(1, **{"from": "+19195550111"}), stored=False)
    went_out = in_doubt(kind, fake, item(2, **{"from": "+19195550222"}), stored=True)
    results = [absent, went_out]
    Api(kind, fake)("reconcile", results, settle=0, timeout=7)
    assert went_out["result"] == "accepted"
    assert went_out["id"] == fake.sent[-1]["id"]
    assert "exception" not in went_out
    assert "error" not in went_out
    assert absent["result"] == "error"
    assert absent["may_have_been_sent"] is False  # safe to send again
    listings = [r for r in fake.requests if r.method == "GET"]
    assert {r.url.params["from"] for r in listings} == {"+19195550111", "+19195550222"}
    assert {r.extensions["timeout"]["read"] for r in listings} == {7.0}  # the call's timeout


@KINDS
def test_reconcile_tells_identical_messages_in_doubt_apart(kind: str, waits: list[float]) -> None:
    """The same message twice, both in doubt; only the first reached the API. The one message
    listed settles the first, on the first look and on the look after the settle time alike:
    the second is sent again."""
    fake = FakeMessagingAPI()
    first = in_doubt(kind, fake, item(1), stored=True)
    second = in_doubt(kind, fake, item(1), stored=False)
    Api(kind, fake)("reconcile", [first, second], settle=0.5)
    assert first["result"] == "accepted"
    assert first["id"] == fake.sent[-1]["id"]
    assert second["result"] == "error"
    assert second["may_have_been_sent"] is False
    assert len([r for r in fake.requests if r.method == "GET"]) == 2  # looked twice


@KINDS
def test_a_lookup_the_api_answers_with_nonsense_raises_and_changes_nothing(kind: str) -> None:
    fake = FakeMessagingAPI()
    result = in_doubt(kind, fake, item(1), stored=True)
    before = dict(result)
    fake.inject(Fault(status=200, body=b'{"not": "a list"}', method="GET"))
    with pytest.raises(bandwidth.MalformedResponseError, match="expected a JSON array of messages"):
        Api(kind, fake)("reconcile", [result], settle=0)
    assert result == before  # still in doubt: to be looked up again, never resent blind


@KINDS
def test_reconcile_makes_no_request_when_nothing_is_in_doubt(kind: str) -> None:
    fake = FakeMessagingAPI()
    [accepted] = Api(kind, fake)("send_messages", [item(1)])
    fake.inject(Fault(status=400, method="POST"))
    [refused] = Api(kind, fake)("send_messages", [item(2)])  # certainly not sent
    results = [accepted, refused]
    before = [dict(r) for r in results]
    assert Api(kind, fake)("reconcile", results) is results
    assert results == before
    assert [r.method for r in fake.requests] == ["POST", "POST"]


@KINDS
def test_reconcile_tells_an_mms_by_its_media(kind: str, waits: list[float]) -> None:
    """Two pictures to one customer, no text: the one in doubt is the one with its picture."""
    fake = FakeMessagingAPI()
    mms = {"from": "+19195550100", "to": "+19190000001", "media": ["https://x.example/a.png"]}
    with fake.client() as client:
        client.send_message(mms["from"], mms["to"], media=["https://x.example/b.png"])
    result = in_doubt(kind, fake, mms, stored=True)
    Api(kind, fake)("reconcile", [result], settle=0)
    assert result["result"] == "accepted"
    assert result["id"] == fake.sent[-1]["id"]
    assert fake.sent[-1]["media"] == ["https://x.example/a.png"]


@KINDS
def test_reconcile_sends_again_what_another_text_to_the_same_customer_does_not_prove(
    kind: str, waits: list[float]
) -> None:
    fake = FakeMessagingAPI()
    with fake.client() as client:
        client.send_message("+19195550100", "+19190000001", text="Your code is 1234")
    result = in_doubt(kind, fake, item(1), stored=False)  # "Order 1", to the same number
    Api(kind, fake)("reconcile", [result], settle=0)
    assert result["result"] == "error"
    assert result["may_have_been_sent"] is False  # not "cannot tell": that text is not this one


@KINDS
def test_reconcile_leaves_in_doubt_what_the_api_cannot_answer_for_and_says_why(
    kind: str, caplog: pytest.LogCaptureFixture
) -> None:
    fake = FakeMessagingAPI()
    old = in_doubt(kind, fake, item(1), stored=False)
    old["sent_at"] = "2026-01-01T00:00:00.000Z"  # older than the API keeps text
    redacted = in_doubt(kind, fake, item(2, **{"from": "+19195550222"}), stored=True)
    with fake.client() as client:
        client.redact_message(fake.sent[-1]["id"])
    requests_before = len(fake.requests)
    with caplog.at_level(logging.WARNING, logger="bandwidth"):
        Api(kind, fake)("reconcile", [old, redacted], settle=0)
    for result in (old, redacted):
        assert result["result"] == "error"
        assert result["may_have_been_sent"] is True  # for a person to check
        assert "reconciled" not in result
    # The old one is not listed at all; the other once: its answer will not change.
    assert [r.url.params["from"] for r in fake.requests[requests_before:]] == ["+19195550222"]
    warnings = [r.getMessage() for r in caplog.records]
    assert any(
        w.startswith("cannot reconcile 1 item(s): cannot look up a message sent before 2026-01-01")
        for w in warnings
    )
    assert "cannot reconcile item 0: a candidate's text was removed" in warnings


# -- the journal -----------------------------------------------------------------------------


def rows(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text().splitlines()]


def test_each_request_is_on_disk_before_it_is_sent(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "run.jsonl"
    synced: list[int] = []
    real_sync = os.fdatasync

    def fdatasync(fd: int) -> None:
        real_sync(fd)
        synced.append(len(rows(path)))

    monkeypatch.setattr(os, "fdatasync", fdatasync)
    fake = FakeMessagingAPI()
    on_disk_at_send: list[list[tuple[int, str]]] = []

    def transport(request: httpx.Request) -> httpx.Response:
        on_disk_at_send.append([(r["line"], r["result"]) for r in rows(path)])
        return fake.handle(request)

    client = bandwidth.Client(
        "u-user",
        "t-token",
        "s-secret",
        http_client=httpx.Client(transport=httpx.MockTransport(transport)),
    )
    with bandwidth.Journal(path) as journal:
        results = list(journal.send(client, enumerate([item(i) for i in range(60)], 1)))
    assert [r["index"] for r in results] == list(range(1, 61))
    # Both requests found their items recorded as in flight, and synced, when they arrived.
    assert on_disk_at_send[0] == [(line, "unknown") for line in range(1, 51)]
    assert on_disk_at_send[1][-10:] == [(line, "unknown") for line in range(51, 61)]
    assert synced == [50, 100, 110, 120]
    final = {r["line"]: r for r in rows(path)}
    assert {r["result"] for r in final.values()} == {"accepted"}
    assert [final[line]["id"] for line in range(1, 61)] == [m["id"] for m in fake.sent]


def test_the_async_client_syncs_the_journal_off_its_event_loop_and_still_before_each_send(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "run.jsonl"
    real_sync = os.fdatasync

    def slow_disk(fd: int) -> None:
        time.sleep(0.2)
        real_sync(fd)

    monkeypatch.setattr(os, "fdatasync", slow_disk)
    fake = FakeMessagingAPI()
    on_disk_at_send: list[list[tuple[int, str]]] = []

    async def transport(request: httpx.Request) -> httpx.Response:
        on_disk_at_send.append([(r["line"], r["result"]) for r in rows(path)])
        return fake.handle(request)

    gaps: list[float] = []

    async def run() -> list[bandwidth.SendResult]:
        done = asyncio.Event()

        async def ticker() -> None:  # how long the event loop goes without running a task
            last = time.monotonic()
            while not done.is_set():
                await asyncio.sleep(0.01)
                gaps.append(time.monotonic() - last)
                last = time.monotonic()

        ticking = asyncio.ensure_future(ticker())
        http = httpx.AsyncClient(transport=httpx.MockTransport(transport))
        client = bandwidth.AsyncClient("u-user", "t-token", "s-secret", http_client=http)
        with bandwidth.Journal(path) as journal:
            pairs = enumerate([item(i) for i in range(60)], 1)
            results = [r async for r in journal.asend(client, pairs, concurrency=1)]
        done.set()
        await ticking
        return results

    results = asyncio.run(run())
    assert sorted(r["index"] for r in results if r["result"] == "accepted") == list(range(1, 61))
    assert on_disk_at_send[0] == [(line, "unknown") for line in range(1, 51)]
    assert on_disk_at_send[1][-10:] == [(line, "unknown") for line in range(51, 61)]
    # Four syncs of 0.2 s each; the loop never stood still for one of them.
    assert max(gaps) < 0.15, max(gaps)


def test_closing_an_async_journaled_send_early_waits_for_and_records_what_is_in_flight(
    tmp_path: Path,
) -> None:
    fake = FakeMessagingAPI()
    fake.inject(Fault.slow(0.2, method="POST", times=10))  # requests stay in flight a while
    path = tmp_path / "run.jsonl"

    async def run() -> dict[bandwidth.LineState, int]:
        async with fake.async_client() as client:
            with bandwidth.Journal(path) as journal:
                pairs = enumerate([item(i) for i in range(400)], 1)
                async with contextlib.aclosing(journal.asend(client, pairs, concurrency=3)) as sent:
                    async for _ in sent:
                        break  # leave at the first result, with two requests still in flight
                return journal.counts()

    counts = asyncio.run(run())
    # Every request that went out ended and was recorded before aclose() returned: nothing is
    # left in doubt, and nothing new started.
    assert counts == {"accepted": len(fake.sent), "error": 0, "unknown": 0}
    assert len(fake.sent) == 150
    final = {r["line"]: r["result"] for r in rows(path)}
    assert list(final.values()).count("accepted") == 150


def test_a_torn_last_record_is_cut_and_the_line_stays_in_doubt(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    sent_at = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    first = {"line": 1, "result": "unknown", "item": item(1), "sent_at": sent_at}
    accepted = {**first, "result": "accepted", "id": "m-1"}
    path.write_text(
        json.dumps(first)
        + "\n"
        + json.dumps(accepted)
        + "\nnot json at all\n"
        + json.dumps({**first, "line": 2, "item": item(2)})
        + "\n"
        + json.dumps({**accepted, "line": 2, "item": item(2)})[:40]  # killed mid-write
    )
    with bandwidth.Journal(path) as journal:
        assert journal.damaged == 1
        assert journal.state(1, item(1)) == "accepted"
        assert journal.state(2, item(2)) == "unknown"
        assert journal.state(2, item(3)) is None  # the line now says something else
        assert journal.state(3, item(3)) is None
        assert [r["index"] for r in journal.pending()] == [2]
        assert journal.counts() == {"accepted": 1, "error": 0, "unknown": 1}
    assert path.read_text().endswith("\n")  # the torn tail is gone; appends start clean


def test_one_run_at_a_time(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    with (
        bandwidth.Journal(path),
        pytest.raises(bandwidth.JournalError, match="in use by another run"),
    ):
        bandwidth.Journal(path)
    bandwidth.Journal(path).close()


@pytest.mark.parametrize("change", ["removed", "replaced"])
def test_a_journal_another_run_removes_or_replaces_as_it_is_opened_is_not_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str
) -> None:
    """Between opening the file and locking it, another run may remove it (an empty journal
    it leaves no trace of) or put another in its place: records written to the file held
    would be lost with it, and the messages they record sent again."""
    import fcntl

    path = tmp_path / "run.jsonl"
    path.write_text("")
    other = tmp_path / "other.jsonl"
    other.write_text(json.dumps({"line": 1, "result": "accepted", "item": item(1)}) + "\n")
    kept = other.read_bytes()
    real_flock = fcntl.flock

    def flock_after_the_other_run(fd: int, operation: int) -> None:
        if change == "removed":
            path.unlink()
        else:
            os.replace(other, path)
        real_flock(fd, operation)

    monkeypatch.setattr(fcntl, "flock", flock_after_the_other_run)
    with pytest.raises(bandwidth.JournalError, match="removed or replaced by another run"):
        bandwidth.Journal(path)
    monkeypatch.undo()
    assert path.exists() == (change == "replaced")
    if change == "replaced":
        assert path.read_bytes() == kept  # the other run's journal, untouched
        with bandwidth.Journal(path) as journal:  # and usable, once opened again
            assert journal.state(1, item(1)) == "accepted"


@KINDS
def test_a_rerun_skips_what_went_out_and_settles_what_is_in_doubt(
    kind: str, tmp_path: Path, waits: list[float]
) -> None:
    fake = FakeMessagingAPI()
    path = tmp_path / "run.jsonl"
    pairs = list(enumerate([item(i) for i in range(120)], 1))
    fake.inject(Fault(drop=True, apply=True, method="POST", after=1))  # 2nd: sent, answer lost
    fake.inject(Fault.slow(60, method="POST"))  # 3rd: sent, answer later than the timeout

    def run_once() -> tuple[list[Any], list[Any], bandwidth.Journal]:
        journal = bandwidth.Journal(path)
        if kind == "sync":
            with fake.client(timeout=5) as client:
                settled = journal.reconcile(client, settle=2)
                sent = list(journal.send(client, pairs))
        else:

            async def run() -> tuple[list[Any], list[Any]]:
                async with fake.async_client(timeout=5) as client:
                    settled = await journal.areconcile(client, settle=2)
                    return settled, [r async for r in journal.asend(client, pairs)]

            settled, sent = asyncio.run(run())
        journal.close()
        return settled, sent, journal

    settled, sent, journal = run_once()
    assert settled == []
    assert len(sent) == 120
    in_doubt = [r for r in sent if r["result"] != "accepted"]
    assert len(in_doubt) == 70
    assert all(r["may_have_been_sent"] for r in in_doubt)
    assert journal.counts() == {"accepted": 50, "error": 0, "unknown": 70}
    assert len(fake.sent) == 120  # all went out; 70 answers were lost

    settled, sent, journal = run_once()
    assert len(settled) == 70
    assert {r["result"] for r in settled} == {"accepted"}
    assert sent == []  # nothing resent
    assert journal.skipped == 120
    assert journal.counts() == {"accepted": 120, "error": 0, "unknown": 0}
    assert len(fake.sent) == 120
    assert waits == []  # everything was found at once: no wait for the API to settle


def test_reconcile_stops_listing_once_every_message_is_found(waits: list[float]) -> None:
    fake = FakeMessagingAPI()
    fake.inject(Fault(status=500, apply=True, method="POST"))
    with fake.client() as client:
        results = client.send_messages([item(1), item(2)])
        assert all(r["may_have_been_sent"] for r in results)
        for n in range(1000):  # a later page of the same sender's messages
            fake.add_message(
                from_="+19195550100", to="+19190000009", text=f"later {n}", direction="out"
            )
        before = len(fake.requests)
        client.reconcile(results, settle=0)
    assert [r["result"] for r in results] == ["accepted", "accepted"]
    listings = [r for r in fake.requests[before:] if r.method == "GET"]
    assert len(listings) == 1  # the first page held both: the second was not asked for
    assert waits == []


# -- a record of one's own (the Recorder protocol Journal implements) ---------------------------


class ListRecorder:
    """A durable record kept elsewhere (here, a list), as a database table would keep it."""

    def __init__(self, fake: FakeMessagingAPI) -> None:
        self.fake = fake
        self.events: list[tuple[str, list[int], int]] = []  # (what, keys, messages sent by then)

    def sending(self, batch: bandwidth.Batch) -> None:
        self.events.append(("sending", list(batch.keys), len(self.fake.sent)))
        assert batch.sent_at.endswith("Z")

    def finished(self, results: list[bandwidth.SendResult]) -> None:
        self.events.append(("finished", [r["index"] for r in results], len(self.fake.sent)))


@KINDS
def test_send_stream_tells_a_recorder_before_each_request_and_before_each_result(
    kind: str,
) -> None:
    fake = FakeMessagingAPI()
    recorder = ListRecorder(fake)
    pairs = [(100 + i, item(i)) for i in range(60)]  # keys of the caller's own: line numbers
    yielded: list[tuple[int, int]] = []  # (key, events recorded when it was yielded)
    if kind == "sync":
        with fake.client() as client:
            for result in client.send_stream(pairs, recorder=recorder):
                yielded.append((result["index"], len(recorder.events)))
    else:

        async def run() -> None:
            async with fake.async_client(bulk_concurrency=1) as client:
                async for result in client.send_stream(pairs, recorder=recorder):
                    yielded.append((result["index"], len(recorder.events)))

        asyncio.run(run())
    # Each request's items recorded before the stand-in got any of them, each result recorded
    # before the caller saw it, and every result carries the caller's key.
    assert recorder.events == [
        ("sending", list(range(100, 150)), 0),
        ("finished", list(range(100, 150)), 50),
        ("sending", list(range(150, 160)), 50),
        ("finished", list(range(150, 160)), 60),
    ]
    assert sorted(key for key, _ in yielded) == list(range(100, 160))
    assert all(seen >= (2 if key < 150 else 4) for key, seen in yielded)


def test_send_stream_refuses_what_is_not_pairs_before_sending() -> None:
    fake = FakeMessagingAPI()
    with fake.client() as client, pytest.raises(bandwidth.InvalidTypeError, match="send_stream"):
        client.send_stream({"from": "+1", "to": "+2"})  # type: ignore[arg-type]
    assert fake.sent == []
