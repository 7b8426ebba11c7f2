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
FORMATS = ("rich", "json", "sarif")
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
    check.add_argument("paths", nargs="*", default=["."], metavar="PATH")
    check.add_argument("--format", choices=FORMATS, default="rich", help="output format")
    check.add_argument("-o", "--output", metavar="FILE", help="write the output to FILE")
    check.add_argument(
        "--select", type=_ids, metavar="IDS", help="rules or prefixes, comma-separated"
    )
    check.add_argument("--extend-select", type=_ids, default=(), metavar="IDS")
    check.add_argument("--ignore", type=_ids, default=(), metavar="IDS")
    check.add_argument(
        "--fail-on", choices=FAIL_ON, help="lowest severity that exits 1 (default: error)"
    )
    check.add_argument("--year", type=_year, help="report year of every checked file")
    check.add_argument(
        "--issuer-type", help="人民政府|部门|乡镇|管委会 (or government|department|township|zone)"
    )
    check.add_argument(
        "--published-on", type=_date, metavar="YYYY-MM-DD", help="publication date (GL405)"
    )
    _add_lang(check)
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


def cmd_check(args: argparse.Namespace) -> int:
    from govlint.config import ConfigError, find_config
    from govlint.engine import CliSettings, Engine
    from govlint.findings import Severity
    from govlint.model.facts import parse_issuer_type
    from govlint.output import Run, render

    registry = _registry()
    try:
        issuer_type = parse_issuer_type(args.issuer_type) if args.issuer_type else None
    except ValueError as exc:
        raise UsageError(f"--issuer-type: {exc}") from None
    try:
        project = find_config(Path.cwd(), registry.rules)
        engine = Engine(
            registry,
            CliSettings(
                select=args.select,
                extend_select=args.extend_select,
                ignore=args.ignore,
                year=args.year,
                issuer_type=issuer_type,
                published_on=args.published_on,
                show_tables=args.show_tables,
            ),
        )
        lang = args.lang or project.lang or "zh"
        fail_on = args.fail_on or project.fail_on or "error"
        run = Run(
            registry=registry,
            lang=lang,
            run_findings=engine.run_findings(),
            show_facts=args.show_facts,
        )
        run.results.extend(engine.run(args.paths))
    except ConfigError as exc:
        raise UsageError(str(exc)) from None

    if args.output:
        try:
            with open(args.output, "w", encoding="utf-8") as stream:
                render(args.format, run, stream, color=False)
        except OSError as exc:
            raise UsageError(f"{args.output}: {exc.strerror}") from None
    else:
        color = args.color == "always" or (args.color == "auto" and sys.stdout.isatty())
        render(args.format, run, sys.stdout, color=color)

    if fail_on == "never":
        return EXIT_CLEAN
    threshold = Severity.parse(fail_on)
    return EXIT_FINDINGS if any(f.severity >= threshold for f in run.findings) else EXIT_CLEAN


def cmd_tables(args: argparse.Namespace) -> int:
    """Print the template tables of each file as read: rows, cells and their positions."""
    import json

    from govlint.config import ConfigError
    from govlint.engine import CliSettings, Engine

    registry = _registry()
    try:
        engine = Engine(registry, CliSettings(select=(), show_tables=True))
        results = list(engine.run(args.paths))
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
