from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule

UNIT = r"(?:条|件|个|次|项|场|篇|期|份|家|人次|万条|万件|万人次)"
VAGUE = re.compile(rf"(?:几十|十几|数十|数百|几百|上百|成百上千|若干)(?:余)?{UNIT}")
"""A statistic with no number at all."""
APPROXIMATE = re.compile(rf"(?<!\d)(?<!\d,)\d[\d,]*\s*(?:余|多)\s*{UNIT}")
"""A number made approximate: ``5500余条``, ``3946多条``."""


class VagueFigure(Rule):
    """A statistic without an exact number: 几十条, 若干件, 数百次, or 5500余条.

    ## What it checks
    Counts written without a number (几十条, 十几件, 数百次, 若干项, 上百场) are warnings;
    a number turned into an estimate (`5500余条`, `3946多条`) is a hint (info). 若干 is only
    reported before a count unit: `若干政策` in a title is not a figure.

    ## Why
    An annual report is a statistical statement (条例 第五十条: 主动公开…的情况); a figure
    without a number can't be compared year to year, and a precise count rounded into
    "more than" hides the real one, which the office has.

    ## Bad example
    ```text
    某镇2013年政府信息公开工作年度报告
    全年通过网站发布各类信息几十条。
    ```

    ## Good example
    ```text
    某镇2013年政府信息公开工作年度报告
    全年通过网站发布各类信息46条。
    ```
    """

    id = "GL305"
    name = "vague-figure"
    severity = Severity.WARNING
    summary = {"zh": "统计数字不确切", "en": "a statistic without an exact number"}
    messages = {
        "vague": (
            "“{text}”没有确切数字，年度报告应写明具体数量",
            "“{text}” gives no number; an annual report states the exact count",
        ),
        "approximate": (
            "“{text}”是约数，宜写明确切数量",
            "“{text}” is an approximation; state the exact count",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        text = report.text
        for m in VAGUE.finditer(text):
            yield Hit(Span(m.start(), m.end()), "vague", {"text": m.group()})
        for m in APPROXIMATE.finditer(text):
            yield Hit(
                Span(m.start(), m.end()),
                "approximate",
                {"text": m.group()},
                severity=Severity.INFO,
            )
