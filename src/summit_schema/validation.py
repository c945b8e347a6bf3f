"""Validate annotation files: YAML, schema and semantic layers, one report for the whole run."""

from __future__ import annotations

import json
import os
import traceback
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from summit_schema.file_access import DecodeFailure, FileRefused, decode_utf8, read_regular_file
from summit_schema.findings import Finding, Report, Severity
from summit_schema.rules import RULES, rule
from summit_schema.schema_check import SchemaValidator, build_validator, schema_findings
from summit_schema.schema_walk import walk
from summit_schema.schemas import SchemaKind, known_versions, load_schema
from summit_schema.semantics import ANNOTATION_CHECKS, REGISTRY_CHECKS, Check
from summit_schema.semantics.article import ArticleCache, check_article
from summit_schema.semantics.context import FileContext, RegistryIndex
from summit_schema.yaml_source import YamlDocument, load_yaml

__all__ = [
    "REGISTRY_FILE_NAME",
    "CustomSchema",
    "SchemaOptionError",
    "ValidationOptions",
    "check_registry_file",
    "discover_files",
    "find_project_root",
    "load_custom_schema",
    "validate_paths",
    "validate_text",
]

REGISTRY_FILE_NAME = "registry.yaml"


class SchemaOptionError(Exception):
    """A schema given with --schema cannot be used; the message says why."""


@dataclass(frozen=True)
class CustomSchema:
    """A schema given on the command line, used instead of the version a file names."""

    path: Path
    schema: dict[str, Any]


@dataclass(frozen=True)
class ValidationOptions:
    """How to validate: an optional schema override, rules to ignore, strictness and debugging."""

    schema: CustomSchema | None = None
    ignore: frozenset[str] = frozenset()
    strict: bool = False
    debug: bool = False


@dataclass
class _Run:
    """State shared by the files of one run: registries and articles are read once."""

    options: ValidationOptions
    report: Report = field(default_factory=Report)
    registries: dict[Path, RegistryIndex] = field(default_factory=dict)
    articles: ArticleCache = field(default_factory=ArticleCache)


def display_path(path: Path) -> str:
    """Return ``path`` relative to the current directory where possible, with '/'."""
    try:
        relative = os.path.relpath(path)
    except ValueError:
        relative = str(path)
    return Path(relative).as_posix()


def find_project_root(path: Path) -> Path | None:
    """Return the nearest ancestor directory of ``path`` that holds the registry."""
    for directory in path.absolute().parents:
        if (directory / REGISTRY_FILE_NAME).is_file():
            return directory
    return None


def _contains_remote_ref(node: Any) -> bool:
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("$ref", "$dynamicRef") and isinstance(value, str) and not value.startswith("#"):
                return True
            if _contains_remote_ref(value):
                return True
    elif isinstance(node, list):
        return any(_contains_remote_ref(item) for item in node)
    return False


