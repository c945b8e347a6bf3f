"""The closest passage of a near-miss quote: always whole words of the article, never cut mid-word."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from summit_schema.semantics.textmatch import explain_miss, normalize

_WORDS = st.lists(st.text(alphabet="abcdefgh,.", min_size=1, max_size=12), min_size=1, max_size=40)


@given(_WORDS, st.integers(0, 400), st.integers(1, 120), st.integers(0, 3))
def test_the_closest_passage_is_whole_words_of_the_text(
    words: list[str], start: int, length: int, typo: int
) -> None:
    """For any text and any near-miss quote cut from it, the passage shown starts and ends at words."""
    text = normalize(" ".join(words))
    start = min(start, len(text) - 1)
    quote = normalize(text[start : start + length])
    if typo:
        quote = normalize(quote[:typo] + "z" + quote[typo + 1 :])
    miss = explain_miss(text, quote)
    if miss is None or not miss.reason.startswith("the closest passage"):
        return
    assert miss.passage
    assert miss.passage == miss.passage.strip()
    padded = f" {text} "
    assert f" {miss.passage} " in padded  # an occurrence bounded by spaces or the ends of the text
