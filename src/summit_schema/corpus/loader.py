"""``load_corpus``: validate every file, read the ones without errors, and merge them into a ``Corpus``.

Each file is validated with the project's own checks (``FileChecker``, the result cache included) and
read from the very bytes that were validated; a file with any error is left out, with the reason, and
contributes nothing.
Files are handled in worker processes, each of which merges what its files report; the parent merges
the workers' shares, so that only distinct reports are held in memory or cross between processes.
"""

from __future__ import annotations

import os
import queue
import traceback
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from multiprocessing import get_context
from multiprocessing.process import BaseProcess
from multiprocessing.queues import Queue
from pathlib import Path
from typing import Any

from summit_schema.corpus.basics import LeftOut
from summit_schema.corpus.contribution import Contribution
from summit_schema.corpus.merge import CorpusBuilder
from summit_schema.corpus.model import Corpus
from summit_schema.corpus.registry_view import RegistryView
from summit_schema.corpus.worker import CorpusWorker
from summit_schema.loading.discovery import REGISTRY_FILE_NAME, discover_files, find_project_root
from summit_schema.running.options import ValidationOptions
from summit_schema.running.runner import available_cores

__all__ = ["CorpusUsageError", "CorpusWorkerFailed", "default_paths", "load_corpus"]

_MIN_FILES_PER_WORKER = 8
_CHUNK = 16
"""Files a worker takes from the queue at a time."""
_POLL_SECONDS = 0.5


class CorpusUsageError(ValueError):
    """The paths name nothing to read (a missing path, or no annotation files); the message says which."""


class CorpusWorkerFailed(RuntimeError):
    """A worker process died or raised before handing back its share of the corpus."""


def default_paths() -> list[Path]:
    """The project's ``annotations/`` folder: of the project the current directory is in."""
    root = find_project_root(Path.cwd() / "annotations")
    return [(root or Path.cwd()) / "annotations"]


@dataclass(frozen=True)
class _Job:
    display: str
    path: Path
    root: Path | None


@dataclass
class _Share:
    """What one process collected: the merged reports of its files and the files it left out."""

    builder: CorpusBuilder = field(default_factory=CorpusBuilder)
    left_out: list[LeftOut] = field(default_factory=list)

    def take(self, result: Contribution | LeftOut) -> None:
        if isinstance(result, LeftOut):
            self.left_out.append(result)
        else:
            self.builder.add(result)


def _collect(jobs: Iterable[_Job], worker: CorpusWorker, share: _Share) -> None:
    for job in jobs:
        share.take(worker.handle(job.display, job.path, job.root))


def _work(options: ValidationOptions, tasks: Queue[list[_Job] | None], results: Queue[Any]) -> None:
    """A worker process: handle chunks of files until told to stop, then hand back its whole share.

    Merging in the worker means only distinct reports cross between processes, once per worker.
    """
    try:
        worker, share = CorpusWorker(options), _Share()
        for chunk in iter(tasks.get, None):
            _collect(chunk, worker, share)
        results.put(share)
    except BaseException:  # handed to the parent, which raises it as CorpusWorkerFailed
        results.put(traceback.format_exc())


def _shares(jobs: list[_Job], options: ValidationOptions, workers: int) -> Iterator[_Share]:
    """Each process's share: this process's alone, or one from each of ``workers`` worker processes."""
    if workers <= 1:
        share = _Share()
        _collect(jobs, CorpusWorker(options), share)
        yield share
        return
    context = get_context("fork") if hasattr(os, "fork") else get_context("spawn")
    tasks: Queue[list[_Job] | None] = context.Queue()
    results: Queue[Any] = context.Queue()
    for start in range(0, len(jobs), _CHUNK):
        tasks.put(jobs[start : start + _CHUNK])
    for _ in range(workers):
        tasks.put(None)
    processes = [
        context.Process(target=_work, args=(options, tasks, results), daemon=True) for _ in range(workers)
    ]
    for process in processes:
        process.start()
    try:
        for _ in processes:
            yield _next_share(results, processes)
        for process in processes:
            process.join()
    finally:
        for process in processes:
            if process.is_alive():
                process.terminate()


def _next_share(results: Queue[Any], processes: Sequence[BaseProcess]) -> _Share:
    while True:
        try:
            result = results.get(timeout=_POLL_SECONDS)
        except queue.Empty:
            dead = [process.exitcode for process in processes if process.exitcode not in (None, 0)]
            if dead:
                raise CorpusWorkerFailed(f"a worker process exited with code {dead[0]}") from None
            continue
        if isinstance(result, _Share):
            return result
        raise CorpusWorkerFailed(f"a worker process failed:\n{result}")


def load_corpus(
    paths: str | os.PathLike[str] | Iterable[str | os.PathLike[str]] | None = None,
    *,
    jobs: int | None = None,
    use_cache: bool = True,
) -> Corpus:
    """Validate the annotations under ``paths`` (default: the project's ``annotations/``) and reconcile them.

    ``paths`` is one file or folder, or several: ``load_corpus("annotations")``,
    ``load_corpus(["annotations/a.yaml", "more/"])``.

    Only files that validate without errors contribute; the others are listed in ``Corpus.left_out``
    with the reason. ``jobs`` is the number of worker processes (None: the cores available); the result
    does not depend on it, nor on the order of the files. Raises CorpusUsageError when a path does not
    exist, names the registry, or there is no annotation file to read.
    """
    if isinstance(paths, str | os.PathLike):
        paths = [paths]
    given: list[str | Path] = [os.fspath(path) for path in paths] if paths is not None else []
    given = given or list(default_paths())
    files, problems = discover_files(given)
    problems += [
        f"{display}: is the project's registry, not an annotation (the report reads it as the registry)"
        for display, path in files
        if path.name == REGISTRY_FILE_NAME
    ]
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
    for share in _shares(work, options, workers):
        builder.absorb(share.builder)
        left_out.extend(share.left_out)
    return builder.build(registry, left_out)
