"""Commitments, open issues and statements of one annotation.

A commitment has no corpus id of its own. Two articles' commitments are taken to be one when they are
anchored alike: set down in the same corpus document (``instrument``) or, lacking one, made at the same
corpus meeting (``made_at``), by the same registry actors, of the same kinds and polarity. Any other
commitment keeps to its article (``article:local``).
"""

from __future__ import annotations

from typing import Any

from summit_schema.corpus.basics import local_item_id
from summit_schema.corpus.claims import CommitmentParty, CommitmentReport, OpenIssue, Position, Statement
from summit_schema.corpus.contribution import CommitmentHeader, Contribution
from summit_schema.corpus.reading import AnnotationReader, items_of, quantity

__all__ = ["add_claims", "commitment_header"]


def _corpus_anchor(reader: AnnotationReader, commitment: dict[str, Any]) -> str | None:
    for key in ("instrument", "made_at"):
        local = commitment.get(key)
        if isinstance(local, str):
            corpus_id = reader.ref(local)
            if corpus_id is not None and ":" not in corpus_id:
                return corpus_id
    return None


def commitment_header(reader: AnnotationReader, commitment: dict[str, Any]) -> CommitmentHeader:
    """The commitment's corpus-wide id and what identifies it."""
    committers = reader.refs(commitment.get("committers"))
    kinds = tuple(sorted(str(kind) for kind in commitment.get("kinds", ())))
    polarity = str(commitment.get("polarity", "positive"))
    anchor = _corpus_anchor(reader, commitment)
    shared = anchor is not None and all(actor in reader.registry_actors for actor in committers)
    if shared:
        item_id = f"{anchor}:{'+'.join(sorted(committers))}:{'+'.join(kinds)}"
        item_id += "" if polarity == "positive" else f":{polarity}"
    else:
        item_id = local_item_id(reader.article_id, str(commitment.get("id")))
    return CommitmentHeader(
        id=item_id,
        corpus=shared,
        committers=tuple(sorted(committers)) if shared else committers,
        recipients=reader.refs(commitment.get("recipients")),
        kinds=kinds,
        polarity=polarity,
        made_at=reader.ref(commitment.get("made_at")),
        instrument=reader.ref(commitment.get("instrument")),
    )


def _add_commitments(reader: AnnotationReader, contribution: Contribution) -> None:
    article = reader.article_id
    for commitment in items_of(reader.data, "commitments"):
        header = commitment_header(reader, commitment)
        reader.corpus_ids[str(commitment.get("id"))] = header.id
        factuality = reader.factuality(commitment)
        assert factuality is not None  # required by the schema
        date = reader.date(commitment.get("date"), commitment)
        quantities = tuple(
            number for number in map(quantity, commitment.get("quantities", ()) or ()) if number is not None
        )
        contribution.commitments.append(
            (
                header,
                CommitmentReport(
                    commitment=header.id,
                    article=article,
                    local_id=str(commitment.get("id")),
                    summary=str(commitment.get("summary", "")),
                    firmness=str(commitment.get("firmness", "")),
                    plover_event=commitment.get("plover_event")
                    if isinstance(commitment.get("plover_event"), str)
                    else None,
                    factuality=factuality,
                    conditions=reader.conditions(commitment),
                    quantities=quantities,
                    dates=(date,) if date is not None else (),
                    evidence=reader.evidence(commitment),
                ),
            )
        )
        if header.made_at is not None:
            contribution.links.append((header.made_at, "commitments", header.id))
        capacities = {capacity.get("actor"): capacity for capacity in items_of(commitment, "capacities")}
        for side, key in (("committer", "committers"), ("recipient", "recipients")):
            for local in commitment.get(key, ()) or ():
                capacity = capacities.get(local, {}) if side == "committer" else {}
                role = capacity.get("role")
                contribution.parties.append(
                    CommitmentParty(
                        commitment=header.id,
                        article=article,
                        actor=reader.ref(local) or "",
                        side=side,
                        on_behalf_of=reader.ref(capacity.get("on_behalf_of")),
                        role=role if isinstance(role, str) else None,
                        evidence=reader.evidence(capacity),
                    )
                )


def _add_open_issues(reader: AnnotationReader, contribution: Contribution) -> None:
    article = reader.article_id
    for issue in items_of(reader.data, "open_issues"):
        issue_id = local_item_id(article, str(issue.get("id")))
        raised_at = reader.ref(issue.get("raised_at"))
        positions = tuple(
            Position(
                issue=issue_id,
                article=article,
                index=index,
                holders=reader.refs(position.get("holders")),
                summary=str(position.get("summary", "")),
                estimate=quantity(position.get("estimate")),
                factuality=reader.factuality(position),
                conditions=reader.conditions(position),
                evidence=reader.evidence(position),
            )
            for index, position in enumerate(items_of(issue, "positions"))
        )
        contribution.open_issues.append(
            OpenIssue(
                id=issue_id,
                article=article,
                local_id=str(issue.get("id")),
                question=str(issue.get("question", "")),
                topic=str(issue.get("topic", "")),
                status=str(issue.get("status", "")),
                raised_at=raised_at,
                positions=positions,
                evidence=reader.evidence(issue),
            )
        )
        if raised_at is not None:
            contribution.links.append((raised_at, "open_issues", issue_id))


def _add_statements(reader: AnnotationReader, contribution: Contribution) -> None:
    article = reader.article_id
    for statement in items_of(reader.data, "statements"):
        contribution.statements.append(
            Statement(
                id=local_item_id(article, str(statement.get("id"))),
                article=article,
                local_id=str(statement.get("id")),
                speaker=reader.ref(statement.get("speaker")),
                kind=str(statement.get("kind", "")),
                mode=str(statement.get("mode", "")),
                summary=str(statement.get("summary", "")),
                about=reader.refs(statement.get("about")),
                factuality=reader.factuality(statement),
                evidence=reader.evidence(statement),
            )
        )


def add_claims(reader: AnnotationReader, contribution: Contribution) -> None:
    """The annotation's commitments (with their parties), open issues and statements."""
    _add_commitments(reader, contribution)
    _add_open_issues(reader, contribution)
    _add_statements(reader, contribution)
