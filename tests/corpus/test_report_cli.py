"""``summit-schema report`` on the real annotations: the JSON contract, markdown, exit codes."""

from __future__ import annotations

import os
import re
import stat
import sys
import types
from pathlib import Path

import pytest

from summit_schema.corpus import Corpus
from tests.conftest import REPO, CliResult

SUMMIT = "coalition-summit-paris-2026-01-06"


def _report(run_cli: object, *arguments: str) -> CliResult:
    return run_cli("report", *arguments)  # type: ignore[operator, no-any-return]


def test_json_report_follows_the_contract(project: Path, run_cli: object) -> None:
    result = _report(run_cli, "--format", "json")
    assert result.exit_code == 0, result.stderr
    report = result.json()
    assert report["version"] == 1
    assert {"articles", "meetings", "documents", "commitments", "open_issues", "disagreements"} <= set(report)
    assert [article["id"] for article in report["articles"]] == sorted(
        path.stem for path in (project / "annotations").glob("*.yaml")
    )
    for article in report["articles"]:
        assert {"id", "source", "outlet", "title"} <= set(article)
    summit = next(meeting for meeting in report["meetings"] if meeting["id"] == SUMMIT)
    assert {"id", "articles", "kind", "dates", "participants", "figures"} <= set(summit)
    for disagreement in report["disagreements"]:
        assert {"kind", "subject", "sides"} <= set(disagreement)
        for side in disagreement["sides"]:
            assert {"article", "value", "evidence"} <= set(side)


def test_the_summit_of_6_january_is_merged_by_corpus_id(project: Path, run_cli: object) -> None:
    report = _report(run_cli, "--format", "json").json()
    summit = next(meeting for meeting in report["meetings"] if meeting["id"] == SUMMIT)
    expected = sorted(
        path.stem
        for path in (project / "annotations").glob("*.yaml")
        if f"corpus_id: {SUMMIT}" in path.read_text(encoding="utf-8")
    )
    assert summit["articles"] == expected
    thursday = next(m for m in report["meetings"] if m["id"] == "coalition-summit-paris-thursday")
    assert thursday["articles"] == ["002_7a1eed89a4e6f8b7"]


def test_every_quote_is_placed_in_its_article(project: Path, run_cli: object) -> None:
    report = _report(run_cli, "--format", "json").json()
    texts = {
        article["id"]: (project / article["source"]).read_text(encoding="utf-8")
        for article in report["articles"]
    }

    def quotes(node: object) -> list[dict[str, object]]:
        if isinstance(node, dict):
            found = [node] if {"quote", "start", "end", "article"} <= set(node) else []
            return found + [quote for value in node.values() for quote in quotes(value)]
        if isinstance(node, list):
            return [quote for value in node for quote in quotes(value)]
        return []

    placed = quotes(report)
    assert len(placed) > 500
    for quote in placed:
        passage = texts[str(quote["article"])][quote["start"] : quote["end"]]  # type: ignore[misc]
        assert " ".join(passage.split()) == " ".join(str(quote["quote"]).split())


def test_disagreements_of_the_articles_are_found(project: Path, run_cli: object) -> None:
    report = _report(run_cli, "--format", "json").json()
    by_subject = {item["subject"]: item for item in report["disagreements"]}
    countries = by_subject["Coalition of the Willing summit in Paris: number of countries"]
    assert {(side["article"][:3], side["value"]) for side in countries["sides"]} == {
        ("000", "35"),
        ("003", "Around 35"),
    }
    leaders = by_subject["Coalition of the Willing summit in Paris: number of leaders"]
    assert {side["value"] for side in leaders["sides"]} == {"27", "more than 27"}
    spelling = by_subject["Volodymyr Zelensky: spelling"]
    assert [(side["article"][:3], side["value"]) for side in spelling["sides"]] == [
        ("000", "Zelensky"),
        ("001", "Zelenskyy"),
        ("002", "Zelenskiy"),
        ("003", "Zelensky"),
        ("004", "Zelenskiy"),
    ], "one side per article and spelling, the full name and the surname alone together"
    assert all(side["evidence"] for side in spelling["sides"])


def test_a_file_that_fails_validation_is_left_out_with_its_reason(project: Path, run_cli: object) -> None:
    broken = project / "annotations" / "002_7a1eed89a4e6f8b7.yaml"
    broken.write_text(broken.read_text(encoding="utf-8").replace("kind: summit", "kind: picnic", 1), "utf-8")
    result = _report(run_cli, "--format", "json")
    assert result.exit_code == 1
    report = result.json()
    assert [item["file"] for item in report["left_out"]] == ["annotations/002_7a1eed89a4e6f8b7.yaml"]
    assert "picnic" in report["left_out"][0]["reason"] or "kind" in report["left_out"][0]["reason"]
    assert "002_7a1eed89a4e6f8b7" not in {article["id"] for article in report["articles"]}
    assert "coalition-summit-paris-thursday" not in {meeting["id"] for meeting in report["meetings"]}
    assert "left out" in result.stderr


def test_markdown_lists_meetings_and_disagreements(project: Path, run_cli: object, tmp_path: Path) -> None:
    out = tmp_path / "report.md"
    result = _report(run_cli, "--format", "markdown", "-o", str(out))
    assert result.exit_code == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# Corpus report")
    assert "## Where the sources disagree" in text
    meetings = [line for line in text.splitlines() if line.startswith("### ")]
    assert meetings[0] == f"### Coalition of the Willing summit in Paris (`{SUMMIT}`)", "most reported first"
    registered = [line for line in meetings if ":" not in line.rsplit("(`", 1)[1]]
    assert meetings[: len(registered)] == registered, "meetings of the registry before an article's own"


