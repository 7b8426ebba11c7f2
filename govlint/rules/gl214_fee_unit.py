from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule

IMPLAUSIBLE = 1_000_000
"""万元: 100 亿元 of administrative fees in one year is beyond any reporting body."""


class FeeUnit(Rule):
    """本年收费金额（单位：万元） is given in another unit, or is implausibly large.

    ## What it checks
    The 2021 table 二 states 行政事业性收费 in 万元 (10 000 yuan). Reported: a cell that
    carries the unit 元 (`3940元`), and an amount of a million 万元 or more — a figure in 元
    typed into the 万元 column.

    ## Why
    A figure in the wrong unit overstates fees ten-thousandfold when reports are summed.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    | 信息内容 | 本年处理决定数量 |
    | 行政许可 | 120 |
    | 信息内容 | 本年收费金额（单位：万元） |
    | 行政事业性收费 | 73020元 |
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    | 信息内容 | 本年处理决定数量 |
    | 行政许可 | 120 |
    | 信息内容 | 本年收费金额（单位：万元） |
    | 行政事业性收费 | 7.302 |
    ```
    """

    id = "GL214"
    name = "fee-unit"
    severity = Severity.WARNING
    applies = frozenset({"T21"})
    summary = {"zh": "收费金额单位应为万元", "en": "fee amount not in 10 000 yuan"}
    messages = {
        "unit": (
            "本年收费金额的单位应为万元，表中为“{text}”",
            "fees this year are stated in 万元 (10 000 yuan), the table says “{text}”",
        ),
        "large": (
            "本年收费金额 {text} 万元（即 {yi} 亿元）不合常理，是否按元填写？",
            "fees this year of {text} 万元 ({yi} hundred million yuan) are implausible: "
            "given in yuan?",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        table = report.national.get("二")
        if table is None or "fees" not in table.rows:
            return
        cell = table.rows["fees"].cell("fees")
        if cell is None or cell.kind != "number":
            return
        if cell.unit == "元":
            yield Hit(cell.span, "unit", {"text": cell.text})
        elif cell.value >= IMPLAUSIBLE:
            yield Hit(cell.span, "large", {"text": cell.text, "yi": f"{cell.value / 10_000:g}"})
