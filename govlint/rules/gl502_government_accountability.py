from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule, missing_topics

FIRST_YEAR = 2019
"""条例 as revised by 国务院令第711号 (in force 2019-05-15), 第五十条."""
TOPICS = (
    ("工作考核", "performance assessment", re.compile(r"考核")),
    ("社会评议", "public evaluation", re.compile(r"评议")),
    ("责任追究", "accountability", re.compile(r"责任追究|追责|问责")),
)


class GovernmentAccountability(Rule):
    """A people's government's report says nothing of 工作考核, 社会评议 or 责任追究.

    ## What it checks
    For the report of a 人民政府 itself (not of its 办公室, a department, a township or a
    development zone) for 2019 or later, the text must report the results of 工作考核
    (assessment), 社会评议 (public evaluation) and 责任追究 (accountability). One finding
    names the topics that are not mentioned at all (考核, 评议, 追责/问责 count).

    ## Why
    条例 第五十条（四）: 各级人民政府的政府信息公开工作年度报告还应当包括工作考核、社会评议和
    责任追究结果情况. Evaluators check the three words.

    ## Bad example
    ```text
    某市人民政府2023年政府信息公开工作年度报告
    五、存在的主要问题及改进情况
    存在的问题是政策解读形式单一，下一步将加以改进。
    ```

    ## Good example
    ```text
    某市人民政府2023年政府信息公开工作年度报告
    一、总体情况
    全市将政务公开纳入年度工作考核，开展社会评议，全年未发生责任追究情况。
    ```
    """

    id = "GL502"
    name = "government-accountability"
    severity = Severity.ERROR
    applies = frozenset({"T19", "T21"})
    summary = {
        "zh": "人民政府年报缺少工作考核、社会评议、责任追究情况",
        "en": "government report lacks assessment, evaluation or accountability",
    }
    messages = {
        "default": (
            "{issuer}的年度报告应包括工作考核、社会评议和责任追究结果情况，未提及：{missing}",
            "the report of {issuer} must cover assessment, public evaluation and accountability; "
            "not mentioned: {missing_en}",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        if report.issuer_type is None or report.issuer_type.value != "government":
            return
        if report.year is None or report.year.value < FIRST_YEAR:
            return
        missing = missing_topics(report.text, TOPICS)
        if missing is None:
            return
        issuer = report.issuer.value if report.issuer else "人民政府"
        yield Hit(report.head, args={"issuer": issuer, **missing})
