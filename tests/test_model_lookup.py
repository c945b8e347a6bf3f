"""Following references through the typed models with ``Lookup``, on the real annotations."""

from __future__ import annotations

import runpy
from pathlib import Path

import pytest
from pydantic import BaseModel, RootModel

from summit_schema import load_annotation, load_registry
from summit_schema.models import (
    CorpusDocument,
    CorpusEvent,
    CorpusMeeting,
    Lookup,
    RegistryActor,
    SummitAnnotation,
    UnknownReference,
)
from tests.conftest import REPO

ANNOTATIONS = sorted((REPO / "annotations").glob("*.yaml"))


def _lookup(path: Path) -> tuple[SummitAnnotation, Lookup]:
    annotation = load_annotation(path)
    return annotation, Lookup(annotation, load_registry(REPO / "registry.yaml"))


def _models(node: object) -> list[BaseModel]:
    if isinstance(node, BaseModel):
        return [node, *(model for name in type(node).model_fields for model in _models(getattr(node, name)))]
    if isinstance(node, list):
        return [model for element in node for model in _models(element)]
    return []


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda path: path.stem)
def test_ids_and_references_are_plain_strings(path: Path) -> None:
    """No value of a loaded annotation is wrapped in a RootModel: ``meeting.id`` is a ``str``."""
    annotation, _ = _lookup(path)
    models = _models(annotation)
    assert not [model for model in models if isinstance(model, RootModel)]
    assert all(isinstance(meeting.id, str) for meeting in annotation.meetings or [])


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda path: path.stem)
def test_every_actor_reference_resolves(path: Path) -> None:
    """Committers, recipients and participants of a valid annotation all name an actor."""
    annotation, lookup = _lookup(path)
    refs = [ref for commitment in annotation.commitments or [] for ref in commitment.committers]
    refs += [ref for commitment in annotation.commitments or [] for ref in commitment.recipients or []]
    refs += [p.actor for meeting in annotation.meetings or [] for p in meeting.participants or []]
    assert refs
    for ref in refs:
        actor = lookup.actor(ref)
        assert actor.id == ref
        assert lookup.name(ref)
        if isinstance(actor, RegistryActor):
            assert lookup.registry_entry(ref) is actor
            assert lookup.name(ref) == actor.name


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda path: path.stem)
def test_corpus_ids_lead_to_the_registry_entry_of_the_same_kind(path: Path) -> None:
    """A meeting, document or event linked to the corpus finds its registry entry of that kind."""
    annotation, lookup = _lookup(path)
    linked = 0
    for items, kind in (
        (annotation.meetings, CorpusMeeting),
        (annotation.documents, CorpusDocument),
        (annotation.events, CorpusEvent),
    ):
        for item in items or []:
            entry = lookup.corpus_entry(item)
            assert (entry is None) == (item.corpus_id is None)
            if entry is not None:
                linked += 1
                assert isinstance(entry, kind)
                assert entry.id == item.corpus_id
    assert linked


def test_local_items_are_found_by_kind_and_nested_ids_by_item() -> None:
    """Local lookups check the kind; agenda items and outcomes nested in a meeting are items too."""
    annotation, lookup = _lookup(REPO / "annotations" / "003_289fc3a32fa86627.yaml")
    meeting = (annotation.meetings or [])[0]
    assert lookup.meeting(meeting.id) is meeting
    assert lookup.item(meeting.id) is meeting
    with pytest.raises(UnknownReference, match="no document"):
        lookup.document(meeting.id)
    for nested in [*(meeting.agenda or []), *(meeting.outcomes or [])]:
        if nested.id is not None:
            assert lookup.item(nested.id) is nested


def test_unknown_references_raise_a_lookup_error_naming_the_kind() -> None:
    """A reference that names nothing raises UnknownReference (a LookupError), never returns None."""
    _, lookup = _lookup(REPO / "annotations" / "000_64540a4bbaf7cb86.yaml")
    for call, kind in (
        (lookup.actor, "actor"),
        (lookup.meeting, "meeting"),
        (lookup.registry_entry, "registry entry"),
        (lookup.name, "item"),
    ):
        with pytest.raises(LookupError, match=f"no {kind} 'keir-stammer'"):
            call("keir-stammer")


def test_the_typed_usage_example_runs(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The file mypy checks as downstream code (tests/typing/usage.py) also runs on the real corpus."""
    monkeypatch.chdir(REPO)
    runpy.run_path(str(REPO / "tests" / "typing" / "usage.py"), run_name="__main__")
    output = capsys.readouterr().out
    assert "coalition-summit-paris-2026-01-06" in output
    assert "no meeting 'no-such-meeting'" in output
