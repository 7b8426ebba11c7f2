from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule

PLACEHOLDER = re.compile(
    # The lookahead names every first character: positions that can't start a match are
    # passed over four times faster than by trying each alternative there.
    r"(?=[12xX×＊*“\"《(此请])"
    r"(?:(?<![A-Za-z])(?:20|19)?[xX]{2,}(?![A-Za-z])|×{2,}|＊{2,}|\*{2,}(?=[\u4e00-\u9fff])"
    r"|“\s*”|\"\s*\"|《\s*》"
    r"|\((?:单位名称|部门名称|机关名称|名称|网站名称|网址|填写[^)]{0,8})\)|此处填写|请填写)"
)
"""Placeholder marks and empty slots left from a template."""
MISSING_NAME = re.compile(
    r"(?:网站|网址|门户|平台|栏目|地址|电话|邮箱|信箱|热线|邮编|登录|访问|在|于|为)[ \u3000]+(?=[。,;；])"
)
"""A blank before punctuation right after a word that introduces a name: ``网站 。``."""


class TemplatePlaceholder(Rule):
    """Template residue: XX, ××, empty quotes “”, a blank where a name belongs.

    ## What it checks
    Placeholders left when a report was filled in from a template or from last year's:
    `XX`/`xx`/`20XX`, `××`, `＊＊`, empty quotes `“”` or book-title marks `《》` where a
    name was to go, `（单位名称）`, `此处填写`, and a blank before punctuation right after a
    word that introduces a name (`可以在本区政府网站 。`). Letters inside words and
    addresses (`xxgk` in a URL) are not placeholders.

    ## Why
    A published report with blanks in it tells the reader nothing where it should name a
    website, a body or a document — and shows that nobody read it before publishing.

    ## Bad example
    ```text
    某区2013年政府信息公开工作年度报告
    本报告的电子版可以在本区政府网站 。主要通过“”门户网站公开《区“xx”人才发展规划纲要》。
    ```

    ## Good example
    ```text
    某区2013年政府信息公开工作年度报告
    本报告的电子版可以在本区政府网站（www.example.gov.cn）下载。主要通过“某区政府”门户网站公开《区“十二五”人才发展规划纲要》。
    ```
    """

    id = "GL704"
    name = "template-placeholder"
    severity = Severity.ERROR
    summary = {"zh": "残留模板占位符", "en": "template placeholder left in the text"}
    messages = {
        "placeholder": (
            "模板占位符“{text}”未替换为实际内容",
            "the template placeholder “{text}” was never filled in",
        ),
        "empty": (
            "{text}中是空的，此处应填写名称",
            "{text} is empty where a name belongs",
        ),
        "blank": (
            "“{before}”后是空白，此处应填写名称或网址",
            "a blank follows “{before}” where a name or address belongs",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        text = report.text
        for m in PLACEHOLDER.finditer(text):
            key = "empty" if m.group()[0] in '“"《' else "placeholder"
            yield Hit(Span(m.start(), m.end()), key, {"text": m.group()})
        for m in MISSING_NAME.finditer(text):
            before = text[max(0, m.start() - 8) : m.end()].strip()
            yield Hit(Span(m.end() - 1, m.end()), "blank", {"before": before})
