"""The dict types users see. All but ``SendResult`` are generated from the spec."""

from __future__ import annotations

from typing import TYPE_CHECKING, NotRequired

from bandwidth_messaging_api.typed_dicts import (
    BulkResult,
    BulkResultStatus,
    CallbackHttpMethod,
    Error,
    ErrorDetail,
    EventType,
    Message,
    MessageDeliveryState,
    MessageDirection,
    MessageEvent,
    MessageState,
    ReceiptRequested,
    SendMessageItem,
    SendMessageItemExtra,
    SortOrder,
)

if TYPE_CHECKING:
    from ._exceptions import BandwidthError

__all__ = [
    "BulkResult",
    "BulkResultStatus",
    "CallbackHttpMethod",
    "Error",
    "ErrorDetail",
    "EventType",
    "Message",
    "MessageDeliveryState",
    "MessageDirection",
    "MessageEvent",
    "MessageState",
    "ReceiptRequested",
    "SendMessageItem",
    "SendMessageItemExtra",
    "SendResult",
    "SortOrder",
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
