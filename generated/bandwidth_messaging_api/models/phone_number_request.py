from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PhoneNumberRequest")


@_attrs_define
class PhoneNumberRequest:
    """A number to order (from a search) and its settings.

    Attributes:
        number (str): In E.164, such as `+19195551212`.
        name (str | Unset): A name of your choosing.
        application_id (str | Unset): The application to assign it to; `""` for none.
        fallback_number (str | Unset): Where calls go when the events cannot be delivered.
    """

    number: str
    name: str | Unset = UNSET
    application_id: str | Unset = UNSET
    fallback_number: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        name = self.name

        application_id = self.application_id

        fallback_number = self.fallback_number

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "number": number,
            }
        )
        if name is not UNSET:
            field_dict["name"] = name
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
        if fallback_number is not UNSET:
            field_dict["fallbackNumber"] = fallback_number

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number")

        name = d.pop("name", UNSET)

        application_id = d.pop("applicationId", UNSET)

        fallback_number = d.pop("fallbackNumber", UNSET)

        phone_number_request = cls(
            number=number,
            name=name,
            application_id=application_id,
            fallback_number=fallback_number,
        )

        phone_number_request.additional_properties = d
        return phone_number_request

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
