from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule

ADDRESSEE = re.compile(
    r"^[ \t]*[\u4e00-\u9fff]{2,30}(?:办公室|办公厅|人民政府|政府|局|委员会|委|厅)(?:[、,][\u4e00-\u9fff]{2,30})*:[ \t]*$",
    re.M,
)
"""A line that addresses a body: ``市政府办公室：``."""
LETTER = re.compile(r"现将[^。]{0,40}?(?:报送|呈报|上报|报来)|请审阅|请审示|请予审阅|特此报告")
HEAD_LINES = 6


class CoverLetter(Rule):
    """The text is a cover letter, or carries one.

    ## What it checks
    Signs of a letter to a superior body instead of (or in front of) the published report:
    an addressee line near the top (`市政府办公室：`), and the phrases 现将……报送, 请审阅,
    特此报告.

    ## Why
    A report is published to the public (条例 第四十九条); a cover letter addressed to the
    superior office is internal correspondence that was published by mistake.

    ## Bad example
    ```text
    市政府办公室：
    现将我局2023年政府信息公开工作年度报告报送你们，请审阅。
    某县教育局2023年政府信息公开工作年度报告
    ```

    ## Good example
    ```text
    某县教育局2023年政府信息公开工作年度报告
    本报告根据《中华人民共和国政府信息公开条例》编制。
    ```
    """

    id = "GL506"
    name = "cover-letter"
    severity = Severity.WARNING
    summary = {"zh": "正文含有报送函", "en": "a cover letter in the report"}
    messages = {
        "addressee": (
            "“{text}”是公文的主送机关，年度报告正文不应含报送函",
            "“{text}” addresses a body: the report carries a cover letter",
        ),
        "phrase": (
            "“{text}”是报送函用语，年度报告正文不应含报送函",
            "“{text}” is cover-letter wording",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        text = report.text
        head_end = report.lines[min(HEAD_LINES, len(report.lines)) - 1][1] if report.lines else 0
        m = ADDRESSEE.search(text, 0, head_end)
        if m is not None:
            span = Span(m.start() + len(m.group()) - len(m.group().lstrip()), m.end())
            yield Hit(span, "addressee", {"text": text[span.start : span.end].strip()})
        for m in LETTER.finditer(text):
            yield Hit(Span(m.start(), m.end()), "phrase", {"text": m.group()})
