"""``load_corpus``: validate every file, read the ones without errors, and merge them into a ``Corpus``.

Each file is validated with the project's own checks (``FileChecker``, the result cache included) and
read from the very bytes that were validated; a file with any error is left out, with the reason, and
contributes nothing.
Files are handled in worker processes and merged as their contributions arrive, so only the merged
corpus is held in memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from multiprocessing import get_context
from pathlib import Path

from summit_schema.corpus.basics import LeftOut
from summit_schema.corpus.contribution import Contribution
from summit_schema.corpus.merge import CorpusBuilder
from summit_schema.corpus.model import Corpus
from summit_schema.corpus.registry_view import RegistryView
from summit_schema.corpus.worker import CorpusWorker
from summit_schema.loading.discovery import discover_files, find_project_root
from summit_schema.running.options import ValidationOptions
from summit_schema.running.runner import available_cores

__all__ = ["CorpusUsageError", "default_paths", "load_corpus"]

_MIN_FILES_PER_WORKER = 8
_worker: CorpusWorker | None = None


class CorpusUsageError(ValueError):
    """The paths name nothing to read (a missing path, or no annotation files); the message says which."""


def default_paths() -> list[Path]:
    """The project's ``annotations/`` folder: of the project the current directory is in."""
    root = find_project_root(Path.cwd() / "annotations")
    return [(root or Path.cwd()) / "annotations"]


@dataclass(frozen=True)
class _Job:
    display: str
    path: Path
    root: Path | None


def _start(options: ValidationOptions) -> None:
    global _worker  # noqa: PLW0603 - one worker state per process, reused for every file
    _worker = CorpusWorker(options)


def _handle(job: _Job) -> Contribution | LeftOut:
    assert _worker is not None
    return _worker.handle(job.display, job.path, job.root)


def _results(jobs: list[_Job], options: ValidationOptions, workers: int) -> Iterator[Contribution | LeftOut]:
    if workers <= 1:
        _start(options)
        yield from map(_handle, jobs)
        return
    chunk = max(1, min(32, len(jobs) // (workers * 8)))
    with get_context("fork" if hasattr(os, "fork") else "spawn").Pool(
        workers, initializer=_start, initargs=(options,)
    ) as pool:
        yield from pool.imap(_handle, jobs, chunksize=chunk)


def load_corpus(
    paths: Sequence[str | Path] | None = None,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
) -> Corpus:
    """Validate the annotations under ``paths`` (default: the project's ``annotations/``) and reconcile them.

    Only files that validate without errors contribute; the others are listed in ``Corpus.left_out``
    with the reason. ``jobs`` is the number of worker processes (None: the cores available); the result
    does not depend on it, nor on the order of the files. Raises CorpusUsageError when a path does not
    exist or there is no annotation file to read.
    """
    given = list(paths) if paths else default_paths()
    files, problems = discover_files(given)
    if problems:
        raise CorpusUsageError("; ".join(problems))
    if not files:
        raise CorpusUsageError(f"no annotation files in {', '.join(map(str, given))}")
    options = ValidationOptions(use_cache=use_cache)
    roots: dict[Path, Path | None] = {}
    work = []
    for display, path in files:
        parent = path.absolute().parent
        if parent not in roots:
            roots[parent] = find_project_root(path)
        work.append(_Job(display, path, roots[parent]))
    registry = RegistryView()
    for root in sorted({root for root in roots.values() if root is not None}):
        registry.merge(CorpusWorker.registry_view(root))
    requested = jobs if jobs is not None else available_cores()
    workers = max(1, min(requested, len(work) // _MIN_FILES_PER_WORKER))
    builder = CorpusBuilder()
    left_out: list[LeftOut] = []
    for result in _results(work, options, workers):
        if isinstance(result, LeftOut):
            left_out.append(result)
        else:
            builder.add(result)
    return builder.build(registry, left_out)
