from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.event_type import EventType, check_event_type
from ..models.message_delivery_state import (
    MessageDeliveryState,
    check_message_delivery_state,
)
from ..models.message_direction import MessageDirection, check_message_direction
from ..models.message_state import MessageState, check_message_state
from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageEvent")


@_attrs_define
class MessageEvent:
    """What Bandwidth sends to the application's callback for an incoming message or a
    delivery receipt. Properties the API adds later are kept.

        Attributes:
            event_type (EventType | str): An `EventType`, or a value the API added later.
            direction (MessageDirection | str): A `MessageDirection`, or a value the API added later.
            from_ (str):
            to (str):
            message_id (str):
            time (str): When the event happened, UTC, ISO 8601, returned as sent.
            state (MessageState | str): A `MessageState`, or a value the API added later.
            message_uri (str | Unset):
            text (str | Unset):
            application_id (str | Unset):
            delivery_state (MessageDeliveryState | str | Unset): A `MessageDeliveryState`, or a value the API added later.
            delivery_code (int | Unset): The carrier's delivery code. The documentation's examples send it as a string
                ("0"); clients accept the digits as a string and give the integer.
            delivery_description (str | Unset):
            segment_count (int | Unset):
            media (list[str] | Unset): MMS only.
            tag (str | Unset): Present when the message was sent with one.
    """

    event_type: EventType | str
    direction: MessageDirection | str
    from_: str
    to: str
    message_id: str
    time: str
    state: MessageState | str
    message_uri: str | Unset = UNSET
    text: str | Unset = UNSET
    application_id: str | Unset = UNSET
    delivery_state: MessageDeliveryState | str | Unset = UNSET
    delivery_code: int | Unset = UNSET
    delivery_description: str | Unset = UNSET
    segment_count: int | Unset = UNSET
    media: list[str] | Unset = UNSET
    tag: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        event_type: str
        if isinstance(self.event_type, str):
            event_type = self.event_type
        else:
            event_type = self.event_type

        direction: str
        if isinstance(self.direction, str):
            direction = self.direction
        else:
            direction = self.direction

        from_ = self.from_

        to = self.to

        message_id = self.message_id

        time = self.time

        state: str
        if isinstance(self.state, str):
            state = self.state
        else:
            state = self.state

        message_uri = self.message_uri

        text = self.text

        application_id = self.application_id

        delivery_state: str | Unset
        if isinstance(self.delivery_state, Unset):
            delivery_state = UNSET
        elif isinstance(self.delivery_state, str):
            delivery_state = self.delivery_state
        else:
            delivery_state = self.delivery_state

        delivery_code = self.delivery_code

        delivery_description = self.delivery_description

        segment_count = self.segment_count

        media: list[str] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = self.media

        tag = self.tag

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "eventType": event_type,
                "direction": direction,
                "from": from_,
                "to": to,
                "messageId": message_id,
                "time": time,
                "state": state,
            }
        )
        if message_uri is not UNSET:
            field_dict["messageUri"] = message_uri
        if text is not UNSET:
            field_dict["text"] = text
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
        if delivery_state is not UNSET:
            field_dict["deliveryState"] = delivery_state
        if delivery_code is not UNSET:
            field_dict["deliveryCode"] = delivery_code
        if delivery_description is not UNSET:
            field_dict["deliveryDescription"] = delivery_description
        if segment_count is not UNSET:
            field_dict["segmentCount"] = segment_count
        if media is not UNSET:
            field_dict["media"] = media
        if tag is not UNSET:
            field_dict["tag"] = tag

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)

        def _parse_event_type(data: object) -> EventType | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_event_type_type_0 = check_event_type(data)

                return componentsschemas_open_event_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(EventType | str, data)

        event_type = _parse_event_type(d.pop("eventType"))

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

        from_ = d.pop("from")

        to = d.pop("to")

        message_id = d.pop("messageId")

        time = d.pop("time")

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

        message_uri = d.pop("messageUri", UNSET)

        text = d.pop("text", UNSET)

        application_id = d.pop("applicationId", UNSET)

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

        segment_count = d.pop("segmentCount", UNSET)

        media = cast(list[str], d.pop("media", UNSET))

        tag = d.pop("tag", UNSET)

        message_event = cls(
            event_type=event_type,
            direction=direction,
            from_=from_,
            to=to,
            message_id=message_id,
            time=time,
            state=state,
            message_uri=message_uri,
            text=text,
            application_id=application_id,
            delivery_state=delivery_state,
            delivery_code=delivery_code,
            delivery_description=delivery_description,
            segment_count=segment_count,
            media=media,
            tag=tag,
        )

        message_event.additional_properties = d
        return message_event

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
