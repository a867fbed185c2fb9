from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...types import File, Response, status_of


def _get_kwargs(
    user_id: str,
    media_name: str,
    *,
    body: File,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/users/{user_id}/media/{media_name}".format(
            user_id=quote(str(user_id), safe=""),
            media_name=quote(str(media_name), safe=""),
        ),
    }

    _kwargs["content"] = body.payload
    headers["Content-Type"] = "*/*"

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
    media_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
) -> Response[Any | Error]:
    """Upload or replace a media file

     The body is the file, its `Content-Type` the file's type; files up to 65 MB (ap-docs
    `methods/media/putMediaMediaName.md`). Its URL, to send in a message's `media`, is this
    request's.

    Args:
        user_id (str):
        media_name (str):
        body (File): A media file's bytes; the API stores files up to 65 MB (65 MiB taken here).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        media_name=media_name,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    media_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
) -> Any | Error | None:
    """Upload or replace a media file

     The body is the file, its `Content-Type` the file's type; files up to 65 MB (ap-docs
    `methods/media/putMediaMediaName.md`). Its URL, to send in a message's `media`, is this
    request's.

    Args:
        user_id (str):
        media_name (str):
        body (File): A media file's bytes; the API stores files up to 65 MB (65 MiB taken here).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return sync_detailed(
        user_id=user_id,
        media_name=media_name,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    media_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
) -> Response[Any | Error]:
    """Upload or replace a media file

     The body is the file, its `Content-Type` the file's type; files up to 65 MB (ap-docs
    `methods/media/putMediaMediaName.md`). Its URL, to send in a message's `media`, is this
    request's.

    Args:
        user_id (str):
        media_name (str):
        body (File): A media file's bytes; the API stores files up to 65 MB (65 MiB taken here).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        media_name=media_name,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    media_name: str,
    *,
    client: AuthenticatedClient | Client,
    body: File,
) -> Any | Error | None:
    """Upload or replace a media file

     The body is the file, its `Content-Type` the file's type; files up to 65 MB (ap-docs
    `methods/media/putMediaMediaName.md`). Its URL, to send in a message's `media`, is this
    request's.

    Args:
        user_id (str):
        media_name (str):
        body (File): A media file's bytes; the API stores files up to 65 MB (65 MiB taken here).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            media_name=media_name,
            client=client,
            body=body,
        )
    ).parsed
