"""Hostile and broken input: every case gets its exact outcome, never a traceback, a hang or a blow-up.

The committed cases live in tests/hostile/ with their expected outcomes in cases.json; cases that need
special files (FIFOs, symlinks, unreadable or oversized files) are made here. Each committed case runs
the real command in a subprocess limited to 1 GiB of address space and 60 seconds.
"""

from __future__ import annotations

import json
import os
import resource
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from summit_schema import AnnotationError, load_annotation, validate_text
from summit_schema.loading.file_access import MAX_FILE_BYTES
from summit_schema.loading.yaml_source import load_yaml
from tests.conftest import EXAMPLES, REPO

HOSTILE = REPO / "tests" / "hostile"
CASES: dict[str, dict[str, Any]] = json.loads((HOSTILE / "cases.json").read_text(encoding="utf-8"))
MEMORY_LIMIT = 1 << 30
TIME_LIMIT = 60
COMMAND = str(Path(sys.executable).with_name("summit-schema"))


def _limited() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def _run(*arguments: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [COMMAND, "validate", "--no-cache", "--format", "json", *arguments],
        capture_output=True,
        text=True,
        check=False,
        cwd=cwd,
        timeout=TIME_LIMIT,
        preexec_fn=_limited,
    )


def _located(result: subprocess.CompletedProcess[str]) -> list[list[Any]]:
    return sorted([f["rule"], f["line"], f["column"]] for f in json.loads(result.stdout)["findings"])


@pytest.mark.parametrize("name", sorted(CASES), ids=lambda name: name.removesuffix(".yaml"))
def test_hostile_case_gets_its_exact_outcome(name: str) -> None:
    """The committed hostile file gets exactly the outcome cases.json states, within the limits."""
    expected = CASES[name]
    result = _run(f"tests/hostile/{name}")
    assert "Traceback" not in result.stderr
    assert result.returncode == expected["exit"], result.stdout[-2000:]
    report = json.loads(result.stdout)
    assert report["summary"]["files"] == 1
    if "findings" in expected:
        assert _located(result) == sorted(expected["findings"])
    elif "rule_counts" in expected:
        counts: dict[str, int] = {}
        for finding in report["findings"]:
            counts[finding["rule"]] = counts.get(finding["rule"], 0) + 1
        assert counts == expected["rule_counts"]
        assert [report["findings"][0]["line"], report["findings"][0]["column"]] == expected["first"]
    else:
        rules = {finding["rule"] for finding in report["findings"]}
        assert rules == {expected["only_rule"]}
        assert len(report["findings"]) == expected["count"]
        first = report["findings"][0]
        assert [first["line"], first["column"]] == expected["first"]
    for pointer in expected.get("paths", []):
        assert pointer in {finding["path"] for finding in report["findings"]}


@pytest.mark.parametrize("name", sorted(name for name, case in CASES.items() if "data" in case))
def test_yaml_1_2_reading_of_values_yaml_1_1_reads_otherwise(name: str) -> None:
    """Values YAML 1.1 would turn into booleans, dates or numbers stay the strings they are in 1.2."""
    annotation = load_annotation(HOSTILE / name)
    document = annotation.model_dump(mode="json", exclude_none=True)
    for pointer, value in CASES[name]["data"].items():
        node: Any = document
        for part in pointer.strip("/").split("/"):
            node = node[part]
        assert node == value


def test_all_hostile_cases_together_are_all_counted() -> None:
    """One bad file never stops the others: a run over the whole folder checks and counts them all."""
    result = _run("tests/hostile")
    assert result.returncode == 1
    assert json.loads(result.stdout)["summary"]["files"] == len(CASES)


def test_every_case_is_documented() -> None:
    """docs/reliability.md lists every hostile case with its outcome."""
    reliability = (REPO / "docs" / "reliability.md").read_text(encoding="utf-8")
    missing = [name for name in CASES if f"`{name}`" not in reliability]
    assert not missing


def _project_file(project: Path, name: str, text: str) -> Path:
    path = project / "annotations" / name
    path.write_text(text, encoding="utf-8")
    return path


def _minimal(source: str = "seeds/003_289fc3a32fa86627.txt") -> str:
    text = (EXAMPLES / "positive" / "minimal.yaml").read_text(encoding="utf-8")
    return text.replace("../../../schemas", "../schemas").replace("seeds/003_289fc3a32fa86627.txt", source)


