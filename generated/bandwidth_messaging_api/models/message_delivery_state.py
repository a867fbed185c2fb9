from typing import Literal

MessageDeliveryState = Literal["delivered", "not-delivered", "waiting"]

MESSAGE_DELIVERY_STATE_VALUES: set[MessageDeliveryState] = {
    "delivered",
    "not-delivered",
    "waiting",
}


def check_message_delivery_state(value: str) -> MessageDeliveryState:
    if value in MESSAGE_DELIVERY_STATE_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {MESSAGE_DELIVERY_STATE_VALUES!r}")
