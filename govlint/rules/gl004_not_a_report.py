from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule


class NotAReport(Rule):
    """The document shows no sign of being an annual report.

    ## What it checks
    No title naming a report, neither 年度报告 nor 年报 anywhere, and none of the
    topics a report covers (主动公开, 依申请公开, 复议/诉讼, 收费) — for example a 函 or a notice
    filed in the annual-report column. The report-content rules (GL1xx–GL6xx) are then
    skipped; the text-hygiene rules (GL7xx) still run.

    ## Why
    Checking a letter against the report template would bury the one useful fact — that
    the report itself is missing — under dozens of meaningless findings.

    ## Bad example
    ```text
    关于报送政府信息公开工作联系人的函
    各乡镇、县直各单位：请于3月10日前报送联系人名单。
    ```

    ## Good example
    ```text
    某县2012年政府信息公开工作年度报告
    一、主动公开政府信息情况
    ```
    """

    id = "GL004"
    name = "not-a-report"
    severity = Severity.WARNING
    summary = {"zh": "文档不是政府信息公开年度报告", "en": "the document is not an annual report"}
    messages = {
        "default": (
            "文档没有年度报告的标题或内容，未按年报检查（仅检查文字规范）",
            "no report title or report content: checked for text hygiene only",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        if not report.is_report:
            yield Hit(report.head)
