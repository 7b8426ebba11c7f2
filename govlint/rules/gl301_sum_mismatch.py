from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule

UNIT = r"(条|件|个|项|次|人次|篇|期|场|家)"
TOTAL = re.compile(rf"(?:共|累计|合计|总计|共计)[^。;，,其]{{0,20}}?(\d[\d,]*)\s*{UNIT}")
PART = re.compile(
    rf"([^,，、;；。:：\d]{{1,24}}?)(\d[\d,]*)\s*{UNIT}(?:[,，]?\s*占[^,，、;；。]{{0,6}}?(\d+(?:\.\d+)?)\s*%)?"
)
LIST_START = re.compile(r"\s*[,，;；]?\s*其中\s*[,，:：]?\s*")
CATCH_ALL = re.compile(r"其[他它]")
SENTENCE_END = re.compile(r"[。\n]")
NOT_A_PART = re.compile(r"经|后|向|并|已|均|共|累计|合计|全部|办结|答复|予以|同意")
"""A clause after the list that reports something else: 经审核后向申请人公开7件."""


class SumMismatch(Rule):
    """A stated total and the parts listed after 其中 disagree.

    ## What it checks
    "共/累计/合计 N…，其中 A…、B…" in one sentence. The parts (same unit as the total) may
    never add up to more than the total; when the list is complete — it has a catch-all
    其他/其它, or the shares it states add up to 100 ± 1 — they must add up to the total
    exactly. A partial list ("其中网站公开 300 条") is only checked for the first condition.

    ## Why
    A total that its own breakdown contradicts means one of the figures is wrong; readers
    and evaluators add them up.

    ## Bad example
    ```text
    某县2012年政府信息公开工作年度报告
    全年共受理申请11件，其中当面申请7件，信函申请5件。
    ```

    ## Good example
    ```text
    某县2012年政府信息公开工作年度报告
    全年共受理申请11件，其中当面申请7件，信函申请4件。
    ```
    """

    id = "GL301"
    name = "sum-mismatch"
    severity = Severity.ERROR
    summary = {"zh": "总数与分项之和不符", "en": "a total and its parts disagree"}
    messages = {
        "over": (
            "分项之和 {parts} = {sum} 超过总数 {total}",
            "the parts {parts} = {sum} exceed the total {total}",
        ),
        "complete": (
            "完整列举的分项之和 {parts} = {sum} 不等于总数 {total}，差 {diff}",
            "the complete list adds up to {parts} = {sum}, not the total {total} (difference {diff})",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        text = report.text
        if "其中" not in text:
            return
        for total in TOTAL.finditer(text):
            start = LIST_START.match(text, total.end())
            if start is None:
                continue
            end_match = SENTENCE_END.search(text, start.end())
            end = end_match.start() if end_match else len(text)
            parts = []
            position = start.end()
            while True:
                m = PART.match(text, position)
                if m is None or m.start() >= end:
                    break
                if m.group(3) != total.group(2) or NOT_A_PART.search(m.group(1)):
                    break
                parts.append(m)
                position = m.end()
                sep = re.match(r"\s*[,，、;；]\s*", text[position:end])
                if sep is None:
                    break
                position += sep.end()
            if len(parts) < 2:
                continue
            value = int(total.group(1).replace(",", ""))
            counts = [int(p.group(2).replace(",", "")) for p in parts]
            shares = [float(p.group(4)) for p in parts if p.group(4)]
            complete = any(CATCH_ALL.search(p.group(1)) for p in parts) or (
                len(shares) == len(parts) and 99 <= sum(shares) <= 101
            )
            listed = "+".join(str(c) for c in counts)
            span = Span(total.start(1), total.end(1))
            args = {
                "parts": listed,
                "sum": sum(counts),
                "total": value,
                "diff": abs(sum(counts) - value),
            }
            if sum(counts) > value:
                yield Hit(span, "over", args)
            elif complete and sum(counts) != value:
                yield Hit(span, "complete", args)
