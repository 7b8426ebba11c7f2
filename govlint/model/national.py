"""Model stage: tables 二、三、四 of the national template, read from the report text.

Every input form ends here as text lines (HTML and Word tables arrive as ``| a | b |``
rows, PDFs as lines of layout text), so one reader serves them all:

1. A table's *region* is found by anchor words (``本年新收…申请数量`` for table 三,
   ``行政复议`` … ``维持`` for 四, ``第二十条``/``信息内容`` for 二).
2. Each line of the region splits into label *fragments* and a *group* of values: the
   cells after the label cells of a pipe row, the trailing numbers of a text line
   (``行政许可 550``), or a digit run glued to the label (``…申请数量640020470``).
3. The labels of the official rows (``template_tables``) are searched, in template order,
   in a *label stream*: the fragments with spaces, quotes and values removed. PDF text
   breaks labels over lines and threads the vertical group labels (``三、/本/年/度…``,
   ``(四)无``/``法提供``) through them; a second stream without those fragments catches
   what the first misses. A row that is not found is compared with the unmatched text
   where it should be, so a corrupted label is recognised as that row and reported.
4. Groups are given to rows: a group on a line of a row's label belongs to the row whose
   label starts last before it; the remaining groups fill the remaining rows between two
   placed rows in order, when their numbers agree (PDF layout puts the numbers of a
   multi-line label on its middle line, before or after the label text).
5. Values become cells. A single digit run where several cells are expected is split
   using the table's own identities (row total, group totals): only when exactly one split
   satisfies them, and the identity used is then not reported as checked.

Nothing here judges the report; rules (GL107/108, GL2xx, GL30x) read :class:`TableRead`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from itertools import pairwise
from typing import NamedTuple

from govlint.findings import Span
from govlint.model.sections import parse_heading
from govlint.template_tables import (
    APPLICANT_PARTS,
    OUTCOMES,
    TABLES,
    CellRef,
    Column,
    Equation,
    Row,
    TableSpec,
)

_VALUE = re.compile(
    r"[-+]?\d[\d,]*(?:\.\d+)?\s*(?:万元|元|件|个|条|项|人次|次)?|[—–\-/／]+|无|空|&nbsp;?"
)
_NUMBER = re.compile(r"([-+]?)(\d[\d,]*(?:\.\d+)?)\s*(万元|元|件|个|条|项|人次|次)?")
_GLUED_DIGITS = re.compile(r"(?<=[\u4e00-\u9fff)”\"])\d+$")
_PAGE_DEBRIS = re.compile(
    r"\s*(?:[-—–]\s*\d{1,3}\s*[-—–]|第\s*\d{1,3}\s*页(?:\s*[,/，]?\s*共\s*\d{1,3}\s*页)?"
    r"|\d{1,3}\s*/\s*\d{1,3})\s*"
)
_MD_RULE = re.compile(r"\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*")
_TOKEN = re.compile(r"\S+")
_KEPT = re.compile("[^\\s“”\"'‘’「」『』]+")
"""What the label stream keeps: everything but white space and quotes."""
_CJK = re.compile(r"[\u4e00-\u9fff]")
_PIECE = re.compile(r"(?:\d{1,2}[.、]|\([一二三四五六七八九十\d]{1,2}\))")

_T3_ANCHOR = re.compile(r"本\s*年\s*新\s*收(?:\s*[\u4e00-\u9fff]){0,12}?\s*申\s*请\s*数\s*量")
_T4_ANCHOR = re.compile(r"行\s*政\s*复\s*议")
_T2_ANCHOR = re.compile(
    r"第\s*二\s*十\s*条\s*第|信\s*息\s*内\s*容|本\s*年\s*制\s*发|本\s*年\s*新\s*制\s*作"
)
_PREFILTER = ("本年新收", "行政复议", "第二十条", "信息内容", "本年制发", "本年新制作")
MAX_REGION_LINES = 90
FUZZY_RATIO = 0.6
MAX_SPLITS = 2
"""Decoding stops once two splits satisfy the identities: the run is then ambiguous."""


# -- what the model offers ----------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class CellRead:
    column: Column
    text: str
    span: Span
    value: int | float | None
    """None for a blank cell or one that is not a number."""
    kind: str
    """``number``, ``blank`` (empty, ``&nbsp;``) or ``text`` (—, /, 无, words)."""
    unit: str = ""


@dataclass(slots=True)
class RowRead:
    spec: Row
    label: str
    """The label as found (spaces and quotes removed)."""
    label_span: Span
    corrupted: bool = False
    """The label differs from the official one (found by similarity)."""
    out_of_order: bool = False
    cells: tuple[CellRead, ...] | None = None
    """None when the row's values could not be read (see ``problem``)."""
    form: str = ""
    """``pipe``, ``text`` or ``flattened``."""
    values_span: Span | None = None
    problem: tuple[str, str] | None = None
    """Why the values could not be read, ``(zh, en)``."""
    decoded_by: frozenset[str] = frozenset()
    """Identities used to split a flattened digit run: not reported as checked."""

    def cell(self, column: str) -> CellRead | None:
        for c in self.cells or ():  # a loop: called ~500 times per report by the identities
            if c.column.key == column:
                return c
        return None


