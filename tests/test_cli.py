"""The command line tool, run through its installed entry point against the fake on loopback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from bandwidth.testing import FakeServer, Fault

from .helpers import stand_in_env

SCRIPT = str(Path(sys.executable).parent / "bandwidth-messaging")


def run(
    server: FakeServer | None,
    *args: str,
    module: bool = False,
    cwd: Path | None = None,
    columns: int | None = None,
) -> subprocess.CompletedProcess[str]:
    env = stand_in_env(None if server is None else server.url)
    if columns is not None:
        env["COLUMNS"] = str(columns)  # the terminal's width, as a shell reports it
    command = [sys.executable, "-m", "bandwidth"] if module else [SCRIPT]
    return subprocess.run(
        [*command, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=60,
        check=False,
    )


def test_help_reads_well() -> None:
    done = run(None, "--help")
    assert done.returncode == 0
    for command in ("send", "send-bulk", "get", "list", "redact"):
        assert command in done.stdout
    assert "BANDWIDTH_API_TOKEN" in done.stdout
    bulk = run(None, "send-bulk", "--help")
    assert "--results" in bulk.stdout
    assert "rerun" in bulk.stdout


def test_send_get_redact_and_list(server: FakeServer) -> None:
    sent = run(
        server,
        "send",
        "--from",
        "+19195550100",
        "--to",
        "+19195550001",
        "--text",
        "Hi",
        "--media",
        "https://cat.com/a.png",
        "--media",
        "https://cat.com/b.png",
        "--tag",
        "t-1",
        "--callback-timeout",
        "500",
    )
    assert sent.returncode == 0, sent.stderr
    message_id = json.loads(sent.stdout)["id"]
    stored = server.fake.sent[0]
    assert stored["media"] == ["https://cat.com/a.png", "https://cat.com/b.png"]
    assert (stored["tag"], stored["callbackTimeout"]) == ("t-1", 500)

    got = run(server, "get", message_id)
    assert json.loads(got.stdout)["message_id"] == message_id
    assert run(server, "redact", message_id).returncode == 0
    assert server.fake.messages[0]["text"] == ""

    server.fake.add_message(from_="+19195550001", to="+19195550100", text="incoming")
    newest = run(server, "list", "--limit", "1")
    assert json.loads(newest.stdout)["text"] == "incoming"  # newest first, as documented
    assert server.fake.requests[-1].url.params["sortOrder"] == "desc"
    listed = run(server, "list", "--direction", "in", "--limit", "5")
    assert [json.loads(line)["text"] for line in listed.stdout.splitlines()] == ["incoming"]
    table = run(server, "--table", "list").stdout.splitlines()
    assert table[0].split()[:3] == ["ID", "TIME", "DIRECTION"]
    assert len(table) == 3
    assert run(server, "list", "--table").stdout.splitlines() == table


def test_failures_exit_non_zero_with_the_api_error(server: FakeServer) -> None:
    missing = run(server, "get", "m-unknown")
    assert missing.returncode == 1
    assert "Error message-not-found" in missing.stderr
    assert missing.stdout == ""
    bad = run(server, "send", "--from", "+1", "--to", "+2")
    assert bad.returncode == 2
    assert "needs 'text' or 'media'" in bad.stderr
    no_credentials = run(None, "get", "m-1")
    assert no_credentials.returncode == 2
    assert "missing credentials" in no_credentials.stderr
    assert server.fake.sent == []


def test_an_ambiguous_send_says_so(server: FakeServer) -> None:
    server.fake.inject(Fault(drop=True, apply=True, method="POST"))
    done = run(server, "send", "--from", "+1", "--to", "+2", "--text", "hello")
    assert done.returncode == 1
    assert "may have been sent" in done.stderr
    assert len(server.fake.sent) == 1


def test_bulk_file_with_a_failing_line_then_a_rerun(server: FakeServer, tmp_path: Path) -> None:
    orders = tmp_path / "orders.csv"
    orders.write_text(
        "from,to,text,media\n"
        "+19195550100,+19195550001,Order 1 shipped,\n"
        "+19195550100, ,Order 2 shipped,\n"
        '+19195550100,+19195550003,"Order 3, with\na picture",https://cat.com/c.png\n'
    )
    results = tmp_path / "results.jsonl"
    first = run(server, "send-bulk", str(orders), "--results", str(results))
    assert first.returncode == 1
    assert "2 accepted, 1 not accepted, 0 skipped" in first.stderr
    assert "line 3: Error blank-property" in first.stderr
    rows = [json.loads(line) for line in results.read_text().splitlines()]
    # Each line is journaled as "unknown" before its request goes, then with its outcome.
    assert [(r["line"], r["result"]) for r in rows] == [
        (2, "unknown"),
        (3, "unknown"),
        (5, "unknown"),
        (2, "accepted"),
        (3, "error"),
        (5, "accepted"),
    ]
    assert rows[3]["id"] == server.fake.sent[0]["id"]
    assert rows[4]["may_have_been_sent"] is False
    assert rows[0]["sent_at"] == rows[3]["sent_at"]
    assert server.fake.sent[1]["media"] == ["https://cat.com/c.png"]
    assert server.fake.sent[1]["text"] == "Order 3, with\na picture"

    orders.write_text(orders.read_text().replace("+19195550100, ,", "+19195550100,+19195550002,"))
    second = run(server, "send-bulk", str(orders), "--results", str(results))
    assert second.returncode == 0, second.stderr
    assert "1 accepted, 0 not accepted, 2 skipped" in second.stderr
    assert [m["to"] for m in server.fake.sent] == ["+19195550001", "+19195550003", "+19195550002"]

    third = run(server, "send-bulk", str(orders), "--results", str(results))
    assert "0 accepted, 0 not accepted, 3 skipped" in third.stderr
    assert len(server.fake.sent) == 3


def test_bulk_json_lines_through_python_m(server: FakeServer, tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text(
        "\n".join(
            json.dumps(
                {
                    "from": "+1",
                    "to": f"+2{i}",
                    "text": f"m{i}",
                    "callback_url": "https://app.example/cb",
                }
            )
            for i in range(120)
        )
        + "\n"
    )
    done = run(server, "send-bulk", str(items), "--concurrency", "3", module=True)
    assert done.returncode == 0, done.stderr
    assert "120 accepted, 0 not accepted, 0 skipped" in done.stderr
    journal = tmp_path / "items.jsonl.results.jsonl"  # the default, beside the input
    final = {}
    for line in journal.read_text().splitlines():
        row = json.loads(line)
        final[row["line"]] = row
    assert sorted(final) == list(range(1, 121))
    assert {r["result"] for r in final.values()} == {"accepted"}
    assert len(server.fake.sent) == 120
    assert server.fake.sent[0]["callbackUrl"] == "https://app.example/cb"


def test_bad_bulk_file_sends_nothing(server: FakeServer, tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text('{"from": "+1", "to": "+2", "text": "ok"}\n{"from": "+1", "to": "+2"}\n')
    done = run(server, "send-bulk", str(items))
    assert done.returncode == 2
    assert "items.jsonl:2 needs 'text' or 'media'" in done.stderr
    assert server.fake.requests == []


@pytest.mark.parametrize(
    ("name", "content", "says"),
    [
        ("cut.csv", 'from,to,text\n+19195550100,+19195550001,"a quote never closed\n', "not CSV"),
        (
            "extra.csv",
            "from,to,text\n+19195550100,+19195550001,Order 1 sh+1919,damaged\n",
            "more fields than the header",
        ),
        ("torn.jsonl", '{"from": "+1", "to": "+2", "text": "ok"}\n{"from": "+1", "to', "not JSON"),
        (
            "latin1.csv",  # saved by an editor in Latin-1: the line of the first bad byte
            b"from,to,text\n+19195550100,+19195550001,ok\n+19195550100,+19195550002,caf\xe9\n",
            "latin1.csv:3: not UTF-8 text",
        ),
        ("empty.csv", "", "is empty: CSV needs a header row"),
    ],
)
def test_a_damaged_bulk_file_sends_nothing_and_leaves_no_record(
    server: FakeServer, tmp_path: Path, name: str, content: str | bytes, says: str
) -> None:
    source = tmp_path / name
    source.write_bytes(content if isinstance(content, bytes) else content.encode())
    done = run(server, "send-bulk", str(source))
    assert done.returncode == 2
    assert says in done.stderr
    assert "Traceback" not in done.stderr
    assert server.fake.requests == []
    assert not (tmp_path / f"{name}.results.jsonl").exists()


def test_a_spreadsheet_s_csv_with_a_byte_order_mark_is_read(
    server: FakeServer, tmp_path: Path
) -> None:
    source = tmp_path / "export.csv"  # Excel's "CSV UTF-8" starts with a byte order mark
    source.write_bytes(b"\xef\xbb\xbffrom,to,text\r\n+19195550100,+19195550001,caf\xc3\xa9\r\n")
    done = run(server, "send-bulk", str(source))
    assert done.returncode == 0, done.stderr
    assert server.fake.sent[0]["from"] == "+19195550100"
    assert server.fake.sent[0]["text"] == "caf\u00e9"


@pytest.mark.parametrize(
    ("name", "content"), [("header-only.csv", "from,to,text\n"), ("blank.jsonl", "\n")]
)
def test_a_file_without_messages_sends_nothing_and_leaves_no_record(
    server: FakeServer, tmp_path: Path, name: str, content: str
) -> None:
    source = tmp_path / name
    source.write_text(content)
    done = run(server, "send-bulk", str(source))
    assert done.returncode == 0
    assert f"{name} has no messages: nothing sent" in done.stderr
    assert server.fake.requests == []
    assert not (tmp_path / f"{name}.results.jsonl").exists()


def test_a_command_that_prints_no_answer_refuses_table(server: FakeServer, tmp_path: Path) -> None:
    items = tmp_path / "items.jsonl"
    items.write_text('{"from": "+1", "to": "+2", "text": "ok"}\n')
    done = run(server, "--table", "send-bulk", str(items))
    assert done.returncode == 2
    assert "send-bulk prints no table; leave out --table" in done.stderr
    assert server.fake.requests == []
    assert "--table" not in run(None, "send-bulk", "--help").stdout
    assert "--table" in run(None, "get", "--help").stdout


def test_one_bulk_run_at_a_time_per_results_file(server: FakeServer, tmp_path: Path) -> None:
    import bandwidth

    items = tmp_path / "items.jsonl"
    items.write_text('{"from": "+1", "to": "+2", "text": "ok"}\n')
    with bandwidth.Journal(tmp_path / "items.jsonl.results.jsonl"):
        done = run(server, "send-bulk", str(items))
    assert done.returncode == 2
    assert "in use by another run" in done.stderr
    assert server.fake.requests == []


def test_a_table_fits_an_80_column_terminal(server: FakeServer) -> None:
    long_text = "Your order 1234 has shipped and will arrive on Tuesday between 9 and 5"
    server.fake.add_message(from_="+19195550001", to="+19195550100", text=long_text)
    env_run = run(server, "list", "--table", columns=80)
    lines = env_run.stdout.splitlines()
    assert max(len(line) for line in lines) <= 80
    assert lines[0].split()[0] == "ID"
    assert "TEXT" in lines[0]
    assert lines[1].rstrip().endswith("…")  # the text column was shortened, not the table
    wide = run(server, "list", "--table", columns=200).stdout.splitlines()
    assert "DELIVERY_STATE" in wide[0]
    assert wide[1].rstrip().endswith(long_text)


def test_a_table_of_every_message_is_printed_as_it_is_read(server: FakeServer) -> None:
    """``list --table --limit 0``: columns sized on the first 1000 rows, later rows fitted to
    them, so that memory holds a page, not the account's history."""
    oldest = server.fake.add_message(from_="+1", to="+2", text="t", id="m-" + "x" * 60)
    for number in range(1000):
        server.fake.add_message(from_="+19195550001", to="+19195550100", text=f"t{number}")
    done = run(server, "list", "--table", "--limit", "0", columns=200)
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert len(lines) == 1 + 1001
    id_width = lines[0].index("TIME")  # the ids of the first 1000, and two spaces
    assert lines[-1][:id_width].rstrip() == oldest["id"][: id_width - 3] + "…"


