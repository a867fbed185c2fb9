"""The Account API client: what a messaging application sets itself up with (its application
and its numbers, the pictures its MMS carry), with 3.x's method names, arguments and answers.

Each method is written here, sync and async: it names the generated ``Operation`` (method,
path, query and body as the spec gives them), hands its arguments to ``Exchange.request``,
which checks them against the spec's rules before anything is sent, and hands the flow to the
client's one driver (``_run``, or ``_items`` for a listing). Retries, errors and paging are
the exchange's (``_exchange.py``): a request that creates something (``POST``) is sent again
only when the API certainly did not act on it.
"""

from __future__ import annotations

import io
import os
from collections.abc import AsyncIterator, Iterator
from typing import IO, Any, TypeVar, Unpack

import httpx
from bandwidth_messaging_api import operations as op

from ._client import AsyncShell, SyncShell
from ._config import ClientOptions, Settings
from ._exceptions import BandwidthAccountAPIException, InvalidTypeError
from ._exchange import Exchange, Flow, Listing, TimeoutArg
from ._parsing import id_from_location, parse_created, parse_list, parse_nothing, parse_object
from ._types import (
    Account,
    Application,
    AvailableNumber,
    CallbackHttpMethod,
    MediaFile,
    NumberInfo,
    OrderedNumber,
    PhoneNumber,
    Transaction,
    TransactionType,
    UserError,
)
from ._voice import SipNotIncluded

__all__ = ["AsyncClient", "Client"]

T = TypeVar("T")

MediaContent = bytes | bytearray | memoryview | str | IO[bytes]
"""What ``upload_media_file`` sends: bytes, text (sent as UTF-8) or a binary file object."""


# -- the flows the methods hand to their driver: each one request, or a listing ---------------


def _read(exchange: Exchange, request: httpx.Request) -> Flow[T]:
    """One resource: the dict type the method declares (``T``), keys in snake_case."""
    return exchange.call(request, parse_object)


def _search(exchange: Exchange, request: httpx.Request, what: str) -> Flow[list[Any]]:
    return exchange.call(request, lambda response: parse_list(response, what))


def _create(exchange: Exchange, request: httpx.Request) -> Flow[str]:
    """A new resource's id, the last segment of the ``Location`` the API answers with."""
    return exchange.call(request, parse_created)


def _change(exchange: Exchange, request: httpx.Request) -> Flow[None]:
    return exchange.call(request, parse_nothing)


def _ordered(response: httpx.Response) -> list[OrderedNumber]:
    """Numbers ordered by a search: each with its ``id``, from its ``location`` (as 3.x)."""
    numbers: list[OrderedNumber] = parse_list(response, "ordered numbers")
    for number in numbers:
        location = number.get("location")
        if isinstance(location, str) and (number_id := id_from_location(location)):
            number["id"] = number_id
    return numbers


def _downloaded(response: httpx.Response) -> tuple[io.BytesIO, str]:
    return io.BytesIO(response.content), response.headers.get(
        "Content-Type", "application/octet-stream"
    )


def _media_body(content: MediaContent | None, file_path: str | os.PathLike[str] | None) -> bytes:
    """The bytes of a media file, from exactly one of ``content`` and ``file_path``: a file is
    read only up to one byte past the API's limit, so a file too large is refused (by
    ``Exchange.request``) without being read whole."""
    if (content is None) == (file_path is None):
        raise InvalidTypeError("upload_media_file takes either content or file_path, not both")
    most = op.UPLOAD_MEDIA.body_max_bytes
    past = -1 if most is None else most + 1
    if file_path is not None:
        with open(file_path, "rb") as file:
            return file.read(past)
    if isinstance(content, str):
        return content.encode("utf-8")
    if isinstance(content, bytes | bytearray | memoryview):
        return bytes(content)
    read = getattr(content, "read", None)
    if not callable(read):
        raise InvalidTypeError(
            f"content must be bytes, str or a binary file, not {type(content).__name__}"
        )
    data = read(past)
    if not isinstance(data, bytes):
        raise InvalidTypeError("content must be a file opened in binary mode ('rb')")
    return data


