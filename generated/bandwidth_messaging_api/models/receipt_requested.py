from typing import Literal

ReceiptRequested = Literal["all", "error", "none"]

RECEIPT_REQUESTED_VALUES: set[ReceiptRequested] = {
    "all",
    "error",
    "none",
}


def check_receipt_requested(value: str) -> ReceiptRequested:
    if value in RECEIPT_REQUESTED_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {RECEIPT_REQUESTED_VALUES!r}")
