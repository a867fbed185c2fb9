"""Dict types, enums and key maps derived from the spec by scripts/generate.py.

Generated code: do not edit. Response dicts have snake_case keys (``from`` stays);
enumerated response fields are typed by their known values, and values the API adds
later still come back at run time.
"""

import re
from typing import Final, Literal, NotRequired, TypedDict

_ACRONYM = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD = re.compile(r"([a-z0-9])([A-Z])")


def snake_case(name: str) -> str:
    """``skipMMSCarrierValidation`` -> ``skip_mms_carrier_validation``; ``from`` stays ``from``."""
    return _WORD.sub(r"\1_\2", _ACRONYM.sub(r"\1_\2", name)).lower()


ReceiptRequested = Literal["none", "all", "error"]

CallbackHttpMethod = Literal["GET", "POST"]

SortOrder = Literal["asc", "desc"]

MessageDirection = Literal["in", "out"]

MessageState = Literal["received", "queued", "sending", "sent", "error"]

MessageDeliveryState = Literal["waiting", "delivered", "not-delivered"]

BulkResultStatus = Literal["accepted", "error"]

EventType = Literal["sms", "mms"]

AccountType = Literal["pre-pay", "post-pay"]

TransactionType = Literal["charge", "payment", "credit", "auto-recharge"]

ErrorDetail = TypedDict(
    "ErrorDetail",
    {
        "name": NotRequired[str],
        "value": NotRequired[str],
    },
)
"""The API's ErrorDetail, keys in snake_case."""

Error = TypedDict(
    "Error",
    {
        "category": NotRequired[str],
        "code": NotRequired[str],
        "message": NotRequired[str],
        "details": NotRequired[list[ErrorDetail]],
    },
)
"""The JSON body of every error answer."""

Message = TypedDict(
    "Message",
    {
        "id": str,
        "message_id": NotRequired[str],
        "from": str,
        "to": str,
        "direction": MessageDirection,
        "text": NotRequired[str],
        "media": NotRequired[list[str]],
        "state": MessageState,
        "time": str,
        "callback_url": NotRequired[str],
        "callback_http_method": NotRequired[str],
        "callback_timeout": NotRequired[int],
        "fallback_url": NotRequired[str],
        "tag": NotRequired[str],
        "receipt_requested": NotRequired[str],
        "delivery_state": NotRequired[MessageDeliveryState],
        "delivery_code": NotRequired[int],
        "delivery_description": NotRequired[str],
        "skip_mms_carrier_validation": NotRequired[bool],
        "segment_count": NotRequired[int],
    },
)
"""A message as the API reports it. The API always gives its id, numbers, direction, state and time (every example in ap-docs `getMessages.md` and `getMessagesMessageId.md`); any other property may be absent."""

BulkResult = TypedDict(
    "BulkResult",
    {
        "result": BulkResultStatus,
        "location": NotRequired[str],
        "error": NotRequired[Error],
    },
)
"""The result of one item of a bulk send."""

MessageEvent = TypedDict(
    "MessageEvent",
    {
        "event_type": EventType,
        "direction": MessageDirection,
        "from": str,
        "to": str,
        "message_id": str,
        "message_uri": NotRequired[str],
        "text": NotRequired[str],
        "application_id": NotRequired[str],
        "time": str,
        "state": MessageState,
        "delivery_state": NotRequired[MessageDeliveryState],
        "delivery_code": NotRequired[int],
        "delivery_description": NotRequired[str],
        "segment_count": NotRequired[int],
        "media": NotRequired[list[str]],
        "tag": NotRequired[str],
    },
)
"""What Bandwidth sends to the application's callback for an incoming message or a delivery receipt. Properties the API adds later are kept."""

Account = TypedDict(
    "Account",
    {
        "balance": NotRequired[str],
        "account_type": NotRequired[AccountType],
    },
)
"""The account's balance and type."""

Transaction = TypedDict(
    "Transaction",
    {
        "id": NotRequired[str],
        "time": NotRequired[str],
        "amount": NotRequired[str],
        "type": NotRequired[TransactionType],
        "units": NotRequired[int],
        "product_type": NotRequired[str],
        "number": NotRequired[str],
        "resource_id": NotRequired[str],
    },
)
"""A charge, payment or credit of the account."""

Application = TypedDict(
    "Application",
    {
        "id": NotRequired[str],
        "name": NotRequired[str],
        "incoming_call_url": NotRequired[str],
        "incoming_call_url_callback_timeout": NotRequired[int],
        "incoming_call_fallback_url": NotRequired[str],
        "incoming_message_url": NotRequired[str],
        "incoming_message_url_callback_timeout": NotRequired[int],
        "incoming_message_fallback_url": NotRequired[str],
        "callback_http_method": NotRequired[str],
        "auto_answer": NotRequired[bool],
    },
)
"""An application, which receives the events of the numbers assigned to it."""

