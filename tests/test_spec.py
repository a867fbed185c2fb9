"""The spec is a valid OpenAPI document that says what the facts of the API say."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from openapi_spec_validator import validate
from ruamel.yaml import YAML

SPEC_PATH = Path(__file__).resolve().parent.parent / "spec" / "messaging.yaml"


@pytest.fixture(scope="module")
def spec() -> dict[str, Any]:
    loaded: dict[str, Any] = YAML(typ="safe").load(SPEC_PATH)
    return loaded


def test_spec_is_valid_openapi(spec: dict[str, Any]) -> None:
    validate(spec)


def test_every_operation_is_documented(spec: dict[str, Any]) -> None:
    operations = {
        op["operationId"]: (method, path)
        for path, item in spec["paths"].items()
        for method, op in item.items()
        if isinstance(op, dict) and "operationId" in op
    }
    assert operations == {
        "sendMessages": ("post", "/users/{userId}/messages"),
        "listMessages": ("get", "/users/{userId}/messages"),
        "getMessage": ("get", "/users/{userId}/messages/{messageId}"),
        "redactMessage": ("patch", "/users/{userId}/messages/{messageId}"),
        # The Account operations of ap-docs' methods/ that messaging applications use.
        "getAccount": ("get", "/users/{userId}/account"),
        "listAccountTransactions": ("get", "/users/{userId}/account/transactions"),
        "listApplications": ("get", "/users/{userId}/applications"),
        "createApplication": ("post", "/users/{userId}/applications"),
        "getApplication": ("get", "/users/{userId}/applications/{applicationId}"),
        "updateApplication": ("post", "/users/{userId}/applications/{applicationId}"),
        "deleteApplication": ("delete", "/users/{userId}/applications/{applicationId}"),
        "searchAvailableLocalNumbers": ("get", "/availableNumbers/local"),
        "searchAndOrderLocalNumbers": ("post", "/availableNumbers/local"),
        "searchAvailableTollFreeNumbers": ("get", "/availableNumbers/tollFree"),
        "searchAndOrderTollFreeNumbers": ("post", "/availableNumbers/tollFree"),
        "listPhoneNumbers": ("get", "/users/{userId}/phoneNumbers"),
        "orderPhoneNumber": ("post", "/users/{userId}/phoneNumbers"),
        "getPhoneNumber": ("get", "/users/{userId}/phoneNumbers/{numberId}"),
        "updatePhoneNumber": ("post", "/users/{userId}/phoneNumbers/{numberId}"),
        "deletePhoneNumber": ("delete", "/users/{userId}/phoneNumbers/{numberId}"),
        "listMedia": ("get", "/users/{userId}/media"),
        "uploadMedia": ("put", "/users/{userId}/media/{mediaName}"),
        "downloadMedia": ("get", "/users/{userId}/media/{mediaName}"),
        "deleteMedia": ("delete", "/users/{userId}/media/{mediaName}"),
        "getNumberInfo": ("get", "/phoneNumbers/numberInfo/{number}"),
        "listErrors": ("get", "/users/{userId}/errors"),
        "getError": ("get", "/users/{userId}/errors/{errorId}"),
    }
    for path_item in spec["paths"].values():
        for op in path_item.values():
            if isinstance(op, dict) and "operationId" in op:
                assert op["summary"]
                assert op["description"]


def test_limits_are_in_the_spec(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    request = schemas["MessageRequest"]["properties"]
    assert request["text"]["maxLength"] == 2048
    assert (request["callbackTimeout"]["minimum"], request["callbackTimeout"]["maximum"]) == (
        1,
        10000,
    )
    assert schemas["MessageRequestList"]["maxItems"] == 50
    size = next(
        p
        for p in spec["paths"]["/users/{userId}/messages"]["get"]["parameters"]
        if p.get("name") == "size"
    )
    assert (size["schema"]["minimum"], size["schema"]["maximum"]) == (1, 1000)
    assert spec["servers"][0]["url"].startswith("https://api.catapult.inetwork.com/")
    assert spec["components"]["securitySchemes"]["basicAuth"]["scheme"] == "basic"


def test_response_enums_are_open(spec: dict[str, Any]) -> None:
    """A value the API adds later must not break a client generated from the spec."""
    message = spec["components"]["schemas"]["Message"]
    assert message.get("additionalProperties", True) is not False
    for name in ("state", "direction", "deliveryState"):
        ref = message["properties"][name]["$ref"].rsplit("/", 1)[-1]
        options = spec["components"]["schemas"][ref]["anyOf"]
        assert {"type": "string"} in options


_KEYWORDS = {
    "type",
    "description",
    "enum",
    "format",
    "pattern",
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "items",
    "properties",
    "required",
    "additionalProperties",
    "$ref",
    "anyOf",
    "allOf",
    "oneOf",
    "default",
    "example",
    "examples",
    "minItems",
    "maxItems",
    "nullable",
}


def test_every_schema_uses_only_json_schema_keywords(spec: dict[str, Any]) -> None:
    """A plain YAML scalar with a comma inside ``{...}`` splits into a stray key: caught here."""
    stray: list[str] = []

    def walk(schema: Any, where: str) -> None:
        if not isinstance(schema, dict):
            return
        stray.extend(f"{where}: {key!r}" for key in schema if key not in _KEYWORDS)
        for name, sub in schema.get("properties", {}).items():
            walk(sub, f"{where}.{name}")
        for key in ("items", "additionalProperties"):
            walk(schema.get(key), f"{where}.{key}")
        for key in ("anyOf", "allOf", "oneOf"):
            for index, sub in enumerate(schema.get(key, [])):
                walk(sub, f"{where}.{key}[{index}]")

    for name, schema in spec["components"]["schemas"].items():
        walk(schema, name)
    assert stray == []
