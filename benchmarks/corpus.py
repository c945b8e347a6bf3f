"""Build a benchmark corpus laid out like a project, derived from the real annotations.

    python benchmarks/corpus.py --files N --out DIR [--broken FRACTION] [--seed S]

DIR gets its own annotations/, seeds/ (the real articles), schemas/ and registry.yaml, so that
`summit-schema validate` run inside DIR with no arguments checks it all. Each annotation is one of the
real ones with a random share of its unreferenced statements, events, open issues and commitments left
out, so sizes and contents vary while every reference, quote and hash stays valid. With --broken, that
share of the files carries one realistic error each (a schema, reference or quote error); everything
else is byte for byte the corpus built with the same seed and no --broken. DIR/corpus.json records the
parameters and which files are broken.
"""

from __future__ import annotations

import argparse
import copy
import json
import random
import shutil
import sys
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from summit_schema.loading.yaml_source import load_yaml  # noqa: E402

MODELINE = "# yaml-language-server: $schema=../../schemas/1.0.0/annotation.schema.json\n"
_DROPPABLE = ("statements", "events", "open_issues", "commitments")
_MUTATIONS = ("schema", "reference", "quote")


class _PlainDumper(yaml.CSafeDumper):
    """Writes plain YAML: no anchors or aliases, block style, keys in their order."""

    def ignore_aliases(self, data: Any) -> bool:
        return True


def _ids_referenced_elsewhere(document: dict[str, Any], section: str, index: int) -> bool:
    item = document[section][index]
    rest = copy.copy(document)
    rest[section] = document[section][:index] + document[section][index + 1 :]
    return f'"{item.get("id")}"' in json.dumps(rest)


def vary(base: dict[str, Any], rng: random.Random, number: int) -> dict[str, Any]:
    """A variant of a real annotation: a random share of unreferenced items left out."""
    document = copy.deepcopy(base)
    keep_share = rng.uniform(0.35, 1.0)
    for section in _DROPPABLE:
        items = document.get(section, [])
        for index in reversed(range(len(items))):
            if rng.random() > keep_share and not _ids_referenced_elsewhere(document, section, index):
                del items[index]
    document["annotation"] = {
        "annotators": [f"annotator-{rng.randrange(40):02d}"],
        "created": f"2026-{rng.randrange(1, 12):02d}-{rng.randrange(1, 28):02d}",
        "notes": f"benchmark file {number}",
    }
    return document


def _first(document: Any, wanted: str, pointer: str = "") -> tuple[str, Any] | None:
    """The first (pointer, container) whose key ``wanted`` holds a string, depth first."""
    if isinstance(document, dict):
        if isinstance(document.get(wanted), str):
            return pointer, document
        children: Any = document.items()
    elif isinstance(document, list):
        children = enumerate(document)
    else:
        return None
    for key, value in children:
        found = _first(value, wanted, f"{pointer}/{key}")
        if found is not None:
            return found
    return None


def break_document(document: dict[str, Any], kind: str) -> str:
    """Give ``document`` one realistic error of ``kind``; return the JSON Pointer it is at."""
    if kind == "schema":
        meeting = document["meetings"][0]
        meeting["kind"] = meeting["kind"] + "s"
        return "/meetings/0/kind"
    if kind == "reference":
        found = _first(document.get("meetings", []), "actor", "/meetings")
        assert found is not None
        pointer, holder = found
        holder["actor"] = holder["actor"] + "-x"
        return f"{pointer}/actor"
    found = _first(document.get("meetings", []), "quote", "/meetings")
    assert found is not None
    pointer, holder = found
    words = holder["quote"].split(" ")
    holder["quote"] = " ".join([*words[:-1], words[-1][::-1] + "z"])
    return f"{pointer}/quote"


def dump(document: dict[str, Any]) -> str:
    """The annotation as written to disk, modeline first."""
    body = yaml.dump(document, Dumper=_PlainDumper, sort_keys=False, allow_unicode=True, width=110)
    return MODELINE + body


def build(out: Path, files: int, broken: float, seed: int) -> dict[str, Any]:
    """Write the corpus into ``out`` and return its manifest."""
    bases = [
        load_yaml(path.read_text(encoding="utf-8")).data
        for path in sorted((REPO / "annotations").glob("*.yaml"))
    ]
    if out.exists():
        shutil.rmtree(out)
    (out / "annotations").mkdir(parents=True)
    shutil.copytree(REPO / "seeds", out / "seeds")
    shutil.copytree(REPO / "schemas", out / "schemas")
    shutil.copy2(REPO / "registry.yaml", out / "registry.yaml")
    content_rng = random.Random(seed)
    broken_rng = random.Random(f"{seed}-broken")
    broken_count = round(files * broken)
    broken_numbers = set(broken_rng.sample(range(files), broken_count)) if broken_count else set()
    manifest: dict[str, Any] = {"files": files, "broken": broken, "seed": seed, "broken_files": {}}
    sizes = []
    for number in range(files):
        document = vary(content_rng.choice(bases), content_rng, number)
        name = f"annotations/{number // 1000:03d}/a{number:06d}.yaml"
        if number in broken_numbers:
            kind = _MUTATIONS[broken_rng.randrange(len(_MUTATIONS))]
            manifest["broken_files"][name] = {"kind": kind, "path": break_document(document, kind)}
        target = out / name
        target.parent.mkdir(exist_ok=True)
        text = dump(document)
        target.write_text(text, encoding="utf-8")
        sizes.append(len(text.encode("utf-8")))
    manifest["bytes"] = {
        "total": sum(sizes),
        "min": min(sizes),
        "max": max(sizes),
        "mean": sum(sizes) // len(sizes),
    }
    (out / "corpus.json").write_text(json.dumps(manifest, indent=2), encoding="utf-8")
    return manifest


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, required=True, help="how many annotation files")
    parser.add_argument("--out", type=Path, required=True, help="the corpus folder (replaced)")
    parser.add_argument("--broken", type=float, default=0.0, help="share of files with one error (0..1)")
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    options = parser.parse_args()
    if options.files < 1 or not 0 <= options.broken <= 1:
        parser.error("--files must be positive and --broken between 0 and 1")
    manifest = build(options.out, options.files, options.broken, options.seed)
    print(
        f"wrote {manifest['files']} files ({len(manifest['broken_files'])} broken, "
        f"{manifest['bytes']['mean']} bytes on average) to {options.out}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
