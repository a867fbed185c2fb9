"""The generated low-level client, used directly: the generator's traps are handled."""

from __future__ import annotations

from http import HTTPStatus

import httpx
from bandwidth_messaging_api import AuthenticatedClient
from bandwidth_messaging_api.api.messages import get_message
from bandwidth_messaging_api.types import status_of


def client(answer: httpx.Response) -> AuthenticatedClient:
    return AuthenticatedClient(
        base_url="https://api.catapult.inetwork.com/v1",
        token="x",
        httpx_args={"transport": httpx.MockTransport(lambda request: answer)},
    )


def test_a_status_python_does_not_know_is_returned_not_raised() -> None:
    response = get_message.sync_detailed(
        "u-user", "m-1", client=client(httpx.Response(520, text="origin error"))
    )
    assert response.status_code == 520
    assert response.content == b"origin error"
    assert status_of(404) is HTTPStatus.NOT_FOUND


def test_known_statuses_are_still_http_status() -> None:
    response = get_message.sync_detailed(
        "u-user",
        "m-1",
        client=client(
            httpx.Response(
                200,
                json={
                    "id": "m-1",
                    "from": "+19195551212",
                    "to": "+19195551213",
                    "direction": "out",
                    "state": "sent",
                    "time": "2017-02-01T21:10:32Z",
                },
            )
        ),
    )
    assert response.status_code is HTTPStatus.OK
    assert response.parsed is not None


def test_the_generated_client_has_a_timeout_by_default() -> None:
    low_level = AuthenticatedClient(base_url="https://api.catapult.inetwork.com/v1", token="x")
    assert low_level.get_httpx_client().timeout == httpx.Timeout(30.0, connect=5.0)