def test_get_as_a_table_shows_the_whole_text(server: FakeServer) -> None:
    text = "x" * 300
    stored = server.fake.add_message(from_="+19195550001", to="+19195550100", text=text)
    shown = run(server, "get", stored["id"], "--table", columns=80)
    assert text in shown.stdout


def test_a_bad_date_filter_exits_2_before_sending(server: FakeServer) -> None:
    done = run(server, "list", "--from-date-time", "yesterday")
    assert done.returncode == 2
    assert "from_date_time must be a datetime or the API's 'yyyy-MM-dd hh:mm:ss.sss'" in (
        done.stderr
    )
    assert server.fake.requests == []


def test_missing_credentials_name_the_option_and_the_variable() -> None:
    done = run(None, "get", "m-1")
    assert done.returncode == 2
    assert "--user-id (or BANDWIDTH_USER_ID)" in done.stderr
    assert "--api-secret (or BANDWIDTH_API_SECRET)" in done.stderr


def test_plain_http_to_another_host_needs_the_flag(server: FakeServer) -> None:
    refused = run(server, "--api-endpoint", "http://example.test", "get", "m-1")
    assert refused.returncode == 2
    assert "--allow-insecure-http" in refused.stderr
    allowed = run(
        server,
        "--api-endpoint",
        "http://127.0.0.2:9",  # loopback, nothing listening: the flag is accepted, the call fails
        "--allow-insecure-http",
        "--timeout",
        "1",
        "get",
        "m-1",
    )
    assert allowed.returncode == 1
    assert "ConnectError" in allowed.stderr or "failed" in allowed.stderr


