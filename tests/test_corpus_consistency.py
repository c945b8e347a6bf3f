"""One fact, one coding: items that name the same corpus entry agree across the annotations.

A corpus id says "this is the same meeting, document or event as reported by another article". What the
articles agree on must then be coded alike in every file that reports it: the kind of the item, its
calendar date wherever one is given, the actors of a shared event, and the role each actor plays at a
shared meeting. The rules below are checked over the repository's annotations, and shown to catch a
disagreement planted in a copy.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML

from tests.conftest import REPO

_SECTIONS = ("meetings", "documents", "events")


def _load(folder: Path) -> dict[str, Mapping[str, Any]]:
    """Every annotation of ``folder`` by file name, loaded safely."""
    loader = YAML(typ="safe", pure=True)
    return {path.name: loader.load(path.read_text("utf-8")) for path in sorted(folder.glob("*.yaml"))}


def _corpus_items(annotations: Mapping[str, Mapping[str, Any]]) -> dict[str, list[tuple[str, Any]]]:
    """For each corpus id, the (file, item) pairs of the annotations that name it."""
    items: dict[str, list[tuple[str, Any]]] = defaultdict(list)
    for name, document in annotations.items():
        for section in _SECTIONS:
            for item in document.get(section) or []:
                if "corpus_id" in item:
                    items[item["corpus_id"]].append((name, item))
    return items


def _disagreements(annotations: Mapping[str, Mapping[str, Any]]) -> Iterator[str]:
    """Each way two files code one corpus entry differently: kind, date, an event's actors, a role."""
    for corpus_id, reports in _corpus_items(annotations).items():
        for label, value_of in (
            ("kind", lambda item: item.get("kind")),
            ("date", lambda item: (item.get("date") or {}).get("edtf")),
            ("actors", lambda item: frozenset(item["actors"]) if "actors" in item else None),
        ):
            values = {name: value_of(item) for name, item in reports if value_of(item) is not None}
            if len(set(values.values())) > 1:
                yield f"{corpus_id}: {label} differs: {values}"
        roles: dict[str, dict[str, str]] = defaultdict(dict)
        for name, item in reports:
            for participant in item.get("participants") or []:
                if "role" in participant:
                    roles[participant["actor"]][name] = participant["role"]
        for actor, by_file in roles.items():
            if len(set(by_file.values())) > 1:
                yield f"{corpus_id}: role of {actor} differs: {by_file}"


def test_the_corpus_codes_each_shared_entry_alike() -> None:
    """Every corpus entry reported by several files has one kind, date, set of actors, role per actor."""
    annotations = _load(REPO / "annotations")
    shared = {cid: reports for cid, reports in _corpus_items(annotations).items() if len(reports) > 1}
    assert len(shared) >= 3, "the rule must have shared entries to hold over"
    assert list(_disagreements(annotations)) == []


def test_a_planted_disagreement_is_found(tmp_path: Path) -> None:
    """A copy whose 004 makes Kushner a plain participant of the summit is caught, and only that."""
    folder = tmp_path / "annotations"
    folder.mkdir()
    for path in (REPO / "annotations").glob("*.yaml"):
        (folder / path.name).write_text(path.read_text("utf-8"), "utf-8")
    target = folder / "004_5a2de83960ae3976.yaml"
    text = target.read_text("utf-8")
    kushner = "      - actor: jared-kushner\n        role: envoy\n"
    assert text.count(kushner) == 1
    target.write_text(text.replace(kushner, kushner.replace("envoy", "participant")), "utf-8")
    found = list(_disagreements(_load(folder)))
    assert len(found) == 1
    assert found[0].startswith("coalition-summit-paris-2026-01-06: role of jared-kushner differs")
