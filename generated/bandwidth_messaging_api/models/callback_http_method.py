from typing import Literal

CallbackHttpMethod = Literal["GET", "POST"]

CALLBACK_HTTP_METHOD_VALUES: set[CallbackHttpMethod] = {
    "GET",
    "POST",
}


def check_callback_http_method(value: str) -> CallbackHttpMethod:
    if value in CALLBACK_HTTP_METHOD_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {CALLBACK_HTTP_METHOD_VALUES!r}")
