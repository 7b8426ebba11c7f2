from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule

YEAR = re.compile(r"(?:19|20)\d{2}")
WRONG_WORDING = re.compile(r"工作报告|工作总结|年度总结")
PROPER_ENDING = re.compile(r"政府信息公开工作年度报告$|政务公开工作年度报告$")
DOUBLED_YEAR = re.compile(r"(?:19|20)\d{2}\s*年度.*年度报告")


class Title(Rule):
    """The title lacks the report year, says 工作报告, or is missing.

    ## What it checks
    The title is the first line that is not page debris or a crawler header. It must hold
    the four-digit report year and call the document a 年度报告: `工作报告`/`工作总结` in its
    place, or no year, is an error. No title line at all, or one that does not end in
    `政府信息公开工作年度报告`, is a warning; a doubled 年度 (`2014年度…年度报告`) a hint.

    ## Why
    The regulation names the document 政府信息公开工作年度报告 (条例 第四十九条; 2007 第三十一条);
    the year in the title is how readers and archives find it. Provincial notices (e.g.
    莆田通报) list titles without year or with 工作报告 among the common defects.

    ## Bad example
    ```text
    政府信息公开年度工作报告
    本报告根据《中华人民共和国政府信息公开条例》编制。
    ```

    ## Good example
    ```text
    某区人民政府2013年政府信息公开工作年度报告
    本报告根据《中华人民共和国政府信息公开条例》编制。
    ```
    """

    id = "GL106"
    name = "title"
    severity = Severity.ERROR
    summary = {"zh": "标题缺少年份或名称不规范", "en": "title without year, or misnamed"}
    messages = {
        "no_year": (
            "标题“{title}”没有报告年份",
            "the title “{title}” has no report year",
        ),
        "wording": (
            "标题“{title}”应称“年度报告”，而不是“{word}”",
            "the title “{title}” should say 年度报告, not {word}",
        ),
        "form": (
            "标题“{title}”不是“……政府信息公开工作年度报告”的规范名称",
            "the title “{title}” is not of the form …政府信息公开工作年度报告",
        ),
        "missing": (
            "没有标题行（应为“××{year}年政府信息公开工作年度报告”）",
            "there is no title line (…{year}年政府信息公开工作年度报告)",
        ),
        "doubled": (
            "标题“{title}”中“年度”重复",
            "the title “{title}” says 年度 twice",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        if report.title is None:
            year = report.year.value if report.year else "××××"
            yield Hit(report.head, "missing", {"year": year}, severity=Severity.WARNING)
            return
        title, span = report.title.value, report.title.span
        args = {"title": title}
        if not YEAR.search(title):
            yield Hit(span, "no_year", args)
        wrong = WRONG_WORDING.search(title)
        if wrong and "年度报告" not in title:
            yield Hit(span, "wording", {**args, "word": wrong.group()})
        elif not PROPER_ENDING.search(title):
            yield Hit(span, "form", args, severity=Severity.WARNING)
        if DOUBLED_YEAR.search(title):
            yield Hit(span, "doubled", args, severity=Severity.INFO)
