"""YAML 1.2.2 well-formedness: streams the spec allows are read, streams it forbids are located errors.

The cases in tests/yaml_conformance/cases.json are written from the spec's productions (each names the
section or production it exercises). A well-formed case gets exactly the project's own rules it lists
(none, or e.g. ``yaml-alias`` for an anchor), never ``yaml-syntax``; an ill-formed one gets one
``yaml-syntax`` finding at the line and column where its parse fails.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml_rs
from hypothesis import example, given, settings
from hypothesis import strategies as st

from summit_schema import validate_text
from summit_schema.loading.fast_yaml import fast_load
from summit_schema.loading.yaml_positions import document_from_data
from summit_schema.loading.yaml_source import load_yaml
from summit_schema.loading.yaml_verdict import AVAILABLE
from tests.conftest import REPO

CASES: list[dict[str, Any]] = json.loads(
    (REPO / "tests" / "yaml_conformance" / "cases.json").read_text(encoding="utf-8")
)
WELL_FORMED = [case for case in CASES if case["outcome"] == "well-formed"]
ILL_FORMED = [case for case in CASES if case["outcome"] == "ill-formed"]

pytestmark = pytest.mark.skipif(not AVAILABLE, reason="yaml-rs is not installed")


def _located(text: str) -> list[list[Any]]:
    return sorted([problem.rule, problem.line, problem.column] for problem in load_yaml(text).problems)


@pytest.mark.parametrize("case", WELL_FORMED, ids=lambda case: case["id"])
def test_well_formed_stream_is_read(case: dict[str, Any]) -> None:
    """A stream YAML 1.2 allows is read; only the project's own rules may refuse it, each by its id."""
    document = load_yaml(case["yaml"])
    assert _located(case["yaml"]) == sorted(case["rules"])
    if "data" in case:
        assert document.data == case["data"]


@pytest.mark.parametrize("case", ILL_FORMED, ids=lambda case: case["id"])
def test_ill_formed_stream_is_a_located_syntax_error(case: dict[str, Any]) -> None:
    """A stream YAML 1.2 forbids gets yaml-syntax at the line and column where the parse fails."""
    assert _located(case["yaml"]) == [["yaml-syntax", *case["syntax_error_at"]]]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case["id"])
def test_fast_and_careful_loaders_agree_on_conformance_cases(case: dict[str, Any]) -> None:
    """The fast loader accepts a case only when the careful one reads the same data without a problem."""
    fast = fast_load(case["yaml"])
    if fast is not None:
        careful = load_yaml(case["yaml"])
        assert careful.problems == []
        assert careful.data == fast


@pytest.mark.parametrize("case", WELL_FORMED, ids=lambda case: case["id"])
def test_index_route_finds_the_rules_the_events_find(case: dict[str, Any]) -> None:
    """For streams no event parser reads, the rules are found on yaml-rs's data and the text's tokens:
    on every well-formed case yaml-rs reads as it stands, they are the events' rules at the same places
    (a non-string key is located at the document's start there)."""
    text = case["yaml"].removeprefix("\ufeff")
    try:
        data = yaml_rs.loads(
            text, parse_datetime=False, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.LastWins
        )
    except yaml_rs.YAMLDecodeError:  # a tab after ':' or an alias of no anchor: the verdict handles those
        return

    def places(problems: list[Any]) -> list[tuple[str, int, int]]:
        return sorted(
            (p.rule, 1, 1) if p.rule == "yaml-key-not-string" else (p.rule, p.line, p.column)
            for p in problems
        )

    assert places(document_from_data(text, data).problems) == places(load_yaml(text).problems)


def test_syntax_errors_reach_the_report_with_their_position() -> None:
    """Through the API, an ill-formed annotation is one yaml-syntax finding at its place, nothing else."""
    report = validate_text("annotation:\n  notes: [a,\nb]\n", REPO / "annotations" / "broken.yaml")
    assert [(f.rule, f.line, f.column) for f in report.findings if f.rule.startswith("yaml")] == [
        ("yaml-syntax", 3, 1)
    ]


def test_the_counts_in_the_reliability_page_are_the_suites() -> None:
    """docs/reliability.md states how many cases of each kind the suite holds."""
    reliability = (REPO / "docs" / "reliability.md").read_text(encoding="utf-8")
    assert f"{len(WELL_FORMED)} well-formed" in reliability
    assert f"{len(ILL_FORMED)} ill-formed" in reliability


# -- generated well-formed streams ------------------------------------------------------------------

_WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=6).map(lambda word: "w" + word)
_VALUES = st.recursive(
    _WORDS,
    lambda children: (
        st.lists(children, min_size=1, max_size=3) | st.dictionaries(_WORDS, children, min_size=1, max_size=3)
    ),
    max_leaves=8,
)


