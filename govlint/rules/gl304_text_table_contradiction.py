from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule
from govlint.rules.table_identity import T19_T21, fmt

NEGATIONS: tuple[tuple[re.Pattern[str], str, tuple[str, str]], ...] = (
    (
        re.compile(
            r"未(?:收到|受理|接到|发生)(?:任何|过)?(?:政府信息公开|信息公开|依申请公开)?(?:的)?申请"
        ),
        "new",
        ("一、本年新收总计", "一 (new requests) total"),
    ),
    (
        re.compile(r"未(?:发生|收到|有|出现)[^。;；]{0,20}?行政复议"),
        "review",
        ("表四行政复议总计", "table 4, administrative review total"),
    ),
    (
        re.compile(r"未(?:发生|收到|有|出现)[^。;；]{0,20}?行政诉讼"),
        "suits",
        ("表四行政诉讼总计", "table 4, lawsuits total"),
    ),
    (
        re.compile(r"行政复议[^。;；]{0,30}?(?:均|全部)(?:获|被|予以|予)?维持"),
        "review_corrected",
        ("表四行政复议结果纠正", "table 4, reviews corrected"),
    ),
)
"""(what the prose says, the quantity it implies is zero, how messages name it)."""


class TextTableContradiction(Rule):
    """The text says "none" (or "all upheld") while the table says otherwise.

    ## What it checks
    Statements of absence in the text — 未收到政府信息公开申请, 未发生政府信息公开行政复议,
    未发生行政诉讼 — and 行政复议…均获维持, compared with tables 三 and 四: a statement of none
    while the table's total is above zero, or "all upheld" while a review was corrected.
    Sentences inside the tables are not read.

    ## Why
    A report that denies what its own table records misleads the reader on exactly the
    figures (requests, reviews, lawsuits) evaluators look at first (格式 ID-8).

    ## Bad example
    ```text
    某区人民政府2023年政府信息公开工作年度报告
    四、政府信息公开行政复议、行政诉讼情况
    本年度未发生政府信息公开行政复议案件。
    行政复议 行政诉讼
    结果维持 结果纠正 其他结果 尚未审结 总计
    2 0 0 0 2 0 0 0 0 0 0 0 0 0 0
    ```

    ## Good example
    ```text
    某区人民政府2023年政府信息公开工作年度报告
    四、政府信息公开行政复议、行政诉讼情况
    本年度发生政府信息公开行政复议案件2件，均获维持。
    行政复议 行政诉讼
    结果维持 结果纠正 其他结果 尚未审结 总计
    2 0 0 0 2 0 0 0 0 0 0 0 0 0 0
    ```
    """

    id = "GL304"
    name = "text-table-contradiction"
    severity = Severity.ERROR
    applies = T19_T21
    summary = {"zh": "正文与表格相矛盾", "en": "the text contradicts the table"}
    messages = {
        "default": (
            "正文称“{said}”，而{what}为 {value}",
            "the text says “{said}” but {what_en} is {value}",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        national = report.national
        if not national.tables:
            return
        for pattern, quantity, (what, what_en) in NEGATIONS:
            found = national.quantity(quantity)
            if found is None or found[0] <= 0:
                continue
            for m in pattern.finditer(report.text):
                if national.covers(m.start()):
                    continue
                yield Hit(
                    Span(m.start(), m.end()),
                    args={
                        "said": m.group(),
                        "what": what,
                        "what_en": what_en,
                        "value": fmt(found[0]),
                    },
                )