AvailableNumber = TypedDict(
    "AvailableNumber",
    {
        "number": NotRequired[str],
        "national_number": NotRequired[str],
        "pattern_match": NotRequired[str],
        "city": NotRequired[str],
        "lata": NotRequired[str],
        "rate_center": NotRequired[str],
        "state": NotRequired[str],
        "price": NotRequired[str],
    },
)
"""A number that can be ordered."""

OrderedNumber = TypedDict(
    "OrderedNumber",
    {
        "number": NotRequired[str],
        "national_number": NotRequired[str],
        "price": NotRequired[str],
        "city": NotRequired[str],
        "state": NotRequired[str],
        "location": NotRequired[str],
    },
)
"""A number just ordered."""

PhoneNumber = TypedDict(
    "PhoneNumber",
    {
        "id": NotRequired[str],
        "name": NotRequired[str],
        "number": NotRequired[str],
        "national_number": NotRequired[str],
        "city": NotRequired[str],
        "state": NotRequired[str],
        "application_id": NotRequired[str],
        "application": NotRequired[str],
        "fallback_number": NotRequired[str],
        "price": NotRequired[str],
        "created_time": NotRequired[str],
        "number_state": NotRequired[str],
    },
)
"""One of the account's numbers."""

MediaFile = TypedDict(
    "MediaFile",
    {
        "media_name": NotRequired[str],
        "content_length": NotRequired[int],
        "content": NotRequired[str],
    },
)
"""A file stored on the account, to send in messages by its URL."""

NumberInfo = TypedDict(
    "NumberInfo",
    {
        "name": NotRequired[str],
        "number": NotRequired[str],
        "created": NotRequired[str],
        "updated": NotRequired[str],
    },
)
"""A number's caller-id name (CNAM)."""

UserError = TypedDict(
    "UserError",
    {
        "id": NotRequired[str],
        "time": NotRequired[str],
        "category": NotRequired[str],
        "code": NotRequired[str],
        "message": NotRequired[str],
        "details": NotRequired[list[ErrorDetail]],
    },
)
"""An error the API met while serving the account."""

SendMessageItemExtra = TypedDict(
    "SendMessageItemExtra",
    {},
)
"""Send parameters the spec has beyond ``send_message``'s named ones (snake_case); ``send_message`` takes them as keyword arguments."""

SendMessageItem = TypedDict(
    "SendMessageItem",
    {
        "from": str,
        "to": str,
        "text": NotRequired[str],
        "media": NotRequired[list[str]],
        "receiptRequested": NotRequired[ReceiptRequested],
        "callbackUrl": NotRequired[str],
        "callbackHttpMethod": NotRequired[CallbackHttpMethod],
        "callbackTimeout": NotRequired[int],
        "fallbackUrl": NotRequired[str],
        "tag": NotRequired[str],
        "receipt_requested": NotRequired[ReceiptRequested],
        "callback_url": NotRequired[str],
        "callback_http_method": NotRequired[CallbackHttpMethod],
        "callback_timeout": NotRequired[int],
        "fallback_url": NotRequired[str],
    },
)
"""One message to send: the wire's keys (``callbackUrl``) or their snake_case spellings (``callback_url``)."""

