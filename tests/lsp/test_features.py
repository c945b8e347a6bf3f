"""Completion, hover, definition, quick fixes and re-checks, through the real server over stdio."""

from __future__ import annotations

import hashlib
import json
import shutil
from pathlib import Path

import pytest
import pytest_asyncio
from lsprotocol import types
from pytest_lsp import LanguageClient

from tests.conftest import REPO
from tests.lsp.conftest import REGISTRATIONS, published

ANNOTATION = REPO / "annotations" / "000_64540a4bbaf7cb86.yaml"
TEXT = ANNOTATION.read_text(encoding="utf-8")
LINES = TEXT.split("\n")
pytestmark = pytest.mark.asyncio(loop_scope="module")


def _document(path: Path = ANNOTATION) -> types.TextDocumentIdentifier:
    return types.TextDocumentIdentifier(uri=path.absolute().as_uri())


async def _open(client: LanguageClient, text: str, path: Path = ANNOTATION) -> list[types.Diagnostic]:
    uri = path.absolute().as_uri()
    item = types.TextDocumentItem(uri=uri, language_id="yaml", version=1, text=text)
    return await published(
        client, uri, lambda: client.text_document_did_open(types.DidOpenTextDocumentParams(item))
    )


async def _change(client: LanguageClient, text: str, version: int) -> list[types.Diagnostic]:
    uri = ANNOTATION.absolute().as_uri()
    params = types.DidChangeTextDocumentParams(
        types.VersionedTextDocumentIdentifier(version=version, uri=uri),
        [types.TextDocumentContentChangeWholeDocument(text=text)],
    )
    return await published(client, uri, lambda: client.text_document_did_change(params))


FIRST_DIAGNOSTICS: dict[str, list[types.Diagnostic]] = {}
"""What the server published when the module's session first opened the annotation."""


@pytest_asyncio.fixture(autouse=True, loop_scope="module")
async def annotation_open(client: LanguageClient) -> None:
    """Every test finds the annotation open in the module's server, whichever tests run before it."""
    uri = ANNOTATION.absolute().as_uri()
    if uri not in FIRST_DIAGNOSTICS:
        FIRST_DIAGNOSTICS[uri] = await _open(client, TEXT)


def _at(marker: str, offset: int = 0, text: str = TEXT) -> types.Position:
    """The position just after ``marker`` on the first line holding it (ASCII lines only)."""
    for number, line in enumerate(text.split("\n")):
        if marker in line:
            return types.Position(number, line.index(marker) + len(marker) + offset)
    raise AssertionError(marker)


async def test_a_clean_buffer_then_an_edit_that_breaks_a_reference(client: LanguageClient) -> None:
    assert FIRST_DIAGNOSTICS[ANNOTATION.absolute().as_uri()] == []
    broken = TEXT.replace("    actor: nanews", "    actor: nanewz", 1)
    diagnostics = await _change(client, broken, 2)
    (unresolved,) = [d for d in diagnostics if d.code == "ref-unresolved"]
    line = LINES.index("    actor: nanews")
    assert unresolved.range == types.Range(types.Position(line, 11), types.Position(line, 17))
    assert unresolved.code_description is not None
    assert unresolved.code_description.href.endswith("/docs/rules.md#ref-unresolved")  # its section
    assert await _change(client, TEXT, 3) == []


async def test_completion_offers_actors_where_an_actor_goes(client: LanguageClient) -> None:
    position = _at("    actor: ")
    result = await client.text_document_completion_async(types.CompletionParams(_document(), position))
    assert isinstance(result, types.CompletionList)
    labels = {item.label for item in result.items}
    assert {"nanews", "emmanuel-macron", "us-representatives"} <= labels
    assert "paris" not in labels  # a place, not an actor


async def test_completion_offers_enum_values_keys_and_versions(client: LanguageClient) -> None:
    kind = await client.text_document_completion_async(
        types.CompletionParams(_document(), _at("      kind: ", -len("news_organisation") + 50))
    )
    assert isinstance(kind, types.CompletionList)
    assert {"news_organisation", "anonymous", "document"} <= {item.label for item in kind.items}
    version = await client.text_document_completion_async(
        types.CompletionParams(_document(), _at('schema_version: "', -1))
    )
    assert isinstance(version, types.CompletionList)
    assert "1.0.0" in {item.label for item in version.items}
    outlet_line = LINES.index("  outlet:") + 1
    keys = await client.text_document_completion_async(
        types.CompletionParams(_document(), types.Position(outlet_line, 4))
    )
    assert isinstance(keys, types.CompletionList)
    labels = {item.label for item in keys.items}
    assert "evidence" not in labels  # already there
    assert labels  # the outlet's other allowed keys


