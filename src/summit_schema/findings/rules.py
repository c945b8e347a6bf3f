"""The catalogue of rule ids: each with its layer, default severity and a one-line summary.

Rule ids are stable: tests, documentation and CI filters rely on them, so renaming one is a breaking
change. Schema rules are named ``schema-`` followed by the JSON Schema keyword in kebab case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from summit_schema.findings.finding import Severity

__all__ = ["RULES", "Rule", "is_known_rule", "rule", "schema_rule_id"]


@dataclass(frozen=True)
class Rule:
    """A rule's catalogue entry."""

    id: str
    layer: str
    severity: Severity
    summary: str


_E = Severity.ERROR
_W = Severity.WARNING

_CATALOGUE: tuple[Rule, ...] = (
    Rule(
        "cli-usage",
        "cli",
        _E,
        "The command line is wrong: a bad option, a missing path or no files to check.",
    ),
    Rule(
        "internal-error",
        "cli",
        _E,
        "A check failed unexpectedly; the message says which (run with --debug for details).",
    ),
    Rule("yaml-unreadable", "yaml", _E, "The file exists but cannot be read."),
    Rule("yaml-special-file", "yaml", _E, "The path names a FIFO, device or socket; it is refused unopened."),
    Rule("yaml-too-large", "yaml", _E, "The file is larger than the size limit."),
    Rule("yaml-encoding", "yaml", _E, "The file is not valid UTF-8 (a UTF-8 byte-order mark is tolerated)."),
    Rule("yaml-syntax", "yaml", _E, "The file is not well-formed YAML."),
    Rule("yaml-empty-document", "yaml", _E, "The file holds no document, or an empty one."),
    Rule("yaml-multiple-documents", "yaml", _E, "The file holds more than one YAML document."),
    Rule("yaml-duplicate-key", "yaml", _E, "A mapping repeats a key."),
    Rule("yaml-alias", "yaml", _E, "Anchors and aliases are not allowed: write every value out."),
    Rule("yaml-tag", "yaml", _E, "Explicit tags (!tag, !!python/...) are not allowed."),
    Rule("yaml-key-not-string", "yaml", _E, "A mapping key is not a string."),
    Rule("yaml-too-deep", "yaml", _E, "The document nests deeper than the depth limit."),
    Rule("schema-version", "schema", _E, "schema_version is missing or names no known schema version."),
    Rule(
        "ref-registry-missing",
        "semantic",
        _E,
        "No registry.yaml in any ancestor directory of the annotation.",
    ),
    Rule(
        "ref-unresolved",
        "semantic",
        _E,
        "A reference names an id that neither the annotation nor the registry defines.",
    ),
    Rule("ref-duplicate-id", "semantic", _E, "An id is defined twice in one annotation or in the registry."),
    Rule("ref-shadows-registry", "semantic", _E, "A local id equals a registry id."),
    Rule(
        "ref-wrong-kind",
        "semantic",
        _E,
        "A reference names an id of the wrong kind (a meeting where an actor is expected).",
    ),
    Rule("ref-duplicate-mention", "semantic", _E, "Two mentions entries name the same registry actor."),
    Rule(
        "ref-unmentioned-actor",
        "semantic",
        _W,
        "A registry actor is referenced but has no mentions entry with its names as written.",
    ),
    Rule(
        "quote-not-found",
        "semantic",
        _E,
        "An evidence quote (with its prefix and suffix) does not occur in the article.",
    ),
    Rule(
        "quote-ambiguous",
        "semantic",
        _W,
        "An evidence quote occurs several times and no prefix or suffix singles it out.",
    ),
    Rule(
        "quote-blank",
        "semantic",
        _E,
        "An evidence quote, prefix or suffix is empty after whitespace normalization.",
    ),
    Rule(
        "quote-as-written-not-found",
        "semantic",
        _E,
        "A text given as written (a name, date or quantity) does not occur in the article.",
    ),
    Rule(
        "quote-as-written-outside-evidence",
        "semantic",
        _E,
        "A text given as written does not lie inside any of its own evidence quotes.",
    ),
    Rule("article-outside-root", "semantic", _E, "The article path is absolute or leaves the project root."),
    Rule("article-not-found", "semantic", _E, "The article file does not exist."),
    Rule(
        "article-unreadable",
        "semantic",
        _E,
        "The article is a directory or special file, cannot be read, or is not UTF-8.",
    ),
    Rule(
        "article-sha256-mismatch",
        "semantic",
        _E,
        "The article file's sha256 differs from the one the annotation pins.",
    ),
    Rule("article-id-mismatch", "semantic", _W, "The article id differs from the stem of its file name."),
    Rule(
        "date-invalid",
        "semantic",
        _E,
        "A date or EDTF value does not exist in the calendar or does not parse.",
    ),
    Rule(
        "date-bounds-order",
        "semantic",
        _E,
        "A date range ends before it starts (earliest > latest, modified < created).",
    ),
    Rule(
        "date-outside-bounds", "semantic", _E, "A resolved date lies outside its own earliest/latest bounds."
    ),
    Rule(
        "date-precision-mismatch", "semantic", _E, "The precision differs from what the EDTF value specifies."
    ),
    Rule(
        "date-weekday-mismatch", "semantic", _E, "The weekday differs from the weekday of the resolved date."
    ),
    Rule("quantity-bounds-order", "semantic", _E, "A quantity's lower bound is above its upper bound."),
    Rule("quantity-outside-bounds", "semantic", _E, "A quantity's amount lies outside its own bounds."),
    Rule("iso-unknown-country", "semantic", _E, "An ISO 3166-1 alpha-3 code does not exist."),
    Rule("iso-unknown-language", "semantic", _E, "An ISO 639 language code does not exist."),
    Rule("iso-unknown-currency", "semantic", _E, "An ISO 4217 currency code used as a unit does not exist."),
    Rule(
        "corpus-unresolved",
        "semantic",
        _E,
        "A corpus_id names no meeting, document or event of the registry.",
    ),
    Rule(
        "corpus-wrong-kind",
        "semantic",
        _E,
        "A corpus_id names a registry entry of another kind (a document's id on a meeting, an actor).",
    ),
    Rule("corpus-duplicate", "semantic", _W, "Two items of one annotation give the same corpus_id."),
    Rule(
        "evidence-furniture-only",
        "semantic",
        _W,
        "Every passage of an evidence is page furniture (heading, caption, credit, teaser, byline, label).",
    ),
    Rule("counted-other-unlabelled", "semantic", _W, "A count of category other has no label."),
    Rule(
        "attendance-in-person-uncertain",
        "semantic",
        _W,
        "A participant attends in_person with a factuality below CT+.",
    ),
    Rule("modeline-missing", "semantic", _W, "The file has no yaml-language-server $schema modeline."),
    Rule(
        "modeline-mismatch",
        "semantic",
        _W,
        "The modeline points at another schema than the version the file names.",
    ),
)

