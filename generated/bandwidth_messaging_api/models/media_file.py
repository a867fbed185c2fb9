from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="MediaFile")


@_attrs_define
class MediaFile:
    """A file stored on the account, to send in messages by its URL.

    Attributes:
        media_name (str | Unset):
        content_length (int | Unset): Its size in bytes.
        content (str | Unset): Its URL.
    """

    media_name: str | Unset = UNSET
    content_length: int | Unset = UNSET
    content: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        media_name = self.media_name

        content_length = self.content_length

        content = self.content

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if media_name is not UNSET:
            field_dict["mediaName"] = media_name
        if content_length is not UNSET:
            field_dict["contentLength"] = content_length
        if content is not UNSET:
            field_dict["content"] = content

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        media_name = d.pop("mediaName", UNSET)

        content_length = d.pop("contentLength", UNSET)

        content = d.pop("content", UNSET)

        media_file = cls(
            media_name=media_name,
            content_length=content_length,
            content=content,
        )

        media_file.additional_properties = d
        return media_file

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
