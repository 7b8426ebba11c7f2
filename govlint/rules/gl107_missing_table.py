from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule
from govlint.rules.table_identity import T19_T21
from govlint.template import SIX_HEADINGS

SECTION_TABLES = (("active", 2, "二"), ("requests", 3, "三"), ("review", 4, "四"))
"""Topic key, heading number, table: sections 二、三、四 each hold their table."""


class MissingTable(Rule):
    """Section 二, 三 or 四 is there but its statistics table is not.

    ## What it checks
    In reports under the 2019 and 2021 templates, sections 二、主动公开政府信息情况,
    三、收到和处理政府信息公开申请情况 and 四、政府信息公开行政复议、行政诉讼情况 each consist
    of a fixed table. When the section heading is present but no such table can be found
    anywhere in the report (in any form: HTML or Word table, pipe table, PDF text, flattened
    digits), the section was written as prose only.

    ## Why
    国办公开办函〔2019〕60号 and 〔2021〕30号 make the tables the content of these sections;
    prose such as "本年度未发生行政复议" does not replace the table of zeros.

    ## Bad example
    ```text
    某县教育局2023年政府信息公开工作年度报告
    四、政府信息公开行政复议、行政诉讼情况
    本年度未发生政府信息公开行政复议、行政诉讼案件。
    五、存在的主要问题及改进情况
    ```

    ## Good example
    ```text
    某县教育局2023年政府信息公开工作年度报告
    四、政府信息公开行政复议、行政诉讼情况
    行政复议 行政诉讼
    结果维持 结果纠正 其他结果 尚未审结 总计
    0 0 0 0 0 0 0 0 0 0 0 0 0 0 0
    五、存在的主要问题及改进情况
    ```
    """

    id = "GL107"
    name = "missing-table"
    severity = Severity.ERROR
    applies = T19_T21
    summary = {"zh": "章节缺少统计表格", "en": "a section lacks its statistics table"}
    messages = {
        "default": (
            "“{heading}”一节没有{table}（{title}），只有文字",
            "section “{heading}” has no {table} ({title_en}), only prose",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        topics = {t.key: t for t in SIX_HEADINGS}
        for key, number, table in SECTION_TABLES:
            if report.national.get(table) is not None:
                continue
            section = next(
                (
                    s
                    for s in report.sections.children
                    if s.heading.number == number and topics[key].heading.search(s.title)
                ),
                None,
            )
            if section is None:
                continue
            spec = _spec(table)
            yield Hit(
                section.heading.span,
                args={
                    "heading": f"{section.heading.label}、{section.title}",
                    "table": spec.names,
                    "title": spec.zh.split(" ", 1)[1],
                    "title_en": spec.en.split(", ", 1)[1],
                },
            )


def _spec(key: str):
    from govlint.template_tables import TABLES

    return TABLES[key][0]
