from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule
from govlint.template import SIX_HEADINGS


class SectionOrder(Rule):
    """The six sections of the 2019/2021 format are out of order, or one appears twice.

    ## What it checks
    Each top-level section is matched to the official heading it stands for (一、总体情况 …
    六、其他需要报告的事项, aliases as for GL101). A section that comes after one that should
    follow it, or a second section for the same heading, is reported.

    ## Why
    The format fixes the order so that readers and evaluators find each part in the same
    place in every report; a moved or duplicated section is usually an editing slip.

    ## Bad example
    ```text
    某县教育局2023年政府信息公开工作年度报告
    一、总体情况
    三、收到和处理政府信息公开申请情况
    二、主动公开政府信息情况
    ```

    ## Good example
    ```text
    某县教育局2023年政府信息公开工作年度报告
    一、总体情况
    二、主动公开政府信息情况
    三、收到和处理政府信息公开申请情况
    ```
    """

    id = "GL102"
    name = "section-order"
    severity = Severity.WARNING
    applies = frozenset({"T19", "T21"})
    summary = {"zh": "章节顺序错误或重复", "en": "sections out of order or repeated"}
    messages = {
        "order": (
            "“{heading}”应在“{after}”之前",
            "“{heading}” should come before “{after}”",
        ),
        "twice": (
            "“{heading}”与前面的“{first}”重复（均为{topic}）",
            "“{heading}” repeats “{first}” (both are {topic_en})",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        seen: dict[int, str] = {}
        latest: tuple[int, str] | None = None
        for section in report.top_sections:
            index = next(
                (i for i, t in enumerate(SIX_HEADINGS) if t.heading.search(section.title)), None
            )
            if index is None:
                continue
            heading = section.heading
            name = f"{heading.label}、{heading.title}"
            if index in seen:
                topic = SIX_HEADINGS[index]
                yield Hit(
                    heading.span,
                    "twice",
                    {
                        "heading": name,
                        "first": seen[index],
                        "topic": topic.zh,
                        "topic_en": topic.en,
                    },
                )
                continue
            if latest is not None and index < latest[0]:
                yield Hit(heading.span, "order", {"heading": name, "after": latest[1]})
            seen[index] = name
            if latest is None or index > latest[0]:
                latest = (index, name)
