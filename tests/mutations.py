"""Structured mutations of the real annotations, each with the finding it must produce and where."""

from __future__ import annotations

import copy
import io
import json
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from summit_schema import CURRENT_VERSION, load_schema
from summit_schema.loading.yaml_document import escape_pointer
from summit_schema.loading.yaml_source import load_yaml
from summit_schema.schema.walk import walk
from tests.conftest import REPO

ANNOTATIONS = sorted((REPO / "annotations").glob("*.yaml"))
KINDS = ("drop_key", "change_type", "rename_id", "swap_enum", "alter_quote")


@dataclass(frozen=True)
class Expected:
    """A finding a mutation must produce: its rule and the pointer it is reported at."""

    rule: str
    pointer: str
    at_object: str | None = None  # for a dropped key: the object whose start the finding points at


@dataclass(frozen=True)
class Mutation:
    """A mutated annotation, as YAML text, and what validation must report."""

    source: Path
    kind: str
    text: str
    expected: tuple[Expected, ...]


def dump(data: Any) -> str:
    """Plain block YAML for ``data``, as an annotator would write it."""
    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.width = 4096
    yaml.allow_unicode = True
    stream = io.StringIO()
    yaml.dump(data, stream)
    return (
        f"# yaml-language-server: $schema=../schemas/{CURRENT_VERSION}/annotation.schema.json\n"
        + stream.getvalue()
    )


@cache
def base(path: Path) -> Any:
    """The data of a real annotation."""
    return load_yaml(path.read_text(encoding="utf-8")).data


def _resolve(data: Any, pointer: str) -> tuple[Any, str]:
    parts = [part.replace("~1", "/").replace("~0", "~") for part in pointer.split("/")[1:]]
    node = data
    for part in parts[:-1]:
        node = node[int(part)] if isinstance(node, list) else node[part]
    return node, parts[-1]


def _set(data: Any, pointer: str, value: Any) -> None:
    parent, last = _resolve(data, pointer)
    if isinstance(parent, list):
        parent[int(last)] = value
    else:
        parent[last] = value


def _definitions() -> dict[str, Any]:
    return load_schema()["$defs"]


def candidates(data: Any, kind: str) -> list[Any]:
    """The places in ``data`` where a mutation of ``kind`` can be made."""
    schema = load_schema()
    defs = _definitions()
    nodes = list(walk(schema, data))
    if kind == "drop_key":
        return [
            (node.pointer, key)
            for node in nodes
            if isinstance(node.value, dict)
            for key in defs.get(node.definition, {}).get("required", [])
            if key in node.value
        ]
    if kind == "change_type":
        return [
            node.pointer
            for node in nodes
            if defs.get(node.definition, {}).get("type") == "string" and node.pointer
        ]
    if kind == "swap_enum":
        return [node.pointer for node in nodes if "enum" in defs.get(node.definition, {})]
    if kind == "alter_quote":
        return [node.pointer for node in nodes if node.definition == "EvidenceItem"]
    references: dict[str, list[str]] = {}
    for node in nodes:
        if node.definition.endswith("Ref") and isinstance(node.value, str):
            references.setdefault(node.value, []).append(node.pointer)
    return [
        (node.pointer, references[node.value])
        for node in nodes
        if node.definition == "Id" and node.value in references
    ]


def mutate(path: Path, kind: str, choice: int) -> Mutation:
    """Apply mutation ``kind`` at candidate number ``choice`` (modulo their count) of a real annotation."""
    data = copy.deepcopy(base(path))
    options = candidates(data, kind)
    target = options[choice % len(options)]
    if kind == "drop_key":
        pointer, key = target
        parent, last = _resolve(data, f"{pointer}/{escape_pointer(key)}")
        del parent[last]
        expected: tuple[Expected, ...] = (Expected("schema-required", pointer, at_object=pointer),)
    elif kind == "change_type":
        _set(data, target, 12345)
        expected = (Expected("schema-type", target),)
    elif kind == "swap_enum":
        parent, last = _resolve(data, target)
        current = parent[int(last)] if isinstance(parent, list) else parent[last]
        _set(data, target, f"{current}-not-a-value")
        expected = (Expected("schema-enum", target),)
    elif kind == "alter_quote":
        parent, last = _resolve(data, f"{target}/quote")
        words = parent[last].split(" ")
        parent[last] = " ".join([*words[:-1], words[-1][::-1] + "qx"])
        expected = (Expected("quote-not-found", f"{target}/quote"),)
    else:
        pointer, references = target
        parent, last = _resolve(data, pointer)
        parent[last] = parent[last] + "-renamed"
        expected = tuple(Expected("ref-unresolved", reference) for reference in references)
    return Mutation(path, kind, dump(data), expected)


def same_place(path: Path) -> Path:
    """Where a mutated copy of ``path`` is validated: beside it, so the registry and article resolve."""
    return path.with_name(f"mutated-{path.name}")


def data_is_json(data: Any) -> bool:
    """Whether ``data`` survives a JSON round trip unchanged."""
    return bool(json.loads(json.dumps(data)) == data)