# Schema rules: one per JSON Schema keyword that the shipped schemas use.
_SCHEMA_KEYWORDS: tuple[tuple[str, str], ...] = (
    ("type", "A value has the wrong type."),
    ("required", "A required key is missing (reported at the start of the object)."),
    ("additionalProperties", "A key is not allowed here (a typo, or a key of another object)."),
    ("enum", "A value is not one of the allowed values."),
    ("const", "A value differs from the only allowed value."),
    ("pattern", "A string does not match the required pattern."),
    ("minLength", "A string is shorter than allowed."),
    ("maxLength", "A string is longer than allowed."),
    ("minItems", "A list has fewer items than required."),
    ("maxItems", "A list has more items than allowed."),
    ("uniqueItems", "A list repeats an item."),
    ("oneOf", "A value matches none (or several) of the alternatives."),
    ("anyOf", "A value matches none of the alternatives."),
    ("allOf", "A value fails one of the combined schemas."),
    ("not", "A value matches a schema it must not match."),
    ("minimum", "A number is below the minimum."),
    ("maximum", "A number is above the maximum."),
    ("minProperties", "An object has fewer keys than required."),
    ("maxProperties", "An object has more keys than allowed."),
    ("false", "No value is allowed here."),
)


def schema_rule_id(keyword: str) -> str:
    """Return the rule id for a JSON Schema keyword: ``schema-`` and the keyword in kebab case."""
    return "schema-" + re.sub(r"(?<!^)(?=[A-Z])", "-", keyword).lower()


_SCHEMA_RULES = tuple(
    Rule(schema_rule_id(keyword), "schema", _E, summary) for keyword, summary in _SCHEMA_KEYWORDS
)

RULES: dict[str, Rule] = {entry.id: entry for entry in (*_CATALOGUE, *_SCHEMA_RULES)}
"""Every rule, by id, in catalogue order."""


def rule(rule_id: str) -> Rule:
    """Return a rule's catalogue entry, or a generic schema rule for a keyword not listed."""
    try:
        return RULES[rule_id]
    except KeyError:
        return Rule(rule_id, "schema", _E, "A value violates the schema.")


def is_known_rule(rule_id: str) -> bool:
    """Whether ``rule_id`` names a rule of the catalogue."""
    return rule_id in RULES
