"""``load_corpus``: the typed corpus of the valid files, merged by corpus identity whatever the file order."""

from __future__ import annotations

import copy
import dataclasses
import datetime
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml_rs
from hypothesis import given, settings
from hypothesis import strategies as st

from summit_schema import load_corpus
from summit_schema.corpus import Commitment, Corpus, CorpusUsageError, Meeting, corpus_json
from summit_schema.corpus.contribution import Contribution
from summit_schema.corpus.extract import contribution_of
from summit_schema.corpus.merge import CorpusBuilder
from summit_schema.corpus.quotes import ArticleIndex
from summit_schema.corpus.registry_view import RegistryView
from tests.conftest import REPO

SUMMIT = "coalition-summit-paris-2026-01-06"
DECLARATION = "coalition-paris-declaration:coalition-of-the-willing:security_guarantees"
ARTICLE_003 = "003_289fc3a32fa86627"


def _copy_article(project: Path, article: str, new_id: str, edit: Any = None) -> Path:
    """A second annotation of a copy of ``article`` under the id ``new_id`` (the seed copied too)."""
    shutil.copy2(project / "seeds" / f"{article}.txt", project / "seeds" / f"{new_id}.txt")
    text = (project / "annotations" / f"{article}.yaml").read_text(encoding="utf-8")
    text = text.replace(f'id: "{article}"', f'id: "{new_id}"').replace(
        f"seeds/{article}.txt", f"seeds/{new_id}.txt"
    )
    if edit is not None:
        text = edit(text)
    target = project / "annotations" / f"{new_id}.yaml"
    target.write_text(text, encoding="utf-8")
    return target


def test_the_corpus_is_typed_and_frozen(project: Path) -> None:
    corpus = load_corpus(["annotations"], jobs=1)
    assert isinstance(corpus, Corpus)
    summit = corpus.meeting(SUMMIT)
    assert isinstance(summit, Meeting)
    assert summit.corpus
    assert summit.kind == "summit"
    with pytest.raises(dataclasses.FrozenInstanceError):
        summit.id = "other"  # type: ignore[misc]
    assert all(isinstance(commitment, Commitment) for commitment in corpus.commitments)
    assert corpus.left_out == ()
    assert corpus.files == 5


def test_one_path_is_given_as_itself_and_a_file_reached_twice_is_read_once(project: Path) -> None:
    whole = load_corpus(["annotations"], jobs=1)
    assert load_corpus("annotations", jobs=1) == whole
    assert load_corpus(Path("annotations"), jobs=1) == whole
    twice = load_corpus(("annotations", "annotations/000_64540a4bbaf7cb86.yaml", "./annotations"), jobs=1)
    assert twice == whole
    assert twice.files == 5
    single = load_corpus("annotations/003_289fc3a32fa86627.yaml", jobs=1)
    assert [article.id for article in single.articles] == [ARTICLE_003]


def test_the_registry_is_no_annotation(project: Path) -> None:
    with pytest.raises(
        CorpusUsageError, match=r"registry\.yaml: is the project's registry, not an annotation"
    ):
        load_corpus(["annotations", "registry.yaml"], jobs=1)


def test_the_api_gives_the_content_of_the_json_report(project: Path, run_cli: Any) -> None:
    printed = run_cli("report", "--format", "json").json()
    assert json.loads(json.dumps(corpus_json(load_corpus(jobs=1)))) == printed


def test_file_order_and_workers_do_not_change_the_corpus(project: Path) -> None:
    files = sorted(str(path) for path in (project / "annotations").glob("*.yaml"))
    _copy_article(project, ARTICLE_003, "003-again")
    files_with_copy = [*files, str(project / "annotations" / "003-again.yaml")]
    forward = load_corpus(files_with_copy, jobs=1)
    backward = load_corpus(list(reversed(files_with_copy)), jobs=2)
    assert forward == backward


