"""Property-based tests: whatever a server answers, whatever reaches the callback URL, whatever a
journal file holds, the SDK raises only its documented errors (or gives an answer). Budgets
are fixed and the examples derandomized, so a run is the same run every time."""

from __future__ import annotations

import json
import string
from pathlib import Path
from typing import Any

import bandwidth
import httpx
import pytest
from bandwidth._core import Core
from bandwidth._exceptions import api_error
from bandwidth._parsing import parse_bulk, parse_created, parse_message
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from .helpers import BASE

BUDGET = settings(
    max_examples=150,
    derandomize=True,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=5) | st.dictionaries(st.text(max_size=10), children, max_size=5)
    ),
    max_leaves=30,
)
"""Any JSON document, and the answers' own shapes among them."""
RESULTS = st.lists(
    st.dictionaries(
        st.sampled_from(["result", "location", "error", "other"]),
        st.sampled_from(["accepted", "error", "queued", f"{BASE}/m-1", f"{BASE}/..", ""]) | JSON,
        max_size=4,
    ),
    max_size=4,
)
BODIES = (
    st.binary(max_size=200)
    | JSON.map(lambda v: json.dumps(v).encode())
    | RESULTS.map(lambda v: json.dumps(v).encode())
)
HEADERS = st.dictionaries(
    st.sampled_from(["Location", "Link", "Content-Type", "Retry-After", "X-RateLimit-Reset"]),
    st.text(alphabet=string.printable.strip(), max_size=40),
    max_size=3,
)
ITEM = {"from": "+19195550100", "to": "+19195550001", "text": "hi"}


def answer(
    status: int, body: bytes, headers: dict[str, str], method: str = "GET"
) -> httpx.Response:
    request = httpx.Request(method, BASE)
    return httpx.Response(status, content=body, headers=headers, request=request)


@BUDGET
@given(body=BODIES, headers=HEADERS, status=st.sampled_from([200, 201, 202]))
def test_any_success_answer_parses_or_is_malformed(
    body: bytes, headers: dict[str, str], status: int
) -> None:
    response = answer(status, body, headers, "POST")
    count = 2
    for parse in (
        parse_created,
        parse_message,
        lambda r: parse_bulk(r, [dict(ITEM) for _ in range(count)]),
    ):
        try:
            parsed: Any = parse(response)
        except bandwidth.MalformedResponseError:
            continue
        if parse is parse_created:
            assert isinstance(parsed, str)
            assert parsed not in ("", ".", "..")
        elif isinstance(parsed, list):
            assert len(parsed) == count
            for result in parsed:
                assert result["result"] in ("accepted", "error")
                if result["result"] == "accepted":
                    assert result["id"] not in ("", ".", "..")
                else:
                    assert isinstance(result["may_have_been_sent"], bool)


@BUDGET
@given(body=BODIES, headers=HEADERS, status=st.integers(300, 599))
def test_any_error_answer_is_a_documented_error(
    body: bytes, headers: dict[str, str], status: int
) -> None:
    error = api_error(answer(status, body, headers), is_send=True)
    assert isinstance(error, bandwidth.BandwidthMessageAPIException)
    assert str(error).startswith("Error ")
    assert isinstance(error.code, str)


@BUDGET
@given(body=BODIES, link=st.text(alphabet=string.printable.strip(), max_size=60))
def test_any_page_parses_or_is_malformed(body: bytes, link: str) -> None:
    fake = bandwidth.testing.FakeMessagingAPI()
    with fake.client() as client:
        core: Core = client._core
        response = answer(200, body, {"Link": f"<{link}>; rel=next"} if link else {})
        try:
            page, following = core._parse_page(response, seen=set(), what="messages")
        except (bandwidth.MalformedResponseError, bandwidth.UnsafeRedirectError):
            return
        assert isinstance(page, list)
        assert following is None or following.url.host == "api.catapult.inetwork.com"


@BUDGET
@given(
    body=st.binary(max_size=200)
    | st.text(max_size=200)
    | JSON.map(json.dumps)
    | st.dictionaries(
        st.sampled_from(["eventType", "type", "messageId", "to", "from", "time", "media"]),
        JSON,
    ).map(json.dumps)
)
def test_any_callback_body_is_an_event_or_an_invalid_event(body: bytes | str) -> None:
    try:
        event = bandwidth.parse_event(body)
    except bandwidth.InvalidEventError:
        return
    assert isinstance(event, dict)


@BUDGET
@given(query=st.text(max_size=200))
def test_any_callback_query_is_an_event_or_an_invalid_event(query: str) -> None:
    try:
        bandwidth.parse_event(query=query)
    except bandwidth.InvalidEventError:
        return


RECORD = st.fixed_dictionaries(
    {
        "line": st.integers(-5, 10**12) | st.floats() | st.text(max_size=3) | st.none(),
        "result": st.sampled_from(["accepted", "error", "unknown", "lost"]) | JSON,
        "item": st.just(ITEM) | JSON,
    },
    optional={"id": st.text(max_size=5), "sent_at": st.text(max_size=5)},
)


@BUDGET
@given(
    first=RECORD.map(lambda r: json.dumps(r) + "\n"),
    rest=st.lists(RECORD.map(lambda r: json.dumps(r) + "\n") | st.text(max_size=40), max_size=8),
)
def test_any_journal_contents_open_or_are_refused_untouched(
    tmp_path_factory: pytest.TempPathFactory, first: str, rest: list[str]
) -> None:
    path = tmp_path_factory.mktemp("journal") / "run.jsonl"
    content = (first + "".join(rest)).encode("utf-8", "surrogatepass")
    path.write_bytes(content)
    try:
        journal = bandwidth.Journal(path)
    except bandwidth.JournalError:
        assert path.read_bytes() == content
        return
    with journal:
        counts = journal.counts()
        assert sum(counts.values()) <= 1 + len(rest)
        assert journal.damaged >= 0
        for result in journal.pending():
            assert result["may_have_been_sent"] is True
    assert content.startswith(path.read_bytes())  # at most a torn tail was cut


@BUDGET
@given(content=st.binary(max_size=300))
def test_any_file_opens_as_a_journal_or_is_refused_untouched(
    tmp_path_factory: pytest.TempPathFactory, content: bytes
) -> None:
    path: Path = tmp_path_factory.mktemp("journal") / "run.jsonl"
    path.write_bytes(content)
    try:
        with bandwidth.Journal(path) as journal:
            journal.counts()
    except bandwidth.JournalError:
        assert path.read_bytes() == content
        return
    assert content.startswith(path.read_bytes())
