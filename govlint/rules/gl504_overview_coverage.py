from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule, missing_topics

OVERVIEW = re.compile(r"总体情况|概述|概况")
TOPICS = (
    ("主动公开", "proactive disclosure", re.compile(r"主动公开")),
    ("依申请公开", "disclosure on request", re.compile(r"依申请|公开申请")),
    ("政府信息管理", "information management", re.compile(r"信息管理")),
    ("平台建设", "platforms", re.compile(r"平台")),
    ("监督保障", "oversight", re.compile(r"监督保障|监督|保障")),
)


class OverviewCoverage(Rule):
    """一、总体情况 of a 2021-format report leaves out one of its five topics.

    ## What it checks
    The 2021 format says 一、总体情况 covers 主动公开, 依申请公开, 政府信息管理, 政府信息公开平台
    建设 and 监督保障. One hint names the topics the overview never mentions.

    ## Why
    国办公开办函〔2021〕30号 lists the five topics; an overview without them leaves the reader
    without the qualitative half of the report.

    ## Bad example
    ```text
    某县教育局2023年政府信息公开工作年度报告
    一、总体情况
    2023年，我局认真做好主动公开工作。
    二、主动公开政府信息情况
    ```

    ## Good example
    ```text
    某县教育局2023年政府信息公开工作年度报告
    一、总体情况
    2023年，我局做好主动公开、依申请公开、政府信息管理、平台建设和监督保障工作。
    二、主动公开政府信息情况
    ```
    """

    id = "GL504"
    name = "overview-coverage"
    severity = Severity.INFO
    applies = frozenset({"T21"})
    summary = {"zh": "总体情况缺少规定内容", "en": "the overview leaves out a topic"}
    messages = {
        "default": (
            "“一、{title}”未涉及：{missing}",
            "“一、{title}” does not cover: {missing_en}",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        section = next(
            (s for s in report.top_sections if s.heading.number == 1 and OVERVIEW.search(s.title)),
            None,
        )
        if section is None:
            return
        missing = missing_topics(report.text, TOPICS, section.start, section.end)
        if missing is not None:
            yield Hit(section.heading.span, args={"title": section.title, **missing})
