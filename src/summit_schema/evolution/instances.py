"""Checking one instance against a subschema of a whole schema (whose local ``$ref``s it may follow)."""

from __future__ import annotations

from typing import Any

from jsonschema import Draft202012Validator

__all__ = ["accepts"]

_VALIDATORS: dict[int, tuple[Any, Draft202012Validator]] = {}


def accepts(root: Any, schema: Any, instance: Any) -> bool:
    """Whether ``schema`` (a part of ``root``) accepts ``instance``; never fetches anything."""
    held = _VALIDATORS.get(id(root))
    if held is None or held[0] is not root:
        held = (root, Draft202012Validator(root))
        _VALIDATORS[id(root)] = held
    return bool(held[1].evolve(schema=schema).is_valid(instance))
