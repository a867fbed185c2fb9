"""The README's and the documentation site's examples run, and the site documents every public
name."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import bandwidth
import bandwidth.testing
import pytest

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text()
# The guides moved out of the README are Markdown pages of the site: their examples run here.
GUIDES = "\n".join(page.read_text() for page in sorted((ROOT / "docs").glob("*.md")))
BLOCKS = re.findall(r"```python\n(.*?)```", README + GUIDES, re.S)
DOCS = "\n".join(page.read_text() for page in sorted((ROOT / "docs").glob("*.*")))


def block(first_line: str) -> str:
    return next(b for b in BLOCKS if b.startswith(first_line))


def test_the_site_documents_every_public_name() -> None:
    # A directive of its own (autodoc, py:, enumeration), or, for modules, a page about it.
    documented = set(re.findall(r"\.\. [a-z:-]+:: (?:bandwidth\.(?:testing\.)?)?(\w+)", DOCS))
    for members in re.findall(r":members: ([\w,\s]+?)\n\n", DOCS):
        documented |= {m.strip() for m in members.split(",")}
    names = [*bandwidth.__all__, *bandwidth.testing.__all__]
    modules = {"messaging", "account", "voice", "__version__"}  # pages and the install page
    missing = [n for n in names if n not in documented and n not in modules]
    assert missing == []
    assert all(f"bandwidth.{m}" in DOCS for m in modules)


def test_the_testing_example_passes_with_the_plugin(tmp_path: Path) -> None:
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "__init__.py").write_text("")
    (tmp_path / "shop" / "notify.py").write_text(block("# shop/notify.py"))
    (tmp_path / "tests").mkdir()
    (tmp_path / "tests" / "test_notify.py").write_text(block("# tests/test_notify.py"))
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "--rootdir",
            str(tmp_path),
            str(tmp_path / "tests"),
        ],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={"PYTHONPATH": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert done.returncode == 0, done.stdout + done.stderr
    assert "3 passed" in done.stdout


def test_the_receiving_example_handles_both_forms(capsys: Any) -> None:
    namespace: dict[str, Any] = {}
    exec(block("from bandwidth import messaging"), namespace)  # noqa: S102 - the README's code
    application = namespace["application"]
    event = {
        "eventType": "sms",
        "direction": "in",
        "from": "+19193047864",
        "to": "+1",
        "messageId": "m-1",
        "time": "2017-02-01T21:10:32Z",
        "state": "received",
        "text": "Hey there",
    }
    body = json.dumps(event).encode()
    statuses: list[str] = []
    post = {
        "REQUEST_METHOD": "POST",
        "wsgi.input": io.BytesIO(body),
        "CONTENT_LENGTH": str(len(body)),
    }
    assert application(post, lambda status, headers: statuses.append(status)) == [b"ok"]
    receipt = {
        **event,
        "direction": "out",
        "deliveryState": "not-delivered",
        "deliveryDescription": "Invalid destination address.",
    }
    query = "&".join(f"{k}={v}" for k, v in receipt.items()).replace("+", "%2B")
    application(
        {"REQUEST_METHOD": "GET", "QUERY_STRING": query},
        lambda status, headers: statuses.append(status),
    )
    malformed = {
        "REQUEST_METHOD": "POST",
        "wsgi.input": io.BytesIO(b"<html>"),
        "CONTENT_LENGTH": "6",
    }
    answer = application(malformed, lambda status, headers: statuses.append(status))
    assert statuses == ["200 OK", "200 OK", "400 Bad Request"]
    assert b"not JSON" in answer[0]
    out = capsys.readouterr().out
    assert "+19193047864 wrote: Hey there" in out
    assert "m-1 failed: Invalid destination address." in out


def test_help_shows_the_public_names_and_types() -> None:
    import inspect

    returns = {
        "send_message": ("str", "str"),
        "get_message": ("Message", "Message"),
        "list_messages": ("Iterator[Message]", "AsyncIterator[Message]"),
        "send_messages": ("list[SendResult]", "list[SendResult]"),
        "iter_send_messages": ("Iterator[SendResult]", "AsyncGenerator[SendResult, None]"),
        "find_sent": ("Message | None", "Message | None"),
        "reconcile": ("list[SendResult]", "list[SendResult]"),
        "redact_message": ("None", "None"),
    }
    for name, (sync_returns, async_returns) in returns.items():
        for owner, expected in (
            (bandwidth.Client, sync_returns),
            (bandwidth.AsyncClient, async_returns),
        ):
            method = getattr(owner, name)
            assert method.__qualname__ == f"{owner.__name__}.{name}"
            assert method.__module__ == "bandwidth"
            assert inspect.signature(method).return_annotation == expected, (owner, name)
            shown = pydoc_text(method)
            assert "Flow" not in shown
            assert "Core" not in shown
    assert inspect.iscoroutinefunction(bandwidth.AsyncClient.send_message)
    for name in bandwidth.__all__:
        obj = getattr(bandwidth, name)
        if isinstance(obj, type) and issubclass(obj, BaseException | bandwidth.Client):
            assert obj.__module__ == "bandwidth", name
    assert repr(bandwidth.NotFoundError) == "<class 'bandwidth.NotFoundError'>"
    assert bandwidth.testing.Fault.__module__ == "bandwidth.testing"


def pydoc_text(thing: object) -> str:
    import pydoc

    return pydoc.render_doc(thing, renderer=pydoc.plaintext)


DOCUMENTED_MESSAGE = {
    "id": "m-na6cpyjf2qcpz6l3drhcx7y",
    "callbackUrl": "https://yoursite.com/message",
    "direction": "in",
    "from": "+19193047864",
    "to": "+19191234567",
    "media": [],
    "skipMMSCarrierValidation": True,
    "state": "received",
    "text": "Hey there",
    "time": "2017-02-01T21:10:32Z",
}


def test_every_python_block_of_the_readme_runs(tmp_path: Path) -> None:
    """Each block as a reader would run it, against the stand-in on loopback (the endpoint
    from BANDWIDTH_API_ENDPOINT); the testing example's two files are run by pytest above."""
    from bandwidth.testing import FakeServer

    runnable = [b for b in BLOCKS if not b.startswith(("# shop/", "# tests/"))]
    assert len(runnable) >= 6
    with FakeServer() as server:
        server.fake.add_message(**DOCUMENTED_MESSAGE)
        env = {k: v for k, v in os.environ.items() if not k.startswith("BANDWIDTH_")}
        env["BANDWIDTH_API_ENDPOINT"] = server.url
        for code in runnable:
            if "messaging_api" in code and "messaging_api =" not in code:
                # A block that goes on from the first one uses its client.
                code = SESSION + code
            done = subprocess.run(
                [sys.executable, "-c", code],
                cwd=tmp_path,
                env=env,
                capture_output=True,
                text=True,
                timeout=120,
                check=False,
            )
            assert done.returncode == 0, code + done.stderr
        assert (tmp_path / "campaign.jsonl").exists()
        sent = server.fake.sent
        assert len(sent) > 1000  # the bulk and streaming examples really sent


