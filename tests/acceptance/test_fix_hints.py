"""Messages that say how to fix the fault: a tab in indentation, an unknown id, a near-miss quote."""

from __future__ import annotations

from typing import Any

import pytest

from summit_schema.loading import yaml_verdict
from tests.conftest import EXAMPLES

NEGATIVE = EXAMPLES / "negative"


def _messages(run_cli: Any, name: str) -> list[tuple[int, int, str]]:
    result = run_cli("validate", "--format", "json", str(NEGATIVE / name))
    assert result.exit_code == 1
    return [(f["line"], f["column"], f["message"]) for f in result.json()["findings"]]


def test_a_tab_in_indentation_is_named_at_the_tab(run_cli: Any) -> None:
    """The message names the tab and says to use spaces, at the tab's own line and column."""
    assert _messages(run_cli, "yaml-syntax-tab.yaml") == [
        (29, 1, "a tab character cannot indent YAML; use spaces")
    ]


def test_a_tab_in_a_continuation_line_is_found_where_it_is(tmp_path: Any, run_cli: Any) -> None:
    """A tab that indents a plain scalar's continuation is located at the tab, not at the scalar."""
    path = tmp_path / "tabbed.yaml"
    path.write_text('schema_version: "1.0.0"\nannotation:\n  annotators:\n    - one\n\t- two\n')
    findings = run_cli("validate", "--format", "json", str(path)).json()["findings"]
    syntax = [(f["line"], f["column"], f["message"]) for f in findings if f["rule"] == "yaml-syntax"]
    assert syntax == [(5, 1, "a tab character cannot indent YAML; use spaces")]


def test_a_tab_inside_a_value_is_no_error(tmp_path: Any, run_cli: Any) -> None:
    """A tab within a plain scalar is content, not indentation: no yaml-syntax finding."""
    path = tmp_path / "tab-inside.yaml"
    path.write_text('schema_version: "1.0.0"\nannotation:\n  annotators: [one\ttwo]\n')
    findings = run_cli("validate", "--format", "json", str(path)).json()["findings"]
    assert [f for f in findings if f["rule"] == "yaml-syntax"] == []


def test_an_unknown_id_suggests_close_ids_of_the_right_kind(run_cli: Any) -> None:
    """A misspelt registry id and a misspelt local id each get a did-you-mean of the id meant."""
    messages = _messages(run_cli, "ref-unresolved-did-you-mean.yaml")
    assert [message.rsplit("; ", 1)[1] for _, _, message in messages] == [
        "did you mean 'european-diplomat'?",
        "did you mean 'keir-starmer'?",
    ]


def test_an_unknown_id_suggests_no_id_of_another_kind(project: Any, run_cli: Any) -> None:
    """Where a meeting is expected, a close actor id is not suggested; a close meeting id is."""
    path = project / "annotations" / "003_289fc3a32fa86627.yaml"
    text = path.read_text(encoding="utf-8")
    assert "      - meeting: " in text
    meeting = text.split("      - meeting: ", 1)[1].split("\n", 1)[0]
    path.write_text(text.replace(f"      - meeting: {meeting}\n", "      - meeting: keir-stammer\n", 1))
    findings = run_cli("validate", "--format", "json", str(path)).json()["findings"]
    unresolved = [f["message"] for f in findings if f["rule"] == "ref-unresolved"]
    assert unresolved == [
        "'keir-stammer' is not defined in this annotation or the registry (expected meeting)"
    ]


def test_the_closest_passage_is_cut_at_word_boundaries(run_cli: Any) -> None:
    """The passage shown for a near-miss quote starts and ends with whole words of the article."""
    [(_, _, message)] = _messages(run_cli, "quote-not-found-near-miss.yaml")
    assert message.endswith("similar: 'several unresolved issues remain'")


def test_a_tab_in_indentation_is_named_without_the_conformant_parser(
    monkeypatch: pytest.MonkeyPatch, run_cli: Any
) -> None:
    """Where yaml-rs is missing the event parsers decide, and a tab in indentation is named the same."""
    monkeypatch.setattr(yaml_verdict, "yaml_rs", None)
    assert _messages(run_cli, "yaml-syntax-tab.yaml") == [
        (29, 1, "a tab character cannot indent YAML; use spaces")
    ]
