"""The README's examples run, and its reference names every public name."""

from __future__ import annotations

import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import bandwidth
import bandwidth.testing

README = (Path(__file__).resolve().parent.parent / "README.md").read_text()
BLOCKS = re.findall(r"```python\n(.*?)```", README, re.S)


def block(first_line: str) -> str:
    return next(b for b in BLOCKS if b.startswith(first_line))


def test_reference_names_every_public_name() -> None:
    reference = README.split("## API reference", 1)[1]
    names = [*bandwidth.__all__, *bandwidth.testing.__all__]
    missing = [n for n in names if f"`{n}" not in reference]
    assert missing == []


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
    assert statuses == ["200 OK", "200 OK"]
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
        "iter_send_messages": ("Iterator[SendResult]", "AsyncIterator[SendResult]"),
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
