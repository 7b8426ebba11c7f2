from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule
from govlint.rules.gl005_unassessable import TABLE_ROWS_READ
from govlint.rules.table_identity import T19_T21


class TableSchema(Rule):
    """A row or column of table 二, 三 or 四 differs from the official layout.

    ## What it checks
    The rows of the template tables, in order, with their official labels and their number
    of columns (7 in table 三, 15 in table 四). Reported: a missing row, a row whose label
    is corrupted (`2.其他法律行政止公开` for `2.其他法律行政法规禁止公开`), a row out of
    order, an extra row that is not in the template, and a row with the wrong number of
    cells. Variants real reports use are accepted: straight or curly quotes around
    三安全一稳定, full- or half-width brackets, `1.`/`1、`, spaces and line breaks inside a
    label, 其它 for 其他. When too few rows are recognised to tell, GL005 says so instead.

    ## Why
    国办公开办函〔2019〕60号/〔2021〕30号 fix the tables so that every body's figures can be
    compared and summed; a renamed or missing row breaks that, and a corrupted label shows
    the table was retyped rather than copied from the template.

    ## Bad example
    ```text
    某区人民政府2023年政府信息公开工作年度报告
    三、收到和处理政府信息公开申请情况
    一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21
    二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
    （一）予以公开 12 0 0 0 0 0 12
    （二）部分公开（区分处理的，只计这一情形，不计其他情形） 2 0 0 0 0 0 2
    1.属于国家秘密 0 0 0 0 0 0 0
    2.其他法律行政止公开 0 0 0 0 0 0 0
    3.危及“三安全一稳定” 0 0 0 0 0 0 0
    4.保护第三方合法权益 0 0 0 0 0 0 0
    ```

    ## Good example
    ```text
    某区人民政府2023年政府信息公开工作年度报告
    三、收到和处理政府信息公开申请情况
    一、本年新收政府信息公开申请数量 21 0 0 0 0 0 21
    二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
    （一）予以公开 12 0 0 0 0 0 12
    （二）部分公开（区分处理的，只计这一情形，不计其他情形） 2 0 0 0 0 0 2
    1.属于国家秘密 0 0 0 0 0 0 0
    2.其他法律行政法规禁止公开 0 0 0 0 0 0 0
    3.危及"三安全一稳定" 0 0 0 0 0 0 0
    4.保护第三方合法权益 0 0 0 0 0 0 0
    ```
    (An excerpt: with fewer than two thirds of the rows found, missing rows are not listed
    one by one; GL005 says the table could not be checked row by row.)
    """

    id = "GL201"
    name = "table-schema"
    severity = Severity.ERROR
    applies = T19_T21
    summary = {
        "zh": "表格行列与官方格式不符",
        "en": "table rows or columns differ from the template",
    }
    messages = {
        "missing": (
            "{table}缺少“{row}”行（{label}）",
            "{table} lacks row “{row}” ({label})",
        ),
        "corrupted": (
            "{table}“{row}”行的行名“{found}”与官方格式“{label}”不符",
            "{table}, row “{row}”: the label “{found}” differs from the official “{label}”",
        ),
        "out_of_order": (
            "{table}“{row}”行（{label}）位置与官方格式顺序不符",
            "{table}, row “{row}” ({label}) is out of the official order",
        ),
        "extra": (
            "{table}有官方格式之外的行“{found}”",
            "{table} has a row that is not in the template: “{found}”",
        ),
        "columns": (
            "{table}“{row}”行有 {count} 个单元格，官方格式为 {expected} 个",
            "{table}, row “{row}” has {count} cells; the template has {expected}",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        for table in report.national.tables.values():
            partial = len(table.rows) < len(table.spec.rows) * TABLE_ROWS_READ
            for issue in table.schema:
                if partial and issue.kind == "missing":
                    continue  # GL005 reports the table as not read
                row = issue.row
                yield Hit(
                    issue.span,
                    issue.kind,
                    {
                        "table": table.spec.names,
                        "row": row.short if row else "",
                        "label": row.label if row else "",
                        "found": issue.found,
                        "count": issue.count,
                        "expected": len(row.columns) if row else 0,
                    },
                )
