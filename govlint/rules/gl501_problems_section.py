from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule

PROBLEMS_TITLE = re.compile(r"问题|不足|差距")
IMPROVEMENT_TITLE = re.compile(r"改进|措施|下一步|打算|思路|重点")
PROBLEM = re.compile(r"问题|不足|短板|差距")
IMPROVEMENT = re.compile(r"改进|措施|整改|下一步|将")
MIN_CHARS = 30
EMPTY = re.compile(r"[\s。.、:：]*(?:无|暂无|没有)?[\s。.]*")


class ProblemsSection(Rule):
    """存在的主要问题及改进情况 is empty, "无", too short, or lacks problems or improvements.

    ## What it checks
    The section on problems and improvements (五 in the 2019/2021 format; a topic of the 2007
    regulation) must name at least one problem (问题, 不足, 短板, 差距) and an improvement
    (改进, 措施, 整改, 下一步, 将). "无", an empty section or fewer than 30 characters is an
    error; a section with problems but no improvement (or the reverse) a warning. An
    improvement section that follows right after (六、下一步工作打算) counts.

    ## Why
    条例 第五十条（四）/2007 第三十二条（五）: the report states the main problems and how they
    will be improved. Evaluators mark "无" and boilerplate here as a defect.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    五、存在的主要问题及改进情况
    无。
    六、其他需要报告的事项
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    五、存在的主要问题及改进情况
    存在的主要问题是政策解读形式较为单一。下一步将丰富解读形式，改进信息发布工作。
    六、其他需要报告的事项
    ```
    """

    id = "GL501"
    name = "problems-section"
    severity = Severity.ERROR
    summary = {
        "zh": "问题及改进部分缺失或空洞",
        "en": "problems and improvements section empty or thin",
    }
    messages = {
        "empty": (
            "“{heading}”内容为空或仅{chars}个字，应写明存在的主要问题及改进措施",
            "“{heading}” is empty or only {chars} characters; state the main problems and improvements",
        ),
        "no_problem": (
            "“{heading}”没有写明存在的问题",
            "“{heading}” names no problem",
        ),
        "no_improvement": (
            "“{heading}”没有写明改进措施",
            "“{heading}” names no improvement",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        sections = report.top_sections
        for index, section in enumerate(sections):
            if not PROBLEMS_TITLE.search(section.title):
                continue
            heading = section.heading
            name = f"{heading.label}、{heading.title}"
            body = report.text[heading.span.end : section.end]
            chars = len(re.sub(r"\s", "", body))
            if EMPTY.fullmatch(body) or chars < MIN_CHARS:
                yield Hit(heading.span, "empty", {"heading": name, "chars": chars})
                return
            following = sections[index + 1] if index + 1 < len(sections) else None
            if following is not None and IMPROVEMENT_TITLE.search(following.title):
                body += report.text[following.start : following.end]
            if not PROBLEM.search(body):
                yield Hit(heading.span, "no_problem", {"heading": name}, severity=Severity.WARNING)
            if not IMPROVEMENT.search(body):
                yield Hit(
                    heading.span, "no_improvement", {"heading": name}, severity=Severity.WARNING
                )
            return
