"""Joins over the typed models: resolve a reference of an annotation to what it names."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TypeVar

from pydantic import BaseModel

from summit_schema._generated.annotation import Document, Event, Meeting, Place, SummitAnnotation
from summit_schema._generated.registry import SummitActorRegistry
from summit_schema.models.kinds import Actor, CorpusEntry, LocalActor, RegistryActor, RegistryEntry

__all__ = ["Lookup", "UnknownReference"]

_Item = TypeVar("_Item", bound=BaseModel)

_IDENTIFIED_SECTIONS = (
    "local_actors",
    "places",
    "meetings",
    "documents",
    "events",
    "commitments",
    "open_issues",
    "statements",
    "evaluations",
)
"""The sections of an annotation whose items (and the items nested in them) carry local ids."""


class UnknownReference(LookupError):
    """A reference names nothing of the kind asked for, in the annotation or the registry."""

    def __init__(self, kind: str, ref: str) -> None:
        self.kind = kind
        self.ref = ref
        super().__init__(f"no {kind} {ref!r} in this annotation or its registry")


def _identified(node: object) -> Iterator[BaseModel]:
    """Every model under ``node`` (itself included) that carries a string ``id``."""
    if isinstance(node, BaseModel):
        if isinstance(getattr(node, "id", None), str):
            yield node
        for name in type(node).model_fields:
            yield from _identified(getattr(node, name))
    elif isinstance(node, list):
        for element in node:
            yield from _identified(element)


class Lookup:
    """The items of one annotation and of its registry by id, for following references.

    >>> lookup = Lookup(annotation, registry)          # doctest: +SKIP
    >>> lookup.actor(commitment.committers[0]).name    # doctest: +SKIP
    A reference the validator accepted always resolves; a model built by hand may hold one that does not,
    and then the methods raise ``UnknownReference``.
    """

    def __init__(self, annotation: SummitAnnotation, registry: SummitActorRegistry | None = None) -> None:
        self.annotation = annotation
        self.registry = registry
        self._local: dict[str, BaseModel] = {}
        for section in _IDENTIFIED_SECTIONS:
            for item in _identified(getattr(annotation, section)):
                self._local.setdefault(str(getattr(item, "id")), item)  # noqa: B009
        self._registry: dict[str, RegistryEntry] = {}
        if registry is not None:
            entries: list[RegistryEntry] = [
                *registry.actors,
                *(registry.meetings or []),
                *(registry.documents or []),
                *(registry.events or []),
            ]
            self._registry = {entry.id: entry for entry in entries}

    def item(self, ref: str) -> BaseModel:
        """The local item (actor, place, meeting, commitment, agenda item, ...) whose id is ``ref``."""
        try:
            return self._local[ref]
        except KeyError:
            raise UnknownReference("local item", ref) from None

    def registry_entry(self, ref: str) -> RegistryEntry:
        """The registry's actor, meeting, document or event whose id is ``ref``."""
        try:
            return self._registry[ref]
        except KeyError:
            raise UnknownReference("registry entry", ref) from None

    def actor(self, ref: str) -> Actor:
        """What an actor reference names: a local actor first, else the registry's actor."""
        local = self._local.get(ref)
        if isinstance(local, LocalActor):
            return local
        entry = self._registry.get(ref)
        if isinstance(entry, RegistryActor):
            return entry
        raise UnknownReference("actor", ref)

    def place(self, ref: str) -> Place:
        """The place of this annotation whose id is ``ref``."""
        return self._local_of(Place, "place", ref)

    def meeting(self, ref: str) -> Meeting:
        """The meeting of this annotation whose id is ``ref``."""
        return self._local_of(Meeting, "meeting", ref)

    def document(self, ref: str) -> Document:
        """The document of this annotation whose id is ``ref``."""
        return self._local_of(Document, "document", ref)

    def event(self, ref: str) -> Event:
        """The event of this annotation whose id is ``ref``."""
        return self._local_of(Event, "event", ref)

    def corpus_entry(self, item: Meeting | Document | Event) -> CorpusEntry | None:
        """The registry's entry for the same meeting, document or event across articles, if linked."""
        if item.corpus_id is None:
            return None
        entry = self.registry_entry(item.corpus_id)
        if isinstance(entry, RegistryActor):  # pragma: no cover - validation refuses a wrong kind
            raise UnknownReference("corpus meeting, document or event", item.corpus_id)
        return entry

    def name(self, ref: str) -> str:
        """A readable name for what ``ref`` names: the registry's name, else the first as written."""
        entry = self._registry.get(ref)
        if entry is not None:
            return entry.name if isinstance(entry, RegistryActor) else entry.names[0]
        names = getattr(self._local.get(ref), "names", None)
        if isinstance(names, list) and names:
            return str(getattr(names[0], "text", ref))
        if ref in self._local:
            return ref
        raise UnknownReference("item", ref)

    def _local_of(self, kind: type[_Item], label: str, ref: str) -> _Item:
        item = self._local.get(ref)
        if isinstance(item, kind):
            return item
        raise UnknownReference(label, ref)
