"""``summit-schema new``: a skeleton that validates, never overwriting by accident."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

from summit_schema.schema.versions import CURRENT_VERSION


def test_new_writes_a_valid_skeleton_with_a_modeline(project: Path, run_cli: Any) -> None:
    """The skeleton pins the article, carries the modeline and validates strictly."""
    (project / "annotations" / "003_289fc3a32fa86627.yaml").unlink()
    result = run_cli("new", "seeds/003_289fc3a32fa86627.txt", "--annotator", "ana")
    assert result.exit_code == 0, result.stderr
    written = project / "annotations" / "003_289fc3a32fa86627.yaml"
    lines = written.read_text(encoding="utf-8").splitlines()
    assert lines[0] == f"# yaml-language-server: $schema=../schemas/{CURRENT_VERSION}/annotation.schema.json"
    assert f'schema_version: "{CURRENT_VERSION}"' in lines
    assert run_cli("validate", "--strict", str(written)).exit_code == 0


def test_new_refuses_to_overwrite_unless_forced(project: Path, run_cli: Any) -> None:
    """An existing annotation is kept (exit 2) unless --force."""
    target = project / "annotations" / "003_289fc3a32fa86627.yaml"
    before = target.read_text(encoding="utf-8")
    refused = run_cli("new", "seeds/003_289fc3a32fa86627.txt")
    assert refused.exit_code == 2
    assert "--force" in refused.stderr
    assert target.read_text(encoding="utf-8") == before
    assert run_cli("new", "--force", "seeds/003_289fc3a32fa86627.txt").exit_code == 0
    assert target.read_text(encoding="utf-8") != before


def test_new_uses_the_schema_id_where_the_root_has_no_schemas(project: Path, run_cli: Any) -> None:
    """Without schemas/ in the project, the modeline names the schema's $id."""
    shutil.rmtree(project / "schemas")
    (project / "annotations" / "004_5a2de83960ae3976.yaml").unlink()
    assert run_cli("new", "seeds/004_5a2de83960ae3976.txt").exit_code == 0
    first = (project / "annotations" / "004_5a2de83960ae3976.yaml").read_text("utf-8").splitlines()[0]
    assert first.endswith(f"https://summit-schema.org/schemas/{CURRENT_VERSION}/annotation.schema.json")
    result = run_cli("validate", "--strict", "annotations/004_5a2de83960ae3976.yaml")
    assert result.exit_code == 0, result.stdout


def test_new_refuses_articles_outside_seeds(project: Path, run_cli: Any) -> None:
    """Only files under the project's seeds/ can be annotated."""
    (project / "other.txt").write_text("text", encoding="utf-8")
    result = run_cli("new", "other.txt")
    assert result.exit_code == 2
    assert "seeds" in result.stderr
    assert run_cli("new", "seeds/missing.txt").exit_code == 2
