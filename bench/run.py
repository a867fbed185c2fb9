"""What the SDK costs on top of httpx: each scenario through the SDK and through a raw pooled
``httpx.Client`` making the same requests, against the package's stand-in of the API served in a
separate process on loopback. Prints medians and SDK/raw ratios beside the targets.

    make bench                      # or: .venv/bin/python bench/run.py --repeat 5
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import gc
import json
import math
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable

import bandwidth
import httpx

USER, TOKEN, SECRET = "u-user", "t-token", "s-secret"
AUTH = {
    "Authorization": "Basic " + base64.b64encode(f"{TOKEN}:{SECRET}".encode()).decode(),
    "User-Agent": "bench",
    "Accept": "application/json",
}
MESSAGE = {"from": "+1234567980", "to": "+1234567981", "text": "SMS message"}


def start_server(
    messages: int, latency_ms: float = 0, *more: str
) -> tuple[subprocess.Popen[str], str]:
    """The stand-in in a process of its own (``more``: further ``serve`` options); its URL."""
    process = subprocess.Popen(  # noqa: S603 - fixed argv
        [
            sys.executable,
            "-m",
            "bandwidth.testing",
            "serve",
            "--port",
            "0",
            "--messages",
            str(messages),
            "--latency-ms",
            str(latency_ms),
            *more,
        ],
        stdout=subprocess.PIPE,
        text=True,
    )
    assert process.stdout is not None
    url = process.stdout.readline().strip().rsplit(" ", 1)[-1]
    return process, url


def timed(run: Callable[[], object]) -> float:
    gc.collect()
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


class Calls:
    """The same requests made through the SDK and through a raw pooled ``httpx.Client``."""

    def __init__(self, url: str, counts: dict[str, int]) -> None:
        self.url, self.counts = url, counts
        self.base = f"{url}/v1/users/{USER}/messages"
        self.sdk = bandwidth.client("messaging", USER, TOKEN, SECRET, api_endpoint=url)
        self.raw = httpx.Client(headers=AUTH, timeout=30.0)
        self.message_id = self.sdk.send_message("+1234567980", "+1234567981", "SMS message")
        self.bulk_items: list[bandwidth.SendMessageItem] = [
            {"from": "+1234567980", "to": f"+1{i:010d}", "text": "SMS message"}
            for i in range(counts["bulk"])
        ]

    def sdk_get(self) -> None:
        for _ in range(self.counts["get"]):
            self.sdk.get_message(self.message_id)

    def raw_get(self) -> None:
        for _ in range(self.counts["get"]):
            self.raw.get(f"{self.base}/{self.message_id}").json()

    def sdk_send(self) -> None:
        for _ in range(self.counts["send"]):
            self.sdk.send_message(from_="+1234567980", to="+1234567981", text="SMS message")

    def raw_send(self) -> None:
        for _ in range(self.counts["send"]):
            self.raw.post(self.base, json=MESSAGE).headers["Location"].rsplit("/", 1)[-1]

    def sdk_list(self) -> None:
        n = sum(1 for _ in self.sdk.list_messages(direction="in", size=1000))
        assert n == self.counts["list"], n

    def raw_list(self) -> None:
        next_url: str | None = f"{self.base}?direction=in&sortOrder=desc&size=1000"
        n = 0
        while next_url:
            response = self.raw.get(next_url)
            n += len(response.json())
            next_url = response.links.get("next", {}).get("url")
        assert n == self.counts["list"], n

    def sdk_bulk(self) -> None:
        results = self.sdk.send_messages(self.bulk_items)
        assert all(r["result"] == "accepted" for r in results)

    def raw_bulk(self) -> None:
        for start in range(0, len(self.bulk_items), 50):
            self.raw.post(self.base, json=self.bulk_items[start : start + 50]).json()

    def sdk_bulk_async(self) -> None:
        async def run() -> None:
            async with bandwidth.async_client(
                "messaging", USER, TOKEN, SECRET, api_endpoint=self.url
            ) as client:
                results = await client.send_messages(self.bulk_items, concurrency=8)
            assert all(r["result"] == "accepted" for r in results)

        asyncio.run(run())


def measure(
    pairs: dict[str, tuple[Callable[[], object], Callable[[], object]]],
    repeat: int,
    only: str = "",
) -> list[tuple[str, float, float]]:
    rows = []
    for name, (sdk_run, raw_run) in pairs.items():
        if only not in name:
            continue
        sdk_run()  # warm up connections and caches
        # A short scenario (a bulk send of 1000 takes 30 ms) is run until each side has had
        # about a second, so that one hiccup of the machine does not decide its median.
        runs = max(repeat, min(50, math.ceil(1.0 / max(timed(raw_run), 1e-3))))
        sdk_times, raw_times = [], []
        for _ in range(runs):  # interleaved, so drift hits both alike
            sdk_times.append(timed(sdk_run))
            raw_times.append(timed(raw_run))
        rows.append((name, statistics.median(sdk_times), statistics.median(raw_times)))
    return rows


def import_time(module: str, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", f"import {module}"], check=True)  # noqa: S603
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def listing_memory(total: int) -> float:
    """Peak MiB allocated while listing ``total`` messages from pages made on the fly."""
    page_size = 1000
    page = json.dumps(
        [
            {
                "id": f"m-{i:025d}",
                "messageId": f"m-{i:025d}",
                "from": "+19193047864",
                "to": "+19191234567",
                "text": "Hey there",
                "direction": "in",
                "state": "received",
                "time": "2017-02-01T21:10:32Z",
                "media": [],
                "skipMMSCarrierValidation": True,
            }
            for i in range(page_size)
        ]
    ).encode()
    pages = total // page_size

    def answer(request: httpx.Request) -> httpx.Response:
        number = int(request.url.params.get("page", "0"))
        headers = {}
        if number + 1 < pages:
            headers["Link"] = f'<{request.url.copy_set_param("page", str(number + 1))}>; rel="next"'
        return httpx.Response(200, content=page, headers=headers)

    client = bandwidth.client(
        "messaging",
        USER,
        TOKEN,
        SECRET,
        http_client=httpx.Client(transport=httpx.MockTransport(answer)),
    )
    gc.collect()
    tracemalloc.start()
    count = sum(1 for _ in client.list_messages(size=page_size))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == total
    return peak / 2**20


def send_bulk_cli(lines: int, workdir: str) -> tuple[float, float, float]:
    """``bandwidth-messaging send-bulk`` of ``lines`` messages against a fresh stand-in:
    (seconds, messages per second, peak RSS of the CLI process in MiB), and the same file
    sent by a raw ``httpx`` loop (50 to a request, no journal): its messages per second."""
    import os
    from pathlib import Path

    path = Path(workdir) / "bulk.jsonl"
    with path.open("w") as out:
        for i in range(lines):
            out.write(
                json.dumps({"from": "+19195550100", "to": f"+1{i:010d}", "text": f"Order {i}"})
                + "\n"
            )
    server, url = start_server(0)
    try:
        env = {
            **os.environ,
            "BANDWIDTH_USER_ID": USER,
            "BANDWIDTH_API_TOKEN": TOKEN,
            "BANDWIDTH_API_SECRET": SECRET,
            "BANDWIDTH_API_ENDPOINT": url,
        }
        cli = str(Path(sys.executable).parent / "bandwidth-messaging")
        start = time.perf_counter()
        process = subprocess.Popen(  # noqa: S603 - fixed argv
            [cli, "send-bulk", str(path)], env=env, stderr=subprocess.PIPE, text=True
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        assert process.returncode == 0, process.stderr.read() if process.stderr else ""
    finally:
        server.terminate()
        server.wait(timeout=30)
    server, url = start_server(0)
    try:
        base = f"{url}/v1/users/{USER}/messages"
        with httpx.Client(headers=AUTH, timeout=30.0) as raw, path.open() as source:
            raw_start = time.perf_counter()
            batch: list[object] = []
            for line in source:
                batch.append(json.loads(line))
                if len(batch) == 50:
                    raw.post(base, json=batch).json()
                    batch = []
            if batch:
                raw.post(base, json=batch).json()
            raw_seconds = time.perf_counter() - raw_start
    finally:
        server.terminate()
        server.wait(timeout=30)
    return lines / seconds, lines / raw_seconds, usage.ru_maxrss / 1024


TARGETS = {
    "get_message": 1.05,
    "send_message": 1.05,
    "list": 1.25,
    "bulk send 1000 (sync)": 1.10,
    "bulk send 1000 (async, 8 in flight) vs raw sequential, 20 ms": 0.5,
}
LATENCY_MS = 20


def target_for(name: str) -> float | None:
    return next((v for k, v in TARGETS.items() if name.startswith(k)), None)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs of each scenario (median)")
    parser.add_argument("--quick", action="store_true", help="smaller counts, for a smoke run")
    parser.add_argument(
        "--bulk-lines", type=int, help="lines of the send-bulk row (default 1,000,000)"
    )
    parser.add_argument(
        "--only",
        default="",
        metavar="TEXT",
        help="run only the scenarios whose name contains TEXT (say, 'bulk send 1000 (sync)')",
    )
    args = parser.parse_args()
    counts = {"get": 2000, "send": 1000, "list": 20000, "bulk": 1000}
    if args.quick:
        counts = {"get": 200, "send": 100, "list": 2000, "bulk": 1000}
    server, url = start_server(counts["list"])
    try:
        calls = Calls(url, counts)
        rows = measure(
            {
                f"get_message x{counts['get']}": (calls.sdk_get, calls.raw_get),
                f"send_message x{counts['send']}": (calls.sdk_send, calls.raw_send),
                f"list {counts['list']} (size=1000)": (calls.sdk_list, calls.raw_list),
                f"bulk send {counts['bulk']} (sync)": (calls.sdk_bulk, calls.raw_bulk),
                f"bulk send {counts['bulk']} (async, 8 in flight) vs raw sequential": (
                    calls.sdk_bulk_async,
                    calls.raw_bulk,
                ),
            },
            args.repeat,
            args.only,
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
    # What concurrency is for: overlapping the network's and the API's latency.
    server, url = start_server(0, LATENCY_MS)
    try:
        calls = Calls(url, counts)
        rows += measure(
            {
                f"bulk send {counts['bulk']} (async, 8 in flight) vs raw sequential, "
                f"{LATENCY_MS} ms": (calls.sdk_bulk_async, calls.raw_bulk),
                f"bulk send {counts['bulk']} (sync), {LATENCY_MS} ms": (
                    calls.sdk_bulk,
                    calls.raw_bulk,
                ),
            },
            args.repeat,
            args.only,
        )
    finally:
        server.terminate()
        server.wait(timeout=10)
    table = [(name, sdk_s, raw_s, target_for(name)) for name, sdk_s, raw_s in rows]
    importing = "python -c 'import bandwidth' vs httpx"
    if args.only in importing:
        table.append(
            (
                importing,
                import_time("bandwidth", args.repeat),
                import_time("httpx", args.repeat),
                1.3,
            )
        )
    failed = False
    print(f"{'scenario':<70} {'SDK s':>9} {'raw s':>9} {'ratio':>7} {'target':>7}")
    for name, sdk_s, raw_s, target in table:
        ratio = sdk_s / raw_s
        ok = target is None or ratio <= target
        failed |= not ok
        print(
            f"{name:<70} {sdk_s:>9.3f} {raw_s:>9.3f} {ratio:>7.2f} "
            f"{'<=' + format(target, '.2f') if target else '':>7} {'' if ok else 'MISSED'}"
        )
    total = 1_000_000 if not args.quick else 100_000
    memory = f"listing {total:,} messages: peak MiB"
    if args.only in memory:
        peak = listing_memory(total)
        print(
            f"{memory:<70} {peak:>9.1f} {'':>9} {'':>7} {'<50':>7} {'' if peak < 50 else 'MISSED'}"
        )
        failed |= peak >= 50
    import tempfile

    lines = (
        args.bulk_lines if args.bulk_lines is not None else (100_000 if args.quick else 1_000_000)
    )
    rate_row = f"send-bulk {lines:,} lines (journaled): messages/s"
    rss_row = f"send-bulk {lines:,} lines: peak RSS of the CLI, MiB"
    if args.only in rate_row or args.only in rss_row:
        with tempfile.TemporaryDirectory() as workdir:
            rate, raw_rate, rss = send_bulk_cli(lines, workdir)
        print(f"{rate_row:<70} {rate:>9.0f} {raw_rate:>9.0f} {rate / raw_rate:>7.2f}")
        print(
            f"{rss_row:<70} {rss:>9.1f} {'':>9} {'':>7} {'<100':>7} {'' if rss < 100 else 'MISSED'}"
        )
        failed |= rss >= 100
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
