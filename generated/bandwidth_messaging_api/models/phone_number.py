from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

T = TypeVar("T", bound="PhoneNumber")


@_attrs_define
class PhoneNumber:
    """One of the account's numbers.

    Attributes:
        id (str | Unset):
        name (str | Unset):
        number (str | Unset):
        national_number (str | Unset):
        city (str | Unset):
        state (str | Unset):
        application_id (str | Unset):
        application (str | Unset): The URL of the application it is assigned to.
        fallback_number (str | Unset):
        price (str | Unset):
        created_time (str | Unset):
        number_state (str | Unset): `enabled` or `released`.
    """

    id: str | Unset = UNSET
    name: str | Unset = UNSET
    number: str | Unset = UNSET
    national_number: str | Unset = UNSET
    city: str | Unset = UNSET
    state: str | Unset = UNSET
    application_id: str | Unset = UNSET
    application: str | Unset = UNSET
    fallback_number: str | Unset = UNSET
    price: str | Unset = UNSET
    created_time: str | Unset = UNSET
    number_state: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        name = self.name

        number = self.number

        national_number = self.national_number

        city = self.city

        state = self.state

        application_id = self.application_id

        application = self.application

        fallback_number = self.fallback_number

        price = self.price

        created_time = self.created_time

        number_state = self.number_state

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if name is not UNSET:
            field_dict["name"] = name
        if number is not UNSET:
            field_dict["number"] = number
        if national_number is not UNSET:
            field_dict["nationalNumber"] = national_number
        if city is not UNSET:
            field_dict["city"] = city
        if state is not UNSET:
            field_dict["state"] = state
        if application_id is not UNSET:
            field_dict["applicationId"] = application_id
        if application is not UNSET:
            field_dict["application"] = application
        if fallback_number is not UNSET:
            field_dict["fallbackNumber"] = fallback_number
        if price is not UNSET:
            field_dict["price"] = price
        if created_time is not UNSET:
            field_dict["createdTime"] = created_time
        if number_state is not UNSET:
            field_dict["numberState"] = number_state

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        name = d.pop("name", UNSET)

        number = d.pop("number", UNSET)

        national_number = d.pop("nationalNumber", UNSET)

        city = d.pop("city", UNSET)

        state = d.pop("state", UNSET)

        application_id = d.pop("applicationId", UNSET)

        application = d.pop("application", UNSET)

        fallback_number = d.pop("fallbackNumber", UNSET)

        price = d.pop("price", UNSET)

        created_time = d.pop("createdTime", UNSET)

        number_state = d.pop("numberState", UNSET)

        phone_number = cls(
            id=id,
            name=name,
            number=number,
            national_number=national_number,
            city=city,
            state=state,
            application_id=application_id,
            application=application,
            fallback_number=fallback_number,
            price=price,
            created_time=created_time,
            number_state=number_state,
        )

        phone_number.additional_properties = d
        return phone_number

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
