"""Running the checks over many files: in worker processes, in order, with a progress callback."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from multiprocessing import get_context
from pathlib import Path

from summit_schema.findings import Finding, Report
from summit_schema.loading.discovery import REGISTRY_FILE_NAME, find_project_root
from summit_schema.running.checker import FileChecker
from summit_schema.running.options import ValidationOptions

__all__ = ["Progress", "available_cores", "run_files"]

Progress = Callable[[int, int], None]
"""Called with (files done, files in all) as results come in."""

_MIN_FILES_PER_WORKER = 8
_worker_checker: FileChecker | None = None


def available_cores() -> int:
    """The cores this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - not on Linux
        return max(1, os.cpu_count() or 1)


def _start_worker(options: ValidationOptions) -> None:
    global _worker_checker  # noqa: PLW0603 - one checker per worker process, reused for every file
    _worker_checker = FileChecker(options)


def _check_in_worker(item: tuple[str, Path]) -> list[Finding]:
    assert _worker_checker is not None
    return _worker_checker.check_path(*item)


def _results(files: Sequence[tuple[str, Path]], checker: FileChecker, jobs: int) -> Iterator[list[Finding]]:
    """Each file's findings, in order: in this process with ``checker``, or in ``jobs`` workers."""
    options = checker.options
    if jobs <= 1:
        for file, path in files:
            yield checker.check_path(file, path)
        return
    chunk = max(1, min(64, len(files) // (jobs * 8)))
    with get_context("fork" if hasattr(os, "fork") else "spawn").Pool(
        jobs, initializer=_start_worker, initargs=(options,)
    ) as pool:
        yield from pool.imap(_check_in_worker, files, chunksize=chunk)


def run_files(
    files: Sequence[tuple[str, Path]], options: ValidationOptions, progress: Progress | None = None
) -> Report:
    """Check ``files`` and return the report; registries are checked once and reported once."""
    report = Report()
    checker = FileChecker(options)
    roots: dict[Path, Path | None] = {}
    for _, path in files:
        parent = path.absolute().parent
        if parent not in roots:
            roots[parent] = find_project_root(path)
    for root in sorted({root for root in roots.values() if root is not None}):
        report.extend(checker.registry(root).findings)
    registries = [(name, path) for name, path in files if _is_project_registry(path, roots)]
    report.files += len(registries)  # named on the command line: checked above as the registry it is
    files = [entry for entry in files if entry not in registries]
    requested = options.jobs if options.jobs is not None else available_cores()
    jobs = max(1, min(requested, len(files) // _MIN_FILES_PER_WORKER))
    for done, findings in enumerate(_results(files, checker, jobs), start=1):
        report.files += 1
        report.extend(findings)
        if progress is not None:
            progress(done, len(files))
    return report


def _is_project_registry(path: Path, roots: dict[Path, Path | None]) -> bool:
    """Whether ``path`` is the registry of its own project root, not an annotation."""
    root = roots.get(path.absolute().parent)
    if path.name != REGISTRY_FILE_NAME or root is None:
        return False
    try:
        return path.resolve() == root / REGISTRY_FILE_NAME
    except (OSError, RuntimeError):  # a symlink loop is no registry; the checker reports it
        return False
