"""Keep python-jsonschema out of the parts of a document that jsonschema-rs finds valid.

python-jsonschema reports every violation with its path and the context ``best_match`` and the
``oneOf`` reduction need, but it walks the whole document, about 40 ms for an annotation. The located
check only needs it where something is wrong: before it descends into a member or an item, jsonschema-rs
judges that value against the same subschema in microseconds, and a valid value is skipped. A valid
value yields no error whichever engine walks it, so the findings are the same; the engines' agreement on
every verdict is held by the tests.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from jsonschema import _keywords
from jsonschema.exceptions import ValidationError
from jsonschema.protocols import Validator

__all__ = ["pruned_keywords"]

_UNPRUNABLE = ("$dynamicRef", "$dynamicAnchor", "$recursiveRef", "$anchor", "unevaluatedProperties",
               "unevaluatedItems")  # fmt: skip
"""Keywords whose meaning depends on more than the subschema and the value: no pruning with them."""

Keyword = Callable[[Validator, Any, Any, Mapping[str, Any]], Iterator[ValidationError]]
_UNPRUNED_ITEMS: Keyword = getattr(_keywords, "items")  # noqa: B009 - typeshed types it as returning None


def _prunable(node: Any, root: bool = True) -> bool:
    """Whether every reference in the schema is local to its ``$defs`` and nothing depends on context."""
    if isinstance(node, list):
        return all(_prunable(item, False) for item in node)
    if not isinstance(node, dict):
        return True
    if any(keyword in node for keyword in _UNPRUNABLE) or ("$id" in node and not root):
        return False
    reference = node.get("$ref")
    if reference is not None and not (isinstance(reference, str) and reference.startswith("#/$defs/")):
        return False
    return all(_prunable(value, False) for key, value in node.items() if key not in ("enum", "const"))


class _Judge:
    """jsonschema-rs verdicts on subschemas of one root schema, compiled on first use."""

    def __init__(self, root: Mapping[str, Any]) -> None:
        self.context = {key: root[key] for key in ("$schema", "$defs") if key in root}
        self.compiled: dict[int, Callable[[Any], bool] | None] = {}

    def valid(self, subschema: Any, instance: Any) -> bool:
        if not isinstance(subschema, dict):
            return False
        key = id(subschema)
        if key not in self.compiled:
            self.compiled[key] = self._compile(subschema)
        is_valid = self.compiled[key]
        try:
            return is_valid is not None and is_valid(instance)
        except (ValueError, OverflowError):  # values the accelerator cannot represent
            return False

    def _compile(self, subschema: dict[str, Any]) -> Callable[[Any], bool] | None:
        try:
            import jsonschema_rs  # noqa: PLC0415 - optional accelerator

            def refuse(uri: str) -> Any:
                raise ValueError(f"remote reference {uri} is not fetched")

            validator = jsonschema_rs.validator_for({**self.context, **subschema}, retriever=refuse)
        except Exception:  # without the accelerator, or for a subschema it cannot read: walk it
            return None
        is_valid: Callable[[Any], bool] = validator.is_valid
        return is_valid


def _descend(validator: Validator, instance: Any, schema: Any, **where: Any) -> Iterator[ValidationError]:
    descend: Callable[..., Iterator[ValidationError]] = getattr(validator, "descend")  # noqa: B009
    return descend(instance, schema, **where)


def pruned_keywords(root: Mapping[str, Any]) -> dict[str, Keyword]:
    """``properties`` and ``items`` that skip values jsonschema-rs finds valid (none if unsafe)."""
    if not _prunable(root):
        return {}
    judge = _Judge(root)

    def properties(
        validator: Validator, members: Any, instance: Any, schema: Mapping[str, Any]
    ) -> Iterator[ValidationError]:
        if not validator.is_type(instance, "object"):
            return
        for name, subschema in members.items():
            if name in instance and not judge.valid(subschema, instance[name]):
                yield from _descend(validator, instance[name], subschema, path=name, schema_path=name)

    def items(
        validator: Validator, subschema: Any, instance: Any, schema: Mapping[str, Any]
    ) -> Iterator[ValidationError]:
        if not isinstance(subschema, dict) or "prefixItems" in schema:
            yield from _UNPRUNED_ITEMS(validator, subschema, instance, schema)
            return
        if not validator.is_type(instance, "array"):
            return
        for index, item in enumerate(instance):
            if not judge.valid(subschema, item):
                yield from _descend(validator, item, subschema, path=index)

    return {"properties": properties, "items": items}