@dataclass(frozen=True, slots=True)
class SchemaIssue:
    kind: str
    """``missing``, ``corrupted``, ``out_of_order``, ``extra``, ``columns``."""
    span: Span
    row: Row | None
    found: str = ""
    count: int = 0


@dataclass(slots=True)
class TableRead:
    spec: TableSpec
    span: Span
    rows: dict[str, RowRead]
    schema: list[SchemaIssue] = field(default_factory=list)
    evaluations: dict[tuple[int, bool], Evaluation | None] = field(
        default_factory=dict, repr=False, compare=False
    )
    """:func:`evaluate`'s results, kept: GL005 and the identity rules ask for the same."""

    def cell(self, ref: CellRef) -> CellRead | None:
        row = self.rows.get(ref.row)
        return row.cell(ref.column) if row else None

    @property
    def form(self) -> str:
        forms = [r.form for r in self.rows.values() if r.form]
        return max(set(forms), key=forms.count) if forms else "text"

    def as_data(self, where: Callable[[Span], str]) -> dict[str, object]:
        """Plain data for ``--show-tables`` and ``govlint tables``: what govlint read, cell by
        cell; ``where`` gives a span's ``line:column`` in the original file."""

        def cell(c: CellRead) -> dict[str, object]:
            value = c.value if c.kind == "number" else None
            return {"column": c.column.zh, "text": c.text, "value": value, "at": where(c.span)}

        return {
            "table": self.spec.key,
            "variant": self.spec.variant,
            "form": self.form,
            "at": where(self.span),
            "rows": [
                {
                    "row": row.spec.short,
                    "label": row.label,
                    "at": where(row.label_span),
                    "cells": None if row.cells is None else [cell(c) for c in row.cells],
                    **({"decoded_by": sorted(row.decoded_by)} if row.decoded_by else {}),
                    **({"problem": row.problem[1]} if row.problem else {}),
                }
                for row in self.rows.values()
            ],
            "schema": [
                {"issue": s.kind, "row": s.row.short if s.row else None, "found": s.found}
                for s in self.schema
            ],
        }


# -- reading ------------------------------------------------------------------------------
class _Token(NamedTuple):  # a tuple: ~20 000 per report, built four times faster
    text: str
    span: Span


@dataclass(slots=True)
class _Group:
    line: int
    tokens: tuple[_Token, ...]
    form: str
    has_label: bool
    glued: _Token | None = None
    """Digits glued to the end of the label (``…重新出具0  0  0``): the first value when
    the row is one value short."""

    @property
    def start(self) -> int:
        return self.tokens[0].span.start


@dataclass(frozen=True, slots=True)
class _Fragment:
    line: int
    text: str
    span: Span


@dataclass(slots=True)
class _Region:
    fragments: list[_Fragment]
    groups: list[_Group]
    first_line: int
    last_line: int


