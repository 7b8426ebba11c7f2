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
from pathlib import Path

_engine = None


def _start(engine, cli) -> None:
    global _engine
    if engine is None:
        from govlint.engine import Engine
        from govlint.plugins import build_registry

        engine = Engine(build_registry(), cli)
    _engine = engine


def _check(item: tuple[Path, str]):
    return _engine.check_file(*item)


def check_in_processes(engine, files: list[tuple[Path, str]], jobs: int) -> Iterator:
    forking = "fork" in multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if forking else "spawn")
    initargs = (engine, None) if forking else (None, engine.cli)
    # Small chunks keep the workers busy to the end; a chunk per worker pass amortises IPC.
    chunksize = max(1, min(32, len(files) // (jobs * 8)))
    with ProcessPoolExecutor(
        jobs, mp_context=context, initializer=_start, initargs=initargs
    ) as pool:
        yield from pool.map(_check, files, chunksize=chunksize)
