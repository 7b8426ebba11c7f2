"""HTML pages (``.html``, ``.htm``): lxml's HTML parser, block structure, real tables.

What comes out is the text a reader sees: one line per block (paragraph, heading, list
item, ``<br>``), inline markup joined without a trace — Word-pasted HTML that wraps every
character in ``<span>``/``<font>`` reads as plain text — and each table row on one line,
``| cell | cell |``, with its grid (``rowspan``/``colspan`` expanded) kept in
:attr:`Source.tables`. Scripts, styles, comments, ``<head>``, navigation and hidden
elements are dropped.

Positions: lxml keeps no columns, so the text it returns is aligned, in document order,
with the text runs of the raw file (what lies between tags, entities decoded). Every
extracted character thus points at its ``line:column`` in the ``.html`` file; a character
decoded from an entity points at the entity.
"""

from __future__ import annotations

import bisect
import html
import re
from dataclasses import dataclass, field
from pathlib import Path

from govlint.findings import Span
from govlint.sources import SourceCell, SourceError, SourceTable, read_bytes
from govlint.sources.extracted import MappedSource, OriginMap, TextBuilder
from govlint.sources.text import decode

BLOCK = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "body",
        "caption",
        "center",
        "dd",
        "details",
        "dialog",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "html",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "ul",
    ]
)
DROPPED = frozenset(
    [
        "applet",
        "audio",
        "button",
        "canvas",
        "datalist",
        "embed",
        "head",
        "iframe",
        "input",
        "map",
        "nav",
        "noscript",
        "object",
        "option",
        "script",
        "select",
        "style",
        "svg",
        "template",
        "textarea",
        "title",
        "video",
    ]
)
CELLS = frozenset(("td", "th"))
BREAKS = BLOCK | CELLS | {"tr"}  # outside a data table, a cell or row is a block too
HTML_SPACE = " \t\n\r\f"
_SPACE_RUN = re.compile(r"[ \t\n\r\f]+")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)
_MARKUP = re.compile(
    r"<!--.*?(?:-->|\Z)|<(script|style|textarea|title)\b.*?(?:</\1\s*>|\Z)|<[!?/]?[A-Za-z!?][^>]*>?",
    re.S | re.I,
)
_ENTITY = re.compile(r"&(?:#[0-9]{1,7};?|#[xX][0-9a-fA-F]{1,6};?|[A-Za-z][A-Za-z0-9]{1,31};?)")
_META_CHARSET = re.compile(rb"<meta[^>]+?charset\s*=\s*[\"']?\s*([-\w.:]+)", re.I)
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")
_CJK = re.compile(r"[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]")
_ALIASES = {"gb2312": "gb18030", "gbk": "gb18030", "x-gbk": "gb18030", "big5": "cp950"}


def read_html_file(path: Path, display: str) -> MappedSource:
    raw, encoding = decode_html(read_bytes(path))
    return extract(raw, display, encoding)


def decode_html(data: bytes) -> tuple[str, str]:
    """BOM first, then the page's ``<meta charset>``, then the text detector."""
    declared = _META_CHARSET.search(data[:4096])
    if declared and not data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        name = declared.group(1).decode("ascii", "replace").lower()
        encoding = _ALIASES.get(name, name)
        try:
            return data.decode(encoding), encoding
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong declaration is common: fall back to detection
    return decode(data)


def extract(raw: str, display: str, encoding: str = "utf-8") -> MappedSource:
    import lxml.etree
    import lxml.html

    # lxml refuses str input that declares an encoding; blank it out, keeping offsets.
    declaration = _XML_DECLARATION.match(raw)
    parsed = raw if not declaration else " " * declaration.end() + raw[declaration.end() :]
    try:
        root = lxml.html.document_fromstring(parsed)
    except (lxml.etree.ParserError, ValueError) as exc:
        raise SourceError(f"HTML 无法解析：{exc}", f"HTML cannot be parsed: {exc}") from None
    walker = _Walker(_RawText(raw))
    walker.walk(root)
    text = walker.out.text()
    if not text.strip():
        raise SourceError("网页中没有正文文本", "the page has no body text")
    return MappedSource(
        path=display,
        text=text,
        kind="html",
        encoding=encoding,
        tables=walker.tables,
        origin=walker.out.origin_map(),
        original=raw,
        original_is_text=True,
    )


