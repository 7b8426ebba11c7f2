"""Sources stage: read a file's bytes and turn them into text that remembers its origin.

A reader takes a path and returns a :class:`Source`; when the file can't be read it raises
:class:`SourceError` with a one-line reason in Chinese and English, which the engine turns
into a GL001 finding for that file. Readers for more file types come from plugins
(``govlint_sources`` hook), keyed by file suffix.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from govlint.findings import Excerpt, LineIndex, Location, Span, clip_excerpt


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
    tables: list[SourceTable] = field(default_factory=list)
    """Tables the format itself marks (HTML ``<table>``, Word tables), cells kept."""

    @cached_property
    def lines(self) -> LineIndex:
        return LineIndex(self.text)

    def locate(self, span: Span) -> Location:
        line, column = self.lines.position(span.start)
        end = max(span.end, span.start)
        end_line, end_column = self.lines.position(end)
        return Location(line, column, end_line, end_column)

    def line_text(self, line: int, limit: int | None = None) -> str:
        """The original line, for formats whose original is text; else empty. Empty too if
        longer than ``limit``."""
        return self.lines.line_text(line, limit)

    def excerpt(self, span: Span) -> Excerpt:
        """The line of :attr:`text` where ``span`` starts, with the span's columns on it."""
        line, column = self.lines.position(span.start)
        end_line, end_column = self.lines.position(max(span.end, span.start))
        bounds = self.lines.bounds(line)
        if end_line != line:
            end_column = bounds[1] - bounds[0] + 1
        return clip_excerpt(self.text, bounds, column, end_column)


@dataclass(frozen=True, slots=True)
class SourceCell:
    """One cell of a table: its span in :attr:`Source.text` and where it sits in the grid."""

    span: Span
    row: int
    column: int
    rowspan: int = 1
    colspan: int = 1


@dataclass(frozen=True, slots=True)
class SourceTable:
    """A table as rows x columns; a merged cell fills every grid position it covers."""

    grid: tuple[tuple[SourceCell | None, ...], ...]
    span: Span

    def cell_text(self, text: str, row: int, column: int) -> str:
        cell = self.grid[row][column]
        return text[cell.span.start : cell.span.end] if cell else ""


Reader = Callable[[Path, str], Source]


@dataclass(frozen=True)
class Limits:
    """What govlint agrees to read, so a crafted file can't exhaust the machine. A file
    beyond a limit is refused with GL001 (config keys ``max-file-mb``, ``max-unpacked-mb``,
    ``max-pdf-pages``)."""

    file_bytes: int = 64 * 1024 * 1024
    """Size of the file on disk (every type)."""
    unpacked_bytes: int = 256 * 1024 * 1024
    """Sum of the uncompressed sizes of a zip container's members (Word files)."""
    pdf_pages: int = 2000


DEFAULT_LIMITS = Limits()
LIMITS: ContextVar[Limits] = ContextVar("govlint_limits", default=DEFAULT_LIMITS)
"""The limits of the file being read; readers (plugins' too) consult ``LIMITS.get()``."""


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.0f} MB" if size >= 1024 * 1024 else f"{size} B"


def builtin_readers() -> dict[str, Reader]:
    from govlint.sources import docx, html, pdf, text

    return {
        ".txt": text.read_text_file,
        ".md": text.read_text_file,
        ".html": html.read_html_file,
        ".htm": html.read_html_file,
        ".docx": docx.read_docx_file,
        ".pdf": pdf.read_pdf_file,
    }


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a :class:`SourceError` that says why not (also when the file is
    larger than :attr:`Limits.file_bytes`)."""
    limit = LIMITS.get().file_bytes
    try:
        status = path.stat()
        if not stat.S_ISREG(status.st_mode) and not stat.S_ISDIR(status.st_mode):
            # A FIFO or a device would block or never end.
            raise SourceError("不是普通文件（管道、设备等）", "not a regular file (FIFO, device…)")
        if status.st_size > limit:
            size = _megabytes(status.st_size)
            raise SourceError(
                f"文件过大（{size}，上限 {_megabytes(limit)}，见 max-file-mb）",
                f"file too large ({size}, limit {_megabytes(limit)}: max-file-mb)",
            )
        with path.open("rb") as fh:
            data = fh.read(limit + 1)  # a file that grows while read is still cut off
    except IsADirectoryError:
        try:
            os.listdir(path)
        except OSError as exc:
            reason = exc.strerror or exc.__class__.__name__
            raise SourceError(
                f"无法读取目录：{reason}", f"cannot read directory: {reason}"
            ) from None
        raise SourceError("是目录，不是文件", "is a directory, not a file") from None
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        raise SourceError(f"无法读取文件：{reason}", f"cannot read file: {reason}") from None
    if len(data) > limit:
        raise SourceError(
            f"文件过大（超过上限 {_megabytes(limit)}，见 max-file-mb）",
            f"file too large (over the limit of {_megabytes(limit)}: max-file-mb)",
        )
    return data


def check_zip(data: bytes) -> None:
    """Refuse a zip container (a Word file) that would unpack beyond
    :attr:`Limits.unpacked_bytes`: a zip bomb. The central directory's sizes bound what
    :mod:`zipfile` will inflate, so they are checked before anything is read."""
    import io
    import zipfile

    limit = LIMITS.get().unpacked_bytes
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError):
        return  # not a zip: the reader says what is wrong with it
    total = sum(member.file_size for member in members)
    if total > limit or len(members) > 10_000:
        raise SourceError(
            f"压缩包解压后过大（{_megabytes(total)}，{len(members)} 个成员，"
            f"上限 {_megabytes(limit)}，见 max-unpacked-mb）",
            f"unpacks to too much ({_megabytes(total)} in {len(members)} members, "
            f"limit {_megabytes(limit)}: max-unpacked-mb)",
        )


def read_source(
    path: Path, display: str, readers: dict[str, Reader], limits: Limits | None = None
) -> Source:
    """Read ``path`` with the reader registered for its suffix, within ``limits``."""
    if path.is_dir():
        read_bytes(path)  # says why (a directory, one that can't be listed)
    reader = readers.get(path.suffix.lower())
    if reader is None:
        raise SourceError(
            f"不支持的文件类型“{path.suffix or '（无扩展名）'}”",
            f"unsupported file type '{path.suffix or '(no extension)'}'",
        )
    token = LIMITS.set(limits or DEFAULT_LIMITS)
    try:
        return reader(path, display)
    finally:
        LIMITS.reset(token)
