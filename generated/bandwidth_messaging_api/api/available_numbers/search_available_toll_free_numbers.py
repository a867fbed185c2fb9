from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.available_number import AvailableNumber
from ...models.error import Error
from ...types import UNSET, Response, Unset, status_of


def _get_kwargs(
    *,
    quantity: int | Unset = UNSET,
    pattern: str | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["quantity"] = quantity

    params["pattern"] = pattern

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/availableNumbers/tollFree",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[AvailableNumber] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = AvailableNumber.from_dict(response_200_item_data)

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
) -> Response[Error | list[AvailableNumber]]:
    return Response(
        status_code=status_of(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient | Client,
    quantity: int | Unset = UNSET,
    pattern: str | Unset = UNSET,
) -> Response[Error | list[AvailableNumber]]:
    """Search for toll-free numbers to order

     Toll-free numbers that can be ordered, optionally matching a pattern.

    Args:
        quantity (int | Unset):
        pattern (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[AvailableNumber]]
    """

    kwargs = _get_kwargs(
        quantity=quantity,
        pattern=pattern,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    quantity: int | Unset = UNSET,
    pattern: str | Unset = UNSET,
) -> Error | list[AvailableNumber] | None:
    """Search for toll-free numbers to order

     Toll-free numbers that can be ordered, optionally matching a pattern.

    Args:
        quantity (int | Unset):
        pattern (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[AvailableNumber]
    """

    return sync_detailed(
        client=client,
        quantity=quantity,
        pattern=pattern,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    quantity: int | Unset = UNSET,
    pattern: str | Unset = UNSET,
) -> Response[Error | list[AvailableNumber]]:
    """Search for toll-free numbers to order

     Toll-free numbers that can be ordered, optionally matching a pattern.

    Args:
        quantity (int | Unset):
        pattern (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[AvailableNumber]]
    """

    kwargs = _get_kwargs(
        quantity=quantity,
        pattern=pattern,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    quantity: int | Unset = UNSET,
    pattern: str | Unset = UNSET,
) -> Error | list[AvailableNumber] | None:
    """Search for toll-free numbers to order

     Toll-free numbers that can be ordered, optionally matching a pattern.

    Args:
        quantity (int | Unset):
        pattern (str | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[AvailableNumber]
    """

    return (
        await asyncio_detailed(
            client=client,
            quantity=quantity,
            pattern=pattern,
        )
    ).parsed
