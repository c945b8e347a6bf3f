"""ISO code rules, checked against the ISO tables that pycountry maintains."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pycountry

from summit_schema.findings import Finding
from summit_schema.semantics.context import FileContext

__all__ = ["check_iso_codes"]

_CURRENCY = re.compile(r"^[A-Z]{3}$")


def _language_exists(code: str) -> bool:
    key = "alpha_2" if len(code) == 2 else "alpha_3"
    return pycountry.languages.get(**{key: code}) is not None


def check_iso_codes(context: FileContext) -> Iterator[Finding]:
    """The iso- rules: country, language and currency codes exist."""
    for node in context.nodes_of("State", "Article", "Quantity"):
        value = node.value
        if not isinstance(value, dict):
            continue
        if node.definition == "State":
            code = value.get("iso3")
            if isinstance(code, str) and pycountry.countries.get(alpha_3=code) is None:
                yield context.finding(
                    "iso-unknown-country",
                    f"{node.pointer}/iso3",
                    f"{code!r} is not an ISO 3166-1 alpha-3 country code",
                )
        elif node.definition == "Article":
            code = value.get("language")
            if isinstance(code, str) and code.isascii() and code.isalpha() and not _language_exists(code):
                yield context.finding(
                    "iso-unknown-language",
                    f"{node.pointer}/language",
                    f"{code!r} is not an ISO 639 language code",
                )
        else:
            unit = value.get("unit")
            if (
                isinstance(unit, str)
                and _CURRENCY.match(unit)
                and pycountry.currencies.get(alpha_3=unit) is None
            ):
                yield context.finding(
                    "iso-unknown-currency",
                    f"{node.pointer}/unit",
                    f"{unit!r} is not an ISO 4217 currency code",
                )
