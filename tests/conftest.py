"""Fixtures; the helpers they use live in ``helpers.py``."""

from __future__ import annotations

import os
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
