"""Date and quantity rules: dates exist, ranges are in order, precision and weekday agree."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterator
from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from summit_schema.findings import Finding
from summit_schema.semantics.context import FileContext

__all__ = ["check_dates", "check_quantities", "edtf_precision"]

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_FULL_DAY = re.compile(r"^([0-9]{4})-([0-9]{2})-([0-9]{2})$")


def _calendar_date(value: str) -> datetime.date | None:
    match = _FULL_DAY.match(value)
    if not match:
        return None
    try:
        return datetime.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def _outside(value: Any, lower: Any, upper: Any) -> bool:
    """Whether ``value`` lies below ``lower`` or above ``upper`` (a missing bound is open)."""
    return (lower is not None and value < lower) or (upper is not None and value > upper)


def _span(lower: Any, upper: Any) -> str:
    """A range as the messages write it, '..' for an open end."""

    def shown(bound: Any) -> str:
        if bound is None:
            return ".."
        return bound.isoformat() if isinstance(bound, datetime.date) else str(bound)

    return f"{shown(lower)} to {shown(upper)}"


def edtf_precision(value: str) -> str:
    """Return the Wikidata-style precision an EDTF level-1 date specifies."""
    core = value.rstrip("?~%")
    parts = core.split("-")
    if len(parts) == 3:
        return "day"
    if len(parts) == 2:
        return "month"
    year = parts[0]
    if year.endswith("XX"):
        return "century"
    if year.endswith("X"):
        return "decade"
    return "year"


@lru_cache(maxsize=4096)
def _edtf_parses(value: str) -> bool:
    from edtf import parse_edtf  # noqa: PLC0415 - the parser is slow to import; only dates need it
    from edtf.parser.edtf_exceptions import EDTFParseException  # noqa: PLC0415

    try:
        parse_edtf(value)
    except EDTFParseException:
        return False
    return True


def _check_date(context: FileContext, pointer: str, date: dict[str, Any]) -> Iterator[Finding]:
    edtf = date.get("edtf")
    resolved: datetime.date | None = None
    if isinstance(edtf, str):
        if not _edtf_parses(edtf):
            yield context.finding("date-invalid", f"{pointer}/edtf", f"{edtf!r} is not a valid EDTF date")
            return
        precision = date.get("precision")
        specified = edtf_precision(edtf)
        if isinstance(precision, str) and precision != specified:
            yield context.finding(
                "date-precision-mismatch",
                f"{pointer}/precision",
                f"precision is {precision!r} but the EDTF value {edtf!r} specifies {specified!r}",
            )
        resolved = _calendar_date(edtf)
    weekday = date.get("weekday")
    if resolved is not None and isinstance(weekday, str) and weekday in _WEEKDAYS:
        actual = _WEEKDAYS[resolved.weekday()]
        if actual != weekday:
            yield context.finding(
                "date-weekday-mismatch",
                f"{pointer}/weekday",
                f"{edtf} is a {actual}, not a {weekday}",
            )
    earliest = _calendar_date(str(date.get("earliest", "")))
    latest = _calendar_date(str(date.get("latest", "")))
    if earliest and latest and earliest > latest:
        yield context.finding(
            "date-bounds-order",
            f"{pointer}/latest",
            f"latest {latest.isoformat()} is before earliest {earliest.isoformat()}",
        )
        return
    if resolved is not None and _outside(resolved, earliest, latest):
        yield context.finding(
            "date-outside-bounds",
            f"{pointer}/edtf",
            f"{resolved.isoformat()} lies outside its own bounds ({_span(earliest, latest)})",
        )


def _pair_in_order(
    context: FileContext, pointer: str, first: Any, second: Any, names: tuple[str, str]
) -> Iterator[Finding]:
    if first is None or second is None or second >= first:
        return
    yield context.finding(
        "date-bounds-order",
        f"{pointer}/{names[1]}",
        f"{names[1]} {second.isoformat()} is before {names[0]} {first.isoformat()}",
    )


def _edtf_of(date: Any) -> str:
    return str(date.get("edtf", "")) if isinstance(date, dict) else ""


def check_dates(context: FileContext) -> Iterator[Finding]:
    """The date- rules."""
    for node in context.nodes_of("IsoDate", "Date", "AnnotationInfo", "Timeframe"):
        value = node.value
        if node.definition == "IsoDate":
            if isinstance(value, str) and _FULL_DAY.match(value) and _calendar_date(value) is None:
                yield context.finding(
                    "date-invalid", node.pointer, f"{value!r} is not a date in the calendar"
                )
        elif not isinstance(value, dict):
            continue
        elif node.definition == "Date":
            yield from _check_date(context, node.pointer, value)
        elif node.definition == "AnnotationInfo":
            created = _calendar_date(str(value.get("created", "")))
            modified = _calendar_date(str(value.get("modified", "")))
            yield from _pair_in_order(context, node.pointer, created, modified, ("created", "modified"))
        else:
            first = _calendar_date(_edtf_of(value.get("start")))
            last = _calendar_date(_edtf_of(value.get("end")))
            yield from _pair_in_order(context, node.pointer, first, last, ("start", "end"))


def _decimal(value: Any) -> Decimal | None:
    if not isinstance(value, str):
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        return None


def check_quantities(context: FileContext) -> Iterator[Finding]:
    """The quantity- rules."""
    for node in context.nodes_of("Quantity"):
        if not isinstance(node.value, dict):
            continue
        amount = _decimal(node.value.get("amount"))
        lower = _decimal(node.value.get("lower_bound"))
        upper = _decimal(node.value.get("upper_bound"))
        if lower is not None and upper is not None and lower > upper:
            yield context.finding(
                "quantity-bounds-order",
                f"{node.pointer}/upper_bound",
                f"upper bound {upper} is below lower bound {lower}",
            )
            continue
        if amount is not None and _outside(amount, lower, upper):
            yield context.finding(
                "quantity-outside-bounds",
                f"{node.pointer}/amount",
                f"amount {amount} lies outside its bounds ({_span(lower, upper)})",
            )
