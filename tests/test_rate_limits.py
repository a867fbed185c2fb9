"""Sending at the rate the account allows: the limiter's arithmetic, what it learns from the
API's refusals, the stores that share it, and whole sends against a stand-in that enforces the
documented limits (account rate with its burst, per-number rate)."""

from __future__ import annotations

import json
import logging
import signal
import socket
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import bandwidth
import httpx
import pytest
from bandwidth._rate import MemoryStore, RateLimiter, RateSettings, SQLiteStore, open_store
from bandwidth.testing import FakeMessagingAPI, FakeServer

from .helpers import Api, stand_in_env

KINDS = pytest.mark.parametrize("kind", ["sync", "async"])
SCRIPT = str(Path(sys.executable).parent / "bandwidth-messaging")


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def limiter(clock: Clock, **settings: Any) -> RateLimiter:
    return RateLimiter(RateSettings(**settings), MemoryStore(), clock)


def campaign(count: int, numbers: int) -> list[bandwidth.SendMessageItem]:
    """``count`` messages from ``numbers`` long-code numbers, taking turns."""
    return [
        {"from": f"+1919555{i % numbers:04d}", "to": f"+1919666{i:04d}", "text": f"Sale {i}"}
        for i in range(count)
    ]


def sent_once(fake: FakeMessagingAPI, count: int) -> bool:
    return sorted(m["to"] for m in fake.sent) == [f"+1919666{i:04d}" for i in range(count)]


def documented_limits(**more: Any) -> FakeMessagingAPI:
    """The issue's account: 5 messages/s with a burst of 15, 1 message/s per number."""
    return FakeMessagingAPI(
        messages_per_second=5, burst=15, per_number_messages_per_second=1, **more
    )


# -- the limiter, driven with a clock of its own ------------------------------------------


def test_the_account_rate_lets_its_burst_go_then_one_message_per_interval() -> None:
    clock = Clock()
    paced = limiter(clock, messages_per_second=5, burst=15)
    granted, _ = paced.take(["+19195550000"] * 50, 50)
    # The burst, counted in messages, not requests, less one held back (``SAFETY``).
    assert granted == list(range(14))
    assert paced.take(["+19195550000"], 50) == ([], pytest.approx(1 / 4.9))  # 98 % of 5/s
    clock.now += 1.0
    assert len(paced.take(["+19195550000"] * 50, 50)[0]) == 4


def test_the_burst_is_the_rate_plus_ten_unless_configured() -> None:
    paced = limiter(Clock(), messages_per_second=5)
    assert len(paced.take(["+19195550000"] * 50, 50)[0]) == 14  # one held back
    assert paced.pacing()["burst"] == 15


def test_a_number_waiting_for_its_rate_does_not_hold_up_the_others() -> None:
    clock = Clock()
    paced = limiter(clock, per_number=1)
    senders = ["+19195550001", "+19195550001", "+19195550002", "+19195550001", "+19195550003"]
    granted, _ = paced.take(senders, 50)
    assert granted == [0, 2, 4]  # one each; a number's messages keep their order
    assert paced.take(["+19195550001"], 50) == ([], pytest.approx(1 / 0.98))
    clock.now += 1 / 0.98
    assert paced.take(["+19195550001", "+19195550002"], 50)[0] == [0, 1]


def test_toll_free_numbers_and_short_codes_have_rates_of_their_own() -> None:
    paced = limiter(Clock(), per_number=1, toll_free=3)
    toll_free, short_code = "+18885550100", "12345"
    granted, _ = paced.take([toll_free] * 5 + [short_code] * 5, 50)
    assert granted == [
        0,
        1,
        5,
        6,
        7,
        8,
        9,
    ]  # 3 from the toll-free (one held back); short codes: no limit


def test_a_stated_account_limit_is_adopted_with_the_documented_burst() -> None:
    clock = Clock()
    paced = limiter(clock)
    assert len(paced.take(["+19195550000"] * 50, 50)[0]) == 50  # nothing known: no pacing
    paced.refused(
        "+19195550000",
        code="message-rate-limit",
        message="You can send 5 messages per 1 seconds, calculated as the average over 10 "
        "seconds. Your rate is: 6.2",
        told=None,
        messages=35,
    )
    assert paced.pacing() == {
        "messages_per_second": 5.0,
        "burst": 15,
        "number_rates": {},
        "refusals": 35,
    }
    # Refused: the bucket is empty, and fills at the rate stated.
    assert paced.take(["+19195550000"], 50) == ([], pytest.approx(1 / 4.9))
    clock.now += 1.0
    assert len(paced.take(["+19195550000"] * 50, 50)[0]) == 4