SESSION = (
    "import bandwidth\n"
    "messaging_api = bandwidth.client('messaging', 'u-user', 't-token', 's-secret')\n"
)


def test_the_readme_session_prints_what_it_shows(monkeypatch: pytest.MonkeyPatch) -> None:
    import datetime as dt
    import doctest

    from bandwidth.testing import FakeMessagingAPI, FakeServer

    (session,) = re.findall(r"```pycon\n(.*?)```", README, re.S)
    # The stand-in's clock on the day after the documented message, which keeps its text.
    fake = FakeMessagingAPI(clock=lambda: dt.datetime(2017, 2, 2, tzinfo=dt.UTC))
    fake.add_message(**DOCUMENTED_MESSAGE)
    with FakeServer(fake) as server:
        monkeypatch.setenv("BANDWIDTH_API_ENDPOINT", server.url)
        test = doctest.DocTestParser().get_doctest(session, {}, "README", "README.md", 0)
        runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
        runner.run(test)
    assert runner.failures == 0
    assert runner.tries >= 12


def test_the_one_minute_example_prints_what_the_readme_says(tmp_path: Path) -> None:
    """The README's first example, exactly as printed, with no BANDWIDTH_* variable set."""
    section = README.split("## Try it in one minute", 1)[1].split("\n## ", 1)[0]
    (code,) = re.findall(r"```python\n(.*?)```", section, re.S)
    env = {k: v for k, v in os.environ.items() if not k.startswith("BANDWIDTH_")}
    done = subprocess.run(
        [sys.executable, "-c", code],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == "Hello\n"
    assert "It prints `Hello`" in section


def test_the_sync_and_async_clients_write_the_same_methods() -> None:
    import inspect

    for sync, asynchronous in (
        (bandwidth.Client, bandwidth.AsyncClient),
        (bandwidth.account.Client, bandwidth.account.AsyncClient),
    ):
        public = [n for n, m in vars(sync).items() if not n.startswith("_") and callable(m)]
        for name in public:
            one, other = getattr(sync, name), getattr(asynchronous, name, None)
            if other is None:  # close() and aclose()
                assert name == "close"
                continue
            assert one.__doc__ == other.__doc__, name
            assert inspect.signature(one).parameters == inspect.signature(other).parameters, name


def test_a_traceback_names_the_public_method() -> None:
    import traceback

    client = bandwidth.Client("u", "t", "s", api_endpoint="http://127.0.0.1:9")
    try:
        client.get_message("")
    except bandwidth.InvalidValueError as error:
        frames = [frame.name for frame in traceback.extract_tb(error.__traceback__)]
    assert "get_message" in frames
    assert "method" not in frames


def test_a_traceback_names_the_voice_method_refused() -> None:
    import traceback

    with pytest.raises(bandwidth.VoiceAPINotIncludedError) as raised:
        bandwidth.client("voice", "u", "t", "s").create_call(from_="+1", to="+2")
    frames = [frame.name for frame in traceback.extract_tb(raised.value.__traceback__)]
    assert frames[-1] == "create_call"