RESPONSE_NAMES: Final[dict[str, dict[str, str]]] = {
    "ErrorDetail": {"name": "name", "value": "value"},
    "Error": {"category": "category", "code": "code", "message": "message", "details": "details"},
    "Message": {
        "id": "id",
        "message_id": "messageId",
        "from": "from",
        "to": "to",
        "direction": "direction",
        "text": "text",
        "media": "media",
        "state": "state",
        "time": "time",
        "callback_url": "callbackUrl",
        "callback_http_method": "callbackHttpMethod",
        "callback_timeout": "callbackTimeout",
        "fallback_url": "fallbackUrl",
        "tag": "tag",
        "receipt_requested": "receiptRequested",
        "delivery_state": "deliveryState",
        "delivery_code": "deliveryCode",
        "delivery_description": "deliveryDescription",
        "skip_mms_carrier_validation": "skipMMSCarrierValidation",
        "segment_count": "segmentCount",
    },
    "BulkResult": {"result": "result", "location": "location", "error": "error"},
    "MessageEvent": {
        "event_type": "eventType",
        "direction": "direction",
        "from": "from",
        "to": "to",
        "message_id": "messageId",
        "message_uri": "messageUri",
        "text": "text",
        "application_id": "applicationId",
        "time": "time",
        "state": "state",
        "delivery_state": "deliveryState",
        "delivery_code": "deliveryCode",
        "delivery_description": "deliveryDescription",
        "segment_count": "segmentCount",
        "media": "media",
        "tag": "tag",
    },
    "Account": {"balance": "balance", "account_type": "accountType"},
    "Transaction": {
        "id": "id",
        "time": "time",
        "amount": "amount",
        "type": "type",
        "units": "units",
        "product_type": "productType",
        "number": "number",
        "resource_id": "resourceId",
    },
    "Application": {
        "id": "id",
        "name": "name",
        "incoming_call_url": "incomingCallUrl",
        "incoming_call_url_callback_timeout": "incomingCallUrlCallbackTimeout",
        "incoming_call_fallback_url": "incomingCallFallbackUrl",
        "incoming_message_url": "incomingMessageUrl",
        "incoming_message_url_callback_timeout": "incomingMessageUrlCallbackTimeout",
        "incoming_message_fallback_url": "incomingMessageFallbackUrl",
        "callback_http_method": "callbackHttpMethod",
        "auto_answer": "autoAnswer",
    },
    "AvailableNumber": {
        "number": "number",
        "national_number": "nationalNumber",
        "pattern_match": "patternMatch",
        "city": "city",
        "lata": "lata",
        "rate_center": "rateCenter",
        "state": "state",
        "price": "price",
    },
    "OrderedNumber": {
        "number": "number",
        "national_number": "nationalNumber",
        "price": "price",
        "city": "city",
        "state": "state",
        "location": "location",
    },
    "PhoneNumber": {
        "id": "id",
        "name": "name",
        "number": "number",
        "national_number": "nationalNumber",
        "city": "city",
        "state": "state",
        "application_id": "applicationId",
        "application": "application",
        "fallback_number": "fallbackNumber",
        "price": "price",
        "created_time": "createdTime",
        "number_state": "numberState",
    },
    "MediaFile": {"media_name": "mediaName", "content_length": "contentLength", "content": "content"},
    "NumberInfo": {"name": "name", "number": "number", "created": "created", "updated": "updated"},
    "UserError": {
        "id": "id",
        "time": "time",
        "category": "category",
        "code": "code",
        "message": "message",
        "details": "details",
    },
}
"""The wire name of each snake_case key, schema by schema (for the stand-in, which
writes answers as the API does)."""

WIRE_TO_SNAKE: Final[dict[str, str]] = {
    "accountType": "account_type",
    "amount": "amount",
    "application": "application",
    "applicationId": "application_id",
    "autoAnswer": "auto_answer",
    "balance": "balance",
    "callbackHttpMethod": "callback_http_method",
    "callbackTimeout": "callback_timeout",
    "callbackUrl": "callback_url",
    "category": "category",
    "city": "city",
    "code": "code",
    "content": "content",
    "contentLength": "content_length",
    "created": "created",
    "createdTime": "created_time",
    "deliveryCode": "delivery_code",
    "deliveryDescription": "delivery_description",
    "deliveryState": "delivery_state",
    "details": "details",
    "direction": "direction",
    "error": "error",
    "eventType": "event_type",
    "fallbackNumber": "fallback_number",
    "fallbackUrl": "fallback_url",
    "from": "from",
    "id": "id",
    "incomingCallFallbackUrl": "incoming_call_fallback_url",
    "incomingCallUrl": "incoming_call_url",
    "incomingCallUrlCallbackTimeout": "incoming_call_url_callback_timeout",
    "incomingMessageFallbackUrl": "incoming_message_fallback_url",
    "incomingMessageUrl": "incoming_message_url",
    "incomingMessageUrlCallbackTimeout": "incoming_message_url_callback_timeout",
    "lata": "lata",
    "location": "location",
    "media": "media",
    "mediaName": "media_name",
    "message": "message",
    "messageId": "message_id",
    "messageUri": "message_uri",
    "name": "name",
    "nationalNumber": "national_number",
    "number": "number",
    "numberState": "number_state",
    "patternMatch": "pattern_match",
    "price": "price",
    "productType": "product_type",
    "rateCenter": "rate_center",
    "receiptRequested": "receipt_requested",
    "resourceId": "resource_id",
    "result": "result",
    "segmentCount": "segment_count",
    "skipMMSCarrierValidation": "skip_mms_carrier_validation",
    "state": "state",
    "tag": "tag",
    "text": "text",
    "time": "time",
    "to": "to",
    "type": "type",
    "units": "units",
    "updated": "updated",
    "value": "value",
}
"""Snake_case key of each property the spec names in a response."""

