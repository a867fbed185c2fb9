"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .account_type import AccountType
from .application import Application
from .application_request import ApplicationRequest
from .application_update import ApplicationUpdate
from .available_number import AvailableNumber
from .bulk_result import BulkResult
from .bulk_result_status import BulkResultStatus
from .callback_http_method import CallbackHttpMethod
from .error import Error
from .error_detail import ErrorDetail
from .event_type import EventType
from .media_file import MediaFile
from .message import Message
from .message_delivery_state import MessageDeliveryState
from .message_direction import MessageDirection
from .message_event import MessageEvent
from .message_request import MessageRequest
from .message_state import MessageState
from .number_info import NumberInfo
from .ordered_number import OrderedNumber
from .phone_number import PhoneNumber
from .phone_number_request import PhoneNumberRequest
from .phone_number_update import PhoneNumberUpdate
from .receipt_requested import ReceiptRequested
from .redact_request import RedactRequest
from .sort_order import SortOrder
from .transaction import Transaction
from .transaction_type import TransactionType
from .user_error import UserError

__all__ = (
    "Account",
    "AccountType",
    "Application",
    "ApplicationRequest",
    "ApplicationUpdate",
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
    "MessageRequest",
    "MessageState",
    "NumberInfo",
    "OrderedNumber",
    "PhoneNumber",
    "PhoneNumberRequest",
    "PhoneNumberUpdate",
    "ReceiptRequested",
    "RedactRequest",
    "SortOrder",
    "Transaction",
    "TransactionType",
    "UserError",
)
