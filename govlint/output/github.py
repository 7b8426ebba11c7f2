"""``--format github``: GitHub Actions workflow commands, one line per finding.

``::error file=reports/2023.txt,line=3,col=9,endLine=3,endColumn=10,title=GL401
placeholder-year::缺少年份…`` — the Actions runner turns each into an annotation on the
file. Severity maps to ``error``/``warning``/``notice``. Values are escaped as the runner
expects (``%``, CR, LF everywhere; ``:`` and ``,`` inside properties).
"""

from __future__ import annotations

from typing import TextIO

from govlint.findings import Finding, Severity
from govlint.output import show_controls

COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    escaped = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return show_controls(escaped)  # no escape sequence reaches the job log


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(finding: Finding, lang: str) -> str:
    props = []
    if finding.path:
        props.append(f"file={escape_property(finding.path)}")
    loc = finding.location
    if loc is not None:
        props += [f"line={loc.line}", f"col={loc.column}"]
        props += [f"endLine={loc.end_line}", f"endColumn={loc.end_column}"]
    props.append(f"title={escape_property(f'{finding.rule} {finding.name}')}")
    message = finding.text(lang)
    place = loc.place(lang) if loc is not None else ""
    if place:
        message = f"{message} ({place})"
    return f"::{COMMAND[finding.severity]} {','.join(props)}::{escape_data(message)}"


def render(run, stream: TextIO, color: bool = False) -> None:
    for finding in run.findings:
        stream.write(command(finding, run.lang) + "\n")