def test_a_second_article_reporting_a_commitment_differently_is_a_disagreement(
    project: Path, run_cli: Any
) -> None:
    _copy_article(
        project,
        ARTICLE_003,
        "003-agreed",
        lambda text: text.replace("firmness: signed", "firmness: agreed", 1),
    )
    report = run_cli("report", "--format", "json").json()
    commitment = next(item for item in report["commitments"] if item["id"] == DECLARATION)
    assert commitment["articles"] == ["003-agreed", ARTICLE_003]
    firmness = [item for item in report["disagreements"] if item["kind"] == "firmness"]
    assert [(side["article"], side["value"]) for side in firmness[0]["sides"]] == [
        ("003-agreed", "agreed"),
        (ARTICLE_003, "signed"),
    ]
    assert all(side["evidence"] for side in firmness[0]["sides"])


# -- the merge rules, for every input ------------------------------------------------------------------


def _data(name: str) -> dict[str, Any]:
    data: dict[str, Any] = yaml_rs.loads(
        (REPO / "annotations" / f"{name}.yaml").read_text(encoding="utf-8"), parse_datetime=False
    )
    return data


_REGISTRY = RegistryView.of(
    yaml_rs.loads((REPO / "registry.yaml").read_text(encoding="utf-8"), parse_datetime=False)
)
_NAMES = sorted(path.stem for path in (REPO / "annotations").glob("*.yaml"))
_DATA = {name: _data(name) for name in _NAMES}
_TEXTS = {name: (REPO / "seeds" / f"{name}.txt").read_text(encoding="utf-8") for name in _NAMES}


def _contribution(
    name: str, data: dict[str, Any], article_id: str | None = None, file: str | None = None
) -> Contribution:
    article_id = article_id or name
    data = copy.deepcopy(data)
    data["article"]["id"] = article_id
    return contribution_of(
        data, file or f"{article_id}.yaml", ArticleIndex(article_id, _TEXTS[name]), set(_REGISTRY.actors)
    )


def _built(contributions: list[Contribution]) -> Corpus:
    builder = CorpusBuilder()
    for contribution in contributions:
        builder.add(contribution)
    return builder.build(_REGISTRY, [])


_BASE = [_contribution(name, _DATA[name]) for name in _NAMES]
_DUPLICATE = _contribution(ARTICLE_003, _DATA[ARTICLE_003], file="a-second-annotator.yaml")


@settings(max_examples=30)
@given(st.permutations([*_BASE, _DUPLICATE]))
def test_the_merge_does_not_depend_on_the_order_of_files(contributions: list[Contribution]) -> None:
    assert _built(contributions) == _built([*_BASE, _DUPLICATE])


def test_a_second_file_of_the_same_article_adds_nothing_twice() -> None:
    once, twice = _built(_BASE), _built([*_BASE, _DUPLICATE])
    assert dataclasses.replace(twice, files=once.files) == once


def _with_copy(edit: Any) -> Corpus:
    changed = copy.deepcopy(_DATA[ARTICLE_003])
    edit(changed)
    return _built([_BASE[3], _contribution(ARTICLE_003, changed, article_id="copy")])


_FIRMNESS = ["goal", "openness", "readiness", "intention", "pledge", "agreed", "signed", "legally_binding"]


@given(st.sampled_from(_FIRMNESS), st.sampled_from(["CT+", "PR+", "PS+", "CT-", "Uu"]))
def test_a_commitment_reported_with_other_firmness_or_factuality_is_a_disagreement(
    firmness: str, factuality: str
) -> None:
    def edit(data: dict[str, Any]) -> None:
        commitment = next(
            item for item in data["commitments"] if item["id"] == "coalition-declaration-guarantees"
        )
        commitment["firmness"] = firmness
        commitment["factuality"]["value"] = factuality

    found = {(item.kind, item.item) for item in _with_copy(edit).disagreements}
    assert (("firmness", DECLARATION) in found) == (firmness != "signed")
    assert (("factuality", DECLARATION) in found) == (factuality != "CT+")


