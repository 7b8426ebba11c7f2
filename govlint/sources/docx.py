"""Word documents (``.docx``), read with python-docx (``pip install 'govlint[docx]'``).

The extracted text has one line per body paragraph and one line per table row,
``| cell | cell |``, in document order. A merged cell's text appears once: python-docx
repeats a merged cell at every grid position it covers, and those repeats are dropped from
the text (the grid in :attr:`Source.tables` still points every position at the cell).

Positions: every paragraph of the document is numbered in order, 1-based, those inside table
cells included (as Word counts them). A location's *line* is that paragraph number and its
*column* counts characters in the paragraph; for text in a table, :attr:`Location.cell`
adds table, row and cell numbers (1-based; the cell is the grid column).
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from pathlib import Path

from govlint.findings import Span
from govlint.sources import SourceCell, SourceError, SourceTable, check_zip, read_bytes
from govlint.sources.extracted import MappedSource, TextBuilder

_LINE_BREAKS = str.maketrans({"\n": " ", "\r": " ", "\v": " "})


@dataclass(eq=False)
class DocxSource(MappedSource):
    cells: list[tuple[int, int, tuple[int, int, int]]] = field(default_factory=list)
    """``(start, end, (table, row, cell))`` of every cell's text, in text order."""

    def place(self, offset: int, line: int) -> dict[str, object]:
        i = bisect.bisect_right(self.cells, (offset, float("inf"))) - 1
        if i >= 0 and self.cells[i][0] <= offset <= self.cells[i][1]:
            return {"paragraph": line, "cell": self.cells[i][2]}
        return {"paragraph": line}


def read_docx_file(path: Path, display: str) -> DocxSource:
    try:
        import docx
    except ImportError:
        raise SourceError(
            "读取 .docx 需要安装 govlint[docx]（python-docx）",
            "reading .docx needs govlint[docx] (python-docx)",
        ) from None
    import io

    data = read_bytes(path)
    check_zip(data)
    try:
        document = docx.Document(io.BytesIO(data))
    except Exception as exc:  # zipfile, lxml and python-docx all raise their own errors
        raise SourceError(
            f"不是有效的 Word 文档（{type(exc).__name__}）",
            f"not a valid Word document ({type(exc).__name__}: {exc})",
        ) from None
    return _Extractor(display).run(document)


class _Extractor:
    def __init__(self, display: str) -> None:
        self.display = display
        self.out = TextBuilder()
        self.paragraphs: list[str] = []
        self.offset = 0  # where the next paragraph starts in the one-line-per-paragraph text
        self.cells: list[tuple[int, int, tuple[int, int, int]]] = []
        self.tables: list[SourceTable] = []

    def run(self, document) -> DocxSource:
        from docx.table import Table

        for block in document.iter_inner_content():
            if isinstance(block, Table):
                self._table(block)
            else:
                self._paragraph(block, own_line=True)
        text = self.out.text()
        if not text.strip():
            raise SourceError("Word 文档中没有文字", "the Word document has no text")
        return DocxSource(
            path=self.display,
            text=text,
            kind="docx",
            tables=self.tables,
            origin=self.out.origin_map(),
            original="\n".join(self.paragraphs),
            cells=self.cells,
        )

    def _paragraph(self, paragraph, own_line: bool) -> None:
        text = paragraph.text.translate(_LINE_BREAKS)
        origin = self.offset
        self.paragraphs.append(text)
        self.offset += len(text) + 1
        if own_line:
            self.out.end_line()
            self.out.add(text, origin)
            self.out.end_line()
            return
        if text.strip():
            if self.out.last_char not in ("", " ", "\n"):
                self.out.separator(" ")
            self.out.add(text, origin)

    def _table(self, table) -> None:
        number = len(self.tables) + 1
        self.out.end_line()
        table_start = self.out.length
        seen: dict[object, SourceCell] = {}  # keyed by the cell's XML element
        grid: list[tuple[SourceCell | None, ...]] = []
        for r, row in enumerate(table.rows):
            line: list[SourceCell | None] = []
            self.out.separator("| ")
            first = True
            for c, cell in enumerate(row.cells):
                key = cell._tc
                if key in seen:  # a merged cell, already written at its first position
                    line.append(seen[key])
                    continue
                if not first:
                    self.out.separator(" | ")
                first = False
                start = self.out.length
                self._cell_content(cell)
                source_cell = SourceCell(Span(start, self.out.length), r, c)
                seen[key] = source_cell
                line.append(source_cell)
                self.cells.append((start, self.out.length, (number, r + 1, c + 1)))
            self.out.separator(" |")
            self.out.end_line()
            grid.append(tuple(line))
        width = max((len(row) for row in grid), default=0)
        grid = [row + (None,) * (width - len(row)) for row in grid]
        self.tables.append(SourceTable(tuple(grid), Span(table_start, self.out.length)))

    def _cell_content(self, cell) -> None:
        from docx.table import Table

        for block in cell.iter_inner_content():
            if isinstance(block, Table):  # a table in a cell: its text, in order
                for row in block.rows:
                    done: list[object] = []
                    for inner in row.cells:
                        if not any(inner._tc is tc for tc in done):
                            done.append(inner._tc)
                            self._cell_content(inner)
            else:
                self._paragraph(block, own_line=False)
