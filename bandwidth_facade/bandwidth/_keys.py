"""camelCase keys of the API's answers to snake_case (``skipMMSCarrierValidation`` ->
``skip_mms_carrier_validation``; ``from`` stays ``from``), values untouched."""

from __future__ import annotations

import re
from typing import Any

from bandwidth_messaging_api.typed_dicts import WIRE_TO_SNAKE

__all__ = ["snake_case", "snake_keys"]

_ACRONYM = re.compile(r"([A-Z]+)([A-Z][a-z])")
_WORD = re.compile(r"([a-z0-9])([A-Z])")
# The spec's keys are known ahead; keys the API adds later are converted once, then remembered.
# The cache only grows by property names the API sends, a small set.
_known: dict[str, str] = dict(WIRE_TO_SNAKE)


def snake_case(name: str) -> str:
    """The same rule as ``scripts/generate.py`` applies to the spec's property names."""
    converted = _known.get(name)
    if converted is None:
        converted = _WORD.sub(r"\1_\2", _ACRONYM.sub(r"\1_\2", name)).lower()
        if len(_known) < 10_000:
            _known[name] = converted
    return converted


def snake_keys(obj: dict[str, Any]) -> dict[str, Any]:
    """A copy of ``obj`` with snake_case keys, nested objects converted too."""
    known = _known
    out: dict[str, Any] = {}
    for key, value in obj.items():
        name = known.get(key) or snake_case(key)
        kind = type(value)
        if kind is dict:
            value = snake_keys(value)
        elif kind is list and any(type(v) is dict for v in value):
            value = [snake_keys(v) if type(v) is dict else v for v in value]
        out[name] = value
    return out
