"""Fixtures; the helpers they use live in ``helpers.py``."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import time
from collections.abc import Callable, Iterator
from typing import Any

import bandwidth
import pytest
from bandwidth.testing import FakeServer

from .helpers import Api


@pytest.fixture(autouse=True)
def _no_bandwidth_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests see no BANDWIDTH_* variables of the shell that runs them: a developer's real
    credentials or endpoint must neither change what a test asserts nor be used by it."""
    for name in list(os.environ):
        if name.startswith("BANDWIDTH_"):
            monkeypatch.delenv(name)
    # Each client's rate limiter is its own, so that what one test teaches it (a limit stated
    # in a refusal) stays in that test; the tests of sharing name their store.
    monkeypatch.setenv("BANDWIDTH_RATE_LIMITS_URL", "memory://")


@pytest.fixture(scope="session")
def redis_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real ``redis-server`` on loopback for this test session (``make test`` installs it
    where it is missing); its URL."""
    server = shutil.which("redis-server")
    if server is None:
        pytest.fail("redis-server is not installed: `make test` installs it (apt-get)")
    with socket.socket() as probe:  # a free port on loopback
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    workdir = tmp_path_factory.mktemp("redis")
    process = subprocess.Popen(
        [
            server,
            "--bind",
            "127.0.0.1",
            "--port",
            str(port),
            "--save",
            "",
            "--appendonly",
            "no",
            "--dir",
            str(workdir),
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"redis://127.0.0.1:{port}/0"
    import redis

    client = redis.Redis.from_url(url)
    deadline = time.monotonic() + 10
    while True:
        try:
            client.ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline or process.poll() is not None:
                process.kill()
                pytest.fail("redis-server did not start")
            time.sleep(0.05)
    client.close()
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(params=["sync", "async"])
def make_api(request: pytest.FixtureRequest) -> Iterator[Callable[..., Api]]:
    made: list[Api] = []

    def make(**options: Any) -> Api:
        api = Api(request.param, **options)
        made.append(api)
        return api

    yield make
    for api in made:
        if isinstance(api.client, bandwidth.Client):
            api.client.close()


@pytest.fixture
def server(bandwidth_env: FakeServer) -> FakeServer:
    """The stand-in on loopback, with the environment pointing at it (the plugin's
    ``bandwidth_env``)."""
    return bandwidth_env


@pytest.fixture
def api(make_api: Callable[..., Api]) -> Api:
    return make_api()
