"""Sending at the rate the account allows: how close the SDK comes to the limits, and how often
the API refuses it, against the package's stand-in enforcing Bandwidth's documented limits
(served in a separate process on loopback: account 5 messages/s with a burst of 15, 1 message/s
per long-code number).

Each row sends a campaign and reports the seconds it took beside the least the limits allow
(the burst at once, then the account's rate), their ratio (the share of the allowed rate
achieved), and the refusals for rate per 100 messages (as the stand-in counts them).

    make bench                      # or: .venv/bin/python bench/rates.py
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import bandwidth
from run import start_server

USER, TOKEN, SECRET = "u-user", "t-token", "s-secret"
RATE, BURST, PER_NUMBER = 5, 15, 1
CONFIGURED: bandwidth.ClientOptions = {
    "max_messages_per_second": RATE,
    "rate_burst": BURST,
    "per_number_messages_per_second": PER_NUMBER,
}
TARGET_CONFIGURED, TARGET_LEARNING, MOST_REFUSALS = 0.90, 0.50, 2.0


def campaign(count: int, numbers: int, prefix: str = "") -> list[bandwidth.SendMessageItem]:
    return [
        {
            "from": f"+1919555{prefix}{i % numbers:03d}",
            "to": f"+1919666{prefix}{i:03d}",
            "text": f"Sale {i}",
        }
        for i in range(count)
    ]


def allowed_seconds(messages: int) -> float:
    """The least time the account's limits allow for ``messages``: the burst at once, then
    one message every 1/RATE seconds."""
    return max(0, messages - BURST) / RATE


class StandIn:
    """The stand-in, enforcing the limits, in a process of its own."""

    def __enter__(self) -> StandIn:
        limits = ["--messages-per-second", str(RATE), "--burst", str(BURST)]
        self.process, self.url = start_server(0, 0, *limits, "--per-number-rate", str(PER_NUMBER))
        return self

    def refused(self) -> int:
        """Stop it; the refusals for rate it counted."""
        self.process.send_signal(signal.SIGINT)
        out, _ = self.process.communicate(timeout=30)
        # "sends: N accepted, M refused for rate"
        return int(out.strip().splitlines()[-1].split(", ")[1].split()[0])

    def __exit__(self, *exc_info: object) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


def env_for(url: str, store: str) -> dict[str, str]:
    return {
        **os.environ,
        "BANDWIDTH_USER_ID": USER,
        "BANDWIDTH_API_TOKEN": TOKEN,
        "BANDWIDTH_API_SECRET": SECRET,
        "BANDWIDTH_API_ENDPOINT": url,
        "BANDWIDTH_RATE_LIMITS_URL": store,
    }


def one_client(asynchronous: bool, options: bandwidth.ClientOptions) -> Callable[[str], int]:
    def run(url: str) -> int:
        items = campaign(60, 20)
        settings: bandwidth.ClientOptions = {
            **options,
            "api_endpoint": url,
            "rate_limits_url": "memory://",
        }
        if not asynchronous:
            with bandwidth.client("messaging", USER, TOKEN, SECRET, **settings) as c:
                results = c.send_messages(items)
        else:

            async def send() -> list[bandwidth.SendResult]:
                async with bandwidth.async_client(
                    "messaging", USER, TOKEN, SECRET, **settings
                ) as c:
                    return await c.send_messages(items)

            results = asyncio.run(send())
        assert all(r["result"] == "accepted" for r in results)
        return len(results)

    return run


def command_line(rates: list[str]) -> Callable[[str], int]:
    def run(url: str) -> int:
        with tempfile.TemporaryDirectory() as workdir:
            path = Path(workdir) / "campaign.jsonl"
            path.write_text("".join(json.dumps(item) + "\n" for item in campaign(60, 20)))
            cli = str(Path(sys.executable).parent / "bandwidth-messaging")
            done = subprocess.run(  # noqa: S603 - a fixed argv
                [cli, *rates, "send-bulk", str(path)],
                env=env_for(url, "memory://"),
                capture_output=True,
                text=True,
                check=False,
            )
            assert done.returncode == 0, done.stderr
        return 60

    return run


WORKER = """
import sys, bandwidth
worker, configured = sys.argv[1], sys.argv[2] == "1"
options = {"max_messages_per_second": 5, "rate_burst": 15, "per_number_messages_per_second": 1}
with bandwidth.client("messaging", **(options if configured else {})) as client:
    for i in range(25):
        client.send_message(f"+1919555{worker}{i % 5:02d}", f"+1919666{worker}{i:02d}", "hi")
