"""Output stage: one module per format, each a ``render(run, stream)`` function.

Formats are looked up by name and imported only when used, so that e.g. ``--format json``
never pays for importing rich.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field
from typing import TextIO

from govlint.engine import FileResult
from govlint.findings import Finding, Severity
from govlint.plugins import Registry

FORMATS = {
    "rich": "govlint.output.terminal",
    "json": "govlint.output.json_format",
    "sarif": "govlint.output.sarif",
}


@dataclass
class Run:
    """Everything an output format needs."""

    registry: Registry
    lang: str
    results: list[FileResult] = field(default_factory=list)
    run_findings: list[Finding] = field(default_factory=list)
    show_facts: bool = False
    """Terminal output: print what govlint read from each report (JSON always has it)."""

    @property
    def findings(self) -> list[Finding]:
        return [*self.run_findings, *(f for r in self.results for f in r.findings)]

    def counts(self) -> Counter[Severity]:
        return Counter(f.severity for f in self.findings)


def render(fmt: str, run: Run, stream: TextIO, color: bool = False) -> None:
    module = importlib.import_module(FORMATS[fmt])
    module.render(run, stream, color=color)
