"""The rate limiter alone, on a clock the test holds: what it lets go, what it holds back and
for how long, what it learns from each kind of refusal, and where it keeps its state."""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
from collections.abc import Callable, Sequence
from pathlib import Path

import httpx
import pytest
from bandwidth import InvalidValueError, RateLimitError
from bandwidth._rate import (
    SAFETY,
    MemoryStore,
    RateLimiter,
    RateSettings,
    SQLiteStore,
    Values,
    _Bucket,
    _number_burst,
    default_store_path,
    open_store,
)

NOW = 1_000_000.0
LONG = "+19195550100"
OTHER = "+19195550101"


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> float:
        return self.now


def limiter(**settings: float | int | None) -> tuple[RateLimiter, Clock]:
    clock = Clock()
    return RateLimiter(RateSettings(**settings), MemoryStore(), clock), clock  # type: ignore[arg-type]


def stored(rate_limiter: RateLimiter, *fields: str) -> Values:
    seen: Values = {}

    def read(values: Values) -> Values:
        seen.update(values)
        return {}

    rate_limiter.store.update(list(fields), read)
    return seen


# -- the buckets ---------------------------------------------------------------------------------


def test_a_bucket_keeps_a_little_under_the_rate_and_one_message_of_the_burst() -> None:
    interval = 1 / (5 * SAFETY)
    assert _Bucket.of(5, 15) == pytest.approx((interval, 13 * interval))
    assert _Bucket.of(5, 3) == pytest.approx((interval, 1 * interval))
    assert _Bucket.of(5, 2) == pytest.approx((interval, 0.0))  # the spare leaves one
    assert _Bucket.of(5, 1) == pytest.approx((interval, 0.0))  # nothing spare to keep


def test_a_number_s_bucket_holds_one_second_of_its_rate() -> None:
    assert _number_burst(0.5) == 1.0
    assert _number_burst(3.0) == 3.0


# -- booking ---------------------------------------------------------------------------------


def test_nothing_is_held_while_no_limit_is_known() -> None:
    rate_limiter, _ = limiter()
    assert rate_limiter.take([LONG] * 5, 3) == ([0, 1, 2], 0.0)
    assert rate_limiter.take([LONG] * 2, 3) == ([0, 1], 0.0)
    assert rate_limiter.take_one(LONG) == 0.0


def test_a_configured_account_rate_lets_its_burst_go_then_paces() -> None:
    rate_limiter, clock = limiter(messages_per_second=5, burst=15)
    senders = [f"+1919555{i:04d}" for i in range(20)]
    granted, wait = rate_limiter.take(senders, 50)
    assert granted == list(range(14))  # the burst less the one held back
    assert wait == 0.0
    interval = 1 / (5 * SAFETY)
    assert stored(rate_limiter, "a") == {"a": pytest.approx(NOW + 14 * interval)}
    assert rate_limiter.take(senders[14:], 50) == ([], pytest.approx(interval))
    clock.now += interval
    assert rate_limiter.take(senders[14:], 50)[0] == [0]
    assert rate_limiter.take_one(senders[15]) == pytest.approx(interval)


def test_a_held_number_waits_while_the_others_go() -> None:
    rate_limiter, clock = limiter(per_number=1)
    granted, wait = rate_limiter.take([LONG, LONG, OTHER], 3)
    assert (granted, wait) == ([0, 2], 0.0)
    granted, wait = rate_limiter.take([LONG], 3)
    assert granted == []
    assert wait == pytest.approx(1 / SAFETY)
    clock.now += 1 / SAFETY
    assert rate_limiter.take([LONG], 3) == ([0], 0.0)


def test_toll_free_and_short_codes_have_their_own_rates() -> None:
    rate_limiter, _ = limiter(per_number=1, toll_free=3)
    toll_free = "+18445550100"
    assert rate_limiter.take([toll_free] * 5, 5)[0] == [0, 1]  # 3 a second, one held back
    assert rate_limiter.take([LONG] * 5, 5)[0] == [0]
    assert rate_limiter.take(["12345"] * 3, 3)[0] == [0, 1, 2]  # short codes: not configured


# -- learning --------------------------------------------------------------------------------


