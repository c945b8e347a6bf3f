"""The columns of every exported table: name and SQL type, in order (documented in ``docs/corpus.md``)."""

from __future__ import annotations

__all__ = ["COLUMNS"]

_T = "VARCHAR"
_LIST = "VARCHAR[]"
_INT = "BIGINT"
_BOOL = "BOOLEAN"

_QUANTITY = (
    ("text", _T), ("qualifier", _T), ("amount", _T), ("lower_bound", _T), ("upper_bound", _T), ("unit", _T),
    ("category", _T), ("label", _T),
)  # fmt: skip
_FACTUALITY = (("factuality", _T), ("basis", _T))

COLUMNS: dict[str, tuple[tuple[str, str], ...]] = {
    "articles": (
        ("article_id", _T), ("source", _T), ("sha256", _T), ("outlet", _T), ("title", _T), ("language", _T),
        ("published", _T), ("annotation", _T),
    ),
    "actors": (("actor_id", _T), ("kind", _T), ("name", _T), ("registry", _BOOL), ("article_id", _T)),
    "actor_names": (("actor_id", _T), ("article_id", _T), ("text", _T), ("is_title", _BOOL)),
    "meetings": (
        ("meeting_id", _T), ("corpus", _BOOL), ("name", _T), ("kind", _T), ("registry_date", _T),
        ("summary", _T), ("articles", _LIST),
    ),
    "meeting_reports": (
        ("meeting_id", _T), ("article_id", _T), ("local_id", _T), ("kind", _T), ("summary", _T), ("status", _T),
        ("location", _T), *_FACTUALITY, ("date_text", _T), ("date_edtf", _T), ("date_weekday", _T),
    ),
    "participations": (
        ("participation_id", _T), ("meeting_id", _T), ("actor_id", _T), ("article_id", _T), ("role", _T),
        ("attendance", _T), ("represented_by", _LIST), *_FACTUALITY,
    ),
    "figures": (("figure_id", _T), ("meeting_id", _T), ("article_id", _T), *_QUANTITY, *_FACTUALITY),
    "documents": (
        ("document_id", _T), ("corpus", _BOOL), ("name", _T), ("kind", _T), ("registry_date", _T),
        ("summary", _T), ("articles", _LIST), ("meetings", _LIST),
    ),
    "document_reports": (
        ("document_id", _T), ("article_id", _T), ("local_id", _T), ("kind", _T), ("summary", _T),
        ("status", _T), ("meeting_id", _T), ("authors", _LIST), ("signatories", _LIST),
    ),
    "provisions": (
        ("provision_id", _T), ("document_id", _T), ("article_id", _T), ("local_id", _T), ("summary", _T),
        ("obligated", _LIST), ("beneficiaries", _LIST), ("kinds", _LIST), *_FACTUALITY,
    ),
    "events": (("event_id", _T), ("corpus", _BOOL), ("name", _T), ("summary", _T), ("articles", _LIST)),
    "event_reports": (
        ("event_id", _T), ("article_id", _T), ("local_id", _T), ("kind", _T), ("summary", _T), *_FACTUALITY,
    ),
    "commitments": (
        ("commitment_id", _T), ("corpus", _BOOL), ("committers", _LIST), ("recipients", _LIST), ("kinds", _LIST),
        ("polarity", _T), ("made_at", _T), ("instrument", _T), ("articles", _LIST),
    ),
    "commitment_reports": (
        ("commitment_id", _T), ("article_id", _T), ("local_id", _T), ("summary", _T), ("firmness", _T),
        ("plover_event", _T), *_FACTUALITY, ("according_to", _LIST),
    ),
    "commitment_parties": (
        ("commitment_id", _T), ("article_id", _T), ("actor_id", _T), ("side", _T), ("on_behalf_of", _T),
        ("role", _T),
    ),
    "conditions": (
        ("condition_id", _T), ("owner_type", _T), ("owner_id", _T), ("article_id", _T), ("kind", _T),
        ("summary", _T),
    ),
    "open_issues": (
        ("issue_id", _T), ("article_id", _T), ("local_id", _T), ("question", _T), ("topic", _T), ("status", _T),
        ("raised_at", _T),
    ),
    "positions": (
        ("position_id", _T), ("issue_id", _T), ("article_id", _T), ("position_index", _INT), ("holders", _LIST),
        ("summary", _T), *(("estimate_" + name, kind) for name, kind in _QUANTITY), *_FACTUALITY,
    ),
    "statements": (
        ("statement_id", _T), ("article_id", _T), ("local_id", _T), ("speaker", _T), ("kind", _T), ("mode", _T),
        ("summary", _T), ("about", _LIST), *_FACTUALITY,
    ),
    "evidence": (
        ("item_type", _T), ("item_id", _T), ("article_id", _T), ("quote", _T), ("start_offset", _INT),
        ("end_offset", _INT), ("role", _T),
    ),
    "left_out": (("file", _T), ("reason", _T), ("errors", _INT)),
}  # fmt: skip
