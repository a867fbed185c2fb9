"""The journal's file, record by record: what it writes, what it reads back, and what it
refuses. A journal is a user's only proof of what was sent, so each test pins a property a
rerun or a person reading the file relies on."""

from __future__ import annotations

import asyncio
import json
import os
import stat
import threading
from pathlib import Path
from typing import Any

import bandwidth
import pytest
from bandwidth import Journal, JournalError
from bandwidth.testing import FakeMessagingAPI, Fault

MAX_LINE = 100_000_000


def item(i: int, **extra: Any) -> dict[str, Any]:
    return {"from": "+19195550100", "to": f"+1919{i:07d}", "text": f"Order {i}", **extra}


def records(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _fresh() -> Path:
    import tempfile

    return Path(tempfile.mkdtemp()) / "run.jsonl"


def write(path: Path, *rows: dict[str, Any], tail: str = "") -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows) + tail, encoding="utf-8")


# -- opening -------------------------------------------------------------------------------------


def test_a_new_journal_is_readable_by_its_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    with Journal(path) as journal:
        assert repr(journal) == f"<Journal {str(path)!r}>"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_closing_twice_is_harmless(tmp_path: Path) -> None:
    journal = Journal(tmp_path / "run.jsonl")
    journal.close()
    journal.close()
    with Journal(tmp_path / "run.jsonl"):  # the lock went with the first close
        pass


