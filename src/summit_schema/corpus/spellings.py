"""The same person written differently: names of one registry person whose words are variant spellings.

"Zelensky", "Zelenskyy" and "Zelenskiy" are spellings of one name. Two names are variant spellings when
they differ and a word of one is at least 80% similar to a different word of the other (words of five
letters or more, compared without case). Only persons are compared: a state's other names are
adjectives and metonyms ("German", "Moscow", "U.S."), not spellings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from summit_schema.corpus.basics import ActorInfo, Disagreement, Name, Side

__all__ = ["spelling_disagreements", "variant_spellings"]

_MIN_WORD = 5
_SIMILARITY = 80.0


def _words(text: str) -> frozenset[str]:
    return frozenset(
        word
        for word in ("".join(c if c.isalnum() else " " for c in text.casefold())).split()
        if len(word) >= _MIN_WORD
    )


@lru_cache(maxsize=4096)
def _similar(first: str, second: str) -> bool:
    from rapidfuzz import fuzz  # noqa: PLC0415 - only needed for reports

    return fuzz.ratio(first, second) >= _SIMILARITY


def variant_spellings(first: str, second: str) -> bool:
    """Whether two names write one name differently (see the module's description)."""
    if first == second:
        return False
    mine, theirs = _words(first), _words(second)
    return any(a != b and _similar(a, b) for a in mine - theirs for b in theirs - mine)


def _variant_names(names: Iterable[Name]) -> set[str]:
    texts = sorted({name.text for name in names})
    involved: set[str] = set()
    for index, first in enumerate(texts):
        for second in texts[index + 1 :]:
            if variant_spellings(first, second):
                involved.update((first, second))
    return involved


def spelling_disagreements(actors: Iterable[ActorInfo]) -> Iterator[Disagreement]:
    """One disagreement per registry person whose articles spell one of their names differently."""
    for actor in actors:
        if not actor.registry or actor.kind != "person" or len({name.article for name in actor.names}) < 2:
            continue
        involved = _variant_names(actor.names)
        sides = tuple(
            Side(name.article, name.text, name.evidence)
            for name in sorted(actor.names, key=lambda name: (name.article, name.text))
            if name.text in involved
        )
        if len({side.article for side in sides}) > 1:
            yield Disagreement("spelling", f"{actor.name}: spelling", actor.id, sides)
