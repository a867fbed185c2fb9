from typing import Any

import httpx

from ... import errors
from ...client import AuthenticatedClient, Client
from ...models.error import Error
from ...models.ordered_number import OrderedNumber
from ...types import UNSET, Response, Unset, status_of


def _get_kwargs(
    *,
    quantity: int | Unset = UNSET,
    city: str | Unset = UNSET,
    state: str | Unset = UNSET,
    zip_: str | Unset = UNSET,
    area_code: str | Unset = UNSET,
    local_number: str | Unset = UNSET,
    in_local_calling_area: bool | Unset = UNSET,
) -> dict[str, Any]:

    params: dict[str, Any] = {}

    params["quantity"] = quantity

    params["city"] = city

    params["state"] = state

    params["zip"] = zip_

    params["areaCode"] = area_code

    params["localNumber"] = local_number

    params["inLocalCallingArea"] = in_local_calling_area

    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/availableNumbers/local",
        "params": params,
    }

    return _kwargs


def _parse_response(
    *, client: AuthenticatedClient | Client, response: httpx.Response
) -> Error | list[OrderedNumber] | None:
    if response.status_code == 200:
        response_200 = []
        _response_200 = response.json()
        for response_200_item_data in _response_200:
            response_200_item = OrderedNumber.from_dict(response_200_item_data)

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
) -> Response[Error | list[OrderedNumber]]:
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
    city: str | Unset = UNSET,
    state: str | Unset = UNSET,
    zip_: str | Unset = UNSET,
    area_code: str | Unset = UNSET,
    local_number: str | Unset = UNSET,
    in_local_calling_area: bool | Unset = UNSET,
) -> Response[Error | list[OrderedNumber]]:
    """Search for local numbers and order them

     Orders the numbers found (the criteria are query parameters, the body is empty).

    Args:
        quantity (int | Unset):
        city (str | Unset):
        state (str | Unset):
        zip_ (str | Unset):
        area_code (str | Unset):
        local_number (str | Unset):
        in_local_calling_area (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[OrderedNumber]]
    """

    kwargs = _get_kwargs(
        quantity=quantity,
        city=city,
        state=state,
        zip_=zip_,
        area_code=area_code,
        local_number=local_number,
        in_local_calling_area=in_local_calling_area,
    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)


def sync(
    *,
    client: AuthenticatedClient | Client,
    quantity: int | Unset = UNSET,
    city: str | Unset = UNSET,
    state: str | Unset = UNSET,
    zip_: str | Unset = UNSET,
    area_code: str | Unset = UNSET,
    local_number: str | Unset = UNSET,
    in_local_calling_area: bool | Unset = UNSET,
) -> Error | list[OrderedNumber] | None:
    """Search for local numbers and order them

     Orders the numbers found (the criteria are query parameters, the body is empty).

    Args:
        quantity (int | Unset):
        city (str | Unset):
        state (str | Unset):
        zip_ (str | Unset):
        area_code (str | Unset):
        local_number (str | Unset):
        in_local_calling_area (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[OrderedNumber]
    """

    return sync_detailed(
        client=client,
        quantity=quantity,
        city=city,
        state=state,
        zip_=zip_,
        area_code=area_code,
        local_number=local_number,
        in_local_calling_area=in_local_calling_area,
    ).parsed


async def asyncio_detailed(
    *,
    client: AuthenticatedClient | Client,
    quantity: int | Unset = UNSET,
    city: str | Unset = UNSET,
    state: str | Unset = UNSET,
    zip_: str | Unset = UNSET,
    area_code: str | Unset = UNSET,
    local_number: str | Unset = UNSET,
    in_local_calling_area: bool | Unset = UNSET,
) -> Response[Error | list[OrderedNumber]]:
    """Search for local numbers and order them

     Orders the numbers found (the criteria are query parameters, the body is empty).

    Args:
        quantity (int | Unset):
        city (str | Unset):
        state (str | Unset):
        zip_ (str | Unset):
        area_code (str | Unset):
        local_number (str | Unset):
        in_local_calling_area (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Error | list[OrderedNumber]]
    """

    kwargs = _get_kwargs(
        quantity=quantity,
        city=city,
        state=state,
        zip_=zip_,
        area_code=area_code,
        local_number=local_number,
        in_local_calling_area=in_local_calling_area,
    )

    response = await client.get_async_httpx_client().request(**kwargs)

    return _build_response(client=client, response=response)


async def asyncio(
    *,
    client: AuthenticatedClient | Client,
    quantity: int | Unset = UNSET,
    city: str | Unset = UNSET,
    state: str | Unset = UNSET,
    zip_: str | Unset = UNSET,
    area_code: str | Unset = UNSET,
    local_number: str | Unset = UNSET,
    in_local_calling_area: bool | Unset = UNSET,
) -> Error | list[OrderedNumber] | None:
    """Search for local numbers and order them

     Orders the numbers found (the criteria are query parameters, the body is empty).

    Args:
        quantity (int | Unset):
        city (str | Unset):
        state (str | Unset):
        zip_ (str | Unset):
        area_code (str | Unset):
        local_number (str | Unset):
        in_local_calling_area (bool | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Error | list[OrderedNumber]
    """

    return (
        await asyncio_detailed(
            client=client,
            quantity=quantity,
            city=city,
            state=state,
            zip_=zip_,
            area_code=area_code,
            local_number=local_number,
            in_local_calling_area=in_local_calling_area,
        )
    ).parsed