class _Stream:
    """Fragments as one string without spaces and quotes, with each character's offset."""

    def __init__(self, fragments: list[_Fragment], noise: tuple[str, ...] | None) -> None:
        chars: list[str] = []
        offsets: list[int] = []
        for fragment in fragments:
            if noise is not None and _is_noise(fragment.text, noise):
                continue
            for m in _KEPT.finditer(fragment.text):
                chars.append(m.group())
                offsets.extend(
                    range(fragment.span.start + m.start(), fragment.span.start + m.end())
                )
        self.text = "".join(chars).replace("其它", "其他")
        self.offsets = offsets

    def index_at(self, offset: int) -> int:
        return bisect.bisect_left(self.offsets, offset)

    def span(self, start: int, end: int) -> Span:
        return Span(self.offsets[start], self.offsets[end - 1] + 1)


def _clean(text: str) -> str:
    return "".join(_KEPT.findall(text))


def _is_noise(text: str, noise: tuple[str, ...]) -> bool:
    cleaned = _clean(text)
    return bool(cleaned) and any(cleaned in n for n in noise)


def _split_line(
    text: str, start: int, end: int, index: int
) -> tuple[list[_Fragment], _Group | None]:
    line = text[start:end]
    stripped = line.strip()
    if not stripped or _PAGE_DEBRIS.fullmatch(line):
        return [], None
    if stripped.startswith("|"):
        return _split_pipe(line, start, index)
    tokens = [
        _Token(m.group(), Span(start + m.start(), start + m.end())) for m in _TOKEN.finditer(line)
    ]
    k = len(tokens)
    while k > 0 and _VALUE.fullmatch(tokens[k - 1].text):
        k -= 1
    labels, values = tokens[:k], tokens[k:]
    form = "text"
    glued = None
    if labels:
        last = labels[-1]
        m = _GLUED_DIGITS.search(last.text)
        if m:
            cut = last.span.start + m.start()
            labels[-1] = _Token(last.text[: m.start()], Span(last.span.start, cut))
            glued = _Token(m.group(), Span(cut, last.span.end))
            if not values:
                values, glued, form = [glued], None, "flattened"
    fragments = [_Fragment(index, t.text, t.span) for t in labels]
    group = _Group(index, tuple(values), form, bool(labels), glued) if values else None
    return fragments, group


def _split_pipe(line: str, start: int, index: int) -> tuple[list[_Fragment], _Group | None]:
    if _MD_RULE.fullmatch(line):
        return [], None
    parts = line.split("|")
    cells: list[_Token] = []
    a = len(parts[0])  # the bar before the cell
    for raw in parts[1:-1]:
        b = a + 1 + len(raw)  # the bar after it
        inner = raw.strip()
        if inner:
            cell_start = start + a + 1 + len(raw) - len(raw.lstrip())
            cells.append(_Token(inner, Span(cell_start, cell_start + len(inner))))
        else:  # blank: point inside the separating spaces (at an &nbsp; if there was one)
            lo = a + 1 + (1 if raw.startswith(" ") else 0)
            hi = max(lo, b - (1 if len(raw) > 1 and raw.endswith(" ") else 0))
            cells.append(_Token("", Span(start + lo, start + hi)))
        a = b
    tail = parts[-1]
    if len(parts) > 1 and tail.strip():  # a row without the closing bar
        lead = len(tail) - len(tail.lstrip())
        s = start + a + 1 + lead
        cells.append(_Token(tail.strip(), Span(s, s + len(tail.strip()))))
    last_label = -1
    for i, cell in enumerate(cells):
        if cell.text and not _VALUE.fullmatch(cell.text):
            last_label = i
    fragments = [_Fragment(index, c.text, c.span) for c in cells[: last_label + 1] if c.text]
    values = cells[last_label + 1 :]
    if not values or (all(not v.text for v in values) and last_label < 0):
        return fragments, None
    return fragments, _Group(index, tuple(values), "pipe", last_label >= 0)


def _region(text: str, lines: list[tuple[int, int]], first: int, last: int) -> _Region:
    fragments: list[_Fragment] = []
    groups: list[_Group] = []
    for index in range(first, last + 1):
        start, end = lines[index]
        frags, group = _split_line(text, start, end, index)
        fragments.extend(frags)
        if group is not None:
            groups.append(group)
    return _Region(fragments, groups, first, last)


