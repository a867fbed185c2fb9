from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="OrderedNumber")


@_attrs_define
class OrderedNumber:
    """A number just ordered.

    Attributes:
        number (str | Unset):
        national_number (str | Unset):
        price (str | Unset):
        city (str | Unset):
        state (str | Unset):
        location (str | Unset): The number's URL on the account; its last segment is its id.
    """

    number: str | Unset = UNSET
    national_number: str | Unset = UNSET
    price: str | Unset = UNSET
    city: str | Unset = UNSET
    state: str | Unset = UNSET
    location: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        national_number = self.national_number

        price = self.price

        city = self.city

        state = self.state

        location = self.location

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if number is not UNSET:
            field_dict["number"] = number
        if national_number is not UNSET:
            field_dict["nationalNumber"] = national_number
        if price is not UNSET:
            field_dict["price"] = price
        if city is not UNSET:
            field_dict["city"] = city
        if state is not UNSET:
            field_dict["state"] = state
        if location is not UNSET:
            field_dict["location"] = location

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number", UNSET)

        national_number = d.pop("nationalNumber", UNSET)

        price = d.pop("price", UNSET)

        city = d.pop("city", UNSET)

        state = d.pop("state", UNSET)

        location = d.pop("location", UNSET)

        ordered_number = cls(
            number=number,
            national_number=national_number,
            price=price,
            city=city,
            state=state,
            location=location,
        )

        ordered_number.additional_properties = d
        return ordered_number

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