SNAKE_TO_WIRE: Final[dict[str, str]] = {
    "receipt_requested": "receiptRequested",
    "callback_url": "callbackUrl",
    "callback_http_method": "callbackHttpMethod",
    "callback_timeout": "callbackTimeout",
    "fallback_url": "fallbackUrl",
}
"""Wire key of each snake_case spelling accepted in a send item."""

SEND_ITEM_NAMES: Final[dict[str, str]] = {
    "from": "from_",
    "to": "to",
    "text": "text",
    "media": "media",
    "receiptRequested": "receipt_requested",
    "callbackUrl": "callback_url",
    "callbackHttpMethod": "callback_http_method",
    "callbackTimeout": "callback_timeout",
    "fallbackUrl": "fallback_url",
    "tag": "tag",
}
"""The generated ``MessageRequest`` attribute of each send-item property, by wire name."""

LIST_QUERY_NAMES: Final[dict[str, str]] = {
    "from_": "from",
    "to": "to",
    "from_date_time": "fromDateTime",
    "to_date_time": "toDateTime",
    "direction": "direction",
    "state": "state",
    "delivery_state": "deliveryState",
    "sort_order": "sortOrder",
    "size": "size",
}
"""The wire name of each keyword argument of the generated ``list_messages``."""

SEND_ITEM_SCHEMA: Final[dict[str, dict[str, object]]] = {
    "from": {"type": "string", "required": True, "minLength": 1},
    "to": {"type": "string", "required": True, "minLength": 1},
    "text": {"type": "string", "required": False, "maxLength": 2048},
    "media": {
        "type": "array",
        "required": False,
        "items": {"type": "string", "required": False, "pattern": "^[Hh][Tt][Tt][Pp][Ss]?://", "format": "uri"},
    },
    "receiptRequested": {"type": "string", "required": False, "enum": ["none", "all", "error"], "default": "none"},
    "callbackUrl": {"type": "string", "required": False, "format": "uri"},
    "callbackHttpMethod": {"type": "string", "required": False, "enum": ["GET", "POST"], "default": "POST"},
    "callbackTimeout": {"type": "integer", "required": False, "minimum": 1, "maximum": 10000},
    "fallbackUrl": {"type": "string", "required": False, "format": "uri"},
    "tag": {"type": "string", "required": False},
}
"""The spec's rules for each send-item property, checked before sending."""

MESSAGE_EVENT_SCHEMA: Final[dict[str, dict[str, object]]] = {
    "eventType": {"type": "string", "required": True},
    "direction": {"type": "string", "required": True},
    "from": {"type": "string", "required": True, "minLength": 1},
    "to": {"type": "string", "required": True, "minLength": 1},
    "messageId": {"type": "string", "required": True, "minLength": 1},
    "messageUri": {"type": "string", "required": False},
    "text": {"type": "string", "required": False},
    "applicationId": {"type": "string", "required": False},
    "time": {"type": "string", "required": True, "minLength": 1},
    "state": {"type": "string", "required": True},
    "deliveryState": {"type": "string", "required": False},
    "deliveryCode": {"type": "integer", "required": False},
    "deliveryDescription": {"type": "string", "required": False},
    "segmentCount": {"type": "integer", "required": False},
    "media": {"type": "array", "required": False, "items": {"type": "string", "required": False}},
    "tag": {"type": "string", "required": False},
}
"""The spec's rules for each MessageEvent property, by wire name."""

SEND_BULK_MAX_ITEMS: Final = 50
"""The most messages one send request may carry (MessageRequestList maxItems)."""

LIST_QUERY_SCHEMA: Final[dict[str, dict[str, object]]] = {
    "from": {"type": "string", "required": False},
    "to": {"type": "string", "required": False},
    "fromDateTime": {
        "type": "string",
        "required": False,
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}(:[0-9]{2}(:[0-9]{2}([.][0-9]{1,3})?)?)?)?$",
    },
    "toDateTime": {
        "type": "string",
        "required": False,
        "pattern": "^[0-9]{4}-[0-9]{2}-[0-9]{2}( [0-9]{2}(:[0-9]{2}(:[0-9]{2}([.][0-9]{1,3})?)?)?)?$",
    },
    "direction": {"type": "string", "required": False, "enum": ["in", "out"]},
    "state": {"type": "string", "required": False, "enum": ["received", "queued", "sending", "sent", "error"]},
    "deliveryState": {"type": "string", "required": False, "enum": ["waiting", "delivered", "not-delivered"]},
    "sortOrder": {"type": "string", "required": False, "enum": ["asc", "desc"]},
    "size": {"type": "integer", "required": False, "minimum": 1, "maximum": 1000},
}
"""The spec's rules for each query parameter of listMessages, by wire name."""