# -- rows ---------------------------------------------------------------------------------
@dataclass(slots=True)
class _Match:
    row: Row
    span: Span
    label: str
    first_line: int
    last_line: int
    corrupted: bool = False
    out_of_order: bool = False


def _match_rows(
    spec: TableSpec, region: _Region, line_of, min_rows: int, streams: tuple[_Stream, _Stream]
) -> tuple[dict[str, _Match], list[_Match]]:
    """The rows of ``spec`` found in the region; corrupted and out-of-order rows are only
    looked for once ``min_rows`` rows were found as written (it is that table at all)."""
    found: dict[str, _Match] = {}
    cursor = region.fragments[0].span.start if region.fragments else 0

    def search(row: Row, offset: int) -> _Match | None:
        best: _Match | None = None
        for stream in streams:
            m = row.pattern.search(stream.text, stream.index_at(offset))
            if m is None or m.end() == m.start():
                continue
            span = stream.span(m.start(), m.end())
            if best is None or span.start < best.span.start:
                best = _Match(row, span, m.group(), line_of(span.start), line_of(span.end - 1))
        return best

    for row in spec.rows:
        match = search(row, cursor)
        if match is not None:
            found[row.key] = match
            cursor = match.span.end
    if len(found) < min_rows:
        return found, [found[r.key] for r in spec.rows if r.key in found]
    _find_corrupted(spec, found, streams[1], line_of)
    placed = sorted(found.values(), key=lambda m: m.span.start)
    for row in spec.rows:
        if row.key in found:
            continue
        match = search(row, 0)
        if match and not any(_overlaps(match.span, m.span) for m in placed):
            match.out_of_order = True
            found[row.key] = match
    ordered = [found[r.key] for r in spec.rows if r.key in found]
    return found, ordered


def _overlaps(a: Span, b: Span) -> bool:
    return a.start < b.end and b.start < a.end


def _find_corrupted(spec: TableSpec, found: dict[str, _Match], stream: _Stream, line_of) -> None:
    """A missing row between two found ones: compare it with the unmatched text there."""
    keys = [r.key for r in spec.rows]
    i = 0
    while i < len(keys):
        if keys[i] in found:
            i += 1
            continue
        j = i
        while j < len(keys) and keys[j] not in found:
            j += 1
        missing = [spec.rows[k] for k in range(i, j)]
        lo = found[keys[i - 1]].span.end if i > 0 else (stream.offsets[0] if stream.offsets else 0)
        hi = (
            found[keys[j]].span.start
            if j < len(keys)
            else (stream.offsets[-1] + 1 if stream.offsets else 0)
        )
        a, b = stream.index_at(lo), stream.index_at(hi)
        gap = stream.text[a:b]
        pieces = _pieces(gap)
        for row in missing:
            best, best_ratio = None, FUZZY_RATIO
            for p_start, p_end in pieces:
                piece = gap[p_start:p_end]
                body = _PIECE.sub("", piece, count=1) if _PIECE.match(piece) else piece
                if not 0.5 * len(row.core) <= len(body) <= 2 * len(row.core):
                    continue
                ratio = SequenceMatcher(None, body, row.core).ratio()
                if ratio >= best_ratio:
                    best, best_ratio = (p_start, p_end), ratio
            if best is not None:
                span = stream.span(a + best[0], a + best[1])
                found[row.key] = _Match(
                    row,
                    span,
                    gap[best[0] : best[1]],
                    line_of(span.start),
                    line_of(span.end - 1),
                    corrupted=True,
                )
                pieces.remove(best)
        i = j


def _pieces(gap: str) -> list[tuple[int, int]]:
    """The gap cut before each numbering (``2.``, ``(四)``)."""
    cuts = [m.start() for m in _PIECE.finditer(gap)]
    bounds = sorted({0, *cuts, len(gap)})
    return [(a, b) for a, b in pairwise(bounds) if b - a >= 2]


