from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule

LEVEL = re.compile(r"(省|自治区|市|州|盟|县|旗|区|镇|乡|街道)")
"""Administrative levels, as the issuer's name ends them (淮安市洪泽区… is a 区)."""
SELF = re.compile(r"(?:我|本)(省|市|县|区|镇|乡)(?![场长委级内外])")
"""The report speaking of its own body: 我县, 本市 (not 市场, 县长, 区域…)."""
SAME = {"自治区": "省", "州": "市", "盟": "市", "旗": "县", "街道": "区"}
PLACE = re.compile(r"([\u4e00-\u9fff]{1,4}?)(省|市|县|区|镇|乡)")
CONFUSABLE = {
    "沭": "沐",
    "沐": "沭",
    "亳": "毫",
    "毫": "亳",
    "睢": "雎",
    "雎": "睢",
    "邳": "丕",
    "盱": "旴",
    "眙": "贻",
    "郯": "剡",
    "濮": "璞",
    "泾": "经",
    "郓": "恽",
    "莒": "筥",
    "涿": "琢",
    "蠡": "鑫",
}
"""Characters of place names that are mistyped as a look-alike (沐阳 for 沭阳)."""


class ForeignIssuer(Rule):
    """The text calls itself another level than its issuer: 我市 in a county's report.

    ## What it checks
    The issuer's level is read from its name (the last of 省/市/县/区/镇/乡 in 淮安市洪泽区人民
    政府 is 区). Self-references of another level — 我市/本市 in a 县 report, 我县 in a 区
    report — are reported once per line. A place name that differs from the issuer's by one
    look-alike character (`沐阳县` in a report of 沭阳县) is reported too.

    ## Why
    A report that speaks as another body was copied from that body's report (or written
    from a template for another level); the statements in it may not be this issuer's.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    2023年，我市政府信息公开工作稳步推进。
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    2023年，我县政府信息公开工作稳步推进，在全市考核中位列第一。
    ```
    """

    id = "GL507"
    name = "foreign-issuer"
    severity = Severity.WARNING
    summary = {"zh": "自称与发布机关层级不符", "en": "the text speaks as another body"}
    messages = {
        "near_miss": (
            "“{text}”与发布机关名称中的“{name}”仅一字之差，是否写错？",
            "“{text}” differs by one look-alike character from “{name}” in the issuer's name",
        ),
        "default": (
            "发布机关为{issuer}（{level}级），正文却自称“{text}”",
            "the issuer is {issuer} (a {level}), but the text says “{text}”",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        if report.issuer is None:
            return
        yield from self._near_misses(report)
        levels = LEVEL.findall(report.issuer.value)
        if not levels:
            return
        level = SAME.get(levels[-1], levels[-1])
        spans = [
            Span(m.start(), m.end())
            for m in SELF.finditer(report.text)
            if SAME.get(m.group(1), m.group(1)) != level
        ]
        seen_lines: set[int] = set()
        for span in spans:
            line = report.line_of(span.start)
            if line in seen_lines:
                continue
            seen_lines.add(line)
            text = report.text[span.start : span.end]
            yield Hit(span, args={"issuer": report.issuer.value, "level": level, "text": text})

    @staticmethod
    def _near_misses(report: Report) -> Iterable[Hit]:
        for m in PLACE.finditer(report.issuer.value):
            name = m.group()
            for i, ch in enumerate(m.group(1)):
                if ch not in CONFUSABLE:
                    continue
                wrong = name[:i] + CONFUSABLE[ch] + name[i + 1 :]
                for found in re.finditer(re.escape(wrong), report.text):
                    yield Hit(
                        Span(found.start(), found.end()),
                        "near_miss",
                        {"text": wrong, "name": name},
                    )
