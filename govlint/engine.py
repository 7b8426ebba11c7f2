"""Engine stage: pick the rules for each file, run them in isolation, locate the findings.

Streaming: :meth:`Engine.run` yields one :class:`FileResult` per file and keeps no report
once its findings are made, so a batch of thousands of files runs in constant memory.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from govlint.config import Config, ConfigError, check_selector, find_config
from govlint.findings import Finding, Severity, Span, describe_exception
from govlint.fixes import FIXABLE_SUFFIXES, SourceEdit, apply_edits, unified_diff, write_atomically
from govlint.model import Overrides, Report, build_report
from govlint.model.facts import Fact
from govlint.plugins import Registry
from govlint.reportsets import digest
from govlint.rules.base import ALL_REGIMES, Anchor, CrossRule, Hit, Rule
from govlint.sources import DEFAULT_LIMITS, Limits, Source, SourceError, read_source

SNIPPET_CONTEXT = 8
MAX_SNIPPET = 200
MAX_SOURCE_LINE = 2000
FIX_LEVELS = {"safe": ("safe",), "unsafe": ("safe", "unsafe")}
SKIP_DIRS = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}


@dataclass(frozen=True)
class CliSettings:
    """What the command line says; it beats every config file."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    year: int | None = None
    issuer_type: str | None = None
    published_on: date | None = None
    show_tables: bool = False
    keep_text: bool = False
    """Keep each file's text in its result (the HTML report shows it)."""
    fix: str | None = None
    """``"safe"`` (``--fix``) or ``"unsafe"`` (``--unsafe-fixes``): apply the rules' edits."""
    diff: bool = False
    """With ``fix``: compute the diff, don't write."""


@dataclass
class FileResult:
    path: str
    """The path as shown to the user."""
    file: str = ""
    """The path as opened (settings of the report sets are looked up from it)."""
    findings: list[Finding] = field(default_factory=list)
    facts: dict[str, object] | None = None
    tables: list[dict[str, object]] | None = None
    """The template tables as read (``--show-tables``)."""
    digest: dict[str, object] | None = None
    """What cross-report rules need of this report (small, picklable); see reportsets."""
    fixed: int = 0
    """Findings removed by ``--fix`` (the findings listed are those of the re-check)."""
    diff: str = ""
    """``--diff``: the unified diff of the fixes, not written."""
    fix_error: str = ""
    """Why the fixed text could not be written (one line)."""
    text: str | None = None
    """The text govlint read (``keep_text``), for the HTML report."""


@dataclass(frozen=True)
class _FileSettings:
    rules: tuple[Rule, ...]
    severity: dict[str, Severity]
    ignored: frozenset[str]
    overrides: Overrides
    limits: Limits = DEFAULT_LIMITS


def is_content_rule(rule_id: str) -> bool:
    """GL1xx–GL6xx judge the report's content; skipped when the text is not a report."""
    return len(rule_id) == 5 and rule_id.startswith("GL") and rule_id[2] in "123456"


def selects(selector: str, rule_id: str) -> bool:
    """Ruff-style selection: ``ALL``, a full id, or an id prefix (``GL4``)."""
    return selector == "ALL" or rule_id.startswith(selector)


def select_rules(
    registry: Registry,
    select: Iterable[str] | None,
    extend_select: Iterable[str],
    ignore: Iterable[str],
) -> list[str]:
    """Rule ids selected by ruff-style prefixes; diagnostics stay on unless ignored."""
    ids = list(registry.rules)

    def matching(selectors: Iterable[str]) -> set[str]:
        return {i for i in ids for selector in selectors if selects(selector, i)}

    if select is None:
        chosen = {i for i in ids if registry.rules[i].default_enabled}
    else:
        chosen = matching(select) | {i for i in ids if i.startswith("GL0")}
    chosen |= matching(extend_select)
    chosen -= matching(ignore)
    return sorted(chosen)


