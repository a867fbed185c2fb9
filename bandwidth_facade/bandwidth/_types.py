"""The dict types users see. All but ``SendResult`` and ``OrderedNumber`` (which add the
SDK's keys to the API's) are generated from the spec."""

from __future__ import annotations

from typing import TYPE_CHECKING, NotRequired

from bandwidth_messaging_api.typed_dicts import (
    Account,
    AccountType,
    Application,
    AvailableNumber,
    BulkResult,
    BulkResultStatus,
    CallbackHttpMethod,
    Error,
    ErrorDetail,
    EventType,
    MediaFile,
    Message,
    MessageDeliveryState,
    MessageDirection,
    MessageEvent,
    MessageState,
    NumberInfo,
    PhoneNumber,
    ReceiptRequested,
    SendMessageItem,
    SendMessageItemExtra,
    SortOrder,
    Transaction,
    TransactionType,
    UserError,
)
from bandwidth_messaging_api.typed_dicts import OrderedNumber as _OrderedNumber

if TYPE_CHECKING:
    from ._exceptions import BandwidthError

__all__ = [
    "Account",
    "AccountType",
    "Application",
    "AvailableNumber",
    "BulkResult",
    "BulkResultStatus",
    "CallbackHttpMethod",
    "Error",
    "ErrorDetail",
    "EventType",
    "MediaFile",
    "Message",
    "MessageDeliveryState",
    "MessageDirection",
    "MessageEvent",
    "MessageState",
    "NumberInfo",
    "OrderedNumber",
    "PhoneNumber",
    "ReceiptRequested",
    "SendMessageItem",
    "SendMessageItemExtra",
    "SendResult",
    "SortOrder",
    "Transaction",
    "TransactionType",
    "UserError",
]


class SendResult(BulkResult):
    """One item's result from ``send_messages``: the API's bulk result plus SDK keys.

    Always: ``result`` (``'accepted'`` or ``'error'``) and ``message`` (the item as sent, with
    the wire's keys). Accepted: ``location`` and ``id`` (its last path segment). Error: ``error``
    (the API's error for this item, or a description of why its request failed) and
    ``may_have_been_sent``: ``False`` when the message certainly did not go out, ``True`` when
    its request failed in a way that leaves that unknown (a 5xx, a timeout after sending).
    ``exception`` holds the error raised for the item's request, when the whole request failed.

    ``index`` identifies the item: its position in the input (from 0), or the line a
    ``Journal`` was given for it. ``sent_at`` is when its request was first sent (UTC, as the
    API writes times), absent when it never was. ``reconciled`` is ``True`` on a result that
    ``reconcile`` settled by looking the message up.
    """

    id: NotRequired[str]
    message: SendMessageItem
    index: int
    sent_at: NotRequired[str]
    may_have_been_sent: NotRequired[bool]
    exception: NotRequired[BandwidthError]
    reconciled: NotRequired[bool]


class OrderedNumber(_OrderedNumber):
    """A number a search-and-order put on the account: the API's keys, and ``id`` (the last
    segment of its ``location``), as 3.x gave it."""

    id: NotRequired[str]
