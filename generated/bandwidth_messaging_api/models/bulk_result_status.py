from typing import Literal

BulkResultStatus = Literal["accepted", "error"]

BULK_RESULT_STATUS_VALUES: set[BulkResultStatus] = {
    "accepted",
    "error",
}


def check_bulk_result_status(value: str) -> BulkResultStatus:
    if value in BULK_RESULT_STATUS_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {BULK_RESULT_STATUS_VALUES!r}")
