"""Contract check (``make contract``): the facade against an independent mock of the spec.

Starts Stoplight Prism (pinned, through ``npx``) as a mock server of ``spec/messaging.yaml`` on
loopback, with request validation turned into errors, and calls every public facade method
(both send shapes, get, list with every filter, redact). Fails when Prism reports a request
that does not match the spec, or when the facade cannot parse one of Prism's answers. Without
Node.js it says so and exits 0, so ``make test`` still runs everywhere.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import bandwidth
import httpx

ROOT = Path(__file__).resolve().parent.parent
SPEC = ROOT / "spec" / "messaging.yaml"
PRISM = "@stoplight/prism-cli@5.16.0"
# Prism says this for every request or answer that breaks the spec.
VIOLATION = re.compile(r"Violation|✖")


class ToPrism(httpx.BaseTransport):
    """Maps the facade's requests onto Prism's routes, which leave out the server's base path
    (``/v1``), and asks for the bulk answer (``202``) when the body is an array: Prism answers
    the first success status of an operation unless told (``Prefer: code=...``)."""

    def __init__(self, inner: httpx.BaseTransport) -> None:
        self.inner = inner

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        request.url = request.url.copy_with(path=request.url.path.removeprefix("/v1"))
        if request.method == "POST" and request.content.lstrip().startswith(b"["):
            request.headers["Prefer"] = "code=202"
        return self.inner.handle_request(request)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port: int = sock.getsockname()[1]
        return port


def start_prism(port: int) -> tuple[subprocess.Popen[str], list[str]]:
    command = [
        "npx",
        "--yes",
        PRISM,
        "mock",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
        "--errors",
        str(SPEC),
    ]
    process = subprocess.Popen(  # noqa: S603 - a pinned tool with fixed arguments
        command,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
        env={**os.environ, "NO_COLOR": "1", "FORCE_COLOR": "0"},
    )
    lines: list[str] = []
    ready = threading.Event()

    def read() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.append(line.rstrip())
            if "Prism is listening" in line:
                ready.set()

    threading.Thread(target=read, daemon=True).start()
    if not ready.wait(timeout=180):
        stop(process)
        raise SystemExit("Prism did not start:\n" + "\n".join(lines[-30:]))
    return process, lines


def stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)


def calls(api: bandwidth.Client) -> list[tuple[str, Callable[[], object]]]:
    since = dt.datetime(2014, 5, 25, 12, 0, tzinfo=dt.UTC)
    return [
        (
            "send_message (one message, every parameter)",
            lambda: api.send_message(
                "+19195551212",
                "+19195551213",
                "SMS message",
                media=["https://cat.com/cat.png"],
                receipt_requested="none",
                callback_url="https://app.example/cb",
                callback_http_method="POST",
                callback_timeout=10000,
                fallback_url="https://app.example/fallback",
                tag="t-1",
            ),
        ),
        # Two items: Prism's 202 is the spec's example, which has two results.
        (
            "send_messages (an array)",
            lambda: api.send_messages(
                [
                    {"from": "+1234567980", "to": "+1234567981", "text": "SMS message"},
                    {
                        "from": "+1234567980",
                        "to": "+1234567982",
                        "text": "SMS message2",
                        "receipt_requested": "all",
                        "callback_url": "https://app.example/cb",
                    },
                ]
            ),
        ),
        ("get_message", lambda: api.get_message("m-na6cpyjf2qcpz6l3drhcx7y")),
        (
            "list_messages (every filter)",
            lambda: list(
                api.list_messages(
                    from_="+19195551212",
                    to="+19195551213",
                    from_date_time=since,
                    to_date_time="2014-05-26",
                    direction="in",
                    state="received",
                    delivery_state="waiting",
                    sort_order="asc",
                    size=1000,
                    limit=10,
                )
            ),
        ),
        ("list_messages (no filter)", lambda: list(api.list_messages(limit=10))),
        ("redact_message", lambda: api.redact_message("m-na6cpyjf2qcpz6l3drhcx7y")),
    ]


def account_calls(api: bandwidth.account.Client) -> list[tuple[str, Callable[[], object]]]:
    """The Account operations, each with every argument it takes."""
    return [
        ("get_account", api.get_account),
        (
            "list_account_transactions (every filter)",
            lambda: list(
                api.list_account_transactions(
                    max_items=5,
                    to_date="2013-02-21T13:40:00Z",
                    from_date="2013-02-21T13:38:00Z",
                    trans_type="charge",
                    size=100,
                    number="+19191231234",
                )
            ),
        ),
        ("list_applications", lambda: list(api.list_applications(size=10))),
        (
            "create_application (every parameter)",
            lambda: api.create_application(
                "MyFirstApp",
                incoming_call_url="https://app.example/calls",
                incoming_call_url_callback_timeout=5000,
                incoming_call_fallback_url="https://app.example/calls-fallback",
                incoming_message_url="https://app.example/messages",
                incoming_message_url_callback_timeout=5000,
                incoming_message_fallback_url="https://app.example/messages-fallback",
                callback_http_method="POST",
                auto_answer=True,
            ),
        ),
        ("get_application", lambda: api.get_application("a-j4f2jz53mq")),
        ("update_application", lambda: api.update_application("a-j4f2jz53mq", name="Renamed")),
        ("delete_application", lambda: api.delete_application("a-j4f2jz53mq")),
        (
            "search_available_local_numbers (every filter)",
            lambda: api.search_available_local_numbers(
                city="Raleigh",
                state="NC",
                zip_code="27606",
                area_code="919",
                local_number="555",
                in_local_calling_area=True,
                quantity=3,
                pattern="*456",
            ),
        ),
        (
            "search_available_toll_free_numbers",
            lambda: api.search_available_toll_free_numbers(quantity=3, pattern="*456"),
        ),
        (
            "search_and_order_local_numbers",
            lambda: api.search_and_order_local_numbers(area_code="919", quantity=1),
        ),
        ("search_and_order_toll_free_numbers", lambda: api.search_and_order_toll_free_numbers(1)),
        (
            "list_phone_numbers (every filter)",
            lambda: list(
                api.list_phone_numbers(
                    application_id="a-1",
                    state="NC",
                    name="home",
                    city="RALEIGH",
                    number_state="enabled",
                    size=10,
                )
            ),
        ),
        (
            "order_phone_number (every parameter)",
            lambda: api.order_phone_number(
                "+19195551212", name="home", application_id="a-1", fallback_number="+19195550000"
            ),
        ),
        ("get_phone_number (by number)", lambda: api.get_phone_number("+19195551212")),
        ("update_phone_number", lambda: api.update_phone_number("n-1", application_id="")),
        ("delete_phone_number", lambda: api.delete_phone_number("n-1")),
        ("get_number_info", lambda: api.get_number_info("+19195551212")),
        ("list_media_files", lambda: list(api.list_media_files())),
        ("upload_media_file", lambda: api.upload_media_file("dog.jpg", b"...", "image/jpeg")),
        ("download_media_file", lambda: api.download_media_file("dog.jpg")[1]),
        ("delete_media_file", lambda: api.delete_media_file("dog.jpg")),
        ("list_errors", lambda: list(api.list_errors(size=10))),
        ("get_error", lambda: api.get_error("ue-upvfv53xzca")),
    ]


def main() -> int:
    if shutil.which("npx") is None:
        print(
            "contract check skipped: Node.js (npx) is not installed; it runs Prism, the "
            "independent mock server of the spec"
        )
        return 0
    port = free_port()
    process, log = start_prism(port)
    failures: list[str] = []
    try:
        http = httpx.Client(transport=ToPrism(httpx.HTTPTransport()))
        api = bandwidth.client(
            "messaging",
            "u-user",
            "t-token",
            "s-secret",
            api_endpoint=f"http://127.0.0.1:{port}",
            http_client=http,
            max_retries=0,
        )
        account_api = bandwidth.account.Client(
            "u-user",
            "t-token",
            "s-secret",
            api_endpoint=f"http://127.0.0.1:{port}",
            http_client=http,
            max_retries=0,
        )
        every = [*calls(api), *account_calls(account_api)]
        for name, call in every:
            seen = len(log)
            try:
                result = call()
            except bandwidth.BandwidthError as error:
                failures.append(f"{name}: the facade raised {type(error).__name__}: {error}")
                continue
            time.sleep(0.2)  # let Prism's log of this request arrive
            violations = [line for line in log[seen:] if VIOLATION.search(line)]
            if violations:
                failures.append(f"{name}: Prism reports\n    " + "\n    ".join(violations))
            else:
                print(f"ok  {name}: {str(result)[:100]}")
    finally:
        stop(process)
    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    print(f"contract: {len(every) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main())
