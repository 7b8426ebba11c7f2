"""Command line: ``govlint check|rules|explain|plugins``.

Exit codes: 0 clean (nothing at or above ``--fail-on``), 1 findings, 2 usage or config
error. Heavy modules (opencc, rich, the rules) are imported only by the commands that
need them, so that a pre-commit hook starts fast.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from govlint import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FORMATS = ("rich", "json", "sarif", "github", "junit", "html")
BASELINE_NAME = ".govlint-baseline.json"
PROGRESS_FROM = 20
"""Files from which a progress bar is shown (on a terminal)."""
FAIL_ON = ("error", "warning", "info", "never")

_ERROR_PREFIX = {"zh": "错误", "en": "error"}


class UsageError(Exception):
    """A one-line error for the user; exit code 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="govlint",
        description="政府信息公开工作年度报告合规检查 / compliance checker for annual "
        "government information-disclosure reports",
    )
    parser.add_argument("--version", action="version", version=f"govlint {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    check = sub.add_parser("check", help="check reports (files or directories)")
    _add_run_options(check)
    check.add_argument("--format", choices=FORMATS, default="rich", help="output format")
    check.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE")
    check.add_argument(
        "--fail-on", choices=FAIL_ON, help="lowest severity that exits 1 (default: error)"
    )
    check.add_argument("--color", choices=("auto", "always", "never"), default="auto")
    check.add_argument(
        "--show-facts",
        action="store_true",
        help="terminal output: what govlint read from each report (JSON always has it)",
    )
    check.add_argument(
        "--show-tables",
        action="store_true",
        help="with --format json: add the template tables as read, cell by cell",
    )
    check.add_argument(
        "--statistics", action="store_true", help="counts per rule instead of the findings"
    )
    check.add_argument("--fix", action="store_true", help="apply safe fixes (.txt, .md)")
    check.add_argument(
        "--unsafe-fixes", action="store_true", help="with --fix or --diff: unsafe fixes too"
    )
    check.add_argument(
        "--diff", action="store_true", help="show the fixes as a diff, don't write them"
    )
    check.add_argument(
        "--no-baseline", action="store_true", help="show the findings the baseline hides"
    )

    baseline = sub.add_parser(
        "baseline", help=f"accept the current findings: write {BASELINE_NAME}"
    )
    _add_run_options(baseline)

    tables = sub.add_parser("tables", help="show tables 二、三、四 as govlint reads them")
    tables.add_argument("paths", nargs="+", metavar="FILE")
    tables.add_argument("--format", choices=("rich", "json"), default="rich")
    _add_lang(tables)

    rules = sub.add_parser("rules", help="list the rules")
    rules.add_argument("--all", action="store_true", help="include rules that are off by default")
    _add_lang(rules)

    explain = sub.add_parser("explain", help="show a rule's documentation")
    explain.add_argument("rule", metavar="ID", help="rule id (GL401) or name (placeholder-year)")
    _add_lang(explain)

    sub.add_parser("plugins", help="list the loaded plugins and their rules")
    return parser


def _add_run_options(parser: argparse.ArgumentParser) -> None:
    """Options of every command that checks files (``check``, ``baseline``)."""
    parser.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    parser.add_argument(
        "--select", type=_ids, metavar="IDS", help="rules or prefixes, comma-separated"
    )
    parser.add_argument("--extend-select", type=_ids, default=(), metavar="IDS")
    parser.add_argument("--ignore", type=_ids, default=(), metavar="IDS")
    parser.add_argument("--year", type=_year, help="report year of every checked file")
    parser.add_argument(
        "--issuer-type", help="人民政府|部门|乡镇|管委会 (or government|department|township|zone)"
    )
    parser.add_argument(
        "--published-on", type=_date, metavar="YYYY-MM-DD", help="publication date (GL405)"
    )
    parser.add_argument(
        "--prior",
        metavar="FILE",
        help="last year's report to compare with (GL220 GL221 GL306 GL505)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_jobs,
        default=1,
        metavar="N",
        help="worker processes (0: one per core)",
    )
    parser.add_argument(
        "--no-progress", action="store_true", help="no progress bar (shown on a terminal only)"
    )
    parser.add_argument(
        "--baseline",
        metavar="FILE",
        help=f"baseline file (default: {BASELINE_NAME} in the working directory)",
    )
    _add_lang(parser)


def _jobs(value: str) -> int:
    if not value.isdigit():
        raise argparse.ArgumentTypeError(f"not a number of processes: {value!r}")
    import os

    return int(value) or os.cpu_count() or 1


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--lang", choices=("zh", "en"), help="message language (default: zh)")


def _ids(value: str) -> tuple[str, ...]:
    return tuple(v.strip().upper() for v in value.split(",") if v.strip())


def _date(value: str):
    from datetime import date

    try:
        return date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date YYYY-MM-DD: {value!r}") from None


def _year(value: str) -> int:
    if not value.isdigit() or not 1990 <= int(value) <= 2100:
        raise argparse.ArgumentTypeError(f"not a four-digit year: {value!r}")
    return int(value)


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help()
        return EXIT_ERROR
    lang = getattr(args, "lang", None) or "zh"
    try:
        if args.command == "check":
            return cmd_check(args)
        if args.command == "baseline":
            return cmd_baseline(args)
        if args.command == "rules":
            return cmd_rules(args)
        if args.command == "tables":
            return cmd_tables(args)
        if args.command == "explain":
            return cmd_explain(args)
        return cmd_plugins(args)
    except UsageError as exc:
        print(f"govlint: {_ERROR_PREFIX[lang]}: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `govlint check … | head`: the reader left, stop quietly
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141


def _registry():
    from govlint.plugins import build_registry

    return build_registry()


def _engine(args: argparse.Namespace, fix: str | None = None, diff: bool = False):
    from govlint.config import ConfigError
    from govlint.engine import CliSettings, Engine
    from govlint.model.facts import parse_issuer_type

    registry = _registry()
    try:
        issuer_type = parse_issuer_type(args.issuer_type) if args.issuer_type else None
    except ValueError as exc:
        raise UsageError(f"--issuer-type: {exc}") from None
    try:
        return Engine(
            registry,
            CliSettings(
                select=args.select,
                extend_select=args.extend_select,
                ignore=args.ignore,
                year=args.year,
                issuer_type=issuer_type,
                published_on=args.published_on,
                show_tables=getattr(args, "show_tables", False),
                keep_text=getattr(args, "format", None) == "html",
                fix=fix,
                diff=diff,
            ),
        )
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _check_all(engine, args: argparse.Namespace):
    """Check every file (with ``-j``, in processes), then compare reports across files; the
    results, in a :class:`~govlint.output.ResultStore`."""
    from govlint.output import ResultStore
    from govlint.reportsets import ReportSets

    files = engine.discover(args.paths)
    engine.cross_reports = len(files) > 1 or bool(args.prior)
    sets = ReportSets(engine)
    if args.prior:
        prior = Path(args.prior)
        if not prior.is_file():
            raise UsageError(f"--prior {args.prior}: no such file")
        sets.add(engine.check_file(prior, prior.as_posix()), prior=True)
    results = ResultStore()  # packed: a batch of thousands of reports stays small
    show = not args.no_progress and len(files) >= PROGRESS_FROM and sys.stderr.isatty()
    progress = _progress(len(files)) if show else None
    try:
        for result in engine.run_files(files, args.jobs, packed=True):
            sets.add(result)
            results.append(result)
            if progress is not None:
                progress[0].advance(progress[1])
    finally:
        if progress is not None:
            progress[0].stop()
    results.add_findings(sets.finish())
    return results


def _progress(total: int):
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    progress = Progress(
        "[progress.description]{task.description}",
        BarColumn(),
        MofNCompleteColumn(),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    progress.start()
    return progress, progress.add_task("govlint", total=total)


def _baseline_path(args: argparse.Namespace) -> Path:
    return Path(args.baseline) if args.baseline else Path.cwd() / BASELINE_NAME


def cmd_check(args: argparse.Namespace) -> int:
    from govlint.config import ConfigError, find_config
    from govlint.findings import Severity
    from govlint.output import Run, render

    if args.unsafe_fixes and not (args.fix or args.diff):
        raise UsageError("--unsafe-fixes goes with --fix or --diff")
    if args.statistics and args.format not in ("rich", "json"):
        raise UsageError("--statistics goes with --format rich or json")
    fix = ("unsafe" if args.unsafe_fixes else "safe") if args.fix or args.diff else None
    engine = _engine(args, fix, args.diff)
    try:
        project = find_config(Path.cwd(), engine.registry.rules)
        results = _check_all(engine, args)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    lang = args.lang or project.lang or "zh"
    fail_on = args.fail_on or project.fail_on or "error"
    threshold = None if fail_on == "never" else Severity.parse(fail_on)
    for result in results:
        if result.fix_error:
            print(f"govlint: {_ERROR_PREFIX[lang]}: {result.fix_error}", file=sys.stderr)
    if args.diff:
        return _print_diffs(results, lang)

    run = Run(
        registry=engine.registry,
        lang=lang,
        results=results,
        run_findings=engine.run_findings(),
        show_facts=args.show_facts,
        fail_threshold=threshold,
        statistics=args.statistics,
    )
    if not args.no_baseline:
        run.baseline = _apply_baseline(args, results)

    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as stream:
                render(args.format, run, stream, color=False)
        except OSError as exc:
            raise UsageError(f"{args.output}: {exc.strerror}") from None
    else:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        render(args.format, run, sys.stdout, color=color)

    if threshold is None:
        return EXIT_CLEAN
    failing = sum(n for severity, n in run.counts().items() if severity >= threshold)
    return EXIT_FINDINGS if failing else EXIT_CLEAN


def _print_diffs(results: list, lang: str) -> int:
    """``--diff``: the changes ``--fix`` would make; exit 1 when there are any."""
    changed = [r for r in results if r.diff]
    for result in changed:
        sys.stdout.write(result.diff)
    fixes = sum(r.fixed for r in changed)
    if lang == "zh":
        note = f"可修复 {fixes} 个问题（{len(changed)} 个文件）；加 --fix 写入"
    else:
        note = f"{fixes} fixable finding(s) in {len(changed)} file(s); use --fix to write them"
    print(note, file=sys.stderr)
    return EXIT_FINDINGS if changed else EXIT_CLEAN


def _load_baseline(path: Path) -> list:
    from govlint import baseline

    try:
        return baseline.load(path)
    except baseline.BaselineError as exc:
        raise UsageError(str(exc)) from None


def _apply_baseline(args: argparse.Namespace, results: list):
    from govlint import baseline

    path = _baseline_path(args)
    if not path.exists():
        if args.baseline:
            raise UsageError(f"{args.baseline}: no such baseline file")
        return None
    return baseline.apply(_load_baseline(path), results, path)


def cmd_baseline(args: argparse.Namespace) -> int:
    """Write the baseline: every current finding, keeping the reasons already given."""
    from govlint import baseline
    from govlint.config import ConfigError

    engine = _engine(args)
    try:
        results = _check_all(engine, args)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    path = _baseline_path(args)
    previous = _load_baseline(path) if path.exists() else []
    findings = [f for r in results for f in r.findings]
    entries = baseline.entries_for(findings, path.parent, previous)
    try:
        baseline.write(path, entries)
    except OSError as exc:
        raise UsageError(f"{path}: {exc.strerror}") from None
    lang = args.lang or "zh"
    files = len({e.file for e in entries})
    if lang == "zh":
        print(f"已将 {len(entries)} 个问题（{files} 个文件）写入基线 {path}，请为每条填写 reason")
    else:
        print(f"wrote {len(entries)} finding(s) of {files} file(s) to {path}; fill in each reason")
    return EXIT_CLEAN


def cmd_tables(args: argparse.Namespace) -> int:
    """Print the template tables of each file as read: rows, cells and their positions."""
    import json

    from govlint.config import ConfigError
    from govlint.engine import CliSettings, Engine

    registry = _registry()
    try:
        engine = Engine(registry, CliSettings(select=(), show_tables=True))
        results = list(engine.run_files(engine.discover(args.paths)))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
    lang = args.lang or "zh"
    if args.format == "json":
        data = [{"path": r.path, "tables": r.tables or []} for r in results]
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return EXIT_CLEAN
    from govlint.output.tables_view import print_tables

    print_tables(results, lang)
    return EXIT_CLEAN


def cmd_rules(args: argparse.Namespace) -> int:
    registry = _registry()
    lang = args.lang or "zh"
    headers = ("id", "name", "severity", "default", "applies", "summary")
    if lang == "zh":
        headers = ("规则", "名称", "级别", "默认启用", "适用", "说明")
    rows = []
    for cls in registry.rules.values():
        default = bool(getattr(cls, "default_enabled", True))
        if not default and not args.all:
            continue
        applies = "ALL" if len(cls.applies) == 3 else ",".join(sorted(cls.applies))
        on = ("是" if default else "否") if lang == "zh" else ("on" if default else "off")
        rows.append((cls.id, cls.name, cls.severity.label, on, applies, cls.summary[lang]))
    _print_table(headers, rows)
    return EXIT_CLEAN


def _print_table(headers: tuple[str, ...], rows: list[tuple[str, ...]]) -> None:
    from unicodedata import east_asian_width

    def width(text: str) -> int:
        return sum(2 if east_asian_width(ch) in "WF" else 1 for ch in text)

    widths = [max(width(r[i]) for r in (headers, *rows)) for i in range(len(headers) - 1)]
    for row in (headers, *rows):
        cells = [c + " " * (w - width(c)) for c, w in zip(row, widths, strict=False)]
        print("  ".join([*cells, row[-1]]).rstrip())


def find_rule(registry, key: str):
    wanted = key.strip()
    for cls in registry.rules.values():
        if wanted.upper() == cls.id or wanted.lower() == cls.name:
            return cls
    return None


def cmd_explain(args: argparse.Namespace) -> int:
    registry = _registry()
    lang = args.lang or "zh"
    cls = find_rule(registry, args.rule)
    if cls is None:
        raise UsageError(
            f"未知规则“{args.rule}”（govlint rules 列出所有规则）"
            if lang == "zh"
            else f"unknown rule {args.rule!r} (govlint rules lists them)"
        )
    applies = "ALL" if len(cls.applies) == 3 else ", ".join(sorted(cls.applies))
    default = getattr(cls, "default_enabled", True)
    print(f"{cls.id} {cls.name} — {cls.summary[lang]}")
    print(
        f"severity: {cls.severity.label}; applies: {applies}; "
        f"default: {'on' if default else 'off (opt-in)'}"
    )
    print()
    print(cls.documentation())
    return EXIT_CLEAN


def cmd_plugins(args: argparse.Namespace) -> int:
    registry = _registry()
    for info in registry.plugins:
        rules = ", ".join(info.rules) or "-"
        print(f"{info.name} {info.version}".rstrip() + f": {rules}")
    for error in registry.errors:
        print(f"{error.plugin}: FAILED ({error.error})")
    return EXIT_FINDINGS if registry.errors else EXIT_CLEAN
