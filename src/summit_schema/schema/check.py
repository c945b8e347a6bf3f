"""Validate data against a JSON Schema and turn every violation into a located finding.

Patterns follow ECMA-262 (``$`` matches only at the very end, as in every other engine and the editor),
``oneOf``/``anyOf`` failures are reduced to their most relevant cause, and no ``$ref`` is ever fetched.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator, Mapping
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from jsonschema.protocols import Validator
from jsonschema.validators import extend
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource

from summit_schema.findings import Finding
from summit_schema.findings.rules import schema_rule_id
from summit_schema.loading.yaml_document import Position, YamlDocument, escape_pointer
from summit_schema.schema.messages import expected_form, shown
from summit_schema.schema.pruning import pruned_keywords

__all__ = ["SchemaValidator", "build_validator", "ecma_regex", "schema_findings"]

SchemaValidator = Validator


def ecma_regex(pattern: str) -> re.Pattern[str]:
    """Compile a JSON Schema pattern so that Python's ``re`` reads it as ECMA-262 does.

    The one difference that matters for the ASCII-class patterns the schemas use: ``$`` outside a
    character class matches only at the end of the string (Python's also matches before a final newline).
    """
    return _compile_ecma(pattern)


@cache
def _compile_ecma(pattern: str) -> re.Pattern[str]:
    translated: list[str] = []
    in_class = False
    escaped = False
    for character in pattern:
        if escaped:
            translated.append(character)
            escaped = False
        elif character == "\\":
            translated.append(character)
            escaped = True
        elif in_class:
            translated.append(character)
            in_class = character != "]"
        elif character == "[":
            translated.append(character)
            in_class = True
        elif character == "$":
            translated.append(r"\Z")
        else:
            translated.append(character)
    return re.compile("".join(translated))


def _pattern(
    validator: Validator, pattern: str, instance: Any, schema: Mapping[str, Any]
) -> Iterator[ValidationError]:
    if validator.is_type(instance, "string") and not ecma_regex(pattern).search(instance):
        yield ValidationError(f"{instance!r} does not match the pattern {pattern!r}")


_EcmaValidator = extend(Draft202012Validator, {"pattern": _pattern})  # type: ignore[no-untyped-call]


def _refuse_retrieval(uri: str) -> Resource[Any]:
    raise NoSuchResource(ref=uri)  # type: ignore[call-arg]


def build_validator(schema: Mapping[str, Any], pruned: bool = False) -> Validator:
    """Return a 2020-12 validator for ``schema`` that never fetches a remote ``$ref``.

    A ``pruned`` validator skips the members and items jsonschema-rs finds valid (see ``pruning``): it
    reports the same errors, at a cost that follows the faults rather than the size of the document.
    """
    registry: Registry[Any] = Registry(retrieve=_refuse_retrieval)  # type: ignore[call-arg]
    keywords = pruned_keywords(schema) if pruned else {}
    cls = extend(_EcmaValidator, keywords) if keywords else _EcmaValidator  # type: ignore[no-untyped-call]
    validator: Validator = cls(schema, registry=registry)
    return validator


def _pointer(path: Any) -> str:
    return "".join(f"/{escape_pointer(str(part))}" for part in path)


def _branch_index(error: ValidationError) -> int:
    return int(error.relative_schema_path[0]) if error.relative_schema_path else -1


def _branch_const(schema: Mapping[str, Any], root: Mapping[str, Any], key: str) -> Any:
    resolved = schema
    if "$ref" in resolved:
        target = resolved["$ref"]
        if isinstance(target, str) and target.startswith("#/$defs/"):
            resolved = root.get("$defs", {}).get(target.removeprefix("#/$defs/"), {})
    return resolved.get("properties", {}).get(key, {}).get("const")


def _relevant_causes(error: ValidationError, root: Mapping[str, Any]) -> list[ValidationError]:
    """Reduce an error to the causes a person needs to see."""
    if error.validator not in ("oneOf", "anyOf") or not error.context:
        return [error]
    branches = error.validator_value if isinstance(error.validator_value, list) else []
    instance = error.instance
    consts = [_branch_const(branch, root, "kind") for branch in branches]
    if isinstance(instance, dict) and any(const is not None for const in consts):
        if "kind" not in instance:  # the discriminator is missing: that is the whole fault
            return [
                ValidationError(
                    "'kind' is a required property",
                    validator="required",
                    path=list(error.absolute_path),
                    instance=instance,
                )
            ]
        if instance["kind"] in consts:
            chosen = consts.index(instance["kind"])
            causes = [cause for cause in error.context if _branch_index(cause) == chosen]
            return [leaf for cause in causes for leaf in _relevant_causes(cause, root)]
        allowed = ", ".join(repr(const) for const in consts if const is not None)
        error.message = f"kind {instance['kind']!r} is not one of {allowed}"
        error.path.append("kind")
        error.validator = "enum"
        return [error]
    chosen_error = best_match(error.context)
    return _relevant_causes(chosen_error, root)


def _allowed_keys(schema: Mapping[str, Any]) -> list[str]:
    properties = schema.get("properties", {})
    return list(properties) if isinstance(properties, dict) else []


def _closest_key(key: str, candidates: list[str]) -> str | None:
    """The candidate ``key`` is most likely a misspelling of, if any is close enough."""
    matches = difflib.get_close_matches(key, candidates, n=1)
    return matches[0] if matches else None


def _unknown_key_findings(
    error: ValidationError, file: str, document: YamlDocument, pointer: str
) -> Iterator[Finding]:
    allowed = _allowed_keys(error.schema) if isinstance(error.schema, dict) else []
    instance = error.instance if isinstance(error.instance, dict) else {}
    for key in instance:
        if key in allowed:
            continue
        key_pointer = f"{pointer}/{escape_pointer(str(key))}"
        line, column = document.key_positions.get(key_pointer, _position(document, pointer))
        suggestion = _closest_key(str(key), allowed)
        hint = f"; did you mean {suggestion!r}?" if suggestion else ""
        listing = ", ".join(allowed) if allowed else "none"
        yield Finding(
            file,
            line,
            column,
            schema_rule_id("additionalProperties"),
            key_pointer,
            f"unknown key {key!r}{hint} (allowed here: {listing})",
        )


def _position(document: YamlDocument, pointer: str) -> Position:
    while pointer not in document.positions and pointer:
        pointer = pointer.rsplit("/", 1)[0]
    return document.positions.get(pointer, (1, 1))


def _listing(values: Any) -> str:
    return ", ".join(shown(value) for value in values) if isinstance(values, list) else shown(values)


def _message(error: ValidationError) -> str:
    instance = error.instance
    if error.validator == "type":
        if instance is None:
            return f"null is not allowed here (expected {error.validator_value}): leave the key out instead"
        if error.validator_value == "string" and isinstance(instance, int | float):
            read_as = "true or false" if isinstance(instance, bool) else "a number"
            return f"{shown(instance)} is not of type 'string': YAML reads this value as {read_as}; quote it"
        return f"{shown(instance)} is not of type {error.validator_value!r}"
    if error.validator == "enum" and not isinstance(instance, dict | list):  # a mapping's kind says it
        return f"{shown(instance)} is not one of {_listing(error.validator_value)}"
    if error.validator == "pattern" and isinstance(error.validator_value, str):
        form = expected_form(error.validator_value)
        if form is not None:
            return f"{shown(instance)} is not in the expected form: {form}"
    if error.validator == "minLength" and instance == "":
        return "the value is empty"
    if error.validator in ("minLength", "maxLength") and isinstance(error.validator_value, int):
        size, bound = ("short", "at least") if error.validator == "minLength" else ("long", "at most")
        return f"{shown(instance)} is too {size} ({bound} {error.validator_value} characters)"
    if error.validator == "not" and isinstance(error.validator_value, dict):
        reason = error.validator_value.get("description")
        if isinstance(reason, str):
            return f"{shown(instance)}: {reason}"
    if error.validator == "required":
        missing = re.match(r"^'(.*)' is a required property$", error.message)
        if missing:
            return f"missing required key {missing.group(1)!r}"
    return error.message


def _is_redundant(cause: ValidationError, causes: list[ValidationError]) -> bool:
    """Whether another cause says it all: a null's type error covers its enum, a key mistyped as
    one that is missing covers the missing one (the unknown key's finding says which it was meant to be)."""
    if cause.instance is None and cause.validator != "type":
        return any(
            other.validator == "type" and other.absolute_path == cause.absolute_path for other in causes
        )
    closed = isinstance(cause.schema, dict) and cause.schema.get("additionalProperties") is False
    if cause.validator == "required" and closed and isinstance(cause.instance, dict):
        missing = re.match(r"^'(.*)' is a required property$", cause.message)
        allowed = _allowed_keys(cause.schema) if isinstance(cause.schema, dict) else []
        unknown = [str(key) for key in cause.instance if key not in allowed]
        return missing is not None and bool(allowed) and _closest_key(missing.group(1), unknown) is not None
    return False


def schema_findings(
    validator: Validator, document: YamlDocument, file: str, root_schema: Mapping[str, Any]
) -> Iterator[Finding]:
    """Yield one finding per schema violation of ``document``, each at its node's position."""
    causes = [
        cause
        for error in validator.iter_errors(document.data)
        for cause in _relevant_causes(error, root_schema)
    ]
    for cause in causes:
        if _is_redundant(cause, causes):
            continue
        pointer = _pointer(cause.absolute_path)
        if cause.validator == "additionalProperties":
            yield from _unknown_key_findings(cause, file, document, pointer)
            continue
        line, column = _position(document, pointer)
        keyword = str(cause.validator) if cause.validator is not None else "false"
        yield Finding(file, line, column, schema_rule_id(keyword), pointer, _message(cause))
