from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule

SENTENCE = re.compile(r"[^。;\n]+")
RECEIVED = re.compile(r"(?<!未)受理[^,，。;\d]{0,15}?(\d+)\s*(?:件|个|项|次)")
CARRIED = re.compile(r"上年(?:度)?结转[^,，。;\d]{0,8}?(\d+)\s*(?:件|个|项)")
DONE = re.compile(r"(?<![按延])(?:办结|答复)[^,，。;\d]{0,8}?(\d+)\s*(?:件|个|项|次)")
ON_TIME = re.compile(r"按时(?:办结|答复)[^,，。;\d]{0,4}?(\d+)\s*(?:件|个|项)")
LATE = re.compile(r"延期(?:办结|答复)[^,，。;\d]{0,4}?(\d+)\s*(?:件|个|项)")
TABLE_RECEIVED = re.compile(r"受理.*(?:总数|数)$|申请总数$")
TABLE_DONE = re.compile(r"^(?:对申请的)?(?:答复|办结)(?:总)?数$")
TABLE_CARRIED = re.compile(r"上年结转")


class LegacyBounds(Rule):
    """More requests answered than received, or 办结 ≠ 按时 + 延期.

    ## What it checks
    In a free-form report's statistics table, or within one sentence of prose: 答复/办结
    greater than 受理 (plus 上年结转 when it is stated) — `受理审批事项117件，办结171件` — and,
    when all three are given, 办结 ≠ 按时办结 + 延期办结.

    ## Why
    A body can't answer more requests than it received; such a figure is a typing error
    (digits swapped) that makes the statistics of the report unusable.

    ## Bad example
    ```text
    某县2010年政府信息公开工作年度报告
    全年受理审批事项117件，办结171件。
    ```

    ## Good example
    ```text
    某县2010年政府信息公开工作年度报告
    全年受理审批事项171件，办结171件，其中按时办结170件，延期办结1件。
    ```
    """

    id = "GL602"
    name = "legacy-bounds"
    severity = Severity.ERROR
    applies = frozenset({"FF"})
    summary = {"zh": "办结数超过受理数", "en": "more answered than received"}
    messages = {
        "bounds": (
            "办结/答复 {done} 件多于受理 {received} 件{carried}",
            "{done} answered or closed but only {received} received{carried_en}",
        ),
        "split": (
            "办结 {done} 件 ≠ 按时 {on_time} + 延期 {late} = {sum} 件",
            "{done} closed ≠ {on_time} on time + {late} late = {sum}",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        text = report.text
        for sentence in SENTENCE.finditer(text):
            yield from self._sentence(text, sentence.start(), sentence.end())
        for table in report.tables:
            rows = {"received": None, "done": None, "carried": None}
            for row in table.rows:
                if rows["received"] is None and TABLE_RECEIVED.search(row.label):
                    rows["received"] = row
                elif rows["done"] is None and TABLE_DONE.search(row.label):
                    rows["done"] = row
                elif rows["carried"] is None and TABLE_CARRIED.search(row.label):
                    rows["carried"] = row
            received, done, carried = rows["received"], rows["done"], rows["carried"]
            if received is None or done is None:
                continue
            extra = carried.value if carried else 0
            if done.value > received.value + extra:
                yield self._bounds(
                    done.value_span, done.value, received.value, carried and carried.value
                )

    def _sentence(self, text: str, start: int, end: int) -> Iterable[Hit]:
        received = RECEIVED.search(text, start, end)
        done = DONE.search(text, received.end(), end) if received else None
        if received and done:
            carried = CARRIED.search(text, start, end)
            extra = int(carried.group(1)) if carried else 0
            if int(done.group(1)) > int(received.group(1)) + extra:
                yield self._bounds(
                    Span(done.start(1), done.end(1)),
                    int(done.group(1)),
                    int(received.group(1)),
                    int(carried.group(1)) if carried else None,
                )
        on_time, late = ON_TIME.search(text, start, end), LATE.search(text, start, end)
        if done and on_time and late:
            total = int(on_time.group(1)) + int(late.group(1))
            if total != int(done.group(1)):
                yield Hit(
                    Span(done.start(1), done.end(1)),
                    "split",
                    {
                        "done": done.group(1),
                        "on_time": on_time.group(1),
                        "late": late.group(1),
                        "sum": total,
                    },
                )

    @staticmethod
    def _bounds(span: Span, done, received, carried) -> Hit:
        return Hit(
            span,
            "bounds",
            {
                "done": done,
                "received": received,
                "carried": f"（含上年结转 {carried} 件）" if carried is not None else "",
                "carried_en": f" (with {carried} carried over)" if carried is not None else "",
            },
        )