def load_custom_schema(path: Path) -> CustomSchema:
    """Read and check a schema given with --schema; raise SchemaOptionError when it is unusable."""
    from jsonschema import Draft202012Validator  # noqa: PLC0415
    from jsonschema.exceptions import SchemaError  # noqa: PLC0415

    try:
        text = decode_utf8(read_regular_file(path))
        schema = json.loads(text)
    except (FileRefused, DecodeFailure) as problem:
        raise SchemaOptionError(f"--schema {path}: {problem.reason}") from problem
    except json.JSONDecodeError as error:
        raise SchemaOptionError(
            f"--schema {path}: not JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from error
    if not isinstance(schema, dict):
        raise SchemaOptionError(f"--schema {path}: a schema must be a JSON object")
    try:
        Draft202012Validator.check_schema(schema)
    except SchemaError as error:
        raise SchemaOptionError(f"--schema {path}: not a valid 2020-12 schema: {error.message}") from error
    if _contains_remote_ref(schema):
        raise SchemaOptionError(
            f"--schema {path}: holds a non-local $ref; only '#...' references are allowed "
            "(the validator never fetches schemas)"
        )
    return CustomSchema(path, schema)


@cache
def _shipped_validator(version: str, kind: SchemaKind) -> tuple[dict[str, Any], SchemaValidator]:
    schema = load_schema(version, kind)
    return schema, build_validator(schema)


def _schema_ids(version: str) -> dict[str, str]:
    return {kind: str(load_schema(version, kind)["$id"]) for kind in ("annotation", "registry")}


def discover_files(paths: Sequence[str | Path]) -> tuple[list[tuple[str, Path]], list[str]]:
    """Expand files and folders into (display name, path) pairs; return them and usage problems.

    A folder gives every ``*.yaml`` file beneath it, recursively, in sorted order, skipping hidden
    entries and the registry.
    """
    files: list[tuple[str, Path]] = []
    problems: list[str] = []
    for given in paths:
        path = Path(given)
        if not os.path.lexists(path):
            problems.append(f"{given}: no such file or directory")
            continue
        if path.is_dir():
            found: list[Path] = []
            for directory, subdirectories, names in os.walk(path):
                subdirectories[:] = [name for name in subdirectories if not name.startswith(".")]
                found.extend(
                    Path(directory) / name
                    for name in names
                    if name.endswith(".yaml") and not name.startswith(".") and name != REGISTRY_FILE_NAME
                )
            files.extend((display_path(item), item) for item in sorted(found))
        else:
            files.append((Path(str(given)).as_posix(), path))
    return files, problems


def _whole_file_finding(file: str, rule_id: str, message: str, line: int = 1, column: int = 1) -> Finding:
    return Finding(file, line, column, rule_id, "", message, rule(rule_id).severity)


def _read_text(file: str, path: Path) -> tuple[str | None, list[Finding]]:
    try:
        return decode_utf8(read_regular_file(path)), []
    except FileRefused as refused:
        rule_id = {
            "special": "yaml-special-file",
            "too-large": "yaml-too-large",
        }.get(refused.rule, "yaml-unreadable")
        return None, [_whole_file_finding(file, rule_id, f"{file}: {refused.reason}")]
    except DecodeFailure as failure:
        return None, [
            _whole_file_finding(file, "yaml-encoding", failure.reason, failure.line, failure.column)
        ]


def _yaml_findings(file: str, document: YamlDocument) -> list[Finding]:
    return [
        Finding(
            file,
            problem.line,
            problem.column,
            problem.rule,
            problem.path,
            problem.message,
            rule(problem.rule).severity,
        )
        for problem in document.problems
    ]


def _select_schema(
    file: str, document: YamlDocument, kind: SchemaKind, options: ValidationOptions
) -> tuple[str, dict[str, Any], SchemaValidator] | Finding:
    data = document.data
    if not isinstance(data, dict):
        found = "a list" if isinstance(data, list) else "a single value"
        return _whole_file_finding(
            file, "schema-type", f"the document must be a mapping (an {kind}), not {found}"
        )
    version = data.get("schema_version")
    if options.schema is not None and kind == "annotation":
        override = options.schema.schema
        return (str(version), override, build_validator(override))
    known = known_versions()
    if isinstance(version, str) and version in known:
        schema, validator = _shipped_validator(version, kind)
        return (version, schema, validator)
    listing = ", ".join(repr(item) for item in known)
    if "schema_version" not in data:
        line, column = document.positions.get("", (1, 1))
        return Finding(
            file, line, column, "schema-version", "", f"missing schema_version; known versions: {listing}"
        )
    line, column = document.positions.get("/schema_version", (1, 1))
    hint = " (quote it: a version is a string)" if not isinstance(version, str) else ""
    return Finding(
        file,
        line,
        column,
        "schema-version",
        "/schema_version",
        f"unknown schema_version {version!r}{hint}; known versions: {listing}",
    )


def _run_checks(context: FileContext, checks: Iterable[Check], run: _Run) -> list[Finding]:
    findings: list[Finding] = []
    for check in checks:
        try:
            findings.extend(check(context))
        except Exception as error:  # a failing rule must not hide the others' findings
            if run.options.debug:
                traceback.print_exc()
            findings.append(
                _whole_file_finding(
                    context.file,
                    "internal-error",
                    f"{check.__name__} failed: {type(error).__name__}: {error}",
                )
            )
    return findings


def _check_document(
    file: str,
    path: Path | None,
    text: str,
    kind: SchemaKind,
    project_root: Path | None,
    registry: RegistryIndex | None,
    run: _Run,
) -> tuple[list[Finding], FileContext | None]:
    document = load_yaml(text)
    findings = _yaml_findings(file, document)
    if findings:
        return findings, None
    selected = _select_schema(file, document, kind, run.options)
    if isinstance(selected, Finding):
        return [selected], None
    version, schema, validator = selected
    findings.extend(schema_findings(validator, document, file, schema))
    context = FileContext(
        file=file,
        path=path,
        text=text,
        document=document,
        kind=kind,
        version=version,
        nodes=list(walk(schema, document.data)),
        project_root=project_root,
        registry=registry,
        schema_ids=_schema_ids(version) if version in known_versions() else {},
    )
    return findings, context


def _load_registry(root: Path, run: _Run) -> RegistryIndex:
    if root in run.registries:
        return run.registries[root]
    path = root / REGISTRY_FILE_NAME
    index = RegistryIndex(path)
    run.registries[root] = index
    file = display_path(path)
    text, findings = _read_text(file, path)
    if text is not None:
        document_findings, context = _check_document(file, path, text, "registry", root, None, run)
        findings.extend(document_findings)
        if context is not None:
            findings.extend(_run_checks(context, REGISTRY_CHECKS, run))
            for node in context.nodes_of("Id"):
                if isinstance(node.value, str):
                    index.kinds.setdefault(node.value, node.owner.lower())
            index.loaded = True
    run.report.extend(findings)
    return index


def check_registry_file(path: Path, options: ValidationOptions | None = None) -> list[Finding]:
    """Validate a registry file (YAML, schema and registry rules) and return its findings."""
    run = _Run(options or ValidationOptions())
    file = display_path(path)
    text, findings = _read_text(file, path)
    if text is not None:
        document_findings, context = _check_document(file, path, text, "registry", path.parent, None, run)
        findings.extend(document_findings)
        if context is not None:
            findings.extend(_run_checks(context, REGISTRY_CHECKS, run))
    return sorted(findings)


def _check_annotation(file: str, path: Path | None, text: str | None, run: _Run) -> None:
    findings: list[Finding] = []
    start = path if path is not None else Path(file)
    root = find_project_root(start)
    registry = _load_registry(root, run) if root is not None else None
    if root is None:
        findings.append(
            _whole_file_finding(
                file,
                "ref-registry-missing",
                f"no {REGISTRY_FILE_NAME} in any ancestor directory; registry ids cannot be resolved",
            )
        )
    if text is not None:
        document_findings, context = _check_document(
            file, path, text, "annotation", root or Path.cwd(), registry, run
        )
        findings.extend(document_findings)
        if context is not None:
            findings.extend(_run_checks(context, (lambda ctx: check_article(ctx, run.articles),), run))
            findings.extend(_run_checks(context, ANNOTATION_CHECKS, run))
    run.report.extend(findings)


def _finish(run: _Run) -> Report:
    report = run.report
    if run.options.ignore:
        report.findings = [finding for finding in report.findings if finding.rule not in run.options.ignore]
    if run.options.strict:
        report.findings = [replace(finding, severity=Severity.ERROR) for finding in report.findings]
    report.findings.sort()
    return report


def _usage_report(problems: Iterable[str]) -> Report:
    report = Report(usage_error=True)
    report.extend(Finding("", 1, 1, "cli-usage", "", problem) for problem in problems)
    return report


def validate_paths(
    paths: Sequence[str | Path] = ("annotations",), options: ValidationOptions | None = None
) -> Report:
    """Validate the annotation files and folders in ``paths`` and return the report.

    A missing path or no files to check give a report with ``usage_error`` set (exit code 2).
    """
    options = options or ValidationOptions()
    unknown = sorted(rule_id for rule_id in options.ignore if rule_id not in RULES)
    if unknown:
        return _usage_report(f"--ignore {rule_id}: no such rule (see --list-rules)" for rule_id in unknown)
    files, problems = discover_files(paths)
    if problems:
        return _usage_report(problems)
    if not files:
        return _usage_report([f"no annotation files to check in {', '.join(map(str, paths))}"])
    run = _Run(options)
    for file, path in files:
        run.report.files += 1
        text, findings = _read_text(file, path)
        run.report.extend(findings)
        _check_annotation(file, path, text, run)
    return _finish(run)


def validate_text(text: str, path: str | Path, options: ValidationOptions | None = None) -> Report:
    """Validate an annotation given as text, as if it were the file at ``path``.

    The registry and the article are looked up from ``path``'s location, as for a file on disk.
    """
    run = _Run(options or ValidationOptions())
    run.report.files = 1
    file_path = Path(path)
    _check_annotation(Path(str(path)).as_posix(), file_path, text, run)
    return _finish(run)
