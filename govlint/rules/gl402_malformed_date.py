from __future__ import annotations

import calendar
import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule

# Patterns start with the digit and look behind it, (?<!X)\d written \d(?<!X\d): a pattern
# whose first item is a digit class is scanned for digits in C, about twice as fast.
RUN_TOGETHER = re.compile(r"(?:19|20)(?<!\d..)\d{2}\d{1,4}日")
"""A year glued to month and day: ``200811日``, ``20081231日``."""
LABELLED_DIGITS = re.compile(r"(?:时间|日期)\s*:?\s*((?:19|20)\d{5,6})(?![\d年.\-/])")
"""A date field holding only digits: ``填报时间:2009312``."""
EMPTY_RANGE = re.compile(r"自\s*至")
FULL_DATE = re.compile(r"((?:19|20)(?<!\d..)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
MONTH_DAY = re.compile(r"(\d(?<![\d年.]\d)\d?)\s*月\s*(\d{1,2})\s*日")


class MalformedDate(Rule):
    """A date whose separators were lost, or that cannot exist.

    ## What it checks
    - digits run together: `200811日`, `20081231日`, `填报时间:2009312` (年/月 lost when the
      report was pasted from another format);
    - an empty range: `自至`;
    - a month or day that does not exist: `2月30日`, `13月5日`, `2023年4月31日`.

    ## Why
    A reader can't tell what `2009312` means (2009-03-12? 2009-31-2?); dates in a report
    that states deadlines and periods must be unambiguous.

    ## Bad example
    ```text
    大余县2008年政府信息公开工作年度报告
    填报单位（盖章）    填报时间：2009312
    ```

    ## Good example
    ```text
    大余县2008年政府信息公开工作年度报告
    填报单位（盖章）    填报时间：2009年3月12日
    ```
    """

    id = "GL402"
    name = "malformed-date"
    severity = Severity.ERROR
    summary = {"zh": "日期格式错误或日期不存在", "en": "a malformed or impossible date"}
    messages = {
        "run": (
            "日期“{text}”缺少年、月分隔，无法确定是哪一天",
            "the date “{text}” lost its 年/月 separators; the day can't be told",
        ),
        "empty": ("起止日期为空：“{text}”", "the date range is empty: “{text}”"),
        "impossible": ("日期“{text}”不存在", "the date “{text}” does not exist"),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        text = report.text
        if "日" not in text and "时间" not in text and "至" not in text:
            return
        for m in RUN_TOGETHER.finditer(text):
            yield Hit(Span(m.start(), m.end()), "run", {"text": m.group()})
        for m in LABELLED_DIGITS.finditer(text):
            yield Hit(Span(m.start(1), m.end(1)), "run", {"text": m.group(1)})
        for m in EMPTY_RANGE.finditer(text):
            yield Hit(Span(m.start(), m.end()), "empty", {"text": m.group()})
        for m in FULL_DATE.finditer(text):
            year, month, day = (int(g) for g in m.groups())
            if not _exists(month, day, year):
                yield Hit(Span(m.start(), m.end()), "impossible", {"text": m.group()})
        for m in MONTH_DAY.finditer(text):
            month, day = int(m.group(1)), int(m.group(2))
            if not _exists(month, day, None):
                yield Hit(Span(m.start(), m.end()), "impossible", {"text": m.group()})


def _exists(month: int, day: int, year: int | None) -> bool:
    if not 1 <= month <= 12 or day < 1:
        return False
    last = calendar.monthrange(year if year else 2000, month)[1]  # 2000: 29 February exists
    return day <= last
