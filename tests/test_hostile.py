"""Hostile servers, damaged files and odd input: nothing lost, nothing leaked, nothing hangs.
Each test is a way the SDK once lost data, followed where it should not, hung, ran out of
memory, leaked or crashed."""

from __future__ import annotations

import asyncio
import gzip
import json
import pickle
import resource
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import bandwidth
import httpx
import pytest
from bandwidth._client import MAX_ANSWER_BYTES
from bandwidth.testing import FakeMessagingAPI, FakeServer
from pytest_httpx import HTTPXMock

from .helpers import AUTH, BASE, NEWEST_FIRST, SECRET, Api, stand_in_env

SCRIPT = str(Path(sys.executable).parent / "bandwidth-messaging")
SEND = {"from_": "+1234567980", "to": "+1234567981", "text": "SMS message"}
ITEM = {"from": "+19195550100", "to": "+19195550001", "text": "hi"}


def cli(server: FakeServer, *args: str, **run: Any) -> subprocess.CompletedProcess[str]:
    """``bandwidth-messaging ARGS`` against the stand-in, its output captured."""
    return subprocess.run(
        [SCRIPT, *args],
        env=stand_in_env(server.url),
        capture_output=True,
        text=True,
        check=False,
        **run,
    )


# -- the journal never changes a file that is not its own ------------------------------------


@pytest.mark.parametrize(
    "content",
    [
        "from,to,text\n+19195550100,+19195550001,hello\nlast line, no newline",
        "my notes, one line and no newline",
        '{"from": "+1", "to": "+2", "text": "a bulk line, not a record"}\n',
    ],
)
def test_a_file_that_is_not_a_journal_is_refused_untouched(tmp_path: Path, content: str) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text(content)
    with pytest.raises(bandwidth.JournalError, match="is not a journal"):
        bandwidth.Journal(notes)
    assert notes.read_text() == content


def test_a_symbolic_link_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    target = tmp_path / "precious.txt"
    target.write_text("keep me\nand me")
    link = tmp_path / "results.jsonl"
    link.symlink_to(target)
    with pytest.raises(bandwidth.JournalError, match="symbolic link"):
        bandwidth.Journal(link)
    assert target.read_text() == "keep me\nand me"


