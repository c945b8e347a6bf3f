"""Names for the unions the schema leaves unnamed: what an actor reference or a registry id can name."""

from __future__ import annotations

from typing import TypeAlias

from summit_schema._generated.annotation import AnonymousSource, Delegation, Group
from summit_schema._generated.registry import (
    Alliance,
    Coalition,
    CorpusDocument,
    CorpusEvent,
    CorpusMeeting,
    Organisation,
    Person,
    State,
)

__all__ = ["Actor", "CorpusEntry", "LocalActor", "RegistryActor", "RegistryEntry"]

RegistryActor: TypeAlias = Person | State | Organisation | Alliance | Coalition
"""An actor of the registry: the same id in every annotation."""

LocalActor: TypeAlias = Delegation | AnonymousSource | Group
"""An actor that exists only inside one annotation (``local_actors``)."""

Actor: TypeAlias = RegistryActor | LocalActor
"""What an ``ActorRef`` names: a registry actor or a local one."""

CorpusEntry: TypeAlias = CorpusMeeting | CorpusDocument | CorpusEvent
"""A meeting, document or event of the registry, the one identity several articles report."""

RegistryEntry: TypeAlias = RegistryActor | CorpusEntry
"""Anything the registry holds under an id."""
