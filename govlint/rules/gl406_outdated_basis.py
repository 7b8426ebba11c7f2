from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule

REVISED = 2019
"""国务院令第711号: the revised 条例 governs reports for 2019 on."""
T21_FROM = 2021
ARTICLE_32 = re.compile(r"第三十二条")
OLD_HEADINGS = re.compile(r"收费及减免|依申请公开政府信息和不予公开政府信息")
T19_FORMAT = re.compile(r"国办公开办函\s*[〔\[(]\s*2019\s*[〕\])]\s*60\s*号")


class OutdatedBasis(Rule):
    """A report for 2019 or later follows the 2007 regulation or an outdated format.

    ## What it checks
    For a report year from 2019: citing 第三十二条 (the 2007 article on report contents), a
    heading 收费及减免 or the 2007 heading 依申请公开政府信息和不予公开政府信息情况. For 2021
    on: citing 国办公开办函〔2019〕60号 as the format (replaced by 〔2021〕30号).

    ## Why
    The revised 条例 (国务院令第711号, in force 2019-05-15) moved the contents of the report to
    第五十条 and dropped fees as a section; the 2021 format replaced the 2019 trial one. A
    report built on the old basis was usually copied from an old report.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    根据《中华人民共和国政府信息公开条例》第三十二条规定，编制本报告。
    四、政府信息公开的收费及减免情况
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    根据《中华人民共和国政府信息公开条例》第五十条规定，编制本报告。
    四、政府信息公开行政复议、行政诉讼情况
    ```
    """

    id = "GL406"
    name = "outdated-basis"
    severity = Severity.WARNING
    summary = {"zh": "引用已失效的条款或格式", "en": "an outdated legal basis or format"}
    messages = {
        "article": (
            "{year}年度报告引用了2007年条例的“第三十二条”，修订后的条例为第五十条",
            "a report for {year} cites 第三十二条 of the 2007 regulation; the revised one has 第五十条",
        ),
        "heading": (
            "{year}年度报告使用了2007年条例的标题“{title}”",
            "a report for {year} uses the 2007 heading “{title}”",
        ),
        "format": (
            "{year}年度报告引用的格式“{text}”已由国办公开办函〔2021〕30号取代",
            "a report for {year} cites the format “{text}”, replaced by 国办公开办函〔2021〕30号",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        if report.year is None or report.year.value < REVISED:
            return
        year = report.year.value
        text = report.text
        for m in ARTICLE_32.finditer(text):
            yield Hit(Span(m.start(), m.end()), "article", {"year": year})
        for heading in report.headings:
            if heading.level <= 2 and OLD_HEADINGS.search(heading.title):
                yield Hit(heading.span, "heading", {"year": year, "title": heading.title})
        if year >= T21_FROM:
            for m in T19_FORMAT.finditer(text):
                yield Hit(Span(m.start(), m.end()), "format", {"year": year, "text": m.group()})
