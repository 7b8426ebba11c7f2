from __future__ import annotations

import math
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule

ITEM = re.compile(
    r"(?<!\d)(?<!\d,)(\d[\d,]*)\s*(条|件|个|项|次|人次|宗)[^,，;；。%\d]{0,6}?[,，]?\s*"
    r"占(?:总数|全部|总量|比例|比重)?(?:的|为)?\s*(\d{1,3}(?:\.\d+)?)\s*%"
)
BASE_IN = re.compile(r"在[^。;；]{0,20}?(\d[\d,]*)\s*(?:条|件|个|项|次|人次|宗)[^。;；]{0,12}?中")
"""An explicit base: 在已经答复的329件申请中."""
TOTAL_BEFORE = re.compile(
    r"(?<!\d)(?<!\d,)(\d[\d,]*)\s*(?:条|件|个|项|次|人次|宗)\s*[,，;；。]?\s*其中\s*[,，:：]?\s*$"
)
"""A total stated just before 其中."""
GAP = 300
"""Items further apart than this (in characters) belong to different lists."""
COMPLETE = (99.0, 101.0)
"""Stated percentages adding up to 100 ± 1: the list is complete, the base is its sum."""


@dataclass(frozen=True)
class Item:
    count: int
    unit: str
    percent: str
    span: Span
    """The stated percentage (with its %)."""
    start: int


def items(text: str) -> Iterator[Item]:
    for m in ITEM.finditer(text):
        yield Item(
            int(m.group(1).replace(",", "")),
            m.group(2),
            m.group(3),
            Span(m.start(3), m.end(3) + 1),
            m.start(),
        )


def lists(found: list[Item]) -> Iterator[list[Item]]:
    current: list[Item] = []
    for item in found:
        if current and (item.start - current[-1].span.end > GAP or item.unit != current[0].unit):
            yield current
            current = []
        current.append(item)
    if current:
        yield current


def acceptable(count: int, base: int, stated: str) -> bool:
    """The stated value is the rounded or the truncated share at its own precision."""
    places = len(stated.split(".")[1]) if "." in stated else 0
    exact = Decimal(count) * 100 / Decimal(base)
    quantum = Decimal(1).scaleb(-places)
    rounded = exact.quantize(quantum, rounding=ROUND_HALF_UP)
    truncated = Decimal(math.floor(exact * 10**places)) / 10**places
    value = Decimal(stated)
    return value in (rounded, truncated)


class PercentageMismatch(Rule):
    """A stated percentage ("占72%") is not count ÷ total at its own precision.

    ## What it checks
    Lists of counts with shares — "业务动态类信息11785条，占72%", "“申请内容不明确”32件，占
    总数的9.8%". The total is the explicit base (`在已经答复的329件申请中`), the count stated
    just before 其中, or — when the stated shares of the list add up to 100 ± 1 — the sum
    of the list's counts. A share is accepted when it is the rounded or the truncated value
    at the precision it is written with (72% against 71.43 is neither; 9.8% against 9.73 is
    neither). Lists with no determinable total are not checked.

    ## Why
    A wrong share misstates the figures (条例 第五十条); it usually means a count or the
    total was changed without recomputing the shares.

    ## Bad example
    ```text
    某县2017年政府信息公开工作年度报告
    全年主动公开政府信息16499条，其中，机构职能类352条，占2%；业务动态类11785条，占72%；其他信息4362条，占26%。
    ```

    ## Good example
    ```text
    某县2017年政府信息公开工作年度报告
    全年主动公开政府信息16499条，其中，机构职能类352条，占2%；业务动态类11785条，占71%；其他信息4362条，占26%。
    ```
    """

    id = "GL302"
    name = "percentage-mismatch"
    severity = Severity.WARNING
    summary = {"zh": "百分比与数量不符", "en": "a percentage differs from count ÷ total"}
    messages = {
        "default": (
            "{count}÷{base} = {exact}%，而文中写作 {stated}%",
            "{count} ÷ {base} = {exact}%, but the text says {stated}%",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        text = report.text
        if "%" not in text:
            return
        for group in lists(list(items(text))):
            base = self.base(text, group)
            if not base:
                continue
            for item in group:
                if acceptable(item.count, base, item.percent):
                    continue
                places = len(item.percent.split(".")[1]) if "." in item.percent else 0
                exact = f"{item.count * 100 / base:.{places + 2}f}"
                yield Hit(
                    item.span,
                    args={
                        "count": item.count,
                        "base": base,
                        "exact": exact,
                        "stated": item.percent,
                    },
                )

    @staticmethod
    def base(text: str, group: list[Item]) -> int | None:
        lead = text[max(0, group[0].start - 80) : group[0].start]
        explicit = list(BASE_IN.finditer(lead))
        if explicit:
            return int(explicit[-1].group(1).replace(",", ""))
        before = TOTAL_BEFORE.search(lead[-40:]) if "其中" in lead[-12:] else None
        if before:
            return int(before.group(1).replace(",", ""))
        total_percent = sum(float(i.percent) for i in group)
        if len(group) >= 2 and COMPLETE[0] <= total_percent <= COMPLETE[1]:
            return sum(i.count for i in group)
        return None
