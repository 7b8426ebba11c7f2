"""Findings and their positions in the ORIGINAL file.

A rule reports a span of the normalized text; :func:`locate` maps it once, here, to
``line:column`` (1-based, Unicode code points) of the file the user has open.
"""

from __future__ import annotations

import bisect
import enum
import hashlib
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
    """A 1-based ``line:column`` range in the original file; the end column is exclusive."""

    line: int
    column: int
    end_line: int
    end_column: int


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

    def line_text(self, line: int) -> str:
        """The text of a 1-based line, without its line break."""
        start = self._starts[line - 1]
        end = self._starts[line] if line < len(self._starts) else len(self._text)
        return self._text[start:end].rstrip("\r\n")

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
    extra: dict[str, object] = field(default_factory=dict, compare=False, hash=False)

    def text(self, lang: str) -> str:
        return self.message.get(lang) or self.message["zh"]

    @property
    def fingerprint(self) -> str:
        """Stable across line moves: rule + section path + normalized snippet, never lines."""
        key = "\x1f".join((self.rule, self.section, " ".join(self.snippet.split())))
        return hashlib.sha256(key.encode("utf-8")).hexdigest()[:32]

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
