from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.model.national import evaluate
from govlint.rules.base import Hit, Rule
from govlint.rules.table_identity import T19_T21
from govlint.template_tables import IDENTITIES, equations

TABLE_ROWS_READ = 2 / 3
"""Below this share of rows found, a table is reported as not read rather than row by row."""


class Unassessable(Rule):
    """A table row or cell govlint found but could not read, so its checks were not made.

    ## What it checks
    Reports this instead of guessing:
    - a row of table 三/四 whose cells were flattened into one digit run that splits in more
      than one way satisfying the table's own identities (`110000011` is 1+10 or 11 with a
      total of 11), or in none;
    - a row of PDF text with fewer numbers than columns (a blank cell vanished, and nobody
      can tell which);
    - a row whose label was found but whose numbers were not;
    - a table of which too few rows could be recognised to check it row by row;
    - a blank cell that an identity needs (ID-1…ID-4), unless `blank-as-zero = true`.
    The finding names the row and what could not be checked.

    ## Why
    Precision before recall: an unreadable figure is not an error of the report, but a
    reviewer must know that govlint did not check it.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    三、收到和处理政府信息公开申请情况
    一、本年新收政府信息公开申请数量110000011
    二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
    （一）予以公开 12 0 0 0 0 0 12
    （二）部分公开（区分处理的，只计这一情形，不计其他情形） 2 0 0 0 0 0 2
    1.属于国家秘密 0 0 0 0 0 0 0
    2.其他法律行政法规禁止公开 0 0 0 0 0 0 0
    3.危及“三安全一稳定” 0 0 0 0 0 0 0
    4.保护第三方合法权益 0 0 0 0 0 0 0
    5.属于三类内部事务信息 0 0 0 0 0 0 0
    6.属于四类过程性信息 1 0 0 0 0 0 1
    7.属于行政执法案卷 0 0 0 0 0 0 0
    8.属于行政查询事项 0 0 0 0 0 0 0
    1.本机关不掌握相关政府信息 4 0 0 0 0 0 4
    2.没有现成信息需要另行制作 0 0 0 0 0 0 0
    3.补正后申请内容仍不明确 0 0 0 0 0 0 0
    1.信访举报投诉类申请 1 0 0 0 0 0 1
    2.重复申请 0 0 0 0 0 0 0
    3.要求提供公开出版物 0 0 0 0 0 0 0
    4.无正当理由大量反复申请 0 0 0 0 0 0 0
    5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0
    1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0
    2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0
    3.其他 1 0 0 0 0 0 1
    （七）总计 21 0 0 0 0 0 21
    四、结转下年度继续办理 0 0 0 0 0 0 0
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    三、收到和处理政府信息公开申请情况
    一、本年新收政府信息公开申请数量210000021
    二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
    （一）予以公开 12 0 0 0 0 0 12
    （二）部分公开（区分处理的，只计这一情形，不计其他情形） 2 0 0 0 0 0 2
    1.属于国家秘密 0 0 0 0 0 0 0
    2.其他法律行政法规禁止公开 0 0 0 0 0 0 0
    3.危及“三安全一稳定” 0 0 0 0 0 0 0
    4.保护第三方合法权益 0 0 0 0 0 0 0
    5.属于三类内部事务信息 0 0 0 0 0 0 0
    6.属于四类过程性信息 1 0 0 0 0 0 1
    7.属于行政执法案卷 0 0 0 0 0 0 0
    8.属于行政查询事项 0 0 0 0 0 0 0
    1.本机关不掌握相关政府信息 4 0 0 0 0 0 4
    2.没有现成信息需要另行制作 0 0 0 0 0 0 0
    3.补正后申请内容仍不明确 0 0 0 0 0 0 0
    1.信访举报投诉类申请 1 0 0 0 0 0 1
    2.重复申请 0 0 0 0 0 0 0
    3.要求提供公开出版物 0 0 0 0 0 0 0
    4.无正当理由大量反复申请 0 0 0 0 0 0 0
    5.要求行政机关确认或重新出具已获取信息 0 0 0 0 0 0 0
    1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0
    2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请 0 0 0 0 0 0 0
    3.其他 1 0 0 0 0 0 1
    （七）总计 21 0 0 0 0 0 21
    四、结转下年度继续办理 0 0 0 0 0 0 0
    ```
    """

    id = "GL005"
    name = "unassessable"
    severity = Severity.INFO
    applies = T19_T21
    summary = {"zh": "表格或数字无法准确读取，未核对", "en": "a table or figure could not be read"}
    messages = {
        "row": (
            "{table}“{row}”行无法读取：{reason}；该行相关的核对未进行",
            "{table}, row “{row}” can't be read: {reason}; its checks were not made",
        ),
        "table": (
            "{table}只识别出 {found}/{total} 行，未逐行核对表格结构",
            "{table}: only {found} of {total} rows recognised; the layout was not checked row by row",
        ),
        "blank": (
            "{table}“{row}”行“{column}”为空，{identities}无法核对（可设 blank-as-zero = true）",
            "{table}, row “{row}”, column “{column}” is blank, so {identities} can't be checked "
            "(set blank-as-zero = true to count it as 0)",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        blank_as_zero = bool(self.options.get("blank_as_zero"))
        for table in report.national.tables.values():
            name = table.spec.names
            if len(table.rows) < len(table.spec.rows) * TABLE_ROWS_READ:
                yield Hit(
                    table.span,
                    "table",
                    {"table": name, "found": len(table.rows), "total": len(table.spec.rows)},
                )
                continue
            for row in table.rows.values():
                if row.problem is not None:
                    yield Hit(
                        row.values_span or row.label_span,
                        "row",
                        {"table": name, "row": row.spec.short, "reason": row.problem},
                    )
            if blank_as_zero:
                continue
            blocked: dict[int, tuple[object, set[str]]] = {}
            for equation in equations(table.spec):
                result = evaluate(table, equation, blank_as_zero)
                if result is None:
                    continue
                for cell in result.blanks:
                    blocked.setdefault(id(cell), (cell, set()))[1].add(equation.identity)
            for cell, identities in sorted(blocked.values(), key=lambda v: v[0].span.start):
                row = next(r for r in table.rows.values() if r.cells and cell in r.cells)
                names = sorted(identities)
                yield Hit(
                    cell.span,
                    "blank",
                    {
                        "table": name,
                        "row": row.spec.short,
                        "column": (cell.column.zh, cell.column.en),
                        "identities": (
                            "、".join(f"{i}（{IDENTITIES[i][1]}）" for i in names),
                            ", ".join(f"{i} ({IDENTITIES[i][2]})" for i in names),
                        ),
                    },
                )
