"""The package's layers hold: the import contracts pass on the tree and fail on a copy that breaks one."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import summit_schema

REPO = Path(__file__).resolve().parents[1]
PACKAGE = REPO / "src" / "summit_schema"
LINT_IMPORTS = Path(sys.executable).with_name("lint-imports")
MAX_MODULE_LINES = 320

pytestmark = pytest.mark.skipif(not LINT_IMPORTS.exists(), reason="import-linter is not installed")


def _lint_imports(root: Path, *contracts: str) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "PYTHONPATH": str(root / "src")}
    selection = [argument for contract in contracts for argument in ("--contract", contract)]
    return subprocess.run(
        [str(LINT_IMPORTS), "--no-cache", *selection],
        cwd=root,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _copy_of_project(tmp_path: Path) -> Path:
    root = tmp_path / "copy"
    shutil.copytree(PACKAGE, root / "src" / "summit_schema", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copy2(REPO / "pyproject.toml", root / "pyproject.toml")
    return root


def test_the_tree_keeps_every_contract(tmp_path: Path) -> None:
    result = _lint_imports(_copy_of_project(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "offending_import", "contract"),
    [
        (
            "reporters/json_report.py",
            "from summit_schema.running.checker import FileChecker",
            "reporters-see-only-findings",
        ),
        ("semantics/dates.py", "from summit_schema.cli import main", "rules-know-no-front-end"),
        ("loading/discovery.py", "from summit_schema.findings import Finding", "layers"),
        ("running/runner.py", "from summit_schema.evolution.steps import STEPS", "layers"),
        (
            "running/runner.py",
            "from summit_schema._generated import annotation",
            "generated-models-behind-facade",
        ),
    ],
)
def test_a_forbidden_import_breaks_its_contract(
    tmp_path: Path, module: str, offending_import: str, contract: str
) -> None:
    root = _copy_of_project(tmp_path)
    target = root / "src" / "summit_schema" / module
    target.write_text(
        target.read_text(encoding="utf-8") + f"\n{offending_import}  # noqa\n", encoding="utf-8"
    )
    assert _lint_imports(_copy_of_project(tmp_path / "clean"), contract).returncode == 0
    result = _lint_imports(root, contract)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "1 broken" in result.stdout


def _hand_written_modules() -> list[Path]:
    return [path for path in PACKAGE.rglob("*.py") if "_generated" not in path.parts]


def test_every_package_says_what_it_holds_and_exports_its_names() -> None:
    for init in PACKAGE.rglob("__init__.py"):
        tree = ast.parse(init.read_text(encoding="utf-8"))
        docstring = ast.get_docstring(tree)
        assert docstring, f"{init} has no docstring"
        names = {
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign | ast.AnnAssign)
            for target in (node.targets if isinstance(node, ast.Assign) else [node.target])
            if isinstance(target, ast.Name)
        }
        assert "__all__" in names, f"{init} does not declare __all__"


def test_every_exported_name_is_importable() -> None:
    import importlib  # noqa: PLC0415

    for init in PACKAGE.rglob("__init__.py"):
        relative = init.parent.relative_to(PACKAGE.parent)
        package = importlib.import_module(".".join(relative.parts))
        for name in package.__all__:
            assert getattr(package, name) is not None or name in ("annotation", "registry"), (package, name)
        assert set(package.__all__) <= set(dir(package))


def test_no_hand_written_module_is_long() -> None:
    long_modules = {
        str(path.relative_to(PACKAGE)): count
        for path in _hand_written_modules()
        if (count := len(path.read_text(encoding="utf-8").splitlines())) > MAX_MODULE_LINES
    }
    assert not long_modules


def test_the_public_api_is_unchanged() -> None:
    assert set(summit_schema.__all__) >= {
        "load_annotation",
        "load_annotation_text",
        "load_registry",
        "validate_paths",
        "validate_text",
        "AnnotationError",
        "SummitAnnotation",
        "RULES",
        "Report",
        "Finding",
    }
    for name in summit_schema.__all__:
        assert getattr(summit_schema, name) is not None