def test_an_account_refusal_that_states_its_limit_is_adopted() -> None:
    rate_limiter, _ = limiter()
    said = "You can send 5 messages per 1 seconds, calculated as the average over 10 seconds."
    rate_limiter.refused(LONG, code="message-rate-limit", message=said, told=None, messages=3)
    pacing = rate_limiter.pacing()
    assert (pacing["messages_per_second"], pacing["burst"]) == (5.0, 15)
    assert pacing["refusals"] == 3
    bucket = _Bucket.of(5, 15)
    values = stored(rate_limiter, "a", "a.rate", "hold")
    assert values == {"a.rate": 5.0, "a": pytest.approx(NOW + bucket.tolerance + bucket.interval)}
    rate_limiter.refused(LONG, code="message-rate-limit", message=said, told=2.0, messages=2)
    assert rate_limiter.pacing()["refusals"] == 5
    assert stored(rate_limiter, "hold") == {"hold": NOW + 2.0}


def test_a_refusal_that_states_nothing_holds_every_send_a_second() -> None:
    rate_limiter, clock = limiter()
    rate_limiter.refused(LONG, code="rate-limit", message="", told=None)
    assert stored(rate_limiter, "hold") == {"hold": NOW + 1.0}
    assert rate_limiter.take([OTHER], 1) == ([], 1.0)
    clock.now += 1.0
    assert rate_limiter.take([OTHER], 1) == ([0], 0.0)


def test_a_stated_time_of_zero_seconds_is_no_limit() -> None:
    rate_limiter, _ = limiter()
    rate_limiter.refused(LONG, code="x", message="You can send 5 messages per 0 seconds", told=None)
    assert rate_limiter.pacing()["messages_per_second"] is None


def test_a_per_number_refusal_paces_the_number_it_names() -> None:
    rate_limiter, _ = limiter()
    said = (
        "You can send 2 messages per 1 seconds per telephone number "
        "for telephone number +19195550199"
    )
    rate_limiter.refused(LONG, code="message-rate-limit-per-tn", message=said, told=None)
    assert rate_limiter.pacing()["number_rates"] == {"+19195550199": 2.0}
    assert rate_limiter.pacing()["messages_per_second"] is None
    bucket = _Bucket.of(2.0, 2.0)
    assert stored(rate_limiter, "n:+19195550199", "hold") == {
        "n:+19195550199": pytest.approx(NOW + bucket.tolerance + bucket.interval)
    }
    assert rate_limiter.take([LONG], 1) == ([0], 0.0)  # the sender is not the number named


def test_a_per_number_refusal_without_a_limit_paces_the_sender_at_one_a_second() -> None:
    rate_limiter, _ = limiter()
    rate_limiter.refused(LONG, code="message-rate-limit-per-tn", message="slow down", told=3.0)
    assert rate_limiter.pacing()["number_rates"] == {LONG: 1.0}
    bucket = _Bucket.of(1.0, 1.0)
    assert stored(rate_limiter, f"n:{LONG}") == {
        f"n:{LONG}": pytest.approx(NOW + bucket.interval + 3.0)
    }


def test_a_configured_number_rate_is_kept_when_the_api_states_none() -> None:
    rate_limiter, _ = limiter(per_number=2)
    rate_limiter.refused(LONG, code="message-rate-limit-per-tn", message="", told=None)
    assert stored(rate_limiter, f"n:{LONG}.rate") == {}
    bucket = _Bucket.of(2.0, 2.0)
    assert stored(rate_limiter, f"n:{LONG}") == {
        f"n:{LONG}": pytest.approx(NOW + bucket.tolerance + bucket.interval)
    }


def test_a_stated_limit_below_the_configured_one_wins_with_a_warning(
    caplog: pytest.LogCaptureFixture,
) -> None:
    rate_limiter, _ = limiter(messages_per_second=10, per_number=2)
    with caplog.at_level(logging.WARNING, logger="bandwidth"):
        rate_limiter.refused(
            LONG, code="x", message="You can send 10 messages per 1 seconds", told=None
        )
        assert caplog.messages == []  # equal to the configured one: nothing to say
        rate_limiter.refused(
            LONG, code="x", message="You can send 5 messages per 1 seconds", told=None
        )
        rate_limiter.refused(
            LONG,
            code="message-rate-limit-per-tn",
            message="You can send 1 messages per 1 seconds",
            told=None,
        )
    assert caplog.messages == [
        "the API allows 5 messages/s for the account, fewer than the 10 configured; sending at 5",
        f"the API allows 1 messages/s from {LONG}, fewer than the 2 configured; sending at 1",
    ]
    assert rate_limiter.pacing()["messages_per_second"] == 5.0