def test_file_over_the_size_limit(project: Path) -> None:
    """A file over the documented size limit (4 MiB) is refused with its own rule, unread."""
    (project / "annotations" / "huge.yaml").write_bytes(b"# " + b"x" * MAX_FILE_BYTES + b"\n")
    result = _run("annotations/huge.yaml", cwd=project)
    assert _located(result) == [["yaml-too-large", 1, 1]]


def test_fifo_on_the_command_line_is_refused_unopened(project: Path) -> None:
    """A FIFO named on the command line is a finding; nothing blocks on it."""
    os.mkfifo(project / "annotations" / "pipe.yaml")
    result = _run("annotations/pipe.yaml", cwd=project)
    assert result.returncode == 1
    assert _located(result) == [["yaml-special-file", 1, 1]]


def test_device_on_the_command_line_is_refused_unopened(project: Path) -> None:
    """A character device (here /dev/zero, which never ends) is refused on its stat alone."""
    result = _run("/dev/zero", cwd=project)
    assert result.returncode == 1
    assert _located(result) == [["yaml-special-file", 1, 1]]


def test_fifo_as_article_is_refused_unopened(project: Path) -> None:
    """An article that is a FIFO is refused as article-unreadable."""
    os.mkfifo(project / "seeds" / "pipe.txt")
    _project_file(project, "fifo-article.yaml", _minimal("seeds/pipe.txt"))
    result = _run("annotations/fifo-article.yaml", cwd=project)
    assert [rule for rule, _, _ in _located(result)] == ["article-unreadable"]


def test_article_symlink_out_of_the_root(project: Path, tmp_path: Path) -> None:
    """An article that is a symlink leading out of the project root is refused."""
    outside = tmp_path / "outside.txt"
    outside.write_text("secret", encoding="utf-8")
    (project / "seeds" / "link.txt").symlink_to(outside)
    _project_file(project, "link.yaml", _minimal("seeds/link.txt"))
    result = _run("annotations/link.yaml", cwd=project)
    assert [rule for rule, _, _ in _located(result)] == ["article-outside-root"]


