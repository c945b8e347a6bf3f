"""``summit-schema new``: start an annotation of an article from a skeleton that validates."""

from __future__ import annotations

import argparse
import datetime
import hashlib
import sys
from pathlib import Path

from summit_schema.loading.discovery import find_project_root
from summit_schema.loading.file_access import DecodeFailure, FileRefused, decode_utf8, read_regular_file
from summit_schema.schema.versions import CURRENT_VERSION, MODELINE_PREFIX, schema_id

HELP = "Write annotations/<stem>.yaml, a skeleton annotation of an article under seeds/."

_SECTIONS = (
    "mentions",
    "local_actors",
    "places",
    "meetings",
    "documents",
    "events",
    "commitments",
    "open_issues",
    "statements",
)


def register(parser: argparse.ArgumentParser) -> None:
    """Add the command's options."""
    parser.add_argument("article", type=Path, metavar="ARTICLE", help="the article, e.g. seeds/NAME.txt")
    parser.add_argument("--force", action="store_true", help="overwrite an existing annotation")
    parser.add_argument(
        "--annotator", default="unknown", help="the annotator's name or handle (default: unknown)"
    )


def skeleton(
    article_id: str, source: str, sha256: str, modeline: str, annotator: str, today: datetime.date
) -> str:
    """Return the text of a skeleton annotation."""
    lines = [
        f"{MODELINE_PREFIX}{modeline}",
        f'schema_version: "{CURRENT_VERSION}"',
        "annotation:",
        f"  annotators: [{_quoted(annotator)}]",
        f'  created: "{today.isoformat()}"',
        "article:",
        f"  id: {_quoted(article_id)}",
        f"  source: {_quoted(source)}",
        f"  sha256: {sha256}",
        *(f"{section}: []" for section in _SECTIONS),
    ]
    return "\n".join(lines) + "\n"


def _quoted(value: str) -> str:
    escaped = value.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'


def _fail(message: str) -> int:
    sys.stderr.write(f"summit-schema new: {message}\n")
    return 2


def run(options: argparse.Namespace) -> int:
    """Write the skeleton; 0 when written, 2 when the article or target is unusable."""
    article: Path = options.article
    root = find_project_root(article) or find_project_root(Path.cwd() / "annotations" / "x")
    if root is None:
        return _fail("no registry.yaml in any ancestor directory: run it inside a project")
    try:
        resolved = article.resolve()
        relative = resolved.relative_to(root.resolve())
    except (OSError, ValueError):
        return _fail(f"{article}: the article must lie under the project root {root}")
    if relative.parts[:1] != ("seeds",):
        return _fail(f"{article}: the article must lie under {root / 'seeds'}")
    try:
        content = read_regular_file(resolved)
        decode_utf8(content)
    except FileRefused as refused:
        return _fail(f"{article}: {refused.reason}")
    except DecodeFailure as failure:
        return _fail(f"{article}: {failure.reason}")
    target = root / "annotations" / f"{resolved.stem}.yaml"
    if target.exists() and not options.force:
        return _fail(f"{target} exists; pass --force to overwrite it")
    if (root / "schemas" / CURRENT_VERSION / "annotation.schema.json").is_file():
        from summit_schema.semantics.modeline import modeline_target  # noqa: PLC0415

        modeline = modeline_target(target, root, CURRENT_VERSION, "annotation")
    else:
        modeline = schema_id(CURRENT_VERSION, "annotation")
        sys.stderr.write(
            f"summit-schema new: warning: no schemas/ folder in {root}, so the modeline names the "
            f"schema's $id {modeline}, which an editor cannot load offline; to complete and check as "
            "you type, point the modeline (or the editor's yaml.schemas setting) at the installed "
            "copy, whose path `summit-schema schema-path` prints\n"
        )
    text = skeleton(
        resolved.stem,
        relative.as_posix(),
        hashlib.sha256(content).hexdigest(),
        modeline,
        options.annotator,
        datetime.date.today(),
    )
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    sys.stderr.write(f"wrote {target}\n")
    return 0
