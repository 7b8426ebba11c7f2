from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule

PROMISE = re.compile(
    r"(?:并附|附有|附上|附后|详见|参见|见)[^。;；\n]{0,20}?(?:统计)?(?:附表|附件|统计表)"
    r"|(?m:^\s*附(?:件|表)\s*\d?\s*:)"
)
"""Text that promises an attachment: 并附……统计附表, 见附表, a line 附件:."""
NUMBERS_ROW = re.compile(r"\|[^|\n]*\d[^|\n]*\|")


class MissingAttachment(Rule):
    """The text promises an attachment or a statistics table that is not there.

    ## What it checks
    Phrases that announce an attachment — `并附相关说明和指标统计附表`, `详见附表`,
    `见附件`, a line `附件：` — in a report that contains no table at all: no label/value
    statistics table, no table 二/三/四, no table row with figures. Reported once, at the
    first promise.

    ## Why
    A report that refers the reader to a table it does not contain is incomplete; usually
    the table was an image or a separate file that was lost when the report was published.

    ## Bad example
    ```text
    某区2013年政府信息公开工作年度报告
    本报告由概述、主动公开情况等部分组成，并附相关说明和指标统计附表。
    九、相关说明与指标统计附表
    （一）本统计表所列数据为本区政府信息公开统计数据。
    ```

    ## Good example
    ```text
    某区2013年政府信息公开工作年度报告
    本报告由概述、主动公开情况等部分组成，并附指标统计附表。
    附表：政府信息公开情况统计表
    | 指标 | 数量 |
    | 主动公开政府信息数 | 2110 |
    | 受理申请总数 | 329 |
    ```
    """

    id = "GL105"
    name = "missing-attachment"
    severity = Severity.WARNING
    summary = {"zh": "文中提到的附件或附表缺失", "en": "a promised attachment or table is missing"}
    messages = {
        "default": (
            "文中提到“{text}”，但报告中没有任何附表或统计表",
            "the text refers to “{text}” but the report contains no table",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        promise = PROMISE.search(report.text)
        if promise is None or _has_table(report):
            return
        text = promise.group().strip()
        start = promise.start() + promise.group().index(text)
        yield Hit(Span(start, start + len(text)), args={"text": text})


def _has_table(report: Report) -> bool:
    return bool(report.tables or report.national.tables or NUMBERS_ROW.search(report.text))
