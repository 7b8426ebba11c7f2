"""Text extracted from a structured file (HTML, Word, PDF), piece by piece, each piece
remembering where it came from.

A reader appends pieces to a :class:`TextBuilder`: text copied from the original (``exact``:
its *i*-th character is the original's ``origin + i``-th), text decoded from something longer
(an entity such as ``&nbsp;``: every character points at the entity), and separators the
reader adds itself (line breaks, cell separators: they point where the previous piece ended).
The result is a :class:`MappedSource`, whose :meth:`~MappedSource.locate` answers in the
original's coordinates — the only place where that arithmetic happens.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

from govlint.findings import LineIndex, Location, Span
from govlint.sources import Source


class OriginMap:
    """Maps offsets of extracted text to offsets of the original text."""

    __slots__ = ("exact", "origins", "starts")

    def __init__(self, starts: Sequence[int], origins: Sequence[int], exact: Sequence[int]) -> None:
        self.starts = starts
        self.origins = origins
        self.exact = exact

    def to_original(self, offset: int) -> int:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return 0
        if self.exact[i]:
            return self.origins[i] + offset - self.starts[i]
        return self.origins[i]

    def pieces(self, start: int, end: int):
        """``(start, stop, origin, exact)`` for each stretch of ``[start, end)`` that lies in
        one piece: how to carry this text's origins over into another builder."""
        i = max(0, bisect.bisect_right(self.starts, start) - 1)
        pos = start
        while pos < end:
            stop = min(end, self.starts[i + 1]) if i + 1 < len(self.starts) else end
            yield pos, stop, self.to_original(pos), self.exact[i]
            pos = stop
            i += 1

    def to_original_end(self, end: int) -> int:
        """An exclusive end: one past the original of the span's last character."""
        if end <= 0:
            return 0
        i = bisect.bisect_right(self.starts, end - 1) - 1
        if i >= 0 and self.exact[i]:
            return self.origins[i] + end - self.starts[i]
        return self.to_original(end - 1) + 1


class TextBuilder:
    """Collects extracted text and, for each piece, its origin in the original."""

    def __init__(self) -> None:
        # Compact arrays: a Word-pasted page has a piece per character.
        self._parts: list[str] = []
        self.starts = array("q")
        self.origins = array("q")
        self.exact = bytearray()
        self.length = 0
        self._origin_end = 0
        self._last = ""

    def add(self, text: str, origin: int, exact: bool = True) -> None:
        """Text found at ``origin``; ``exact`` when it is copied character for character."""
        if not text:
            return
        if not (exact and self.exact and self.exact[-1] and self._origin_end == origin):
            self.starts.append(self.length)
            self.origins.append(origin)
            self.exact.append(exact)
        self._parts.append(text)
        self.length += len(text)
        self._origin_end = origin + len(text) if exact else origin
        self._last = text[-1]

    def separator(self, text: str) -> None:
        """Text the reader adds (a line break, a cell separator); it has no origin of its own."""
        if not text:
            return
        self.starts.append(self.length)
        self.origins.append(self._origin_end)
        self.exact.append(False)
        self._parts.append(text)
        self.length += len(text)
        self._last = text[-1]

    def end_line(self) -> None:
        """Start a new line unless the text is empty or already at a line start."""
        if self._last and self._last != "\n":
            self.separator("\n")

    @property
    def last_char(self) -> str:
        return self._last

    def text(self) -> str:
        return "".join(self._parts)

    def origin_map(self) -> OriginMap:
        return OriginMap(self.starts, self.origins, self.exact)


@dataclass(eq=False)
class MappedSource(Source):
    """Extracted text whose positions are reported in the original's coordinates.

    ``original`` is the text positions are counted in: the decoded HTML file, one line per
    paragraph of a Word file, or the PDF's per-page layout text. ``original_is_text`` says
    whether it is what the user has open (HTML) — then its lines go to SARIF as snippets.
    """

    origin: OriginMap = field(default_factory=lambda: OriginMap([], [], []))
    original: str = ""
    original_is_text: bool = False

    @cached_property
    def original_lines(self) -> LineIndex:
        return LineIndex(self.original)

    def locate(self, span: Span) -> Location:
        start = self.origin.to_original(span.start)
        end = max(start, self.origin.to_original_end(span.end)) if span.end > span.start else start
        line, column = self.original_lines.position(start)
        end_line, end_column = self.original_lines.position(end)
        return Location(line, column, end_line, end_column, **self.place(span.start, line))

    def place(self, offset: int, line: int) -> dict[str, object]:
        """Format-specific parts of a :class:`Location` (page, paragraph, table cell)."""
        return {}

    def line_text(self, line: int, limit: int | None = None) -> str:
        return self.original_lines.line_text(line, limit) if self.original_is_text else ""
