"""A wheel built from the repository works when installed outside it."""

from __future__ import annotations

import shutil
import subprocess
import sys
import venv
from pathlib import Path

from tests.conftest import REPO


def test_wheel_installs_and_works_outside_the_repository(tmp_path: Path) -> None:
    """Build the wheel, install it into a fresh venv, and use the API and the CLI from elsewhere."""
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--outdir", str(dist), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = dist.glob("summit_schema-*.whl")
    environment = tmp_path / "venv"
    venv.EnvBuilder(with_pip=True).create(environment)
    python = environment / "bin" / "python"
    install = subprocess.run(
        [str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", str(wheel)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    project = tmp_path / "elsewhere"
    project.mkdir()
    shutil.copy2(REPO / "registry.yaml", project / "registry.yaml")
    shutil.copytree(REPO / "seeds", project / "seeds")
    shutil.copytree(REPO / "annotations", project / "annotations")
    script = (
        "from summit_schema import load_annotation, known_versions\n"
        "annotation = load_annotation('annotations/003_289fc3a32fa86627.yaml')\n"
        "print(type(annotation).__name__, known_versions())\n"
    )
    loaded = subprocess.run(
        [str(python), "-c", script], capture_output=True, text=True, check=False, cwd=project
    )
    assert loaded.returncode == 0, loaded.stderr
    assert loaded.stdout.strip() == "SummitAnnotation ('1.0.0', '2.0.0')"
    command = environment / "bin" / "summit-schema"
    helped = subprocess.run(
        [str(command), "--help"], capture_output=True, text=True, check=False, cwd=project
    )
    assert helped.returncode == 0
    assert "validate" in helped.stdout
    validated = subprocess.run(
        [str(command), "validate"], capture_output=True, text=True, check=False, cwd=project
    )
    assert validated.returncode == 0, validated.stdout
    viewer = subprocess.run(
        [str(command), "report", "--format", "html", "-o", "site"],
        capture_output=True,
        text=True,
        check=False,
        cwd=project,
    )
    assert viewer.returncode == 0, viewer.stderr
    page = project / "site" / "articles" / "003_289fc3a32fa86627.html"
    assert 'class="ev"' in page.read_text(encoding="utf-8")
    codegen = subprocess.run(
        [str(command), "codegen", "--check"], capture_output=True, text=True, check=False, cwd=project
    )
    assert codegen.returncode == 2
    assert "'.[dev]'" in codegen.stderr
    explained = subprocess.run(
        [str(command), "explain", "yaml-syntax"], capture_output=True, text=True, check=False, cwd=project
    )
    assert explained.returncode == 0, explained.stderr  # the rules' help (a data file) ships in the wheel
    assert "Fault:" in explained.stdout
