from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule

PLAN_TITLE = re.compile(r"问题|改进|下一步|打算|计划|思路|重点")
PLAN = re.compile(
    r"((?:19|20)\d{2})\s*年\s*[,，]?\s*(?:我们|我局|我县|我区|我市|我镇|我乡|我委|我办|本单位|本机关)?"
    r"\s*(?:将|要|计划|拟)"
)
OVERVIEW_TITLE = re.compile(r"总体情况|概述|概况|基本情况")
FIRST_YEAR = re.compile(r"((?:19|20)\d{2})\s*年")
OPENING = 40
"""How far into the overview its opening year is looked for."""


class YearConsistency(Rule):
    """The plan speaks of the report year as the future, or the overview opens with last year.

    ## What it checks
    - in the problems/plans section, "N年，我们将……" where N is the report year itself: the
      plans are for N+1 (the text was carried over from last year's report);
    - 一、总体情况/概述 opening with the year before the report year.
    Disagreement between the title year and the statistics period is GL403.

    ## Why
    A year that doesn't fit the report is the typical trace of last year's report reused
    without updating its dates.

    ## Bad example
    ```text
    某县2013年政府信息公开工作年度报告
    一、概述
    2012年，我县认真贯彻落实《条例》。
    五、存在的主要问题及改进措施
    存在的问题是公开深度不够。2013年，我们将进一步改进。
    ```

    ## Good example
    ```text
    某县2013年政府信息公开工作年度报告
    一、概述
    2013年，我县认真贯彻落实《条例》。
    五、存在的主要问题及改进措施
    存在的问题是公开深度不够。2014年，我们将进一步改进。
    ```
    """

    id = "GL404"
    name = "year-consistency"
    severity = Severity.WARNING
    summary = {"zh": "年份与报告年度不符", "en": "a year that does not fit the report year"}
    messages = {
        "plan": (
            "{year}年度报告中的工作打算写作“{text}”，应为{next}年",
            "the plans in the report for {year} say “{text}”; they are for {next}",
        ),
        "overview": (
            "{year}年度报告的总体情况以“{found}年”开头",
            "the overview of the report for {year} opens with {found}",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        if report.year is None:
            return
        year = report.year.value
        text = report.text
        for section in report.top_sections:
            body_start = section.heading.span.end
            if PLAN_TITLE.search(section.title):
                for m in PLAN.finditer(text, body_start, section.end):
                    if int(m.group(1)) == year:
                        yield Hit(
                            Span(m.start(), m.end()),
                            "plan",
                            {"year": year, "text": m.group(), "next": year + 1},
                        )
            elif section.heading.number == 1 and OVERVIEW_TITLE.search(section.title):
                m = FIRST_YEAR.search(text, body_start, min(section.end, body_start + OPENING))
                if m and int(m.group(1)) == year - 1:
                    yield Hit(
                        Span(m.start(), m.end()), "overview", {"year": year, "found": m.group(1)}
                    )
