"""A bulk send killed or interrupted at any point, with faults, then rerun until it finishes:
every line's message reaches the API exactly once, as the stand-in itself counts."""

from __future__ import annotations

import json
import random
import re
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from bandwidth.testing import FakeServer, Fault

from .helpers import stand_in_env

SCRIPT = str(Path(sys.executable).parent / "bandwidth-messaging")
LINES = 2000


@pytest.fixture
def server() -> Iterator[FakeServer]:
    # A little latency, as a real API has: runs last long enough to be cut at many points.
    with FakeServer(latency=0.002) as running:
        yield running


def write_orders(path: Path) -> list[tuple[str, str]]:
    """A JSON lines file of LINES messages; returns each line's (to, text)."""
    wanted = [(f"+1919{i:07d}", f"Order {i} shipped") for i in range(LINES)]
    path.write_text(
        "".join(
            json.dumps({"from": "+19195550100", "to": to, "text": text, "tag": f"o-{i}"}) + "\n"
            for i, (to, text) in enumerate(wanted)
        )
    )
    return wanted


def inject_faults(server: FakeServer, rng: random.Random) -> None:
    """Sends that fail in every way the API can fail, spread through the run: answers lost
    after the message was stored (5xx, dropped, too late), refusals before it was."""
    makers = [
        lambda: Fault(status=500, apply=True, method="POST"),  # accepted, then an error
        lambda: Fault(status=503, method="POST"),  # refused: nothing stored
        lambda: Fault(drop=True, apply=True, method="POST"),  # accepted, connection dropped
        lambda: Fault(drop=True, method="POST"),  # dropped before anything was stored
        lambda: Fault.slow(2.0, method="POST"),  # accepted, answer later than the timeout
        # Refusals for rate that state a limit the run then keeps to (a fast one: the test is
        # about exactly-once, not pacing).
        lambda: Fault.rate_limited(retry_after=0.05, method="POST", messages_per_second=500),
        lambda: Fault.rate_limited(retry_after=0.05, method="GET"),  # lookups refused too
    ]
    for _ in range(14):
        fault = rng.choice(makers)()
        fault.after = rng.randrange(0, 4)
        server.fake.inject(fault)


def environment(server: FakeServer, workdir: Path) -> dict[str, str]:
    # The runs share what they learn of the rate limits, as a user's reruns do.
    return stand_in_env(server.url, f"sqlite://{workdir / 'rate-limits.sqlite3'}")


def start(server: FakeServer, orders: Path, results: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [
            SCRIPT,
            "--timeout",
            "1",
            "send-bulk",
            str(orders),
            "--results",
            str(results),
            "--concurrency",
            "3",
            "--settle",
            "0.3",
        ],
        env=environment(server, results.parent),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def records(results: Path) -> int:
    try:
        with results.open("rb") as handle:
            return sum(1 for _ in handle)
    except FileNotFoundError:
        return 0


def interrupt_when(process: subprocess.Popen[str], results: Path, at: int, how: str) -> bool:
    """Interrupt ``process`` once the journal holds ``at`` records; False if it ended first."""
    deadline = time.monotonic() + 60
    while process.poll() is None and records(results) < at:
        if time.monotonic() > deadline:
            raise AssertionError("the run made no progress")
        time.sleep(0.002)
    if process.poll() is not None:
        return False
    if how == "kill":
        process.send_signal(signal.SIGKILL)
    else:
        process.send_signal(signal.SIGINT)
        if how == "twice":
            time.sleep(0.01)
            process.send_signal(signal.SIGINT)
    return True


def in_flight(results: Path) -> list[int]:
    """Lines whose last record says only that their request was going out."""
    return [
        line
        for line, record in final_state(results).items()
        if record["result"] == "unknown" and "error" not in record
    ]


def final_state(results: Path) -> dict[int, dict[str, object]]:
    state: dict[int, dict[str, object]] = {}
    for raw in results.read_text().splitlines():
        record = json.loads(raw)
        state[record["line"]] = record
    return state


@pytest.mark.parametrize(("how", "seed"), [("kill", 1), ("kill", 2), ("ctrl-c", 3), ("twice", 4)])
def test_interrupted_runs_send_every_message_exactly_once(
    server: FakeServer, tmp_path: Path, how: str, seed: int
) -> None:
    rng = random.Random(seed)  # noqa: S311 - kill points, not secrets
    orders, results = tmp_path / "orders.jsonl", tmp_path / "results.jsonl"
    wanted = write_orders(orders)
    inject_faults(server, rng)
    interrupted = 0
    stderr: list[str] = []
    for _ in range(5):
        # Cut the run once it has written this many more records (about two per message).
        point = records(results) + rng.randrange(20, 700)
        process = start(server, orders, results)
        cut = interrupt_when(process, results, point, how)
        interrupted += cut
        _, err = process.communicate(timeout=60)
        stderr.append(err)
        if how == "ctrl-c" and cut:
            # A graceful stop: no new request, and every request in flight was recorded.
            assert process.returncode == 130, err
            assert "stopped by Ctrl-C" in err
            assert "Traceback" not in err
            assert in_flight(results) == []
            assert len(final_state(results)) < LINES  # it stopped early
        assert process.returncode in (0, 1, 130, -signal.SIGKILL), err
    assert interrupted == 5  # the run really was cut each time

    for _ in range(5):  # rerun to the end, as a user would
        process = start(server, orders, results)
        _, err = process.communicate(timeout=120)
        stderr.append(err)
        if process.returncode == 0:
            break
    assert process.returncode == 0, err

    sent = Counter((m["to"], m["text"]) for m in server.fake.sent)
    twice = {key: n for key, n in sent.items() if n > 1}
    lost = [key for key in wanted if key not in sent]
    assert twice == {}, f"{len(twice)} messages sent more than once"
    assert lost == [], f"{len(lost)} messages never sent"
    assert len(server.fake.sent) == LINES

    looked_up = re.findall(r"looked up: (\d+) found sent, (\d+) absent", "".join(stderr))
    print(  # the figures, with -s
        f"{how}: {interrupted} interruptions, {len(server.fake.requests)} requests, "
        f"{sum(int(f) for f, _ in looked_up)} found by lookup, "
        f"{sum(int(a) for _, a in looked_up)} absent and resent, 0 twice, 0 lost"
    )
    assert looked_up  # the run had sends in doubt to settle, and settled them

    state = final_state(results)
    assert sorted(state) == list(range(1, LINES + 1))
    assert Counter(record["result"] for record in state.values()) == {"accepted": LINES}
    ids = {(m["to"], m["text"]): m["id"] for m in server.fake.sent}
    for line, record in state.items():
        item = record["item"]
        assert isinstance(item, dict)
        assert record["id"] == ids[(item["to"], item["text"])], line
