"""Headings and the section tree: 一、 / （一） / 1. / （1）.

Works on normalized text (full-width brackets already folded), line by line. A numbered
line that is immediately followed by a number-only line is a table row label, not a heading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from govlint.findings import Span

CN_DIGITS = {"〇": 0, "零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5}
CN_DIGITS.update({"六": 6, "七": 7, "八": 8, "九": 9})
CN_NUMERAL = "一二三四五六七八九十百〇零两"

HEADING_PATTERNS: tuple[tuple[int, re.Pattern[str]], ...] = (
    (1, re.compile(rf"([{CN_NUMERAL}]{{1,4}})\s*[、.]")),
    (2, re.compile(rf"\(\s*([{CN_NUMERAL}]{{1,4}})\s*\)")),
    (3, re.compile(r"(\d{1,2})\s*(?:、|\.(?!\d))")),
    (4, re.compile(r"\(\s*(\d{1,2})\s*\)")),
)
_TITLE_END = re.compile(r"[。;:!?]")
_FIGURE = re.compile(r"-?\d[\d,]*(?:\.\d+)?")
_TABLE_ROW_LABEL = re.compile(r"^(?:本年新收|上年结转|本年度办理结果|结转下年度|总计)")
_NUMBER_LINE = re.compile(r"\s*-?\d[\d,]*(?:\.\d+)?\s*(?:件|条|个|人次|次|万元|元)?\s*")
MAX_TITLE = 80
# Indentation and a Markdown heading/bold/quote mark; the atomic groups take a run of spaces
# whole (a line of 10 000 spaces is not re-split 10 000 ways).
_LEAD = r"(?>\s*)(?:#{1,6}(?>\s+)|[*_]{2}(?>\s*)|>(?>\s*))?"
_MARKDOWN_LEAD = re.compile(_LEAD)
# What a heading can start with, after that lead: checked before the full patterns.
_HEADING_START = re.compile(_LEAD + rf"[{CN_NUMERAL}(\d]")


def cn_to_int(numeral: str) -> int | None:
    """Chinese numeral (一 … 九十九, with 十/百) to int; None when it is not one."""
    if numeral.isdigit():
        return int(numeral)
    total, current = 0, 0
    for ch in numeral:
        if ch in CN_DIGITS:
            current = CN_DIGITS[ch]
        elif ch == "十":
            total += (current or 1) * 10
            current = 0
        elif ch == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current


@dataclass(frozen=True, slots=True)
class Heading:
    level: int
    label: str
    """The numbering as written: ``三``, ``二``, ``1``."""
    number: int | None
    title: str
    span: Span
    """From the numbering to the end of the title."""


@dataclass(eq=False)
class Section:
    heading: Heading | None
    start: int
    end: int
    children: list[Section] = field(default_factory=list)
    parent: Section | None = field(default=None, repr=False)

    @property
    def level(self) -> int:
        return self.heading.level if self.heading else 0

    @property
    def title(self) -> str:
        return self.heading.title if self.heading else ""

    @property
    def path(self) -> str:
        parts = []
        node: Section | None = self
        while node is not None and node.heading is not None:
            parts.append(f"{node.heading.label}{node.heading.title}")
            node = node.parent
        return " > ".join(reversed(parts))

    def walk(self):
        yield self
        for child in self.children:
            yield from child.walk()


def iter_lines(text: str):
    """Yield ``(start, end)`` of each line (without its break)."""
    for m in re.finditer(r"[^\r\n]*(?:\r\n|\r|\n|$)", text):
        if m.start() == len(text) and m.end() == m.start():
            break
        line_end = m.end()
        while line_end > m.start() and text[line_end - 1] in "\r\n":
            line_end -= 1
        yield m.start(), line_end


def strip_span(text: str, start: int, end: int) -> Span:
    """``[start, end)`` without the white space at either end."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end)


def is_number_line(line: str) -> bool:
    return bool(line.strip()) and _NUMBER_LINE.fullmatch(line) is not None


def _ends_with_figures(rest: str) -> bool:
    """Two figures at the end, each after white space: a statistics row's tail. (The regex
    ``(?:\\s+FIGURE){2,}\\s*$`` says the same but is quadratic on a long run of figures.)"""
    end = len(rest.rstrip())
    for _ in range(2):
        start = end
        while start > 0 and not rest[start - 1].isspace():
            start -= 1
        if start == 0 or not _FIGURE.fullmatch(rest, start, end):
            return False
        end = start
        while end > 0 and rest[end - 1].isspace():
            end -= 1
    return True


def parse_heading(text: str, start: int, end: int) -> Heading | None:
    """A heading at the start of the line ``text[start:end]``, or None."""
    if _HEADING_START.match(text, start, end) is None:
        return None
    line = text[start:end]
    marker = _MARKDOWN_LEAD.match(line)
    stripped = line[marker.end() :]
    offset = start + marker.end()
    for level, pattern in HEADING_PATTERNS:
        m = pattern.match(stripped)
        if not m:
            continue
        label = m.group(1)
        rest = stripped[m.end() :]
        if level == 1 and rest.startswith(("是", "要", "则")):
            return None  # 一是… is an enumeration; 一则… a conjunction
        if _ends_with_figures(rest) or _TABLE_ROW_LABEL.match(rest):
            return None  # a row of a statistics table: label followed by its numbers
        cut = _TITLE_END.search(rest)
        title_text = rest[: cut.start()] if cut else rest
        title_text = title_text[:MAX_TITLE].strip().rstrip("*_ #")
        if not title_text:
            return None
        title_end = offset + m.end() + len(rest[: cut.start()] if cut else rest.rstrip())
        return Heading(
            level=level,
            label=label,
            number=cn_to_int(label),
            title=re.sub(r"\s+", "", title_text),
            span=Span(offset, min(title_end, end)),
        )
    return None


def build_sections(text: str, lines: list[tuple[int, int]]) -> tuple[Section, list[Heading]]:
    root = Section(heading=None, start=0, end=len(text))
    stack: list[Section] = [root]
    headings: list[Heading] = []
    for index, (start, end) in enumerate(lines):
        heading = parse_heading(text, start, end)
        if heading is None:
            continue
        if heading.level >= 3 and _next_line_is_number(text, lines, index):
            continue  # a table row label such as "2、政府公报公开" followed by "0"
        headings.append(heading)
        while stack[-1].level >= heading.level:
            stack.pop().end = start
        section = Section(heading=heading, start=start, end=len(text), parent=stack[-1])
        stack[-1].children.append(section)
        stack.append(section)
    return root, headings


def _next_line_is_number(text: str, lines: list[tuple[int, int]], index: int) -> bool:
    for start, end in lines[index + 1 : index + 4]:
        line = text[start:end]
        if line.strip():
            return is_number_line(line)
    return False
