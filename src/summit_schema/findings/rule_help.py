"""The help of every rule: a full description, an example of the fault and of its fix, and a link.

The texts live in ``rule_help.toml`` beside this module (data, not code); this module reads them and
renders them as plain text (``summit-schema explain``), as Markdown (the SARIF log's ``help`` and the page
``docs/rules.md``, which ``rules_page`` writes whole).
"""

from __future__ import annotations

import difflib
import tomllib
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from summit_schema.findings.rules import RULES, Rule, rule

__all__ = [
    "RULES_PAGE_URL",
    "RuleHelp",
    "closest_rule_ids",
    "help_markdown",
    "help_text",
    "rule_help",
    "rules_page",
]

RULES_PAGE_URL = "https://github.com/summit-schema/summit-schema/blob/main/docs/rules.md"
"""The published page of rules; each rule's section is at ``#<rule-id>``."""

_HELP_FILE = "rule_help.toml"
_INDENT = "    "


@dataclass(frozen=True)
class RuleHelp:
    """A rule's catalogue entry with its help."""

    rule: Rule
    description: str
    fault: str
    fix: str

    @property
    def url(self) -> str:
        """Where the rule is documented: its section of the rules page."""
        return f"{RULES_PAGE_URL}#{self.rule.id}"

    @property
    def description_line(self) -> str:
        """The description as one line (the file wraps it)."""
        return " ".join(self.description.split())


@cache
def _help_entries() -> dict[str, dict[str, str]]:
    text = (files("summit_schema.findings") / _HELP_FILE).read_text(encoding="utf-8")
    return {rule_id: dict(entry) for rule_id, entry in tomllib.loads(text).items()}


def rule_help(rule_id: str) -> RuleHelp:
    """The help of ``rule_id``; a schema keyword outside the catalogue gets a generic one."""
    entry = _help_entries().get(rule_id)
    if entry is None:
        keyword = rule_id.removeprefix("schema-")
        return RuleHelp(
            rule(rule_id),
            f"A value violates the schema keyword `{keyword}`; the message says how.",
            "(a value the schema refuses)",
            "(a value the schema accepts; the message says what it expects)",
        )
    return RuleHelp(rule(rule_id), entry["description"], entry["fault"], entry["fix"])


def closest_rule_ids(name: str) -> list[str]:
    """The catalogue's rule ids closest to ``name``, best first (for a did-you-mean)."""
    return difflib.get_close_matches(name, list(RULES), n=3, cutoff=0.6)


def _indented(example: str) -> str:
    return "\n".join(_INDENT + line if line else line for line in example.splitlines())


def help_text(rule_id: str) -> str:
    """The help of a rule as plain text, for a terminal."""
    entry = rule_help(rule_id)
    return (
        f"{entry.rule.id} ({entry.rule.layer}, {entry.rule.severity})\n"
        f"{entry.rule.summary}\n\n"
        f"{entry.description}\n\n"
        f"Fault:\n{_indented(entry.fault)}\n\n"
        f"Fix:\n{_indented(entry.fix)}\n\n"
        f"More: {entry.url}\n"
    )


def help_markdown(rule_id: str, heading: str = "") -> str:
    """The help of a rule as Markdown; ``heading`` (``##``) opens it with the rule id as a heading."""
    entry = rule_help(rule_id)
    title = f'{heading} <a id="{entry.rule.id}"></a>`{entry.rule.id}`\n\n' if heading else ""
    return (
        f"{title}"
        f"**{entry.rule.summary}** Layer: {entry.rule.layer}; default severity: {entry.rule.severity}.\n\n"
        f"{entry.description}\n\n"
        f"Fault:\n\n```\n{entry.fault}\n```\n\n"
        f"Fix:\n\n```\n{entry.fix}\n```\n"
    )


def rules_page() -> str:
    """The page ``docs/rules.md``: every rule of the catalogue, in catalogue order, one section each."""
    by_layer: dict[str, list[str]] = {}
    for rule_id, entry in RULES.items():
        by_layer.setdefault(entry.layer, []).append(rule_id)
    contents = "\n".join(
        f"- {layer}: " + ", ".join(f"[`{rule_id}`](#{rule_id})" for rule_id in rule_ids)
        for layer, rule_ids in by_layer.items()
    )
    sections = "\n".join(help_markdown(rule_id, "##") for rule_id in RULES)
    return (
        "# Rules\n\n"
        "<!-- Generated from the rule catalogue: summit-schema explain --markdown > docs/rules.md -->\n\n"
        "Every finding names one of these rules. Rule ids are stable; `summit-schema explain RULE` prints a "
        "rule's section, `summit-schema validate --list-rules` lists them all, and `--ignore RULE` "
        "silences one.\n\n"
        f"{contents}\n\n{sections}"
    )
