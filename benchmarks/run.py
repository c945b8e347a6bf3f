"""Measure `summit-schema validate` against check-jsonschema and a parse-and-validate floor.

    python benchmarks/run.py --files N [--broken FRACTION [--compare-clean]] [--jobs J] [--seed S]
                             [--corpus DIR] [--json]

On one corpus (built by corpus.py, or reused from --corpus DIR), in one invocation, it runs:
  - summit-schema validate, all checks, --no-cache, with J worker processes;
  - check-jsonschema with the same schema (schema checks only), one invocation over all files;
  - a floor: PyYAML's CSafeLoader plus jsonschema-rs validation of each file, with J processes
    (no line numbers, no semantics);
and prints files per second, wall time and peak memory (the largest sum of the resident memory of the
process tree, sampled) of each, their ratios, the cold start of one file (median of 5) and a warm re-run
of validate with its cache; with --compare-clean, also validate's time on the all-valid twin of a broken
corpus and the ratio of the two. It exits 0 unless a tool failed (crashed, or on an all-valid corpus
found a file invalid). Needs the bench extra:
pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from typing import Any

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import corpus  # noqa: E402

BIN = Path(sys.executable).parent
SAMPLE_SECONDS = 0.01
FLOOR = """
import json, sys
from multiprocessing import Pool
from pathlib import Path
import jsonschema_rs, yaml

schema = json.loads(Path(sys.argv[1]).read_text(encoding="utf-8"))
validator = jsonschema_rs.validator_for(schema)

def check(path):
    with open(path, encoding="utf-8") as stream:
        return validator.is_valid(yaml.load(stream, Loader=yaml.CSafeLoader))