class Engine:
    def __init__(self, registry: Registry, cli: CliSettings | None = None) -> None:
        self.registry = registry
        self.cli = cli or CliSettings()
        known = set(registry.rules)
        for selector in (*(self.cli.select or ()), *self.cli.extend_select, *self.cli.ignore):
            check_selector(selector, known, lambda reason: ConfigError("command line", "", reason))
        self._settings: dict[int, _FileSettings] = {}
        self.cross_reports = True
        """Collect what cross-report rules need; off when a run has one report only."""

    # -- configuration -------------------------------------------------------------------
    def config_for(self, path: Path) -> Config:
        return find_config(path.parent, self.registry.rules)

    def _base_settings(self, config: Config) -> _FileSettings:
        cached = self._settings.get(id(config))
        if cached is not None:
            return cached
        select = self.cli.select if self.cli.select is not None else config.select
        ids = select_rules(
            self.registry,
            select,
            (*config.extend_select, *self.cli.extend_select),
            (*config.ignore, *self.cli.ignore),
        )
        # Options every rule may read; GL601 takes its extra partitions from here.
        options = {
            "partitions": (*config.legacy_partitions, *self.registry.sum_groups),
            "blank_as_zero": config.blank_as_zero,
            "deadlines": dict(config.deadlines),
            "similarity": config.similarity,
        }
        rules = tuple(self.registry.rules[i](options) for i in ids)
        settings = _FileSettings(
            rules, dict(config.severity), frozenset(), Overrides(), config.limits
        )
        self._settings[id(config)] = settings
        return settings

    def settings_for(self, path: Path) -> _FileSettings:
        config = self.config_for(path)
        base = self._base_settings(config)
        ignored = frozenset(
            rule.id
            for selector in config.ignored_for(path)
            for rule in base.rules
            if selects(selector, rule.id)
        )
        override = config.override_for(path)

        def fact(cli_value, file_value):
            if cli_value is not None:
                return Fact(cli_value, "cli")
            return Fact(file_value, "config") if file_value is not None else None

        overrides = Overrides(
            year=fact(self.cli.year, override and override.year),
            issuer=fact(None, override and override.issuer),
            issuer_type=fact(self.cli.issuer_type, override and override.issuer_type),
            regime=fact(None, override and override.regime),
            published=fact(self.cli.published_on, override and override.published_on),
        )
        return _FileSettings(base.rules, base.severity, ignored, overrides, base.limits)

    # -- running -------------------------------------------------------------------------
    def discover(self, paths: Iterable[str | Path]) -> list[tuple[Path, str]]:
        """The files to check, sorted by their shown path: the output does not depend on
        the order of the arguments or of the file system."""
        return sorted(discover(paths, self.registry.readers), key=lambda f: f[1])

    def run(self, paths: Iterable[str | Path], jobs: int = 1) -> Iterator[FileResult]:
        """Check every file under ``paths``, in discovery order (also with ``jobs`` > 1)."""
        return self.run_files(self.discover(paths), jobs)

    def run_files(
        self, files: list[tuple[Path, str]], jobs: int = 1, packed: bool = False
    ) -> Iterator[FileResult]:
        """With ``jobs`` > 1 and ``packed``, workers hand back ``PackedResult``\\ s (see
        govlint.parallel), which a ResultStore and the report sets take as they are."""
        if jobs > 1 and len(files) > 1:
            from govlint.parallel import check_in_processes

            yield from check_in_processes(self, files, jobs, packed)
            return
        for path, display in files:
            yield self.check_file(path, display)

    def run_findings(self) -> list[Finding]:
        """Findings about the run itself: plugins that failed to load (GL003)."""
        cls = self.registry.rules["GL003"]
        return [
            self._finding(cls, Hit(None, args={"plugin": e.plugin, "error": e.error}), None, "")
            for e in self.registry.errors
        ]

    def check_file(self, path: Path, display: str) -> FileResult:
        result, report, fixable = self._check(path, display)
        if fixable and report is not None and path.suffix.lower() in FIXABLE_SUFFIXES:
            return self._fix(path, display, result, report, fixable)
        return result

    def _check(
        self, path: Path, display: str
    ) -> tuple[FileResult, Report | None, list[tuple[Finding, Hit]]]:
        settings = self.settings_for(path)
        try:
            source = read_source(path, display, self.registry.readers, settings.limits)
        except SourceError as exc:
            result = FileResult(display, str(path))
            hit = Hit(None, args={"reason": (exc.zh, exc.en)})
            if "GL001" not in settings.ignored:
                result.findings.append(
                    self._finding(self.registry.rules["GL001"], hit, None, display, settings)
                )
            return result, None, []
        return self.check_source(source, path, display, settings)

    def check_source(
        self, source: Source, path: Path, display: str, settings: _FileSettings | None = None
    ) -> tuple[FileResult, Report, list[tuple[Finding, Hit]]]:
        """Run the rules on a source already read (``path`` picks the configuration)."""
        settings = settings or self.settings_for(path)
        result = FileResult(display, str(path))
        fixable: list[tuple[Finding, Hit]] = []
        report = build_report(source, settings.overrides)
        if self.cli.keep_text:
            result.text = source.text
        result.facts = report.facts()
        if self.cli.show_tables:
            result.tables = report.tables_data()
        regime = report.regime.value if report.regime else None
        content_rules_apply = report.is_report  # else GL004, and only text hygiene runs
        collected: dict[str, Any] = {}
        for rule in settings.rules:
            if rule.id in settings.ignored:
                continue
            if not content_rules_apply and is_content_rule(rule.id):
                continue
            if rule.applies != ALL_REGIMES and regime not in rule.applies:
                continue
            try:
                if isinstance(rule, CrossRule):
                    if not self.cross_reports:
                        continue
                    data = rule.collect(report, lambda span, r=report: self.anchor(r, span))
                    if data is not None:
                        collected[rule.id] = data
                    continue
                hits = list(rule.check(report))
            except Exception as exc:  # a crashing rule must not stop the others
                crash = Hit(None, args={"rule": rule.id, "error": describe_exception(exc)})
                result.findings.append(
                    self._finding(self.registry.rules["GL002"], crash, None, display, settings)
                )
                continue
            fixing = self.cli.fix is not None and rule.fix in FIX_LEVELS[self.cli.fix]
            for hit in hits:
                finding = self._finding(type(rule), hit, report, display, settings)
                result.findings.append(finding)
                if fixing and hit.fix:
                    fixable.append((finding, hit))
        if collected:
            result.digest = digest(report, collected)
        result.findings.sort(key=Finding.sort_key)
        return result, report, fixable

    def _fix(
        self,
        path: Path,
        display: str,
        result: FileResult,
        report: Report,
        fixable: list[tuple[Finding, Hit]],
    ) -> FileResult:
        """Apply the edits; with ``diff`` only describe them. A re-check gives the findings
        that remain."""
        edits = []
        for index, (_, hit) in enumerate(fixable):
            for edit in hit.edits():
                in_source = hit.in_source if edit.in_source is None else edit.in_source
                span = edit.span if in_source else report.norm.source_span(edit.span)
                edits.append(SourceEdit(span, edit.text, index, edit.not_a_figure))
        old = report.source.text
        new, fixed = apply_edits(old, edits)
        if new == old:
            return result
        if self.cli.diff:
            result.diff = unified_diff(display, old, new)
            result.fixed = len(fixed)
            return result
        try:
            write_atomically(path, new, report.source.encoding)
        except OSError as exc:
            result.fix_error = f"{display}: {exc.strerror or type(exc).__name__}"
            return result
        rechecked = self._check(path, display)[0]
        rechecked.fixed = len(fixed)
        return rechecked

    def _finding(
        self,
        cls: type[Rule],
        hit: Hit,
        report: Report | None,
        path: str,
        settings: _FileSettings | None = None,
    ) -> Finding:
        severity = self.severity_of(cls, hit.severity, settings)
        if report is None or hit.span is None:
            return self.finding_at(cls, None, hit.key, hit.args, severity, path)
        anchor = self.anchor(report, hit.span, hit.in_source)
        return self.finding_at(cls, anchor, hit.key, hit.args, severity, path)

    @staticmethod
    def severity_of(
        cls: type[Rule], hit_severity: Severity | None, settings: _FileSettings | None
    ) -> Severity:
        """The config's severity for the rule, else the hit's own, else the rule's default."""
        if settings is not None and cls.id in settings.severity:
            return settings.severity[cls.id]
        return hit_severity or cls.severity

    @staticmethod
    def finding_at(
        cls: type[Rule],
        anchor: Anchor | None,
        key: str,
        args: Mapping[str, Any],
        severity: Severity,
        path: str,
    ) -> Finding:
        message = {lang: cls.format(key, args, lang) for lang in ("zh", "en")}
        if anchor is None:
            return Finding(cls.id, cls.name, severity, message, path)
        return Finding(
            rule=cls.id,
            name=cls.name,
            severity=severity,
            message=message,
            path=path,
            location=anchor.location,
            snippet=anchor.snippet,
            section=anchor.section,
            source_line=anchor.source_line,
            excerpt=anchor.excerpt,
            text_span=anchor.text_span,
        )

    @staticmethod
    def anchor(report: Report, span: Span, in_source: bool = False) -> Anchor:
        """Where ``span`` is in the original file, with what the outputs show of it."""
        source: Source = report.source
        if in_source:
            source_span = span
            norm_offset = report.norm.offsets.to_normalized(span.start)
            snippet = source.text[span.start : min(span.end, span.start + MAX_SNIPPET)]
        else:
            source_span = report.norm.source_span(span)
            norm_offset = span.start
            line_start, line_end = report.lines[report.line_of(span.start)]
            first = max(line_start, span.start - SNIPPET_CONTEXT)
            last = min(line_end, span.end + SNIPPET_CONTEXT, first + MAX_SNIPPET)
            snippet = report.text[first:last]
        location = source.locate(source_span)
        return Anchor(
            location=location,
            snippet=snippet,
            section=report.section_at(norm_offset).path,
            # SARIF's context snippet is the whole line; not for a report on one long line.
            source_line=source.line_text(location.line, MAX_SOURCE_LINE),
            excerpt=source.excerpt(source_span),
            text_span=source_span,
        )


def discover(paths: Iterable[str | Path], readers: dict) -> Iterator[tuple[Path, str]]:
    """Files to check, in a stable order; directories recurse over supported suffixes.

    A path given explicitly is always checked (an unsupported or missing one becomes GL001);
    inside directories only supported files are taken, hidden and tool folders are skipped,
    and symbolic links to directories are not followed (no loops). A directory that can't
    be listed is yielded itself, so that reading it reports why (GL001).
    """
    seen: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            unlisted: list[Path] = []
            for root, dirs, files in os.walk(path, onerror=unlisted.append):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    file = Path(root, name)
                    if file.suffix.lower() in readers and file not in seen:
                        seen.add(file)
                        yield file, _display(file)
            for error in unlisted:
                folder = Path(error.filename) if error.filename else path
                if folder not in seen:
                    seen.add(folder)
                    yield folder, _display(folder)
        elif path not in seen:
            seen.add(path)
            yield path, _display(path)


def _display(path: Path) -> str:
    return path.as_posix()
