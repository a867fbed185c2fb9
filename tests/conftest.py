"""Fixtures; the helpers they use live in ``helpers.py``."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import bandwidth
import pytest

from .helpers import Api


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
def api(make_api: Callable[..., Api]) -> Api:
    return make_api()