files = sys.argv[3:]
jobs = int(sys.argv[2])
if jobs > 1:
    with Pool(jobs) as pool:
        results = pool.map(check, files, chunksize=max(1, len(files) // (jobs * 8)))
else:
    results = [check(path) for path in files]
print(json.dumps({"valid": sum(results), "invalid": len(results) - sum(results)}))
"""


@dataclass
class Measurement:
    """One timed run of a command."""

    wall_seconds: float
    peak_bytes: int
    exit_code: int
    stdout: str
    stderr: str


def measure(command: list[str], cwd: Path, environment: dict[str, str] | None = None) -> Measurement:
    """Run ``command`` and sample the resident memory of its whole process tree until it ends."""
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        process = psutil.Popen(command, cwd=cwd, stdout=out, stderr=err, env=environment)
        peak = 0
        while process.poll() is None:
            total = 0
            try:
                tree = [process, *process.children(recursive=True)]
            except psutil.Error:
                tree = []
            for member in tree:
                try:
                    total += member.memory_info().rss
                except psutil.Error:
                    continue
            peak = max(peak, total)
            time.sleep(SAMPLE_SECONDS)
        wall = time.perf_counter() - start
        out.seek(0)
        err.seek(0)
        return Measurement(wall, peak, process.returncode, out.read().decode(), err.read().decode())


def _annotation_files(directory: Path) -> list[str]:
    return sorted(
        path.relative_to(directory).as_posix() for path in (directory / "annotations").rglob("*.yaml")
    )


def _schema_of(directory: Path, files: list[str]) -> Path:
    """The annotation schema of the version the corpus's files declare (the first file's)."""
    declared = re.search(
        r'^schema_version: *"?([0-9.]+)"?', (directory / files[0]).read_text(encoding="utf-8"), re.M
    )
    if declared is None:
        raise SystemExit(f"{files[0]}: declares no schema_version")
    return directory / "schemas" / declared.group(1) / "annotation.schema.json"


def _versions() -> dict[str, str]:
    versions = {}
    for name in ("summit-schema", "check-jsonschema", "jsonschema", "jsonschema-rs", "pyyaml", "ruamel.yaml",
                 "ruamel.yaml.clib"):  # fmt: skip
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "absent"
    return versions


def _machine() -> dict[str, Any]:
    return {
        "platform": platform.platform(),
        "machine": platform.machine(),
        "processor": platform.processor(),
        "cpus": os.cpu_count(),
        "cpus_available": len(os.sched_getaffinity(0))
        if hasattr(os, "sched_getaffinity")
        else os.cpu_count(),
        "memory_bytes": psutil.virtual_memory().total,
        "python": platform.python_version(),
    }


def _ensure_corpus(directory: Path, files: int, broken: float, seed: int) -> dict[str, Any]:
    manifest_path = directory / "corpus.json"
    if manifest_path.is_file():
        manifest: dict[str, Any] = json.loads(manifest_path.read_text(encoding="utf-8"))
        if (manifest["files"], manifest["broken"], manifest["seed"]) == (files, broken, seed):
            return manifest
    return corpus.build(directory, files, broken, seed)


def _summary(measurement: Measurement, files: int) -> dict[str, Any]:
    return {
        "wall_seconds": round(measurement.wall_seconds, 3),
        "files_per_second": round(files / measurement.wall_seconds, 1),
        "peak_memory_mb": round(measurement.peak_bytes / 2**20, 1),
        "exit_code": measurement.exit_code,
    }


def _located(report: dict[str, Any], manifest: dict[str, Any]) -> dict[str, int]:
    """How many broken files got an error exactly at the mutated node, and how many clean ones got any."""
    errors: dict[str, set[str]] = {}
    for finding in report["findings"]:
        if finding["severity"] == "error" and finding["line"] >= 1 and finding["column"] >= 1:
            errors.setdefault(finding["file"], set()).add(finding["path"])
    broken = manifest["broken_files"]
    located = sum(1 for name, mutation in broken.items() if mutation["path"] in errors.get(name, set()))
    false_alarms = sum(1 for name in errors if name not in broken)
    return {"broken": len(broken), "located": located, "clean_files_with_errors": false_alarms}


def _broken_over_clean(
    options: argparse.Namespace,
    directory: Path,
    broken: Measurement,
    summit: list[str],
    jobs: int,
    environment: dict[str, str],
) -> dict[str, Any] | None:
    """With --compare-clean: validate the all-valid twin of the corpus (same seed) and compare times.

    The twin is byte for byte the broken corpus except the broken files; validate runs on it right
    after the broken run, with the same options, and with --repeat R both run R times, interleaved.
    """
    if not options.compare_clean or options.broken <= 0:
        return None
    twin = directory.with_name(directory.name + "-clean")
    _ensure_corpus(twin, options.files, 0.0, options.seed)
    command = [*summit, "--no-cache", "--jobs", str(jobs), "--format", "json"]
    broken_runs = [broken.wall_seconds]
    clean_runs = [measure(command, twin, environment).wall_seconds]
    for _ in range(options.repeat - 1):  # interleaved, so that a busy moment weighs on both alike
        broken_runs.append(measure(command, directory, environment).wall_seconds)
        clean_runs.append(measure(command, twin, environment).wall_seconds)
    if not options.corpus:
        shutil.rmtree(twin, ignore_errors=True)
    return {
        "clean_seconds": [round(seconds, 3) for seconds in clean_runs],
        "broken_seconds": [round(seconds, 3) for seconds in broken_runs],
        "ratio_of_fastest": round(min(broken_runs) / min(clean_runs), 3),
        "ratio_of_medians": round(statistics.median(broken_runs) / statistics.median(clean_runs), 3),
    }


def run(options: argparse.Namespace) -> dict[str, Any]:
    """Build or reuse the corpus, run every tool, return the figures."""
    directory: Path = options.corpus or Path(tempfile.mkdtemp(prefix="summit-bench-"))
    manifest = _ensure_corpus(directory, options.files, options.broken, options.seed)
    files = _annotation_files(directory)
    schema = _schema_of(directory, files)
    jobs = options.jobs or (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else 1)
    environment = {**os.environ, "SUMMIT_SCHEMA_CACHE_DIR": str(directory / ".bench-cache")}
    shutil.rmtree(directory / ".bench-cache", ignore_errors=True)
    summit = [str(BIN / "summit-schema"), "validate"]

    validate = measure(
        [*summit, "--no-cache", "--jobs", str(jobs), "--format", "json"], directory, environment
    )
    broken_cost = _broken_over_clean(options, directory, validate, summit, jobs, environment)
    checker = measure([str(BIN / "check-jsonschema"), "--schemafile", str(schema), *files], directory)
    floor = measure([sys.executable, "-c", FLOOR, str(schema), str(jobs), *files], directory)
    # A tool that crashed failed; on an all-valid corpus, so did one that found a file invalid (it was
    # not checking what validate checks, and its time would mean nothing).
    accepted = (0,) if options.broken <= 0 else (0, 1)
    failed = [
        name
        for name, result in (("validate", validate), ("check-jsonschema", checker))
        if result.exit_code not in accepted
    ]
    floor_verdict = json.loads(floor.stdout) if floor.exit_code == 0 else None
    if floor_verdict is None or (options.broken <= 0 and floor_verdict["invalid"]):
        failed.append("floor")
    one = files[0]
    cold_validate = statistics.median(
        measure([*summit, "--no-cache", one], directory, environment).wall_seconds for _ in range(5)
    )
    cold_checker = statistics.median(
        measure([str(BIN / "check-jsonschema"), "--schemafile", str(schema), one], directory).wall_seconds
        for _ in range(5)
    )
    fill = measure([*summit, "--jobs", str(jobs)], directory, environment)
    warm = measure([*summit, "--jobs", str(jobs)], directory, environment)
    shutil.rmtree(directory / ".bench-cache", ignore_errors=True)

    report = json.loads(validate.stdout) if validate.stdout.strip().startswith("{") else {"findings": []}
    result: dict[str, Any] = {
        "machine": _machine(),
        "versions": _versions(),
        "files": len(files),
        "broken": options.broken,
        "jobs": jobs,
        "seed": options.seed,
        "corpus": {"directory": str(directory), "bytes": manifest["bytes"]},
        "tools": {
            "validate": _summary(validate, len(files)),
            "check-jsonschema": _summary(checker, len(files)),
            "floor": _summary(floor, len(files)),
        },
        "cold_start_seconds": {
            "validate": round(cold_validate, 3),
            "check-jsonschema": round(cold_checker, 3),
        },
        "warm_rerun": {
            "cache_fill_seconds": round(fill.wall_seconds, 3),
            "seconds": round(warm.wall_seconds, 3),
        },
        "ratios": {
            "throughput_validate_over_check_jsonschema": round(
                checker.wall_seconds / validate.wall_seconds, 2
            ),
            "time_validate_over_floor": round(validate.wall_seconds / floor.wall_seconds, 2),
            "cold_start_validate_over_check_jsonschema": round(cold_validate / cold_checker, 2),
            "warm_rerun_over_no_cache": round(warm.wall_seconds / validate.wall_seconds, 3),
            "peak_memory_validate_over_floor": round(validate.peak_bytes / max(floor.peak_bytes, 1), 2),
        },
        "errors_located": _located(report, manifest),
        "broken_over_clean": broken_cost,
        "failed_tools": failed,
    }
    if not options.corpus:
        shutil.rmtree(directory, ignore_errors=True)
    return result


def _print_table(result: dict[str, Any]) -> None:
    machine, versions = result["machine"], result["versions"]
    print(f"machine: {machine['platform']}, {machine['cpus_available']} cores, Python {machine['python']}")
    print("versions: " + ", ".join(f"{name} {version}" for name, version in versions.items()))
    print(
        f"corpus: {result['files']} files, {result['broken']:.0%} broken, mean "
        f"{result['corpus']['bytes']['mean'] / 1024:.1f} KiB; jobs {result['jobs']}"
    )
    print(f"{'tool':<18}{'wall s':>10}{'files/s':>12}{'peak MiB':>12}{'exit':>6}")
    for name, figures in result["tools"].items():
        print(
            f"{name:<18}{figures['wall_seconds']:>10.2f}{figures['files_per_second']:>12.1f}"
            f"{figures['peak_memory_mb']:>12.1f}{figures['exit_code']:>6}"
        )
    cold = result["cold_start_seconds"]
    print(
        f"cold start, one file (median of 5): validate {cold['validate']:.3f} s, "
        f"check-jsonschema {cold['check-jsonschema']:.3f} s"
    )
    warm = result["warm_rerun"]
    print(
        f"warm re-run with cache: {warm['seconds']:.2f} s "
        f"(filling the cache: {warm['cache_fill_seconds']:.2f} s)"
    )
    print("ratios: " + ", ".join(f"{name} {value}" for name, value in result["ratios"].items()))
    located = result["errors_located"]
    print(
        f"broken files located at the mutated node: {located['located']}/{located['broken']}; "
        f"clean files with errors: {located['clean_files_with_errors']}"
    )
    cost = result["broken_over_clean"]
    if cost is not None:
        print(
            f"validate, broken corpus over its all-valid twin: {cost['ratio_of_fastest']}x fastest, "
            f"{cost['ratio_of_medians']}x median (broken {cost['broken_seconds']} s, "
            f"all-valid {cost['clean_seconds']} s)"
        )
    if result["failed_tools"]:
        print("FAILED: " + ", ".join(result["failed_tools"]))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--files", type=int, required=True)
    parser.add_argument("--broken", type=float, default=0.0)
    parser.add_argument("--jobs", type=int, default=None, help="processes (default: the cores available)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--corpus", type=Path, default=None, help="reuse (or build) the corpus in DIR")
    parser.add_argument("--json", action="store_true", help="print the figures as one JSON document")
    parser.add_argument(
        "--compare-clean",
        action="store_true",
        help="with --broken: also validate the all-valid twin corpus and report the time ratio",
    )
    parser.add_argument("--repeat", type=int, default=1, help="with --compare-clean: runs of each corpus")
    options = parser.parse_args()
    result = run(options)
    if options.json:
        print(json.dumps(result, indent=2))
    else:
        _print_table(result)
    return 1 if result["failed_tools"] else 0


if __name__ == "__main__":
    sys.exit(main())
