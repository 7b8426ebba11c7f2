"""What a rule is: metadata as class attributes, documentation as the docstring.

A rule reads the :class:`~govlint.model.Report` and yields :class:`Hit` objects — a span of
the normalized text plus a message key and arguments. The engine turns hits into located,
translated :class:`~govlint.findings.Finding` objects, so no rule does position arithmetic.

The docstring is the user documentation (``govlint explain ID`` prints it) and has four
parts, ``## What it checks``, ``## Why``, ``## Bad example`` and ``## Good example``; the two
examples are fenced ``text`` blocks that the test suite runs through the rule.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from govlint.findings import Excerpt, LineIndex, Location, Severity, Span

if TYPE_CHECKING:
    from govlint.model import Report

ALL_REGIMES = frozenset({"FF", "T19", "T21"})
Text = str | tuple[str, str]
"""A message argument: the same in both languages, or ``(zh, en)``."""


@dataclass(frozen=True, slots=True)
class Hit:
    """One finding as a rule sees it.

    ``span`` is in normalized-text coordinates, or in source coordinates when
    ``in_source`` is set (for text the normalizer removed, such as pinyin annotations);
    ``None`` makes a file-level finding.
    """

    span: Span | None
    key: str = "default"
    args: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity | None = None
    in_source: bool = False
    fix: tuple[Edit, ...] | Callable[[], tuple[Edit, ...]] = ()
    """Edits that repair the finding, in the same coordinates as ``span``; applied by
    ``--fix`` when the rule's :attr:`Rule.fix` safety is allowed. A function giving them
    when they cost something to work out: only ``--fix`` calls it."""

    def edits(self) -> tuple[Edit, ...]:
        return self.fix() if callable(self.fix) else self.fix


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace ``span`` with ``text`` (an empty span inserts, empty text deletes)."""

    span: Span
    text: str = ""
    in_source: bool | None = None
    """Coordinates of ``span``: None means those of the hit."""
    not_a_figure: str = ""
    """Why the digits the edit adds or removes are no figure of the report: ``"year"`` (a
    year written into a gap, GL401) or ``"debris"`` (a line of the web page, GL703). Any
    other edit must keep the digits as they are."""


def per_line(lines: LineIndex, spans: Iterable[Span]) -> Iterator[list[Span]]:
    """Spans in text order, grouped by the line of ``lines`` they start on. Debris rules
    report once per line (the first span and the count), not once per character, and fix
    every span of the line."""
    group: list[Span] = []
    current = 0
    for span in spans:
        line = lines.position(span.start)[0]
        if group and line != current:
            yield group
            group = []
        group.append(span)
        current = line
    if group:
        yield group


def missing_topics(
    text: str,
    topics: Iterable[tuple[str, str, re.Pattern[str]]],
    start: int = 0,
    end: int | None = None,
) -> dict[str, str] | None:
    """Of ``(zh, en, pattern)`` topics, those ``text[start:end]`` never mentions, as message
    arguments ``missing`` (zh, joined with 、) and ``missing_en``; None when all are there."""
    end = len(text) if end is None else end
    missing = [(zh, en) for zh, en, pattern in topics if not pattern.search(text, start, end)]
    if not missing:
        return None
    return {
        "missing": "、".join(zh for zh, _ in missing),
        "missing_en": ", ".join(en for _, en in missing),
    }


def quote(text: str, limit: int) -> str:
    """``text`` for a message, cut to ``limit`` characters with an ellipsis."""
    return text if len(text) <= limit else text[:limit] + "…"