def test_a_refusal_s_retry_after_header_holds_every_send() -> None:
    rate_limiter, _ = limiter(messages_per_second=5)
    request = httpx.Request("POST", "https://api.example/v1/users/u/messages")
    answer = httpx.Response(429, headers={"Retry-After": "3"}, request=request)
    error = RateLimitError(answer, code="rate-limit-reached", message="slow down")
    assert rate_limiter.refused_by(LONG, error, messages=4) == 0.0
    assert stored(rate_limiter, "hold") == {"hold": NOW + 3.0}
    assert rate_limiter.pacing()["refusals"] == 4


# -- the stores ------------------------------------------------------------------------------


class Failing(MemoryStore):
    def __init__(self) -> None:
        super().__init__()
        self.calls = 0

    def update(self, fields: Sequence[str], change: Callable[[Values], Values]) -> None:
        self.calls += 1
        raise OSError("the disk went away")


def test_a_failing_store_paces_locally_with_one_warning_and_is_tried_again_later(
    caplog: pytest.LogCaptureFixture, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bandwidth._rate as rate

    monotonic = [100.0]
    monkeypatch.setattr(rate.time, "monotonic", lambda: monotonic[0])
    store = Failing()
    rate_limiter = RateLimiter(RateSettings(messages_per_second=1, burst=1), store, Clock())
    with caplog.at_level(logging.WARNING, logger="bandwidth"):
        assert rate_limiter.take([LONG], 1)[0] == [0]
        assert rate_limiter.take([LONG], 1)[0] == []  # paced by the local budget
    assert store.calls == 1
    assert caplog.messages == [
        "the shared rate-limit store failed (OSError: the disk went away); this client paces "
        "on its own for 30 s"
    ]
    monotonic[0] += 30.0
    rate_limiter.take([LONG], 1)
    assert store.calls == 2


def test_the_machine_wide_store_lives_in_the_user_s_cache(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert (
        default_store_path() == tmp_path / "home" / ".cache" / "bandwidth" / "rate-limits.sqlite3"
    )
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    path = tmp_path / "xdg" / "bandwidth" / "rate-limits.sqlite3"
    assert default_store_path() == path
    store = open_store(None, "scope")
    assert isinstance(store, SQLiteStore)
    store.close()
    assert path.exists()
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    again = open_store(None, "scope")  # the directory is there now: still fine
    assert isinstance(again, SQLiteStore)
    again.close()


def test_a_sqlite_store_is_one_table_that_every_process_shares(tmp_path: Path) -> None:
    path = tmp_path / "limits.sqlite3"
    one = open_store(f"sqlite:///{path}", "u-1")
    two = open_store(f"sqlite:///{path}", "u-1")
    other = open_store(f"sqlite:///{path}", "u-2")
    one.update(["a"], lambda values: {"a": 5.0})
    seen: list[Values] = []
    two.update(["a"], lambda values: seen.append(values) or {})
    other.update(["a"], lambda values: seen.append(values) or {})
    assert seen == [{"a": 5.0}, {}]
    with pytest.raises(RuntimeError):
        one.update(["a"], lambda values: (_ for _ in ()).throw(RuntimeError("no")))
    two.update(["a"], lambda values: seen.append(values) or {})
    assert seen[-1] == {"a": 5.0}  # the failed update was rolled back, the store still works
    for store in (one, two, other):
        store.close()
    rows = sqlite3.connect(path).execute("SELECT scope, field, value FROM bandwidth_rate_limits")
    assert sorted(rows) == [("u-1", "a", 5.0)]


def test_store_urls_are_checked(tmp_path: Path) -> None:
    assert isinstance(open_store("memory://", "s"), MemoryStore)
    with pytest.raises(InvalidValueError, match="absolute"):
        open_store("sqlite://relative.db", "s")
    with pytest.raises(InvalidValueError, match=r"use memory://, sqlite:///PATH or redis://"):
        open_store("ftp://user:secret@host/", "s")
    (tmp_path / "junk").write_bytes(b"not a database at all, " * 100)
    with pytest.raises(InvalidValueError, match="is not a rate-limit store"):
        open_store(f"sqlite:///{tmp_path / 'junk'}", "s")
    with pytest.raises(InvalidValueError, match="cannot be opened"):
        open_store(f"sqlite:///{tmp_path / 'missing' / 'x.db'}", "s")
    assert not os.path.exists(tmp_path / "missing")


# -- what a refusal never does ---------------------------------------------------------------


def put(rate_limiter: RateLimiter, **values: float) -> None:
    rate_limiter.store.update(list(values), lambda _: dict(values))


def test_a_refusal_never_moves_a_time_the_store_holds_earlier() -> None:
    rate_limiter, _ = limiter()
    put(rate_limiter, hold=NOW + 100, a=NOW + 100, **{f"n:{LONG}": NOW + 100})
    five = "You can send 5 messages per 1 seconds"
    rate_limiter.refused(LONG, code="message-rate-limit", message=five, told=2.0)
    rate_limiter.refused(LONG, code="message-rate-limit-per-tn", message="", told=None)
    assert stored(rate_limiter, "hold", "a", f"n:{LONG}") == {
        "hold": NOW + 100,
        "a": NOW + 100,
        f"n:{LONG}": NOW + 100,
    }


def test_a_rate_learned_earlier_paces_without_a_hold() -> None:
    rate_limiter, _ = limiter()
    put(rate_limiter, **{"a.rate": 5.0})
    rate_limiter.refused(LONG, code="message-rate-limit", message="", told=None)
    values = stored(rate_limiter, "hold", "a")
    assert "hold" not in values  # the account's rate is known: its bucket paces
    bucket = _Bucket.of(5, 15)
    assert values["a"] == pytest.approx(NOW + bucket.tolerance + bucket.interval)


def test_a_number_rate_learned_earlier_is_kept() -> None:
    rate_limiter, _ = limiter()
    put(rate_limiter, **{f"n:{LONG}.rate": 4.0})
    rate_limiter.refused(LONG, code="message-rate-limit-per-tn", message="", told=None)
    bucket = _Bucket.of(4.0, 4.0)
    assert stored(rate_limiter, f"n:{LONG}", f"n:{LONG}.rate") == {
        f"n:{LONG}": pytest.approx(NOW + bucket.tolerance + bucket.interval),
        f"n:{LONG}.rate": 4.0,
    }


def test_the_per_number_wording_alone_makes_a_refusal_per_number() -> None:
    rate_limiter, _ = limiter()
    said = "You can send 3 messages per 1 seconds per telephone number"
    rate_limiter.refused(LONG, code="message-rate-limit", message=said, told=None)
    assert rate_limiter.pacing()["number_rates"] == {LONG: 3.0}
    assert rate_limiter.pacing()["refusals"] == 1


def test_an_error_s_per_number_refusal_paces_its_sender() -> None:
    rate_limiter, _ = limiter()
    request = httpx.Request("POST", "https://api.example/v1/users/u/messages")
    answer = httpx.Response(403, request=request)
    error = RateLimitError(answer, code="message-rate-limit-per-tn", message="too fast")
    rate_limiter.refused_by(LONG, error)
    assert rate_limiter.pacing() == {
        "messages_per_second": None,
        "burst": None,
        "number_rates": {LONG: 1.0},
        "refusals": 1,
    }


def test_a_toll_free_number_s_stated_rate_is_compared_with_the_toll_free_setting(
    caplog: pytest.LogCaptureFixture,
) -> None:
    rate_limiter, _ = limiter(per_number=0.5, toll_free=3)
    toll_free = "+18445550100"
    with caplog.at_level(logging.WARNING, logger="bandwidth"):
        rate_limiter.refused(
            toll_free,
            code="message-rate-limit-per-tn",
            message="You can send 2 messages per 1 seconds",
            told=None,
        )
    assert caplog.messages == [
        f"the API allows 2 messages/s from {toll_free}, fewer than the 3 configured; sending at 2"
    ]


def test_a_sqlite_store_may_be_used_from_any_thread(tmp_path: Path) -> None:
    import threading

    store = open_store(f"sqlite://{tmp_path / 'limits.sqlite3'}", "u-1")
    assert isinstance(store, SQLiteStore)
    assert store.path == tmp_path / "limits.sqlite3"
    failures: list[BaseException] = []

    def use() -> None:
        try:
            store.update(["a"], lambda values: {"a": 1.0})
        except BaseException as error:
            failures.append(error)

    worker = threading.Thread(target=use)
    worker.start()
    worker.join()
    assert failures == []
    store.close()


def test_a_redis_store_s_waits_are_bounded_and_its_package_is_named(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    store = open_store("redis://127.0.0.1:9/0", "u-1")
    options = store._client.connection_pool.connection_kwargs  # type: ignore[attr-defined]
    assert (options["socket_timeout"], options["socket_connect_timeout"]) == (2.0, 2.0)
    store.close()
    monkeypatch.setitem(__import__("sys").modules, "redis", None)
    with pytest.raises(InvalidValueError) as raised:
        open_store("redis://:secret@127.0.0.1:9/0", "u-1")
    assert str(raised.value) == (
        "rate_limits_url 'redis://***@127.0.0.1:9/0' needs the redis package: "
        "pip install 'bandwidth-messaging[redis]'"
    )
