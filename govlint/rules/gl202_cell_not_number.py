from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule
from govlint.rules.table_identity import T19_T21, cell_args, table_cells


class CellNotNumber(Rule):
    """A count cell of table 二/三/四 is not a non-negative integer.

    ## What it checks
    Every cell of tables 三 and 四 and the counts of table 二 hold a whole number ≥ 0.
    Reported: `—`, `/`, `无`, words, `约5`, and decimals in a count column. Decimals are
    allowed only in 本年收费金额（单位：万元） (2021) and 采购总金额 (2019). An empty cell is
    GL203, a negative number GL204.

    ## Why
    The template asks for figures; a dash or a word can't be added up or compared, and a
    count of 2.5 requests can't exist.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | --- | --- | --- | --- |
    | 规章 | — | — | — |
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

    id = "GL202"
    name = "cell-not-number"
    severity = Severity.ERROR
    applies = T19_T21
    summary = {"zh": "表格单元格不是非负整数", "en": "a table cell is not a non-negative integer"}
    messages = {
        "text": (
            "{table}“{row}”行“{column}”为“{text}”，应填写数字（没有则填 0）",
            "{table}, row “{row}”, column “{column}” is “{text}”; a number is required (0 for none)",
        ),
        "decimal": (
            "{table}“{row}”行“{column}”为小数 {text}，件数应为整数",
            "{table}, row “{row}”, column “{column}” is the decimal {text}; counts are whole numbers",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        for table, row, cell in table_cells(report):
            if cell.kind == "text":
                yield Hit(cell.span, "text", cell_args(table, row, cell))
            elif (
                cell.kind == "number"
                and cell.column.kind != "decimal"
                and not float(cell.value).is_integer()
            ):
                yield Hit(cell.span, "decimal", cell_args(table, row, cell))