class _RawText:
    """The text runs of the raw file (between tags, entities decoded, CR dropped), and
    where each character of them sits in the raw file."""

    def __init__(self, raw: str) -> None:
        builder = TextBuilder()
        pos = 0
        add = builder.add
        for m in _MARKUP.finditer(raw):
            start = m.start()
            if start > pos:
                run = raw[pos:start]
                if "&" in run or "\r" in run:
                    self._add_run(builder, raw, pos, start)
                else:
                    add(run, pos)
            pos = m.end()
        if pos < len(raw):
            self._add_run(builder, raw, pos, len(raw))
        self.text = builder.text()
        self.map: OriginMap = builder.origin_map()
        self.cursor = 0

    @staticmethod
    def _add_run(builder: TextBuilder, raw: str, start: int, end: int) -> None:
        pos = start
        for m in _ENTITY.finditer(raw, start, end):
            _add_plain(builder, raw, pos, m.start())
            decoded = html.unescape(m.group())
            builder.add(decoded, m.start(), exact=decoded == m.group())
            pos = m.end()
        _add_plain(builder, raw, pos, end)

    def find(self, chunk: str) -> int:
        """Where ``chunk`` (text lxml returned) starts in the run text, from the cursor;
        -1 when it can't be found (the parser changed it)."""
        at = self.text.find(chunk, self.cursor)
        if at >= 0:
            self.cursor = at + len(chunk)
        return at


def _add_plain(builder: TextBuilder, raw: str, start: int, end: int) -> None:
    while start < end:
        cr = raw.find("\r", start, end)
        stop = end if cr < 0 else cr
        builder.add(raw[start:stop], start)
        if cr < 0:
            break
        if cr + 1 >= end or raw[cr + 1] != "\n":
            builder.add("\n", cr, exact=False)  # a lone CR is a line break to the parser
        start = cr + 1


@dataclass
class _Table:
    data: bool
    """More than one cell in some row: a data table. Otherwise a layout table (a page
    wrapped in one cell), whose content reads as ordinary blocks."""
    start: int
    rows: list[list[SourceCell | None]] = field(default_factory=list)
    row_cells: int = 0
    cell_start: int = -1
    taken: dict[tuple[int, int], SourceCell] = field(default_factory=dict)


