from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.message_delivery_state import (
    MessageDeliveryState,
    check_message_delivery_state,
)
from ..models.message_direction import MessageDirection, check_message_direction
from ..models.message_state import MessageState, check_message_state
from ..types import UNSET, Unset

T = TypeVar("T", bound="Message")


@_attrs_define
class Message:
    """A message as the API reports it. The API always gives its id, numbers, direction,
    state and time (every example in ap-docs `getMessages.md` and
    `getMessagesMessageId.md`); any other property may be absent.

        Attributes:
            id (str):
            from_ (str):
            to (str):
            direction (MessageDirection | str): A `MessageDirection`, or a value the API added later.
            state (MessageState | str): A `MessageState`, or a value the API added later.
            time (str): Creation time, UTC, ISO 8601 (`2017-02-01T21:10:32Z`), returned as sent.
            message_id (str | Unset): Same value as `id`.
            text (str | Unset): Kept for 3 days; older messages come back without it.
            media (list[str] | Unset):
            callback_url (str | Unset):
            callback_http_method (str | Unset):
            callback_timeout (int | Unset):
            fallback_url (str | Unset):
            tag (str | Unset):
            receipt_requested (str | Unset):
            delivery_state (MessageDeliveryState | str | Unset): A `MessageDeliveryState`, or a value the API added later.
            delivery_code (int | Unset): 0 delivered to carrier; 187, 188, 189 spam detected; 482 loop detected; 600
                destination carrier queue full; 610 submit failed; 620 destination app error; 630
                NACK; 650 destination failure; 700 invalid service type; 720 invalid destination
                address; 740 invalid source address; 750 destination rejected; 751 rejected as too
                large; 770 rejected as spam; 775 recipient opted out; 902 expired; 999 unknown error.
            delivery_description (str | Unset):
            skip_mms_carrier_validation (bool | Unset):
            segment_count (int | Unset): 1 for MMS; 0 on messages older than the field.
    """

    id: str
    from_: str
    to: str
    direction: MessageDirection | str
    state: MessageState | str
    time: str
    message_id: str | Unset = UNSET
    text: str | Unset = UNSET
    media: list[str] | Unset = UNSET
    callback_url: str | Unset = UNSET
    callback_http_method: str | Unset = UNSET
    callback_timeout: int | Unset = UNSET
    fallback_url: str | Unset = UNSET
    tag: str | Unset = UNSET
    receipt_requested: str | Unset = UNSET
    delivery_state: MessageDeliveryState | str | Unset = UNSET
    delivery_code: int | Unset = UNSET
    delivery_description: str | Unset = UNSET
    skip_mms_carrier_validation: bool | Unset = UNSET
    segment_count: int | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        from_ = self.from_

        to = self.to

        direction: str
        if isinstance(self.direction, str):
            direction = self.direction
        else:
            direction = self.direction

        state: str
        if isinstance(self.state, str):
            state = self.state
        else:
            state = self.state

        time = self.time

        message_id = self.message_id

        text = self.text

        media: list[str] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = self.media

        callback_url = self.callback_url

        callback_http_method = self.callback_http_method

        callback_timeout = self.callback_timeout

        fallback_url = self.fallback_url

        tag = self.tag

        receipt_requested = self.receipt_requested

        delivery_state: str | Unset
        if isinstance(self.delivery_state, Unset):
            delivery_state = UNSET
        elif isinstance(self.delivery_state, str):
            delivery_state = self.delivery_state
        else:
            delivery_state = self.delivery_state

        delivery_code = self.delivery_code

        delivery_description = self.delivery_description

        skip_mms_carrier_validation = self.skip_mms_carrier_validation

        segment_count = self.segment_count

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "id": id,
                "from": from_,
                "to": to,
                "direction": direction,
                "state": state,
                "time": time,
            }
        )
        if message_id is not UNSET:
            field_dict["messageId"] = message_id
        if text is not UNSET:
            field_dict["text"] = text
        if media is not UNSET:
            field_dict["media"] = media
        if callback_url is not UNSET:
            field_dict["callbackUrl"] = callback_url
        if callback_http_method is not UNSET:
            field_dict["callbackHttpMethod"] = callback_http_method
        if callback_timeout is not UNSET:
            field_dict["callbackTimeout"] = callback_timeout
        if fallback_url is not UNSET:
            field_dict["fallbackUrl"] = fallback_url
        if tag is not UNSET:
            field_dict["tag"] = tag
        if receipt_requested is not UNSET:
            field_dict["receiptRequested"] = receipt_requested
        if delivery_state is not UNSET:
            field_dict["deliveryState"] = delivery_state
        if delivery_code is not UNSET:
            field_dict["deliveryCode"] = delivery_code
        if delivery_description is not UNSET:
            field_dict["deliveryDescription"] = delivery_description
        if skip_mms_carrier_validation is not UNSET:
            field_dict["skipMMSCarrierValidation"] = skip_mms_carrier_validation
        if segment_count is not UNSET:
            field_dict["segmentCount"] = segment_count

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id")

        from_ = d.pop("from")

        to = d.pop("to")

        def _parse_direction(data: object) -> MessageDirection | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_message_direction_type_0 = check_message_direction(data)

                return componentsschemas_open_message_direction_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MessageDirection | str, data)

        direction = _parse_direction(d.pop("direction"))

        def _parse_state(data: object) -> MessageState | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_message_state_type_0 = check_message_state(data)

                return componentsschemas_open_message_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MessageState | str, data)

        state = _parse_state(d.pop("state"))

        time = d.pop("time")

        message_id = d.pop("messageId", UNSET)

        text = d.pop("text", UNSET)

        media = cast(list[str], d.pop("media", UNSET))

        callback_url = d.pop("callbackUrl", UNSET)

        callback_http_method = d.pop("callbackHttpMethod", UNSET)

        callback_timeout = d.pop("callbackTimeout", UNSET)

        fallback_url = d.pop("fallbackUrl", UNSET)

        tag = d.pop("tag", UNSET)

        receipt_requested = d.pop("receiptRequested", UNSET)

        def _parse_delivery_state(data: object) -> MessageDeliveryState | str | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_message_delivery_state_type_0 = check_message_delivery_state(data)

                return componentsschemas_open_message_delivery_state_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(MessageDeliveryState | str | Unset, data)

        delivery_state = _parse_delivery_state(d.pop("deliveryState", UNSET))

        delivery_code = d.pop("deliveryCode", UNSET)

        delivery_description = d.pop("deliveryDescription", UNSET)

        skip_mms_carrier_validation = d.pop("skipMMSCarrierValidation", UNSET)

        segment_count = d.pop("segmentCount", UNSET)

        message = cls(
            id=id,
            from_=from_,
            to=to,
            direction=direction,
            state=state,
            time=time,
            message_id=message_id,
            text=text,
            media=media,
            callback_url=callback_url,
            callback_http_method=callback_http_method,
            callback_timeout=callback_timeout,
            fallback_url=fallback_url,
            tag=tag,
            receipt_requested=receipt_requested,
            delivery_state=delivery_state,
            delivery_code=delivery_code,
            delivery_description=delivery_description,
            skip_mms_carrier_validation=skip_mms_carrier_validation,
            segment_count=segment_count,
        )

        message.additional_properties = d
        return message

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