@given(st.integers(min_value=1, max_value=99), st.sampled_from(["exact", "approximate", "at_least"]))
def test_a_count_reported_with_another_number_is_a_disagreement(amount: int, qualifier: str) -> None:
    def edit(data: dict[str, Any]) -> None:
        summit = next(item for item in data["meetings"] if item.get("corpus_id") == SUMMIT)
        figure = next(
            item["figure"] for item in summit["attendance"] if item["figure"]["text"] == "Around 35"
        )
        figure.update(amount=str(amount), qualifier=qualifier)

    subjects = {item.subject for item in _with_copy(edit).disagreements if item.kind == "figure"}
    differs = (str(amount), qualifier) != ("35", "approximate")
    assert ("Coalition of the Willing summit in Paris: number of countries" in subjects) == differs


@given(st.sampled_from(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]))
def test_a_meeting_reported_on_another_day_is_a_disagreement(weekday: str) -> None:
    def edit(data: dict[str, Any]) -> None:
        summit = next(item for item in data["meetings"] if item.get("corpus_id") == SUMMIT)
        summit["date"]["weekday"] = weekday
        summit["date"].pop("edtf", None)

    dates = [item for item in _with_copy(edit).disagreements if item.kind == "date" and item.item == SUMMIT]
    assert bool(dates) == (weekday != "tuesday")
    if dates:
        assert {side.value for side in dates[0].sides} == {"2026-01-06 (tuesday)", weekday}


@given(st.dates(min_value=datetime.date(2026, 1, 1), max_value=datetime.date(2026, 1, 31)))
def test_a_weekday_alone_stands_against_a_full_date_on_another_day(day: datetime.date) -> None:
    """One article names only a weekday, another gives a full date: they disagree when its weekday differs,
    and both sides are shown."""

    def edit(data: dict[str, Any]) -> None:
        summit = next(item for item in data["meetings"] if item.get("corpus_id") == SUMMIT)
        summit["date"]["edtf"] = day.isoformat()
        summit["date"].pop("weekday", None)

    weekday_only = copy.deepcopy(_DATA[ARTICLE_003])
    summit = next(item for item in weekday_only["meetings"] if item.get("corpus_id") == SUMMIT)
    summit["date"].pop("edtf", None)
    changed = copy.deepcopy(_DATA[ARTICLE_003])
    edit(changed)
    corpus = _built(
        [
            _contribution(ARTICLE_003, weekday_only, article_id="weekday"),
            _contribution(ARTICLE_003, changed, article_id="full"),
        ]
    )
    dates = [item for item in corpus.disagreements if item.kind == "date" and item.item == SUMMIT]
    named = _WEEKDAY_NAMES[day.weekday()]
    assert bool(dates) == (named != "tuesday")
    if dates:
        assert {(side.article, side.value) for side in dates[0].sides} == {
            ("weekday", "tuesday"),
            ("full", f"{day.isoformat()} ({named})"),
        }


_WEEKDAY_NAMES = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_ROLES = [
    "host",
    "co_host",
    "chair",
    "participant",
    "guest",
    "envoy",
    "briefer",
    "head_of_delegation",
    "opener",
]


@given(st.sampled_from(_ROLES))
def test_a_participant_reported_in_another_role_is_a_disagreement(role: str) -> None:
    def edit(data: dict[str, Any]) -> None:
        summit = next(item for item in data["meetings"] if item.get("corpus_id") == SUMMIT)
        host = next(item for item in summit["participants"] if item["actor"] == "emmanuel-macron")
        host["role"] = role

    roles = [item for item in _with_copy(edit).disagreements if item.kind == "role" and item.item == SUMMIT]
    assert bool(roles) == (role != "participant")
    if roles:
        assert roles[0].subject == "Coalition of the Willing summit in Paris: role of Emmanuel Macron"
        assert {(side.article, side.value) for side in roles[0].sides} == {
            (ARTICLE_003, "participant"),
            ("copy", role),
        }
        assert all(side.evidence for side in roles[0].sides)


def test_items_without_a_corpus_id_are_never_merged() -> None:
    corpus = _with_copy(lambda data: None)
    local = [meeting for meeting in corpus.meetings if not meeting.corpus]
    assert local
    assert all(len(meeting.articles) == 1 for meeting in local)
    assert corpus.meeting(SUMMIT) is not None
    assert corpus.meeting(SUMMIT).articles == ("003_289fc3a32fa86627", "copy")  # type: ignore[union-attr]
