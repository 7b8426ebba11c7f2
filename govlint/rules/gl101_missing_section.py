from __future__ import annotations

from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule
from govlint.template import Topic, required_topics


class MissingSection(Rule):
    """A required section or topic is absent.

    ## What it checks
    Free-form reports (up to 2018) must cover the six topics of 2007 条例 第三十二条:
    主动公开; 依申请公开（及不予公开）; 收费及减免; 行政复议/行政诉讼; 主要问题及改进;
    其他需要报告的事项 (the last one only as a warning). Reports from 2019 on must have the
    six headings of the national format, 一、总体情况 … 六、其他需要报告的事项.
    A topic counts as present when a heading at any level, or the text, names it: topics
    are matched by keyword groups, not by exact headings, because real reports fold a topic
    into another section ("没有收取任何费用" inside 三).

    ## Why
    条例(2007)第三十二条 and 条例(2019)第五十条 list what an annual report must contain; the
    national format (国办公开办函〔2019〕60号,〔2021〕30号) says its headings "不能遗漏".

    ## Bad example
    ```text
    某县2012年政府信息公开工作年度报告
    一、主动公开政府信息情况
    全年主动公开政府信息1200条。
    二、依申请公开政府信息情况
    全年受理申请5件，均已按时答复。
    三、存在的主要问题及改进措施
    存在的问题是公开深度不够。下一步将加强培训，改进工作。
    ```

    ## Good example
    ```text
    某县2012年政府信息公开工作年度报告
    一、主动公开政府信息情况
    全年主动公开政府信息1200条。
    二、依申请公开政府信息情况
    全年受理申请5件，均已按时答复。
    三、政府信息公开的收费及减免情况
    未收取任何费用。
    四、因政府信息公开申请行政复议、提起行政诉讼的情况
    未发生行政复议和行政诉讼。
    五、存在的主要问题及改进措施
    存在的问题是公开深度不够。下一步将加强培训，改进工作。
    六、其他需要报告的事项
    无。
    ```
    """

    id = "GL101"
    name = "missing-section"
    severity = Severity.ERROR
    summary = {"zh": "缺少必需的章节或主题", "en": "a required section or topic is missing"}
    messages = {
        "ff": (
            "缺少《条例》(2007)第三十二条要求的内容：{topic}",
            "missing a topic required by 条例(2007) art. 32: {topic}",
        ),
        "template": (
            "缺少年度报告格式要求的章节：{topic}",
            "missing a section required by the national report format: {topic}",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        if report.regime is None:
            return
        regime = report.regime.value
        headings = [h.title for h in report.headings]
        for topic in required_topics(regime):
            if _present(topic, headings, report.text):
                continue
            yield Hit(
                report.head,
                "ff" if regime == "FF" else "template",
                {"topic": (topic.zh, f"{topic.zh} ({topic.en})")},
                severity=topic.severity,
            )


def _present(topic: Topic, headings: list[str], text: str) -> bool:
    for title in headings:
        if topic.heading.search(title) and (topic.also is None or topic.also.search(title)):
            return True
    if topic.text is None:
        return False
    if not topic.text.search(text):
        return False
    return topic.also is None or topic.also.search(text) is not None
