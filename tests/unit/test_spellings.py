"""Spelling disagreements: which actors are compared, and one side per article and spelling."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summit_schema.corpus.basics import ActorInfo, Name, Quote
from summit_schema.corpus.spellings import spelling_disagreements, variant_spellings


def _actor(kind: str, names: list[tuple[str, str]]) -> ActorInfo:
    return ActorInfo(
        id="someone",
        kind=kind,
        name=names[0][1],
        registry=True,
        names=tuple(Name(article, text, (Quote(article, text, 0, len(text)),)) for article, text in names),
    )


@pytest.mark.parametrize(
    ("kind", "compared"),
    [("person", True), ("organisation", True), ("alliance", True), ("coalition", True), ("state", False)],
)
def test_states_alone_are_not_compared(kind: str, compared: bool) -> None:
    actor = _actor(kind, [("a", "Organisation for Security"), ("b", "Organization for Security")])
    assert bool(list(spelling_disagreements([actor]))) == compared


def test_a_surname_alone_and_the_full_name_are_one_side() -> None:
    actor = _actor("person", [("a", "Volodymyr Zelensky"), ("a", "Zelensky"), ("b", "Zelenskiy")])
    (disagreement,) = spelling_disagreements([actor])
    assert [(side.article, side.value, len(side.evidence)) for side in disagreement.sides] == [
        ("a", "Zelensky", 2),
        ("b", "Zelenskiy", 1),
    ]


@given(st.text(alphabet="abcdefghij ", min_size=1, max_size=30))
def test_a_name_is_no_variant_of_itself_and_one_article_never_disagrees(text: str) -> None:
    assert not variant_spellings(text, text)
    actor = _actor("person", [("a", text), ("a", text + "x"), ("a", "x" + text)])
    assert list(spelling_disagreements([actor])) == []
