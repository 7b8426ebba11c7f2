from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from govlint.findings import Severity
from govlint.model import Report
from govlint.model.tables import TableRow
from govlint.rules.base import Hit, Rule


@dataclass(frozen=True)
class Partition:
    name: str
    zh: str
    en: str
    parent: tuple[re.Pattern[str], ...]
    children: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]

    @classmethod
    def from_data(cls, data: Mapping[str, Any]) -> Partition:
        name = str(data["name"])
        return cls(
            name=name,
            zh=str(data.get("zh", name)),
            en=str(data.get("en", name)),
            parent=tuple(re.compile(p) for p in data["parent"]),
            children=tuple(
                (str(child["name"]), tuple(re.compile(p) for p in child["match"]))
                for child in data["children"]
            ),
        )

    def is_parent(self, label: str) -> bool:
        return any(p.search(label) for p in self.parent)

    def child_of(self, label: str) -> str | None:
        for name, patterns in self.children:
            if any(p.search(label) for p in patterns):
                return name
        return None


@cache
def builtin_partitions() -> tuple[Partition, ...]:
    data = resources.files("govlint.data").joinpath("legacy_partitions.toml").read_text("utf-8")
    return tuple(Partition.from_data(p) for p in tomllib.loads(data)["partition"])


class LegacyTableSum(Rule):
    """A row of a free-form statistics table differs from the sum of its parts.

    ## What it checks
    The label/value statistics tables appended to free-form reports (one value per line,
    label and value on one line, or pipe tables) have rows that are partitions of a parent
    row: 受理申请总数 = 当面 + 传真 + 电子邮件 + 网上 + 信函 + 其他; 答复总数 = 同意公开 +
    部分公开 + 不予公开 (+ 非政府信息/不存在/非本机关…); 否决 = its reasons; 办结 = 按时 +
    延期. When a parent row is followed by at least two of its parts and the parts don't
    add up to it, the parent value is reported with the sum. The partitions are data
    (`govlint/data/legacy_partitions.toml`), extendable with `[[tool.govlint.legacy-partitions]]`
    in config or by plugins (`govlint_sum_groups`); rows that are subsets rather than a
    partition (网站公开 within 主动公开信息数) are not checked.

    ## Why
    A total that is not the sum of its parts means a figure is wrong, and the published
    statistics (条例(2007)第三十二条) can't be relied on.

    ## Bad example
    ```text
    某县2008年政府信息公开工作年度报告
    附件：政府信息公开情况统计表
    对申请的答复数
    0
    其中:1、同意公开答复数
    7
    2、部分公开答复数
    2
    3、不予公开答复数
    2
    ```

    ## Good example
    ```text
    某县2008年政府信息公开工作年度报告
    附件：政府信息公开情况统计表
    对申请的答复数
    11
    其中:1、同意公开答复数
    7
    2、部分公开答复数
    2
    3、不予公开答复数
    2
    ```
    """

    id = "GL601"
    name = "legacy-table-sum"
    severity = Severity.ERROR
    applies = frozenset({"FF"})
    summary = {
        "zh": "统计表中总数与分项之和不符",
        "en": "a statistics-table total differs from the sum of its parts",
    }
    messages = {
        "default": (
            "“{label}”为 {total}，但其分项之和为 {parts} = {sum}，差 {diff}",
            "“{label}” is {total} but its parts add up to {parts} = {sum} (difference {diff})",
        )
    }

    def partitions(self) -> Sequence[Partition]:
        extra = self.options.get("partitions", ())
        return (*[Partition.from_data(p) for p in extra], *builtin_partitions())

    def check(self, report: Report) -> Iterable[Hit]:
        partitions = self.partitions()
        for table in report.tables:
            rows = table.rows
            for index, row in enumerate(rows):
                partition = next((p for p in partitions if p.is_parent(row.label)), None)
                if partition is None:
                    continue
                children = _children(rows[index + 1 :], partition, partitions)
                if len(children) < 2:
                    continue
                total = sum(child.value for child in children)
                if total == row.value:
                    continue
                yield Hit(
                    row.value_span,
                    args={
                        "label": row.label,
                        "total": row.value_text,
                        "parts": " + ".join(c.value_text for c in children),
                        "sum": _fmt(total),
                        "diff": _fmt(abs(total - row.value)),
                    },
                )


def _children(
    rows: Sequence[TableRow], partition: Partition, partitions: Sequence[Partition]
) -> list[TableRow]:
    children: list[TableRow] = []
    for row in rows:
        if any(p.is_parent(row.label) for p in partitions):
            break
        if partition.child_of(row.label) is None:
            break
        children.append(row)
    return children


def _fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"