def test_a_journal_whose_first_record_was_torn_opens_and_is_cut(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    path.write_text('{"line": 1, "result": "unkn')  # killed inside its first write
    with bandwidth.Journal(path) as journal:
        assert journal.counts() == {"accepted": 0, "error": 0, "unknown": 0}
    assert path.read_text() == ""


def test_damaged_line_numbers_are_passed_over_not_fatal(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    good = {"line": 2, "result": "accepted", "item": ITEM, "id": "m-1"}
    records = [good, {**good, "line": -3}, {**good, "line": 10**11}, {**good, "line": 1e300}]
    path.write_text("".join(json.dumps(r) + "\n" for r in records) + "[" * 100_000 + "\n")
    with bandwidth.Journal(path) as journal:
        assert journal.counts()["accepted"] == 1
        assert journal.damaged == 4


def test_send_bulk_refuses_a_results_file_that_is_not_a_journal(
    server: FakeServer, tmp_path: Path
) -> None:
    orders = tmp_path / "orders.jsonl"
    orders.write_text(json.dumps(ITEM) + "\n")
    notes = tmp_path / "notes.txt"
    notes.write_text("line one\nline two, no newline")
    for results in (notes, orders):
        done = cli(server, "send-bulk", str(orders), "--results", str(results))
        assert done.returncode == 2, done.stderr
        assert done.stderr.startswith("bandwidth-messaging: "), done.stderr  # the one shape
        assert "Usage:" not in done.stderr
    assert notes.read_text() == "line one\nline two, no newline"
    assert orders.read_text() == json.dumps(ITEM) + "\n"
    assert server.fake.requests == []


def test_a_csv_error_names_its_line(server: FakeServer, tmp_path: Path) -> None:
    orders = tmp_path / "orders.csv"
    orders.write_text('from,to,text\n+19195550100,+19195550001,"bad"quote\n+1,+2,ok\n')
    done = cli(server, "send-bulk", str(orders))
    assert done.returncode == 2
    assert f"bandwidth-messaging: {orders}:2: not CSV" in done.stderr


def test_a_full_disk_ends_in_one_clear_message_and_the_rerun_sends_the_rest(
    server: FakeServer, tmp_path: Path
) -> None:
    orders = tmp_path / "orders.jsonl"
    lines = [{**ITEM, "to": f"+1919555{i:04d}", "text": f"Order {i}"} for i in range(300)]
    orders.write_text("".join(json.dumps(item) + "\n" for item in lines))

    def small_disk() -> None:  # files may not grow past 40 kB: the journal fills its "disk"
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (40_000, 40_000))

    full = cli(server, "send-bulk", str(orders), "--settle", "0.2", preexec_fn=small_disk)
    assert full.returncode == 1, full.stderr
    assert "Traceback" not in full.stderr
    assert "File too large" in full.stderr
    assert "rerun the same command" in full.stderr
    rerun = cli(server, "send-bulk", str(orders), "--settle", "0.2")
    assert rerun.returncode == 0, rerun.stderr
    sent = [m["to"] for m in server.fake.sent]
    assert sorted(sent) == sorted(item["to"] for item in lines)  # each exactly once


# -- answers the SDK cannot read for sure are in doubt, not "not sent" -----------------------


def test_an_unknown_bulk_result_is_in_doubt_and_reconciled(
    httpx_mock: HTTPXMock, bandwidth_waits: list[float]
) -> None:
    httpx_mock.add_response(
        method="POST",
        status_code=202,
        json=[
            {"result": "queued", "location": f"{BASE}/m-1"},
            {"result": "accepted"},  # accepted, with no location: which message is it?
            {"result": "accepted", "location": f"{BASE}/.."},
        ],
    )
    with bandwidth.client("messaging", "u-user", "t-token", "s-secret") as client:
        results = client.send_messages([ITEM, {**ITEM, "to": "+2"}, {**ITEM, "to": "+3"}])
    assert [r["result"] for r in results] == ["error"] * 3
    assert [r["may_have_been_sent"] for r in results] == [True] * 3
    assert [r["error"]["code"] for r in results] == ["unknown-result", "no-location", "no-location"]


def test_a_listing_that_ignores_its_filters_never_settles_a_send_with_another_number_s(
    bandwidth_waits: list[float],
) -> None:
    """A server (or a proxy) that drops the listing's ``from`` filter lists what other numbers
    sent to the same customer: the same text from another number is not this message."""
    fake = FakeMessagingAPI()
    real = fake.handle

    def unfiltered(request: httpx.Request, *, served: bool = False) -> httpx.Response:
        if request.method == "GET":
            params = request.url.params.remove("from")
            request = httpx.Request(
                "GET", request.url.copy_with(params=params), headers=request.headers
            )
        return real(request, served=served)

    fake.handle = unfiltered  # type: ignore[method-assign]
    with fake.client() as client:
        client.send_message("+19195550999", ITEM["to"], text=ITEM["text"])  # another number's
        fake.inject(bandwidth.testing.Fault(status=503, method="POST"))
        [result] = client.send_messages([ITEM])  # ours: refused before the API stored it
        client.reconcile([result], settle=0)
    assert len(fake.sent) == 1  # the listing showed only the other number's message
    assert result["result"] == "error"
    assert result["may_have_been_sent"] is False  # sent again, rather than taken as sent


def test_a_journal_looks_up_what_an_unknown_result_left_in_doubt(
    tmp_path: Path, bandwidth_waits: list[float]
) -> None:
    fake = FakeMessagingAPI()
    real = fake.handle

    def queued(request: httpx.Request, *, served: bool = False) -> httpx.Response:
        answer = real(request, served=served)
        if request.method == "POST" and answer.status_code == 202:
            body = answer.json()
            body[0]["result"] = "queued"  # a status a later API may add
            return httpx.Response(202, json=body)
        return answer

    fake.handle = queued  # type: ignore[method-assign]
    with bandwidth.Journal(tmp_path / "run.jsonl") as journal:
        results = list(journal.send(fake.client(), enumerate([ITEM], 1)))
        assert results[0]["may_have_been_sent"] is True
        assert journal.counts()["unknown"] == 1
        settled = journal.reconcile(fake.client(), settle=0)
        assert settled[0]["result"] == "accepted"
        assert journal.counts() == {"accepted": 1, "error": 0, "unknown": 0}
    assert len(fake.sent) == 1  # found, not sent again


# -- never followed where it should not go ---------------------------------------------------


@pytest.mark.parametrize(("status", "in_doubt"), [(307, False), (308, False), (302, True)])
def test_redirects_are_never_followed_whatever_client_is_lent(
    httpx_mock: HTTPXMock, status: int, in_doubt: bool
) -> None:
    httpx_mock.add_response(status_code=status, headers={"Location": "https://evil.example/x"})
    lent = httpx.Client(follow_redirects=True)
    api = bandwidth.client("messaging", "u-user", "t-token", "s-secret", http_client=lent)
    with pytest.raises(bandwidth.UnsafeRedirectError, match="never followed") as caught:
        api.send_message(**SEND)
    assert caught.value.may_have_been_sent is in_doubt
    fate = "the message may have been sent" if in_doubt else "nothing was sent"
    assert str(caught.value).endswith(
        f"to 'https://evil.example/x'; redirects are never followed; {fate}"
    )
    assert caught.value.request_body == {
        "from": SEND["from_"],
        "to": SEND["to"],
        "text": SEND["text"],
    }
    assert [r.url.host for r in httpx_mock.get_requests()] == ["api.catapult.inetwork.com"]


@pytest.mark.parametrize("message_id", [".", "..", " m-1", "m-1\n", "m\x1b-1"])
def test_ids_are_checked_as_ids(httpx_mock: HTTPXMock, message_id: str) -> None:
    with bandwidth.client("messaging", "u-user", "t-token", "s-secret") as api:
        with pytest.raises(bandwidth.InvalidValueError, match="message_id"):
            api.get_message(message_id)
        with pytest.raises(bandwidth.InvalidValueError, match="message_id"):
            api.redact_message(message_id)
    assert httpx_mock.get_requests() == []


def test_a_location_that_is_no_id_is_a_malformed_answer(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(status_code=201, headers={"Location": f"{BASE}/.."})
    api = bandwidth.client("messaging", "u-user", "t-token", "s-secret")
    with pytest.raises(bandwidth.MalformedResponseError, match="no message id") as caught:
        api.send_message(**SEND)
    assert caught.value.may_have_been_sent is True


def test_a_next_page_link_back_to_a_page_read_stops_with_an_error(
    httpx_mock: HTTPXMock, make_api: Callable[..., Api]
) -> None:
    httpx_mock.add_response(
        url=NEWEST_FIRST, json=[{"id": "m-1"}], headers={"Link": f'<{NEWEST_FIRST}>; rel="next"'}
    )
    with pytest.raises(bandwidth.MalformedResponseError, match="already read"):
        make_api()("list_messages")
    assert len(httpx_mock.get_requests()) == 1


# -- nothing hangs, nothing grows without bound ----------------------------------------------


@pytest.fixture(params=["body", "headers"])
def trickling(request: pytest.FixtureRequest) -> Iterator[str]:
    """A server on loopback that answers 200, then one byte every 0.3 s: of its body, or of
    its headers (which a per-read timeout alone never ends)."""
    head = (
        b"HTTP/1.1 200 OK\r\nContent-Length: 1000\r\n\r\n"
        if request.param == "body"
        else b"HTTP/1.1 200 OK\r\nX-Slow: "
    )
    listener = socket.create_server(("127.0.0.1", 0))
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            with connection:
                connection.recv(65536)
                connection.sendall(head)
                for _ in range(100):
                    if stop.wait(0.3):
                        break
                    try:
                        connection.sendall(b"a")
                    except OSError:
                        break

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}"
    stop.set()
    thread.join(timeout=5)
    listener.close()


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_trickling_answer_ends_at_the_calls_deadline(trickling: str, kind: str) -> None:
    options: dict[str, Any] = {"api_endpoint": trickling, "timeout": 1, "max_retries": 0}
    api = Api(kind, **options)
    started = time.monotonic()
    with pytest.raises(bandwidth.APITimeoutError, match="deadline"):
        api("get_message", "m-1")
    assert time.monotonic() - started < 6  # 4 phases of 1 s, the body's twice: 5 s at most


def test_an_answer_past_the_size_cap_is_malformed_not_read(
    httpx_mock: HTTPXMock, make_api: Callable[..., Api]
) -> None:
    httpx_mock.add_response(content=b"[" + b" " * MAX_ANSWER_BYTES + b"]")
    with pytest.raises(bandwidth.MalformedResponseError, match="larger than"):
        make_api(max_retries=0)("get_message", "m-1")


def gzipped(body: bytes) -> Callable[[str], Any]:
    """A sync or async client of an API that answers ``body``, gzip-compressed (as a server
    does: pytest-httpx hands the body over already read)."""
    content = gzip.compress(body, compresslevel=9)

    def answer(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, content=content, headers={"Content-Encoding": "gzip"})

    def make(kind: str) -> Any:
        transport = httpx.MockTransport(answer)
        if kind == "sync":
            lent: Any = httpx.Client(transport=transport)
            return bandwidth.client("messaging", "u", "t", "s", http_client=lent, max_retries=0)
        lent = httpx.AsyncClient(transport=transport)
        return bandwidth.async_client("messaging", "u", "t", "s", http_client=lent, max_retries=0)

    return make


def get_message(client: Any) -> Any:
    if isinstance(client, bandwidth.Client):
        return client.get_message("m-1")
    return asyncio.run(client.get_message("m-1"))


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_compression_bomb_is_stopped_at_the_cap(kind: str) -> None:
    bomb = gzipped(b"0" * (MAX_ANSWER_BYTES + 1_000_000))
    with pytest.raises(bandwidth.MalformedResponseError, match="larger than"):
        get_message(bomb(kind))


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_a_compressed_answer_is_read_as_usual(kind: str) -> None:
    fine = gzipped(json.dumps({"id": "m-1", "text": "hi"}).encode())
    assert get_message(fine(kind)) == {"id": "m-1", "text": "hi"}


def test_json_nested_too_deep_is_a_documented_error(
    httpx_mock: HTTPXMock, make_api: Callable[..., Api]
) -> None:
    deep = b'{"a": ' * 5000 + b"1" + b"}" * 5000
    httpx_mock.add_response(content=deep, is_reusable=True)
    with pytest.raises(bandwidth.MalformedResponseError, match=r"nested too deep|not JSON") as read:
        make_api(max_retries=0)("get_message", "m-1")
    assert read.value.may_have_been_sent is False
    [sent] = make_api(max_retries=0)("send_messages", [ITEM])  # a 200 to a send: it went out
    assert isinstance(sent["exception"], bandwidth.MalformedResponseError)
    assert sent["may_have_been_sent"] is True
    with pytest.raises(bandwidth.InvalidEventError, match=r"nested too deep|not JSON"):
        bandwidth.parse_event(deep)
    shallow_but_deep_dicts = json.dumps({"eventType": "sms"} | {"x": _nest(900)})
    with pytest.raises(bandwidth.InvalidEventError):
        bandwidth.parse_event(shallow_but_deep_dicts)


def _nest(depth: int) -> object:
    value: object = 1
    for _ in range(depth):
        value = {"a": value}
    return value


# -- nothing leaks, nothing crashes ----------------------------------------------------------


def test_errors_pickle_without_the_credentials(httpx_mock: HTTPXMock) -> None:
    httpx_mock.add_response(
        status_code=403,
        json={"category": "limit", "code": "message-rate-limit", "message": "slow"},
        headers={"Retry-After": "1"},
    )
    httpx_mock.add_response(status_code=200, content=b"<html>")
    with bandwidth.client("messaging", "u-user", "t-token", "s-secret", max_rate_wait=0) as api:
        with pytest.raises(bandwidth.RateLimitError) as refused:
            api.send_message(**SEND)
        with pytest.raises(bandwidth.MalformedResponseError) as odd:
            api.get_message("m-1")
    errors: list[bandwidth.BandwidthError] = [
        refused.value,
        odd.value,
        bandwidth.InvalidValueError("bad"),
        bandwidth.ClientClosedError("closed"),
    ]
    for error in errors:
        blob = pickle.dumps(error)
        assert AUTH.encode() not in blob
        assert SECRET.encode() not in blob
        back = pickle.loads(blob)  # noqa: S301 - our own bytes
        assert type(back) is type(error)
        assert str(back) == str(error)
    back = pickle.loads(pickle.dumps(refused.value))  # noqa: S301
    assert (back.status_code, back.code, back.category) == (403, "message-rate-limit", "limit")
    assert back.may_have_been_sent is False
    assert back.request_body == {"from": "+1234567980", "to": "+1234567981", "text": "SMS message"}
    assert "authorization" not in back.request.headers
    assert back.headers["Retry-After"] == "1"


@pytest.mark.parametrize("field", ["text", "tag"])
def test_a_lone_surrogate_is_refused_per_item(field: str, bandwidth_waits: list[float]) -> None:
    fake = FakeMessagingAPI()
    bad = {**ITEM, field: "half a pair \ud83d here"}
    with pytest.raises(bandwidth.InvalidValueError, match="lone surrogate"):
        Api("sync", fake)(
            "send_message",
            "+19195550100",
            "+19195550001",
            **{
                "text": "x",
                field: bad[field],
            },
        )
    results = Api("sync", fake)("iter_send_messages", [ITEM, bad, {**ITEM, "to": "+3"}])
    by_index = {r["index"]: r for r in results}
    assert by_index[1]["result"] == "error"
    assert by_index[1]["may_have_been_sent"] is False
    assert "lone surrogate" in by_index[1]["error"]["message"]
    assert [by_index[0]["result"], by_index[2]["result"]] == ["accepted", "accepted"]


def test_tables_show_control_sequences_instead_of_obeying_them(server: FakeServer) -> None:
    server.fake.add_message(
        from_="+19195550100", to="+19195550001", text="hi\x1b[2J\x1b]0;pwned\x07"
    )
    for command in (["list", "--table"], ["get", server.fake.messages[0]["id"], "--table"]):
        done = cli(server, *command)
        assert done.returncode == 0, done.stderr
        assert "\x1b" not in done.stdout
        assert "\x07" not in done.stdout
        assert "\\x1b[2J" in done.stdout


def test_the_repr_of_a_client_whose_making_failed_does_not_raise() -> None:
    half = bandwidth.Client.__new__(bandwidth.Client)
    assert repr(half) == "<Client (not made)>"


def test_a_call_after_close_says_the_client_is_closed(httpx_mock: HTTPXMock) -> None:
    api = bandwidth.client("messaging", "u-user", "t-token", "s-secret")
    api.close()
    with pytest.raises(bandwidth.ClientClosedError, match="closed"):
        api.get_message("m-1")

    async def closed_async() -> None:
        client = bandwidth.async_client("messaging", "u-user", "t-token", "s-secret")
        await client.aclose()
        await client.send_message(**SEND)

    with pytest.raises(bandwidth.ClientClosedError):
        asyncio.run(closed_async())
    assert httpx_mock.get_requests() == []


def test_a_loopback_endpoint_over_http_never_goes_through_a_proxy(
    server: FakeServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A proxy would see the Basic credentials in clear; this one would also refuse.
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")
    monkeypatch.setenv("ALL_PROXY", "http://127.0.0.1:9")
    monkeypatch.delenv("NO_PROXY", raising=False)
    with bandwidth.client("messaging") as api:
        assert api.send_message(**SEND).startswith("m-")
    assert len(server.fake.sent) == 1


def test_proxies_from_the_environment_still_serve_remote_endpoints() -> None:
    loopback = bandwidth.client("messaging", "u", "t", "s", api_endpoint="http://127.0.0.1:1")
    assert loopback._http.trust_env is False
    remote = bandwidth.client("messaging", "u", "t", "s")
    assert remote._http.trust_env is True  # over https, a proxy only tunnels