async def test_hover_on_an_id_a_quote_and_a_rule(client: LanguageClient) -> None:
    actor = await client.text_document_hover_async(types.HoverParams(_document(), _at("    actor: ")))
    assert actor is not None
    assert isinstance(actor.contents, types.MarkupContent)
    assert "nanews" in actor.contents.value
    assert "registry" in actor.contents.value
    quote = await client.text_document_hover_async(
        types.HoverParams(_document(), _at('- quote: "Reuters notes'))
    )
    assert quote is not None
    assert isinstance(quote.contents, types.MarkupContent)
    assert "**Reuters notes that the meeting is expected to yield**" in quote.contents.value


async def test_definition_of_a_reference_and_of_the_source(client: LanguageClient) -> None:
    registry = await client.text_document_definition_async(
        types.DefinitionParams(_document(), _at("    actor: "))
    )
    assert isinstance(registry, types.Location)
    assert registry.uri == (REPO / "registry.yaml").as_uri()
    registry_lines = (REPO / "registry.yaml").read_text(encoding="utf-8").split("\n")
    assert "id: nanews" in registry_lines[registry.range.start.line]
    local = await client.text_document_definition_async(
        types.DefinitionParams(_document(), _at("    location: "))
    )
    assert isinstance(local, types.Location)
    assert local.uri == ANNOTATION.absolute().as_uri()
    assert local.range.start == types.Position(LINES.index("  - id: paris"), 8)
    source = await client.text_document_definition_async(
        types.DefinitionParams(_document(), _at("  source: seeds/"))
    )
    assert isinstance(source, types.Location)
    assert source.uri == (REPO / "seeds" / "000_64540a4bbaf7cb86.txt").as_uri()


async def test_quick_fixes_for_straight_quotes_and_the_modeline(client: LanguageClient) -> None:
    straight = TEXT.replace("today’s meeting", "today's meeting", 1).split("\n", 1)[1]
    diagnostics = await _change(client, straight, 4)
    codes = {d.code for d in diagnostics}
    assert {"quote-not-found", "modeline-missing"} <= codes
    context = types.CodeActionContext(diagnostics=diagnostics)
    whole = types.Range(types.Position(0, 0), types.Position(len(LINES), 0))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(_document(), whole, context)
    )
    assert actions is not None
    titles = {action.title for action in actions if isinstance(action, types.CodeAction)}
    assert {"Use the quotes and dashes the article uses", "Add the modeline"} <= titles
    for action in actions:
        assert isinstance(action, types.CodeAction)
        assert action.edit is not None
        assert action.edit.changes is not None
        (edit,) = action.edit.changes[ANNOTATION.absolute().as_uri()]
        if action.title == "Add the modeline":
            assert edit.new_text == LINES[0] + "\n"
        else:
            assert "today’s meeting" in edit.new_text
    assert await _change(client, TEXT, 5) == []


async def test_a_changed_registry_rechecks_open_buffers(client: LanguageClient, tmp_path: Path) -> None:
    root = tmp_path / "project"
    (root / "annotations").mkdir(parents=True)
    shutil.copy2(REPO / "registry.yaml", root / "registry.yaml")
    shutil.copytree(REPO / "seeds", root / "seeds")
    copy = root / "annotations" / ANNOTATION.name
    shutil.copy2(ANNOTATION, copy)
    modeline = f"# yaml-language-server: $schema={(REPO / 'schemas/1.0.0/annotation.schema.json')}"
    text = TEXT.replace(LINES[0], modeline, 1)
    assert {d.code for d in await _open(client, text, copy)} <= {"modeline-mismatch"}
    registry = (root / "registry.yaml").read_text(encoding="utf-8")
    (root / "registry.yaml").write_text(registry.replace("id: nanews,", "id: nanewz,"), encoding="utf-8")
    change = types.FileEvent(uri=(root / "registry.yaml").as_uri(), type=types.FileChangeType.Changed)
    params = types.DidChangeWatchedFilesParams(changes=[change])
    diagnostics = await published(
        client, copy.as_uri(), lambda: client.workspace_did_change_watched_files(params)
    )
    assert "ref-unresolved" in {d.code for d in diagnostics}
    client.text_document_did_close(types.DidCloseTextDocumentParams(_document(copy)))


