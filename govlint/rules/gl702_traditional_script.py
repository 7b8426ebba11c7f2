from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.normalize import HAN_CHARACTER, to_simplified
from govlint.rules.base import Edit, Hit, Rule

MIN_COUNT = 3
MIN_SHARE = 0.05  # of the Han characters: a few quoted names don't make a traditional text


def simplify(source: str) -> tuple[Edit, ...]:
    """Source edits (runs of changed characters) that turn ``source`` simplified; OpenCC
    t2s keeps every character at its index, so the runs are found by comparison."""
    simplified = to_simplified(source)
    edits = []
    i, n = 0, len(source)
    while i < n:
        if source[i] == simplified[i]:
            i += 1
            continue
        j = i + 1
        while j < n and source[j] != simplified[j]:
            j += 1
        edits.append(Edit(Span(i, j), simplified[i:j], in_source=True))
        i = j
    return tuple(edits)


class TraditionalScript(Rule):
    """A mainland report written in traditional characters.

    ## What it checks
    The share of Han characters that OpenCC (`t2s`) converts to simplified. When at least
    5% of them (and at least three) are traditional, one finding is reported for the file,
    at the first traditional character, with the count — not one per character. A few
    traditional characters in quoted names stay below the threshold.

    ## Why
    《中华人民共和国国家通用语言文字法》 第九条 requires 规范汉字 in official documents; a
    traditional-script report was usually converted by a web page or copied from an
    archive mirror, and its wording can no longer be trusted character by character.

    ## Bad example
    ```text
    本年度報告是根據《中華人民共和國政府信息公開條例》要求編制。
    ```

    ## Good example
    ```text
    本年度报告是根据《中华人民共和国政府信息公开条例》要求编制。
    ```
    """

    id = "GL702"
    name = "traditional-script"
    severity = Severity.WARNING
    fix = "unsafe"
    summary = {"zh": "使用繁体字", "en": "written in traditional characters"}
    messages = {
        "default": (
            "报告使用繁体字：{count} 个字应为规范简化字（占汉字的 {share}）",
            "the report uses traditional characters: {count} should be simplified "
            "({share} of the Han characters)",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        norm = report.norm
        count = norm.traditional_count
        if count < MIN_COUNT or norm.first_traditional is None:
            return
        han = HAN_CHARACTER.subn("", report.text)[1]
        if not han or count / han < MIN_SHARE:
            return
        first = norm.first_traditional
        args = {"count": count, "share": f"{count / han:.0%}"}
        source = report.source.text
        yield Hit(Span(first, first + 1), args=args, fix=lambda: simplify(source))
