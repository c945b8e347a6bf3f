"""What a mature command line has: quiet broken pipes, standard input, usage errors on the pull request,
a path to the bundled schema, and models importable from one place with readable enum members."""

from __future__ import annotations

import inspect
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

import summit_schema._generated.annotation as generated_annotation
import summit_schema._generated.registry as generated_registry
from summit_schema import models
from summit_schema.schema.versions import CURRENT_VERSION
from tests.conftest import REPO

ANNOTATION = "annotations/003_289fc3a32fa86627.yaml"


@pytest.mark.parametrize("arguments", [["validate", "--list-rules"], ["validate", "annotations"]])
def test_a_closed_pipe_ends_the_run_quietly(project: Path, arguments: list[str]) -> None:
    """When the reader of stdout is gone (``| head``), the run stops with 141 and no traceback."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the first write, so every write fails
    script = Path(sys.executable).with_name("summit-schema")
    try:
        completed = subprocess.run(
            [str(script), *arguments], stdout=write_end, stderr=subprocess.PIPE, check=False, cwd=project
        )
    finally:
        os.close(write_end)
    assert completed.stderr == b""
    assert completed.returncode == 141


def test_list_rules_piped_into_head_prints_its_first_lines(project: Path) -> None:
    """``--list-rules | head -3`` prints three rules and nothing on stderr."""
    script = Path(sys.executable).with_name("summit-schema")
    completed = subprocess.run(
        f"'{script}' validate --list-rules | head -3",
        shell=True,
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
    )
    assert len(completed.stdout.splitlines()) == 3
    assert completed.stderr == ""


def _stdin(monkeypatch: pytest.MonkeyPatch, content: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(content), encoding="utf-8"))


def test_validate_reads_standard_input_for_the_path_given(
    project: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """``validate - --stdin-filename PATH`` checks stdin as PATH: its project root, article and modeline."""
    _stdin(monkeypatch, (project / ANNOTATION).read_bytes())
    result = run_cli("validate", "--strict", "-", "--stdin-filename", ANNOTATION)
    assert result.exit_code == 0, result.stdout
    broken = (project / ANNOTATION).read_text("utf-8").replace("sha256: ", "sha256: 0")
    _stdin(monkeypatch, broken.encode())
    result = run_cli("validate", "--format", "json", "-", "--stdin-filename", ANNOTATION)
    assert result.exit_code == 1
    assert {finding["file"] for finding in result.json()["findings"]} == {ANNOTATION}


def test_validate_standard_input_without_a_name_is_stdin_in_the_current_folder(
    project: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Without --stdin-filename the file is ``<stdin>`` and the project root is found from the cwd."""
    _stdin(monkeypatch, (project / ANNOTATION).read_bytes().replace(b"sha256: ", b"sha256: 0"))
    result = run_cli("validate", "--format", "json", "-")
    assert result.exit_code == 1
    findings = result.json()["findings"]
    assert {finding["file"] for finding in findings} == {"<stdin>"}
    assert "ref-registry-missing" not in {finding["rule"] for finding in findings}
    _stdin(monkeypatch, b"a: \xff\n")
    result = run_cli("validate", "-")
    assert result.exit_code == 1
    assert "<stdin>:1:4: error[yaml-encoding]" in result.stdout


def test_standard_input_must_be_the_only_path(project: Path, run_cli: Any) -> None:
    """'-' beside other paths, or --stdin-filename without '-', is a usage error."""
    assert run_cli("validate", "-", ANNOTATION).exit_code == 2
    result = run_cli("validate", ANNOTATION, "--stdin-filename", ANNOTATION)
    assert result.exit_code == 2
    assert "--stdin-filename" in result.stderr


def test_github_format_shows_usage_errors_as_workflow_errors(project: Path, run_cli: Any) -> None:
    """On exit 2 the github format also prints an ``::error`` line, so the pull request says why."""
    result = run_cli("validate", "--format", "github", "missing.yaml")
    assert result.exit_code == 2
    assert result.stdout.splitlines()[0].startswith("::error title=cli-usage::missing.yaml: ")
    assert "missing.yaml" in result.stderr


def test_schema_path_prints_the_installed_schema(run_cli: Any) -> None:
    """``schema-path`` prints the bundled schema of a version and kind; an unknown version exits 2."""
    result = run_cli("schema-path")
    assert result.exit_code == 0
    path = Path(result.stdout.strip())
    assert path.read_bytes() == (REPO / f"schemas/{CURRENT_VERSION}/annotation.schema.json").read_bytes()
    registry = Path(run_cli("schema-path", "1.0.0", "--kind", "registry").stdout.strip())
    assert registry.read_bytes() == (REPO / "schemas/1.0.0/registry.schema.json").read_bytes()
    unknown = run_cli("schema-path", "0.9.0")
    assert unknown.exit_code == 2
    assert "1.0.0" in unknown.stderr


def test_new_without_schemas_says_how_to_work_offline(project: Path, run_cli: Any) -> None:
    """Outside a project with schemas/, ``new`` warns that the $id is remote and names schema-path."""
    shutil.rmtree(project / "schemas")
    (project / "annotations" / "004_5a2de83960ae3976.yaml").unlink()
    result = run_cli("new", "seeds/004_5a2de83960ae3976.txt")
    assert result.exit_code == 0
    assert "offline" in result.stderr
    assert "summit-schema schema-path" in result.stderr


def _public_classes(module: Any) -> list[type]:
    return [
        value
        for name, value in vars(module).items()
        if inspect.isclass(value)
        and value.__module__ == module.__name__
        and value.__name__ == name
        and name.isidentifier()
        and not name.startswith("_")
    ]


def test_every_generated_class_is_exported_by_the_models_facade() -> None:
    """Every public class of ``_generated``, enums included, is reachable from ``summit_schema.models``."""
    exported = {id(getattr(models, name)) for name in models.__all__}
    classes = _public_classes(generated_annotation) + _public_classes(generated_registry)
    assert len(classes) > 80
    assert [cls.__qualname__ for cls in classes if id(cls) not in exported] == []


def test_enum_members_have_readable_names() -> None:
    """Enum members are named for what they mean, never with generated suffixes like ``CT__1``."""
    assert models.FactualityValue.CT_MINUS.value == "CT-"
    assert models.FactualityValue.CT_PLUS.value == "CT+"
    for cls in _public_classes(generated_annotation) + _public_classes(generated_registry):
        for member in getattr(cls, "__members__", {}):
            assert not member.endswith("_"), (cls.__name__, member)
            assert "__" not in member, (cls.__name__, member)
