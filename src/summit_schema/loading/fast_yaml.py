"""A fast loader for the common case: a clean file whose data is all the checks need.

yaml-rs (a Rust YAML 1.2 parser) reads a file about ten times faster than a libyaml-based loader, but it
gives no positions and resolves a few things differently. So it only ever answers for files that need
nothing but data: a file with anything unusual (an anchor, alias or tag, a directive or document marker,
a control character, a tab, deep nesting, a number, a duplicate or non-string key) makes it
answer None, and the careful loader of ``yaml_source`` reads the file and reports what it finds. Both
loaders give the same data for every file the fast one accepts; the tests hold them to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from summit_schema.loading.yaml_document import MAX_DEPTH

try:
    import yaml_rs
except ImportError:  # pragma: no cover - only without yaml-rs
    yaml_rs = None  # type: ignore[assignment]

__all__ = ["AVAILABLE", "fast_load"]

AVAILABLE = yaml_rs is not None
"""Whether the fast loader can run here."""

# What sends a file to the careful loader: anchors, aliases and tags at the start of a token;
# directives and document markers; characters YAML does not allow; tabs in indentation; and enough
# indentation or nested block indicators on one line to nest deeply. Cheap substring tests come first.
_TOKEN_MARKS = re.compile(r"(?:^|[\s\[{,:])(?:[&*][^\s]|!)", re.MULTILINE)
_DOCUMENT_MARKS = re.compile(r"^(?:%|---|\.\.\.)", re.MULTILINE)
# Characters YAML does not allow, and line breaks beyond "\n" and "\r" (NEL, LS, PS) that parsers
# disagree on; a backslash other than the escapes every reader takes alike (an escaped quote or
# backslash in a double-quoted scalar, as an annotator writes "the \"Bottom Line\"") is left to the
# careful loader too.
_NOT_PLAIN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_PLAIN_ESCAPES = re.compile(r'"(?:[^"\\\n]|\\["\\])*"')
_NESTED_INDICATORS = re.compile(r"(?:[-?][ \t]+){16}")
_INDICATOR_PAIR = re.compile(r"[-?][ \t]+[-?]")
"""Two block indicators in a row, however spaced: what any nesting on one line starts with, and five
times faster to look for than the nesting itself."""
_DEEP_INDENT = "\n" + " " * 96
# Shapes on which YAML parsers are known to read differently (an empty block scalar, a complex key, an
# indicator in an odd place, flow collections holding them): the fast loader accepts flow collections only
# on one line, as a sequence of simple plain items or a mapping of simple keys to simple plain or
# double-quoted values (``counted: {category: duration, label: "length of the talks"}``), and no block
# scalar, complex key or reserved indicator.
_BLOCK_SCALAR = re.compile(r"(?:^[ \t]*|[:\-?][ \t]+)[|>]|[|>][-+0-9]*[ \t]*(?:#.*)?$", re.MULTILINE)
_QUESTION_MARK = re.compile(r"(?:^|[\s\[{,:])\?(?:[\s\[\]{},]|$)", re.MULTILINE)
_RESERVED_START = re.compile(r"(?:^|[\s\[{,:\-?])[@`]", re.MULTILINE)
_FLOW_ITEM = r"[A-Za-z0-9][A-Za-z0-9_.-]*(?: [A-Za-z0-9_.-]+)*"
_FLOW_WORD = r"[A-Za-z0-9(][A-Za-z0-9_.()-]*"
_FLOW_VALUE = rf'(?:{_FLOW_WORD}(?: {_FLOW_WORD})*|"[A-Za-z0-9_.() -]*")'
_FLOW_PAIR = rf"[A-Za-z_][A-Za-z0-9_]*: {_FLOW_VALUE}"
_FLOW_COLLECTION = rf"(?:\[(?:{_FLOW_ITEM}(?:, {_FLOW_ITEM})*)?\]|\{{{_FLOW_PAIR}(?:, {_FLOW_PAIR})*\}})"
_FLOW_LINE = re.compile(rf"^ *(?:- )*(?:[A-Za-z_][A-Za-z0-9_-]*: )?{_FLOW_COLLECTION}$")
_FLOW_CHARS = re.compile(r"[\[\]{}]")
_BLOCK_CHARS = re.compile(r"[|>]")
_QUESTION_CHAR = re.compile(r"\?")
_RESERVED_CHARS = re.compile(r"[@`]")
_TOKEN_CHARS = re.compile(r"[&*!]")
_CHARACTERS = {
    _FLOW_CHARS: "[]{}",
    _BLOCK_CHARS: "|>",
    _QUESTION_CHAR: "?",
    _RESERVED_CHARS: "@`",
    _TOKEN_CHARS: "&*!",
}


def _lines_with(indicators: re.Pattern[str], text: str) -> Iterator[str]:
    """Each line of ``text`` that holds one of ``indicators``, once (without its line break)."""
    if not any(character in text for character in _CHARACTERS[indicators]):
        return  # a substring test per character is several times faster than a class search
    position = 0
    while (found := indicators.search(text, position)) is not None:
        start = text.rfind("\n", 0, found.start()) + 1
        end = text.find("\n", found.end())
        end = len(text) if end == -1 else end
        yield text[start:end]
        position = end + 1


def _on_a_line(pattern: re.Pattern[str], indicators: re.Pattern[str], text: str) -> bool:
    """Whether ``pattern``, which never reaches across a line break, matches a line holding an indicator.

    The same as searching the whole text, but the text is scanned only for the indicator characters,
    which few lines hold: a search for the pattern at every position costs a millisecond per file.
    """
    return any(pattern.search(line) for line in _lines_with(indicators, text))


def _unusual_shape(text: str) -> bool:
    """Whether ``text`` holds a shape the two loaders may read differently (see ``_FLOW_LINE``)."""
    if _on_a_line(_BLOCK_SCALAR, _BLOCK_CHARS, text):
        return True
    if _on_a_line(_QUESTION_MARK, _QUESTION_CHAR, text):
        return True
    if _on_a_line(_RESERVED_START, _RESERVED_CHARS, text):
        return True
    return any(not _FLOW_LINE.match(line.rstrip(" \r")) for line in _lines_with(_FLOW_CHARS, text))


def _needs_care(text: str) -> bool:
    if _unusual_shape(text):
        return True
    if _on_a_line(_TOKEN_MARKS, _TOKEN_CHARS, text):
        return True
    if ("%" in text or "---" in text or "..." in text) and _DOCUMENT_MARKS.search(text):
        return True
    if "\t" in text:  # libyaml refuses a tab after an indicator that yaml-rs accepts: leave tabs to care
        return True
    if _DEEP_INDENT in text or text.startswith(_DEEP_INDENT[1:]):
        return True
    if _INDICATOR_PAIR.search(text) and _NESTED_INDICATORS.search(text):
        return True
    if "\\" in text and "\\" in _PLAIN_ESCAPES.sub("", text):
        return True
    return _NOT_PLAIN.search(text) is not None


def _only_json_strings(data: Any) -> bool:
    """Whether ``data`` holds only mappings with string keys, lists, strings, booleans and nulls,
    nested no deeper than the careful loader allows."""
    if type(data) is dict:
        return _plain_mapping(data, 1)
    if type(data) is list:
        return _plain_values(data, 1)
    return data is None or type(data) is str or type(data) is bool


def _plain_mapping(mapping: dict[Any, Any], depth: int) -> bool:
    for key in mapping:
        if type(key) is not str:
            return False
    return _plain_values(mapping.values(), depth)


def _plain_values(values: Iterable[Any], depth: int) -> bool:
    # Recursion, bounded by MAX_DEPTH, is three times faster here than a loop over an explicit stack.
    if depth > MAX_DEPTH:
        return False
    for value in values:
        kind = type(value)
        if kind is str or value is None or kind is bool:
            continue
        if kind is dict:
            if not _plain_mapping(value, depth + 1):
                return False
        elif kind is not list or not _plain_values(value, depth + 1):
            return False
    return True


def fast_load(text: str) -> dict[str, Any] | None:
    """Return the data of a clean one-mapping file, or None when the careful loader must read it."""
    if yaml_rs is None or _needs_care(text):
        return None
    try:
        data = yaml_rs.loads(text, parse_datetime=False)
    except Exception:  # any refusal of the fast parser is the careful loader's to report
        return None
    if not isinstance(data, dict) or not data or not _only_json_strings(data):
        return None
    return data
