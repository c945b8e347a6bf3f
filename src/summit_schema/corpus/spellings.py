"""The same person written differently: names of one registry person whose words are variant spellings.

"Zelensky", "Zelenskyy" and "Zelenskiy" are spellings of one name. Two names are variant spellings when
they differ and a word of one is at least 80% similar to a different word of the other (words of five
letters or more, compared without case). Each side is one article's spelling of the word that varies,
as written, with the evidence of every name of that article that writes it so: "Volodymyr Zelensky"
and "Zelensky" are one side. Persons, organisations, alliances and coalitions are compared; states
are not, as their other names are adjectives and metonyms ("German", "Moscow", "U.S."), not spellings.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache

from summit_schema.corpus.basics import ActorInfo, Disagreement, Name, Quote, Side

__all__ = ["spelling_disagreements", "variant_spellings"]

_MIN_WORD = 5
_SIMILARITY = 80.0


_COMPARED_KINDS = frozenset({"person", "organisation", "alliance", "coalition"})


def _written_words(text: str) -> list[str]:
    """The words of five letters or more of ``text``, as written."""
    return [
        word for word in "".join(c if c.isalnum() else " " for c in text).split() if len(word) >= _MIN_WORD
    ]


def _words(text: str) -> frozenset[str]:
    return frozenset(word.casefold() for word in _written_words(text))


@lru_cache(maxsize=4096)
def _similar(first: str, second: str) -> bool:
    from rapidfuzz import fuzz  # noqa: PLC0415 - only needed for reports

    return fuzz.ratio(first, second) >= _SIMILARITY


def _varying_words(first: str, second: str) -> set[str]:
    """The words (without case) of either name that the other spells differently."""
    mine, theirs = _words(first), _words(second)
    varying: set[str] = set()
    for a in mine - theirs:
        for b in theirs - mine:
            if _similar(a, b):
                varying.update((a, b))
    return varying


def variant_spellings(first: str, second: str) -> bool:
    """Whether two names write one name differently (see the module's description)."""
    return first != second and bool(_varying_words(first, second))


def _variant_words(names: Iterable[Name]) -> set[str]:
    """The words (without case) that some other name of the same actor spells differently."""
    texts = sorted({name.text for name in names})
    involved: set[str] = set()
    for index, first in enumerate(texts):
        for second in texts[index + 1 :]:
            involved |= _varying_words(first, second)
    return involved


def _spelling_sides(names: Iterable[Name], involved: set[str]) -> tuple[Side, ...]:
    gathered: dict[tuple[str, str], dict[Quote, None]] = {}
    for name in names:
        for word in _written_words(name.text):
            if word.casefold() in involved:
                gathered.setdefault((name.article, word), {}).update(dict.fromkeys(name.evidence))
    return tuple(
        Side(article, word, tuple(sorted(quotes, key=repr)))
        for (article, word), quotes in sorted(gathered.items())
    )


def spelling_disagreements(actors: Iterable[ActorInfo]) -> Iterator[Disagreement]:
    """One disagreement per registry actor whose articles spell one of their names differently."""
    for actor in actors:
        if not actor.registry or actor.kind not in _COMPARED_KINDS:
            continue
        if len({name.article for name in actor.names}) < 2:
            continue
        involved = _variant_words(actor.names)
        if not involved:
            continue
        sides = _spelling_sides(actor.names, involved)
        if len({side.article for side in sides}) > 1 and len({side.value for side in sides}) > 1:
            yield Disagreement("spelling", f"{actor.name}: spelling", actor.id, sides)
