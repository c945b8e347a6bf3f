"""The JSON forms of the pieces every item of the report is made of: quotes, factuality, quantities, dates."""

from __future__ import annotations

from typing import Any

from summit_schema.corpus.basics import Condition, DateReport, Factuality, Name, Quantity, Quote

__all__ = [
    "Json",
    "conditions_json",
    "date_json",
    "evidence_json",
    "factuality_json",
    "names_json",
    "quantity_json",
    "quote_json",
]

Json = dict[str, Any]


def quote_json(quote: Quote) -> Json:
    """One evidence quote."""
    found: Json = {"article": quote.article, "quote": quote.quote, "start": quote.start, "end": quote.end}
    if quote.role is not None:
        found["role"] = quote.role
    return found


def evidence_json(quotes: tuple[Quote, ...]) -> list[Json]:
    return [quote_json(quote) for quote in quotes]


def factuality_json(value: Factuality | None) -> Json | None:
    if value is None:
        return None
    return {"value": value.value, "basis": value.basis, "according_to": list(value.according_to)}


def quantity_json(value: Quantity | None) -> Json | None:
    if value is None:
        return None
    return {
        "text": value.text,
        "qualifier": value.qualifier,
        "amount": value.amount,
        "lower_bound": value.lower_bound,
        "upper_bound": value.upper_bound,
        "unit": value.unit,
        "category": value.category,
        "label": value.label,
    }


def date_json(value: DateReport) -> Json:
    return {
        "article": value.article,
        "text": value.text,
        "kind": value.kind,
        "edtf": value.edtf,
        "weekday": value.weekday,
        "evidence": evidence_json(value.evidence),
    }


def names_json(names: tuple[Name, ...]) -> list[Json]:
    return [
        {"article": name.article, "text": name.text, "evidence": evidence_json(name.evidence)}
        for name in names
    ]


def conditions_json(conditions: tuple[Condition, ...]) -> list[Json]:
    return [
        {
            "article": item.article,
            "kind": item.kind,
            "summary": item.summary,
            "evidence": evidence_json(item.evidence),
        }
        for item in conditions
    ]
