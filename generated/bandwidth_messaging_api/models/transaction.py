from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.transaction_type import TransactionType, check_transaction_type
from ..types import UNSET, Unset

T = TypeVar("T", bound="Transaction")


@_attrs_define
class Transaction:
    """A charge, payment or credit of the account.

    Attributes:
        id (str | Unset):
        time (str | Unset): When it was processed (ISO 8601, UTC).
        amount (str | Unset): In dollars, without a currency symbol.
        type_ (str | TransactionType | Unset): A `TransactionType`, or a value the API added later.
        units (int | Unset): Product units charged or credited.
        product_type (str | Unset): The product, such as `sms-out` or `local-number-per-month`.
        number (str | Unset): The phone number it is about, if any.
        resource_id (str | Unset): The message or call it is about, if any.
    """

    id: str | Unset = UNSET
    time: str | Unset = UNSET
    amount: str | Unset = UNSET
    type_: str | TransactionType | Unset = UNSET
    units: int | Unset = UNSET
    product_type: str | Unset = UNSET
    number: str | Unset = UNSET
    resource_id: str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        time = self.time

        amount = self.amount

        type_: str | Unset
        if isinstance(self.type_, Unset):
            type_ = UNSET
        elif isinstance(self.type_, str):
            type_ = self.type_
        else:
            type_ = self.type_

        units = self.units

        product_type = self.product_type

        number = self.number

        resource_id = self.resource_id

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if time is not UNSET:
            field_dict["time"] = time
        if amount is not UNSET:
            field_dict["amount"] = amount
        if type_ is not UNSET:
            field_dict["type"] = type_
        if units is not UNSET:
            field_dict["units"] = units
        if product_type is not UNSET:
            field_dict["productType"] = product_type
        if number is not UNSET:
            field_dict["number"] = number
        if resource_id is not UNSET:
            field_dict["resourceId"] = resource_id

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        id = d.pop("id", UNSET)

        time = d.pop("time", UNSET)

        amount = d.pop("amount", UNSET)

        def _parse_type_(data: object) -> str | TransactionType | Unset:
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_transaction_type_type_0 = check_transaction_type(data)

                return componentsschemas_open_transaction_type_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(str | TransactionType | Unset, data)

        type_ = _parse_type_(d.pop("type", UNSET))

        units = d.pop("units", UNSET)

        product_type = d.pop("productType", UNSET)

        number = d.pop("number", UNSET)

        resource_id = d.pop("resourceId", UNSET)

        transaction = cls(
            id=id,
            time=time,
            amount=amount,
            type_=type_,
            units=units,
            product_type=product_type,
            number=number,
            resource_id=resource_id,
        )

        transaction.additional_properties = d
        return transaction

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
