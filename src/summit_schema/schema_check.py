"""Validate data against a JSON Schema and turn every violation into a located finding.

Patterns follow ECMA-262 (``$`` matches only at the very end, as in every other engine and the editor),
``oneOf``/``anyOf`` failures are reduced to their most relevant cause, and no ``$ref`` is ever fetched.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from jsonschema import Draft202012Validator
from jsonschema.exceptions import ValidationError, best_match
from jsonschema.protocols import Validator
from jsonschema.validators import extend
from referencing import Registry, Resource
from referencing.exceptions import NoSuchResource

from summit_schema.findings import Finding
from summit_schema.rules import schema_rule_id
from summit_schema.yaml_source import Position, YamlDocument, escape_pointer

__all__ = [
    "CompiledSchema",
    "SchemaValidator",
    "build_validator",
    "compile_schema",
    "ecma_regex",
    "schema_findings",
]

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


def build_validator(schema: Mapping[str, Any]) -> Validator:
    """Return a 2020-12 validator for ``schema`` that never fetches a remote ``$ref``."""
    registry: Registry[Any] = Registry(retrieve=_refuse_retrieval)  # type: ignore[call-arg]
    validator: Validator = _EcmaValidator(schema, registry=registry)
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
    if isinstance(instance, dict) and "kind" in instance:
        consts = [_branch_const(branch, root, "kind") for branch in branches]
        if any(const is not None for const in consts):
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
        suggestion = difflib.get_close_matches(str(key), allowed, n=1)
        hint = f"; did you mean {suggestion[0]!r}?" if suggestion else ""
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


def _message(error: ValidationError) -> str:
    if error.validator == "required":
        missing = re.match(r"^'(.*)' is a required property$", error.message)
        if missing:
            return f"missing required key {missing.group(1)!r}"
    return error.message


def schema_findings(
    validator: Validator, document: YamlDocument, file: str, root_schema: Mapping[str, Any]
) -> Iterator[Finding]:
    """Yield one finding per schema violation of ``document``, each at its node's position."""
    for error in validator.iter_errors(document.data):
        for cause in _relevant_causes(error, root_schema):
            pointer = _pointer(cause.absolute_path)
            if cause.validator == "additionalProperties":
                yield from _unknown_key_findings(cause, file, document, pointer)
                continue
            line, column = _position(document, pointer)
            keyword = str(cause.validator) if cause.validator is not None else "false"
            yield Finding(file, line, column, schema_rule_id(keyword), pointer, _message(cause))


def _fast_validator(schema: Mapping[str, Any]) -> Callable[[Any], bool] | None:
    """Return jsonschema-rs's verdict function for ``schema``, if the library is available."""
    try:
        import jsonschema_rs  # noqa: PLC0415 - optional accelerator
    except ImportError:  # pragma: no cover - only without jsonschema-rs
        return None

    def refuse(uri: str) -> Any:
        raise ValueError(f"remote reference {uri} is not fetched")

    try:
        validator = jsonschema_rs.validator_for(dict(schema), retriever=refuse)
    except Exception:  # a schema the accelerator cannot read is left to python-jsonschema
        return None
    is_valid: Callable[[Any], bool] = validator.is_valid
    return is_valid


@dataclass(frozen=True)
class CompiledSchema:
    """A schema ready to check documents: a fast verdict first, located findings only when it fails.

    jsonschema-rs answers whether a document is valid in microseconds; python-jsonschema, which reports
    every violation with its path, runs only on documents that fail. Both follow ECMA-262 patterns.
    """

    schema: Mapping[str, Any]
    validator: Validator
    is_valid: Callable[[Any], bool] | None

    def findings(self, document: YamlDocument, file: str) -> list[Finding]:
        """Return the schema findings of ``document`` (none when the fast verdict is valid)."""
        if self.is_valid is not None:
            try:
                if self.is_valid(document.data):
                    return []
            except (ValueError, OverflowError):  # values the accelerator cannot represent
                pass
        return list(schema_findings(self.validator, document, file, self.schema))


def compile_schema(schema: Mapping[str, Any]) -> CompiledSchema:
    """Prepare ``schema`` for checking documents."""
    return CompiledSchema(schema, build_validator(schema), _fast_validator(schema))
