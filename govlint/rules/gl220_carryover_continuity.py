"""GL220 carryover-continuity: this year's 上年结转 against last year's 结转下年度."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Anchor, CrossHit, CrossRule, ReportInfo
from govlint.template_tables import APPLICANTS

COLUMNS = {c.key: c for c in APPLICANTS}


class CarryoverContinuity(CrossRule):
    """Applications carried over from last year must be those last year carried forward.

    ## What it checks
    Across two reports of one issuer for consecutive years (`govlint check` on a folder
    pairs them by issuer and year; `--prior FILE` pairs explicitly): in table 三, row
    二、上年结转政府信息公开申请数量 of this year must equal row 四、结转下年度继续办理 of the
    year before, column by column (自然人, 商业企业, …, 总计). Each column that differs is
    reported at this year's cell, with both figures.

    ## Why
    The 2021 template (国办公开办函〔2021〕30号) counts applications that were still open at
    the end of a year once as 结转下年度 and again, next year, as 上年结转. When the two
    differ, applications went missing between two reports, or one of the tables is wrong.

    ## Bad example
    The 2023 report carried 2 applications forward; the 2024 report takes over 3.

    ```text
    某县人民政府2023年政府信息公开工作年度报告
    三、收到和处理政府信息公开申请情况
    | 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
    | 一、本年新收政府信息公开申请数量 | 10 | 0 | 0 | 0 | 0 | 0 | 10 |
    | 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    | 四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
    === next year ===
    某县人民政府2024年政府信息公开工作年度报告
    三、收到和处理政府信息公开申请情况
    | 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
    | 一、本年新收政府信息公开申请数量 | 8 | 0 | 0 | 0 | 0 | 0 | 8 |
    | 二、上年结转政府信息公开申请数量 | 3 | 0 | 0 | 0 | 0 | 0 | 3 |
    | 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    三、收到和处理政府信息公开申请情况
    | 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
    | 一、本年新收政府信息公开申请数量 | 10 | 0 | 0 | 0 | 0 | 0 | 10 |
    | 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    | 四、结转下年度继续办理 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
    === next year ===
    某县人民政府2024年政府信息公开工作年度报告
    三、收到和处理政府信息公开申请情况
    | 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
    | 一、本年新收政府信息公开申请数量 | 8 | 0 | 0 | 0 | 0 | 0 | 8 |
    | 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
    | 四、结转下年度继续办理 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    ```
    """

    id = "GL220"
    name = "carryover-continuity"
    severity = Severity.WARNING
    applies = frozenset({"T19", "T21"})
    summary = {
        "zh": "上年结转与上一年度报告的结转下年度不一致",
        "en": "carried over ≠ last year's carried forward",
    }
    messages = {
        "default": (
            "上年结转（{column}）为 {value}，但 {prior_year} 年报告（{prior}）的"
            "结转下年度继续办理为 {prior_value}",
            "carried over from last year ({column}) is {value}, but the {prior_year} report "
            "({prior}) carried {prior_value} forward",
        )
    }

    def collect(self, report: Report, anchor: Callable[[Span], Anchor]) -> dict | None:
        table = report.national.get("三")
        if table is None:
            return None
        carried, forward = {}, {}
        for row_key, out, placed in (("carried", carried, True), ("next", forward, False)):
            row = table.rows.get(row_key)
            for cell in (row.cells or ()) if row else ():
                if cell.kind == "number" and cell.column.key in COLUMNS:
                    out[cell.column.key] = (cell.value, anchor(cell.span) if placed else None)
        return {"carried": carried, "next": forward} if carried or forward else None

    def compare(self, prior: ReportInfo, current: ReportInfo) -> Iterable[CrossHit]:
        before = prior.data["next"]
        for key, (value, place) in current.data["carried"].items():
            if key in before and before[key][0] != value:
                column = COLUMNS[key]
                yield CrossHit(
                    place,
                    args={
                        "column": (column.zh, column.en),
                        "value": value,
                        "prior_value": before[key][0],
                        **prior.as_prior,
                    },
                )