def test_a_stated_per_number_limit_is_that_numbers_only() -> None:
    clock = Clock()
    paced = limiter(clock)
    paced.refused(
        "+19195550001",
        code="message-rate-limit-per-tn",
        message="You can send 1 messages per 2 seconds per telephone number, calculated as the "
        "average over 10 seconds. Your rate is: 1.5 for telephone number +19195550001",
        told=None,
    )
    assert paced.take(["+19195550001", "+19195550002", "+19195550002"], 50)[0] == [1, 2]
    assert paced.take(["+19195550001"], 50) == ([], pytest.approx(2 / 0.98))
    clock.now += 2 / 0.98
    assert paced.take(["+19195550001"], 50)[0] == [0]


def test_a_per_number_refusal_without_a_limit_assumes_the_documented_one() -> None:
    paced = limiter(Clock())
    paced.refused("+19195550001", code="message-rate-limit-per-tn", message="slow", told=None)
    assert paced.take(["+19195550001"], 50) == ([], pytest.approx(1 / 0.98))


def test_a_reset_time_holds_every_send_until_it_passes() -> None:
    clock = Clock()
    paced = limiter(clock, messages_per_second=100)
    paced.refused("+19195550001", code="rate-limit-reached", message="", told=7.5)
    assert paced.take(["+19195550002"], 50) == ([], pytest.approx(7.5))
    clock.now += 7.5
    assert paced.take(["+19195550002"], 50)[0] == [0]


def test_a_stated_limit_below_the_configured_one_wins_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    paced = limiter(Clock(), messages_per_second=50)
    with caplog.at_level(logging.WARNING, logger="bandwidth"):
        paced.refused(
            "+19195550001",
            code="message-rate-limit",
            message="You can send 5 messages per 1 seconds, calculated as the average over "
            "10 seconds. Your rate is: 9.0",
            told=None,
        )
    assert paced.pacing()["messages_per_second"] == 5.0
    assert "fewer than the 50 configured" in caplog.text


# -- the stores ------------------------------------------------------------------------------


def test_two_limiters_on_one_sqlite_file_share_one_budget(tmp_path: Path) -> None:
    clock = Clock()
    path = tmp_path / "limits.sqlite3"
    settings = RateSettings(messages_per_second=5, burst=15)
    first = RateLimiter(settings, SQLiteStore(path, "api:/u-user"), clock)
    second = RateLimiter(settings, SQLiteStore(path, "api:/u-user"), clock)
    other = RateLimiter(settings, SQLiteStore(path, "api:/u-other"), clock)
    assert len(first.take(["+1"] * 10, 50)[0]) == 10
    assert len(second.take(["+1"] * 10, 50)[0]) == 4  # the burst is the account's, not each's
    assert len(other.take(["+1"] * 10, 50)[0]) == 10  # another account: a budget of its own
    # What one learns, the other knows.
    first.refused("+2", code="message-rate-limit-per-tn", message="slow", told=None)
    assert second.take(["+2"], 50)[0] == []
    for made in (first, second, other):
        made.close()


def test_two_limiters_on_one_redis_share_one_budget(redis_url: str) -> None:
    clock = Clock()
    settings = RateSettings(messages_per_second=5, burst=15, url=redis_url)
    scope = f"api:/u-{time.time_ns()}"  # a key no other test uses
    first = RateLimiter(settings, open_store(redis_url, scope), clock)
    second = RateLimiter(settings, open_store(redis_url, scope), clock)
    assert len(first.take(["+1"] * 10, 50)[0]) == 10
    assert len(second.take(["+1"] * 10, 50)[0]) == 4
    first.refused(
        "+1",
        code="message-rate-limit",
        message="You can send 2 messages per 1 seconds, calculated as the average over 10 "
        "seconds. Your rate is: 3.1",
        told=None,
    )
    unconfigured = RateLimiter(RateSettings(), open_store(redis_url, scope), clock)
    clock.now += 10
    assert len(unconfigured.take(["+1"] * 50, 50)[0]) == 11  # learned 2/s, burst 12, shared
    for made in (first, second, unconfigured):
        made.close()


