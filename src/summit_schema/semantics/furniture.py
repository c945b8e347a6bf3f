"""Rules on what a coding may rest on: page furniture alone supports no fact, attendance in person is
certain, and a count of ``other`` says what it counts."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from summit_schema.findings import Finding
from summit_schema.semantics.context import FileContext

__all__ = ["check_attendance_factuality", "check_counted_labels", "check_furniture_evidence"]

_NAMING_OWNERS = frozenset(
    {"AsWritten", "Outlet", "Mention", "ReportTime", "Delegation", "AnonymousSource", "Group"}
)
"""Evidence of how something is named, where a caption or credit is a fair source."""

_CREDIT_ROLES = frozenset({"credit", "caption"})
"""Where a photo credit stands: the only furniture a cited source may rest on, and only a photo credit."""

_MESSAGE = (
    "every passage of this evidence is page furniture ({roles}); a heading, caption, credit, teaser, "
    "byline or section label is never the sole evidence of a fact or relation: add the body text that "
    "states it, or drop the assertion"
)


def _role(item: Any) -> str:
    role = item.get("role", "body") if isinstance(item, dict) else "body"
    return role if isinstance(role, str) else "body"


def check_furniture_evidence(context: FileContext) -> Iterator[Finding]:
    """evidence-furniture-only: page furniture is never the sole evidence of a fact or relation.

    A cited source is a relation too (the outlet draws on it): only a ``photo_credit`` source may rest
    on the credit or caption that names it; a source seen only in a byline, teaser or heading may not.
    """
    for node in context.nodes_of("Evidence"):
        if node.owner in _NAMING_OWNERS or not isinstance(node.value, list) or not node.value:
            continue
        roles = {_role(item) for item in node.value}
        if "body" in roles:
            continue
        if (
            node.owner == "CitedSource"
            and roles <= _CREDIT_ROLES
            and _is_photo_credit(context, node.owner_pointer)
        ):
            continue
        yield context.finding(
            "evidence-furniture-only", node.pointer, _MESSAGE.format(roles=", ".join(sorted(roles)))
        )


def _is_photo_credit(context: FileContext, owner_pointer: str) -> bool:
    cited = context.value_at(owner_pointer)
    return isinstance(cited, dict) and cited.get("kind") == "photo_credit"


def check_attendance_factuality(context: FileContext) -> Iterator[Finding]:
    """attendance-in-person-uncertain: attendance in person is coded only where it is certain."""
    for node in context.nodes_of("Participant"):
        participant = node.value
        if not isinstance(participant, dict) or participant.get("attendance") != "in_person":
            continue
        factuality = participant.get("factuality")
        value = factuality.get("value") if isinstance(factuality, dict) else None
        if isinstance(value, str) and value != "CT+":
            yield context.finding(
                "attendance-in-person-uncertain",
                f"{node.pointer}/attendance",
                f"attendance is in_person but its factuality is {value}: attendance the article does not "
                "state as certain is expected (or unspecified), not in_person",
            )


def check_counted_labels(context: FileContext) -> Iterator[Finding]:
    """counted-other-unlabelled: a count of ``other`` says what it counts in ``label``."""
    for node in context.nodes_of("Quantity"):
        counted = node.value.get("counted") if isinstance(node.value, dict) else None
        if isinstance(counted, dict) and counted.get("category") == "other" and "label" not in counted:
            yield context.finding(
                "counted-other-unlabelled",
                f"{node.pointer}/counted",
                "counted is other without a label: say in label what is counted",
            )
