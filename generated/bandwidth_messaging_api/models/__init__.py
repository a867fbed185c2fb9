"""Contains all the data models used in inputs/outputs"""

from .bulk_result import BulkResult
from .bulk_result_status import BulkResultStatus
from .callback_http_method import CallbackHttpMethod
from .error import Error
from .error_detail import ErrorDetail
from .event_type import EventType
from .message import Message
from .message_delivery_state import MessageDeliveryState
from .message_direction import MessageDirection
from .message_event import MessageEvent
from .message_request import MessageRequest
from .message_state import MessageState
from .receipt_requested import ReceiptRequested
from .redact_request import RedactRequest
from .sort_order import SortOrder

__all__ = (
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
    "MessageRequest",
    "MessageState",
    "ReceiptRequested",
    "RedactRequest",
    "SortOrder",
)
