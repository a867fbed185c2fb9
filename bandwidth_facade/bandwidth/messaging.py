"""The Messaging API: ``messaging.Client(user_id, api_token, api_secret)`` and what it returns."""

from ._client import AsyncClient, Client
from ._exceptions import BandwidthError, BandwidthMessageAPIException
from ._types import (
    BulkResult,
    CallbackHttpMethod,
    Error,
    ErrorDetail,
    Message,
    MessageDeliveryState,
    MessageDirection,
    MessageState,
    ReceiptRequested,
    SendMessageItem,
    SendResult,
    SortOrder,
)

__all__ = [
    "AsyncClient",
    "BandwidthError",
    "BandwidthMessageAPIException",
    "BulkResult",
    "CallbackHttpMethod",
    "Client",
    "Error",
    "ErrorDetail",
    "Message",
    "MessageDeliveryState",
    "MessageDirection",
    "MessageState",
    "ReceiptRequested",
    "SendMessageItem",
    "SendResult",
    "SortOrder",
]
