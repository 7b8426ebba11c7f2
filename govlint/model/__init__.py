"""Model stage: the :class:`Report` built once per file, read by every rule.

Rules never re-read the file nor re-normalize text: what they need — sections, tables,
facts — is computed here, once.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import pairwise

from govlint.findings import Span
from govlint.model.enumerations import Enumeration, find_enumerations
from govlint.model.facts import (
    Fact,
    StatisticsPeriod,
    find_issuer,
    find_period,
    find_published,
    find_regime,
    find_title,
    find_year,
    issuer_type_of,
)
from govlint.model.national import NationalTables, read_tables
from govlint.model.residue import Residue, find_web_residue
from govlint.model.sections import Heading, Section, build_sections, iter_lines
from govlint.model.tables import LabelValueTable, find_tables
from govlint.normalize import NormalizedText, normalize
from govlint.sources import Source

__all__ = ["Overrides", "Report", "Section", "build_report"]

HEAD_CHARS = 20
_REPORT_SIGN = re.compile(r"年度报告|年报|工作报告")
_REPORT_TOPICS = tuple(
    re.compile(p) for p in (r"主动公开", r"依申请|公开申请", r"复议|诉讼", r"收费|信息处理费")
)


@dataclass(frozen=True, slots=True)
class Overrides:
    """Facts given by the user (config or command line) that beat what the text says."""

    year: Fact[int] | None = None
    issuer: Fact[str] | None = None
    issuer_type: Fact[str] | None = None
    regime: Fact[str] | None = None
    published: Fact[date] | None = None


@dataclass(eq=False)
class Report:
    source: Source
    norm: NormalizedText
    lines: list[tuple[int, int]]
    sections: Section
    headings: list[Heading]
    tables: list[LabelValueTable]
    title: Fact[str] | None
    period: StatisticsPeriod | None
    year: Fact[int] | None
    issuer: Fact[str] | None
    issuer_type: Fact[str] | None
    regime: Fact[str] | None
    published: Fact[date] | None = None
    """When the report was published: ``--published-on``/config, page metadata, or the
    signature date."""

    @property
    def path(self) -> str:
        return self.source.path

    @property
    def text(self) -> str:
        return self.norm.text

    def original(self, span: Span) -> str:
        """The text of a normalized span as it stands in the source (for quoting)."""
        source_span = self.norm.source_span(span)
        return self.source.text[source_span.start : source_span.end]

    @cached_property
    def head(self) -> Span | None:
        """Where findings about the whole report point: the title, else the first words."""
        if self.title is not None:
            return self.title.span
        for start, end in self.lines:
            line = self.text[start:end]
            if line.strip():
                lead = len(line) - len(line.lstrip())
                return Span(start + lead, min(end, start + lead + HEAD_CHARS))
        return None

    @cached_property
    def web_residue(self) -> list[Residue]:
        """Lines of web-page debris (breadcrumbs, counters, toolbars, CMS metadata)."""
        return find_web_residue(self.text, self.lines)

    @cached_property
    def is_report(self) -> bool:
        """Whether the text shows any sign of being an annual report: a report title, the
        words 年度报告/年报, or one of the topics a report must cover."""
        if self.title is not None or _REPORT_SIGN.search(self.text):
            return True
        return any(topic.search(self.text) for topic in _REPORT_TOPICS)

    @cached_property
    def enumerations(self) -> list[Enumeration]:
        """Lists written as 一是…二是…三是 (at least two items)."""
        return find_enumerations(self.text, self.headings)

    @cached_property
    def list_continuations(self) -> list[tuple[Section, Enumeration]]:
        """Top-level "sections" that are really the next item of a list: ``八、…`` right
        after ``…七是…`` in the section before it."""
        out: list[tuple[Section, Enumeration]] = []
        top = self.sections.children
        for previous, section in pairwise(top):
            number = section.heading.number
            inside = [
                e for e in self.enumerations if previous.start <= e.last.span.start < section.start
            ]
            if number and inside and inside[-1].last.number == number - 1 and number > 2:
                out.append((section, inside[-1]))
        return out

    @cached_property
    def top_sections(self) -> list[Section]:
        """The top-level sections, without those that continue a list."""
        fake = {id(section) for section, _ in self.list_continuations}
        return [s for s in self.sections.children if id(s) not in fake]

    @cached_property
    def national(self) -> NationalTables:
        """Tables 二、三、四 of the national template, as read (T19/T21 reports)."""
        year = self.year.value if self.year else None
        return read_tables(self.text, self.lines, self.line_of, year)

    def position(self, span: Span) -> str:
        """``line:column`` of a normalized span in the original file."""
        location = self.source.locate(self.norm.source_span(span))
        return f"{location.line}:{location.column}"

    def tables_data(self) -> list[dict[str, object]]:
        """The template tables as read, for ``--show-tables`` and ``govlint tables``."""
        order = ("二", "三", "四")
        tables = sorted(self.national.tables.values(), key=lambda t: order.index(t.spec.key))
        return [t.as_data(self.position) for t in tables]

    def section_at(self, offset: int) -> Section:
        """The innermost section containing ``offset``."""
        node = self.sections
        while True:
            for child in node.children:
                if child.start <= offset < child.end:
                    node = child
                    break
            else:
                return node

    @cached_property
    def _line_starts(self) -> list[int]:
        return [start for start, _ in self.lines]

    def line_of(self, offset: int) -> int:
        """0-based index into :attr:`lines` of the line holding ``offset``."""
        return max(0, bisect.bisect_right(self._line_starts, offset) - 1)

    def facts(self) -> dict[str, object]:
        """The facts as plain data, for JSON output and diagnosis."""

        def value(fact: Fact | None) -> dict[str, object] | None:
            return None if fact is None else {"value": fact.value, "origin": fact.origin}

        period = None
        if self.period is not None:
            period = {
                "text": self.period.text,
                "start": self.period.start.isoformat() if self.period.start else None,
                "end": self.period.end.isoformat() if self.period.end else None,
            }
        return {
            "title": value(self.title),
            "year": value(self.year),
            "issuer": value(self.issuer),
            "issuer_type": value(self.issuer_type),
            "regime": value(self.regime),
            "published": None
            if self.published is None
            else {"value": self.published.value.isoformat(), "origin": self.published.origin},
            "statistics_period": period,
            "sections": [f"{s.heading.label}、{s.title}" for s in self.top_sections],
            "list_continuations": [
                f"{s.heading.label}、{s.title}" for s, _ in self.list_continuations
            ],
            "enumerations": [[item.label for item in e.items] for e in self.enumerations],
            "is_report": self.is_report,
            "tables": len(self.tables),
            "template_tables": sorted(self.national.tables, key="二三四".index)
            if self.regime and self.regime.value != "FF"
            else [],
        }


def build_report(source: Source, overrides: Overrides | None = None) -> Report:
    overrides = overrides or Overrides()
    norm = normalize(source.text)
    text = norm.text
    lines = list(iter_lines(text))
    root, headings = build_sections(text, lines)
    title = find_title(text, lines)
    period = find_period(text)

    year = overrides.year or find_year(text, title, period)
    issuer = overrides.issuer or find_issuer(text, title)
    issuer_type = overrides.issuer_type
    if issuer_type is None and issuer is not None:
        kind = issuer_type_of(issuer.value)
        issuer_type = Fact(kind, "issuer", issuer.span) if kind else None
    regime = overrides.regime or find_regime(text, year)
    published = overrides.published or find_published(text, lines)

    return Report(
        source=source,
        norm=norm,
        lines=lines,
        sections=root,
        headings=headings,
        tables=find_tables(text, lines),
        title=title,
        period=period,
        year=year,
        issuer=issuer,
        issuer_type=issuer_type,
        regime=regime,
        published=published,
    )
