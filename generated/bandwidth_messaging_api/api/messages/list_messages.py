from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.message import Message
from ...models.message_delivery_state import MessageDeliveryState
from ...models.message_direction import MessageDirection
from ...models.message_state import MessageState
from ...models.sort_order import SortOrder
from ...types import UNSET, Response, Unset, status_of


def _get_kwargs(
    user_id: str,
    *,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    from_date_time: str | Unset = UNSET,
    to_date_time: str | Unset = UNSET,
    direction: MessageDirection | Unset = UNSET,
    state: MessageState | Unset = UNSET,
    delivery_state: MessageDeliveryState | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    size: int | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["from"] = from_

    params["to"] = to

    params["fromDateTime"] = from_date_time

    params["toDateTime"] = to_date_time

    json_direction: str | Unset = UNSET
    if not isinstance(direction, Unset):
        json_direction = direction

    params["direction"] = json_direction

    json_state: str | Unset = UNSET
    if not isinstance(state, Unset):
        json_state = state

    params["state"] = json_state

    json_delivery_state: str | Unset = UNSET
    if not isinstance(delivery_state, Unset):
        json_delivery_state = delivery_state

    params["deliveryState"] = json_delivery_state

    json_sort_order: str | Unset = UNSET
    if not isinstance(sort_order, Unset):
        json_sort_order = sort_order

    params["sortOrder"] = json_sort_order

    params["size"] = size

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{user_id}/messages".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Error | list[Message] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Message.from_dict(response_200_item_data)

            response_200.append(response_200_item)

        return response_200

    if response.status_code == 400:
        response_400 = Error.from_dict(response.json())

        return response_400

    if response.status_code == 401:
        response_401 = Error.from_dict(response.json())

        return response_401

    if response.status_code == 403:
        response_403 = Error.from_dict(response.json())

        return response_403

    if response.status_code == 429:
        response_429 = Error.from_dict(response.json())

        return response_429

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[Message]]:
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
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    from_date_time: str | Unset = UNSET,
    to_date_time: str | Unset = UNSET,
    direction: MessageDirection | Unset = UNSET,
    state: MessageState | Unset = UNSET,
    delivery_state: MessageDeliveryState | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    size: int | Unset = UNSET,
) -> Response[Error | list[Message]]:
    """List messages, newest first, one page at a time

     Answers one page of messages. While another page exists, the `Link` header carries its
    absolute URL with `rel="next"`; that URL holds its own cursor and the filters.

    Args:
        user_id (str):
        from_ (str | Unset):
        to (str | Unset):
        from_date_time (str | Unset):
        to_date_time (str | Unset):
        direction (MessageDirection | Unset):
        state (MessageState | Unset):
        delivery_state (MessageDeliveryState | Unset):
        sort_order (SortOrder | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Message]]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        from_=from_,
        to=to,
        from_date_time=from_date_time,
        to_date_time=to_date_time,
        direction=direction,
        state=state,
        delivery_state=delivery_state,
        sort_order=sort_order,
        size=size,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    from_date_time: str | Unset = UNSET,
    to_date_time: str | Unset = UNSET,
    direction: MessageDirection | Unset = UNSET,
    state: MessageState | Unset = UNSET,
    delivery_state: MessageDeliveryState | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    size: int | Unset = UNSET,
) -> Error | list[Message] | None:
    """List messages, newest first, one page at a time

     Answers one page of messages. While another page exists, the `Link` header carries its
    absolute URL with `rel="next"`; that URL holds its own cursor and the filters.

    Args:
        user_id (str):
        from_ (str | Unset):
        to (str | Unset):
        from_date_time (str | Unset):
        to_date_time (str | Unset):
        direction (MessageDirection | Unset):
        state (MessageState | Unset):
        delivery_state (MessageDeliveryState | Unset):
        sort_order (SortOrder | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Message]
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        from_=from_,
        to=to,
        from_date_time=from_date_time,
        to_date_time=to_date_time,
        direction=direction,
        state=state,
        delivery_state=delivery_state,
        sort_order=sort_order,
        size=size,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    from_date_time: str | Unset = UNSET,
    to_date_time: str | Unset = UNSET,
    direction: MessageDirection | Unset = UNSET,
    state: MessageState | Unset = UNSET,
    delivery_state: MessageDeliveryState | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    size: int | Unset = UNSET,
) -> Response[Error | list[Message]]:
    """List messages, newest first, one page at a time

     Answers one page of messages. While another page exists, the `Link` header carries its
    absolute URL with `rel="next"`; that URL holds its own cursor and the filters.

    Args:
        user_id (str):
        from_ (str | Unset):
        to (str | Unset):
        from_date_time (str | Unset):
        to_date_time (str | Unset):
        direction (MessageDirection | Unset):
        state (MessageState | Unset):
        delivery_state (MessageDeliveryState | Unset):
        sort_order (SortOrder | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Message]]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        from_=from_,
        to=to,
        from_date_time=from_date_time,
        to_date_time=to_date_time,
        direction=direction,
        state=state,
        delivery_state=delivery_state,
        sort_order=sort_order,
        size=size,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    from_: str | Unset = UNSET,
    to: str | Unset = UNSET,
    from_date_time: str | Unset = UNSET,
    to_date_time: str | Unset = UNSET,
    direction: MessageDirection | Unset = UNSET,
    state: MessageState | Unset = UNSET,
    delivery_state: MessageDeliveryState | Unset = UNSET,
    sort_order: SortOrder | Unset = UNSET,
    size: int | Unset = UNSET,
) -> Error | list[Message] | None:
    """List messages, newest first, one page at a time

     Answers one page of messages. While another page exists, the `Link` header carries its
    absolute URL with `rel="next"`; that URL holds its own cursor and the filters.

    Args:
        user_id (str):
        from_ (str | Unset):
        to (str | Unset):
        from_date_time (str | Unset):
        to_date_time (str | Unset):
        direction (MessageDirection | Unset):
        state (MessageState | Unset):
        delivery_state (MessageDeliveryState | Unset):
        sort_order (SortOrder | Unset):
        size (int | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Message]
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            from_=from_,
            to=to,
            from_date_time=from_date_time,
            to_date_time=to_date_time,
            direction=direction,
            state=state,
            delivery_state=delivery_state,
            sort_order=sort_order,
            size=size,
        )
    ).parsed
