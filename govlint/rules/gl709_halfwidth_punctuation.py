from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Edit, Hit, Rule, per_line

HALFWIDTH = re.compile(
    r"(?<=[\u4e00-\u9fff])[,;:?!](?=[\u4e00-\u9fff“《])"
    r"|(?<=[\u4e00-\u9fff])\((?=[\u4e00-\u9fff])|(?<=[\u4e00-\u9fff])\)(?=[\u4e00-\u9fff，。；、])"
)
"""ASCII punctuation in Chinese text, matched in the source (the normalized text has every
full-width mark folded to ASCII, so only the source can tell them apart)."""
FULLWIDTH = {",": "，", ";": "；", ":": "：", "?": "？", "!": "！", "(": "（", ")": "）"}


class HalfwidthPunctuation(Rule):
    """ASCII punctuation , ; : ? ! ( ) between Chinese characters.

    ## What it checks
    Half-width punctuation where Chinese text needs the full-width form (GB/T 15834):
    `公开,主动`, `条例(以下简称`, `如下:一是`. One finding per line, with the count. Not in
    the default selection: turn it on with `--extend-select GL709`.

    ## Why
    GB/T 15834—2011 标点符号用法 prescribes full-width marks in Chinese text; half-width
    ones are the trace of a web page or a converter, and look careless in print.

    ## Bad example
    ```text
    某县2012年政府信息公开工作年度报告
    根据《条例》规定,现公布本县2012年政府信息公开工作年度报告(以下简称报告)。
    ```

    ## Good example
    ```text
    某县2012年政府信息公开工作年度报告
    根据《条例》规定，现公布本县2012年政府信息公开工作年度报告（以下简称报告）。
    ```
    """

    id = "GL709"
    name = "halfwidth-punctuation"
    severity = Severity.INFO
    default_enabled = False
    fix = "unsafe"
    summary = {"zh": "中文中使用了半角标点", "en": "half-width punctuation in Chinese text"}
    messages = {
        "default": (
            "本行有 {count} 处半角标点，如“{mark}”应为“{full}”",
            "{count} half-width mark(s) on this line, e.g. “{mark}” should be “{full}”",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        source = report.source
        found = [Span(m.start(), m.end()) for m in HALFWIDTH.finditer(source.text)]
        for spans in per_line(source.lines, found):
            first, count = spans[0], len(spans)
            mark = source.text[first.start]
            yield Hit(
                first,
                args={"count": count, "mark": mark, "full": FULLWIDTH[mark]},
                in_source=True,
                fix=tuple(Edit(s, FULLWIDTH[source.text[s.start]]) for s in spans),
            )
