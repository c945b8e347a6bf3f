"""The reconciled corpus: validated annotations merged by corpus identity, with sources' disagreements.

``load_corpus`` reads the files that validate without errors (listing the others with the reason) into
a frozen ``Corpus``; ``corpus_json`` is the JSON report (version 1); ``write_markdown`` the report for
people; ``export_corpus`` writes the relational tables (DuckDB, Parquet, JSON lines).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from summit_schema._lazy import lazy_exports

if TYPE_CHECKING:
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
    )
    from summit_schema.corpus.claims import (
        Commitment,
        CommitmentParty,
        CommitmentReport,
        OpenIssue,
        Position,
        Statement,
    )
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
    from summit_schema.corpus.model import Corpus

_HOMES = {
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
    "REPORT_VERSION": "json_report",
    "corpus_json": "json_report",
    "CorpusUsageError": "loader",
    "load_corpus": "loader",
    "Corpus": "model",
}  # fmt: skip

__all__ = [
    "REPORT_VERSION",
    "ActorInfo",
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
    "corpus_json",
    "load_corpus",
]

__getattr__, __dir__ = lazy_exports(__name__, _HOMES)
