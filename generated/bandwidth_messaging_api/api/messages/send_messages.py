from typing import Any, cast
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.bulk_result import BulkResult
from ...models.error import Error
from ...models.message_request import MessageRequest
from ...types import Response, status_of


def _get_kwargs(
    user_id: str,
    *,
    body: list[MessageRequest] | MessageRequest,
) -> dict[str, Any]:
    headers: dict[str, Any] = {}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/users/{user_id}/messages".format(
            user_id=quote(str(user_id), safe=""),
        ),
    }

    if isinstance(body, MessageRequest):
        _kwargs["json"] = body.to_dict()
    else:
        _kwargs["json"] = []
        for componentsschemas_message_request_list_item_data in body:
            componentsschemas_message_request_list_item = componentsschemas_message_request_list_item_data.to_dict()
            _kwargs["json"].append(componentsschemas_message_request_list_item)

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Any | Error | list[BulkResult] | None:
    if response.status_code == 201:
        response_201 = cast(Any, None)
        return response_201

    if response.status_code == 202:
        response_202 = []
        _response_202 = response.json()
        for response_202_item_data in _response_202:
            response_202_item = BulkResult.from_dict(response_202_item_data)

            response_202.append(response_202_item)

        return response_202

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 409:
        response_409 = Error.from_dict(response.json())

        return response_409

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Any | Error | list[BulkResult]]:
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: list[MessageRequest] | MessageRequest,
) -> Response[Any | Error | list[BulkResult]]:
    """Send one message, or up to 50 in one request

     With a single message object the API answers `201 Created` with an empty body and a
    `Location` header holding the absolute URL of the new message; its last path segment is
    the message id. With an array of at most 50 message objects it answers `202 Accepted`
    with one result per item, in order; one bad item does not fail the others. More than
    50 items is refused whole with `403`, category `limit`, code `multi-message-limit`.

    Args:
        user_id (str):
        body (list[MessageRequest] | MessageRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[BulkResult]]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: list[MessageRequest] | MessageRequest,
) -> Any | Error | list[BulkResult] | None:
    """Send one message, or up to 50 in one request

     With a single message object the API answers `201 Created` with an empty body and a
    `Location` header holding the absolute URL of the new message; its last path segment is
    the message id. With an array of at most 50 message objects it answers `202 Accepted`
    with one result per item, in order; one bad item does not fail the others. More than
    50 items is refused whole with `403`, category `limit`, code `multi-message-limit`.

    Args:
        user_id (str):
        body (list[MessageRequest] | MessageRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[BulkResult]
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        body=body,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: list[MessageRequest] | MessageRequest,
) -> Response[Any | Error | list[BulkResult]]:
    """Send one message, or up to 50 in one request

     With a single message object the API answers `201 Created` with an empty body and a
    `Location` header holding the absolute URL of the new message; its last path segment is
    the message id. With an array of at most 50 message objects it answers `202 Accepted`
    with one result per item, in order; one bad item does not fail the others. More than
    50 items is refused whole with `403`, category `limit`, code `multi-message-limit`.

    Args:
        user_id (str):
        body (list[MessageRequest] | MessageRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Any | Error | list[BulkResult]]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        body=body,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    body: list[MessageRequest] | MessageRequest,
) -> Any | Error | list[BulkResult] | None:
    """Send one message, or up to 50 in one request

     With a single message object the API answers `201 Created` with an empty body and a
    `Location` header holding the absolute URL of the new message; its last path segment is
    the message id. With an array of at most 50 message objects it answers `202 Accepted`
    with one result per item, in order; one bad item does not fail the others. More than
    50 items is refused whole with `403`, category `limit`, code `multi-message-limit`.

    Args:
        user_id (str):
        body (list[MessageRequest] | MessageRequest):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Any | Error | list[BulkResult]
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            body=body,
        )
    ).parsed
