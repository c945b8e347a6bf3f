"""The semantic rules that came with 2.0.0, through the API on variations of a real example file."""

from __future__ import annotations

from summit_schema import validate_text
from tests.conftest import EXAMPLES

MINIMAL = EXAMPLES / "positive" / "minimal.yaml"
BODY = "      - quote: a meeting of Kyiv’s allies to discuss security guarantees for Ukraine\n"


def _rules(text: str) -> list[str]:
    return sorted(finding.rule for finding in validate_text(text, MINIMAL.with_name("case.yaml")).findings)


def _minimal() -> str:
    text = MINIMAL.read_text(encoding="utf-8")
    assert BODY in text
    return text


def test_furniture_beside_body_text_is_fine_and_alone_is_flagged() -> None:
    caption = "      - quote: Zelensky arrives in Paris\n        role: headline\n"
    assert _rules(_minimal().replace(BODY, BODY + caption, 1)) == []
    assert _rules(_minimal().replace(BODY, caption, 1)) == ["evidence-furniture-only"]


def test_a_caption_may_show_how_a_mention_is_named() -> None:
    mention = "          - quote: President Volodymyr Zelensky arrived in Paris\n"
    text = _minimal()
    assert mention in text
    assert _rules(text.replace(mention, mention + "            role: caption\n", 1)) == []


def test_corpus_ids_resolve_to_their_kind() -> None:
    meeting = "    kind: summit\n"
    text = _minimal()
    assert meeting in text
    good = text.replace(meeting, meeting + "    corpus_id: coalition-summit-paris-2026-01-06\n", 1)
    assert _rules(good) == []
    assert _rules(text.replace(meeting, meeting + "    corpus_id: twenty-point-plan\n", 1)) == [
        "corpus-wrong-kind"
    ]
    assert _rules(text.replace(meeting, meeting + "    corpus_id: paris-summit-2031\n", 1)) == [
        "corpus-unresolved"
    ]


def test_corpus_ids_in_a_released_1_0_0_file_are_rejected_by_its_schema() -> None:
    text = (
        _minimal().replace('schema_version: "2.0.0"', 'schema_version: "1.0.0"').replace("/2.0.0/", "/1.0.0/")
    )
    text = text.replace("counted: {category: countries}", "counted: countries")
    text = text.replace("counted: {category: troops}", "counted: troops")
    assert _rules(text) == []
    with_corpus = text.replace(
        "    kind: summit\n", "    kind: summit\n    corpus_id: twenty-point-plan\n", 1
    )
    assert _rules(with_corpus) == ["schema-additional-properties"]


CREDIT = "Benjamin Girette / Bloomberg / Getty Images"


def _with_cite(kind: str, role: str) -> str:
    language = "  language: en\n"
    text = _minimal()
    assert language in text
    cite = (
        f"  cites:\n    - source: getty-images\n      kind: {kind}\n      evidence:\n"
        f'        - quote: "{CREDIT}"\n          role: {role}\n'
    )
    mention = (
        "  - actor: getty-images\n    names:\n      - text: Getty Images\n        evidence:\n"
        f'          - quote: "{CREDIT}"\n            role: credit\n'
    )
    return text.replace(language, language + cite, 1).replace("mentions:\n", "mentions:\n" + mention, 1)


def test_a_photo_credit_may_rest_on_the_credit_but_no_other_source_on_furniture() -> None:
    """A cited source is a relation: only a photo credit may be cited on the credit line alone."""
    assert _rules(_with_cite("photo_credit", "credit")) == []
    assert _rules(_with_cite("news_organisation", "credit")) == ["evidence-furniture-only"]
    assert _rules(_with_cite("photo_credit", "teaser")) == ["evidence-furniture-only"]
