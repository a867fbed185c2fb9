"""The maintainer's drill: change the spec, run the generator, and see the change arrive.

A copy of the project in a temporary directory gets one change of each kind, is regenerated
with ``scripts/generate.py`` (no handwritten edit anywhere), and then shows, at run time and
under ``mypy --strict`` for downstream code, that the change reached users. Run it alone with
``pytest -m drill``.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

ROOT = Path(__file__).resolve().parent.parent
COPIED = ("spec", "scripts", "bandwidth_facade", "generated", "pyproject.toml")

pytestmark = pytest.mark.drill

USES_OLD_NAME = """
    import bandwidth

    api = bandwidth.client("messaging", "u", "t", "s")
    message = api.get_message("m-1")
    count: int = message["segment_count"]
"""
USES_CHANGES = """
    from typing import assert_type

    import bandwidth

    api = bandwidth.client("messaging", "u", "t", "s")
    message = api.get_message("m-1")
    assert_type(message.get("carrier_name"), str | None)
    assert_type(message.get("segments"), int | None)
    state: bandwidth.MessageState = "accepted"
    api.send_message("+1", "+2", "hi", priority="high")
    api.send_messages([{"from": "+1", "to": "+2", "text": "x", "priority": "high"}])
    # Wire names changed; the Python names users write did not.
    api.send_message("+1", "+2", "hi", callback_url="https://cb.test/events")
    api.send_messages([{"from": "+1", "to": "+2", "text": "x", "callbackURL": "https://cb.test"}])
    listed = api.list_messages(delivery_state="delivered")
"""
AT_RUN_TIME = """
    import json, sys
    import httpx, bandwidth

    sent, queries = [], []
    message = {"id": "m-1", "carrierName": "Acme", "state": "accepted", "segments": 2}

    def answer(request):
        if request.method == "POST":
            body = json.loads(request.content)
            sent.append(body)
            if isinstance(body, list):
                return httpx.Response(202, json=[{"result": "accepted",
                                                  "location": "https://x.test/m-9"}] * len(body))
            return httpx.Response(201, headers={"Location": "https://x.test/m-9"})
        queries.append(dict(request.url.params))
        return httpx.Response(200, json=[message] if request.url.path.endswith("s") else message)

    api = bandwidth.client("messaging", "u", "t", "s",
                           http_client=httpx.Client(transport=httpx.MockTransport(answer)))
    got, listed = api.get_message("m-1"), list(api.list_messages())
    api.send_message("+1", "+2", "hi", priority="high")
    api.send_messages([{"from": "+1", "to": "+2", "text": "x", "priority": "high"}])
    api.send_message("+1", "+2", "hi", callback_url="https://cb.test/events")
    api.send_messages([{"from": "+1", "to": "+2", "text": "x", "callback_url": "https://cb.test"}])
    list(api.list_messages(delivery_state="delivered"))
    try:
        api.send_message("+1", "+2", "hi", priority="urgent")
        refused = None
    except ValueError as error:
        refused = str(error)
    print(json.dumps({"got": got, "listed": listed, "sent": sent, "queries": queries,
                      "refused": refused, "module": bandwidth.__file__}))
