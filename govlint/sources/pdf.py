"""PDF reports, read with pypdf in layout mode (``pip install 'govlint[pdf]'``).

Layout mode keeps a table row on one line, its columns apart by runs of spaces. Per page,
the visible lines are kept (blank lines of the layout dropped, each line stripped);
page-number footers (``- 3 -``, ``— 4 —``, ``第 3 页``, ``3/12``) and running headers or
footers (the same first or last line on most pages) are removed from the text.

Positions: a location's *line* counts the visible lines of the whole document, headers and
footers included, and its *column* the characters of that line; :attr:`Location.page` and
:attr:`Location.page_line` give the page and the line on that page, as a reader counts them.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from govlint.sources import LIMITS, SourceError, read_bytes
from govlint.sources.extracted import MappedSource, TextBuilder

_PAGE_NUMBER = re.compile(
    r"[-—–－~]*\s*\d{1,4}\s*[-—–－~]*|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?"
    r"|\d{1,4}\s*/\s*\d{1,4}|[Pp]age\s*\d{1,4}(?:\s*of\s*\d{1,4})?"
)
_RUNNING_SHARE = 0.5  # a first/last line on at least half the pages (and 3) is running text


@dataclass(eq=False)
class PdfSource(MappedSource):
    page_starts: list[int] = field(default_factory=list)
    """The first line number (1-based, in :attr:`original`) of every page."""

    def place(self, offset: int, line: int) -> dict[str, object]:
        page = bisect.bisect_right(self.page_starts, line)
        return {"page": page, "page_line": line - self.page_starts[page - 1] + 1}


def read_pdf_file(path: Path, display: str) -> PdfSource:
    try:
        import pypdf
    except ImportError:
        raise SourceError(
            "读取 .pdf 需要安装 govlint[pdf]（pypdf）", "reading .pdf needs govlint[pdf] (pypdf)"
        ) from None
    import io
    import logging

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # its warnings are not ours to print
    data = read_bytes(path)
    if not data.lstrip()[:5].startswith(b"%PDF"):
        raise SourceError("不是 PDF 文件（缺少 %PDF 文件头）", "not a PDF file (no %PDF header)")
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise SourceError("PDF 已加密，无法读取", "the PDF is encrypted")
        limit = LIMITS.get().pdf_pages
        if len(reader.pages) > limit:
            raise SourceError(
                f"PDF 页数过多（{len(reader.pages)} 页，上限 {limit} 页，见 max-pdf-pages）",
                f"too many PDF pages ({len(reader.pages)}, limit {limit}: max-pdf-pages)",
            )
        pages = [_page_lines(page) for page in reader.pages]
    except SourceError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on damaged files
        raise SourceError(
            f"PDF 已损坏或无法读取（{type(exc).__name__}）",
            f"damaged or unreadable PDF ({type(exc).__name__}: {exc})",
        ) from None
    return build(pages, display)


def _page_lines(page) -> list[str]:
    text = page.extract_text(extraction_mode="layout")
    return [line.strip() for line in text.splitlines() if line.strip()]


def build(pages: list[list[str]], display: str) -> PdfSource:
    """The source from each page's visible lines (pure: tested without PDF files)."""
    running = _running_lines(pages)
    out = TextBuilder()
    original: list[str] = []
    page_starts: list[int] = []
    offset = 0
    for lines in pages:
        page_starts.append(len(original) + 1)
        last = len(lines) - 1
        for i, line in enumerate(lines):
            original.append(line)
            edge = i in (0, last)
            if not (edge and (_PAGE_NUMBER.fullmatch(line) or line in running)):
                out.add(line, offset)
                out.separator("\n")
            offset += len(line) + 1
    text = out.text()
    if not text.strip():
        raise SourceError(
            "PDF 中没有可提取的文字（可能是扫描件）", "the PDF has no extractable text (a scan?)"
        )
    return PdfSource(
        path=display,
        text=text,
        kind="pdf",
        origin=out.origin_map(),
        original="\n".join(original),
        page_starts=page_starts,
    )


def _running_lines(pages: list[list[str]]) -> set[str]:
    """Lines that open or close most pages: running headers and footers."""
    if len(pages) < 3:
        return set()
    edges = Counter(line for lines in pages for line in {*lines[:1], *lines[-1:]})
    needed = max(3, int(len(pages) * _RUNNING_SHARE))
    return {line for line, count in edges.items() if count >= needed}
