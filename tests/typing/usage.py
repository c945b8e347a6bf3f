"""Downstream code as a user writes it, checked by ``mypy --strict`` (``make typecheck``).

It is never run by pytest; its runtime counterpart is ``tests/test_model_lookup.py``. A change to the
generated models or the ``Lookup`` helper that makes user code less precise (``Any`` instead of a
model, a ``RootModel`` wrapper instead of ``str``) fails the type check.
"""

from __future__ import annotations

from typing import assert_type

from summit_schema import load_annotation, load_corpus, load_registry
from summit_schema.models import (
    Actor,
    Commitment,
    CorpusEntry,
    FactualityValue,
    Lookup,
    Meeting,
    Participant,
    RegistryActor,
    SummitAnnotation,
    UnknownReference,
)


def committers_by_state(annotation: SummitAnnotation, lookup: Lookup) -> dict[str, list[str]]:
    """Who committed on behalf of which state: ids and references are plain strings."""
    by_state: dict[str, list[str]] = {}
    for commitment in annotation.commitments or []:
        assert_type(commitment, Commitment)
        for capacity in commitment.capacities or []:
            assert_type(capacity.actor, str)
            state = capacity.on_behalf_of or capacity.actor
            by_state.setdefault(lookup.name(state), []).append(lookup.name(capacity.actor))
    return by_state


def certain_participants(meeting: Meeting, lookup: Lookup) -> list[str]:
    """Names of the participants reported as certainly there."""
    names: list[str] = []
    for participant in meeting.participants or []:
        assert_type(participant, Participant)
        factuality = participant.factuality
        if factuality is None or factuality.value is FactualityValue.CT_PLUS:
            actor = lookup.actor(participant.actor)
            assert_type(actor, Actor)
            if isinstance(actor, RegistryActor):
                names.append(actor.name)
            else:
                names.append(actor.names[0].text)
    return names


def same_summit_elsewhere(meeting: Meeting, lookup: Lookup) -> str | None:
    """The corpus id other articles use for this meeting, if it is linked."""
    entry = lookup.corpus_entry(meeting)
    assert_type(entry, CorpusEntry | None)
    return None if entry is None else entry.id


def main() -> None:
    annotation = load_annotation("annotations/003_289fc3a32fa86627.yaml")
    lookup = Lookup(annotation, load_registry("registry.yaml"))
    print(committers_by_state(annotation, lookup))
    for meeting in annotation.meetings or []:
        print(meeting.id, same_summit_elsewhere(meeting, lookup), certain_participants(meeting, lookup))
    try:
        lookup.meeting("no-such-meeting")
    except UnknownReference as unknown:
        print(unknown)


if __name__ == "__main__":
    main()


def figures_of_the_summit(folder: str) -> list[tuple[str, str, str]]:
    """The corpus API as docs/corpus.md shows it: one folder by name, a meeting that may be absent."""
    corpus = load_corpus(folder)
    summit = corpus.meeting("coalition-summit-paris-2026-01-06")
    if summit is None:
        return []
    return [(figure.article, figure.figure.text, figure.evidence[0].quote) for figure in summit.figures]