def _check_media_type(content_type: object) -> str:
    if not isinstance(content_type, str) or "/" not in content_type:
        raise InvalidTypeError(
            f"content_type must be a media type such as 'image/png', not {content_type!r}"
        )
    return content_type


class Client(SipNotIncluded, SyncShell[Exchange]):
    """The Account API client: the account, its applications, numbers, media and errors.

    Made like the Messaging client (``bandwidth.client('account', user_id, api_token,
    api_secret)``), with the same options, errors and retries. Listings are lazy iterators
    that read page after page; everything else returns when the API has answered. 3.x's
    domain and endpoint methods (SIP) raise ``VoiceAPINotIncludedError``.
    """

    def __init__(
        self,
        user_id: str | None = None,
        api_token: str | None = None,
        api_secret: str | None = None,
        *,
        http_client: httpx.Client | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        """As ``bandwidth.messaging.Client``: credentials not given are read from
        ``BANDWIDTH_USER_ID``, ``BANDWIDTH_API_TOKEN`` and ``BANDWIDTH_API_SECRET``."""
        super().__init__(user_id, api_token, api_secret, http_client, options)

    def _make_core(self, settings: Settings) -> Exchange:
        return Exchange(settings, BandwidthAccountAPIException)

    # -- the account ------------------------------------------------------------------------

    def get_account(self, *, timeout: TimeoutArg = None) -> Account:
        """The account's ``balance`` (dollars, a string) and ``account_type``."""
        request = self._core.request(op.GET_ACCOUNT, timeout)
        return self._run(_read(self._core, request))

    def list_account_transactions(
        self,
        max_items: int | None = None,
        to_date: str | None = None,
        from_date: str | None = None,
        trans_type: TransactionType | None = None,
        size: int | None = None,
        number: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> Iterator[Transaction]:
        """The account's transactions, newest first, read lazily page by page (``size`` per
        page). ``from_date``/``to_date``: ``yyyy-MM-dd'T'HH:mm:ssZ``; ``trans_type``:
        ``charge``, ``payment``, ``credit`` or ``auto-recharge``; ``number``: about this
        number; ``max_items``: at most that many in all."""
        query = {
            "max_items": max_items,
            "to_date": to_date,
            "from_date": from_date,
            "type_": trans_type,
            "size": size,
            "number": number,
        }
        request = self._core.request(op.LIST_ACCOUNT_TRANSACTIONS, timeout, query=query)
        return self._items(Listing(request, "transactions"))

    # -- applications -----------------------------------------------------------------------

    def list_applications(
        self, size: int | None = None, *, timeout: TimeoutArg = None
    ) -> Iterator[Application]:
        """The account's applications, read lazily page by page (``size`` per page)."""
        request = self._core.request(op.LIST_APPLICATIONS, timeout, query={"size": size})
        return self._items(Listing(request, "applications"))

    def create_application(
        self,
        name: str,
        incoming_call_url: str | None = None,
        incoming_call_url_callback_timeout: int | None = None,
        incoming_call_fallback_url: str | None = None,
        incoming_message_url: str | None = None,
        incoming_message_url_callback_timeout: int | None = None,
        incoming_message_fallback_url: str | None = None,
        callback_http_method: CallbackHttpMethod | None = None,
        auto_answer: bool | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> str:
        """Create an application and return its id (``a-...``). Message events of its
        numbers go to ``incoming_message_url`` (call events to ``incoming_call_url``; the API
        wants one of the two). Timeouts are in milliseconds."""
        body = {
            "name": name,
            "incoming_call_url": incoming_call_url,
            "incoming_call_url_callback_timeout": incoming_call_url_callback_timeout,
            "incoming_call_fallback_url": incoming_call_fallback_url,
            "incoming_message_url": incoming_message_url,
            "incoming_message_url_callback_timeout": incoming_message_url_callback_timeout,
            "incoming_message_fallback_url": incoming_message_fallback_url,
            "callback_http_method": callback_http_method,
            "auto_answer": auto_answer,
        }
        request = self._core.request(op.CREATE_APPLICATION, timeout, body=body)
        return self._run(_create(self._core, request))

    def get_application(self, app_id: str, *, timeout: TimeoutArg = None) -> Application:
        """The application with this id."""
        path = {"application_id": app_id}
        request = self._core.request(op.GET_APPLICATION, timeout, path=path)
        return self._run(_read(self._core, request))

    def update_application(
        self,
        app_id: str,
        name: str | None = None,
        incoming_call_url: str | None = None,
        incoming_call_url_callback_timeout: int | None = None,
        incoming_call_fallback_url: str | None = None,
        incoming_message_url: str | None = None,
        incoming_message_url_callback_timeout: int | None = None,
        incoming_message_fallback_url: str | None = None,
        callback_http_method: CallbackHttpMethod | None = None,
        auto_answer: bool | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> None:
        """Change the application's settings given; the others stay as they are."""
        body = {
            "name": name,
            "incoming_call_url": incoming_call_url,
            "incoming_call_url_callback_timeout": incoming_call_url_callback_timeout,
            "incoming_call_fallback_url": incoming_call_fallback_url,
            "incoming_message_url": incoming_message_url,
            "incoming_message_url_callback_timeout": incoming_message_url_callback_timeout,
            "incoming_message_fallback_url": incoming_message_fallback_url,
            "callback_http_method": callback_http_method,
            "auto_answer": auto_answer,
        }
        path = {"application_id": app_id}
        request = self._core.request(op.UPDATE_APPLICATION, timeout, path=path, body=body)
        return self._run(_change(self._core, request))

    def delete_application(self, app_id: str, *, timeout: TimeoutArg = None) -> None:
        """Delete the application (its numbers stay on the account, unassigned)."""
        path = {"application_id": app_id}
        request = self._core.request(op.DELETE_APPLICATION, timeout, path=path)
        return self._run(_change(self._core, request))

    # -- numbers to order -------------------------------------------------------------------

    def search_available_local_numbers(
        self,
        city: str | None = None,
        state: str | None = None,
        zip_code: str | None = None,
        area_code: str | None = None,
        local_number: str | None = None,
        in_local_calling_area: bool | None = None,
        quantity: int | None = None,
        pattern: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> list[AvailableNumber]:
        """Local numbers that can be ordered: by ``state`` (``'NC'``), ``zip_code`` or
        ``area_code`` (one of them), narrowed by ``city``, ``local_number``, ``pattern``
        (digits, letters, ``?`` and ``*``); at most ``quantity`` (default 10)."""
        query = {
            "city": city,
            "state": state,
            "zip_": zip_code,
            "area_code": area_code,
            "local_number": local_number,
            "in_local_calling_area": in_local_calling_area,
            "quantity": quantity,
            "pattern": pattern,
        }
        request = self._core.request(op.SEARCH_AVAILABLE_LOCAL_NUMBERS, timeout, query=query)
        return self._run(_search(self._core, request, "numbers"))

    def search_available_toll_free_numbers(
        self, quantity: int | None = None, pattern: str | None = None, *, timeout: TimeoutArg = None
    ) -> list[AvailableNumber]:
        """Toll-free numbers that can be ordered, matching ``pattern`` (``'*456'``) if given;
        at most ``quantity`` (default 10)."""
        query = {"quantity": quantity, "pattern": pattern}
        request = self._core.request(op.SEARCH_AVAILABLE_TOLL_FREE_NUMBERS, timeout, query=query)
        return self._run(_search(self._core, request, "numbers"))

    def search_and_order_local_numbers(
        self,
        city: str | None = None,
        state: str | None = None,
        zip_code: str | None = None,
        area_code: str | None = None,
        local_number: str | None = None,
        in_local_calling_area: bool | None = None,
        quantity: int | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> list[OrderedNumber]:
        """Search as ``search_available_local_numbers`` and order what is found (at most
        ``quantity``, default 10): the numbers now on the account, each with its ``id``."""
        query = {
            "city": city,
            "state": state,
            "zip_": zip_code,
            "area_code": area_code,
            "local_number": local_number,
            "in_local_calling_area": in_local_calling_area,
            "quantity": quantity,
        }
        request = self._core.request(op.SEARCH_AND_ORDER_LOCAL_NUMBERS, timeout, query=query)
        return self._run(self._core.call(request, _ordered))

    def search_and_order_toll_free_numbers(
        self, quantity: int, *, timeout: TimeoutArg = None
    ) -> list[OrderedNumber]:
        """Order ``quantity`` toll-free numbers: the numbers now on the account, with ids."""
        query = {"quantity": quantity}
        request = self._core.request(op.SEARCH_AND_ORDER_TOLL_FREE_NUMBERS, timeout, query=query)
        return self._run(self._core.call(request, _ordered))

    # -- the account's numbers --------------------------------------------------------------

    def list_phone_numbers(
        self,
        application_id: str | None = None,
        state: str | None = None,
        name: str | None = None,
        city: str | None = None,
        number_state: str | None = None,
        size: int | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> Iterator[PhoneNumber]:
        """The account's numbers matching the filters, read lazily page by page."""
        query = {
            "application_id": application_id,
            "state": state,
            "name": name,
            "city": city,
            "number_state": number_state,
            "size": size,
        }
        request = self._core.request(op.LIST_PHONE_NUMBERS, timeout, query=query)
        return self._items(Listing(request, "phone numbers"))

    def order_phone_number(
        self,
        number: str,
        name: str | None = None,
        application_id: str | None = None,
        fallback_number: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> str:
        """Order an available ``number`` (E.164), assigned to ``application_id`` if given;
        returns its id (``n-...``)."""
        body = {
            "number": number,
            "name": name,
            "application_id": application_id,
            "fallback_number": fallback_number,
        }
        request = self._core.request(op.ORDER_PHONE_NUMBER, timeout, body=body)
        return self._run(_create(self._core, request))

    def get_phone_number(self, number_id: str, *, timeout: TimeoutArg = None) -> PhoneNumber:
        """One of the account's numbers, by its id or by the number itself (E.164)."""
        path = {"number_id": number_id}
        request = self._core.request(op.GET_PHONE_NUMBER, timeout, path=path)
        return self._run(_read(self._core, request))

    def update_phone_number(
        self,
        number_id: str,
        name: str | None = None,
        application_id: str | None = None,
        fallback_number: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> None:
        """Change the number's settings given: ``application_id`` assigns it to an
        application (``''`` unassigns it)."""
        body = {"name": name, "application_id": application_id, "fallback_number": fallback_number}
        path = {"number_id": number_id}
        request = self._core.request(op.UPDATE_PHONE_NUMBER, timeout, path=path, body=body)
        return self._run(_change(self._core, request))

    def delete_phone_number(self, number_id: str, *, timeout: TimeoutArg = None) -> None:
        """Release the number from the account."""
        path = {"number_id": number_id}
        request = self._core.request(op.DELETE_PHONE_NUMBER, timeout, path=path)
        return self._run(_change(self._core, request))

    def get_number_info(self, number: str, *, timeout: TimeoutArg = None) -> NumberInfo:
        """The caller-id name (CNAM) of any number (E.164)."""
        request = self._core.request(op.GET_NUMBER_INFO, timeout, path={"number": number})
        return self._run(_read(self._core, request))

    # -- media ------------------------------------------------------------------------------

    def list_media_files(self, *, timeout: TimeoutArg = None) -> Iterator[MediaFile]:
        """The account's media files (``media_name``, ``content_length``, ``content``: its
        URL), read lazily."""
        request = self._core.request(op.LIST_MEDIA, timeout)
        return self._items(Listing(request, "media files"))

    def upload_media_file(
        self,
        media_name: str,
        content: MediaContent | None = None,
        content_type: str = "application/octet-stream",
        file_path: str | os.PathLike[str] | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> str:
        """Store a file as ``media_name`` (replacing one of that name) from ``content``
        (bytes, text or a binary file) or ``file_path``, and return its URL, which a message's
        ``media`` takes. ``content_type`` is sent with it (``'image/png'``)."""
        content_type = _check_media_type(content_type)
        data = _media_body(content, file_path)
        path = {"media_name": media_name}
        request = self._core.request(
            op.UPLOAD_MEDIA, timeout, path=path, content=data, content_type=content_type
        )
        self._run(_change(self._core, request))
        return str(request.url)

    def download_media_file(
        self, media_name: str, *, timeout: TimeoutArg = None
    ) -> tuple[io.BytesIO, str]:
        """The file's content (read whole: at most the size the spec says the API stores) as
        a binary stream, and its media type:
        ``stream, content_type = api.download_media_file(name)``."""
        request = self._core.request(op.DOWNLOAD_MEDIA, timeout, path={"media_name": media_name})
        request.headers["Accept"] = "*/*"
        return self._run(self._core.call(request, _downloaded))

    def delete_media_file(self, media_name: str, *, timeout: TimeoutArg = None) -> None:
        """Delete the file (messages already sent with its URL keep their copy)."""
        request = self._core.request(op.DELETE_MEDIA, timeout, path={"media_name": media_name})
        return self._run(_change(self._core, request))

    # -- errors -----------------------------------------------------------------------------

    def list_errors(
        self, size: int | None = None, *, timeout: TimeoutArg = None
    ) -> Iterator[UserError]:
        """The errors the API met for the account, newest first, read lazily."""
        request = self._core.request(op.LIST_ERRORS, timeout, query={"size": size})
        return self._items(Listing(request, "errors"))

    def get_error(self, error_id: str, *, timeout: TimeoutArg = None) -> UserError:
        """One of the account's errors, by its id (``ue-...``)."""
        request = self._core.request(op.GET_ERROR, timeout, path={"error_id": error_id})
        return self._run(_read(self._core, request))


class AsyncClient(SipNotIncluded, AsyncShell[Exchange]):
    """The Account API client for asyncio: ``Client``'s methods as coroutines, listings as
    async iterators. Close with ``await client.aclose()`` or ``async with``."""

    def __init__(
        self,
        user_id: str | None = None,
        api_token: str | None = None,
        api_secret: str | None = None,
        *,
        http_client: httpx.AsyncClient | None = None,
        **options: Unpack[ClientOptions],
    ) -> None:
        """As ``Client``, with the caller's own ``httpx.AsyncClient`` as ``http_client``."""
        super().__init__(user_id, api_token, api_secret, http_client, options)

    def _make_core(self, settings: Settings) -> Exchange:
        return Exchange(settings, BandwidthAccountAPIException)

    # -- the account ------------------------------------------------------------------------

    async def get_account(self, *, timeout: TimeoutArg = None) -> Account:
        """The account's ``balance`` (dollars, a string) and ``account_type``."""
        request = self._core.request(op.GET_ACCOUNT, timeout)
        return await self._run(_read(self._core, request))

    def list_account_transactions(
        self,
        max_items: int | None = None,
        to_date: str | None = None,
        from_date: str | None = None,
        trans_type: TransactionType | None = None,
        size: int | None = None,
        number: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> AsyncIterator[Transaction]:
        """The account's transactions, newest first, read lazily page by page (``size`` per
        page). ``from_date``/``to_date``: ``yyyy-MM-dd'T'HH:mm:ssZ``; ``trans_type``:
        ``charge``, ``payment``, ``credit`` or ``auto-recharge``; ``number``: about this
        number; ``max_items``: at most that many in all."""
        query = {
            "max_items": max_items,
            "to_date": to_date,
            "from_date": from_date,
            "type_": trans_type,
            "size": size,
            "number": number,
        }
        request = self._core.request(op.LIST_ACCOUNT_TRANSACTIONS, timeout, query=query)
        return self._items(Listing(request, "transactions"))

    # -- applications -----------------------------------------------------------------------

    def list_applications(
        self, size: int | None = None, *, timeout: TimeoutArg = None
    ) -> AsyncIterator[Application]:
        """The account's applications, read lazily page by page (``size`` per page)."""
        request = self._core.request(op.LIST_APPLICATIONS, timeout, query={"size": size})
        return self._items(Listing(request, "applications"))

    async def create_application(
        self,
        name: str,
        incoming_call_url: str | None = None,
        incoming_call_url_callback_timeout: int | None = None,
        incoming_call_fallback_url: str | None = None,
        incoming_message_url: str | None = None,
        incoming_message_url_callback_timeout: int | None = None,
        incoming_message_fallback_url: str | None = None,
        callback_http_method: CallbackHttpMethod | None = None,
        auto_answer: bool | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> str:
        """Create an application and return its id (``a-...``). Message events of its
        numbers go to ``incoming_message_url`` (call events to ``incoming_call_url``; the API
        wants one of the two). Timeouts are in milliseconds."""
        body = {
            "name": name,
            "incoming_call_url": incoming_call_url,
            "incoming_call_url_callback_timeout": incoming_call_url_callback_timeout,
            "incoming_call_fallback_url": incoming_call_fallback_url,
            "incoming_message_url": incoming_message_url,
            "incoming_message_url_callback_timeout": incoming_message_url_callback_timeout,
            "incoming_message_fallback_url": incoming_message_fallback_url,
            "callback_http_method": callback_http_method,
            "auto_answer": auto_answer,
        }
        request = self._core.request(op.CREATE_APPLICATION, timeout, body=body)
        return await self._run(_create(self._core, request))

    async def get_application(self, app_id: str, *, timeout: TimeoutArg = None) -> Application:
        """The application with this id."""
        path = {"application_id": app_id}
        request = self._core.request(op.GET_APPLICATION, timeout, path=path)
        return await self._run(_read(self._core, request))

    async def update_application(
        self,
        app_id: str,
        name: str | None = None,
        incoming_call_url: str | None = None,
        incoming_call_url_callback_timeout: int | None = None,
        incoming_call_fallback_url: str | None = None,
        incoming_message_url: str | None = None,
        incoming_message_url_callback_timeout: int | None = None,
        incoming_message_fallback_url: str | None = None,
        callback_http_method: CallbackHttpMethod | None = None,
        auto_answer: bool | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> None:
        """Change the application's settings given; the others stay as they are."""
        body = {
            "name": name,
            "incoming_call_url": incoming_call_url,
            "incoming_call_url_callback_timeout": incoming_call_url_callback_timeout,
            "incoming_call_fallback_url": incoming_call_fallback_url,
            "incoming_message_url": incoming_message_url,
            "incoming_message_url_callback_timeout": incoming_message_url_callback_timeout,
            "incoming_message_fallback_url": incoming_message_fallback_url,
            "callback_http_method": callback_http_method,
            "auto_answer": auto_answer,
        }
        path = {"application_id": app_id}
        request = self._core.request(op.UPDATE_APPLICATION, timeout, path=path, body=body)
        return await self._run(_change(self._core, request))

    async def delete_application(self, app_id: str, *, timeout: TimeoutArg = None) -> None:
        """Delete the application (its numbers stay on the account, unassigned)."""
        path = {"application_id": app_id}
        request = self._core.request(op.DELETE_APPLICATION, timeout, path=path)
        return await self._run(_change(self._core, request))

    # -- numbers to order -------------------------------------------------------------------

    async def search_available_local_numbers(
        self,
        city: str | None = None,
        state: str | None = None,
        zip_code: str | None = None,
        area_code: str | None = None,
        local_number: str | None = None,
        in_local_calling_area: bool | None = None,
        quantity: int | None = None,
        pattern: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> list[AvailableNumber]:
        """Local numbers that can be ordered: by ``state`` (``'NC'``), ``zip_code`` or
        ``area_code`` (one of them), narrowed by ``city``, ``local_number``, ``pattern``
        (digits, letters, ``?`` and ``*``); at most ``quantity`` (default 10)."""
        query = {
            "city": city,
            "state": state,
            "zip_": zip_code,
            "area_code": area_code,
            "local_number": local_number,
            "in_local_calling_area": in_local_calling_area,
            "quantity": quantity,
            "pattern": pattern,
        }
        request = self._core.request(op.SEARCH_AVAILABLE_LOCAL_NUMBERS, timeout, query=query)
        return await self._run(_search(self._core, request, "numbers"))

    async def search_available_toll_free_numbers(
        self, quantity: int | None = None, pattern: str | None = None, *, timeout: TimeoutArg = None
    ) -> list[AvailableNumber]:
        """Toll-free numbers that can be ordered, matching ``pattern`` (``'*456'``) if given;
        at most ``quantity`` (default 10)."""
        query = {"quantity": quantity, "pattern": pattern}
        request = self._core.request(op.SEARCH_AVAILABLE_TOLL_FREE_NUMBERS, timeout, query=query)
        return await self._run(_search(self._core, request, "numbers"))

    async def search_and_order_local_numbers(
        self,
        city: str | None = None,
        state: str | None = None,
        zip_code: str | None = None,
        area_code: str | None = None,
        local_number: str | None = None,
        in_local_calling_area: bool | None = None,
        quantity: int | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> list[OrderedNumber]:
        """Search as ``search_available_local_numbers`` and order what is found (at most
        ``quantity``, default 10): the numbers now on the account, each with its ``id``."""
        query = {
            "city": city,
            "state": state,
            "zip_": zip_code,
            "area_code": area_code,
            "local_number": local_number,
            "in_local_calling_area": in_local_calling_area,
            "quantity": quantity,
        }
        request = self._core.request(op.SEARCH_AND_ORDER_LOCAL_NUMBERS, timeout, query=query)
        return await self._run(self._core.call(request, _ordered))

    async def search_and_order_toll_free_numbers(
        self, quantity: int, *, timeout: TimeoutArg = None
    ) -> list[OrderedNumber]:
        """Order ``quantity`` toll-free numbers: the numbers now on the account, with ids."""
        query = {"quantity": quantity}
        request = self._core.request(op.SEARCH_AND_ORDER_TOLL_FREE_NUMBERS, timeout, query=query)
        return await self._run(self._core.call(request, _ordered))

    # -- the account's numbers --------------------------------------------------------------

    def list_phone_numbers(
        self,
        application_id: str | None = None,
        state: str | None = None,
        name: str | None = None,
        city: str | None = None,
        number_state: str | None = None,
        size: int | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> AsyncIterator[PhoneNumber]:
        """The account's numbers matching the filters, read lazily page by page."""
        query = {
            "application_id": application_id,
            "state": state,
            "name": name,
            "city": city,
            "number_state": number_state,
            "size": size,
        }
        request = self._core.request(op.LIST_PHONE_NUMBERS, timeout, query=query)
        return self._items(Listing(request, "phone numbers"))

    async def order_phone_number(
        self,
        number: str,
        name: str | None = None,
        application_id: str | None = None,
        fallback_number: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> str:
        """Order an available ``number`` (E.164), assigned to ``application_id`` if given;
        returns its id (``n-...``)."""
        body = {
            "number": number,
            "name": name,
            "application_id": application_id,
            "fallback_number": fallback_number,
        }
        request = self._core.request(op.ORDER_PHONE_NUMBER, timeout, body=body)
        return await self._run(_create(self._core, request))

    async def get_phone_number(self, number_id: str, *, timeout: TimeoutArg = None) -> PhoneNumber:
        """One of the account's numbers, by its id or by the number itself (E.164)."""
        path = {"number_id": number_id}
        request = self._core.request(op.GET_PHONE_NUMBER, timeout, path=path)
        return await self._run(_read(self._core, request))

    async def update_phone_number(
        self,
        number_id: str,
        name: str | None = None,
        application_id: str | None = None,
        fallback_number: str | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> None:
        """Change the number's settings given: ``application_id`` assigns it to an
        application (``''`` unassigns it)."""
        body = {"name": name, "application_id": application_id, "fallback_number": fallback_number}
        path = {"number_id": number_id}
        request = self._core.request(op.UPDATE_PHONE_NUMBER, timeout, path=path, body=body)
        return await self._run(_change(self._core, request))

    async def delete_phone_number(self, number_id: str, *, timeout: TimeoutArg = None) -> None:
        """Release the number from the account."""
        path = {"number_id": number_id}
        request = self._core.request(op.DELETE_PHONE_NUMBER, timeout, path=path)
        return await self._run(_change(self._core, request))

    async def get_number_info(self, number: str, *, timeout: TimeoutArg = None) -> NumberInfo:
        """The caller-id name (CNAM) of any number (E.164)."""
        request = self._core.request(op.GET_NUMBER_INFO, timeout, path={"number": number})
        return await self._run(_read(self._core, request))

    # -- media ------------------------------------------------------------------------------

    def list_media_files(self, *, timeout: TimeoutArg = None) -> AsyncIterator[MediaFile]:
        """The account's media files (``media_name``, ``content_length``, ``content``: its
        URL), read lazily."""
        request = self._core.request(op.LIST_MEDIA, timeout)
        return self._items(Listing(request, "media files"))

    async def upload_media_file(
        self,
        media_name: str,
        content: MediaContent | None = None,
        content_type: str = "application/octet-stream",
        file_path: str | os.PathLike[str] | None = None,
        *,
        timeout: TimeoutArg = None,
    ) -> str:
        """Store a file as ``media_name`` (replacing one of that name) from ``content``
        (bytes, text or a binary file) or ``file_path``, and return its URL, which a message's
        ``media`` takes. ``content_type`` is sent with it (``'image/png'``)."""
        import asyncio

        content_type = _check_media_type(content_type)
        # A file is read in a worker thread: up to the API's limit, off the event loop.
        data = await asyncio.to_thread(_media_body, content, file_path)
        path = {"media_name": media_name}
        request = self._core.request(
            op.UPLOAD_MEDIA, timeout, path=path, content=data, content_type=content_type
        )
        await self._run(_change(self._core, request))
        return str(request.url)

    async def download_media_file(
        self, media_name: str, *, timeout: TimeoutArg = None
    ) -> tuple[io.BytesIO, str]:
        """The file's content (read whole: at most the size the spec says the API stores) as
        a binary stream, and its media type:
        ``stream, content_type = api.download_media_file(name)``."""
        request = self._core.request(op.DOWNLOAD_MEDIA, timeout, path={"media_name": media_name})
        request.headers["Accept"] = "*/*"
        return await self._run(self._core.call(request, _downloaded))

    async def delete_media_file(self, media_name: str, *, timeout: TimeoutArg = None) -> None:
        """Delete the file (messages already sent with its URL keep their copy)."""
        request = self._core.request(op.DELETE_MEDIA, timeout, path={"media_name": media_name})
        return await self._run(_change(self._core, request))

    # -- errors -----------------------------------------------------------------------------

    def list_errors(
        self, size: int | None = None, *, timeout: TimeoutArg = None
    ) -> AsyncIterator[UserError]:
        """The errors the API met for the account, newest first, read lazily."""
        request = self._core.request(op.LIST_ERRORS, timeout, query={"size": size})
        return self._items(Listing(request, "errors"))

    async def get_error(self, error_id: str, *, timeout: TimeoutArg = None) -> UserError:
        """One of the account's errors, by its id (``ue-...``)."""
        request = self._core.request(op.GET_ERROR, timeout, path={"error_id": error_id})
        return await self._run(_read(self._core, request))
