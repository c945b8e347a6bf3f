"""``summit-schema export``: SQL over the exported corpus answers real questions as the annotations do."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pytest
import yaml_rs

from tests.conftest import CliResult


def _annotations(project: Path) -> list[dict[str, Any]]:
    return [
        yaml_rs.loads(path.read_text(encoding="utf-8"), parse_datetime=False)
        for path in sorted((project / "annotations").glob("*.yaml"))
    ]


def _registry(project: Path) -> dict[str, Any]:
    data: dict[str, Any] = yaml_rs.loads(
        (project / "registry.yaml").read_text(encoding="utf-8"), parse_datetime=False
    )
    return data


@pytest.fixture
def database(project: Path, run_cli: Any, tmp_path: Path) -> duckdb.DuckDBPyConnection:
    target = tmp_path / "corpus.duckdb"
    result: CliResult = run_cli("export", "--to", "duckdb", str(target))
    assert result.exit_code == 0, result.stderr
    return duckdb.connect(str(target), read_only=True)


TROOPS = """
    SELECT p.article_id, p.actor_id,
           list_sort(list(DISTINCT k.kind) FILTER (WHERE k.kind IS NOT NULL)) AS conditions
    FROM commitments c
    JOIN commitment_parties p ON p.commitment_id = c.commitment_id AND p.side = 'committer'
    JOIN actors a ON a.actor_id = p.actor_id
    LEFT JOIN conditions k
      ON k.owner_type = 'commitment' AND k.owner_id = c.commitment_id AND k.article_id = p.article_id
    WHERE list_contains(c.kinds, 'troops') AND c.polarity = 'positive' AND a.kind IN ('state', 'person')
    GROUP BY p.article_id, p.actor_id
"""


def test_which_states_or_leaders_committed_troops_and_on_which_conditions(
    database: duckdb.DuckDBPyConnection, project: Path
) -> None:
    answer = {
        (article, actor, tuple(conditions)) for article, actor, conditions in database.sql(TROOPS).fetchall()
    }
    kinds = {actor["id"]: actor["kind"] for actor in _registry(project)["actors"]}
    expected = set()
    for annotation in _annotations(project):
        for commitment in annotation.get("commitments", []):
            if "troops" not in commitment["kinds"] or commitment.get("polarity", "positive") != "positive":
                continue
            conditions = tuple(sorted({condition["kind"] for condition in commitment.get("conditions", [])}))
            for actor in commitment["committers"]:
                if kinds.get(actor) in ("state", "person"):
                    expected.add((annotation["article"]["id"], actor, conditions))
    assert answer == expected
    assert ("004_5a2de83960ae3976", "france", ("peace_deal",)) in answer
    assert ("004_5a2de83960ae3976", "germany", ("ceasefire",)) in answer
    assert ("003_289fc3a32fa86627", "emmanuel-macron", ("peace_deal",)) in answer


COMPETING_ESTIMATES = """
    SELECT issue_id
    FROM positions
    WHERE estimate_text IS NOT NULL
    GROUP BY issue_id
    HAVING count(DISTINCT (estimate_qualifier, estimate_amount, estimate_lower_bound, estimate_upper_bound))
           > 1
"""


def test_which_open_issues_have_competing_estimates(
    database: duckdb.DuckDBPyConnection, project: Path
) -> None:
    answer = {row[0] for row in database.sql(COMPETING_ESTIMATES).fetchall()}
    expected = set()
    for annotation in _annotations(project):
        for issue in annotation.get("open_issues", []):
            estimates = {
                tuple(
                    position["estimate"].get(key)
                    for key in ("qualifier", "amount", "lower_bound", "upper_bound")
                )
                for position in issue.get("positions", [])
                if "estimate" in position
            }
            if len(estimates) > 1:
                expected.add(f"{annotation['article']['id']}:{issue['id']}")
    assert answer == expected
    assert "000_64540a4bbaf7cb86:contingent-size" in answer


SUMMIT_OF_6_JANUARY = """
    SELECT DISTINCT r.article_id
    FROM meetings m JOIN meeting_reports r ON r.meeting_id = m.meeting_id
    WHERE m.registry_date = '2026-01-06' AND m.kind = 'summit'
    ORDER BY r.article_id
