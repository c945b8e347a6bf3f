"""Schema violations in words a person can act on: the expected form instead of a regular expression,
``null`` as YAML writes it, and one message where a value breaks several constraints for one reason."""

from __future__ import annotations

import json
import math
from typing import Any

__all__ = ["EXPECTED_FORMS", "expected_form", "shown"]

EXPECTED_FORMS: dict[str, str] = {
    "^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "write YYYY-MM-DD, e.g. 2026-01-06",
    "^[a-z][a-z0-9]*(-[a-z0-9]+)*$": "write an id as lowercase ASCII words joined by single hyphens, "
    "e.g. keir-starmer",
    "^[A-Za-z0-9][A-Za-z0-9_.-]*$": "write the stem of the article's file name (letters, digits, '_', '.' "
    "and '-'), e.g. 003_289fc3a32fa86627",
    "^[0-9a-f]{64}$": "write the article's SHA-256 as 64 lowercase hex digits, as `sha256sum FILE` prints it",
    "[^ \t\r\n]": "write some text: an empty or blank value says nothing",
    "^-?[0-9]+(\\.[0-9]+)?$": 'write a decimal number as a string, e.g. "30" or "2.5"',
    "^[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?[?~%]?$": "write an EDTF date, e.g. 2026-01-06, 2026-01, "
    "2026-XX-XX or 2026-01-06~",
    "^(1|[A-Z]{3}|Q[1-9][0-9]{0,12}|year|month|week|day)$": "write 1 for a plain count, an ISO 4217 code "
    "(EUR), a Wikidata QID (Q11573) or year, month, week, day",
    "^[a-z]{2,3}$": "write an ISO 639 language code in lowercase, e.g. en or uk",
    "^seeds/[^\\\\]+$": "write a POSIX path under seeds/, e.g. seeds/003_289fc3a32fa86627.txt",
    "^Q[1-9][0-9]*$": "write a Wikidata item id, e.g. Q7747",
    "^[A-Z]{3}$": "write an ISO 3166-1 alpha-3 code in capitals, e.g. FRA",
}
"""What each pattern of the shipped schemas asks for, said as how to write it."""


def expected_form(pattern: str) -> str | None:
    """How to write a value that ``pattern`` accepts, or None for a pattern of no shipped schema."""
    return EXPECTED_FORMS.get(pattern)


def shown(instance: Any) -> str:
    """A value as the file writes it: strings quoted, ``null``, ``true``, numbers; long ones cut."""
    if isinstance(instance, float) and math.isinf(instance):
        return "a number too large to write out"
    if isinstance(instance, dict):
        return "a mapping"
    if isinstance(instance, list):
        return "a list"
    if instance is None or isinstance(instance, bool):
        return json.dumps(instance)
    text = repr(instance)
    return text if len(text) <= 80 else text[:77] + "..."