def test_a_store_that_fails_never_fails_a_send(caplog: pytest.LogCaptureFixture) -> None:
    fake = FakeMessagingAPI()
    with socket.socket() as probe:  # a port on loopback where nothing listens
        probe.bind(("127.0.0.1", 0))
        closed = probe.getsockname()[1]
    with (
        caplog.at_level(logging.WARNING, logger="bandwidth"),
        fake.client(rate_limits_url=f"redis://:s3cret@127.0.0.1:{closed}/0") as client,
    ):
        assert client.send_message("+19195550001", "+19195550100", "hi").startswith("m-")
        assert client.send_message("+19195550001", "+19195550100", "again").startswith("m-")
    assert len(fake.sent) == 2
    assert "the shared rate-limit store failed (ConnectionError" in caplog.text
    assert caplog.text.count("store failed") == 1  # said once, then it paces on its own
    assert "s3cret" not in caplog.text


def test_store_urls_are_checked_when_the_client_is_made(tmp_path: Path) -> None:
    for url, error in [
        ("sqlite://relative.db", "absolute"),
        ("ftp://host/x", "use memory://, sqlite:///PATH or redis://"),
    ]:
        with pytest.raises(bandwidth.InvalidValueError, match=error):
            bandwidth.client("messaging", "u", "t", "s", rate_limits_url=url)
    not_ours = tmp_path / "notes.txt"
    not_ours.write_text("my notes\n" * 100)
    with pytest.raises(bandwidth.InvalidValueError, match="is not a rate-limit store"):
        bandwidth.client("messaging", "u", "t", "s", rate_limits_url=f"sqlite://{not_ours}")
    assert not_ours.read_text() == "my notes\n" * 100  # a file the SDK did not make: untouched
    with pytest.raises(bandwidth.InvalidValueError, match=r"'ftp://\*\*\*@host/0'"):
        bandwidth.client("messaging", "u", "t", "s", rate_limits_url="ftp://user:pw@host/0")


