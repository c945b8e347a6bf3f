"""The reconciled corpus: validated annotations merged by corpus identity, with sources' disagreements.

``load_corpus`` reads the files that validate without errors (listing the others with the reason) into
a frozen ``Corpus``; ``article_text`` reads an article's text again (quotes' offsets index into it);
``corpus_json`` is the JSON report (version 1), ``corpus_markdown`` the report for people;
``export_corpus`` writes the relational tables of ``corpus_tables`` (DuckDB, Parquet, JSON lines).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summit_schema._lazy import lazy_exports

if TYPE_CHECKING:
    from summit_schema.corpus.articles import ArticleChanged, article_text
    from summit_schema.corpus.basics import (
        ActorInfo,
        ArticleInfo,
        Condition,
        DateReport,
        Disagreement,
        Factuality,
        LeftOut,
        Name,
        Quantity,
        Quote,
        Side,
        local_item_id,
    )
    from summit_schema.corpus.claims import (
        Commitment,
        CommitmentParty,
        CommitmentReport,
        OpenIssue,
        Position,
        Statement,
    )
    from summit_schema.corpus.export import EXPORT_FORMATS, ExportUnavailable, export_corpus
    from summit_schema.corpus.items import (
        Document,
        DocumentReport,
        Event,
        EventReport,
        Figure,
        Meeting,
        MeetingReport,
        Participation,
        Provision,
    )
    from summit_schema.corpus.json_report import REPORT_VERSION, corpus_json
    from summit_schema.corpus.loader import CorpusUsageError, load_corpus
    from summit_schema.corpus.markdown_report import corpus_markdown
    from summit_schema.corpus.model import Corpus
    from summit_schema.corpus.tables import Table, corpus_tables

_HOMES = {
    "ArticleChanged": "articles",
    "article_text": "articles",
    **dict.fromkeys(
        (
            "ActorInfo", "ArticleInfo", "Condition", "DateReport", "Disagreement", "Factuality", "LeftOut",
            "Name", "Quantity", "Quote", "Side",
        ),
        "basics",
    ),
    **dict.fromkeys(
        ("Commitment", "CommitmentParty", "CommitmentReport", "OpenIssue", "Position", "Statement"), "claims"
    ),
    **dict.fromkeys(
        (
            "Document", "DocumentReport", "Event", "EventReport", "Figure", "Meeting", "MeetingReport",
            "Participation", "Provision",
        ),
        "items",
    ),
    "local_item_id": "basics",
    "EXPORT_FORMATS": "export",
    "ExportUnavailable": "export",
    "export_corpus": "export",
    "corpus_markdown": "markdown_report",
    "Table": "tables",
    "corpus_tables": "tables",
    "REPORT_VERSION": "json_report",
    "corpus_json": "json_report",
    "CorpusUsageError": "loader",
    "load_corpus": "loader",
    "Corpus": "model",
}  # fmt: skip

__all__ = [
    "EXPORT_FORMATS",
    "REPORT_VERSION",
    "ActorInfo",
    "ArticleChanged",
    "ArticleInfo",
    "Commitment",
    "CommitmentParty",
    "CommitmentReport",
    "Condition",
    "Corpus",
    "CorpusUsageError",
    "DateReport",
    "Disagreement",
    "Document",
    "DocumentReport",
    "Event",
    "EventReport",
    "ExportUnavailable",
    "Factuality",
    "Figure",
    "LeftOut",
    "Meeting",
    "MeetingReport",
    "Name",
    "OpenIssue",
    "Participation",
    "Position",
    "Provision",
    "Quantity",
    "Quote",
    "Side",
    "Statement",
    "Table",
    "article_text",
    "corpus_json",
    "corpus_markdown",
    "corpus_tables",
    "export_corpus",
    "load_corpus",
    "local_item_id",
]

__getattr__, __dir__ = lazy_exports(__name__, _HOMES)