"""


def processes(store: str, configured: bool) -> Callable[[str], int]:
    """4 processes at once, 25 single sends each (from 5 numbers each), sharing ``store``."""

    def run(url: str) -> int:
        started = [
            subprocess.Popen(  # noqa: S603 - a fixed argv
                [sys.executable, "-c", WORKER, str(w), "1" if configured else "0"],
                env=env_for(url, store),
            )
            for w in range(4)
        ]
        assert [p.wait(timeout=300) for p in started] == [0] * 4
        return 100

    return run


def redis_server() -> tuple[subprocess.Popen[bytes], str] | None:
    server = shutil.which("redis-server")
    if server is None:
        return None
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(  # noqa: S603 - a fixed argv
        [server, "--bind", "127.0.0.1", "--port", str(port), "--save", "", "--appendonly", "no"],
        stdout=subprocess.DEVNULL,
    )
    time.sleep(0.5)
    return process, f"redis://127.0.0.1:{port}/0"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", default="", metavar="TEXT", help="rows whose name has TEXT")
    args = parser.parse_args()
    rate_flags = [
        "--max-messages-per-second",
        str(RATE),
        "--rate-burst",
        str(BURST),
        "--per-number-messages-per-second",
        str(PER_NUMBER),
    ]
    redis = redis_server()
    rows: list[tuple[str, Callable[[str], int], float]] = [
        ("sync client, 60 from 20 numbers, nothing configured", one_client(False, {}), 0.5),
        ("sync client, rates configured", one_client(False, CONFIGURED), 0.9),
        ("async client, nothing configured", one_client(True, {}), 0.5),
        ("async client, rates configured", one_client(True, CONFIGURED), 0.9),
        ("send-bulk (CLI), nothing configured", command_line([]), 0.5),
        ("send-bulk (CLI), rates configured", command_line(rate_flags), 0.9),
    ]
    with tempfile.TemporaryDirectory() as workdir:
        store = f"sqlite://{Path(workdir) / 'rate-limits.sqlite3'}"
        rows += [
            ("4 processes x 25 sends, embedded store, configured", processes(store, True), 0.9),
            (
                "4 processes x 25 sends, embedded store, nothing configured",
                processes(store, False),
                0.5,
            ),
        ]
        if redis is not None:
            rows += [("4 processes x 25 sends, Redis, configured", processes(redis[1], True), 0.9)]
        failed = False
        print(
            f"{'scenario':<58} {'s':>7} {'least s':>8} {'of rate':>8} {'target':>7} "
            f"{'refused/100':>12}"
        )
        try:
            for name, run, target in rows:
                if args.only not in name:
                    continue
                with StandIn() as stand_in:
                    start = time.perf_counter()
                    messages = run(stand_in.url)
                    seconds = time.perf_counter() - start
                    refused = 100 * stand_in.refused() / messages
                achieved = allowed_seconds(messages) / seconds
                ok = achieved >= target and (target < 0.9 or refused <= MOST_REFUSALS)
                failed |= not ok
                print(
                    f"{name:<58} {seconds:>7.1f} {allowed_seconds(messages):>8.1f} "
                    f"{achieved:>8.0%} {'>=' + format(target, '.0%'):>7} {refused:>12.1f}"
                    f"{'' if ok else '  MISSED'}",
                    flush=True,
                )
        finally:
            if redis is not None:
                redis[0].terminate()
                redis[0].wait()
    if redis is None:
        print("the Redis row needs redis-server (apt-get install redis-server)")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