class Rule:
    id: ClassVar[str]
    name: ClassVar[str]
    severity: ClassVar[Severity]
    applies: ClassVar[frozenset[str]] = ALL_REGIMES
    """Regimes the rule applies to; reports whose regime is unknown are skipped by rules
    that don't apply to all three."""
    default_enabled: ClassVar[bool] = True
    fix: ClassVar[str | None] = None
    """``"safe"`` (applied by ``--fix``), ``"unsafe"`` (only with ``--unsafe-fixes``), or
    None: the rule offers no fix. A fix never changes a figure."""
    summary: ClassVar[dict[str, str]]
    """One line, ``{"zh": ..., "en": ...}``."""
    messages: ClassVar[dict[str, tuple[str, str]]]
    """Message templates by key: ``(zh, en)``, ``str.format`` fields from :attr:`Hit.args`."""

    def __init__(self, options: Mapping[str, Any] | None = None) -> None:
        self.options = dict(options or {})

    def check(self, report: Report) -> Iterable[Hit]:
        raise NotImplementedError

    # -- documentation -------------------------------------------------------------------
    @classmethod
    def documentation(cls) -> str:
        return inspect.cleandoc(cls.__doc__ or "")

    @classmethod
    def examples(cls) -> dict[str, str]:
        """The fenced examples of the docs: ``{"bad": ..., "good": ...}``."""
        found: dict[str, str] = {}
        pattern = r"^## (Bad|Good) example\s*\n+(?:[^`#\n][^\n]*\n+)*?```text\n(.*?)\n```"
        for m in re.finditer(pattern, cls.documentation(), re.S | re.M):
            found[m.group(1).lower()] = m.group(2) + "\n"
        return found

    @classmethod
    def format(cls, key: str, args: Mapping[str, Any], lang: str) -> str:
        zh, en = cls.messages[key]
        index = 0 if lang == "zh" else 1
        values = {k: (v[index] if isinstance(v, tuple) else v) for k, v in args.items()}
        return (zh if lang == "zh" else en).format(**values)


@dataclass(frozen=True, slots=True)
class Anchor:
    """A place in a report, located while the report was in memory, so that a cross-report
    rule can point at it once every report of the batch has been read (and dropped)."""

    location: Location | None = None
    snippet: str = ""
    section: str = ""
    source_line: str = ""
    excerpt: Excerpt | None = None
    text_span: Span | None = None


@dataclass(frozen=True, slots=True)
class ReportInfo:
    """One report as a cross-report rule sees it: who, which year, and what the rule
    collected from it (:meth:`CrossRule.collect`)."""

    path: str
    issuer: str | None
    year: int | None
    data: Any

    @property
    def as_prior(self) -> dict[str, Any]:
        """Message arguments naming this report as last year's: ``prior_year``, ``prior``."""
        return {"prior_year": self.year or "?", "prior": self.path}


@dataclass(frozen=True, slots=True)
class CrossHit:
    """A finding of a cross-report rule, on the report whose :class:`Anchor` it carries."""

    anchor: Anchor | None
    key: str = "default"
    args: Mapping[str, Any] = field(default_factory=dict)
    severity: Severity | None = None


class CrossRule(Rule):
    """A rule that compares reports: the same issuer's consecutive years (:meth:`compare`),
    and optionally every report of a batch (:meth:`across`).

    While a file is checked, :meth:`collect` takes what the rule will need — small and
    picklable (reports are checked in other processes with ``-j``), with places located as
    :class:`Anchor` objects. The report-sets stage pairs the reports afterwards.
    """

    def check(self, report: Report) -> Iterable[Hit]:
        return ()

    def collect(self, report: Report, anchor: Callable[[Span], Anchor]) -> Any:
        """What :meth:`compare` needs of ``report`` (None: nothing to compare)."""
        raise NotImplementedError

    def compare(self, prior: ReportInfo, current: ReportInfo) -> Iterable[CrossHit]:
        """Findings on ``current`` given the report of the year before."""
        raise NotImplementedError

    def across(self, reports: list[ReportInfo]) -> Iterable[tuple[int, CrossHit]]:
        """Findings over a whole batch, as ``(index into reports, hit)``."""
        return ()


class Diagnostic(Rule):
    """A finding about the run (GL0xx), raised by the engine rather than by a check."""

    def check(self, report: Report) -> Iterable[Hit]:
        return ()
