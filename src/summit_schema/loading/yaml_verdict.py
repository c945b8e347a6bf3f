"""Whether a text is a well-formed YAML 1.2 stream, decided by a conformant parser.

yaml-rs (a Rust parser that passes the YAML test suite) says whether the text is well-formed and, when it
is not, the line and column where the parse fails. It gives no positions for the nodes of a stream it
accepts, so it is the judge of well-formedness only; the project's own rules (tags, anchors, duplicate
keys, documents, depth) are judged on the events of ``yaml_events``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from summit_schema.loading.yaml_document import YamlProblem, position_of_index

try:
    import yaml_rs
except ImportError:  # pragma: no cover - only without yaml-rs
    yaml_rs = None  # type: ignore[assignment]

__all__ = ["AVAILABLE", "TAB_INDENT_MESSAGE", "Verdict", "indenting_tab", "judge"]

AVAILABLE = yaml_rs is not None
"""Whether the conformant verdict can be had here (without it, the event parsers decide)."""

# YAML streams use only the printable subset of Unicode (YAML 1.2.2, production [1] c-printable).
_NOT_PRINTABLE = re.compile("[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
_ERROR_AT = re.compile(r"^YAML parse error at line (\d+), column (\d+)")
# Refusals that concern the project's own rules rather than well-formedness: an alias of no anchor (the
# anchor rule reports it), nesting yaml-rs declines to follow (the depth rule reports it).
_NOT_SYNTAX = ("found unknown anchor", "recursion limit exceeded", "alias replay limit")
_TAB_AFTER_COLON = "':' must be followed by a valid YAML whitespace"
_TAB_RETRIES = 50
TAB_INDENT_MESSAGE = "a tab character cannot indent YAML; use spaces"
"""What a tab in indentation gets: YAML indents with spaces only (YAML 1.2.2, 6.1)."""
_SAFE_BLOCK_DEPTH = 2000
"""yaml-rs recurses per block level and overflows its stack past about 15,000; texts that might nest
deeper than this are left to the event parsers, which stop at MAX_DEPTH."""


@dataclass(frozen=True)
class Verdict:
    """The judgement of a text: a syntax problem, or the data of a well-formed stream.

    ``known`` is False when the conformant parser was not asked (it is not installed, or the text might
    nest too deeply for it); the event parsers' verdict stands then.
    """

    problem: YamlProblem | None = None
    data: Any = None
    known: bool = True


def _block_depth_bound(text: str) -> int:
    """An upper bound on how deeply the block collections of ``text`` can nest.

    At a line indented by ``i`` columns at most two block collections per column are open (a mapping and
    a sequence at the same indentation), plus one for each indicator on the line itself.
    """
    bound = 0
    for line in text.split("\n"):
        indent = len(line) - len(line.lstrip(" "))
        indicators = line.count("-") + line.count("?") + line.count(":")
        bound = max(bound, 2 * (indent + 1) + indicators)
    return bound


def _syntax(text: str, message: str) -> YamlProblem | None:
    located = _ERROR_AT.match(message)
    if located is None or any(reason in message for reason in _NOT_SYNTAX):
        return None
    lines = [line for line in message.splitlines()[1:] if line.strip() and not line.lstrip().startswith("|")]
    reason = lines[-1].strip() if lines else "invalid YAML"
    line, column = int(located.group(1)), int(located.group(2))
    if "tab" in reason:
        indenting = indenting_tab(text, line)
        if indenting is not None:
            return YamlProblem("yaml-syntax", TAB_INDENT_MESSAGE, *indenting)
    return YamlProblem("yaml-syntax", reason, line, _column(text, line, column, "tab" in reason))


def indenting_tab(text: str, line: int) -> tuple[int, int] | None:
    """Where the first tab that indents a line lies, from ``line`` on (yaml-rs may name an earlier line).

    yaml-rs reports a tab that indents a line of a plain scalar's continuation at the start of the
    scalar; the tab it refused is the first one found in the leading white space of a line from there.
    """
    for number, content in enumerate(text.split("\n")[line - 1 :], start=line):
        indentation = content[: len(content) - len(content.lstrip(" \t"))]
        if "\t" in indentation and content.strip():
            return number, indentation.index("\t") + 1
    return None


def _column(text: str, line: int, column: int, about_tabs: bool) -> int:
    """Keep yaml-rs's column (in characters) inside its line; a tab it refuses is shown at the tab."""
    lines = text.split("\n")
    if not 1 <= line <= len(lines):
        return max(1, column)
    content = lines[line - 1]
    tab = content.rfind("\t", 0, column) if about_tabs else -1
    if tab >= 0:
        while tab > 0 and content[tab - 1] == "\t":
            tab -= 1
        return tab + 1
    return max(1, min(column, len(content) + 1))


def judge(text: str) -> Verdict:
    """Judge ``text``: well-formed (with yaml-rs's data), or the located reason it is not YAML 1.2."""
    unprintable = _NOT_PRINTABLE.search(text)
    if unprintable is not None:
        line, column = position_of_index(text, unprintable.start())
        code = f"#x{ord(unprintable.group()):04x}"
        return Verdict(
            YamlProblem("yaml-syntax", f"control character {code} is not allowed in YAML text", line, column)
        )
    if yaml_rs is None or (len(text) > _SAFE_BLOCK_DEPTH and _block_depth_bound(text) > _SAFE_BLOCK_DEPTH):
        return Verdict(known=False)
    judged = text.removeprefix("\ufeff")  # a byte order mark starts the stream; it is not content
    for _ in range(_TAB_RETRIES):
        try:
            data = yaml_rs.loads(
                judged, parse_datetime=False, duplicate_key_policy=yaml_rs.DuplicateKeyPolicy.LastWins
            )
        except Exception as error:  # every refusal is a YAMLDecodeError; its text says where and why
            separated = _tab_after_colon(judged, str(error))
            if separated is not None:
                judged = separated
                continue
            problem = _syntax(judged, str(error))
            return Verdict(problem) if problem is not None else Verdict(known=False)
        return Verdict(data=data)
    return Verdict(known=False)


def _tab_after_colon(text: str, message: str) -> str | None:
    """``text`` with the tab yaml-rs refuses after a ``:`` made a space, or None if it refused otherwise.

    YAML 1.2 separates a value from its ``:`` by any white space (s-separate-in-line is s-white+, tabs
    included), as yaml-rs itself does after ``-`` and ``?``; yaml-rs 0.1.6 requires a space after ``:``.
    The tab is separation, never content, so the space changes neither data nor positions.
    """
    located = _ERROR_AT.match(message)
    if located is None or _TAB_AFTER_COLON not in message:
        return None
    lines = text.split("\n")
    line, column = int(located.group(1)), int(located.group(2))
    if not 1 <= line <= len(lines) or column < 3 or lines[line - 1][column - 3 : column - 1] != ":\t":
        return None
    start = sum(len(previous) + 1 for previous in lines[: line - 1]) + column - 2
    return f"{text[:start]} {text[start + 1 :]}"
