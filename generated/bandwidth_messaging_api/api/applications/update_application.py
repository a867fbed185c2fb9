from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.application_update import ApplicationUpdate
from ...models.error import Error
from ...types import Response, status_of


def _get_kwargs(
    user_id: str,
    application_id: str,
    *,
    body: ApplicationUpdate,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/users/{user_id}/applications/{application_id}".format(
            user_id=quote(str(user_id), safe=""),
            application_id=quote(str(application_id), safe=""),
        ),
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Any | Error | None:
    if response.status_code == 200:
        response_200 = cast(Any, None)
        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 404:
        response_404 = Error.from_dict(response.json())

        return response_404

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Any | Error]:
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    application_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApplicationUpdate,
) -> Response[Any | Error]:
    """Change an application

     Properties not sent stay as they are.

    Args:
        user_id (str):
        application_id (str):
        body (ApplicationUpdate): An application's settings; unset properties are left out of the
            body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        application_id=application_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    application_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApplicationUpdate,
) -> Any | Error | None:
    """Change an application

     Properties not sent stay as they are.

    Args:
        user_id (str):
        application_id (str):
        body (ApplicationUpdate): An application's settings; unset properties are left out of the
            body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        user_id=user_id,
        application_id=application_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    application_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApplicationUpdate,
) -> Response[Any | Error]:
    """Change an application

     Properties not sent stay as they are.

    Args:
        user_id (str):
        application_id (str):
        body (ApplicationUpdate): An application's settings; unset properties are left out of the
            body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        application_id=application_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    application_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: ApplicationUpdate,
) -> Any | Error | None:
    """Change an application

     Properties not sent stay as they are.

    Args:
        user_id (str):
        application_id (str):
        body (ApplicationUpdate): An application's settings; unset properties are left out of the
            body.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            application_id=application_id,
            client=client,
            body=body,
        )
    ).parsed
