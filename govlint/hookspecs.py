"""Plugin hooks (pluggy). Built-in rules register through the same hooks as third-party ones.

A plugin is a module (or object) with functions marked ``@hookimpl``, published under the
entry-point group ``govlint``::

    [project.entry-points.govlint]
    myrules = "my_package.plugin"
"""

from __future__ import annotations

import pluggy

PROJECT = "govlint"
ENTRY_POINT_GROUP = "govlint"

hookspec = pluggy.HookspecMarker(PROJECT)
hookimpl = pluggy.HookimplMarker(PROJECT)


@hookspec
def govlint_rules():
    """Called once when the rule registry is built.

    Return a list of :class:`govlint.rules.Rule` subclasses. Import rule modules inside the
    implementation, not at module import, so that ``govlint --help`` stays fast.
    """


@hookspec
def govlint_sum_groups():
    """Called once per run by GL601 (legacy-table-sum).

    Return a list of partitions, each a dict with ``name``, ``parent`` (list of regexes) and
    ``children`` (list of ``{"name": ..., "match": [regexes]}``), like the built-in data file
    ``govlint/data/legacy_partitions.toml``.
    """


@hookspec
def govlint_sources():
    """Called once per run by the sources stage.

    Return a dict mapping a lower-case file suffix (``".rtf"``) to a reader
    ``(path: Path, display: str) -> govlint.sources.Source`` that raises
    ``govlint.sources.SourceError`` for files it can't read.
    """
