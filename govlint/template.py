"""The official report structure as data: required topics per regime.

Read by rules (GL101) and by the docs; later the national template tables live here too.
Each topic is matched by keyword groups, not by exact headings: ``heading`` is searched in
the headings at any level, ``text`` (when given) in the whole report, because real reports
often fold a topic into another section.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govlint.findings import Severity


@dataclass(frozen=True)
class Topic:
    key: str
    zh: str
    en: str
    heading: re.Pattern[str]
    text: re.Pattern[str] | None = None
    also: re.Pattern[str] | None = None
    """A second keyword group that must match too (problems *and* improvements)."""
    severity: Severity = Severity.ERROR


def _p(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern)


# 2007 条例 第三十二条 (reports up to 2018)
FF_TOPICS: tuple[Topic, ...] = (
    Topic("active", "主动公开政府信息情况", "proactive disclosure", _p("主动公开"), _p("主动公开")),
    Topic(
        "on_request",
        "依申请公开（及不予公开）政府信息情况",
        "disclosure on request (and refusals)",
        _p("依申请|申请公开|公开申请"),
        _p("依申请|申请公开|公开申请"),
    ),
    Topic(
        "fees",
        "收费及减免情况",
        "fees and fee waivers",
        _p("收费|减免|费用"),
        _p("收费|减免|收取[^。]{0,10}费|费用|免费"),
    ),
    Topic(
        "review",
        "行政复议、行政诉讼情况",
        "administrative review and litigation",
        _p("复议|诉讼"),
        _p("复议|诉讼"),
    ),
    Topic(
        "problems",
        "存在的主要问题及改进情况",
        "main problems and improvements",
        _p("问题|不足|差距"),
        _p("问题|不足|差距|短板"),
        also=_p("改进|措施|整改|下一步|努力方向|工作重点|打算|思路|将"),
    ),
    Topic(
        "other",
        "其他需要报告的事项",
        "other matters to report",
        _p("其[他它]需要报告|其[他它]事项"),
        _p("其[他它]需要报告|其[他它]事项"),
        severity=Severity.WARNING,
    ),
)

# 2019 条例 第五十条, 国办公开办函〔2019〕60号 and 〔2021〕30号: the six headings
SIX_HEADINGS: tuple[Topic, ...] = (
    Topic(
        "overview",
        "一、总体情况",
        "1. overview",
        _p("总体情况|概述|概况|基本情况"),
        _p("总体情况|概述|概况"),
    ),
    Topic(
        "active",
        "二、主动公开政府信息情况",
        "2. proactive disclosure",
        _p("主动公开"),
        _p("主动公开"),
    ),
    Topic(
        "requests",
        "三、收到和处理政府信息公开申请情况",
        "3. requests received and handled",
        _p("收到和处理|依申请|公开申请"),
        _p("收到和处理|依申请|公开申请"),
    ),
    Topic(
        "review",
        "四、政府信息公开行政复议、行政诉讼情况",
        "4. administrative review and litigation",
        _p("复议|诉讼"),
        _p("复议|诉讼"),
    ),
    Topic(
        "problems",
        "五、存在的主要问题及改进情况",
        "5. main problems and improvements",
        _p("问题|不足|差距"),
        _p("问题|不足|差距|短板"),
        also=_p("改进|措施|整改|下一步"),
    ),
    Topic(
        "other",
        "六、其他需要报告的事项",
        "6. other matters to report",
        _p("其[他它]需要报告|其[他它]事项"),
        _p("其[他它]需要报告|其[他它]事项"),
    ),
)


def required_topics(regime: str) -> tuple[Topic, ...]:
    return FF_TOPICS if regime == "FF" else SIX_HEADINGS