@st.composite
def _scalar(draw: st.DrawFn, word: str) -> str:
    style = draw(st.sampled_from(["plain", "single", "double"]))
    return {"plain": word, "single": f"'{word}'", "double": f'"{word}"'}[style]


@st.composite
def _flow(draw: st.DrawFn, value: Any, indent: int) -> str:
    """A flow node, whose continuation lines are indented more than the block node that holds it."""
    if isinstance(value, str):
        return draw(_scalar(value))
    gap = draw(st.sampled_from([" ", "\n" + " " * (indent + 2), "\t"]))
    trailing = draw(st.sampled_from(["", ","]))
    if isinstance(value, list):
        items = [draw(_flow(item, indent)) for item in value]
        return "[" + f",{gap}".join(items) + trailing + "]"
    entries = []
    for key, item in value.items():
        colon = draw(st.sampled_from([": ", "\n" + " " * (indent + 2) + ": ", ":\t"]))
        entries.append(f'"{key}"{colon}{draw(_flow(item, indent))}')
    return "{" + f",{gap}".join(entries) + trailing + "}"


@st.composite
def _block(draw: st.DrawFn, value: dict[str, Any], indent: int) -> str:
    lines = []
    for key, item in value.items():
        separator = draw(st.sampled_from([" ", "\t", " \t"]))
        comment = draw(st.sampled_from(["", " # note", "\t# note"]))
        head = " " * indent + key + ":"
        if isinstance(item, str) and draw(st.booleans()):
            lines.append(f"{head} |-{comment}\n{' ' * (indent + 2)}{item}\n")
        elif isinstance(item, dict) and draw(st.booleans()):
            lines.append(f"{head}{comment}\n{draw(_block(item, indent + 2))}")
        elif isinstance(item, list) and draw(st.booleans()):
            entries = "".join(f"{' ' * indent}-{separator}{draw(_flow(entry, indent))}\n" for entry in item)
            lines.append(f"{head}{comment}\n{entries}")
        else:
            lines.append(f"{head}{separator}{draw(_flow(item, indent))}{comment}\n")
    return "".join(lines)


@st.composite
def _stream(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
    data = draw(st.dictionaries(_WORDS, _VALUES, min_size=1, max_size=4))
    header = draw(st.sampled_from(["", "%YAML 1.2\n---\n", "--- # start\n", "# top\n"]))
    footer = draw(st.sampled_from(["", "...\n", "# end\n"]))
    return header + draw(_block(data, 0)) + footer, data


NESTED_FLOW_ACROSS_LINES = (
    'wa: {"wa": wa, "wb"\n  : wa}\nwb: {"wa": [wa],\n  "wb": [wa, wa],\n  "wc": {"wa": wa,\n  "wb": wa}}\n',
    {
        "wa": {"wa": "wa", "wb": "wa"},
        "wb": {"wa": ["wa"], "wb": ["wa", "wa"], "wc": {"wa": "wa", "wb": "wa"}},
    },
)
"""Keys on the continuation lines of a flow mapping once read as block keys (a false duplicate)."""


@settings(max_examples=150, deadline=None)
@given(_stream())
@example(NESTED_FLOW_ACROSS_LINES)
def test_generated_yaml_1_2_streams_are_read_as_written(stream: tuple[str, dict[str, Any]]) -> None:
    """Streams built from YAML 1.2 forms libyaml trips on (tabs as separation, a flow ':' on the next
    line, trailing commas, directives) read as the data they were written from, on both paths."""
    text, data = stream
    careful = load_yaml(text)
    assert careful.problems == [], text
    assert careful.data == data
    fast = fast_load(text)
    assert fast is None or fast == data
    assert careful.positions[""] >= (1, 1)


def test_brackets_and_quotes_inside_plain_scalars_open_nothing() -> None:
    """A ``[`` or an apostrophe inside a plain scalar is text: the keys after it are still located."""
    text = "a: it's [sic\nb: x\nc: {d: e,\n  f: g}\nh: i\n"
    document = document_from_data(text, yaml_rs.loads(text))
    assert document.problems == []
    assert document.key_positions["/b"] == (2, 1)
    assert document.key_positions["/h"] == (5, 1)
    assert "/c/f" not in document.key_positions  # inside the flow mapping: located at /c


def test_example_of_a_generated_form_keeps_key_positions(tmp_path: Path) -> None:
    """A stream only the conformant parser reads still locates its keys for findings."""
    document = load_yaml('top:\n  first:\tone\n  second: {"a"\n    : b}\n')
    assert document.problems == []
    assert document.data == {"top": {"first": "one", "second": {"a": "b"}}}
    assert document.key_positions["/top/second"] == (3, 3)
    assert document.positions["/top/first"] == (2, 10)
