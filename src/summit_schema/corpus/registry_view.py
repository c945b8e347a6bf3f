"""What the corpus takes from a project's registry: actor names and kinds, and its corpus-level entries."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["CorpusEntry", "RegistryView"]


@dataclass(frozen=True)
class CorpusEntry:
    """A registry meeting, document or event: the identity several articles share."""

    id: str
    name: str
    date: str | None
    summary: str | None


@dataclass
class RegistryView:
    """The registry's actors (id → kind and name) and corpus entries (id → entry), by section."""

    actors: dict[str, tuple[str, str]] = field(default_factory=dict)
    meetings: dict[str, CorpusEntry] = field(default_factory=dict)
    documents: dict[str, CorpusEntry] = field(default_factory=dict)
    events: dict[str, CorpusEntry] = field(default_factory=dict)

    @classmethod
    def of(cls, data: Any) -> RegistryView:
        """The view of a registry's data (validated: anything unexpected is skipped)."""
        view = cls()
        if not isinstance(data, dict):
            return view
        for actor in _entries(data, "actors"):
            view.actors[actor["id"]] = (str(actor.get("kind", "")), str(actor.get("name", actor["id"])))
        for section, target in (
            ("meetings", view.meetings),
            ("documents", view.documents),
            ("events", view.events),
        ):
            for entry in _entries(data, section):
                names = entry.get("names")
                name = names[0] if isinstance(names, list) and names and isinstance(names[0], str) else None
                target[entry["id"]] = CorpusEntry(
                    entry["id"],
                    name or entry["id"],
                    entry.get("date") if isinstance(entry.get("date"), str) else None,
                    entry.get("summary") if isinstance(entry.get("summary"), str) else None,
                )
        return view

    def merge(self, other: RegistryView) -> None:
        """Add another project's entries (the first project's entry wins for an id both hold)."""
        for mine, theirs in (
            (self.meetings, other.meetings),
            (self.documents, other.documents),
            (self.events, other.events),
        ):
            for key, value in theirs.items():
                mine.setdefault(key, value)
        for key, actor in other.actors.items():
            self.actors.setdefault(key, actor)


def _entries(data: dict[str, Any], section: str) -> list[dict[str, Any]]:
    items = data.get(section)
    if not isinstance(items, list):
        return []
    return [item for item in items if isinstance(item, dict) and isinstance(item.get("id"), str)]
