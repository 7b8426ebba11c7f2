from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule
from govlint.rules.table_identity import T19_T21
from govlint.template_tables import TABLES

FIRST_T21_YEAR = 2021
"""国办公开办函〔2021〕30号 was signed on 2021-09-26: reports for 2021 on use it."""


class TemplateVersion(Rule):
    """A table follows the template of another year, or mixes the 2019 and 2021 templates.

    ## What it checks
    The 2019 trial format (国办公开办函〔2019〕60号, reports for 2019–2020) and the 2021 format
    (〔2021〕30号, reports for 2021 on) differ in table 二 (本年新制作数量/本年新公开数量/
    对外公开总数量/上一年项目数量/本年增/减/第二十条第（九）项 in 2019; 本年制发件数/本年废止件数/
    现行有效件数/本年收费金额（单位：万元） in 2021) and in table 三 (one row (六)其他处理 in
    2019; three sub-rows of (六) in 2021). Reported: a table in the 2019 layout in a report
    for 2021 or later, a 2021 table in a report for 2019–2020, and a report whose tables mix
    the two. Tables are read in the layout they follow, so their sums are still checked.

    ## Why
    Each report year has one prescribed format; a mixed or outdated table can't be compared
    with other bodies' reports of the same year.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    二、主动公开政府信息情况
    信息内容 本年新制作数量 本年新公开数量 对外公开总数量
    规章 0 0 0
    规范性文件 3 3 20
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    二、主动公开政府信息情况
    信息内容 本年制发件数 本年废止件数 现行有效件数
    规章 0 0 0
    行政规范性文件 3 1 20
    ```
    """

    id = "GL108"
    name = "template-version"
    severity = Severity.ERROR
    applies = T19_T21
    summary = {
        "zh": "表格版本与报告年度不符或新旧格式混用",
        "en": "table layout of another template year, or both mixed",
    }
    messages = {
        "year": (
            "{table}采用{variant}年格式（{marker}），但这是{year}年度报告，应采用{expected}年格式",
            "{table} follows the {variant} format ({marker}) but this is the report for {year}, "
            "which uses the {expected} format",
        ),
        "mixed": (
            "{table}采用{variant}年格式（{marker}），而{other}采用{other_variant}年格式：新旧格式混用",
            "{table} follows the {variant} format ({marker}) while {other} follows the "
            "{other_variant} format: the two templates are mixed",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        tables = [t for k, t in report.national.tables.items() if len(TABLES[k]) > 1]
        year = report.year.value if report.year else None
        expected = None if year is None else ("T21" if year >= FIRST_T21_YEAR else "T19")
        for table in tables:
            variant = table.spec.variant
            if expected is not None and variant != expected:
                yield Hit(
                    _where(table),
                    "year",
                    {**self._args(table), "year": year, "expected": _y(expected)},
                )
        if expected is None and len({t.spec.variant for t in tables}) > 1:
            odd = min(tables, key=lambda t: t.spec.variant)
            other = max(tables, key=lambda t: t.spec.variant)
            yield Hit(
                _where(odd),
                "mixed",
                {
                    **self._args(odd),
                    "other": other.spec.names,
                    "other_variant": _y(other.spec.variant),
                },
            )

    @staticmethod
    def _args(table) -> dict[str, object]:
        spec = table.spec
        if spec.key == "三":
            marker = (
                ("(六)其他处理只有一行", "a single row (六)其他处理")
                if spec.variant == "T19"
                else (
                    "(六)其他处理分三行",
                    "(六)其他处理 in three rows",
                )
            )
        else:
            marker = "、".join(spec.markers[:2])
        return {"table": spec.names, "variant": _y(spec.variant), "marker": marker}


def _where(table) -> Span:
    """The single (六) row of a 2019 table 三, else the start of the table."""
    other = table.rows.get("other")
    return other.label_span if table.spec.key == "三" and other else table.span


def _y(variant: str) -> str:
    return "2019" if variant == "T19" else "2021"
