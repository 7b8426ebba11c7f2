"""``--format json``: one JSON document, stable key order, documented in README.md.

::

    {"tool": {"name": "govlint", "version": "0.1.0"},
     "files": [{"path": "report.txt", "facts": {...}}],
     "findings": [{"path": ..., "rule": "GL401", "name": "placeholder-year",
                   "severity": "error", "message": ..., "line": 3, "column": 9,
                   "end_line": 3, "end_column": 10, "place": null, "section": ...,
                   "fingerprint": ...}],
     "summary": {"files": 1, "findings": 1, "error": 1, "warning": 0, "info": 0,
                 "fixed": 0}}

With ``--statistics`` a ``statistics`` list (rule, name, severity, count) is added; with a
baseline, ``baseline`` (path, hidden, stale entries).

Positions are 1-based, in Unicode code points, in the original file; ``end_column`` is
exclusive. ``place`` names the page and line of a PDF, or the paragraph (and table cell) of a
Word document; for text and HTML files it is null. Findings about the run (GL003) have
``"path": null`` and no position.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict
from typing import TextIO

from govlint import __version__
from govlint.findings import Finding, Severity


def finding_to_dict(finding: Finding, lang: str) -> dict[str, object]:
    loc = finding.location
    return {
        "path": finding.path or None,
        "rule": finding.rule,
        "name": finding.name,
        "severity": finding.severity.label,
        "message": finding.text(lang),
        "line": loc.line if loc else None,
        "column": loc.column if loc else None,
        "end_line": loc.end_line if loc else None,
        "end_column": loc.end_column if loc else None,
        "place": (loc.place(lang) or None) if loc else None,
        "section": finding.section or None,
        "fingerprint": finding.fingerprint,
    }


def _dumps(value: object, depth: int) -> str:
    """``value`` as ``json.dump(..., indent=2)`` writes it ``depth`` levels down."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return text.replace("\n", "\n" + "  " * depth)


def _write_list(stream: TextIO, key: str, items: Iterable[object]) -> None:
    """``"key": [...]`` one item at a time, as ``json.dump(indent=2)`` would write it."""
    stream.write(f'  "{key}": [')
    empty = True
    for item in items:
        stream.write(("\n" if empty else ",\n") + "    " + _dumps(item, 2))
        empty = False
    stream.write("]" if empty else "\n  ]")


def render(run, stream: TextIO, color: bool = False) -> None:
    """Written as the results are read back, one file at a time: the document of a batch
    of thousands of reports is never held in memory."""
    counts = run.counts()
    tool = {"name": "govlint", "version": __version__}
    stream.write('{\n  "tool": ' + _dumps(tool, 1) + ",\n")
    _write_list(
        stream,
        "files",
        (
            {
                "path": r.path,
                "facts": r.facts,
                **({"tables": r.tables} if r.tables is not None else {}),
            }
            for r in run.results
        ),
    )
    stream.write(",\n")
    _write_list(stream, "findings", (finding_to_dict(f, run.lang) for f in run.iter_findings()))
    tail: dict[str, object] = {
        "summary": {
            "files": len(run.results),
            "findings": sum(counts.values()),
            **{s.label: counts.get(s, 0) for s in sorted(Severity, reverse=True)},
            "fixed": run.fixed,
        },
    }
    if run.statistics:
        tail["statistics"] = [
            {"rule": rule, "name": name, "severity": severity.label, "count": count}
            for rule, name, severity, count in run.rule_counts()
        ]
    if run.baseline is not None:
        tail["baseline"] = {
            "path": run.baseline.path,
            "hidden": run.baseline.hidden,
            "stale": [asdict(entry) for entry in run.baseline.stale],
        }
    for key, value in tail.items():
        stream.write(f',\n  "{key}": ' + _dumps(value, 1))
    stream.write("\n}\n")
