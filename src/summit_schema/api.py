"""Loading annotations and the registry into the typed models, with full validation first."""

from __future__ import annotations

from pathlib import Path

from summit_schema.findings import Finding, Report
from summit_schema.loading.file_access import DecodeFailure, FileRefused, decode_utf8, read_regular_file
from summit_schema.loading.yaml_source import load_yaml
from summit_schema.models import SummitActorRegistry, SummitAnnotation
from summit_schema.running.validation import ValidationOptions, validate_text
from summit_schema.schema import versions

__all__ = ["AnnotationError", "load_annotation", "load_registry"]


class AnnotationError(ValueError):
    """An annotation (or registry) has errors; ``findings`` holds every finding of the file."""

    def __init__(self, path: str | Path, findings: list[Finding]) -> None:
        self.path = str(path)
        self.findings = findings
        errors = [finding for finding in findings if finding.severity == "error"]
        first = errors[0] if errors else None
        detail = (
            f"; first: {first.file}:{first.line}:{first.column}: [{first.rule}] {first.message}"
            if first
            else ""
        )
        super().__init__(f"{path}: {len(errors)} error(s){detail}")


def _raise_on_errors(path: str | Path, report: Report) -> None:
    if report.errors or report.usage_error:
        raise AnnotationError(path, report.sorted_findings())


def load_annotation(path: str | Path, options: ValidationOptions | None = None) -> SummitAnnotation:
    """Validate the annotation at ``path`` fully and return it as a typed model.

    Raises AnnotationError carrying the findings when any error is found (warnings do not raise),
    including when ``path`` is not a readable regular file.
    """
    from summit_schema.running.layers import decode_text, read_file  # noqa: PLC0415

    file = Path(path).as_posix()
    content, findings = read_file(file, Path(path))
    if content is None:
        raise AnnotationError(path, findings)
    text, findings = decode_text(file, content)
    if text is None:
        raise AnnotationError(path, findings)
    return load_annotation_text(text, path, options)


def load_annotation_text(
    text: str, path: str | Path, options: ValidationOptions | None = None
) -> SummitAnnotation:
    """Validate an annotation given as text (standing for the file at ``path``) and return its model."""
    report = validate_text(text, path, options)
    _raise_on_errors(path, report)
    document = load_yaml(text)
    version = document.data.get("schema_version") if isinstance(document.data, dict) else None
    if isinstance(version, str) and version != versions.CURRENT_VERSION:
        text = _migrated_in_memory(text, path, version)
        _raise_on_errors(path, validate_text(text, path, options))
        document = load_yaml(text)
    if document.problems:  # unreachable while validation and loading agree; never load a bad parse
        raise AnnotationError(path, report.sorted_findings())
    return SummitAnnotation.model_validate(document.data)


def _migrated_in_memory(text: str, path: str | Path, version: str) -> str:
    """The annotation moved to the newest version in memory, so the models follow the newest only."""
    from summit_schema.evolution.migrate import migrate_text  # noqa: PLC0415
    from summit_schema.evolution.steps import MigrationRefused  # noqa: PLC0415

    try:
        return migrate_text(text, versions.CURRENT_VERSION)
    except MigrationRefused as refusal:
        message = f"version {version} cannot be read as {versions.CURRENT_VERSION}: {refusal}"
        raise AnnotationError(
            path, [Finding(Path(path).as_posix(), 1, 1, "schema-version", "/schema_version", message)]
        ) from refusal


def load_registry(path: str | Path) -> SummitActorRegistry:
    """Validate a registry file against its schema and return it as a typed model.

    Raises AnnotationError when the registry has errors.
    """
    from summit_schema.running.validation import check_registry_file  # noqa: PLC0415

    findings = check_registry_file(Path(path))
    errors = [finding for finding in findings if finding.severity == "error"]
    if errors:
        raise AnnotationError(path, findings)
    try:
        text = decode_utf8(read_regular_file(Path(path)))
    except (FileRefused, DecodeFailure) as problem:  # pragma: no cover - reported above
        raise AnnotationError(path, findings) from problem
    return SummitActorRegistry.model_validate(load_yaml(text).data)
