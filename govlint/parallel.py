"""Checking files in worker processes (``-j/--jobs``).

Results come back in the order the files were given, so the output of ``-j 4`` is byte for
byte that of ``-j 1``. Workers are forked where the platform allows it: they inherit the
engine (rules, plugins registered in-process, config cache) without pickling it. Elsewhere
each worker builds its own engine from the installed plugins and the same settings.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

_engine = None


def _start(engine, cli) -> None:
    global _engine
    if engine is None:
        from govlint.engine import Engine
        from govlint.plugins import build_registry

        engine = Engine(build_registry(), cli)
    _engine = engine


@dataclass
class PackedResult:
    """A worker's result made ready in the worker: the result packed for a
    :class:`~govlint.output.ResultStore`, the digest's values packed for the report sets.
    The parent, which shares the two cores with the workers, only files them."""

    path: str
    file: str
    digest: dict | None
    packed: bytes


def _check(item: tuple[Path, str]):
    return _engine.check_file(*item)


def _check_packed(item: tuple[Path, str]) -> PackedResult:
    from govlint.reportsets import freeze, pack_digest

    result = _engine.check_file(*item)
    digest, result.digest = result.digest, None
    return PackedResult(result.path, result.file, pack_digest(digest), freeze(result))


def check_in_processes(
    engine, files: list[tuple[Path, str]], jobs: int, packed: bool = False
) -> Iterator:
    """The results of ``files`` checked in ``jobs`` processes, in order; with ``packed``,
    :class:`PackedResult`\\ s for a ResultStore and ReportSets."""
    forking = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forking else "spawn")
    initargs = (engine, None) if forking else (None, engine.cli)
    # Small chunks keep the workers busy to the end; a chunk per worker pass amortises IPC.
    chunksize = max(1, min(32, len(files) // (jobs * 8)))
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start, initargs=initargs
    ) as pool:
        yield from pool.map(_check_packed if packed else _check, files, chunksize=chunksize)