def test_a_journal_with_one_record_and_no_final_newline_keeps_nothing(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    path.write_text(json.dumps({"line": 1, "result": "accepted", "item": item(1)}))
    with Journal(path) as journal:
        assert journal.last_state(1) is None  # torn: never durable, so never acted on
    assert path.read_bytes() == b""


def test_a_torn_record_after_whole_ones_is_cut_at_the_last_newline(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    whole = {"line": 0, "result": "accepted", "item": item(0), "id": "m-0"}
    write(path, whole, tail='{"line": 1, "result": "acc')
    with Journal(path) as journal:
        assert journal.last_state(0) == "accepted"
        assert journal.last_state(1) is None
        assert journal.damaged == 0
    assert records(path) == [whole]


def test_a_long_torn_tail_is_cut_whatever_its_length(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    whole = {"line": 0, "result": "accepted", "item": item(0), "id": "m-0"}
    write(path, whole, tail='{"line": 1, "item": {"text": "' + "x" * 200_000)
    with Journal(path):
        pass
    assert records(path) == [whole]


def test_a_file_whose_first_line_is_no_record_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    for content in (b"{}\n", b'{"line": 1, "result": "accepted"}\n', b"x\n{}\n", b"\n"):
        path.write_bytes(content)
        with pytest.raises(JournalError, match=r"is not a journal .* left as it is"):
            Journal(path)
        assert path.read_bytes() == content


def test_a_one_byte_file_that_is_not_a_record_start_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x"
    path.write_bytes(b"x")
    with pytest.raises(JournalError, match="not a journal"):
        Journal(path)
    assert path.read_bytes() == b"x"


def test_a_directory_is_no_journal(tmp_path: Path) -> None:
    with pytest.raises(JournalError, match="cannot be opened as a journal") as raised:
        Journal(tmp_path)
    assert str(tmp_path) in str(raised.value)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_a_fifo_is_no_journal(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(JournalError, match="is not a regular file, so not a journal"):
        Journal(fifo)


def test_lines_are_read_back_from_0_to_the_last_allowed(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    write(
        path,
        {"line": 0, "result": "accepted", "item": item(0), "id": "m-0"},
        {"line": MAX_LINE, "result": "error", "item": item(1)},
        {"line": MAX_LINE + 1, "result": "accepted", "item": item(2)},
        {"line": -1, "result": "accepted", "item": item(3)},
        {"line": True, "result": "accepted", "item": item(4)},
        {"line": 5, "result": "sent", "item": item(5)},
    )
    with Journal(path) as journal:
        assert journal.last_state(0) == "accepted"
        assert journal.state(0, item(0)) == "accepted"
        assert journal.last_state(MAX_LINE) == "error"
        assert journal.damaged == 4
        assert journal.last_state(-1) is None
        assert journal.state(-1, item(3)) is None
        assert journal.last_state(MAX_LINE + 1) is None


def test_a_line_recorded_for_another_item_has_no_state_for_this_one(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    write(path, {"line": 3, "result": "accepted", "item": item(3), "id": "m-3"})
    with Journal(path) as journal:
        assert journal.state(3, item(3)) == "accepted"
        assert journal.state(3, item(3, text="changed")) is None
        assert journal.last_state(3) == "accepted"
        # The same item with its keys in another order, or in snake_case, is the same item.
        reordered = dict(reversed(list(item(3).items())))
        assert journal.state(3, reordered) == "accepted"
        assert journal.state(4, item(3)) is None


def test_state_names_the_line_of_a_bad_item(tmp_path: Path) -> None:
    with (
        Journal(tmp_path / "run.jsonl") as journal,
        pytest.raises(bandwidth.InvalidValueError, match="line 7"),
    ):
        journal.state(7, {"from": "+19195550100", "text": "no recipient"})


# -- writing -------------------------------------------------------------------------------------


def test_what_a_run_records_for_each_line(tmp_path: Path) -> None:
    fake = FakeMessagingAPI()
    path = tmp_path / "run.jsonl"
    pairs = [(0, item(0)), (2, item(2, text="Order 2 ✓"))]
    with fake.client() as client, Journal(path) as journal:
        results = list(journal.send(client, pairs))
    by_line = {r["index"]: r for r in results}
    rows = records(path)
    assert [(r["line"], r["result"], r["item"]) for r in rows[:2]] == [
        (0, "unknown", item(0)),
        (2, "unknown", item(2, text="Order 2 ✓")),
    ]
    assert rows[0]["sent_at"] == by_line[0]["sent_at"]
    final = {r["line"]: r for r in rows[2:]}
    assert final[0] == {
        "line": 0,
        "result": "accepted",
        "item": item(0),
        "id": by_line[0]["id"],
        "sent_at": by_line[0]["sent_at"],
    }
    assert "Order 2 ✓" in path.read_text(encoding="utf-8")  # written as text, not escaped


def test_a_request_in_doubt_is_recorded_with_why_and_pending_says_so(tmp_path: Path) -> None:
    fake = FakeMessagingAPI()
    fake.inject(Fault(status=503, method="POST"))
    path = tmp_path / "run.jsonl"
    with fake.client(max_retries=0) as client, Journal(path) as journal:
        [result] = journal.send(client, [(4, item(4))])
        [pending] = journal.pending()
    assert result["may_have_been_sent"] is True
    final = records(path)[-1]
    assert final["result"] == "unknown"
    assert final["may_have_been_sent"] is True
    assert final["error"]["code"] == "503"
    assert pending == {
        "result": "error",
        "message": item(4),
        "index": 4,
        "may_have_been_sent": True,
        "error": final["error"],
        "sent_at": final["sent_at"],
    }
    with Journal(path) as reopened:
        assert reopened.pending() == [pending]
        assert reopened.counts() == {"accepted": 0, "error": 0, "unknown": 1}


def test_a_run_that_ended_mid_send_leaves_the_line_in_flight(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    write(
        path, {"line": 9, "result": "unknown", "item": item(9), "sent_at": "2026-01-01T00:00:00Z"}
    )
    with Journal(path) as journal:
        assert journal.pending() == [
            {
                "result": "error",
                "message": item(9),
                "index": 9,
                "may_have_been_sent": True,
                "error": {"code": "in-flight", "message": "the run ended while it was being sent"},
                "sent_at": "2026-01-01T00:00:00Z",
            }
        ]


def test_a_rerun_skips_lines_sent_or_in_doubt_and_sends_the_rest(tmp_path: Path) -> None:
    path = tmp_path / "run.jsonl"
    write(
        path,
        {"line": 0, "result": "accepted", "item": item(0), "id": "m-0"},
        {"line": 1, "result": "unknown", "item": item(1)},
        {"line": 2, "result": "error", "item": item(2)},
    )
    fake = FakeMessagingAPI()
    pairs = [(0, item(0)), (1, item(1)), (2, item(2)), (3, item(3))]
    with fake.client() as client, Journal(path) as journal:
        sent = [r["index"] for r in journal.send(client, pairs)]
        assert journal.skipped == 2
    assert sorted(sent) == [2, 3]
    assert [m["to"] for m in fake.sent] == [item(2)["to"], item(3)["to"]]


@pytest.mark.parametrize("line", [-1, MAX_LINE + 1, True, "3", 2.0])
def test_lines_out_of_range_are_refused_before_anything_is_sent(line: object) -> None:
    fake = FakeMessagingAPI()
    with (
        fake.client() as client,
        Journal(_fresh()) as journal,
        pytest.raises(bandwidth.InvalidValueError, match=f"from 0 to {MAX_LINE:,}"),
    ):
        list(journal.send(client, [(line, item(1))]))  # type: ignore[list-item]
    assert fake.sent == []


def test_the_last_line_allowed_is_sent(tmp_path: Path) -> None:
    fake = FakeMessagingAPI()
    with fake.client() as client, Journal(tmp_path / "run.jsonl") as journal:
        [result] = journal.send(client, [(MAX_LINE, item(1))])
    assert result["index"] == MAX_LINE
    assert result["result"] == "accepted"


def test_an_invalid_line_is_recorded_as_not_sent_and_the_next_goes_on(tmp_path: Path) -> None:
    fake = FakeMessagingAPI()
    path = tmp_path / "run.jsonl"
    pairs = [(0, {"from": "+19195550100", "text": "no recipient"}), (1, item(1))]
    with fake.client() as client, Journal(path) as journal:
        results = {r["index"]: r for r in journal.send(client, pairs)}
    assert results[0]["result"] == "error"
    assert results[0]["may_have_been_sent"] is False
    assert "missing 'to'" in results[0]["error"]["message"]
    assert results[1]["result"] == "accepted"
    assert len(fake.sent) == 1


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_reconcile_does_not_take_an_accepted_twin_for_the_line_in_doubt(
    tmp_path: Path, kind: str
) -> None:
    """Two lines with the same message: line 0 went out (recorded with its id), line 1's
    request is in doubt. The message the API lists is line 0's: reconcile must not settle
    line 1 with it, and leaves line 1 to be sent."""
    fake = FakeMessagingAPI()
    twin = item(5)
    path = tmp_path / "run.jsonl"
    with fake.client() as client:
        message_id = client.send_message(twin["from"], twin["to"], twin["text"])
        write(
            path,
            {"line": 0, "result": "accepted", "item": twin, "id": message_id},
            {"line": 1, "result": "unknown", "item": twin, "sent_at": fake.messages[-1]["time"]},
        )
        with bandwidth.testing.recorded_waits(), Journal(path) as journal:
            if kind == "sync":
                settled = journal.reconcile(client, settle=0)
            else:
                settled = asyncio.run(areconcile(fake, journal, settle=0))
            assert [(r["index"], r["result"]) for r in settled] == [(1, "error")]
            assert settled[0]["may_have_been_sent"] is False
            assert journal.state(1, twin) == "error"


async def areconcile(
    fake: FakeMessagingAPI, journal: Journal, settle: float
) -> list[bandwidth.SendResult]:
    async with fake.async_client() as client:
        return await journal.areconcile(client, settle=settle)


async def asend(
    fake: FakeMessagingAPI, journal: Journal, pairs: list[Any], **options: Any
) -> list[bandwidth.SendResult]:
    async with fake.async_client() as client:
        return [result async for result in journal.asend(client, pairs, **options)]


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_send_passes_its_stop_timeout_and_concurrency_on(tmp_path: Path, kind: str) -> None:
    fake = FakeMessagingAPI()

    def send(journal: Journal, **options: Any) -> list[bandwidth.SendResult]:
        pairs = [(1, item(1)), (2, item(2))]
        if kind == "sync":
            with fake.client() as client:
                return list(journal.send(client, pairs, **options))
        return asyncio.run(asend(fake, journal, pairs, **options))

    with Journal(tmp_path / "run.jsonl") as journal:
        stopped = threading.Event()
        stopped.set()  # as a signal handler would have: nothing new starts
        assert send(journal, stop=stopped) == []
        assert fake.sent == []
        with pytest.raises(bandwidth.InvalidValueError, match="concurrency"):
            send(journal, concurrency=0)
        assert len(send(journal, timeout=2.5)) == 2
    (request,) = [r for r in fake.requests if r.method == "POST"]
    assert request.extensions["timeout"] == {"connect": 2.5, "read": 2.5, "write": 2.5, "pool": 2.5}


@pytest.mark.parametrize("kind", ["sync", "async"])
def test_reconcile_passes_its_settle_time_on(tmp_path: Path, kind: str) -> None:
    fake = FakeMessagingAPI()
    path = tmp_path / "run.jsonl"
    write(
        path, {"line": 1, "result": "unknown", "item": item(1), "sent_at": "2026-01-01T00:00:00Z"}
    )

    def reconcile(journal: Journal) -> object:
        if kind == "sync":
            with fake.client() as client:
                return journal.reconcile(client, settle=-1)
        return asyncio.run(areconcile(fake, journal, settle=-1))

    with (
        Journal(path) as journal,
        pytest.raises(bandwidth.InvalidValueError, match=r"^settle must be 0 seconds or more"),
    ):
        reconcile(journal)
