from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule
from govlint.rules.table_identity import T19_T21, cell_args, table_cells


class NegativeValue(Rule):
    """A negative number in a count cell of table 二/三/四.

    ## What it checks
    Counts of documents, decisions, requests and cases are never negative. The one signed
    column of the templates, 本年增/减 of the 2019 table 二, is exempt.

    ## Why
    A negative count is an arithmetic impossibility, usually a difference typed into the
    wrong column.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | --- | --- | --- | --- |
    | 规章 | 0 | 0 | 0 |
    | 行政规范性文件 | 2 | -1 | 9 |
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | --- | --- | --- | --- |
    | 规章 | 0 | 0 | 0 |
    | 行政规范性文件 | 2 | 1 | 9 |
    ```
    """

    id = "GL204"
    name = "negative-value"
    severity = Severity.ERROR
    applies = T19_T21
    summary = {"zh": "表格中出现负数", "en": "a negative count in a table"}
    messages = {
        "default": (
            "{table}“{row}”行“{column}”为负数 {text}",
            "{table}, row “{row}”, column “{column}” is negative: {text}",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        for table, row, cell in table_cells(report):
            if cell.kind == "number" and cell.value < 0 and cell.column.kind != "signed":
                yield Hit(cell.span, args=cell_args(table, row, cell))
