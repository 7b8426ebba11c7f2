"""GL221 valid-count-continuity: 现行有效件数 carried from one year to the next."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Anchor, CrossHit, CrossRule, ReportInfo

ROWS = {"rules": ("规章", "rules"), "normative": ("行政规范性文件", "normative documents")}


class ValidCountContinuity(CrossRule):
    """Documents in force this year = in force last year + issued − repealed this year.

    ## What it checks
    Across two reports of one issuer for consecutive years (2021 template): in table 二, for
    规章 and for 行政规范性文件, 现行有效件数 of this year must equal last year's
    现行有效件数 plus this year's 本年制发件数 minus this year's 本年废止件数. The finding
    points at this year's 现行有效件数 and shows the sum.

    ## Why
    The three columns of table 二 describe one stock of documents; when they don't carry from
    one year to the next, a document was issued or repealed without being counted, or the
    count in force was restated. It is a hint (info): a document may also expire without a
    decision to repeal it.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    二、主动公开政府信息情况
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | 规章 | 0 | 0 | 0 |
    | 行政规范性文件 | 5 | 1 | 20 |
    === next year ===
    某县人民政府2024年政府信息公开工作年度报告
    二、主动公开政府信息情况
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | 规章 | 0 | 0 | 0 |
    | 行政规范性文件 | 4 | 2 | 25 |
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    二、主动公开政府信息情况
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | 规章 | 0 | 0 | 0 |
    | 行政规范性文件 | 5 | 1 | 20 |
    === next year ===
    某县人民政府2024年政府信息公开工作年度报告
    二、主动公开政府信息情况
    | 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |
    | 规章 | 0 | 0 | 0 |
    | 行政规范性文件 | 4 | 2 | 22 |
    ```
    """

    id = "GL221"
    name = "valid-count-continuity"
    severity = Severity.INFO
    applies = frozenset({"T21"})
    summary = {
        "zh": "现行有效件数与上年及本年制发、废止件数不衔接",
        "en": "documents in force don't carry over from last year",
    }
    messages = {
        "default": (
            "{row}现行有效件数为 {value}，而 {prior_year} 年报告（{prior}）的 {prior_value} + "
            "本年制发 {issued} − 本年废止 {repealed} = {expected}",
            "{row} in force: {value}, but {prior_value} in the {prior_year} report ({prior}) "
            "+ {issued} issued − {repealed} repealed = {expected}",
        )
    }

    def collect(self, report: Report, anchor: Callable[[Span], Anchor]) -> dict | None:
        table = report.national.get("二")
        if table is None or table.spec.variant != "T21":
            return None
        out = {}
        for key in ROWS:
            row = table.rows.get(key)
            cells = [row.cell(c) for c in ("issued", "repealed", "in_force")] if row else []
            if cells and all(c is not None and c.kind == "number" for c in cells):
                issued, repealed, in_force = cells
                out[key] = (issued.value, repealed.value, in_force.value, anchor(in_force.span))
        return out or None

    def compare(self, prior: ReportInfo, current: ReportInfo) -> Iterable[CrossHit]:
        for key, (issued, repealed, in_force, place) in current.data.items():
            if key not in prior.data:
                continue
            before = prior.data[key][2]
            expected = before + issued - repealed
            if expected != in_force:
                yield CrossHit(
                    place,
                    args={
                        "row": ROWS[key],
                        "value": in_force,
                        "prior_value": before,
                        "issued": issued,
                        "repealed": repealed,
                        "expected": expected,
                        **prior.as_prior,
                    },
                )
