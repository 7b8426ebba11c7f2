from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule
from govlint.rules.table_identity import T19_T21, cell_args, table_cells


class CellBlank(Rule):
    """A cell of table 二/三/四 is empty.

    ## What it checks
    Empty cells (nothing, spaces or `&nbsp;`) in tables read cell by cell (HTML, Word,
    pipe tables). A blank 总计 whose parts are all filled is an error: the total was
    forgotten. Any other blank is a warning, since most mean 0. The identities that need
    a blank cell are not checked and GL005 names them — unless `blank-as-zero = true` in
    the configuration, which counts blanks as 0 for the sums (the blanks are still
    reported here).

    ## Why
    The template asks for a number in every cell; 0 is written as 0. A reader can't tell
    a blank meaning "none" from a figure that was left out.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | --- | --- | --- | --- |
    | 规章 |  |  |  |
    | 行政规范性文件 | 2 | 0 | 9 |
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | --- | --- | --- | --- |
    | 规章 | 0 | 0 | 0 |
    | 行政规范性文件 | 2 | 0 | 9 |
    ```
    """

    id = "GL203"
    name = "cell-blank"
    severity = Severity.WARNING
    applies = T19_T21
    summary = {"zh": "表格单元格为空", "en": "a table cell is blank"}
    messages = {
        "default": (
            "{table}“{row}”行“{column}”为空，没有数据应填 0",
            "{table}, row “{row}”, column “{column}” is blank; write 0 for none",
        ),
        "total": (
            "{table}“{row}”行“{column}”为空，而其各分项均已填写",
            "{table}, row “{row}”, column “{column}” is blank although all its parts are filled",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        for table, row, cell in table_cells(report):
            if cell.kind != "blank":
                continue
            parts = _parts(row.cells, row.cells.index(cell))
            total = bool(parts) and all(p.kind == "number" for p in parts)
            yield Hit(
                cell.span,
                "total" if total else "default",
                cell_args(table, row, cell),
                severity=Severity.ERROR if total else None,
            )


def _parts(cells, index):
    """The cells a 总计 cell sums: the row's other cells (table 三) or its group (table 四)."""
    key = cells[index].column.key
    if key == "total":
        return cells[:index]
    if key.endswith(".total"):
        group = key.split(".")[0]
        return [c for c in cells if c.column.key.startswith(group + ".") and c is not cells[index]]
    return []
