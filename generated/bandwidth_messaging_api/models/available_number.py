from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="AvailableNumber")


@_attrs_define
class AvailableNumber:
    """A number that can be ordered.

    Attributes:
        number (str | Unset): In E.164.
        national_number (str | Unset): In the national format, such as `(919) 555-1212`.
        pattern_match (str | Unset): The number with the pattern searched for in place.
        city (str | Unset):
        lata (str | Unset):
        rate_center (str | Unset):
        state (str | Unset):
        price (str | Unset): The monthly price in dollars.
    """

    number: str | Unset = UNSET
    national_number: str | Unset = UNSET
    pattern_match: str | Unset = UNSET
    city: str | Unset = UNSET
    lata: str | Unset = UNSET
    rate_center: str | Unset = UNSET
    state: str | Unset = UNSET
    price: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        number = self.number

        national_number = self.national_number

        pattern_match = self.pattern_match

        city = self.city

        lata = self.lata

        rate_center = self.rate_center

        state = self.state

        price = self.price

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if number is not UNSET:
            field_dict["number"] = number
        if national_number is not UNSET:
            field_dict["nationalNumber"] = national_number
        if pattern_match is not UNSET:
            field_dict["patternMatch"] = pattern_match
        if city is not UNSET:
            field_dict["city"] = city
        if lata is not UNSET:
            field_dict["lata"] = lata
        if rate_center is not UNSET:
            field_dict["rateCenter"] = rate_center
        if state is not UNSET:
            field_dict["state"] = state
        if price is not UNSET:
            field_dict["price"] = price

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        number = d.pop("number", UNSET)

        national_number = d.pop("nationalNumber", UNSET)

        pattern_match = d.pop("patternMatch", UNSET)

        city = d.pop("city", UNSET)

        lata = d.pop("lata", UNSET)

        rate_center = d.pop("rateCenter", UNSET)

        state = d.pop("state", UNSET)

        price = d.pop("price", UNSET)

        available_number = cls(
            number=number,
            national_number=national_number,
            pattern_match=pattern_match,
            city=city,
            lata=lata,
            rate_center=rate_center,
            state=state,
            price=price,
        )

        available_number.additional_properties = d
        return available_number

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
