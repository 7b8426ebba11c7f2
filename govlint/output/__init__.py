"""Output stage: one module per format, each a ``render(run, stream)`` function.

Formats are looked up by name and imported only when used, so that e.g. ``--format json``
never pays for importing rich.
"""

from __future__ import annotations

import functools
import importlib
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TextIO

from govlint.engine import FileResult
from govlint.findings import Finding, Severity
from govlint.plugins import Registry
from govlint.reportsets import add_findings, freeze, thaw

if TYPE_CHECKING:
    from govlint.baseline import BaselineOutcome

_CONTROL_PICTURES = {c: 0x2400 + c for c in range(0x20)} | {0x7F: 0x2421}
_CONTROL_PICTURES.update(dict.fromkeys(range(0x80, 0xA0), 0xFFFD))


@functools.cache
def _pictures_but(keep: str) -> dict[int, int]:
    return {c: p for c, p in _CONTROL_PICTURES.items() if chr(c) not in keep}


def show_controls(text: str, keep: str = "\t") -> str:
    """Control characters of report text as visible symbols (ESC → ␛), but those in
    ``keep``: an escape sequence in a report must not recolour or rewrite a terminal."""
    return text.translate(_pictures_but(keep))


FORMATS = {
    "rich": "govlint.output.terminal",
    "json": "govlint.output.json_format",
    "sarif": "govlint.output.sarif",
    "github": "govlint.output.github",
    "junit": "govlint.output.junit",
    "html": "govlint.output.html",
}


class ResultStore:
    """The results of a run, kept packed (pickled and compressed) as they arrive, so that a
    batch of 10 000 reports holds a few kilobytes per report, not its findings, facts and
    text as objects. Iterating unpacks them one at a time, with the findings the report
    sets added (:meth:`add_findings`) merged in order. ``store[i] = result`` repacks."""

    def __init__(self) -> None:
        self._packed: list[bytes] = []
        self._added: dict[int, list[Finding]] = {}

    def append(self, result: FileResult) -> int:
        """Keep ``result`` (or a worker's ``PackedResult`` as it is); its index."""
        self._packed.append(getattr(result, "packed", None) or freeze(result))
        return len(self._packed) - 1

    def add_findings(self, added: dict[int, list[Finding]]) -> None:
        for index, findings in added.items():
            self._added.setdefault(index, []).extend(findings)

    def __len__(self) -> int:
        return len(self._packed)

    def __getitem__(self, index: int) -> FileResult:
        result = thaw(self._packed[index])
        if index in self._added:
            add_findings(result, self._added[index])
        return result

    def __setitem__(self, index: int, result: FileResult) -> None:
        self._packed[index] = freeze(result)
        self._added.pop(index, None)

    def __iter__(self) -> Iterator[FileResult]:
        return (self[i] for i in range(len(self._packed)))


@dataclass
class Run:
    """Everything an output format needs."""

    registry: Registry
    lang: str
    results: Sequence[FileResult] = field(default_factory=list)
    """A list, or a :class:`ResultStore` (iterate it; each pass unpacks the results)."""
    run_findings: list[Finding] = field(default_factory=list)
    show_facts: bool = False
    """Terminal output: print what govlint read from each report (JSON always has it)."""
    fail_threshold: Severity | None = Severity.ERROR
    """Lowest severity that fails the run (None: ``--fail-on never``); JUnit marks it."""
    statistics: bool = False
    """Terminal/JSON: counts per rule instead of the findings."""
    baseline: BaselineOutcome | None = None
    """What the baseline hid, and its entries that no longer match."""

    _tally: tuple[Counter, Counter, dict, int] | None = field(default=None, init=False, repr=False)

    @property
    def findings(self) -> list[Finding]:
        return list(self.iter_findings())

    def iter_findings(self) -> Iterator[Finding]:
        """Every finding, the run's own first, one file at a time (nothing held)."""
        yield from self.run_findings
        for result in self.results:
            yield from result.findings

    def _counted(self) -> tuple[Counter, Counter, dict, int]:
        """One pass: counts per severity, per (rule, name), the worst severity per rule and
        the number of fixed findings."""
        if self._tally is None:
            severities: Counter[Severity] = Counter()
            rules: Counter[tuple[str, str]] = Counter()
            worst: dict[str, Severity] = {}
            fixed = 0

            def count(findings: list[Finding]) -> None:
                for f in findings:
                    severities[f.severity] += 1
                    rules[f.rule, f.name] += 1
                    worst[f.rule] = max(f.severity, worst.get(f.rule, f.severity))

            count(self.run_findings)
            for result in self.results:
                fixed += result.fixed
                count(result.findings)
            self._tally = (severities, rules, worst, fixed)
        return self._tally

    def counts(self) -> Counter[Severity]:
        return self._counted()[0]

    def rule_counts(self) -> list[tuple[str, str, Severity, int]]:
        """``(rule, name, severity, count)`` per rule, most frequent first (``--statistics``)."""
        _, counts, worst, _ = self._counted()
        ordered = sorted(counts.items(), key=lambda item: (-item[1], item[0]))
        return [(rule, name, worst[rule], n) for (rule, name), n in ordered]

    @property
    def fixed(self) -> int:
        return self._counted()[3]


def render(fmt: str, run: Run, stream: TextIO, color: bool = False) -> None:
    module = importlib.import_module(FORMATS[fmt])
    module.render(run, stream, color=color)
