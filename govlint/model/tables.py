"""Label/value statistics tables of free-form reports.

Three layouts, all ending in the same :class:`LabelValueTable`:

* one value per line — a label line, then a line holding only the number (seed 003's
  appended 统计表, as web scrapers flatten HTML tables);
* label and value on one line, separated by spaces, a tab, a colon or ``|``;
* Markdown/pipe rows ``| label | value |``.

Consecutive rows form one table until a line of prose (a sentence) intervenes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govlint.findings import Span
from govlint.model.sections import is_number_line, strip_span

_VALUE = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
# Atomic groups around the separator and the tail: a run of spaces is taken whole, never
# re-split (linear time on a line of 10 000 spaces).
_INLINE_ROW = re.compile(
    r"(?P<label>(?:其中\s*:?\s*)?(?:\(?\d{1,2}\)?\s*[、.])?[^\d|\t:]{2,40}?)(?>\s*(?:[|\t:]\s*|\s{2,}|(?<=[数量计])))"
    r"(?P<value>-?\d[\d,]*(?:\.\d+)?)(?>\s*(?:件|条|个|人次|次)?\s*\|?\s*)"
)
_CHILD_PREFIX = re.compile(r"^\s*(?:其中\s*:?\s*)?(?:\(?\d{1,2}\)?\s*[、.]?|\(\d{1,2}\))?\s*")
_PROSE = re.compile(r"[。;]")
MAX_LABEL = 60


@dataclass(frozen=True, slots=True)
class TableRow:
    label: str
    """The label without the 其中:/numbering prefix and without spaces."""
    raw_label: str
    label_span: Span
    value: float | int
    value_text: str
    value_span: Span
    is_child: bool
    """The row was written as a part (其中:, 1、, (1))."""


@dataclass(frozen=True, slots=True)
class LabelValueTable:
    rows: tuple[TableRow, ...]
    span: Span


def _number(text: str) -> int | float:
    cleaned = text.replace(",", "")
    return float(cleaned) if "." in cleaned else int(cleaned)


def _row(text: str, label_span: Span, value_span: Span) -> TableRow | None:
    raw = text[label_span.start : label_span.end]
    prefix = _CHILD_PREFIX.match(raw)
    core = raw[prefix.end() :] if prefix else raw
    core = re.sub(r"\s+", "", core).strip("|:")
    if not core or len(core) > MAX_LABEL or _PROSE.search(core) or core.isdigit():
        return None
    value_text = text[value_span.start : value_span.end]
    return TableRow(
        label=core,
        raw_label=raw.strip(),
        label_span=label_span,
        value=_number(value_text),
        value_text=value_text,
        value_span=value_span,
        is_child=bool(prefix and prefix.group().strip()),
    )


def find_tables(text: str, lines: list[tuple[int, int]]) -> list[LabelValueTable]:
    tables: list[LabelValueTable] = []
    current: list[TableRow] = []

    def close() -> None:
        if len(current) >= 2:
            tables.append(
                LabelValueTable(
                    rows=tuple(current),
                    span=Span(current[0].label_span.start, current[-1].value_span.end),
                )
            )
        current.clear()

    pending_label: tuple[int, int] | None = None
    for start, end in lines:
        line = text[start:end]
        if not line.strip():
            continue
        if is_number_line(line):
            if pending_label is not None:
                m = _VALUE.search(line)
                row = _row(
                    text,
                    strip_span(text, *pending_label),
                    Span(start + m.start(), start + m.end()),
                )
                if row is not None:
                    current.append(row)
                pending_label = None
            continue
        row = _inline_row(text, start, end, line)
        if row is not None:
            current.append(row)
            pending_label = None
            continue
        if len(line.strip()) > MAX_LABEL or _PROSE.search(line):
            close()
            pending_label = None
            continue
        pending_label = (start, end)
    close()
    return tables


def _inline_row(text: str, start: int, end: int, line: str) -> TableRow | None:
    cells = [c for c in line.strip().strip("|").split("|")]
    if len(cells) >= 2 and line.lstrip().startswith("|"):
        label_cell, value_cell = cells[0], cells[-1].strip()
        if _VALUE.fullmatch(value_cell):
            label_start = start + line.index(label_cell)
            value_start = start + line.rindex(value_cell)
            return _row(
                text,
                strip_span(text, label_start, label_start + len(label_cell)),
                Span(value_start, value_start + len(value_cell)),
            )
        return None
    m = _INLINE_ROW.fullmatch(line)
    if m is None:
        return None
    return _row(
        text,
        strip_span(text, start + m.start("label"), start + m.end("label")),
        Span(start + m.start("value"), start + m.end("value")),
    )
