"""Every recipe of the README works as written: each command is taken from the README and run."""

from __future__ import annotations

import contextlib
import io
import re
import shlex
import shutil
import subprocess
import venv
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")
_PROGRAM = ".venv/bin/summit-schema "


def _blocks(language: str) -> list[str]:
    return re.findall(rf"^```{language}\n(.*?)^```$", README, flags=re.MULTILINE | re.DOTALL)


def _block_with(language: str, needle: str) -> str:
    (block,) = [block for block in _blocks(language) if needle in block]
    return block


def _commands(block: str) -> list[list[str]]:
    """The summit-schema commands of a shell block, without the program and the trailing comment."""
    return [
        shlex.split(line.split("  #", 1)[0])[1:] for line in block.splitlines() if line.startswith(_PROGRAM)
    ]


def test_the_annotating_recipe(project: Path, run_cli: Any) -> None:
    """`new` on a fresh article writes a skeleton with the modeline the README names, which validates."""
    block = _block_with("sh", " new ")
    copy = block.splitlines()[0].split("  #", 1)[0].split()
    assert copy[:2] == ["cp", "~/Downloads/article.txt"]
    shutil.copy2(project / "seeds" / "003_289fc3a32fa86627.txt", project / copy[2])
    new, validate = _commands(block)
    assert run_cli(*new).exit_code == 0
    written = project / "annotations" / "005_example.yaml"
    modeline = re.search(r"a first line `(# yaml-language-server: [^`]+)`", README)
    assert modeline is not None
    assert written.read_text(encoding="utf-8").splitlines()[0] == modeline.group(1)
    result = run_cli(*validate)
    assert result.exit_code == 0, result.stdout


def test_the_schema_change_recipes(project: Path, run_cli: Any) -> None:
    """compat and migrate, as the README writes them, run with the exit codes it documents."""
    commands = _commands(_block_with("sh", " compat "))
    assert [command[0] for command in commands] == ["compat", "compat", "migrate", "migrate"]
    expected = [1, 1, 0, 0]  # 1.0.0 -> 2.0.0 has a breaking change; the corpus is at 2.0.0 already
    assert [run_cli(*command).exit_code for command in commands] == expected


def test_the_python_api_recipe(project: Path) -> None:
    """The README's Python snippet runs in a project: it prints the meetings; the corpus has no finding."""
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        exec(compile(_block_with("python", "load_annotation"), "README.md", "exec"), {})
    lines = printed.getvalue().splitlines()
    # the first meeting of annotation 003 and its corpus id, then its participants; no findings
    assert lines[0] == "paris-summit summit coalition-summit-paris-2026-01-06"
    assert "Emmanuel Macron" in [line.strip().rsplit(" ", 1)[0] for line in lines[1:]]
    assert all(len(line.split()) >= 2 for line in lines)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_the_workflow_installs_from_the_repository_and_validates(project: Path, tmp_path: Path) -> None:
    """The workflow's `pip install` line, pointed at this repository's HEAD, installs a working program.

    The README's placeholder (the GitHub URL at REV) becomes ``git+file://`` of this repository at its
    HEAD sha: the same form of requirement, which pip installs from a clone at that commit. Only the
    dependencies come from the package index, as ``make`` installs them.
    """
    workflow = YAML(typ="safe").load(_block_with("yaml", "actions/checkout"))
    steps = [step["run"] for step in workflow["jobs"]["validate"]["steps"] if "run" in step]
    install, validate = steps
    pip_install = shlex.split(install)
    assert pip_install[:2] == ["pip", "install"]
    (requirement,) = pip_install[2:]
    assert requirement == "summit-schema @ git+https://github.com/summit-schema/summit-schema@REV"
    head = subprocess.run(
        ["git", "-C", str(REPO), "rev-parse", "HEAD"], capture_output=True, text=True, check=True
    ).stdout.strip()
    # file://localhost/...: pip's requirement parser refuses the empty host of file:///...
    local = requirement.replace("https://github.com/summit-schema/summit-schema", f"file://localhost{REPO}")
    local = local.removesuffix("@REV") + f"@{head}"
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    installed = subprocess.run(
        [str(environment / "bin" / "python"), "-m", "pip", "install", "--quiet", local],
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    assert installed.returncode == 0, installed.stdout + installed.stderr
    program, *arguments = shlex.split(validate)
    assert program == "summit-schema"
    checked = subprocess.run(
        [str(environment / "bin" / program), *arguments],
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "::error" not in checked.stdout
