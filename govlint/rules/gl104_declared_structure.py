from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.model.sections import cn_to_int
from govlint.rules.base import Hit, Rule

DECLARED = re.compile(
    r"(?:全文|本报告|报告|本年度报告)(?:共|主要)?(?:由|包括|分为|分)[^。]{0,160}?"
    r"(?:等|共)?([一二三四五六七八九十]{1,3}|\d{1,2})\s*(?:个)?(?:部分|方面)"
)
"""The report's statement of its own structure: 全文由……等五个部分组成."""


class DeclaredStructure(Rule):
    """The report says it has N parts, and its top-level sections are not N.

    ## What it checks
    Sentences such as "全文由概述、主动公开政府信息情况……附件等五个部分组成" or "本报告由……
    六部分组成" give the number of parts. It is compared with the number of top-level
    sections (一、二、…); a heading that only continues a list (`八、` after `七是`) is not
    counted.

    ## Why
    A report that announces five parts and has seven was edited (parts added, merged or
    copied from another report) without updating its own introduction.

    ## Bad example
    ```text
    某县2008年政府信息公开工作年度报告
    全文由概述、主动公开情况、依申请公开情况等三个部分组成。
    一、概述
    二、主动公开情况
    三、依申请公开情况
    四、存在的主要问题及改进措施
    ```

    ## Good example
    ```text
    某县2008年政府信息公开工作年度报告
    全文由概述、主动公开情况、依申请公开情况、存在的主要问题及改进措施等四个部分组成。
    一、概述
    二、主动公开情况
    三、依申请公开情况
    四、存在的主要问题及改进措施
    ```
    """

    id = "GL104"
    name = "declared-structure"
    severity = Severity.WARNING
    summary = {
        "zh": "报告自述的结构与实际不符",
        "en": "declared structure differs from the sections",
    }
    messages = {
        "default": (
            "报告称由{declared}个部分组成，而正文有 {found} 个一级标题（{titles}）",
            "the report says it has {declared} parts, but it has {found} top-level sections ({titles})",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        m = DECLARED.search(report.text)
        if m is None:
            return
        declared = cn_to_int(m.group(1))
        sections = report.top_sections
        if not declared or not sections or declared == len(sections):
            return
        titles = "、".join(s.heading.label for s in sections)
        yield Hit(
            Span(m.start(1), m.end()),
            args={"declared": m.group(1), "found": len(sections), "titles": titles},
        )