async def test_the_server_asks_to_watch_the_registry_and_the_articles(client: LanguageClient) -> None:
    watched = [r for r in REGISTRATIONS if r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES]
    assert watched  # one for each server a test module started that offered dynamic registration
    for registration in watched:
        assert isinstance(registration.register_options, dict)
        globs = {watcher["globPattern"] for watcher in registration.register_options["watchers"]}
        assert globs == {"**/registry.yaml", "**/seeds/**"}


async def test_a_registry_buffer_is_checked_as_a_registry(client: LanguageClient) -> None:
    registry = REPO / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    assert await _open(client, text, registry) == []
    twice = text.replace("id: canada,", "id: australia,", 1)
    line = text.split("\n").index(next(line for line in text.split("\n") if "id: canada," in line))
    diagnostics = await published(
        client,
        registry.as_uri(),
        lambda: client.text_document_did_change(
            types.DidChangeTextDocumentParams(
                types.VersionedTextDocumentIdentifier(version=2, uri=registry.as_uri()),
                [types.TextDocumentContentChangeWholeDocument(text=twice)],
            )
        ),
    )
    assert [(d.code, d.range.start.line) for d in diagnostics] == [("ref-duplicate-id", line)]
    client.text_document_did_close(types.DidCloseTextDocumentParams(_document(registry)))


async def _actions_for(
    client: LanguageClient, text: str, version: int
) -> dict[str, tuple[types.TextEdit, str]]:
    """Each quick fix offered for the buffer ``text``: its edit and its diagnostic's message."""
    diagnostics = await _change(client, text, version)
    whole = types.Range(types.Position(0, 0), types.Position(len(LINES), 0))
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(_document(), whole, types.CodeActionContext(diagnostics=diagnostics))
    )
    edits: dict[str, tuple[types.TextEdit, str]] = {}
    for action in actions or ():
        assert isinstance(action, types.CodeAction)
        assert action.edit is not None
        assert action.edit.changes is not None
        (edit,) = action.edit.changes[ANNOTATION.absolute().as_uri()]
        assert action.diagnostics is not None
        edits[action.title] = (edit, action.diagnostics[0].message)
    return edits


async def test_quick_fixes_for_a_near_miss_quote_and_a_stale_sha256(client: LanguageClient) -> None:
    near = TEXT.replace("the meeting is expected to yield", "the meeting is expected to yeld", 1)
    edits = await _actions_for(client, near, 10)
    passage, message = edits["Use the closest passage"]
    assert "the closest passage is" in message
    assert message.endswith(f"{json.loads(passage.new_text)!r}")  # the passage the finding names
    assert "the meeting is expected to yi" in passage.new_text
    assert LINES[passage.range.start.line].lstrip().startswith('- quote: "Reuters notes')
    sha = hashlib.sha256((REPO / "seeds" / "000_64540a4bbaf7cb86.txt").read_bytes()).hexdigest()
    stale = TEXT.replace(sha, "f" * 64, 1)
    assert stale != TEXT
    pin, _ = (await _actions_for(client, stale, 11))["Pin the article's real sha256"]
    assert pin.new_text == sha
    assert pin.range.end.character - pin.range.start.character == 64
    assert await _change(client, TEXT, 12) == []


async def test_hover_on_a_rule_id_in_a_comment(client: LanguageClient) -> None:
    commented = TEXT.replace("    actor: nanews", "    actor: nanews  # see quote-not-found", 1)
    await _change(client, commented, 13)
    hover = await client.text_document_hover_async(
        types.HoverParams(_document(), _at("# see quote-", 0, commented))
    )
    assert hover is not None
    assert isinstance(hover.contents, types.MarkupContent)
    assert "quote-not-found" in hover.contents.value
    assert "semantic" in hover.contents.value
    assert await _change(client, TEXT, 14) == []


async def test_completion_works_in_a_buffer_that_does_not_parse(client: LanguageClient) -> None:
    half_typed = TEXT.replace("    actor: nanews", "    actor: ema", 1) + "\n  broken: [unclosed\n"
    diagnostics = await _change(client, half_typed, 15)
    assert "yaml-syntax" in {d.code for d in diagnostics}
    result = await client.text_document_completion_async(
        types.CompletionParams(_document(), _at("    actor: ema", 0, half_typed))
    )
    assert isinstance(result, types.CompletionList)
    assert "emmanuel-macron" in {item.label for item in result.items}
    assert await _change(client, TEXT, 16) == []
