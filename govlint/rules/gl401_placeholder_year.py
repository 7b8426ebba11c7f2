from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Edit, Hit, Rule

# Characters that legitimately stand before 年 without a number: 今年, 本年, 去年, 每年, 青年…
_WORD_BEFORE = "今本去明当每全同上次近历前后多半某该往逐翌隔青少老中成周万千百终常长早晚新拜过学丰童数几积经整跨元"
_NUMERAL = "0-9〇零一二三四五六七八九十两"
_BOUNDARY = r"[\s,.;:!?、。《“\"(\[]"
# Every alternative is zero-width around a literal 年 at the start of the pattern, so the
# regex engine jumps from 年 to 年 instead of testing lookbehinds at every character.
# 年 right before a month: "年5月1日起", "自年7月起"
_BEFORE_MONTH = rf"(?<![{_NUMERAL}{_WORD_BEFORE}]年)(?=\s*\d{{1,2}}\s*月)"
# 年 after a boundary or a function word, before what a year qualifies: "，年我们将", "《年区…》"
_AFTER_BOUNDARY = (
    r"(?:(?<![^\n]年)|(?<=" + _BOUNDARY + r"年)|(?<=[自至于从在和与及对为]年)"
    r"|(?<=结合年)|(?<=发布年)|(?<=按照年)|(?<=根据年))"
    r"(?=\s*(?:[,，]|我[们区县市乡镇局委]|共|[区市县镇乡省]|政府|财政))"
)
# 年 between an administrative name and what it qualifies: "《市年政府信息公开工作要点》"
_AFTER_PLACE = r"(?:(?<=[市区县省镇乡]年)|(?<=街道年))(?=政府|财政|国小|国中|工作要点|预算|决算)"
PLACEHOLDER_YEAR = re.compile(
    "年(?:" + "|".join((_BEFORE_MONTH, _AFTER_BOUNDARY, _AFTER_PLACE)) + ")"
)
_NUMBER_BEFORE = re.compile(rf"[{_NUMERAL}]\s+$")
CONTEXT = 6
_PLAN = re.compile(r"\s*[,，]?\s*(?:我[们区县市乡镇局委]?)?(?:将|计划|拟|要)")
"""After the gap: the year is the next one ("，年我们将…" in the plan section)."""


class PlaceholderYear(Rule):
    """A year left out of a date or a title: "年5月1日起", "《市年政府信息公开工作要点》".

    ## What it checks
    A 年 that should carry a year but has none: before a month ("年5月1日起", "自年7月起"),
    at the start of a clause ("，年我们将", "年,共编发12期"), or between a place and what
    it qualifies ("《市年政府信息公开工作要点》", "区年财政预算"). Words in which 年 needs
    no number — 今年, 本年, 去年, 明年, 当年, 每年, 全年, 同年, 上年, 次年, 近年, 历年, 青年,
    年底 … — are not reported.

    ## Why
    The year was deleted, usually by a template or a web converter that dropped numbers;
    the sentence no longer says when anything happened. A report must state its facts
    precisely (条例 第六条: 准确).

    ## Bad example
    ```text
    某区2012年政府信息公开工作年度报告
    根据《规定》要求，年5月1日起，本区开始开展政府信息公开工作。
    ```

    ## Good example
    ```text
    某区2012年政府信息公开工作年度报告
    根据《规定》要求，2008年5月1日起，本区开始开展政府信息公开工作。今年以来，每年公开工作要点。
    ```
    """

    id = "GL401"
    name = "placeholder-year"
    severity = Severity.ERROR
    fix = "unsafe"
    summary = {"zh": "日期或标题缺少年份", "en": "a year left out of a date or title"}
    messages = {
        "default": (
            "缺少年份：“{context}”中的“年”前没有年份",
            "missing year: no year before 年 in “{context}”",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        text = report.text
        for m in PLACEHOLDER_YEAR.finditer(text):
            if _NUMBER_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "2024 年": the year is there, a PDF put a space before 年
            line_start, line_end = report.lines[report.line_of(m.start())]
            left = max(line_start, m.start() - CONTEXT)
            right = min(line_end, m.end() + CONTEXT)
            context = report.original(Span(left, right)).strip()
            yield Hit(
                Span(m.start(), m.end()), args={"context": context}, fix=self._fill(report, m)
            )

    @staticmethod
    def _fill(report: Report, m: re.Match[str]) -> tuple[Edit, ...]:
        """Insert the report year (the next year before a plan); nothing without a year."""
        if report.year is None:
            return ()
        year = report.year.value + (1 if _PLAN.match(report.text, m.end()) else 0)
        return (Edit(Span(m.start(), m.start()), str(year), not_a_figure="year"),)
