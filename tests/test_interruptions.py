"""A bulk send killed or interrupted at any point, with faults, then rerun until it finishes:
every line's message reaches the API exactly once, as the stand-in itself counts."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from bandwidth.testing import FakeServer, Fault

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
        lambda: Fault.rate_limited(retry_after=0.05, method="POST"),
        lambda: Fault.rate_limited(retry_after=0.05, method="GET"),  # lookups refused too
    ]
    for _ in range(14):
        fault = rng.choice(makers)()
        fault.after = rng.randrange(0, 4)
        server.fake.inject(fault)


def environment(server: FakeServer) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("BANDWIDTH_")}
    env.update(
        BANDWIDTH_USER_ID="u-user",
        BANDWIDTH_API_TOKEN="t-token",
        BANDWIDTH_API_SECRET="s-secret",
        BANDWIDTH_API_ENDPOINT=server.url,
    )
    return env


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
        env=environment(server),
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
    for _ in range(5):
        # Cut the run once it has written this many more records (about two per message).
        point = records(results) + rng.randrange(20, LINES)
        process = start(server, orders, results)
        if interrupt_when(process, results, point, how):
            interrupted += 1
        _, err = process.communicate(timeout=60)
        if how == "ctrl-c" and process.returncode == 130:
            assert "stopped by Ctrl-C" in err
            assert "Traceback" not in err
        assert process.returncode in (0, 1, 130, -signal.SIGKILL), err
    assert interrupted >= 3  # the run really was cut several times

    for _ in range(5):  # rerun to the end, as a user would
        process = start(server, orders, results)
        _, err = process.communicate(timeout=120)
        if process.returncode == 0:
            break
    assert process.returncode == 0, err

    sent = Counter((m["to"], m["text"]) for m in server.fake.sent)
    twice = {key: n for key, n in sent.items() if n > 1}
    lost = [key for key in wanted if key not in sent]
    assert twice == {}, f"{len(twice)} messages sent more than once"
    assert lost == [], f"{len(lost)} messages never sent"
    assert len(server.fake.sent) == LINES

    state = final_state(results)
    assert sorted(state) == list(range(1, LINES + 1))
    assert Counter(record["result"] for record in state.values()) == {"accepted": LINES}
    ids = {(m["to"], m["text"]): m["id"] for m in server.fake.sent}
    for line, record in state.items():
        item = record["item"]
        assert isinstance(item, dict)
        assert record["id"] == ids[(item["to"], item["text"])], line
