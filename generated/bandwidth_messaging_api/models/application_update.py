from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..models.callback_http_method import CallbackHttpMethod, check_callback_http_method
from ..types import UNSET, Unset

T = TypeVar("T", bound="ApplicationUpdate")


@_attrs_define
class ApplicationUpdate:
    """An application's settings; unset properties are left out of the body.

    Attributes:
        name (str | Unset): A name of your choosing.
        incoming_call_url (str | Unset): Where call events are sent.
        incoming_call_url_callback_timeout (int | Unset): Milliseconds to wait for incomingCallUrl's answer (default
            10000).
        incoming_call_fallback_url (str | Unset): Where call events go when incomingCallUrl fails.
        incoming_message_url (str | Unset): Where message events are sent.
        incoming_message_url_callback_timeout (int | Unset): Milliseconds to wait for incomingMessageUrl's answer
            (default 10000).
        incoming_message_fallback_url (str | Unset): Where message events go when incomingMessageUrl fails.
        callback_http_method (CallbackHttpMethod | Unset):
        auto_answer (bool | Unset): Whether incoming calls are answered (default true).
    """

    name: str | Unset = UNSET
    incoming_call_url: str | Unset = UNSET
    incoming_call_url_callback_timeout: int | Unset = UNSET
    incoming_call_fallback_url: str | Unset = UNSET
    incoming_message_url: str | Unset = UNSET
    incoming_message_url_callback_timeout: int | Unset = UNSET
    incoming_message_fallback_url: str | Unset = UNSET
    callback_http_method: CallbackHttpMethod | Unset = UNSET
    auto_answer: bool | Unset = UNSET

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        incoming_call_url = self.incoming_call_url

        incoming_call_url_callback_timeout = self.incoming_call_url_callback_timeout

        incoming_call_fallback_url = self.incoming_call_fallback_url

        incoming_message_url = self.incoming_message_url

        incoming_message_url_callback_timeout = self.incoming_message_url_callback_timeout

        incoming_message_fallback_url = self.incoming_message_fallback_url

        callback_http_method: str | Unset = UNSET
        if not isinstance(self.callback_http_method, Unset):
            callback_http_method = self.callback_http_method

        auto_answer = self.auto_answer

        field_dict: dict[str, Any] = {}

        field_dict.update({})
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
        name = d.pop("name", UNSET)

        incoming_call_url = d.pop("incomingCallUrl", UNSET)

        incoming_call_url_callback_timeout = d.pop("incomingCallUrlCallbackTimeout", UNSET)

        incoming_call_fallback_url = d.pop("incomingCallFallbackUrl", UNSET)

        incoming_message_url = d.pop("incomingMessageUrl", UNSET)

        incoming_message_url_callback_timeout = d.pop("incomingMessageUrlCallbackTimeout", UNSET)

        incoming_message_fallback_url = d.pop("incomingMessageFallbackUrl", UNSET)

        _callback_http_method = d.pop("callbackHttpMethod", UNSET)
        callback_http_method: CallbackHttpMethod | Unset
        if isinstance(_callback_http_method, Unset):
            callback_http_method = UNSET
        else:
            callback_http_method = check_callback_http_method(_callback_http_method)

        auto_answer = d.pop("autoAnswer", UNSET)

        application_update = cls(
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

        return application_update
