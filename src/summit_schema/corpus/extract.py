"""Turning one validated annotation into its contribution to the corpus."""

from __future__ import annotations

from typing import Any

from summit_schema.corpus.basics import ActorInfo, ArticleInfo, local_item_id
from summit_schema.corpus.contribution import Contribution
from summit_schema.corpus.extract_claims import add_claims
from summit_schema.corpus.extract_items import add_documents, add_events, add_meetings
from summit_schema.corpus.quotes import ArticleIndex
from summit_schema.corpus.reading import AnnotationReader, items_of

__all__ = ["contribution_of"]


def _text(value: Any) -> str | None:
    if isinstance(value, dict) and isinstance(value.get("text"), str):
        return str(value["text"])
    return None


def _article_info(data: dict[str, Any], annotation: str) -> ArticleInfo:
    article = data["article"]
    published = article.get("published")
    published_text = None
    if isinstance(published, dict):
        published_text = published.get("edtf") if isinstance(published.get("edtf"), str) else _text(published)
    return ArticleInfo(
        id=article["id"],
        source=article["source"],
        sha256=article["sha256"],
        annotation=annotation,
        outlet=_text(article.get("outlet")),
        title=_text(article.get("title")),
        language=article.get("language") if isinstance(article.get("language"), str) else None,
        published=published_text,
    )


def contribution_of(
    data: dict[str, Any], annotation: str, article: ArticleIndex, registry_actors: set[str]
) -> Contribution:
    """The reports of one annotation (``data``, validated) about the article whose text is ``article``."""
    reader = AnnotationReader(data, article, registry_actors)
    contribution = Contribution(_article_info(data, annotation))
    for mention in items_of(data, "mentions"):
        actor = mention.get("actor")
        if isinstance(actor, str):
            contribution.mentions.extend((actor, name, False) for name in reader.names(mention))
            contribution.mentions.extend((actor, title, True) for title in reader.names(mention, "titles"))
    for local in items_of(data, "local_actors"):
        names = reader.names(local)
        contribution.local_actors.append(
            ActorInfo(
                id=local_item_id(reader.article_id, str(local.get("id"))),
                kind=str(local.get("kind", "")),
                name=names[0].text if names else str(local.get("id")),
                registry=False,
                names=names,
                article=reader.article_id,
            )
        )
    add_meetings(reader, contribution)
    add_documents(reader, contribution)
    add_events(reader, contribution)
    add_claims(reader, contribution)
    return contribution
