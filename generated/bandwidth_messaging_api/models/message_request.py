from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.callback_http_method import CallbackHttpMethod, check_callback_http_method
from ..models.receipt_requested import ReceiptRequested, check_receipt_requested
from ..types import UNSET, Unset

T = TypeVar("T", bound="MessageRequest")


@_attrs_define
class MessageRequest:
    """One message to send. Unset properties are left out of the body.

    Attributes:
        from_ (str): One of the account's numbers, E.164 (ap-docs `postMessages.md`: "must be in E.164
            format"). Not checked by clients: the API refuses another form before accepting,
            so nothing is sent by mistake, and its own rules are the ones that count.
             Example: +19195551212.
        to (str): The recipient's number, E.164 per the send documentation; messages list a short
            code here too (`getMessages.md`), so clients leave the form to the API.
             Example: +19195551213.
        text (str | Unset): Longer than 160 characters is split into segments by the carrier. `postMessages.md`
            marks it mandatory, yet documents MMS by their media; clients require `text` or
            `media` and leave the rest to the API, whose refusal sends nothing.
        media (list[str] | Unset): URLs of media to attach; makes the message an MMS. The documentation allows "a
            media url ... or list of medias": clients take either and send a list.
        receipt_requested (ReceiptRequested | Unset): Delivery receipts as callback events; cannot be combined with
            `media`.
        callback_url (str | Unset): Where events for this message are sent.
        callback_http_method (CallbackHttpMethod | Unset):
        callback_timeout (int | Unset): Milliseconds to wait for the callback; the API's default is 10000. Stated here,
            not
            as a schema default, so that a client built from this spec leaves it unsent.
        fallback_url (str | Unset): Used when `callbackUrl` fails.
        tag (str | Unset): Echoed in callback events.
    """

    from_: str
    to: str
    text: str | Unset = UNSET
    media: list[str] | Unset = UNSET
    receipt_requested: ReceiptRequested | Unset = UNSET
    callback_url: str | Unset = UNSET
    callback_http_method: CallbackHttpMethod | Unset = UNSET
    callback_timeout: int | Unset = UNSET
    fallback_url: str | Unset = UNSET
    tag: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        from_ = self.from_

        to = self.to

        text = self.text

        media: list[str] | Unset = UNSET
        if not isinstance(self.media, Unset):
            media = self.media

        receipt_requested: str | Unset = UNSET
        if not isinstance(self.receipt_requested, Unset):
            receipt_requested = self.receipt_requested

        callback_url = self.callback_url

        callback_http_method: str | Unset = UNSET
        if not isinstance(self.callback_http_method, Unset):
            callback_http_method = self.callback_http_method

        callback_timeout = self.callback_timeout

        fallback_url = self.fallback_url

        tag = self.tag

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "from": from_,
                "to": to,
            }
        )
        if text is not UNSET:
            field_dict["text"] = text
        if media is not UNSET:
            field_dict["media"] = media
        if receipt_requested is not UNSET:
            field_dict["receiptRequested"] = receipt_requested
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

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        from_ = d.pop("from")

        to = d.pop("to")

        text = d.pop("text", UNSET)

        media = cast(list[str], d.pop("media", UNSET))

        _receipt_requested = d.pop("receiptRequested", UNSET)
        receipt_requested: ReceiptRequested | Unset
        if isinstance(_receipt_requested, Unset):
            receipt_requested = UNSET
        else:
            receipt_requested = check_receipt_requested(_receipt_requested)

        callback_url = d.pop("callbackUrl", UNSET)

        _callback_http_method = d.pop("callbackHttpMethod", UNSET)
        callback_http_method: CallbackHttpMethod | Unset
        if isinstance(_callback_http_method, Unset):
            callback_http_method = UNSET
        else:
            callback_http_method = check_callback_http_method(_callback_http_method)

        callback_timeout = d.pop("callbackTimeout", UNSET)

        fallback_url = d.pop("fallbackUrl", UNSET)

        tag = d.pop("tag", UNSET)

        message_request = cls(
            from_=from_,
            to=to,
            text=text,
            media=media,
            receipt_requested=receipt_requested,
            callback_url=callback_url,
            callback_http_method=callback_http_method,
            callback_timeout=callback_timeout,
            fallback_url=fallback_url,
            tag=tag,
        )

        message_request.additional_properties = d
        return message_request

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
