"""Corpus-id rules: an item's ``corpus_id`` names a registry meeting, document or event of its own kind.

The registry holds, beside the actors, the meetings, documents and events that several articles report;
an annotation's item says "this is the same event" by naming the registry entry's id in ``corpus_id``.
"""

from __future__ import annotations

from collections.abc import Iterator

from summit_schema.findings import Finding
from summit_schema.semantics.context import FileContext

__all__ = ["CORPUS_KINDS", "check_corpus_ids", "registry_noun"]

CORPUS_KINDS = {"corpusmeeting": "meeting", "corpusdocument": "document", "corpusevent": "event"}
"""The registry's corpus-level entry kinds (as the registry index records them) and what each names."""

_OWNER_KIND = {"Meeting": "meeting", "Document": "document", "Event": "event"}


def registry_noun(kind: str) -> str:
    """How a message names a registry entry of ``kind``: ``corpus meeting``, or the actor kind."""
    return f"corpus {CORPUS_KINDS[kind]}" if kind in CORPUS_KINDS else kind


def check_corpus_ids(context: FileContext) -> Iterator[Finding]:
    """corpus-unresolved, corpus-wrong-kind, corpus-duplicate: every corpus id resolves, once, to its kind."""
    if context.registry is None or not context.registry.loaded:
        return  # no registry, or one that could not be read: reported in its own right
    registry = context.registry.kinds
    claimed: dict[str, str] = {}
    for node in context.nodes_of("CorpusRef"):
        target = node.value
        if not isinstance(target, str):
            continue
        expected = _OWNER_KIND.get(node.owner, node.owner.lower())
        if target not in registry:
            yield context.finding(
                "corpus-unresolved",
                node.pointer,
                f"{target!r} is not a corpus id of the registry (expected the id of a registry {expected}; "
                f"add it to the registry's {expected}s section)",
            )
            continue
        kind = registry[target]
        if CORPUS_KINDS.get(kind) != expected:
            yield context.finding(
                "corpus-wrong-kind",
                node.pointer,
                f"{target!r} is the registry's {registry_noun(kind)}, "
                f"but a corpus {expected} is expected here",
            )
            continue
        if target in claimed:
            line, column = context.position(claimed[target])
            yield context.finding(
                "corpus-duplicate",
                node.pointer,
                f"corpus id {target!r} is already given at line {line}, column {column}: one article's "
                "items for one event should be one item",
            )
        else:
            claimed[target] = node.pointer