def test_the_default_store_is_a_file_every_process_of_the_machine_shares(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("BANDWIDTH_RATE_LIMITS_URL")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    with bandwidth.client("messaging", "u", "t", "s") as client:
        assert isinstance(client._core.limiter.store, SQLiteStore)
    store = tmp_path / "bandwidth" / "rate-limits.sqlite3"
    assert store.exists()
    assert oct(store.parent.stat().st_mode & 0o777) == "0o700"


@pytest.mark.parametrize(
    ("option", "value", "error"),
    [
        ("max_messages_per_second", 0, "more than 0"),
        ("per_number_messages_per_second", float("inf"), "more than 0"),
        ("toll_free_messages_per_second", "5", "must be a number"),
        ("rate_burst", 0, "rate_burst must be 1 or more"),
        ("max_rate_wait", -1, "0 seconds or more"),
        ("rate_limits_url", 5, "rate_limits_url"),
    ],
)
def test_rate_options_are_checked_before_anything_is_sent(
    option: str, value: object, error: str
) -> None:
    with pytest.raises(bandwidth.BandwidthError, match=error):
        bandwidth.client("messaging", "u", "t", "s", **{option: value})  # type: ignore[misc]


# -- the stand-in enforces the documented limits -------------------------------------------


def test_the_stand_in_refuses_as_the_api_documents(bandwidth_waits: list[float]) -> None:
    fake = documented_limits()
    raw = httpx.Client(transport=fake.transport(), auth=("t-token", "s-secret"))
    url = "https://api.catapult.inetwork.com/v1/users/u-user/messages"
    one = {"from": "+19195550001", "to": "+19195550100", "text": "hi"}
    assert raw.post(url, json=one).status_code == 201
    refused = raw.post(url, json=one)
    assert refused.status_code == 403
    assert refused.json()["category"] == "limit"
    assert refused.json()["code"] == "message-rate-limit-per-tn"
    assert refused.json()["message"].startswith(
        "You can send 1 messages per 1 seconds per telephone number, calculated as the average "
        "over 10 seconds. Your rate is: "
    )
    assert refused.json()["message"].endswith("for telephone number +19195550001")
    bulk = raw.post(url, json=[{**one, "from": f"+1919555{n:04d}"} for n in range(2, 22)])
    assert bulk.status_code == 202
    results = bulk.json()
    assert [r["result"] for r in results] == ["accepted"] * 14 + ["error"] * 6  # burst of 15
    assert results[-1]["error"]["code"] == "message-rate-limit"
    assert fake.rate_counts == {"accepted": 15, "refused": 7}
    toll_free = {**one, "from": "+18885550100"}
    fake.messages_per_second = None  # the per-number rate alone
    assert [raw.post(url, json=toll_free).status_code for _ in range(3)] == [201] * 3


# -- whole sends: the runs, with waits recorded (the stand-in's clock is the SDK's) ---


@KINDS
@pytest.mark.parametrize("numbers", [1, 20])
def test_a_bulk_send_past_one_burst_is_accepted_whole_and_once(
    kind: str, numbers: int, bandwidth_waits: list[float]
) -> None:
    fake = documented_limits()
    results = Api(kind, fake)("send_messages", campaign(60, numbers))
    assert [r["result"] for r in results] == ["accepted"] * 60
    assert sent_once(fake, 60)
    # Nothing configured: the first request teaches the limits, then they are kept to. The
    # allowed pace is 1 message/s from one number; 15 at once, then 5/s, from 20.
    allowed = 59.0 if numbers == 1 else 9.0
    assert allowed <= sum(bandwidth_waits) <= 2 * allowed
    # Refused: at most what the requests sent before the first answer held (all 60 items
    # for the async client's 4 in flight) beyond what the API took of them; none after.
    first_taken = 1 if numbers == 1 else 15
    assert fake.rate_counts["refused"] <= 60 - first_taken


@KINDS
def test_with_the_rates_configured_nothing_is_refused(
    kind: str, bandwidth_waits: list[float]
) -> None:
    fake = documented_limits()
    api = Api(
        kind,
        fake,
        max_messages_per_second=5,
        rate_burst=15,
        per_number_messages_per_second=1,
    )
    results = api("send_messages", campaign(60, 20))
    assert [r["result"] for r in results] == ["accepted"] * 60
    assert sent_once(fake, 60)
    assert fake.rate_counts["refused"] == 0
    assert sum(bandwidth_waits) <= 9.0 / 0.9  # at least 90 % of the allowed rate
    streamed = list(api("iter_send_messages", campaign(60, 20)))
    assert len(streamed) == 60
    assert {r["result"] for r in streamed} == {"accepted"}
    assert fake.rate_counts == {"accepted": 120, "refused": 0}


@KINDS
def test_single_sends_wait_their_turn_and_are_sent_again_after_a_refusal(
    kind: str, bandwidth_waits: list[float]
) -> None:
    fake = documented_limits()
    api = Api(kind, fake)
    ids = [api("send_message", "+19195550001", f"+1919666{i:04d}", f"hi {i}") for i in range(5)]
    assert len(set(ids)) == 5
    assert sent_once(fake, 5)
    assert fake.rate_counts == {"accepted": 5, "refused": 1}  # once, to learn the number's rate
    assert bandwidth_waits == [pytest.approx(1 / 0.98)] * 4


@KINDS
def test_a_send_the_limits_hold_back_past_max_rate_wait_is_not_sent(
    kind: str, bandwidth_waits: list[float]
) -> None:
    fake = FakeMessagingAPI()
    api = Api(kind, fake, per_number_messages_per_second=0.01, max_rate_wait=30)
    api("send_message", "+19195550001", "+19195550100", "first")
    with pytest.raises(bandwidth.RateLimitTimeoutError, match="max_rate_wait") as caught:
        api("send_message", "+19195550001", "+19195550100", "second")
    assert caught.value.may_have_been_sent is False
    assert len(fake.sent) == 1
    assert bandwidth_waits == []  # it did not wait 100 s only to give up


@KINDS
def test_a_journal_records_a_refusal_and_the_resend(
    kind: str, tmp_path: Path, bandwidth_waits: list[float]
) -> None:
    fake = documented_limits()
    items = campaign(30, 1)
    with bandwidth.Journal(tmp_path / "run.jsonl") as journal:
        if kind == "sync":
            results = list(journal.send(fake.client(), enumerate(items, 1)))
        else:
            import asyncio

            async def run() -> list[bandwidth.SendResult]:
                client = fake.async_client()
                return [r async for r in journal.asend(client, enumerate(items, 1))]

            results = asyncio.run(run())
        assert journal.counts() == {"accepted": 30, "error": 0, "unknown": 0}
    assert len(results) == 30
    assert {r["result"] for r in results} == {"accepted"}
    assert sent_once(fake, 30)
    records = [json.loads(line) for line in (tmp_path / "run.jsonl").read_text().splitlines()]
    line_2 = [r["result"] for r in records if r["line"] == 2]
    assert line_2 == ["unknown", "error", "unknown", "accepted"]  # refused, then sent again


# -- the flow itself, driven step by step (no transport) -----------------------------------


def test_the_send_flow_books_sends_learns_and_sends_again() -> None:
    fake = FakeMessagingAPI()
    with fake.client(max_rate_wait=60) as client:
        core = client._core
        flow = core.send_paced(
            {"from": "+19195550001", "to": "+19195550100", "text": "hi"}, timeout=None
        )
        step = next(flow)
        assert isinstance(step, bandwidth._rate.Step)  # book it first
        request = flow.send(step.run())
        assert isinstance(request, httpx.Request)
        refusal = httpx.Response(
            403,
            json={
                "category": "limit",
                "code": "message-rate-limit-per-tn",
                "message": "You can send 1 messages per 4 seconds per telephone number, "
                "calculated as the average over 10 seconds. Your rate is: 1.0 for "
                "telephone number +19195550001",
            },
            request=request,
        )
        learn = flow.send(refusal)
        assert isinstance(learn, bandwidth._rate.Step)
        book = flow.send(learn.run())
        assert isinstance(book, bandwidth._rate.Step)
        assert flow.send(book.run()) == pytest.approx(4 / 0.98, abs=0.1)  # the wait it learned
        assert isinstance(flow.send(None), bandwidth._rate.Step)
        assert client.pacing["number_rates"] == {"+19195550001": 0.25}


# -- processes and machines sharing one budget ---------------------------------------------

WORKER = """
import json, sys, bandwidth
url, count, worker, configured = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4] == "1"
options = {"max_messages_per_second": 40, "rate_burst": 50} if configured else {}
with bandwidth.client("messaging", api_endpoint=url, **options) as client:
    for i in range(count):
        client.send_message(f"+1919555{worker}", f"+1919666{worker}{i:03d}", f"hi {i}")
    print(json.dumps(client.pacing))
"""


def run_workers(server: FakeServer, store: str, configured: bool) -> list[dict[str, Any]]:
    env = stand_in_env(server.url, store)
    env.pop("BANDWIDTH_API_ENDPOINT")  # given to the client, as a program would
    processes = [
        subprocess.Popen(
            [sys.executable, "-c", WORKER, server.url, "40", str(w), "1" if configured else "0"],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
        )
        for w in range(4)
    ]
    outputs = [p.communicate(timeout=120)[0] for p in processes]
    assert [p.returncode for p in processes] == [0] * 4
    return [json.loads(out) for out in outputs]


@pytest.fixture
def enforcing() -> Iterator[FakeServer]:
    with FakeServer(FakeMessagingAPI(messages_per_second=40, burst=50)) as server:
        yield server


@pytest.mark.parametrize("store", ["sqlite", "redis"])
def test_four_processes_of_one_account_share_its_budget(
    store: str, enforcing: FakeServer, tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    url = (
        f"sqlite://{tmp_path / 'limits.sqlite3'}"
        if store == "sqlite"
        else request.getfixturevalue("redis_url")
    )
    paces = run_workers(enforcing, url, configured=True)
    fake = enforcing.fake
    assert len(fake.sent) == 160
    assert len({m["to"] for m in fake.sent}) == 160  # each exactly once
    assert fake.rate_counts["refused"] <= 3  # at most 2 per 100 messages
    assert sum(p["refusals"] for p in paces) == fake.rate_counts["refused"]


def test_processes_with_nothing_configured_learn_the_shared_limit(
    enforcing: FakeServer, tmp_path: Path
) -> None:
    paces = run_workers(enforcing, f"sqlite://{tmp_path / 'limits.sqlite3'}", configured=False)
    fake = enforcing.fake
    assert len({m["to"] for m in fake.sent}) == 160
    # Learned, and shared: every process still sending then knows it (one that finished
    # within the burst never needed to).
    known = [p["messages_per_second"] for p in paces]
    assert 40.0 in known
    assert set(known) <= {40.0, None}
    # A few: a request each process had in flight when the first refusal taught the limit.
    assert fake.rate_counts["refused"] <= 8, paces


# -- the command line ----------------------------------------------------------------------


def write_campaign(path: Path, count: int, numbers: int) -> None:
    path.write_text("".join(json.dumps(item) + "\n" for item in campaign(count, numbers)))


def cli(server: FakeServer, *args: str, **popen: Any) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [SCRIPT, *args],
        env=stand_in_env(server.url),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        **popen,
    )


def test_send_bulk_leaves_no_line_refused_for_rate(tmp_path: Path) -> None:
    fake = FakeMessagingAPI(messages_per_second=20, burst=30, per_number_messages_per_second=5)
    orders = tmp_path / "orders.jsonl"
    write_campaign(orders, 60, 20)
    with FakeServer(fake) as server:
        first = cli(server, "send-bulk", str(orders))
        _, err = first.communicate(timeout=60)
        assert first.returncode == 0, err
        assert "60 accepted, 0 not accepted" in err
        again = cli(server, "send-bulk", str(orders))
        _, err = again.communicate(timeout=60)
        assert again.returncode == 0, err
        assert "0 accepted, 0 not accepted, 60 skipped" in err
    assert sent_once(fake, 60)
    assert fake.rate_counts["refused"] > 0  # it was refused, and sent those again


def test_send_bulk_with_the_rates_given_is_never_refused(tmp_path: Path) -> None:
    fake = FakeMessagingAPI(messages_per_second=20, burst=30, per_number_messages_per_second=5)
    orders = tmp_path / "orders.jsonl"
    write_campaign(orders, 60, 20)
    with FakeServer(fake) as server:
        rates = ["--max-messages-per-second", "20", "--rate-burst", "30"]
        done = cli(
            server, *rates, "--per-number-messages-per-second", "5", "send-bulk", str(orders)
        )
        _, err = done.communicate(timeout=60)
    assert done.returncode == 0, err
    assert sent_once(fake, 60)
    assert fake.rate_counts["refused"] == 0


def test_ctrl_c_while_waiting_for_the_limits_stops_at_once_and_the_rerun_sends_the_rest(
    tmp_path: Path,
) -> None:
    fake = FakeMessagingAPI(per_number_messages_per_second=0.2)  # one message every 5 s
    orders = tmp_path / "orders.jsonl"
    write_campaign(orders, 6, 1)
    results = tmp_path / "orders.jsonl.results.jsonl"
    with FakeServer(fake) as server:
        run = cli(server, "send-bulk", str(orders))
        deadline = time.monotonic() + 30
        while len(fake.sent) < 1 or not results.exists():
            assert time.monotonic() < deadline, "nothing was sent"
            time.sleep(0.01)
        time.sleep(0.5)  # now waiting for the number's next turn
        run.send_signal(signal.SIGINT)
        stopped = time.monotonic()
        _, err = run.communicate(timeout=30)
        assert run.returncode == 130, err
        assert time.monotonic() - stopped < 2  # it did not wait out the rate to stop
        assert "stopped by Ctrl-C" in err
        fake.per_number_messages_per_second = None  # the rerun need not wait
        rerun = cli(server, "send-bulk", str(orders))
        _, err = rerun.communicate(timeout=60)
        assert rerun.returncode == 0, err
    assert Counter(m["to"] for m in fake.sent) == Counter(
        f"+1919666{i:04d}" for i in range(6)
    )  # every line exactly once
