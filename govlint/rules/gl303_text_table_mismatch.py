from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule
from govlint.rules.table_identity import T19_T21, fmt

_APPLICATION = (
    r"(?:各类|群众|公民、法人和其他组织)?(?:的)?(?:政府信息公开|信息公开|依申请公开)?(?:的)?申请"
)
_AMOUNT = r"(?:共计|共|合计|总计|计)?\s*(\d+)\s*(?:件|个|宗|起)"


@dataclass(frozen=True)
class Statement:
    key: str
    pattern: re.Pattern[str]
    quantities: tuple[str, ...]
    """Table quantities the figure may equal (any one of them)."""
    zh: str
    en: str


STATEMENTS: tuple[Statement, ...] = (
    Statement(
        "new",
        re.compile(r"新收(?:到)?" + _APPLICATION + _AMOUNT),
        ("new",),
        "一、本年新收",
        "一 (new this year)",
    ),
    Statement(
        "received",
        re.compile(r"(?<![新共])(?:收到|受理)" + _APPLICATION + _AMOUNT),
        ("new", "new+carried"),
        "一、本年新收（或加上年结转）",
        "一 (new, or new plus carried over)",
    ),
    Statement(
        "carried",
        re.compile(r"上年(?:度)?结转(?:的)?(?:政府信息公开)?(?:申请)?" + _AMOUNT),
        ("carried",),
        "二、上年结转",
        "二 (carried over)",
    ),
    Statement(
        "next",
        re.compile(r"结转(?:至)?下(?:一)?年度(?:继续办理)?(?:的)?(?:申请)?" + _AMOUNT),
        ("next",),
        "四、结转下年度继续办理",
        "四 (carried forward)",
    ),
    Statement(
        "granted",
        re.compile(r"(?<!部分)予以公开" + _AMOUNT),
        ("granted",),
        "（一）予以公开",
        "(一) granted",
    ),
    Statement(
        "partial",
        re.compile(r"部分公开" + _AMOUNT),
        ("partial",),
        "（二）部分公开",
        "(二) partly granted",
    ),
    Statement(
        "review",
        re.compile(r"行政复议(?:申请|案件)?" + _AMOUNT),
        ("review",),
        "表四行政复议总计",
        "table 4, administrative review total",
    ),
    Statement(
        "suits",
        re.compile(r"行政诉讼(?:案件)?" + _AMOUNT),
        ("suits",),
        "表四行政诉讼总计",
        "table 4, lawsuits total",
    ),
)
_CLAUSE_START = re.compile(r"[。;；!?！？,，\n]")
_OTHER_TIME = re.compile(
    r"上年(?!(?:度)?结转)|去年|同比|累计|历年|以来|近\d*年|((?:19|20)\d{2})\s*年"
)


class TextTableMismatch(Rule):
    """A figure in the text differs from the same quantity in table 三 or 四.

    ## What it checks
    Sentences that state a quantity the tables hold: 新收…申请 N 件 (table 三 row 一),
    上年结转 N 件 (二), 结转下年度 N 件 (四), 予以公开 N 件 ((一)), 部分公开 N 件 ((二)),
    行政复议 N 件 and 行政诉讼 N 件 (table 四 totals), compared with the 总计 column. A bare
    收到/受理…申请 N 件 may mean 一 or 一 + 二; either is accepted. Clauses about another
    period (上年, 去年, 同比, 累计, 以来, another year) are not compared, and neither are
    figures inside the tables.

    ## Why
    The text and the tables are two statements of the same facts (格式 ID-8); when they
    differ, one of them is wrong, and the reader can't tell which.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    一、总体情况
    全年新收政府信息公开申请 25 件。
    三、收到和处理政府信息公开申请情况
    一、本年新收政府信息公开申请数量 20 1 0 0 0 0 21
    二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
    （一）予以公开 12 0 0 0 0 0 12
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    一、总体情况
    全年新收政府信息公开申请 21 件，上年结转 0 件。
    三、收到和处理政府信息公开申请情况
    一、本年新收政府信息公开申请数量 20 1 0 0 0 0 21
    二、上年结转政府信息公开申请数量 0 0 0 0 0 0 0
    （一）予以公开 12 0 0 0 0 0 12
    ```
    """

    id = "GL303"
    name = "text-table-mismatch"
    severity = Severity.ERROR
    applies = T19_T21
    summary = {"zh": "正文数字与表格不一致", "en": "a figure in the text differs from the table"}
    messages = {
        "default": (
            "正文为 {stated}，而表格{what}为 {table}，差 {diff}",
            "the text says {stated} but the table's {what_en} is {table} (difference {diff})",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        national = report.national
        if not national.tables:
            return
        text = report.text
        year = report.year.value if report.year else None
        for statement in STATEMENTS:
            values = [_value(national, q) for q in statement.quantities]
            if values[0] is None:
                continue
            accepted = {v for v in values if v is not None}
            for m in statement.pattern.finditer(text):
                if national.covers(m.start()) or _other_period(text, m.start(), year):
                    continue
                stated = int(m.group(1))
                if stated in accepted:
                    continue
                yield Hit(
                    Span(m.start(), m.end()),
                    args={
                        "stated": stated,
                        "what": statement.zh,
                        "what_en": statement.en,
                        "table": fmt(values[0]),
                        "diff": fmt(abs(stated - values[0])),
                    },
                )


def _value(national, quantity: str):
    if quantity == "new+carried":
        new, carried = national.quantity("new"), national.quantity("carried")
        return None if new is None or carried is None else new[0] + carried[0]
    found = national.quantity(quantity)
    return None if found is None else found[0]


def _other_period(text: str, at: int, year: int | None) -> bool:
    """The clause before the figure speaks of another period than the report year."""
    start = max(0, at - 40)
    for m in _CLAUSE_START.finditer(text, start, at):
        start = m.end()
    for m in _OTHER_TIME.finditer(text, start, at + 1):
        if m.group(1) is None or year is None or int(m.group(1)) != year:
            return True
    return False