def test_verbose_shows_each_exchange_and_never_the_credentials(server: FakeServer) -> None:
    server.fake.inject(Fault.rate_limited(retry_after=0.01, method="POST"))
    done = run(server, "--verbose", "send", "--from", "+1", "--to", "+2", "--text", "hi")
    assert done.returncode == 0, done.stderr
    lines = done.stderr.splitlines()
    assert any("POST" in line and "403 Forbidden" in line for line in lines)
    assert any("refused for rate (HTTP 403 message-rate-limit)" in line for line in lines)
    assert any("POST" in line and "201 Created" in line for line in lines)
    assert "s-secret" not in done.stderr
    assert "Basic " not in done.stderr
    assert "dC10b2tlbjpzLXNlY3JldA" not in done.stderr  # the base64 of t-token:s-secret


def test_a_line_that_cannot_be_looked_up_is_never_sent_again(
    server: FakeServer, tmp_path: Path
) -> None:
    # A send from a short code cannot be looked up (the listing filters take E.164 numbers
    # only): one that ends in doubt stays 'unknown', is reported, and is not sent by a rerun.
    items = tmp_path / "items.jsonl"
    items.write_text('{"from": "12345", "to": "+19195550001", "text": "hi"}\n')
    server.fake.inject(Fault(status=500, apply=True, method="POST"))
    first = run(server, "send-bulk", str(items), "--settle", "0")
    assert first.returncode == 1
    assert "could not be looked up" in first.stderr
    assert "check them by hand" in first.stderr
    second = run(server, "send-bulk", str(items), "--settle", "0")
    assert second.returncode == 1
    assert "0 accepted, 0 not accepted, 1 skipped" in second.stderr
    assert len(server.fake.sent) == 1  # sent once, by the first run, never again


def test_an_mms_from_the_shell_with_a_picture_from_disk(server: FakeServer, tmp_path: Path) -> None:
    picture = tmp_path / "dog.png"
    picture.write_bytes(b"\x89PNG a dog")
    uploaded = run(server, "media", "upload", str(picture))
    assert uploaded.returncode == 0, uploaded.stderr
    url = uploaded.stdout.strip()
    assert url == f"{server.url}/v1/users/u-user/media/dog.png"
    assert server.fake.account.media["dog.png"] == (picture.read_bytes(), "image/png")
    sent = run(server, "send", "--from", "+19195550100", "--to", "+19195550001", "--media", url)
    assert sent.returncode == 0, sent.stderr
    assert server.fake.messages[-1]["media"] == [url]
    listed = run(server, "media", "list", "--table")
    assert listed.stdout.split("\n")[1].split() == ["dog.png", "10", url]
    named = run(
        server, "media", "upload", str(picture), "--name", "a b.jpg", "--content-type", "image/jpeg"
    )
    assert named.stdout.strip().endswith("/media/a%20b.jpg")
    assert server.fake.account.media["a b.jpg"][1] == "image/jpeg"