"""


def change_spec(spec_path: Path) -> None:
    yaml = YAML()  # round trip: comments and layout of the rest stay as they are
    spec: Any = yaml.load(spec_path)
    schemas = spec["components"]["schemas"]
    message = schemas["Message"]["properties"]
    message["carrierName"] = {"type": "string", "description": "The recipient's carrier."}
    schemas["MessageState"]["enum"].append("accepted")
    schemas["MessageRequest"]["properties"]["priority"] = {
        "type": "string",
        "enum": ["default", "high"],
    }
    rename(message, "segmentCount", "segments")
    # Wire names that change while the Python name stays: they must reach the wire as they are.
    rename(schemas["MessageRequest"]["properties"], "callbackUrl", "callbackURL")
    listing = spec["paths"]["/users/{userId}/messages"]["get"]["parameters"]
    next(p for p in listing if p["name"] == "deliveryState")["name"] = "DeliveryState"
    yaml.dump(spec, spec_path)


def rename(properties: dict[str, Any], old: str, new: str) -> None:
    renamed = {(new if k == old else k): v for k, v in properties.items()}
    properties.clear()
    properties.update(renamed)


def run(project: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {
        **os.environ,
        "PYTHONPATH": f"{project / 'bandwidth_facade'}{os.pathsep}{project / 'generated'}",
        "MYPYPATH": f"{project / 'bandwidth_facade'}{os.pathsep}{project / 'generated'}",
    }
    return subprocess.run(
        [sys.executable, *args],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def mypy(project: Path, name: str, source: str) -> subprocess.CompletedProcess[str]:
    path = project / name
    path.write_text(textwrap.dedent(source))
    return run(
        project,
        "-m",
        "mypy",
        "--strict",
        "--no-incremental",
        "--show-error-codes",
        "--cache-dir",
        str(project / ".mypy_cache"),
        name,
    )


@pytest.fixture(scope="module")
def project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("drill")
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(
                source, root / name, ignore=shutil.ignore_patterns("__pycache__", ".mypy_cache")
            )
        else:
            shutil.copy(source, root / name)
    before = mypy(root, "uses_old_name.py", USES_OLD_NAME)
    assert before.returncode == 0, before.stdout  # the old name is fine before the rename
    change_spec(root / "spec" / "messaging.yaml")
    generated = run(root, "scripts/generate.py")
    assert generated.returncode == 0, generated.stderr
    return root


def test_the_changes_arrive_at_run_time(project: Path) -> None:
    done = run(project, "-c", textwrap.dedent(AT_RUN_TIME))
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["module"].startswith(str(project))  # the regenerated copy, not this checkout
    # A new optional property on Message arrives under its snake_case key; a renamed one under
    # its new name.
    assert seen["got"] == {"id": "m-1", "carrier_name": "Acme", "state": "accepted", "segments": 2}
    assert seen["listed"] == [seen["got"]]
    # A new send parameter goes through send_message (as a keyword) and send_messages items,
    # and its enum is enforced before sending.
    assert seen["sent"][0]["priority"] == "high"
    assert seen["sent"][1] == [{"from": "+1", "to": "+2", "text": "x", "priority": "high"}]
    assert "'priority' must be one of 'default', 'high'" in seen["refused"]
    # A property and a query parameter whose wire names changed: the new names are sent.
    assert seen["sent"][2]["callbackURL"] == "https://cb.test/events"
    assert seen["sent"][3] == [
        {"from": "+1", "to": "+2", "text": "x", "callbackURL": "https://cb.test"}
    ]
    assert seen["queries"][-1] == {"DeliveryState": "delivered", "sortOrder": "desc"}
    assert "callbackUrl" not in json.dumps(seen["sent"])
    assert len(seen["sent"]) == 4


def test_downstream_code_using_the_changes_type_checks(project: Path) -> None:
    done = mypy(project, "uses_changes.py", USES_CHANGES)
    assert done.returncode == 0, done.stdout


def test_downstream_code_using_a_renamed_property_fails(project: Path) -> None:
    done = mypy(project, "uses_old_name.py", USES_OLD_NAME)
    assert done.returncode == 1
    assert re.search(r'uses_old_name\.py:6: error: .*"segment_count"', done.stdout), done.stdout


def test_generated_types_and_rules_follow_the_spec(project: Path) -> None:
    typed = (project / "generated" / "bandwidth_messaging_api" / "typed_dicts.py").read_text()
    assert '"carrier_name": NotRequired[str]' in typed
    assert '"segments": NotRequired[int]' in typed
    assert "segment_count" not in typed.split("MessageEvent = TypedDict")[0]
    assert (
        'MessageState = Literal["received", "queued", "sending", "sent", "error", "accepted"]'
        in typed
    )
    assert '"priority": NotRequired[Literal["default", "high"]]' in typed


CLI_WITH_NEW_STATE = """
import os
from bandwidth._cli import main
from bandwidth.testing import FakeServer

with FakeServer() as server:
    server.fake.add_message(from_="+1", to="+2", text="new", state="accepted")
    server.fake.add_message(from_="+1", to="+2", text="old", state="received")
    os.environ.update(
        BANDWIDTH_USER_ID="u-user",
        BANDWIDTH_API_TOKEN="t-token",
        BANDWIDTH_API_SECRET="s-secret",
        BANDWIDTH_API_ENDPOINT=server.url,
    )
    try:
        main(["list", "--state", "accepted"])
    except SystemExit as done:
        assert not done.code, done.code
"""


def test_the_command_line_takes_a_state_the_spec_adds(project: Path) -> None:
    done = run(project, "-c", textwrap.dedent(CLI_WITH_NEW_STATE))
    assert done.returncode == 0, done.stderr
    listed = [json.loads(line) for line in done.stdout.splitlines()]
    assert [(m["text"], m["state"]) for m in listed] == [("new", "accepted")]


STAND_IN_AFTER_RENAMES = """
import json
import httpx
from bandwidth.testing import FakeMessagingAPI

arrived = []

def app(request):
    arrived.append(str(request.url))
    return httpx.Response(200)

fake = FakeMessagingAPI(callback_client=httpx.Client(transport=httpx.MockTransport(app)))
client = fake.client()
first = client.send_message("+1", "+2", "hi", callback_url="https://app.test/cb",
                            receipt_requested="all")
client.send_message("+1", "+3", "not delivered yet")
fake.deliver(first)
delivered = [m["id"] for m in client.list_messages(delivery_state="delivered")]
print(json.dumps({"first": first, "arrived": arrived, "delivered": delivered,
                  "sent": json.loads(fake.requests[0].content),
                  "query": dict(fake.requests[-1].url.params)}))
"""


def test_the_stand_in_follows_the_wire_names_the_spec_changes(project: Path) -> None:
    done = run(project, "-c", textwrap.dedent(STAND_IN_AFTER_RENAMES))
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["sent"]["callbackURL"] == "https://app.test/cb"  # the new name on the wire
    assert seen["arrived"] == ["https://app.test/cb"]  # and the stand-in acted on it
    assert seen["query"]["DeliveryState"] == "delivered"
    assert seen["delivered"] == [seen["first"]]  # the renamed filter still selects
