"""Reference rules: every id is defined once, every reference resolves to an id of the right kind."""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator

from summit_schema.findings import Finding
from summit_schema.semantics.context import FileContext
from summit_schema.semantics.corpus import CORPUS_KINDS, registry_noun

__all__ = ["ACCEPTED_KINDS", "check_annotation_references", "check_registry_ids"]

_LOCAL_ACTORS = frozenset({"Delegation", "AnonymousSource", "Group"})
_OWNER_KIND = {
    "Place": "place",
    "Meeting": "meeting",
    "Document": "document",
    "Event": "event",
    "Commitment": "commitment",
    "OpenIssue": "open issue",
    "Statement": "statement",
}
ACCEPTED_KINDS: dict[str, frozenset[str] | None] = {
    "ActorRef": frozenset({"actor"}),
    "PlaceRef": frozenset({"place"}),
    "MeetingRef": frozenset({"meeting"}),
    "DocumentRef": frozenset({"document"}),
    "SourceRef": frozenset({"actor", "document"}),
    "AnyRef": None,
}
"""The kinds of id each reference definition of the schema accepts (None: any kind)."""
_SUGGESTIONS = 3


def _with_article(noun: str) -> str:
    return f"{'an' if noun[:1] in 'aeiou' else 'a'} {noun}"


def _did_you_mean(target: str, candidates: Iterable[str]) -> str:
    """``; did you mean 'a' or 'b'?`` naming the ids closest to ``target``, or nothing when none is close."""
    close = difflib.get_close_matches(target, sorted(set(candidates)), n=_SUGGESTIONS, cutoff=0.75)
    return f"; did you mean {' or '.join(repr(item) for item in close)}?" if close else ""


def _candidates(
    accepted: frozenset[str] | None, local: dict[str, tuple[str, str]], registry: dict[str, str]
) -> Iterator[str]:
    """The ids a reference accepting ``accepted`` kinds may name: local ones and registry actors."""
    yield from (name for name, (kind, _) in local.items() if accepted is None or kind in accepted)
    if accepted is None or "actor" in accepted:
        yield from (name for name, kind in registry.items() if kind not in CORPUS_KINDS)


def _kind_of_owner(owner: str) -> str:
    return "actor" if owner in _LOCAL_ACTORS else _OWNER_KIND.get(owner, owner.lower())


def check_registry_ids(context: FileContext) -> Iterator[Finding]:
    """ref-duplicate-id: every registry id is defined once."""
    seen: dict[str, str] = {}
    for node in context.nodes_of("Id"):
        if not isinstance(node.value, str):
            continue
        if node.value in seen:
            line, column = context.position(seen[node.value])
            yield context.finding(
                "ref-duplicate-id",
                node.pointer,
                f"id {node.value!r} is already defined at line {line}, column {column}",
            )
        else:
            seen[node.value] = node.pointer


def check_annotation_references(context: FileContext) -> Iterator[Finding]:
    """The ref- rules of an annotation file."""
    registry = context.registry.kinds if context.registry is not None else {}
    local: dict[str, tuple[str, str]] = {}
    for node in context.nodes_of("Id"):
        if not isinstance(node.value, str):
            continue
        if node.value in local:
            line, column = context.position(local[node.value][1])
            yield context.finding(
                "ref-duplicate-id",
                node.pointer,
                f"id {node.value!r} is already defined at line {line}, column {column}",
            )
            continue
        local[node.value] = (_kind_of_owner(node.owner), node.pointer)
        if node.value in registry:
            yield context.finding(
                "ref-shadows-registry",
                node.pointer,
                f"local id {node.value!r} equals the registry's id of "
                f"{_with_article(registry_noun(registry[node.value]))}; "
                "use the registry id as it is, or pick another local id",
            )
    mentioned: dict[str, str] = {}
    referenced_registry: dict[str, str] = {}
    for node in context.nodes_of(*ACCEPTED_KINDS):
        target = node.value
        if not isinstance(target, str):
            continue
        accepted = ACCEPTED_KINDS[node.definition]
        if target in local:
            kind = local[target][0]
        elif target in registry and registry[target] in CORPUS_KINDS:
            yield context.finding(
                "ref-wrong-kind",
                node.pointer,
                f"{target!r} is the registry's {registry_noun(registry[target])}: name it in the corpus_id "
                "of this annotation's own item, and refer to that item",
            )
            continue
        elif target in registry:
            kind = "actor"
            referenced_registry.setdefault(target, node.pointer)
        elif context.registry is not None and not context.registry.loaded:
            continue  # the registry could not be read (reported in its own file): it may define this id
        else:
            expected = "any id" if accepted is None else " or ".join(sorted(accepted))
            where = "this annotation or the registry" if context.registry else "this annotation"
            yield context.finding(
                "ref-unresolved",
                node.pointer,
                f"{target!r} is not defined in {where} (expected {expected})"
                + _did_you_mean(target, _candidates(accepted, local, registry)),
            )
            continue
        if accepted is not None and kind not in accepted:
            yield context.finding(
                "ref-wrong-kind",
                node.pointer,
                f"{target!r} is {_with_article(kind)}, but "
                f"{' or '.join(_with_article(item) for item in sorted(accepted))} is expected here",
            )
            continue
        if node.owner == "Mention" and node.pointer.endswith("/actor"):
            if target not in registry:
                yield context.finding(
                    "ref-wrong-kind",
                    node.pointer,
                    f"{target!r} is a local actor; mentions record how registry actors are named "
                    "(local actors carry their names themselves)",
                )
            elif target in mentioned:
                line, column = context.position(mentioned[target])
                yield context.finding(
                    "ref-duplicate-mention",
                    node.pointer,
                    f"{target!r} already has a mentions entry at line {line}, column {column}; "
                    "merge the names and titles into it",
                )
            else:
                mentioned[target] = node.pointer
    for target, pointer in referenced_registry.items():
        if target not in mentioned:
            yield context.finding(
                "ref-unmentioned-actor",
                pointer,
                f"registry actor {target!r} is referenced but has no mentions entry recording how the "
                "article names it",
            )
