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
    """A copy of ``obj`` with snake_case keys, nested objects (and arrays of them) converted too.

    Runs for every message listed, so the common case (every key known) is one comprehension.
    """
    known = _known
    try:
        out = {known[key]: value for key, value in obj.items()}
    except KeyError:
        out = {known.get(key) or snake_case(key): value for key, value in obj.items()}
    for key, value in out.items():
        kind = type(value)
        if kind is dict:
            out[key] = snake_keys(value)
        elif kind is list and value and type(value[0]) is dict:  # JSON arrays are homogeneous
            out[key] = [snake_keys(v) if type(v) is dict else v for v in value]
    return out