def _assign(ordered: list[_Match], all_groups: list[_Group]) -> dict[str, _Group]:
    """Give each row its group of values (see the module docs, step 4). Groups of blank
    cells only (a label row a converter padded) go last, to rows still without values."""
    groups = [g for g in all_groups if any(t.text for t in g.tokens)]
    assigned = _assign_groups(ordered, groups)
    blanks = [g for g in all_groups if not any(t.text for t in g.tokens)]
    for match in ordered:
        if match.row.key in assigned:
            continue
        own = [g for g in blanks if match.first_line <= g.line <= match.last_line]
        if own:
            assigned[match.row.key] = own[0]
            blanks.remove(own[0])
    return assigned


def _assign_groups(ordered: list[_Match], groups: list[_Group]) -> dict[str, _Group]:
    assigned: dict[str, _Group] = {}
    taken: set[int] = set()
    for gi, group in enumerate(groups):
        candidates = [
            m
            for m in ordered
            if m.first_line <= group.line <= m.last_line
            and m.span.start < group.start
            and m.row.key not in assigned
        ]
        if not candidates:
            continue
        owner = max(candidates, key=lambda m: m.span.start)
        assigned[owner.row.key] = group
        taken.add(gi)
    # Fill the rows between two placed rows with the free groups between their groups.
    anchors = (
        [(-1, -1)]
        + [
            (i, groups.index(assigned[m.row.key]))
            for i, m in enumerate(ordered)
            if m.row.key in assigned
        ]
        + [(len(ordered), len(groups))]
    )
    for (r0, g0), (r1, g1) in pairwise(anchors):
        rows = [m for m in ordered[r0 + 1 : r1] if m.row.key not in assigned]
        free = [g for k, g in enumerate(groups[g0 + 1 : g1], start=g0 + 1) if k not in taken]
        if r0 == -1 and len(free) > len(rows):
            free = free[len(free) - len(rows) :]  # header numbers before the first row
        if rows and len(rows) == len(free):
            for m, g in zip(rows, free, strict=True):
                assigned[m.row.key] = g
                taken.add(groups.index(g))
    return assigned


# -- cells --------------------------------------------------------------------------------
def _cell(column: Column, token: _Token) -> CellRead:
    text = token.text
    if not text or text.startswith("&nbsp"):
        return CellRead(column, text, token.span, None, "blank")
    m = _NUMBER.fullmatch(text)
    if m is None:
        return CellRead(column, text, token.span, None, "text")
    sign, digits, unit = m.group(1), m.group(2).replace(",", ""), m.group(3) or ""
    value: int | float = float(digits) if "." in digits else int(digits)
    if sign == "-":
        value = -value
    return CellRead(column, text, token.span, value, "number", unit)


def _read_cells(spec: TableSpec, row: Row, group: _Group, read: RowRead) -> SchemaIssue | None:
    """Fill ``read`` from ``group``. A pipe row whose cells don't fit the columns is a layout
    issue (returned), not an unreadable row."""
    _fill_cells(spec, row, group, read)
    if read.cells is None and group.form == "pipe":
        read.problem = None
        return SchemaIssue("columns", read.values_span, row, count=len(group.tokens))
    return None


def _fill_cells(spec: TableSpec, row: Row, group: _Group, read: RowRead) -> None:
    columns = row.columns
    tokens = group.tokens
    if group.glued is not None and len(tokens) + 1 == len(columns):
        tokens = (group.glued, *tokens)
    while len(tokens) > len(columns) and not tokens[-1].text:
        tokens = tokens[:-1]  # a pipe row padded to the width of a wider block
    read.form = group.form
    read.values_span = Span(tokens[0].span.start, tokens[-1].span.end)
    if len(tokens) == len(columns):
        read.cells = tuple(_cell(c, t) for c, t in zip(columns, tokens, strict=True))
        return
    single = tokens[0]
    if len(tokens) == 1 and single.text.isdigit() and len(columns) > 1:
        read.form = "flattened"
        splits, identities = _decode(spec, single.text, len(columns))
        if len(splits) == 1:
            cells = []
            offset = single.span.start
            for column, digits in zip(columns, splits[0], strict=True):
                cells.append(
                    CellRead(
                        column, digits, Span(offset, offset + len(digits)), int(digits), "number"
                    )
                )
                offset += len(digits)
            read.cells = tuple(cells)
            read.decoded_by = identities
        elif splits:
            read.problem = (
                f"数字串“{single.text}”有多种拆分都符合表内勾稽关系",
                f"the digit run '{single.text}' splits in more than one way that satisfies the table's identities",
            )
        else:
            read.problem = (
                f"数字串“{single.text}”无法拆分为 {len(columns)} 个单元格",
                f"the digit run '{single.text}' can't be split into {len(columns)} cells",
            )
        return
    read.problem = (
        f"读到 {len(tokens)} 个数值，应有 {len(columns)} 个，无法确定对应的列",
        f"{len(tokens)} values where {len(columns)} are expected; can't tell which column is which",
    )