def test_json_is_the_default_when_stdout_is_not_a_terminal(project: Path, run_cli: object) -> None:
    assert _report(run_cli).json()["version"] == 1


def test_bad_usage_exits_2(project: Path, run_cli: object) -> None:
    missing = _report(run_cli, "no-such-folder")
    assert missing.exit_code == 2
    assert "no-such-folder" in missing.stderr
    assert _report(run_cli, "--format", "html").exit_code == 2
    assert _report(run_cli, "--format", "pdf").exit_code == 2
    registry = _report(run_cli, "registry.yaml")
    assert registry.exit_code == 2
    assert "registry.yaml: is the project's registry, not an annotation" in registry.stderr


def test_html_without_the_viewer_exits_2_and_says_so(
    project: Path, run_cli: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "summit_schema.viewer", None)
    result = _report(run_cli, "--format", "html", "-o", str(tmp_path / "site"))
    assert result.exit_code == 2
    assert "the html viewer is not available" in result.stderr


def test_html_hands_the_corpus_to_the_viewer(
    project: Path, run_cli: object, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    received: list[tuple[Corpus, Path]] = []
    viewer = types.ModuleType("summit_schema.viewer")
    viewer.render_html = lambda corpus, out_dir: received.append((corpus, out_dir))  # type: ignore[attr-defined]
    monkeypatch.setitem(sys.modules, "summit_schema.viewer", viewer)
    result = _report(run_cli, "--format", "html", "-o", str(tmp_path / "site"))
    assert result.exit_code == 0, result.stderr
    [(corpus, out_dir)] = received
    assert isinstance(corpus, Corpus)
    assert out_dir == tmp_path / "site"
    assert corpus.meeting(SUMMIT) is not None


def test_a_report_that_cannot_be_written_exits_2(
    project: Path, run_cli: object, unwritable_folder: Path
) -> None:
    for report_format in ("json", "markdown"):
        target = unwritable_folder / f"report.{report_format}"
        result = _report(run_cli, "--format", report_format, "-o", str(target))
        assert result.exit_code == 2, result.stderr
        assert f"-o {target}: cannot write the report" in result.stderr
        assert "internal error" not in result.stderr


def test_written_reports_are_as_readable_as_any_new_file(
    project: Path, run_cli: object, tmp_path: Path
) -> None:
    """Files and pages get the permissions the umask gives (a web server must read the viewer's pages)."""
    previous = os.umask(0o022)
    try:
        assert _report(run_cli, "--format", "json", "-o", str(tmp_path / "r.json")).exit_code == 0
        assert _report(run_cli, "--format", "html", "-o", str(tmp_path / "site")).exit_code == 0
    finally:
        os.umask(previous)
    written = [tmp_path / "r.json", *sorted((tmp_path / "site").rglob("*.html"))]
    assert len(written) > 5
    assert {stat.S_IMODE(path.stat().st_mode) for path in written} == {0o644}


def test_a_broken_registry_is_named_as_the_reason(project: Path, run_cli: object) -> None:
    (project / "registry.yaml").write_text('schema_version: "2.0.0"\nactors: [\n', encoding="utf-8")
    result = _report(run_cli, "--format", "json")
    assert result.exit_code == 1
    reasons = {item["reason"] for item in result.json()["left_out"]}
    assert reasons == {"registry.yaml:2:9: [yaml-syntax] unclosed bracket '['"}


def _documented_keys() -> dict[str, list[str]]:
    """The keys docs/corpus.md gives each list of the JSON report (``- `meetings`: `{"id", ...}```)."""
    text = (REPO / "docs" / "corpus.md").read_text(encoding="utf-8")
    section = text[text.index("### The JSON report") : text.index("## `summit-schema export`")]
    documented = {}
    for name, inner in re.findall(r"`(\w+)`: `\{(.*?)\}`", section.replace("\n  ", " "), re.S):
        documented[name] = re.findall(r'"(\w+)"', inner.split("[{")[0])
    return documented


def test_the_documented_json_keys_are_the_keys_written(project: Path, run_cli: object) -> None:
    broken = project / "annotations" / "002_7a1eed89a4e6f8b7.yaml"  # so that left_out has a row
    broken.write_text(broken.read_text(encoding="utf-8").replace("commitments:", "commitmentz:", 1), "utf-8")
    report = _report(run_cli, "--format", "json").json()
    documented = _documented_keys()
    assert set(documented) >= {"articles", "meetings", "documents", "events", "commitments", "open_issues",
                               "statements", "disagreements", "left_out"}  # fmt: skip
    for name, keys in documented.items():
        rows = report[name]
        assert rows, name
        assert all(list(row) == keys for row in rows), (name, list(rows[0]), keys)


def test_every_date_comes_with_the_passage_that_gives_it(project: Path, run_cli: object) -> None:
    """A date with no evidence of its own is evidenced by its item's quotes that contain its text."""
    report = _report(run_cli, "--format", "json").json()
    dates = [
        date
        for name in ("meetings", "documents", "events")
        for item in report[name]
        for date in item["dates"]
    ]
    assert len(dates) > 10
    assert all(date["evidence"] for date in dates), [date["text"] for date in dates if not date["evidence"]]
    summit = next(meeting for meeting in report["meetings"] if meeting["id"] == SUMMIT)
    tuesday = next(date for date in summit["dates"] if date["article"].startswith("001"))
    assert tuesday["text"] == "Tuesday"
    assert all("tuesday" in quote["quote"].casefold() for quote in tuesday["evidence"])
