"""GL306 cumulative-regression: a running total lower than last year's."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Anchor, CrossHit, CrossRule, ReportInfo

CUMULATIVE = re.compile(
    r"(历年累计|累计(?=主动公开))([^，,。；;：:\d\n]{0,16}?)(?:达到?|共计?|为|了)?\s*"
    r"(\d[\d,]*(?:\.\d+)?)\s*(万)?\s*(条|件|项|篇|个)"
)
"""历年累计…N条 / 累计主动公开…N条: a running total since the body began publishing."""
LIFETIME = re.compile(r"截至|截止|以来|历年|建站|开通")
THIS_YEAR = re.compile(r"本年|今年|全年|年内|当年|年度|上半年|下半年|\d{4}\s*年")
_FILLER = re.compile(r"各类|各项|了|已|共|达|为|等|\s")


def figures(text: str) -> dict[str, tuple[float, int, int]]:
    """Cumulative figures by what they count: ``{words: (value, start, end)}``; a phrase
    given twice with different values is dropped (not sure which one is meant)."""
    found: dict[str, tuple[float, int, int]] = {}
    doubtful: set[str] = set()
    for m in CUMULATIVE.finditer(text):
        clause_start = max(text.rfind(p, 0, m.start()) for p in "。；;\n") + 1
        before = text[clause_start : m.start()]
        if m.group(1) == "累计" and not LIFETIME.search(before) and THIS_YEAR.search(before):
            continue  # 2023年累计主动公开…: this year's total, not a running one
        key = _FILLER.sub("", m.group(2)) + m.group(5)
        value = float(m.group(3).replace(",", "")) * (10000 if m.group(4) else 1)
        if key in found and found[key][0] != value:
            doubtful.add(key)
        found.setdefault(key, (value, m.start(3), m.end(5)))
    return {k: v for k, v in found.items() if k not in doubtful}


def _shown(value: float) -> str:
    return str(int(value)) if value == int(value) else str(value)


class CumulativeRegression(CrossRule):
    """A running total (历年累计, 累计主动公开) that is lower than the year before.

    ## What it checks
    Across two reports of one issuer for consecutive years: a figure the report gives as a
    running total since publishing began — "历年累计公开信息 N 条", "截至…累计主动公开
    政府信息 N 条" — is compared with the same phrase in last year's report. A running total
    can only grow. Phrases about one year ("2024年累计主动公开…", "全年累计…") are not
    running totals and are not compared; neither is a phrase the report gives twice with
    different values.

    ## Why
    A total that shrinks means last year's figure was wrong, this year's is, or the text was
    copied from an older report (GL505 looks for that too).

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    一、总体情况
    截至2023年底，历年累计公开政府信息12500条。
    === next year ===
    某县人民政府2024年政府信息公开工作年度报告
    一、总体情况
    截至2024年底，历年累计公开政府信息11800条。
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    一、总体情况
    截至2023年底，历年累计公开政府信息12500条。
    === next year ===
    某县人民政府2024年政府信息公开工作年度报告
    一、总体情况
    截至2024年底，历年累计公开政府信息13900条。
    ```
    """

    id = "GL306"
    name = "cumulative-regression"
    severity = Severity.WARNING
    summary = {"zh": "累计数低于上一年度", "en": "a running total lower than last year's"}
    messages = {
        "default": (
            "累计数“{words}”为 {value}，低于 {prior_year} 年报告（{prior}）的 {prior_value}",
            "running total “{words}” is {value}, lower than {prior_value} in the "
            "{prior_year} report ({prior})",
        )
    }

    def collect(self, report: Report, anchor: Callable[[Span], Anchor]) -> dict | None:
        found = figures(report.text)
        out = {k: (v, anchor(Span(s, e))) for k, (v, s, e) in found.items()}
        return out or None

    def compare(self, prior: ReportInfo, current: ReportInfo) -> Iterable[CrossHit]:
        for words, (value, place) in current.data.items():
            if words in prior.data and value < prior.data[words][0]:
                yield CrossHit(
                    place,
                    args={
                        "words": words,
                        "value": _shown(value),
                        "prior_value": _shown(prior.data[words][0]),
                        **prior.as_prior,
                    },
                )
