"""What a keyword family is: the keywords it owns and the function that judges their changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from summit_schema.evolution.schema_diff import Comparison

__all__ = ["Family", "Judge"]

Judge = Callable[["Comparison", dict[str, Any], dict[str, Any], str, str], None]
"""``judge(comparison, old, new, old_pointer, new_pointer)`` records the family's changes."""


@dataclass(frozen=True)
class Family:
    """The keywords of one family and the function that compares them between OLD and NEW."""

    name: str
    keywords: frozenset[str]
    judge: Judge
