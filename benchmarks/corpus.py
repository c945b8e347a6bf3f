"""Build a benchmark corpus laid out like a project, derived from the real annotations; time the report.

    python benchmarks/corpus.py --files N --out DIR [--broken FRACTION] [--seed S] [--articles K]
    python benchmarks/corpus.py --files N --articles K --time-report [--jobs J] [--out DIR]

DIR gets its own annotations/, seeds/ (the real articles), schemas/ and registry.yaml, so that
`summit-schema validate` run inside DIR with no arguments checks it all. Each annotation is one of the
real ones with a random share of its unreferenced statements, events, open issues and commitments left
out, so sizes and contents vary while every reference, quote and hash stays valid. With --broken, that
share of the files carries one realistic error each (a schema, reference or quote error); everything
else is byte for byte the corpus built with the same seed and no --broken. DIR/corpus.json records the
parameters and which files are broken.

With --articles K, the files report K distinct articles: copies of the five articles under new ids (each
copy's seed is the same text under another name), so that the corpus has K articles' worth of distinct
items however many files report them. With --time-report, the corpus is built (in a temporary folder
unless --out is given) and `summit-schema report --format json` is timed on it with --jobs workers, once
without the result cache and once with it warm, printing wall seconds and the peak memory of the process
tree (psutil, from the bench extra).
"""

from __future__ import annotations

import argparse
import contextlib
import copy
import json
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from summit_schema.loading.yaml_source import load_yaml  # noqa: E402

MODELINE = "# yaml-language-server: $schema=../../schemas/{version}/annotation.schema.json\n"
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
    return MODELINE.format(version=document.get("schema_version", "1.0.0")) + body


def _article_copies(out: Path, bases: list[dict[str, Any]], articles: int) -> list[dict[str, Any]]:
    """``articles`` variants of the bases, each about a copy of its article under a new id."""
    copies = []
    for number in range(articles):
        base = copy.deepcopy(bases[number % len(bases)])
        original = base["article"]["id"]
        article_id = f"{original}-copy{number:05d}"
        shutil.copy2(REPO / "seeds" / f"{original}.txt", out / "seeds" / f"{article_id}.txt")
        base["article"]["id"] = article_id
        base["article"]["source"] = f"seeds/{article_id}.txt"
        copies.append(base)
    return copies


def build(out: Path, files: int, broken: float, seed: int, articles: int = 0) -> dict[str, Any]:
    """Write the corpus into ``out`` and return its manifest (``articles``: distinct article copies)."""
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
    if articles:
        bases = _article_copies(out, bases, articles)
    content_rng = random.Random(seed)
    broken_rng = random.Random(f"{seed}-broken")
    broken_count = round(files * broken)
    broken_numbers = set(broken_rng.sample(range(files), broken_count)) if broken_count else set()
    manifest: dict[str, Any] = {
        "files": files,
        "broken": broken,
        "seed": seed,
        "articles": articles,
        "broken_files": {},
    }
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


def _peak_run(command: list[str], cwd: Path) -> tuple[float, int, int]:
    """Run ``command``; return its wall seconds, the peak RSS of its process tree and its exit code."""
    import psutil  # noqa: PLC0415 - the bench extra

    started = time.perf_counter()
    process = psutil.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while process.poll() is None:
        total = 0
        try:
            members = [process, *process.children(recursive=True)]
        except psutil.Error:
            members = []
        for member in members:
            with contextlib.suppress(psutil.Error):
                total += member.memory_info().rss
        peak = max(peak, total)
        time.sleep(0.05)
    return time.perf_counter() - started, peak, process.returncode


_MODES = {"no-cache": ["--no-cache"], "cold": [], "warm": []}


def time_report(out: Path, jobs: int, modes: list[str]) -> None:
    """Time ``report --format json`` on the corpus in ``out``: without the cache, filling it, warm."""
    program = str(Path(sys.executable).with_name("summit-schema"))
    command = [program, "report", "--format", "json", "--jobs", str(jobs), "-o", str(out / "report.json")]
    environment_cache = out / ".summit-schema-cache"
    shutil.rmtree(environment_cache, ignore_errors=True)
    filled = False
    for label in modes:
        extra = _MODES[label]
        if label == "warm" and not filled:
            print("report (filling the cache for the warm run, not timed)")
            _peak_run([*command, *extra], out)
        filled = filled or label != "no-cache"
        seconds, peak, code = _peak_run([*command, *extra], out)
        report = json.loads((out / "report.json").read_text(encoding="utf-8"))
        quotes = json.dumps(report).count('"quote":')
        print(
            f"report --format json ({label}, {jobs} jobs): {seconds:.1f} s, peak {peak / 2**20:.0f} MiB, "
            f"exit {code}; {len(report['articles'])} articles, {len(report['meetings'])} meetings, "
            f"{len(report['commitments'])} commitments, {len(report['open_issues'])} open issues, "
            f"{quotes} quotes, {len(report['left_out'])} files left out"
        )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, required=True, help="how many annotation files")
    parser.add_argument("--out", type=Path, help="the corpus folder (replaced; needed without --time-report)")
    parser.add_argument("--broken", type=float, default=0.0, help="share of files with one error (0..1)")
    parser.add_argument("--seed", type=int, default=0, help="random seed")
    parser.add_argument("--articles", type=int, default=0, help="distinct article copies (0: the five)")
    parser.add_argument("--time-report", action="store_true", help="time `report --format json` on it")
    parser.add_argument("--reuse", action="store_true", help="reuse the corpus already in --out")
    parser.add_argument("--jobs", type=int, default=2, help="workers for --time-report (default: 2)")
    parser.add_argument(
        "--modes",
        default="no-cache,cold,warm",
        help="--time-report runs, comma-separated: no-cache, cold (filling the cache), warm (default: all)",
    )
    options = parser.parse_args()
    if options.files < 1 or not 0 <= options.broken <= 1 or options.articles < 0:
        parser.error("--files must be positive, --broken between 0 and 1, --articles at least 0")
    modes = options.modes.split(",")
    if any(mode not in _MODES for mode in modes):
        parser.error(f"--modes: choose from {', '.join(_MODES)}")
    if options.out is None and not options.time_report:
        parser.error("--out is required (or give --time-report to build in a temporary folder)")
    with tempfile.TemporaryDirectory(prefix="summit-corpus-") as scratch:
        out = options.out or Path(scratch) / "corpus"
        if options.reuse and (out / "corpus.json").is_file():
            manifest = json.loads((out / "corpus.json").read_text(encoding="utf-8"))
        else:
            manifest = build(out, options.files, options.broken, options.seed, options.articles)
        print(
            f"{manifest['files']} files ({len(manifest['broken_files'])} broken, "
            f"{manifest['bytes']['mean']} bytes on average, "
            f"{manifest.get('articles') or 5} articles) in {out}"
        )
        if options.time_report:
            time_report(out, options.jobs, modes)
    return 0


if __name__ == "__main__":
    sys.exit(main())
