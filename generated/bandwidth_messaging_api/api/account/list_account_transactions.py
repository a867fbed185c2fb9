from typing import Any
from urllib.parse import quote

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.transaction import Transaction
from ...models.transaction_type import TransactionType
from ...types import UNSET, Response, Unset, status_of


def _get_kwargs(
    user_id: str,
    *,
    max_items: int | Unset = UNSET,
    to_date: str | Unset = UNSET,
    from_date: str | Unset = UNSET,
    type_: TransactionType | Unset = UNSET,
    size: int | Unset = UNSET,
    number: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["maxItems"] = max_items

    params["toDate"] = to_date

    params["fromDate"] = from_date

    json_type_: str | Unset = UNSET
    if not isinstance(type_, Unset):
        json_type_ = type_

    params["type"] = json_type_

    params["size"] = size

    params["number"] = number

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/users/{user_id}/account/transactions".format(
            user_id=quote(str(user_id), safe=""),
        ),
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[Transaction] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = Transaction.from_dict(response_200_item_data)

            response_200.append(response_200_item)

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


def _build_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Response[Error | list[Transaction]]:
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
    max_items: int | Unset = UNSET,
    to_date: str | Unset = UNSET,
    from_date: str | Unset = UNSET,
    type_: TransactionType | Unset = UNSET,
    size: int | Unset = UNSET,
    number: str | Unset = UNSET,
) -> Response[Error | list[Transaction]]:
    """List the account's transactions

     Charges, payments and credits, newest first, a page at a time (`Link` header).

    Args:
        user_id (str):
        max_items (int | Unset):
        to_date (str | Unset):
        from_date (str | Unset):
        type_ (TransactionType | Unset):
        size (int | Unset):
        number (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Transaction]]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        max_items=max_items,
        to_date=to_date,
        from_date=from_date,
        type_=type_,
        size=size,
        number=number,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    max_items: int | Unset = UNSET,
    to_date: str | Unset = UNSET,
    from_date: str | Unset = UNSET,
    type_: TransactionType | Unset = UNSET,
    size: int | Unset = UNSET,
    number: str | Unset = UNSET,
) -> Error | list[Transaction] | None:
    """List the account's transactions

     Charges, payments and credits, newest first, a page at a time (`Link` header).

    Args:
        user_id (str):
        max_items (int | Unset):
        to_date (str | Unset):
        from_date (str | Unset):
        type_ (TransactionType | Unset):
        size (int | Unset):
        number (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Transaction]
    """

    return sync_detailed(
        user_id=user_id,
        client=client,
        max_items=max_items,
        to_date=to_date,
        from_date=from_date,
        type_=type_,
        size=size,
        number=number,
    ).parsed


async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    max_items: int | Unset = UNSET,
    to_date: str | Unset = UNSET,
    from_date: str | Unset = UNSET,
    type_: TransactionType | Unset = UNSET,
    size: int | Unset = UNSET,
    number: str | Unset = UNSET,
) -> Response[Error | list[Transaction]]:
    """List the account's transactions

     Charges, payments and credits, newest first, a page at a time (`Link` header).

    Args:
        user_id (str):
        max_items (int | Unset):
        to_date (str | Unset):
        from_date (str | Unset):
        type_ (TransactionType | Unset):
        size (int | Unset):
        number (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[Transaction]]
    """

    kwargs = _get_kwargs(
        user_id=user_id,
        max_items=max_items,
        to_date=to_date,
        from_date=from_date,
        type_=type_,
        size=size,
        number=number,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient | Client,
    max_items: int | Unset = UNSET,
    to_date: str | Unset = UNSET,
    from_date: str | Unset = UNSET,
    type_: TransactionType | Unset = UNSET,
    size: int | Unset = UNSET,
    number: str | Unset = UNSET,
) -> Error | list[Transaction] | None:
    """List the account's transactions

     Charges, payments and credits, newest first, a page at a time (`Link` header).

    Args:
        user_id (str):
        max_items (int | Unset):
        to_date (str | Unset):
        from_date (str | Unset):
        type_ (TransactionType | Unset):
        size (int | Unset):
        number (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[Transaction]
    """

    return (
        await asyncio_detailed(
            user_id=user_id,
            client=client,
            max_items=max_items,
            to_date=to_date,
            from_date=from_date,
            type_=type_,
            size=size,
            number=number,
        )
    ).parsed
