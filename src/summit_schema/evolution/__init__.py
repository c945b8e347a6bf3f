"""Schema evolution: whether a new schema version accepts what the old one did, and migrating files."""

from __future__ import annotations

from typing import TYPE_CHECKING

from summit_schema._lazy import lazy_exports

if TYPE_CHECKING:
    from summit_schema.evolution.compat import CompatInputError, CompatResult, compare, load_schema_input
    from summit_schema.evolution.migrate import MigrationOutcome, migrate_file, migrate_text
    from summit_schema.evolution.policy import required_bump, understated_releases
    from summit_schema.evolution.schema_diff import Change, compare_schemas
    from summit_schema.evolution.steps import MigrationRefused, MigrationStep, register_step, step_chain

__all__ = [
    "Change",
    "CompatInputError",
    "CompatResult",
    "MigrationOutcome",
    "MigrationRefused",
    "MigrationStep",
    "compare",
    "compare_schemas",
    "load_schema_input",
    "migrate_file",
    "migrate_text",
    "register_step",
    "required_bump",
    "step_chain",
    "understated_releases",
]

__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "Change": "schema_diff",
        "CompatInputError": "compat",
        "CompatResult": "compat",
        "MigrationOutcome": "migrate",
        "MigrationRefused": "steps",
        "MigrationStep": "steps",
        "compare": "compat",
        "compare_schemas": "schema_diff",
        "load_schema_input": "compat",
        "migrate_file": "migrate",
        "migrate_text": "migrate",
        "register_step": "steps",
        "required_bump": "policy",
        "step_chain": "steps",
        "understated_releases": "policy",
    },
)
