from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Edit, Hit, Rule, per_line


class PinyinResidue(Rule):
    """Pinyin annotations injected after characters by a web converter: 據(jù), 開(kāi).

    ## What it checks
    Some web "繁简转换"/"注音" plug-ins write the pinyin of a polyphonic character after it,
    in brackets, and the annotated page gets copied into the report. govlint removes the
    annotations before every other check and reports them here: one finding per affected
    line, at the first annotation, with the number of annotations on that line.

    ## Why
    The published text becomes hard to read and is not the official wording; the
    annotations are debris of a tool, not part of the report. `govlint check --fix` (a
    later feature) removes them safely.

    ## Bad example
    ```text
    根据(jù)《中华人民共和国政府信息公开(kāi)条例》的规定，现公布本年度报告。
    ```

    ## Good example
    ```text
    根据《中华人民共和国政府信息公开条例》的规定，现公布本年度报告。
    ```
    """

    id = "GL701"
    name = "pinyin-residue"
    severity = Severity.ERROR
    fix = "safe"
    summary = {"zh": "拼音注音残留", "en": "pinyin annotations left in the text"}
    messages = {
        "default": (
            "本行有 {count} 处拼音注音残留（如“{example}”），应删除",
            "{count} pinyin annotation(s) on this line (e.g. “{example}”); remove them",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        source = report.source
        for spans in per_line(source.lines, report.norm.pinyin):
            first, count = spans[0], len(spans)
            example = source.text[max(0, first.start - 1) : first.end]
            yield Hit(
                first,
                args={"count": count, "example": example},
                in_source=True,
                fix=tuple(Edit(span) for span in spans),
            )