"""


def test_which_articles_report_the_summit_of_6_january(
    database: duckdb.DuckDBPyConnection, project: Path
) -> None:
    answer = [row[0] for row in database.sql(SUMMIT_OF_6_JANUARY).fetchall()]
    dated = {
        meeting["id"] for meeting in _registry(project)["meetings"] if meeting.get("date") == "2026-01-06"
    }
    expected = sorted(
        {
            annotation["article"]["id"]
            for annotation in _annotations(project)
            for meeting in annotation.get("meetings", [])
            if meeting.get("corpus_id") in dated and meeting["kind"] == "summit"
        }
    )
    assert (
        answer
        == expected
        == ["000_64540a4bbaf7cb86", "001_2edaeb4a3ac85bb9", "003_289fc3a32fa86627", "004_5a2de83960ae3976"]
    )


def test_every_evidence_row_selects_its_quote(database: duckdb.DuckDBPyConnection, project: Path) -> None:
    sources = dict(database.sql("SELECT article_id, source FROM articles").fetchall())
    texts = {article: (project / source).read_text(encoding="utf-8") for article, source in sources.items()}
    rows = database.sql("SELECT article_id, quote, start_offset, end_offset FROM evidence").fetchall()
    assert rows
    for article, quote, start, end in rows:
        assert " ".join(texts[article][start:end].split()) == " ".join(quote.split())


def test_parquet_and_jsonl_hold_the_same_tables(project: Path, run_cli: Any, tmp_path: Path) -> None:
    for form in ("parquet", "jsonl", "duckdb"):
        assert run_cli("export", "--to", form, str(tmp_path / form)).exit_code == 0
    database = duckdb.connect(str(tmp_path / "duckdb"), read_only=True)
    tables = [row[0] for row in database.sql("SHOW TABLES").fetchall()]
    assert {"articles", "actors", "meetings", "meeting_reports", "participations", "commitments",
            "commitment_parties", "provisions", "documents", "open_issues", "positions", "statements",
            "evidence"} <= set(tables)  # fmt: skip
    for table in tables:
        count = database.sql(f'SELECT count(*) FROM "{table}"').fetchall()[0]
        parquet = duckdb.sql(f"SELECT count(*) FROM read_parquet('{tmp_path / 'parquet' / table}.parquet')")
        lines = (tmp_path / "jsonl" / f"{table}.jsonl").read_text(encoding="utf-8").splitlines()
        assert count == parquet.fetchall()[0]
        assert count == (len(lines),)
    over_parquet = duckdb.sql(
        SUMMIT_OF_6_JANUARY.replace(
            "meetings m", f"read_parquet('{tmp_path / 'parquet' / 'meetings'}.parquet') m"
        ).replace(
            "meeting_reports r", f"read_parquet('{tmp_path / 'parquet' / 'meeting_reports'}.parquet') r"
        )
    ).fetchall()
    assert len(over_parquet) == 4


def test_a_left_out_file_is_listed_and_exits_1(project: Path, run_cli: Any, tmp_path: Path) -> None:
    broken = project / "annotations" / "000_64540a4bbaf7cb86.yaml"
    broken.write_text(
        broken.read_text(encoding="utf-8").replace('schema_version: "2.0.0"', 'schema_version: "9"'), "utf-8"
    )
    result = run_cli("export", "--to", "duckdb", str(tmp_path / "c.duckdb"))
    assert result.exit_code == 1
    database = duckdb.connect(str(tmp_path / "c.duckdb"), read_only=True)
    assert database.sql("SELECT file FROM left_out").fetchall() == [
        ("annotations/000_64540a4bbaf7cb86.yaml",)
    ]
    assert database.sql("SELECT count(*) FROM articles WHERE article_id LIKE '000_%'").fetchall() == [(0,)]


def test_bad_export_usage_exits_2(project: Path, run_cli: Any, tmp_path: Path) -> None:
    assert run_cli("export", "--to", "csv", str(tmp_path / "x")).exit_code == 2
    assert run_cli("export", "--to", "duckdb", str(tmp_path)).exit_code == 2
    assert run_cli("export", "--to", "jsonl", str(tmp_path / "no" / "such" / "dir")).exit_code == 2
    missing = run_cli("export", "--to", "jsonl", str(tmp_path / "out"), "--from", "nowhere")
    assert missing.exit_code == 2
    assert "nowhere" in missing.stderr


def test_an_export_replaces_only_an_earlier_export(project: Path, run_cli: Any, tmp_path: Path) -> None:
    """A file that is no database and a folder of other files are refused and kept; an earlier export is
    replaced, its tables only."""
    notes = tmp_path / "notes.txt"
    notes.write_text("mine\n", encoding="utf-8")
    refused = run_cli("export", "--to", "duckdb", str(notes))
    assert refused.exit_code == 2
    assert "exists and is not a DuckDB database" in refused.stderr
    assert notes.read_text(encoding="utf-8") == "mine\n"
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "data.jsonl").write_text("{}\n", encoding="utf-8")
    for form in ("jsonl", "parquet"):
        refused = run_cli("export", "--to", form, str(busy))
        assert refused.exit_code == 2
        assert f"is no earlier output of a {form} export" in refused.stderr
    assert sorted(path.name for path in busy.iterdir()) == ["data.jsonl"]
    database = tmp_path / "c.duckdb"
    for _ in range(2):
        assert run_cli("export", "--to", "duckdb", str(database)).exit_code == 0
    out = tmp_path / "out"
    assert run_cli("export", "--to", "jsonl", str(out)).exit_code == 0
    (out / "mine.txt").write_text("kept\n", encoding="utf-8")
    (out / ".summit-schema-export").write_text(f"{notes}\n../notes.txt\nmine.txt\narticles.jsonl\n")
    assert run_cli("export", "--to", "jsonl", str(out)).exit_code == 0
    assert notes.read_text(encoding="utf-8") == "mine\n"
    assert (out / "mine.txt").read_text(encoding="utf-8") == "kept\n"
    assert (out / "articles.jsonl").stat().st_size > 0


def test_an_export_that_cannot_be_written_exits_2(
    project: Path, run_cli: Any, unwritable_folder: Path
) -> None:
    folder = unwritable_folder
    for form, name in (("duckdb", "c.duckdb"), ("jsonl", "out"), ("parquet", "out")):
        result = run_cli("export", "--to", form, str(folder / name))
        assert result.exit_code == 2, (form, result.stderr)
        assert f"{folder / name}: cannot write the export" in result.stderr
        assert "Traceback" not in result.stderr
        assert "internal error" not in result.stderr


def test_row_ids_depend_on_their_article_alone(project: Path, run_cli: Any, tmp_path: Path) -> None:
    """Figures, participations and conditions keep their ids whichever other files are exported, so exports
    of parts of a corpus can be read together."""
    keyed = {
        "figures": "figure_id",
        "participations": "participation_id",
        "conditions": "condition_id",
    }

    def rows(target: Path) -> dict[str, list[str]]:
        database = duckdb.connect(str(target), read_only=True)
        query = "SELECT to_json(t)::VARCHAR FROM {} t WHERE article_id = '001_2edaeb4a3ac85bb9' ORDER BY 1"
        return {table: [row for (row,) in database.sql(query.format(table)).fetchall()] for table in keyed}

    assert run_cli("export", "--to", "duckdb", str(tmp_path / "all.duckdb")).exit_code == 0
    part = [
        "--from",
        "annotations/001_2edaeb4a3ac85bb9.yaml",
        "--from",
        "annotations/003_289fc3a32fa86627.yaml",
    ]
    assert run_cli("export", "--to", "duckdb", str(tmp_path / "part.duckdb"), *part).exit_code == 0
    whole, some = rows(tmp_path / "all.duckdb"), rows(tmp_path / "part.duckdb")
    assert all(whole[table] for table in keyed)
    assert whole == some
    database = duckdb.connect(str(tmp_path / "all.duckdb"), read_only=True)
    for table, key in keyed.items():
        duplicated = database.sql(f"SELECT {key} FROM {table} GROUP BY {key} HAVING count(*) > 1").fetchall()
        assert duplicated == []
