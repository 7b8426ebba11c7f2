"""The default ``rich`` output: ``path:line:col  RULE  severity  message``, the source line
with the span underlined (CJK characters are two cells wide), and a summary."""

from __future__ import annotations

from typing import TextIO

from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape as escape_markup

from govlint.findings import SEVERITY_WORDS, Finding, Severity
from govlint.output import show_controls


def escape(text: str) -> str:
    """Report text made safe for a terminal: rich markup escaped, control characters shown."""
    return escape_markup(show_controls(text))


STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}
MAX_CELLS = 100  # long lines (a whole report on one line) are shown as a window


def excerpt(
    line: str, column: int, end_column: int, before: bool = False, after: bool = False
) -> tuple[str, str]:
    """The source line (or a window of it) and the marker line under the span. ``before``,
    ``after``: the line given is already a window of a longer one, which goes on there."""
    start = min(max(0, column - 1), len(line))
    end = min(max(start + 1, end_column - 1), len(line)) if line else start + 1
    first, last = 0, len(line)
    if cell_len(line) > MAX_CELLS:  # a window: some context before the span, then the span
        first = start
        while first > 0 and cell_len(line[first - 1 : start]) < MAX_CELLS // 3:
            first -= 1
        last = first
        while last < len(line) and cell_len(line[first : last + 1]) <= MAX_CELLS:
            last += 1
    lead = "…" if first > 0 or before else ""
    shown = lead + line[first:last] + ("…" if last < len(line) or after else "")
    pad = cell_len(lead) + cell_len(line[first:start])
    width = max(1, cell_len(line[start : min(end, last)]))
    return shown, " " * pad + "^" * width


def render(run, stream: TextIO, color: bool = False) -> None:
    console = Console(
        file=stream,
        force_terminal=color,
        no_color=not color,
        highlight=False,
        soft_wrap=True,
        emoji=False,
    )
    lang = run.lang
    labels = SEVERITY_WORDS[lang]
    if run.statistics:
        _print_statistics(console, run, labels)
    else:
        for finding in run.iter_findings():
            _print_finding(console, finding, lang, labels)
    if run.show_facts:
        for result in run.results:
            _print_facts(console, result)
    _print_baseline(console, run, lang)
    _print_summary(console, run, lang, labels)


def _print_statistics(console: Console, run, labels) -> None:
    """``--statistics``: one line per rule, most frequent first, like ruff's."""
    rows = run.rule_counts()
    width = max((len(str(n)) for *_, n in rows), default=1)
    for rule, name, severity, count in rows:
        style = STYLE[severity]
        console.print(
            f"{count:>{width}}  [{style}]{rule}[/]  {name:<28} [{style}]{labels[severity]}[/]"
        )


def _print_baseline(console: Console, run, lang: str) -> None:
    outcome = run.baseline
    if outcome is None:
        return
    zh = lang == "zh"
    if outcome.hidden:
        console.print(
            f"[dim]基线 {escape(outcome.path)} 隐藏了 {outcome.hidden} 个已知问题（--no-baseline 显示）[/]"
            if zh
            else f"[dim]the baseline {escape(outcome.path)} hides {outcome.hidden} known "
            "finding(s) (--no-baseline shows them)[/]"
        )
    if outcome.stale:
        console.print(
            f"[yellow]基线中有 {len(outcome.stale)} 条记录已不再出现，问题可能已修复；"
            "请用 govlint baseline 更新基线：[/]"
            if zh
            else f"[yellow]{len(outcome.stale)} baseline entr(ies) no longer match anything; "
            "the findings may be fixed — update it with govlint baseline:[/]"
        )
        for entry in outcome.stale:
            console.print(f"  {entry.file}: {entry.rule} {entry.message}", markup=False)


def _print_facts(console: Console, result) -> None:
    """One line per fact: ``year: 2012 (title)``; lists joined, long ones counted."""
    if result.facts is None:
        return
    console.print(f"[bold]{result.path}[/bold]")
    for key, value in result.facts.items():
        if isinstance(value, dict) and "value" in value:
            shown = f"{value['value']} ({value['origin']})"
        elif isinstance(value, dict):
            shown = ", ".join(f"{k} {v}" for k, v in value.items() if k != "text")
        elif isinstance(value, list):
            shown = " | ".join(" ".join(v) if isinstance(v, list) else str(v) for v in value)
        else:
            shown = "—" if value is None else str(value)
        console.print(f"  {key}: {shown}", markup=False)


def _print_finding(console: Console, finding: Finding, lang: str, labels) -> None:
    loc = finding.location
    where = finding.path or "govlint"
    place = ""
    if loc is not None:
        where = f"{where}:{loc.line}:{loc.column}"
        place = loc.place(lang)
    style = STYLE[finding.severity]
    console.print(
        f"[bold]{escape(where)}[/]: [{style}]{finding.rule}[/] "
        f"[{style}]{labels[finding.severity]}[/] {escape(finding.text(lang))} "
        f"[dim]\\[{finding.name}][/]" + (f" [dim]({escape(place)})[/]" if place else "")
    )
    shown_line = finding.excerpt
    if loc is not None and shown_line is not None and shown_line.text:
        shown, marker = excerpt(
            shown_line.text,
            shown_line.column,
            shown_line.end_column,
            before=shown_line.first_column > 1,
            after=shown_line.more,
        )
        # The gutter numbers the original's line; for extracted text (HTML, Word, PDF) it
        # is a bar only, since the line shown is the text govlint read.
        number = f"{loc.line:>5}" if shown_line.text == finding.source_line else "     "
        gutter = f"{number} │ "
        console.print(f"[dim]{gutter}[/]{escape(shown)}")
        console.print(f"[dim]{' ' * (len(gutter) - 2)}│ [/][{style}]{marker}[/]")


def _print_summary(console: Console, run, lang: str, labels) -> None:
    counts = run.counts()
    files = len(run.results)
    total = sum(counts.values())
    if run.fixed:
        console.print(
            f"[green]已修复 {run.fixed} 个问题，以下为修复后重新检查的结果[/]"
            if lang == "zh"
            else f"[green]Fixed {run.fixed} finding(s); below is the re-check.[/]"
        )
    if total == 0:
        text = (
            f"未发现问题（检查了 {files} 个文件）"
            if lang == "zh"
            else f"No problems found in {files} file{'s' if files != 1 else ''}."
        )
        console.print(f"[bold green]{text}[/]")
        return
    parts = [f"{labels[s]} {counts.get(s, 0)}" for s in sorted(Severity, reverse=True)]
    if lang == "zh":
        text = f"共发现 {total} 个问题（{'，'.join(parts)}），检查了 {files} 个文件"
    else:
        parts = [f"{counts.get(s, 0)} {labels[s]}" for s in sorted(Severity, reverse=True)]
        text = f"Found {total} problem{'s' if total != 1 else ''} ({', '.join(parts)}) in {files} file{'s' if files != 1 else ''}."
    style = STYLE[max(counts)] if counts else "bold"
    console.print()
    console.print(f"[{style}]{text}[/]")