class _Walker:
    def __init__(self, raw: _RawText) -> None:
        self.raw = raw
        self.out = TextBuilder()
        self.tables: list[SourceTable] = []
        self._stack: list[_Table] = []
        self._space: str = ""  # pending collapsed white space: "", " " or "\n" (a break)
        self._segment = 0  # the run-map piece the last text was found in

    # -- structure --------------------------------------------------------------------
    def walk(self, root) -> None:
        import lxml.etree

        dropping = 0
        for event, el in lxml.etree.iterwalk(root, events=("start", "end", "comment", "pi")):
            if event in ("comment", "pi"):  # never "start"/"end" events of their own
                if el.tail:
                    self._text(el.tail, emit=dropping == 0)
                continue
            tag = el.tag.lower() if isinstance(el.tag, str) else ""
            if event == "start":
                if dropping or _dropped(tag, el):
                    dropping += 1
                    if tag not in ("script", "style", "textarea", "title") and el.text:
                        self._text(el.text, emit=False)
                    continue
                self._start(tag, el)
                if el.text:
                    self._text(el.text)
            else:
                if dropping:
                    dropping -= 1
                    if el.tail:
                        self._text(el.tail, emit=dropping == 0)
                    continue
                self._end(tag, el)
                if el.tail:
                    self._text(el.tail)
        self.out.end_line()

    def _in_cell(self) -> bool:
        """Inside a cell of a data table, where everything stays on the row's line."""
        return any(t.data and t.cell_start >= 0 for t in self._stack)

    def _break(self) -> None:
        """A block boundary: a new line, or a space inside a data-table cell."""
        if self._in_cell():
            self._space = self._space or " "
            return
        self._space = ""
        self.out.end_line()

    def _start(self, tag: str, el) -> None:
        if tag == "br":
            if self._in_cell():
                self._space = " "
            else:
                self._space = ""
                self.out.separator("\n")
        elif tag == "table":
            self._break()
            data = not self._in_cell() and _is_data_table(el)
            self._stack.append(_Table(data=data, start=self.out.length))
        elif tag == "tr" and self._stack and self._stack[-1].data:
            self._space = ""
            self.out.end_line()
            self._stack[-1].rows.append([])
            self._stack[-1].row_cells = 0
        elif tag in CELLS and self._stack and self._stack[-1].data:
            table = self._stack[-1]
            if not table.rows:
                table.rows.append([])
            self._space = ""
            self.out.separator("| " if table.row_cells == 0 else " | ")
            table.row_cells += 1
            table.cell_start = self.out.length
        elif tag in BREAKS:
            self._break()

    def _end(self, tag: str, el) -> None:
        if tag == "table" and self._stack:
            table = self._stack.pop()
            if table.data:
                self._finish_table(table)
            self._break()
        elif tag in CELLS and self._stack and self._stack[-1].data:
            table = self._stack[-1]
            if table.cell_start >= 0:
                self._place_cell(table, el)
            table.cell_start = -1
            self._space = ""
        elif tag == "tr" and self._stack and self._stack[-1].data:
            if self._stack[-1].row_cells:
                self.out.separator(" |")
            self._space = ""
            self.out.end_line()
        elif tag in BREAKS:
            self._break()

    # -- tables ------------------------------------------------------------------------
    def _place_cell(self, table: _Table, el) -> None:
        row = len(table.rows) - 1
        column = 0
        while (row, column) in table.taken:
            column += 1
        rowspan = _span_attr(el, "rowspan")
        colspan = _span_attr(el, "colspan")
        cell = SourceCell(Span(table.cell_start, self.out.length), row, column, rowspan, colspan)
        for r in range(row, row + rowspan):
            for c in range(column, column + colspan):
                table.taken[(r, c)] = cell

    def _finish_table(self, table: _Table) -> None:
        if not table.taken:
            return
        rows = max(r for r, _ in table.taken) + 1
        columns = max(c for _, c in table.taken) + 1
        grid = tuple(tuple(table.taken.get((r, c)) for c in range(columns)) for r in range(rows))
        self.tables.append(SourceTable(grid, Span(table.start, self.out.length)))

    # -- text --------------------------------------------------------------------------
    def _text(self, chunk: str, emit: bool = True) -> None:
        at = self.raw.find(chunk)
        if not emit:
            return
        if not _SPACE_RUN.search(chunk):  # the common case: one run of text
            self._emit(chunk, 0, len(chunk), at)
            return
        pos = 0
        for m in _SPACE_RUN.finditer(chunk):
            if m.start() > pos:
                self._emit(chunk, pos, m.start(), at)
            self._space = self._space or ("\n" if "\n" in m.group() else " ")
            pos = m.end()
        if pos < len(chunk):
            self._emit(chunk, pos, len(chunk), at)

    def _emit(self, chunk: str, start: int, end: int, at: int) -> None:
        out = self.out
        if self._space:
            last = out.last_char
            # A line break between two CJK characters is no space (CSS Text 3).
            joins = self._space == "\n" and (_CJK.match(last) or _CJK.match(chunk[start]))
            if last and last not in "\n| " and not joins:
                out.separator(" ")
            self._space = ""
        piece = chunk[start:end]
        if at < 0:  # the parser changed this text: point at where the search stood
            out.add(piece, self.raw.map.to_original(self.raw.cursor), exact=False)
            return
        self._add_mapped(piece, at + start)

    def _add_mapped(self, piece: str, rt_start: int) -> None:
        """Add ``piece`` (run text from ``rt_start``) with the run map's origins, so that
        characters decoded from entities point at their entity."""
        rt_map = self.raw.map
        starts = rt_map.starts
        seg = self._segment
        if seg >= len(starts) or starts[seg] > rt_start:
            seg = max(0, bisect.bisect_right(starts, rt_start) - 1)
        while seg + 1 < len(starts) and starts[seg + 1] <= rt_start:
            seg += 1  # the search moves forward: walk, don't bisect
        self._segment = seg
        rt_end = rt_start + len(piece)
        if seg + 1 >= len(starts) or rt_end <= starts[seg + 1]:  # within one piece
            exact = rt_map.exact[seg]
            origin = rt_map.origins[seg] + (rt_start - starts[seg] if exact else 0)
            self.out.add(piece, origin, bool(exact))
            return
        for start, stop, origin, exact in rt_map.pieces(rt_start, rt_end):
            self.out.add(piece[start - rt_start : stop - rt_start], origin, exact)


def _dropped(tag: str, el) -> bool:
    if tag in DROPPED:
        return True
    get = el.get
    if get("hidden") is not None or get("aria-hidden") == "true" or get("role") == "navigation":
        return True
    style = get("style")
    return bool(style and _HIDDEN_STYLE.search(style))


def _is_data_table(el) -> bool:
    rows = el.xpath("./tr | ./thead/tr | ./tbody/tr | ./tfoot/tr")
    return any(len(row.xpath("./td | ./th")) > 1 for row in rows)


def _span_attr(el, name: str) -> int:
    value = (el.get(name) or "1").strip()
    try:
        return max(1, min(int(value), 1000))
    except ValueError:
        return 1
