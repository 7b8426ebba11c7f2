"""Sources stage: read a file's bytes and turn them into text that remembers its origin.

A reader takes a path and returns a :class:`Source`; when the file can't be read it raises
:class:`SourceError` with a one-line reason in Chinese and English, which the engine turns
into a GL001 finding for that file. Readers for more file types come from plugins
(``govlint_sources`` hook), keyed by file suffix.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from govlint.findings import LineIndex, Location, Span


class SourceError(Exception):
    """The file can't be turned into text. ``zh``/``en`` are one-line reasons."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh = zh
        self.en = en


@dataclass(eq=False)
class Source:
    """The extracted text of one file, and how to find its positions in the original.

    For plain text the extracted text *is* the decoded file, so offsets map to
    ``line:column`` directly; readers of structured formats override :meth:`locate`.
    """

    path: str
    text: str
    kind: str
    encoding: str = "utf-8"
    meta: dict[str, str] = field(default_factory=dict)

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def locate(self, span: Span) -> Location:
        line, column = self.lines.position(span.start)
        end = max(span.end, span.start)
        end_line, end_column = self.lines.position(end)
        return Location(line, column, end_line, end_column)

    def line_text(self, line: int) -> str:
        return self.lines.line_text(line)


Reader = Callable[[Path, str], Source]


def builtin_readers() -> dict[str, Reader]:
    from govlint.sources import text

    return {".txt": text.read_text_file, ".md": text.read_text_file}


def read_source(path: Path, display: str, readers: dict[str, Reader]) -> Source:
    """Read ``path`` with the reader registered for its suffix."""
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise SourceError(
            f"不支持的文件类型“{path.suffix or '（无扩展名）'}”",
            f"unsupported file type '{path.suffix or '(no extension)'}'",
        )
    return reader(path, display)
