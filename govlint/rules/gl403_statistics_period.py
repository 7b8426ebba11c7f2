from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule


class StatisticsPeriod(Rule):
    """The statistics period is not stated, or not 1 January – 31 December of the report year.

    ## What it checks
    A report states the period its figures cover, in words such as "本报告中所列数据的统计
    期限自2023年1月1日起至2023年12月31日止" (统计期限/统计时限/统计时间/统计数据…).
    No such statement is a warning. A statement that is empty, cannot be read ("自200811日起"),
    names another year than the report's, or does not run from 1月1日 to 12月31日 is an error.

    ## Why
    Annual reports cover the calendar year (条例 第四十九条/2007 第三十一条; e.g. DB51/T
    2660—2019: "统计时间段为上一年度1月1日至12月31日"); figures without a period can't be
    compared with other years or with other bodies.

    ## Bad example
    ```text
    大余县2008年政府信息公开工作年度报告
    本报告中所列数据的统计期限自200811日起，至20081231日止。
    ```

    ## Good example
    ```text
    大余县2008年政府信息公开工作年度报告
    本报告中所列数据的统计期限自2008年1月1日起，至2008年12月31日止。
    ```
    """

    id = "GL403"
    name = "statistics-period"
    severity = Severity.ERROR
    summary = {"zh": "统计期限缺失或有误", "en": "statistics period missing or wrong"}
    messages = {
        "missing": (
            "未说明统计期限（如“本报告中所列数据的统计期限自{year}年1月1日起至{year}年12月31日止”）",
            "the statistics period is not stated (e.g. 统计期限自{year}年1月1日起至{year}年12月31日止)",
        ),
        "garbled": (
            "统计期限无法识别：“{text}”，日期不完整或缺少分隔",
            "the statistics period can't be read: “{text}” (dates incomplete or run together)",
        ),
        "wrong": (
            "统计期限“{text}”应为{year}年1月1日至{year}年12月31日",
            "the statistics period “{text}” should be {year}-01-01 to {year}-12-31",
        ),
        "wrong_unknown_year": (
            "统计期限“{text}”应为同一年的1月1日至12月31日",
            "the statistics period “{text}” should run from 1 January to 31 December of one year",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        period = report.period
        year = report.year.value if report.year else None
        if period is None:
            yield Hit(report.head, "missing", {"year": year or "YYYY"}, severity=Severity.WARNING)
            return
        text = " ".join(report.original(period.span).split())
        if period.start is None or period.end is None:
            yield Hit(period.span, "garbled", {"text": text})
            return
        expected_year = year if year is not None else period.start.year
        if (period.start, period.end) == (date(expected_year, 1, 1), date(expected_year, 12, 31)):
            return
        key = "wrong" if year is not None else "wrong_unknown_year"
        yield Hit(period.span, key, {"text": text, "year": expected_year})
