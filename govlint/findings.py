"""Findings and their positions in the ORIGINAL file.

A rule reports a span of the normalized text; :func:`locate` maps it once, here, to
``line:column`` (1-based, Unicode code points) of the file the user has open.
"""

from __future__ import annotations

import bisect
import enum
from dataclasses import dataclass, field


class Severity(enum.IntEnum):
    """Ordered so that ``>=`` means "at least as serious"."""

    INFO = 1
    WARNING = 2
    ERROR = 3

    @classmethod
    def parse(cls, value: str) -> Severity:
        try:
            return cls[value.strip().upper()]
        except KeyError:
            raise ValueError(f"unknown severity {value!r} (error, warning, info)") from None

    @property
    def label(self) -> str:
        return self.name.lower()

    @property
    def sarif_level(self) -> str:
        return {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}[self]


SEVERITY_WORDS = {
    "zh": {Severity.ERROR: "错误", Severity.WARNING: "警告", Severity.INFO: "提示"},
    "en": {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "info"},
}
"""How the outputs name a severity, per language."""


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open ``[start, end)`` range of code points in a text."""

    start: int
    end: int

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"span end {self.end} before start {self.start}")


@dataclass(frozen=True, slots=True)
class Location:
    """A 1-based ``line:column`` range in the original file; the end column is exclusive.

    What a "line" is depends on the format: a line of a text or HTML file, a paragraph of a
    Word document (every paragraph counts, those in table cells too), a line of a PDF's
    extracted text. ``page``/``page_line`` (PDF) and ``paragraph``/``cell`` (DOCX: table,
    row and cell numbers, 1-based) say where that is in terms a reader of the original uses.
    """

    line: int
    column: int
    end_line: int
    end_column: int
    page: int | None = None
    page_line: int | None = None
    paragraph: int | None = None
    cell: tuple[int, int, int] | None = None

    def place(self, lang: str) -> str:
        """The logical place, e.g. ``第 3 页第 12 行``; empty for plain line:column files."""
        zh = lang == "zh"
        parts = []
        if self.page is not None:
            parts.append(
                f"第 {self.page} 页第 {self.page_line} 行"
                if zh
                else f"page {self.page}, line {self.page_line}"
            )
        if self.cell is not None:
            table, row, cell = self.cell
            parts.append(
                f"表格 {table} 第 {row} 行第 {cell} 格"
                if zh
                else f"table {table}, row {row}, cell {cell}"
            )
        if self.paragraph is not None:
            parts.append(f"第 {self.paragraph} 段" if zh else f"paragraph {self.paragraph}")
        return "，".join(parts) if zh else ", ".join(parts)


@dataclass(frozen=True, slots=True)
class Excerpt:
    """The line of extracted text that holds a finding, and the 1-based columns to mark.

    For plain text this is the original line; for HTML, Word and PDF it is the text govlint
    read, which is what a person recognises (the original is markup or binary).
    """

    text: str
    column: int
    end_column: int
    first_column: int = 1
    """The line's column of ``text[0]``: a long line is kept as a window around the span."""
    more: bool = False
    """The line goes on after ``text`` (a window)."""


EXCERPT_WINDOW = 240
"""Characters of a long line kept on each side of a span (a report on one 10 MB line)."""


def clip_excerpt(text: str, bounds: tuple[int, int], column: int, end_column: int) -> Excerpt:
    """An :class:`Excerpt` of the line ``text[start:end]`` (``bounds``), a window of it when
    the line is long; only the window is copied."""
    start, end = bounds
    if end - start <= 3 * EXCERPT_WINDOW:
        return Excerpt(text[start:end], column, end_column)
    first = max(0, column - 1 - EXCERPT_WINDOW)
    last = min(end - start, max(column, min(end_column, column + EXCERPT_WINDOW)) + EXCERPT_WINDOW)
    return Excerpt(
        text[start + first : start + last],
        column - first,
        end_column - first,
        first + 1,
        more=start + last < end,
    )


class LineIndex:
    """Maps code-point offsets of a text to 1-based ``(line, column)``.

    ``\\n``, ``\\r\\n`` and a lone ``\\r`` each end a line, as editors count them.
    """

    def __init__(self, text: str) -> None:
        starts = [0]
        i = 0
        n = len(text)
        find = text.find
        while True:
            j = find("\n", i)
            cr = find("\r", i, j if j >= 0 else n)
            if cr >= 0 and (cr + 1 >= n or text[cr + 1] != "\n"):
                starts.append(cr + 1)
                i = cr + 1
                continue
            if j < 0:
                break
            starts.append(j + 1)
            i = j + 1
        self._starts = starts
        self._text = text

    def position(self, offset: int) -> tuple[int, int]:
        offset = max(0, min(offset, len(self._text)))
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def bounds(self, line: int) -> tuple[int, int]:
        """Start and end offsets of a 1-based line, without its line break."""
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(self._text)
        text = self._text
        while end > start and text[end - 1] in "\r\n":
            end -= 1
        return start, end

    def line_text(self, line: int, limit: int | None = None) -> str:
        """The text of a 1-based line, without its line break ("" if longer than ``limit``)."""
        start, end = self.bounds(line)
        return "" if limit is not None and end - start > limit else self._text[start:end]

    @property
    def line_count(self) -> int:
        return len(self._starts)


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem found by one rule in one file.

    ``message`` holds the text per language (``{"zh": ..., "en": ...}``); ``snippet`` is the
    normalized text of the span (stable across edits elsewhere), used for fingerprints.
    """

    rule: str
    name: str
    severity: Severity
    message: dict[str, str]
    path: str
    location: Location | None = None
    snippet: str = ""
    section: str = ""
    source_line: str = ""
    """The original line (text formats only): SARIF's context snippet."""
    excerpt: Excerpt | None = None
    text_span: Span | None = None
    """The span in the text govlint read (the file itself for .txt/.md, the extracted text of
    HTML, Word and PDF): where the HTML report highlights the finding."""
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def text(self, lang: str) -> str:
        return self.message.get(lang) or self.message["zh"]

    @property
    def fingerprint(self) -> str:
        """Stable across line moves: rule + section path + normalized snippet, never lines."""
        import hashlib  # OpenSSL's module costs ~20 ms at start-up; only outputs need it

        key = "\x1f".join((self.rule, self.section, " ".join(self.snippet.split())))
        return hashlib.sha256(key.encode("utf-8", "surrogatepass")).hexdigest()[:32]

    def sort_key(self) -> tuple:
        """Path, position, rule; findings of one rule at one place keep the rule's order."""
        loc = self.location
        return (
            self.path,
            loc.line if loc else 0,
            loc.column if loc else 0,
            self.rule,
        )


def describe_exception(exc: BaseException) -> str:
    """``Type: first line of the message`` — one line, for findings and errors."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__
