from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.model.residue import KIND_NAMES
from govlint.rules.base import Edit, Hit, Rule, quote

QUOTE_CHARS = 30


class WebResidue(Rule):
    """Web-page debris copied into the report: breadcrumbs, counters, toolbars, CMS fields.

    ## What it checks
    Lines that belong to the web page around a report, not to the report: breadcrumbs
    (当前位置 / 您当前所在位置: 首页 > …), 扫一扫在手机上查看当前页面, browser notices
    (您的浏览器版本太低, 您访问的链接即将离开…), 关怀版 / 无障碍 buttons, page counters
    (访问量: / 阅读: 123), copyright and reprint notices (版权所有, 转载请注明), 相关文章 and
    上一篇/下一篇 links, print/close/font-size toolbars (【打印本页】【关闭窗口】, 字号: 大 中 小),
    and lines of CMS metadata holding two or more fields (部门:… | 栏目:… | 来源:…,
    索引号:… 主题分类:…). One finding per line. Traditional script and full-width
    punctuation are normalized first, so 當前位置： is found too.

    ## Why
    A report is an official document; page chrome pasted into it is not part of it, makes
    it look careless, and confuses every reader and tool that looks for the title or the
    first section. govlint also keeps these lines out of the title and the sections.

    ## Bad example
    ```text
    您当前所在位置: 首页 > 政府信息公开年报
    某县人民政府2023年政府信息公开工作年度报告
    访问量：
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    本报告由某县人民政府办公室编制。
    ```
    """

    id = "GL703"
    name = "web-residue"
    severity = Severity.WARNING
    fix = "safe"
    summary = {"zh": "网页残留内容", "en": "web-page debris in the text"}
    messages = {
        "default": (
            "网页残留（{kind}）：“{text}”，发布前应删除",
            "web-page debris ({kind}): “{text}”; remove it before publishing",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        for residue in report.web_residue:
            text = quote(report.original(residue.span), QUOTE_CHARS)
            args = {"kind": KIND_NAMES[residue.kind], "text": text}
            yield Hit(residue.span, args=args, fix=(Edit(residue.span, not_a_figure="debris"),))
