from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..models.bulk_result_status import BulkResultStatus, check_bulk_result_status
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.error import Error


T = TypeVar("T", bound="BulkResult")


@_attrs_define
class BulkResult:
    """The result of one item of a bulk send.

    Attributes:
        result (BulkResultStatus | str): A `BulkResultStatus`, or a value the API added later.
        location (str | Unset): Absolute URL of the accepted message.
        error (Error | Unset): The JSON body of every error answer.
    """

    result: BulkResultStatus | str
    location: str | Unset = UNSET
    error: Error | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def to_dict(self) -> dict[str, Any]:
        result: str
        if isinstance(self.result, str):
            result = self.result
        else:
            result = self.result

        location = self.location

        error: dict[str, Any] | Unset = UNSET
        if not isinstance(self.error, Unset):
            error = self.error.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "result": result,
            }
        )
        if location is not UNSET:
            field_dict["location"] = location
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.error import Error  # noqa: PLC0415

        d = dict(src_dict)

        def _parse_result(data: object) -> BulkResultStatus | str:
            try:
                if not isinstance(data, str):
                    raise TypeError()
                componentsschemas_open_bulk_result_status_type_0 = check_bulk_result_status(data)

                return componentsschemas_open_bulk_result_status_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(BulkResultStatus | str, data)

        result = _parse_result(d.pop("result"))

        location = d.pop("location", UNSET)

        _error = d.pop("error", UNSET)
        error: Error | Unset
        if isinstance(_error, Unset):
            error = UNSET
        else:
            error = Error.from_dict(_error)

        bulk_result = cls(
            result=result,
            location=location,
            error=error,
        )

        bulk_result.additional_properties = d
        return bulk_result

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