def test_article_symlink_loop(project: Path) -> None:
    """A symlink loop as article is article-unreadable at the source, not an internal error."""
    (project / "seeds" / "loop-a.txt").symlink_to(project / "seeds" / "loop-b.txt")
    (project / "seeds" / "loop-b.txt").symlink_to(project / "seeds" / "loop-a.txt")
    _project_file(project, "loop.yaml", _minimal("seeds/loop-a.txt"))
    result = _run("annotations/loop.yaml", cwd=project)
    assert [rule for rule, _, _ in _located(result)] == ["article-unreadable"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file_and_article(project: Path) -> None:
    """A file or article that exists but cannot be read is a finding."""
    path = _project_file(project, "locked.yaml", _minimal())
    path.chmod(0)
    assert _located(_run("annotations/locked.yaml", cwd=project)) == [["yaml-unreadable", 1, 1]]
    path.chmod(0o644)
    (project / "seeds" / "003_289fc3a32fa86627.txt").chmod(0)
    rules = [rule for rule, _, _ in _located(_run("annotations/locked.yaml", cwd=project))]
    assert rules == ["article-unreadable"]


def test_remote_ref_in_schema_is_refused_and_never_fetched(
    project: Path, run_cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A --schema with a remote $ref is a bad option (exit 2); no connection is ever attempted."""
    attempts: list[Any] = []

    def refuse(self: socket.socket, address: Any) -> None:
        attempts.append(address)
        raise OSError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    schema = project / "remote.json"
    schema.write_text(
        json.dumps(
            {
                "$schema": "https://json-schema.org/draft/2020-12/schema",
                "properties": {"article": {"$ref": "https://example.com/article.schema.json"}},
            }
        ),
        encoding="utf-8",
    )
    result = run_cli("validate", "--format", "json", "--schema", str(schema))
    assert result.exit_code == 2
    assert "non-local $ref" in result.json()["findings"][0]["message"]
    assert attempts == []


@pytest.mark.parametrize("depth", [100, 10_000])
def test_deep_nesting_is_bounded_in_the_loader(depth: int) -> None:
    """The careful loader stops at its depth limit whatever the input's depth."""
    document = load_yaml("a: " + "[" * depth + "]" * depth)
    assert [problem.rule for problem in document.problems] == ["yaml-too-deep"]


def test_many_long_wrong_quotes_stay_fast(project: Path) -> None:
    """Closest-passage hints are bounded: a file of a thousand long wrong quotes is checked quickly."""
    quote = "Zelensky " * 430
    items = "".join(f"          - quote: {quote}{index}\n" for index in range(1000))
    text = _minimal().replace(
        "        evidence:\n          - quote: ranging from 15,000 to 20,000 troops\n",
        "        evidence:\n" + items,
    )
    _project_file(project, "wrong-quotes.yaml", text)
    result = _run("annotations/wrong-quotes.yaml", cwd=project)
    findings = json.loads(result.stdout)["findings"]
    assert {finding["rule"] for finding in findings} == {"quote-not-found"}
    assert len(findings) == 1000


@pytest.mark.parametrize(
    ("schema", "message"),
    [
        ('{"maximum": ' + "9" * 5000 + "}", "not usable JSON"),
        ('{"$ref": "#/$defs/missing"}', "points at nothing"),
        ('{"$defs": {"a": {"$ref": "#/$defs/b"}}}', "points at nothing"),
    ],
    ids=["huge-integer", "dangling-ref", "dangling-ref-inside"],
)
def test_unusable_schema_option_is_exit_2(project: Path, schema: str, message: str) -> None:
    """A --schema that cannot be used is a bad option (exit 2, JSON report), never an internal error."""
    (project / "draft.json").write_text(schema, encoding="utf-8")
    result = _run("--schema", "draft.json", cwd=project)
    assert result.returncode == 2
    assert message in json.loads(result.stdout)["findings"][0]["message"]


def test_depth_limit_holds_with_any_schema(project: Path) -> None:
    """Nesting beyond the limit is refused even when a permissive --schema would accept the data."""
    (project / "open.json").write_text('{"type": "object"}', encoding="utf-8")
    _project_file(project, "deep.yaml", "# yaml-language-server: $schema=x\na: " + "[" * 70 + "]" * 70 + "\n")
    result = _run("--schema", "open.json", "annotations/deep.yaml", cwd=project)
    assert ["yaml-too-deep", 2, 67] in _located(result)


def test_project_root_does_not_depend_on_how_the_path_is_spelled(project: Path, tmp_path: Path) -> None:
    """'project/../elsewhere/x.yaml' belongs to no project, however it is written."""
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    (elsewhere / "x.yaml").write_text(_minimal(), encoding="utf-8")
    spelled = _run("../elsewhere/x.yaml", cwd=project)
    direct = _run(str(elsewhere / "x.yaml"), cwd=project)
    assert ["ref-registry-missing", 1, 1] in _located(spelled)
    assert _located(spelled) == _located(direct)


def test_dangling_symlink_is_a_path_that_does_not_exist(project: Path) -> None:
    """A symbolic link to nothing named on the command line is a usage error (exit 2)."""
    (project / "annotations" / "gone.yaml").symlink_to(project / "nowhere.yaml")
    result = _run("annotations/gone.yaml", cwd=project)
    assert result.returncode == 2
    assert "symbolic link to nothing" in json.loads(result.stdout)["findings"][0]["message"]


def test_broken_registry_is_reported_once_not_per_reference(project: Path) -> None:
    """A registry that cannot be read is reported in its own file; annotations are not flooded."""
    (project / "registry.yaml").write_text('schema_version: "1.0.0"\nactors: [\n', encoding="utf-8")
    result = _run("annotations/003_289fc3a32fa86627.yaml", cwd=project)
    findings = json.loads(result.stdout)["findings"]
    assert {(finding["file"], finding["rule"]) for finding in findings} == {("registry.yaml", "yaml-syntax")}


def test_api_reports_surrogates_instead_of_raising() -> None:
    """Text with unpaired surrogates (only possible through the API) is a yaml-encoding finding."""
    for text in ('a: "\ud800"\n', "\udcff: 1\n"):
        report = validate_text(text, REPO / "annotations" / "api.yaml")
        assert [finding.rule for finding in report.findings] == ["yaml-encoding"]


def test_load_annotation_of_a_folder_raises_annotation_error() -> None:
    """load_annotation on something that is not a regular file raises AnnotationError."""
    with pytest.raises(AnnotationError) as raised:
        load_annotation(REPO / "annotations")
    assert [finding.rule for finding in raised.value.findings] == ["yaml-special-file"]
