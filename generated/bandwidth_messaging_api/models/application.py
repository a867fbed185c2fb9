from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="Application")


@_attrs_define
class Application:
    """An application, which receives the events of the numbers assigned to it.

    Attributes:
        id (str | Unset):
        name (str | Unset):
        incoming_call_url (str | Unset):
        incoming_call_url_callback_timeout (int | Unset):
        incoming_call_fallback_url (str | Unset):
        incoming_message_url (str | Unset):
        incoming_message_url_callback_timeout (int | Unset):
        incoming_message_fallback_url (str | Unset):
        callback_http_method (str | Unset): `GET` or `POST` (the API may answer in lower case).
        auto_answer (bool | Unset):
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    incoming_call_url: str | Unset = UNSET
    incoming_call_url_callback_timeout: int | Unset = UNSET
    incoming_call_fallback_url: str | Unset = UNSET
    incoming_message_url: str | Unset = UNSET
    incoming_message_url_callback_timeout: int | Unset = UNSET
    incoming_message_fallback_url: str | Unset = UNSET
    callback_http_method: str | Unset = UNSET
    auto_answer: bool | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        incoming_call_url = self.incoming_call_url

        incoming_call_url_callback_timeout = self.incoming_call_url_callback_timeout

        incoming_call_fallback_url = self.incoming_call_fallback_url

        incoming_message_url = self.incoming_message_url

        incoming_message_url_callback_timeout = self.incoming_message_url_callback_timeout

        incoming_message_fallback_url = self.incoming_message_fallback_url

        callback_http_method = self.callback_http_method

        auto_answer = self.auto_answer

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if incoming_call_url is not UNSET:
            field_dict["incomingCallUrl"] = incoming_call_url
        if incoming_call_url_callback_timeout is not UNSET:
            field_dict["incomingCallUrlCallbackTimeout"] = incoming_call_url_callback_timeout
        if incoming_call_fallback_url is not UNSET:
            field_dict["incomingCallFallbackUrl"] = incoming_call_fallback_url
        if incoming_message_url is not UNSET:
            field_dict["incomingMessageUrl"] = incoming_message_url
        if incoming_message_url_callback_timeout is not UNSET:
            field_dict["incomingMessageUrlCallbackTimeout"] = incoming_message_url_callback_timeout
        if incoming_message_fallback_url is not UNSET:
            field_dict["incomingMessageFallbackUrl"] = incoming_message_fallback_url
        if callback_http_method is not UNSET:
            field_dict["callbackHttpMethod"] = callback_http_method
        if auto_answer is not UNSET:
            field_dict["autoAnswer"] = auto_answer

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        incoming_call_url = d.pop("incomingCallUrl", UNSET)

        incoming_call_url_callback_timeout = d.pop("incomingCallUrlCallbackTimeout", UNSET)

        incoming_call_fallback_url = d.pop("incomingCallFallbackUrl", UNSET)

        incoming_message_url = d.pop("incomingMessageUrl", UNSET)

        incoming_message_url_callback_timeout = d.pop("incomingMessageUrlCallbackTimeout", UNSET)

        incoming_message_fallback_url = d.pop("incomingMessageFallbackUrl", UNSET)

        callback_http_method = d.pop("callbackHttpMethod", UNSET)

        auto_answer = d.pop("autoAnswer", UNSET)

        application = cls(
            id=id,
            name=name,
            incoming_call_url=incoming_call_url,
            incoming_call_url_callback_timeout=incoming_call_url_callback_timeout,
            incoming_call_fallback_url=incoming_call_fallback_url,
            incoming_message_url=incoming_message_url,
            incoming_message_url_callback_timeout=incoming_message_url_callback_timeout,
            incoming_message_fallback_url=incoming_message_fallback_url,
            callback_http_method=callback_http_method,
            auto_answer=auto_answer,
        )

        application.additional_properties = d
        return application

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
