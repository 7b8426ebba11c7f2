from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report, Section
from govlint.rules.base import Hit, Rule

CHECKED_LEVELS = (1, 2)
"""一、 and (一): the levels whose numbering runs through a section. 1、/(1) restart freely
(table rows, sub-lists) and are not checked."""


class Numbering(Rule):
    """Heading numbers or 一是/二是 enumerations that skip, repeat or start wrong.

    ## What it checks
    - headings 一、二、… and (一)(二)… under one parent: a number skipped (一、二、四、), repeated
      ((一)(二)(二)) or restarted (一、二、一、);
    - enumerations 一是、二是…: a number skipped (一是→三是) or repeated (二是 twice), a list
      starting at 二是, or starting with 是… (its numeral lost);
    - a top-level heading that is really the next item of a list: `八、…` right after a list
      that ended with 七是 — the report then seems to have a section it doesn't have.

    ## Why
    Numbering is how readers (and reviewers comparing with the template) navigate a report;
    gaps and repeats show text was deleted or pasted, and an item promoted to a section
    breaks the structure of the report.

    ## Bad example
    ```text
    某县2008年政府信息公开工作年度报告
    六、存在的主要问题
    一是认识不足。二是公开不及时。二是载体单一。三是监督不够。
    ```

    ## Good example
    ```text
    某县2008年政府信息公开工作年度报告
    六、存在的主要问题
    一是认识不足。二是公开不及时。三是载体单一。四是监督不够。
    ```
    """

    id = "GL103"
    name = "numbering"
    severity = Severity.WARNING
    summary = {"zh": "编号跳号、重号或错位", "en": "numbering skips, repeats or is misplaced"}
    messages = {
        "skip": (
            "编号“{label}”跳过了“{expected}”",
            "the numbering jumps to “{label}”, skipping “{expected}”",
        ),
        "repeat": ("编号“{label}”重复", "the number “{label}” is repeated"),
        "restart": (
            "编号在同一层级中从“{label}”重新开始",
            "the numbering restarts at “{label}” at the same level",
        ),
        "starts_late": (
            "列举从“{label}”开始，缺少“一是”",
            "the list starts at “{label}”, without 一是",
        ),
        "lost": (
            "列举的第一项以“是”开头，缺少“一”",
            "the list's first item starts with 是: its numeral 一 is missing",
        ),
        "continues": (
            "“{label}、”接续前面的“{last}”列举，不是一级标题",
            "“{label}、” continues the list ending with “{last}”; it is not a top-level heading",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        continuations = {id(section) for section, _ in report.list_continuations}
        yield from self._headings(report, report.sections, continuations)
        for section, enumeration in report.list_continuations:
            heading = section.heading
            yield Hit(
                heading.span, "continues", {"label": heading.label, "last": enumeration.last.label}
            )
        for enumeration in report.enumerations:
            yield from self._enumeration(enumeration)

    def _headings(self, report: Report, parent: Section, continuations: set[int]) -> Iterable[Hit]:
        previous = None
        for child in parent.children:
            heading = child.heading
            if report.national.covers(heading.span.start):
                continue  # a group label of table 三 ((三)不予公开), not a heading
            if (
                heading.level in CHECKED_LEVELS
                and heading.number
                and id(child) not in continuations
            ):
                if previous is not None and previous.level == heading.level:
                    yield from self._step(
                        previous.number, heading.number, heading.label, heading.span
                    )
                previous = heading
            yield from self._headings(report, child, continuations)

    def _enumeration(self, enumeration) -> Iterable[Hit]:
        first = enumeration.items[0]
        if first.number is None:
            yield Hit(first.span, "lost")
        elif first.number > 1:
            yield Hit(first.span, "starts_late", {"label": first.label})
        for before, item in zip(enumeration.items, enumeration.items[1:], strict=False):
            if before.number is None and item.number == 2:
                continue
            if before.number and item.number:
                yield from self._step(before.number, item.number, item.label, item.span, "是")

    @staticmethod
    def _step(before: int, number: int, label: str, span: Span, suffix: str = "") -> Iterable[Hit]:
        if number == before:
            yield Hit(span, "repeat", {"label": label})
        elif number == 1 and before > 1:
            yield Hit(span, "restart", {"label": label})
        elif number > before + 1:
            yield Hit(span, "skip", {"label": label, "expected": _numeral(before + 1) + suffix})


def _numeral(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    tens, ones = divmod(n, 10)
    return ("" if tens == 1 else digits[tens]) + "十" + (digits[ones] if ones else "")
