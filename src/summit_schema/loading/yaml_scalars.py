"""Plain scalars resolved by the YAML 1.2 core schema: ``on``, ``NO`` and ``2026-01-06`` stay strings."""

from __future__ import annotations

import math
import re
from typing import Any

__all__ = ["SURROGATE", "resolve_plain_scalar"]

_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_TRUE = re.compile(r"^(?:true|True|TRUE)$")
_FALSE = re.compile(r"^(?:false|False|FALSE)$")
_INT_DECIMAL = re.compile(r"^[-+]?[0-9]+$")
_INT_OCTAL = re.compile(r"^0o[0-7]+$")
_INT_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_INFINITY = re.compile(r"^[-+]?\.(?:inf|Inf|INF)$")
_NAN = re.compile(r"^\.(?:nan|NaN|NAN)$")


SURROGATE = re.compile("[\ud800-\udfff]")
_NON_STRING_STARTS = frozenset("~nNtTfF0123456789+-.")
_MAX_INT_DIGITS = 1000
"""Integers written with more characters are read as infinite: too large for any field to accept."""


def resolve_plain_scalar(value: str) -> Any:
    """Resolve a plain (unquoted) scalar by the YAML 1.2 core schema."""
    if value and value[0] not in _NON_STRING_STARTS:
        return value  # no null, boolean or number starts with any other character
    if _NULL.match(value):
        return None
    if _TRUE.match(value):
        return True
    if _FALSE.match(value):
        return False
    if _INT_DECIMAL.match(value):
        if len(value) > _MAX_INT_DIGITS:  # Python refuses (and would be slow) to convert more digits
            return -math.inf if value.startswith("-") else math.inf
        return int(value)
    if _INT_OCTAL.match(value) or _INT_HEX.match(value):
        if len(value) > _MAX_INT_DIGITS:
            return math.inf
        return int(value[2:], 8 if value[1] == "o" else 16)
    if _FLOAT.match(value):
        return float(value)
    if _INFINITY.match(value):
        return -math.inf if value.startswith("-") else math.inf
    if _NAN.match(value):
        return math.nan
    return value
