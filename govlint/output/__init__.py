"""Output stage: one module per format, each a ``render(run, stream)`` function.

Formats are looked up by name and imported only when used, so that e.g. ``--format json``
never pays for importing rich.
"""

from __future__ import annotations

import importlib
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from govlint.engine import FileResult
from govlint.findings import Finding, Severity
from govlint.plugins import Registry

if TYPE_CHECKING:
    from govlint.baseline import BaselineOutcome

_CONTROL_PICTURES = {c: 0x2400 + c for c in range(0x20)} | {0x7F: 0x2421}
_CONTROL_PICTURES.update(dict.fromkeys(range(0x80, 0xA0), 0xFFFD))


def show_controls(text: str, keep: str = "\t") -> str:
    """Control characters of report text as visible symbols (ESC → ␛), but those in
    ``keep``: an escape sequence in a report must not recolour or rewrite a terminal."""
    table = {c: p for c, p in _CONTROL_PICTURES.items() if chr(c) not in keep}
    return text.translate(table)


FORMATS = {
    "rich": "govlint.output.terminal",
    "json": "govlint.output.json_format",
    "sarif": "govlint.output.sarif",
    "github": "govlint.output.github",
    "junit": "govlint.output.junit",
    "html": "govlint.output.html",
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
    fail_threshold: Severity | None = Severity.ERROR
    """Lowest severity that fails the run (None: ``--fail-on never``); JUnit marks it."""
    statistics: bool = False
    """Terminal/JSON: counts per rule instead of the findings."""
    baseline: BaselineOutcome | None = None
    """What the baseline hid, and its entries that no longer match."""

    @property
    def findings(self) -> list[Finding]:
        return [*self.run_findings, *(f for r in self.results for f in r.findings)]

    def counts(self) -> Counter[Severity]:
        return Counter(f.severity for f in self.findings)

    def rule_counts(self) -> list[tuple[str, str, Severity, int]]:
        """``(rule, name, severity, count)`` per rule, most frequent first (``--statistics``)."""
        counts: Counter[tuple[str, str]] = Counter((f.rule, f.name) for f in self.findings)
        worst: dict[str, Severity] = {}
        for f in self.findings:
            worst[f.rule] = max(f.severity, worst.get(f.rule, f.severity))
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [(rule, name, worst[rule], n) for (rule, name), n in ordered]

    @property
    def fixed(self) -> int:
        return sum(r.fixed for r in self.results)


def render(fmt: str, run: Run, stream: TextIO, color: bool = False) -> None:
    module = importlib.import_module(FORMATS[fmt])
    module.render(run, stream, color=color)
