"""The pre-commit hook of .pre-commit-hooks.yaml, end to end: a broken annotation blocks the commit.

Each test makes a scratch git repository holding a corpus (registry, schemas, one article and its
annotation), installs pre-commit's git hook there and commits through git, as an annotator does.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from ruamel.yaml import YAML

from tests.conftest import REPO

pytest.importorskip("pre_commit", reason="pre-commit is not installed (it is in the dev extra)")
pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")

PRE_COMMIT = [sys.executable, "-m", "pre_commit"]
ANNOTATION = "annotations/003_289fc3a32fa86627.yaml"
(HOOK,) = YAML(typ="safe").load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))


def _run(command: list[str], cwd: Path, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, cwd=cwd, env=environment, capture_output=True, text=True, check=False, timeout=600
    )


def _git_environment(tmp_path: Path) -> dict[str, str]:
    """No user or system git configuration, a fixed identity and pre-commit's store in tmp_path."""
    return {
        **os.environ,
        "GIT_CONFIG_GLOBAL": os.devnull,
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_AUTHOR_NAME": "Annotator",
        "GIT_AUTHOR_EMAIL": "annotator@example.org",
        "GIT_COMMITTER_NAME": "Annotator",
        "GIT_COMMITTER_EMAIL": "annotator@example.org",
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
    }


def _corpus(tmp_path: Path, config: dict[str, Any], environment: dict[str, str]) -> Path:
    """A git repository of a one-annotation corpus using ``config``, with pre-commit's hook installed."""
    corpus = tmp_path / "corpus"
    (corpus / "annotations").mkdir(parents=True)
    (corpus / "seeds").mkdir()
    shutil.copy2(REPO / "registry.yaml", corpus / "registry.yaml")
    shutil.copytree(REPO / "schemas", corpus / "schemas")
    shutil.copy2(REPO / "seeds" / "003_289fc3a32fa86627.txt", corpus / "seeds")
    shutil.copy2(REPO / ANNOTATION, corpus / ANNOTATION)
    (corpus / ".pre-commit-config.yaml").write_text(json.dumps(config, indent=2), encoding="utf-8")
    assert _run(["git", "init", "--quiet", "--initial-branch=main"], corpus, environment).returncode == 0
    installed = _run([*PRE_COMMIT, "install"], corpus, environment)
    assert installed.returncode == 0, installed.stdout + installed.stderr
    return corpus


def _commit(corpus: Path, message: str, environment: dict[str, str]) -> subprocess.CompletedProcess[str]:
    assert _run(["git", "add", "--all"], corpus, environment).returncode == 0
    return _run(["git", "commit", "--quiet", "-m", message], corpus, environment)


def _commits(corpus: Path, environment: dict[str, str]) -> list[str]:
    log = _run(["git", "log", "--format=%s"], corpus, environment)
    return log.stdout.splitlines() if log.returncode == 0 else []


def _blocks_a_broken_annotation_and_commits_a_valid_one(corpus: Path, environment: dict[str, str]) -> None:
    first = _commit(corpus, "corpus", environment)
    assert first.returncode == 0, first.stdout + first.stderr
    annotation = corpus / ANNOTATION
    valid = annotation.read_text(encoding="utf-8")
    annotation.write_text(valid.replace("kind: summit", "kind: sumit", 1), encoding="utf-8")
    blocked = _commit(corpus, "a typo", environment)
    assert blocked.returncode != 0
    output = blocked.stdout + blocked.stderr  # git shows a hook's output on stderr
    assert f"{ANNOTATION}:" in output
    assert "error[schema-enum]" in output
    assert _commits(corpus, environment) == ["corpus"]
    annotation.write_text(valid.replace("summary: ", "summary: Revised. ", 1), encoding="utf-8")
    fixed = _commit(corpus, "a revised summary", environment)
    assert fixed.returncode == 0, fixed.stdout + fixed.stderr
    assert _commits(corpus, environment) == ["a revised summary", "corpus"]


def test_the_hook_as_defined_blocks_a_broken_annotation(tmp_path: Path) -> None:
    """The hook of .pre-commit-hooks.yaml, run on the installed program: offline by construction.

    pre-commit would build a ``language: python`` hook's environment by pip-installing this repository
    and its dependencies from the package index; to need no index, this test declares the same hook
    (id, entry, files, pass_filenames, as read from .pre-commit-hooks.yaml) as a ``repo: local`` hook of
    ``language: system`` whose entry names the summit-schema of this test's own environment.
    """
    program, _, arguments = HOOK["entry"].partition(" ")
    assert program == "summit-schema"
    local_hook = {
        **HOOK,
        "entry": f"{Path(sys.executable).with_name(program)} {arguments}",
        "language": "system",
    }
    environment = _git_environment(tmp_path)
    corpus = _corpus(tmp_path, {"repos": [{"repo": "local", "hooks": [local_hook]}]}, environment)
    _blocks_a_broken_annotation_and_commits_a_valid_one(corpus, environment)


def test_the_hook_from_the_repository_at_its_head_blocks_a_broken_annotation(tmp_path: Path) -> None:
    """The README's configuration, with this repository's path as ``repo`` and its HEAD sha as ``rev``.

    pre-commit clones the repository at that commit and pip-installs it into the hook's environment,
    so this needs the package index for the dependencies, as ``make`` does (a local mirror serves it
    offline); the hook definition is the one committed at HEAD.
    """
    environment = _git_environment(tmp_path)
    head = _run(["git", "-C", str(REPO), "rev-parse", "HEAD"], REPO, environment).stdout.strip()
    config = {"repos": [{"repo": str(REPO), "rev": head, "hooks": [{"id": HOOK["id"]}]}]}
    corpus = _corpus(tmp_path, config, environment)
    _blocks_a_broken_annotation_and_commits_a_valid_one(corpus, environment)
