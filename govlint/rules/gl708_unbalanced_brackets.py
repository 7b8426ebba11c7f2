from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Iterator

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule

PAIRS = {"(": ")", "《": "》", "“": "”", "[": "]", "〔": "〕", "【": "】"}
CLOSERS = {v: k for k, v in PAIRS.items()}
BRACKETS = re.compile(r"[(《“\[〔【)》”\]〕】]")
DOUBLED = re.compile(r"《《|》》")
SEGMENT_END = re.compile(r"。|\n(?=[ \t]*\n)")
"""Brackets are matched within a sentence, which a 。 or a blank line ends: PDF lines break
sentences, sentences rarely break brackets."""
LIST_MARK = re.compile(r"(?:^|[\s;:,、。])(?:\d{1,2}|[a-zA-Z])\)$")
"""``1)`` or ``a)``: a list mark, not a closing bracket."""


class UnbalancedBrackets(Rule):
    """Brackets or quotes that are doubled, unclosed or mismatched: 《《, （ without ）, 《…）.

    ## What it checks
    Within each sentence: book-title marks doubled (`《《条例》》`), an opening （ 《 “ 〔 【
    without its closing mark, a closing mark without an opening one, and pairs that don't
    match (`《条例）`). List marks such as `1)` are not brackets.

    ## Why
    Unbalanced marks garble the names of laws and documents — the parts of a report that
    must be exact (GB/T 15834 标点符号用法).

    ## Bad example
    ```text
    某县2012年政府信息公开工作年度报告
    根据《《中华人民共和国政府信息公开条例》要求，特编制本报告（以下简称报告。
    ```

    ## Good example
    ```text
    某县2012年政府信息公开工作年度报告
    根据《中华人民共和国政府信息公开条例》要求，特编制本报告（以下简称报告）。
    ```
    """

    id = "GL708"
    name = "unbalanced-brackets"
    severity = Severity.WARNING
    summary = {"zh": "括号或引号不配对", "en": "unbalanced brackets or quotes"}
    messages = {
        "doubled": ("书名号重复：“{text}”", "doubled book-title marks: “{text}”"),
        "unclosed": ("“{mark}”没有对应的“{closer}”", "“{mark}” is never closed by “{closer}”"),
        "unopened": ("“{mark}”没有对应的前括号", "“{mark}” closes nothing"),
        "mismatch": ("“{open}”与“{mark}”不配对", "“{open}” is closed by “{mark}”"),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        text = report.text
        for m in DOUBLED.finditer(text):
            yield Hit(Span(m.start(), m.end()), "doubled", {"text": m.group()})
        # One scan for the brackets, one for the sentence ends; brackets grouped by sentence.
        brackets = [(m.group(), m.start()) for m in BRACKETS.finditer(text)]
        if not brackets:
            return
        ends = [m.end() for m in SEGMENT_END.finditer(text)]
        i = 0
        while i < len(brackets):
            sentence = bisect.bisect_right(ends, brackets[i][1])
            start = ends[sentence - 1] if sentence else 0
            end = ends[sentence] if sentence < len(ends) else len(text)
            j = i
            while j < len(brackets) and brackets[j][1] < end:
                j += 1
            yield from _segment(text, start, brackets[i:j])
            i = j


def _segment(text: str, start: int, brackets: list[tuple[str, int]]) -> Iterator[Hit]:
    stack: list[tuple[str, int]] = []
    for mark, at in brackets:
        if mark in PAIRS:
            if stack and stack[-1][0] == mark == "《" and text[at - 1 : at] == "《":
                continue  # 《《: reported as doubled
            stack.append((mark, at))
            continue
        if mark == ")" and LIST_MARK.search(text, max(start, at - 3), at + 1):
            continue
        if mark == "》" and text[at - 1 : at] == "》":
            continue
        if not stack:
            yield Hit(Span(at, at + 1), "unopened", {"mark": mark})
        elif PAIRS[stack[-1][0]] != mark:
            opener, _ = stack.pop()
            yield Hit(Span(at, at + 1), "mismatch", {"open": opener, "mark": mark})
        else:
            stack.pop()
    for mark, at in stack:
        yield Hit(Span(at, at + 1), "unclosed", {"mark": mark, "closer": PAIRS[mark]})
