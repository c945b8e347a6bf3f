"""The registered migration steps: one plain function per pair of consecutive schema versions.

A step receives the whole document as ruamel.yaml's round-trip ``CommentedMap`` and changes it in
place; it changes only what the new version changes (the machinery in ``migrate.py`` sets
``schema_version`` and the modeline afterwards). A step that cannot decide how to move a file raises
``MigrationRefused`` with the reason. Steps for released versions are registered at the bottom of this
module, so that importing it is enough to know them all.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

__all__ = ["STEPS", "MigrationRefused", "MigrationStep", "StepFunction", "register_step", "step_chain"]

StepFunction = Callable[[Any], None]
"""A step: changes the round-trip document (a ``CommentedMap``) in place."""


class MigrationRefused(Exception):
    """A file cannot be migrated; the message says why."""


@dataclass(frozen=True)
class MigrationStep:
    """The step from ``source`` to ``target``; ``function``'s docstring says what it changes."""

    source: str
    target: str
    function: StepFunction

    @property
    def summary(self) -> str:
        """The first line of the step's docstring."""
        return (self.function.__doc__ or "").strip().splitlines()[0] if self.function.__doc__ else ""


STEPS: dict[str, MigrationStep] = {}
"""The registered steps by the version they start from."""


def register_step(source: str, target: str) -> Callable[[StepFunction], StepFunction]:
    """Register the decorated function as the step from ``source`` to ``target``.

    It must have a docstring saying what it changes; one step leaves each version.
    """

    def register(function: StepFunction) -> StepFunction:
        if not (function.__doc__ or "").strip():
            raise ValueError(f"the step {source} -> {target} needs a docstring saying what it changes")
        if source in STEPS:
            raise ValueError(f"a step from {source} is already registered (to {STEPS[source].target})")
        STEPS[source] = MigrationStep(source, target, function)
        return function

    return register


def step_chain(source: str, target: str) -> list[MigrationStep]:
    """The steps that lead from ``source`` to ``target``, in order; raise MigrationRefused without one."""
    chain: list[MigrationStep] = []
    version = source
    while version != target:
        step = STEPS.get(version)
        if step is None or len(chain) > len(STEPS):
            raise MigrationRefused(f"no migration step leads from {version} towards {target}")
        chain.append(step)
        version = step.target
    return chain


# The steps between released versions go here, one per consecutive pair, e.g.:
#
# @register_step("1.0.0", "1.1.0")
# def _to_1_1_0(document: Any) -> None:
#     """What 1.1.0 changes, and how an older file is moved."""


_COUNTED_CATEGORIES = {
    "countries": "countries",
    "leaders": "leaders",
    "officials": "officials",
    "diplomats": "diplomats",
    "troops": "troops",
    "peacekeepers": "peacekeepers",
    "military personnel": "military_personnel",
}
"""The 1.0.0 ``counted`` texts that name a 2.0.0 category exactly; every other text becomes its label."""


def _move_counted(node: Any) -> None:
    if isinstance(node, dict):
        for key, value in list(node.items()):
            if key == "counted" and isinstance(value, str):
                category = _COUNTED_CATEGORIES.get(value.strip().lower())
                moved: dict[str, Any] = {"category": category} if category else {"category": "other"}
                if category is None:
                    moved["label"] = value
                node[key] = _flow_mapping(moved)
            else:
                _move_counted(value)
    elif isinstance(node, list):
        for item in node:
            _move_counted(item)


def _flow_mapping(values: dict[str, Any]) -> Any:
    """A mapping written on one line, as ``{category: other, label: ...}``."""
    from ruamel.yaml.comments import CommentedMap  # noqa: PLC0415 - only when a step runs

    mapping = CommentedMap(values)
    mapping.fa.set_flow_style()
    return mapping


@register_step("1.0.0", "2.0.0")
def _to_2_0_0(document: Any) -> None:
    """Turn every free-text ``counted`` into the 2.0.0 vocabulary: ``{category: countries}`` where the text
    names a category exactly, else ``{category: other, label: <the text>}``.

    Everything else 2.0.0 adds (corpus ids, report time, evidence roles, capacities, provisions, options,
    evaluations) is optional, so a 1.0.0 file needs no other change.
    """
    _move_counted(document)
