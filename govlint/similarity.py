"""Narrative similarity for GL505: what a report says in its own words, and how much of it
another report says too.

* :func:`narrative` — the report's prose: no title, tables (template, pipe or label/value,
  PDF table text), headings or web debris, and no sentence every report carries (the
  regulation cited as the basis, the statistics period, the contact line).
* :func:`shingles` — the set of character 8-grams, digits masked (a copy with this year's
  figures is still a copy), hashed with CRC-32 (stable across processes and runs).
* :func:`jaccard` and :func:`shared_passages` — the measure and the longest sentences two
  narratives share, for the message.
* :func:`clause_sketch` — the smallest hashes of the report's clauses: reports of a batch
  that share several are candidates for a full comparison (no pairwise comparison of a
  batch).
"""

from __future__ import annotations

import re
import zlib
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from govlint.model import Report

SHINGLE = 8
SKETCH = 32
MIN_CLAUSE = 10
_DIGIT = re.compile(r"\d")
_CLAUSE_END = re.compile(r"[。；;，,！？!?\n]")
_TABLE_LINE = re.compile(r"\|.*\|")
_PROSE_MARK = re.compile(r"[，,。；;：:、]")
_SPACE = re.compile(r"\s+")
_SENTENCE = re.compile(r"[^。！？!?]+[。！？!?]?")
_BOILERPLATE = re.compile(
    r"根据《中华人民共和国政府信息公开条例》.{0,80}?(?:编制|制作|发布|公布)"
    r"|统计期限|如对本(?:年度)?报告|联系(?:地址|电话|方式)|电子版|^本报告由"
)


def narrative(report: Report) -> str:
    """The prose of ``report``: one sentence per line, whitespace removed (PDF text wraps
    lines inside words), in text order."""
    text = report.text
    skip = [t.span for t in report.national.tables.values()]
    skip += [t.span for t in report.tables]
    skip += [r.span for r in report.web_residue]
    if report.title is not None:
        skip.append(report.title.span)
    heading_lines = {report.line_of(h.span.start) for h in report.headings}
    kept = []
    for index, (start, end) in enumerate(report.lines):
        if index in heading_lines or any(s.start <= start < s.end for s in skip):
            continue
        line = text[start:end].strip()
        if len(line) < 4 or _TABLE_LINE.search(line):
            continue
        if not _PROSE_MARK.search(line) and len(line.split()) >= 3:
            continue  # a table's header or a row of figures, as PDF text gives them
        kept.append(line)
    joined = _SPACE.sub("", "".join(kept))
    sentences = (m.group() for m in _SENTENCE.finditer(joined))
    return "\n".join(s for s in sentences if len(s) >= 4 and not _BOILERPLATE.search(s))


def _masked(text: str) -> str:
    return _DIGIT.sub("0", text)


def _window_hashes(text: str) -> list[int]:
    """The CRC-32 of the 8-gram starting at each position of ``text`` (digits masked)."""
    data = _masked(text).encode("utf-32-le", "surrogatepass")
    width = 4 * SHINGLE
    crc = zlib.crc32
    return [crc(data[i : i + width]) for i in range(0, len(data) - width + 4, 4)]


def shingles(text: str) -> set[int]:
    return set(_window_hashes(text))


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    return len(a & b) / len(a | b)


def shared_passages(text: str, other: set[int], count: int = 2) -> list[str]:
    """The ``count`` longest sentences of ``text`` (a :func:`narrative`) whose every 8-gram
    is in ``other``, longest first (the earlier one first among equals)."""
    hashes = _window_hashes(text)
    found: list[tuple[int, int]] = []
    start = 0
    for sentence in text.split("\n"):
        end = start + len(sentence)
        if len(sentence) >= SHINGLE and all(h in other for h in hashes[start : end - SHINGLE + 1]):
            found.append((start, end))
        start = end + 1
    found.sort(key=lambda r: (r[0] - r[1], r[0]))
    return [text[a:b] for a, b in found[:count]]


def clause_sketch(text: str) -> tuple[int, ...]:
    """The :data:`SKETCH` smallest CRC-32s of the clauses of at least :data:`MIN_CLAUSE`
    characters (digits masked), sorted."""
    hashes = {
        zlib.crc32(clause.encode("utf-8", "surrogatepass"))
        for clause in _CLAUSE_END.split(_masked(text))
        if len(clause.strip()) >= MIN_CLAUSE
    }
    return tuple(sorted(hashes)[:SKETCH])


def pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8", "surrogatepass"), 1)


def unpack(data: bytes) -> str:
    return zlib.decompress(data).decode("utf-8", "surrogatepass")
