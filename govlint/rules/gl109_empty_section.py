from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule


class EmptySection(Rule):
    """A heading with nothing under it before the next heading.

    ## What it checks
    A heading at any level (一、 (一) 1. (1)) followed directly by the next heading or by the
    end of the report, with neither text nor sub-headings in between. Group labels inside
    the statistics tables are not headings.

    ## Why
    An empty section promises content the report does not give — often a part of the
    template that was never filled in.

    ## Bad example
    ```text
    某县2012年政府信息公开工作年度报告
    五、存在的主要问题及改进措施
    六、其他需要报告的事项
    无其他需要报告的事项。
    ```

    ## Good example
    ```text
    某县2012年政府信息公开工作年度报告
    五、存在的主要问题及改进措施
    主要问题是公开深度不够。下一步将加强培训，改进工作。
    六、其他需要报告的事项
    无其他需要报告的事项。
    ```
    """

    id = "GL109"
    name = "empty-section"
    severity = Severity.WARNING
    summary = {"zh": "标题下没有内容", "en": "a heading with no content"}
    messages = {
        "default": (
            "“{heading}”下没有任何内容",
            "nothing follows “{heading}” before the next heading",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        text = report.text
        for section in report.sections.walk():
            heading = section.heading
            if heading is None or section.children:
                continue
            if text[heading.span.end : section.end].strip(" \t\r\n*_#>|"):
                continue
            if report.national.covers(heading.span.start):
                continue
            yield Hit(heading.span, args={"heading": report.original(heading.span).strip()})