def _decode(spec: TableSpec, digits: str, n: int) -> tuple[list[list[str]], frozenset[str]]:
    """Splits of ``digits`` into ``n`` numbers (no leading zeros) that satisfy the row's
    identities: ID-3 for a table 三 row, ID-4 for table 四; at most :data:`MAX_SPLITS`."""
    if spec.key == "三" and n == len(APPLICANT_PARTS) + 1:
        groups, identities = [(len(APPLICANT_PARTS), True)], frozenset({"ID-3"})
    elif spec.key == "四":
        groups, identities = [(len(OUTCOMES) - 1, True)] * (n // len(OUTCOMES)), frozenset({"ID-4"})
    else:
        groups, identities = [(1, False)] * n, frozenset()
    found: list[list[str]] = []

    def numbers(s: str, count: int) -> Iterator[list[str]]:
        if count == 0:
            if not s:
                yield []
            return
        limit = len(s) - (count - 1)
        for k in range(1, limit + 1):
            head = s[:k]
            if k > 1 and head[0] == "0":
                break
            for rest in numbers(s[k:], count - 1):
                yield [head, *rest]

    def walk(s: str, g: int, acc: list[str]) -> None:
        if len(found) >= MAX_SPLITS:
            return
        if g == len(groups):
            if not s:
                found.append(acc)
            return
        parts, totalled = groups[g]
        width = parts + (1 if totalled else 0)
        remaining_min = sum(p + (1 if t else 0) for p, t in groups[g + 1 :])
        for cut in range(width, len(s) - remaining_min + 1):
            chunk, rest = s[:cut], s[cut:]
            for nums in numbers(chunk, width):
                if totalled and sum(map(int, nums[:-1])) != int(nums[-1]):
                    continue
                walk(rest, g + 1, acc + nums)
                if len(found) >= MAX_SPLITS:
                    return

    walk(digits, 0, [])
    return found, identities


# -- regions ------------------------------------------------------------------------------
def _lines_from(lines, index: int, stop, limit: int = MAX_REGION_LINES) -> int:
    """The last line index from ``index`` on before ``stop(line_index)`` is true."""
    last = index
    for k in range(index + 1, min(len(lines), index + limit)):
        if stop(k):
            break
        last = k
    return last


QUANTITIES: dict[str, tuple[str, tuple[CellRef, ...]]] = {
    "new": ("三", (CellRef("new", "total"),)),
    "carried": ("三", (CellRef("carried", "total"),)),
    "next": ("三", (CellRef("next", "total"),)),
    "handled": ("三", (CellRef("total", "total"),)),
    "granted": ("三", (CellRef("granted", "total"),)),
    "partial": ("三", (CellRef("partial", "total"),)),
    "review": ("四", (CellRef("cases", "review.total"),)),
    "review_corrected": ("四", (CellRef("cases", "review.corrected"),)),
    "suits": (
        "四",
        (CellRef("cases", "direct_suit.total"), CellRef("cases", "suit_after_review.total")),
    ),
}
"""Quantities prose talks about, as cells of the tables (summed)."""


@dataclass(slots=True)
class NationalTables:
    tables: dict[str, TableRead] = field(default_factory=dict)

    def get(self, key: str) -> TableRead | None:
        return self.tables.get(key)

    def quantity(self, key: str) -> tuple[int | float, Span] | None:
        """A :data:`QUANTITIES` value and the span of its (first) cell, when every cell of
        it was read as a number."""
        table_key, refs = QUANTITIES[key]
        table = self.tables.get(table_key)
        if table is None:
            return None
        cells = [table.cell(ref) for ref in refs]
        if any(c is None or c.kind != "number" for c in cells):
            return None
        return sum(c.value for c in cells), cells[0].span

    def covers(self, offset: int) -> bool:
        """Whether ``offset`` lies inside one of the tables."""
        return any(t.span.start <= offset < t.span.end for t in self.tables.values())


def read_tables(
    text: str, lines: list[tuple[int, int]], line_of: Callable[[int], int], year: int | None
) -> NationalTables:
    """The tables of ``text``; ``line_of`` maps an offset to its index in ``lines``."""
    result = NationalTables()
    if not any(word in text for word in _PREFILTER):
        return result

    def line_text(k: int) -> str:
        return text[lines[k][0] : lines[k][1]]

    def prose(k: int) -> bool:
        return "。" in line_text(k)

    t3_first = t3_last = None
    anchor = _T3_ANCHOR.search(text)
    if anchor is not None:
        at = line_of(anchor.start())
        first = at
        for k in range(at - 1, max(-1, at - 16), -1):
            if prose(k) or _is_heading_about(line_text(k), "收到和处理"):
                break
            first = k
        last = _lines_from(lines, at, lambda k: prose(k) or "行政复议" in line_text(k))
        table = _read_table(TABLES["三"], text, lines, first, last, line_of, year, min_rows=3)
        if table is not None:
            result.tables["三"] = table
            t3_first, t3_last = first, last

    search_from = lines[t3_last + 1][0] if t3_last is not None and t3_last + 1 < len(lines) else 0
    for m in _T4_ANCHOR.finditer(text, search_from):
        at = line_of(m.start())
        if prose(at):
            continue
        last = _lines_from(lines, at, prose, limit=30)
        if parse_heading(text, *lines[at]) is not None:
            at += 1  # the section heading 四、…行政复议… is not part of the table
        if at > last:
            continue
        table = _read_table4(text, lines, at, last)
        if table is not None:
            result.tables["四"] = table
            break

    stop_at = t3_first if t3_first is not None else len(lines)
    m2 = _T2_ANCHOR.search(text)
    if m2 is not None and line_of(m2.start()) < stop_at:
        at = line_of(m2.start())
        last = _lines_from(
            lines,
            at,
            lambda k: k >= stop_at or prose(k) or _is_heading_about(line_text(k), "收到和处理"),
            limit=40,
        )
        table = _read_table(TABLES["二"], text, lines, at, last, line_of, year, min_rows=2)
        if table is not None:
            result.tables["二"] = table
    return result


def _is_heading_about(line: str, word: str) -> bool:
    return word in line and "|" not in line


def _read_table(
    variants: tuple[TableSpec, ...],
    text: str,
    lines,
    first: int,
    last: int,
    line_of,
    year: int | None,
    min_rows: int,
) -> TableRead | None:
    region = _region(text, lines, first, last)
    if not region.fragments:
        return None
    header = _clean("".join(f.text for f in region.fragments))
    full = _Stream(region.fragments, None)
    filtered: dict[tuple[str, ...], _Stream] = {}
    best = None
    for spec in variants:
        if spec.noise not in filtered:
            filtered[spec.noise] = _Stream(region.fragments, spec.noise)
        streams = (full, filtered[spec.noise])
        found, ordered = _match_rows(spec, region, line_of, min_rows, streams)
        exact = sum(1 for m in found.values() if not m.corrupted)
        markers = sum(1 for w in spec.markers if w in header)
        score = (markers, exact, spec.variant == ("T21" if (year or 2021) >= 2021 else "T19"))
        if best is None or score > best[0]:
            best = (score, spec, found, ordered)
    _, spec, found, ordered = best
    if sum(1 for m in found.values() if not m.corrupted) < min_rows:
        return None
    assigned = _assign(ordered, region.groups)
    rows: dict[str, RowRead] = {}
    schema: list[SchemaIssue] = []
    for row in spec.rows:
        match = found.get(row.key)
        if match is None:
            continue
        read = RowRead(row, match.label, match.span, match.corrupted, match.out_of_order)
        group = assigned.get(row.key)
        if group is not None:
            issue = _read_cells(spec, row, group, read)
            if issue is not None:
                schema.append(issue)
        else:
            read.problem = ("找不到该行的数值", "no values found for this row")
        rows[row.key] = read
        if match.corrupted:
            schema.append(SchemaIssue("corrupted", match.span, row, match.label))
        elif match.out_of_order:
            schema.append(SchemaIssue("out_of_order", match.span, row, match.label))
    start = min(m.span.start for m in found.values())
    end = max(
        [m.span.end for m in found.values()] + [g.tokens[-1].span.end for g in assigned.values()]
    )
    for index, row in enumerate(spec.rows):
        if row.key in found:
            continue
        previous = next((found[r.key] for r in reversed(spec.rows[:index]) if r.key in found), None)
        at = previous.span if previous else Span(start, start)
        schema.append(SchemaIssue("missing", at, row))
    used = {id(g) for g in assigned.values()}
    for group in region.groups:
        if id(group) in used or not group.has_label or not any(t.text for t in group.tokens):
            continue
        label = " ".join(
            f.text
            for f in region.fragments
            if f.line == group.line and not _is_noise(f.text, spec.noise)
        )
        if _CJK.search(label) and not any(
            m.first_line <= group.line <= m.last_line for m in ordered
        ):
            frag = next(f for f in region.fragments if f.line == group.line and f.text in label)
            schema.append(SchemaIssue("extra", frag.span, None, _clean(label)))
    schema.sort(key=lambda s: s.span.start)
    return TableRead(spec, Span(start, end), rows, schema)


def _read_table4(text: str, lines, first: int, last: int) -> TableRead | None:
    spec = TABLES["四"][0]
    region = _region(text, lines, first, last)
    header = _clean("".join(f.text for f in region.fragments))
    if "维持" not in header:
        return None
    row = spec.rows[0]
    n = len(row.columns)
    for group in region.groups:
        digits = (
            len(group.tokens) == 1
            and group.tokens[0].text.isdigit()
            and len(group.tokens[0].text) >= n
        )
        if len(group.tokens) < 10 and not digits:
            continue
        label_span = region.fragments[0].span
        read = RowRead(row, row.label, label_span)
        issue = _read_cells(spec, row, group, read)
        schema = [issue] if issue is not None else []
        return TableRead(
            spec, Span(label_span.start, group.tokens[-1].span.end), {row.key: read}, schema
        )
    return None


# -- identities ---------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class Evaluation:
    equation: Equation
    left: tuple[CellRead, ...]
    right: tuple[CellRead, ...]
    blanks: tuple[CellRead, ...]

    @property
    def assessable(self) -> bool:
        return not self.blanks

    def total(self, cells: tuple[CellRead, ...]) -> int | float:
        return sum(c.value or 0 for c in cells)

    @property
    def holds(self) -> bool:
        return abs(self.total(self.left) - self.total(self.right)) < 1e-9


def evaluate(table: TableRead, equation: Equation, blank_as_zero: bool) -> Evaluation | None:
    """The equation with its cells, or None when a cell is missing, unread, not a number,
    or was split using this very identity. Worked out once per table."""
    key = (id(equation), blank_as_zero)
    if key not in table.evaluations:
        table.evaluations[key] = _evaluate(table, equation, blank_as_zero)
    return table.evaluations[key]


def _evaluate(table: TableRead, equation: Equation, blank_as_zero: bool) -> Evaluation | None:
    left: list[CellRead] = []
    right: list[CellRead] = []
    blanks: list[CellRead] = []
    for refs, out in ((equation.left, left), (equation.right, right)):
        for ref in refs:
            row = table.rows.get(ref.row)
            if row is None or row.cells is None or equation.identity in row.decoded_by:
                return None
            cell = row.cell(ref.column)
            if cell is None or cell.kind == "text":
                return None
            if cell.kind == "blank" and not blank_as_zero:
                blanks.append(cell)
            out.append(cell)
    return Evaluation(equation, tuple(left), tuple(right), tuple(blanks))
