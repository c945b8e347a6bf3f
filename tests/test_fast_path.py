"""The fast path (yaml-rs, no positions) and the careful path give the same verdict on every file."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from summit_schema import validate_text
from summit_schema.loading.fast_yaml import AVAILABLE, fast_load
from summit_schema.loading.yaml_source import load_yaml
from summit_schema.running.validation import ValidationOptions, validate_paths
from tests.conftest import EXAMPLES, REPO
from tests.mutations import ANNOTATIONS, KINDS, mutate, same_place

FILES = sorted((REPO / "annotations").glob("*.yaml")) + sorted(EXAMPLES.glob("*/*.yaml"))
HOSTILE_TEXTS = [
    "a: &x 1\nb: *x\n",
    "a: !!str 5\n",
    "a: 1\na: 2\n",
    "a: 1\n---\nb: 2\n",
    "%YAML 1.2\n---\na: 1\n",
    "a:\n\tb: 1\n",
    "a: 1_000\n",
    "a: 2026-01-06\n",
    "a: 0b101\n",
    "? [a]\n: b\n",
    "1: a\n",
    "a: \x01\n",
    "- " * 5000 + "x\n",
    "[" * 300 + "]" * 300,
    "<<: {a: 1}\n",
    "a: 'it''s'\nb: \"\\u00e9\\t\"\nc: |\n  two\n  lines\nd: >-\n  folded\n  text\n",
]

pytestmark = pytest.mark.skipif(not AVAILABLE, reason="yaml-rs is not installed")


def _both_agree(text: str) -> None:
    careful = load_yaml(text)
    fast = fast_load(text)
    if fast is not None:
        assert careful.problems == []
        assert careful.data == fast


@pytest.mark.parametrize("path", FILES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_loaders_agree_on_real_and_example_files(path: Path) -> None:
    """Whenever the fast loader accepts a file, the careful one reads the same data and no problem."""
    _both_agree(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("text", HOSTILE_TEXTS)
def test_loaders_agree_on_hostile_texts(text: str) -> None:
    """Anchors, tags, duplicates, YAML 1.1 forms and deep nesting never slip through the fast loader."""
    _both_agree(text)


def test_fast_loader_declines_what_needs_positions_or_care() -> None:
    """The fast loader declines every text whose YAML the careful loader has something to say about."""
    for text in HOSTILE_TEXTS[:-1]:
        if load_yaml(text).problems or not isinstance(load_yaml(text).data, dict):
            assert fast_load(text) is None, text


# Texts on which the two loaders once read differently; the fast loader now declines each shape.
DISAGREEMENTS = [
    "{>}",
    "k: >\n",
    "{?.%~ }",
    "? a\n: b\n",
    "a: |\n",
    "a: [b, {c: d}]\n",
    "a: [b]c\n",
    "bk: \n  -\t",
]


@pytest.mark.parametrize("text", DISAGREEMENTS)
def test_fast_loader_declines_shapes_the_loaders_read_differently(text: str) -> None:
    """Flow mappings, complex keys, empty block scalars and odd flow sequences go to the careful loader."""
    assert fast_load(text) is None
    _both_agree(text)


@settings(max_examples=max(300, settings().max_examples), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab:- \n'\"[]{},#&*!|>?\t0.1~%@`")), max_size=60))
@example("{>}")
@example("k: >\n")
@example("{?.%~ }")
def test_loaders_agree_on_arbitrary_text(text: str) -> None:
    """On arbitrary YAML-ish text, the fast loader never accepts what the careful one reads otherwise."""
    _both_agree(text)


_FLOW_PIECE = st.text(alphabet=st.sampled_from(list("ab1 ()-._:,\"'#{}[]?|>&*!~")), max_size=12)


@settings(max_examples=max(300, settings().max_examples), deadline=None)
@given(
    st.lists(st.tuples(st.sampled_from(["a", "b_c", "k-1", "x y"]), _FLOW_PIECE), min_size=1, max_size=4),
    st.sampled_from(["key: {}\n", "- {}\n", "key:\n  - {}\n", "key:\n  sub: {}\n"]),
)
@example([("category", "duration"), ("label", '"initial term (months)"')], "key: {}\n")
@example([("label", "in-person participants (officials)")], "key: {}\n")
@example([("a", "b: c")], "key: {}\n")
def test_loaders_agree_on_one_line_flow_mappings(pairs: list[tuple[str, str]], shape: str) -> None:
    """One-line flow mappings, which the fast loader accepts in their simple form, read alike in both."""
    mapping = "{" + ", ".join(f"{key}: {value}" for key, value in pairs) + "}"
    _both_agree(shape.format(mapping))


@settings(max_examples=max(300, settings().max_examples), deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab: \n'\"\\#n0x/u{}[]-")), max_size=40))
@example('a: "the \\"Bottom Line\\""\n')
@example("a: 'x \"\\\\\" y'\n")
@example('a: "\\\\"\n')
def test_loaders_agree_on_text_with_backslashes(text: str) -> None:
    """Escaped quotes and backslashes, which the fast loader takes, read alike; other escapes go careful."""
    _both_agree(text)
    _both_agree(f"key: {text}")
    _both_agree(f'key: "{text}"\n')


def test_fast_loader_reads_the_simple_flow_mappings_annotations_use() -> None:
    """The flow mappings of the real annotations (counted, reported) keep a file on the fast path."""
    text = (
        'a:\n  counted: {category: duration, label: "initial term (months)"}\n  reported: {timing: after}\n'
    )
    assert fast_load(text) == {
        "a": {
            "counted": {"category": "duration", "label": "initial term (months)"},
            "reported": {"timing": "after"},
        }
    }
    _both_agree(text)


@pytest.mark.parametrize("path", FILES, ids=lambda path: f"{path.parent.name}/{path.stem}")
def test_validate_verdict_is_the_same_with_and_without_the_fast_path(path: Path) -> None:
    """The whole report, findings and positions included, does not depend on the fast path."""
    fast = validate_paths([path], ValidationOptions(fast_path=True))
    careful = validate_paths([path], ValidationOptions(fast_path=False))
    assert fast.findings == careful.findings
    assert fast.exit_code == careful.exit_code


@settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(st.sampled_from(ANNOTATIONS), st.sampled_from(KINDS), st.integers(min_value=0, max_value=10_000))
def test_broken_files_get_the_same_findings_located_by_the_index(path: Path, kind: str, choice: int) -> None:
    """A broken file located by the text's index (no careful re-parse) gets the careful path's findings."""
    text = mutate(path, kind, choice).text
    for styled in (text, _with_flow_lists(text)):
        fast = validate_text(styled, same_place(path), ValidationOptions(fast_path=True))
        careful = validate_text(styled, same_place(path), ValidationOptions(fast_path=False))
        assert fast.findings == careful.findings


_ONE_ITEM_LIST = re.compile(r"""(?m)^( *)([a-z_]+):\n\1- ([A-Za-z][^\n:#\[\]{},'"]*)\n(?!\1- )""")


def _with_flow_lists(text: str) -> str:
    """The text with its one-item lists of plain words written in flow style, which the index skips."""
    return _ONE_ITEM_LIST.sub(r"\1\2: [\3]\n", text)
