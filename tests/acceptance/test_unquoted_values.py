"""A value YAML reads as a number or a boolean where text goes: the message says to quote it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

ANNOTATION = Path("annotations/000_64540a4bbaf7cb86.yaml")


@pytest.mark.parametrize(
    ("written", "shown", "read_as"),
    [
        ("0" * 64, "0", "a number"),
        ("1e3", "1000.0", "a number"),
        ("true", "true", "true or false"),
    ],
)
def test_a_value_read_as_a_number_or_boolean_says_quote_it(
    project: Path, run_cli: Any, written: str, shown: str, read_as: str
) -> None:
    """An unquoted sha256 of digits only, a float or ``true`` in a text field gets a quoting hint."""
    lines = (project / ANNOTATION).read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(index for index, line in enumerate(lines) if line.startswith("  sha256: "))
    lines[number] = f"  sha256: {written}\n"
    (project / ANNOTATION).write_text("".join(lines), encoding="utf-8")
    result = run_cli("validate", str(ANNOTATION))
    assert result.exit_code == 1
    expected = (
        f"{ANNOTATION.as_posix()}:{number + 1}:11: error[schema-type] {shown} is not of type 'string': "
        f"YAML reads this value as {read_as}; quote it"
    )
    assert expected in result.stdout.splitlines()
