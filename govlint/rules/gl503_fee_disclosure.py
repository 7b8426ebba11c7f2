from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule

FROM_YEAR = 2021
"""国办函〔2020〕109号 《政府信息公开信息处理费管理办法》 applies from 2021."""
FEE = re.compile(r"信息处理费|信息公开处理费|处理费")
OTHER = re.compile(r"其[他它]需要报告")


class FeeDisclosure(Rule):
    """Section 六 of a report for 2021 or later says nothing about the processing fee.

    ## What it checks
    Since 《政府信息公开信息处理费管理办法》 (国办函〔2020〕109号), reports for 2021 on state in
    六、其他需要报告的事项 the 信息处理费 collected — or that none was. The section must mention
    信息处理费 (or 信息公开处理费, 处理费).

    ## Why
    The 2021 format asks for the fees collected under the 办法; "none" is an answer, silence
    is not. Whether the statement is mandatory is not settled, hence a warning.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    六、其他需要报告的事项
    无。
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    六、其他需要报告的事项
    本年度未收取政府信息公开信息处理费。
    ```
    """

    id = "GL503"
    name = "fee-disclosure"
    severity = Severity.WARNING
    applies = frozenset({"T21"})
    summary = {"zh": "未说明信息处理费收取情况", "en": "the processing fee is not reported"}
    messages = {
        "default": (
            "“{heading}”未说明本年度信息处理费的收取情况（未收取也应说明）",
            "“{heading}” says nothing about the information processing fee (state it even if none)",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        if report.year is None or report.year.value < FROM_YEAR:
            return
        section = next((s for s in report.top_sections if OTHER.search(s.title)), None)
        if section is None or FEE.search(report.text, section.start, section.end):
            return
        heading = section.heading
        yield Hit(heading.span, args={"heading": f"{heading.label}、{heading.title}"})
