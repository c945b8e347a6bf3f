"""Safe YAML loading with YAML 1.2 well-formedness, core-schema semantics and the position of every node.

Well-formedness is decided by a conformant YAML 1.2 parser (``yaml_verdict``): a stream it refuses gets
``yaml-syntax`` where it breaks; a stream it accepts is read. The data, the positions and the project's
own rules come from parser events (``yaml_events``): libyaml's (through ruamel.yaml's C parser) when
libyaml reads the stream as the conformant parser does, ruamel.yaml's pure-Python parser when libyaml, a
YAML 1.1 parser, refuses it, and a position index over the conformant parser's data
(``yaml_positions``) when neither event parser can read a stream YAML 1.2 allows.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import Event, StreamEndEvent
from ruamel.yaml.reader import ReaderError

from summit_schema.loading.yaml_document import (
    MAX_DEPTH,
    YamlDocument,
    YamlProblem,
    position_of_index,
)
from summit_schema.loading.yaml_events import EventBuilder, TooDeep
from summit_schema.loading.yaml_positions import document_from_data
from summit_schema.loading.yaml_scalars import SURROGATE
from summit_schema.loading.yaml_verdict import TAB_INDENT_MESSAGE, Verdict, indenting_tab, judge

try:  # the C parser is ~10x faster; the pure-Python one produces the same events
    from ruamel.yaml.cyaml import CParser as _CParser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - only without ruamel.yaml.clib
    _CParser = None

__all__ = ["load_yaml"]


def _libyaml_events(text: str) -> Iterator[Event]:
    parser = _CParser(text)
    try:
        while True:
            event = parser.get_event()
            yield event
            if isinstance(event, StreamEndEvent):
                return
    finally:
        parser.dispose()


def _pure_events(text: str) -> Iterator[Event]:
    from ruamel.yaml import YAML  # noqa: PLC0415 - only for streams libyaml refuses

    yield from YAML(typ="safe", pure=True).parse(text)


def _syntax_problem(text: str, error: YAMLError) -> YamlProblem:
    if isinstance(error, ReaderError):
        line, column = position_of_index(text, error.position)
        character = error.character
        code = f"#x{character:04x}" if isinstance(character, int) else repr(character)
        return YamlProblem(
            "yaml-syntax",
            f"control character {code} is not allowed in YAML text",
            line,
            column,
        )
    if isinstance(error, MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        problem = error.problem or "invalid YAML"
        context = f" ({error.context})" if error.context else ""
        if mark is not None:
            index = getattr(mark, "index", None)
            line, column = (
                position_of_index(text, index) if isinstance(index, int) else (mark.line + 1, mark.column + 1)
            )
            about_tabs = "'\\t'" in problem or "tab" in problem
            if about_tabs and indenting_tab(text, line) == (line, column):
                return YamlProblem("yaml-syntax", TAB_INDENT_MESSAGE, line, column)
            return YamlProblem("yaml-syntax", f"{problem}{context}", line, column)
        return YamlProblem("yaml-syntax", f"{problem}{context}")
    return YamlProblem("yaml-syntax", str(error).splitlines()[0] if str(error) else "invalid YAML")


def _agrees(ours: Any, theirs: Any) -> bool:
    """Whether two readings of a stream have the same structure and the same strings.

    Scalars that are not strings in both readings are not compared: yaml-rs resolves a few plain scalars
    (``1_000``, ``0b101``) by YAML 1.1, where this project follows the 1.2 core schema.
    """
    if isinstance(ours, dict):
        return (
            isinstance(theirs, dict)
            and len(ours) == len(theirs)
            and all(
                _agrees(key, other_key) and _agrees(value, other_value)
                for (key, value), (other_key, other_value) in zip(ours.items(), theirs.items(), strict=True)
            )
        )
    if isinstance(ours, list):
        return (
            isinstance(theirs, list)
            and len(ours) == len(theirs)
            and all(_agrees(item, other) for item, other in zip(ours, theirs, strict=True))
        )
    if isinstance(ours, str) and isinstance(theirs, str):
        return ours == theirs
    return not isinstance(theirs, (dict, list))


def _read(text: str, events: Callable[[str], Iterator[Event]]) -> YamlDocument | Exception:
    """Build the document from one event source; the source's refusal is returned, not raised."""
    document = YamlDocument()
    builder = EventBuilder(document, text)
    try:
        for event in events(text):
            builder.feed(event)
    except TooDeep as error:
        document.problems.append(
            YamlProblem(
                "yaml-too-deep",
                f"the document nests deeper than {MAX_DEPTH} levels",
                error.position[0],
                error.position[1],
                error.pointer,
            )
        )
        document.data = None
        return document
    except YAMLError as error:
        return error
    except Exception as error:  # the pure-Python parser may fail otherwise on streams it cannot read
        if events is _libyaml_events:
            raise
        return error
    if builder.documents == 0 or (builder.root_set and document.data is None):
        document.problems.append(
            YamlProblem("yaml-empty-document", "the file holds no YAML document (it is empty)")
        )
    return document


def _readable(document: YamlDocument, verdict: Verdict) -> bool:
    """Whether the events' reading of a stream stands beside the conformant verdict."""
    if not verdict.known or document.problems:
        return True
    return _agrees(document.data, verdict.data)


def load_yaml(text: str) -> YamlDocument:
    """Parse ``text`` (already decoded) into a YamlDocument; problems are collected, never raised."""
    surrogate = SURROGATE.search(text)
    if surrogate is not None:
        line, column = position_of_index(text, surrogate.start())
        problem = YamlProblem(
            "yaml-encoding", "the text holds an unpaired surrogate, which UTF-8 cannot encode", line, column
        )
        return YamlDocument(problems=[problem])
    verdict = judge(text)
    if verdict.problem is not None:
        return YamlDocument(problems=[verdict.problem])
    sources = [_libyaml_events, _pure_events] if _CParser is not None else [_pure_events]
    refusal: Exception | None = None
    for source in sources:
        read = _read(text, source)
        if isinstance(read, YamlDocument):
            if _readable(read, verdict) or any(p.rule == "yaml-too-deep" for p in read.problems):
                return read
        elif refusal is None:
            refusal = read
    if not verdict.known:
        error = refusal if isinstance(refusal, YAMLError) else YAMLError(str(refusal))
        return YamlDocument(problems=[_syntax_problem(text, error)])
    return document_from_data(text, verdict.data)
