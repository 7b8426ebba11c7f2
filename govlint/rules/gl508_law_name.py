from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule


def _spaced(word: str) -> str:
    """``word`` with line breaks and spaces allowed between its characters (PDF text)."""
    return r"\s*".join(re.escape(ch) for ch in word)


PRC = _spaced("中华人民共和国")
REGULATION = re.compile(
    rf"《\s*({PRC})?\s*{_spaced('政府信息公开')}\s*(工\s*作\s*)?{_spaced('条例')}\s*》"
)
FORMAT_NUMBER = re.compile(r"国办公开办函\s*[〔\[(]\s*(\d{4})\s*[〕\])]\s*(\d+)\s*号")
FORMAT_CONTEXT = re.compile(r"年度报告格式|报告格式")
KNOWN_FORMATS = {("2019", "60"), ("2021", "30")}


class LawName(Rule):
    """The regulation or the report format is cited by a wrong name or number.

    ## What it checks
    - `《中华人民共和国政府信息公开工作条例》` and other misnamings: the regulation is
      《中华人民共和国政府信息公开条例》;
    - the first citation of the regulation without 中华人民共和国 (`《政府信息公开条例》` before
      any full citation); later short forms and 《条例》 after 以下简称 are fine;
    - the report format cited with a number other than 国办公开办函〔2019〕60号 or
      〔2021〕30号.

    ## Why
    A report is an official document: the instruments it rests on must be cited by their
    exact names (GB/T 9704 党政机关公文格式; 立法法 naming).

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    根据《中华人民共和国政府信息公开工作条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕60号）要求编制。
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    根据《中华人民共和国政府信息公开条例》和《中华人民共和国政府信息公开工作年度报告格式》（国办公开办函〔2021〕30号）要求编制。
    ```
    """

    id = "GL508"
    name = "law-name"
    severity = Severity.ERROR
    summary = {"zh": "法规或文件名称、文号有误", "en": "a law or instrument misnamed"}
    messages = {
        "misnamed": (
            "“{text}”名称有误，应为《中华人民共和国政府信息公开条例》",
            "“{text}” is misnamed: the regulation is 《中华人民共和国政府信息公开条例》",
        ),
        "short_first": (
            "首次引用条例应写全称《中华人民共和国政府信息公开条例》，而非“{text}”",
            "the first citation of the regulation should be its full name, not “{text}”",
        ),
        "format": (
            "年度报告格式的文号“{text}”有误，应为国办公开办函〔2019〕60号或〔2021〕30号",
            "the format is cited as “{text}”; it is 国办公开办函〔2019〕60号 or 〔2021〕30号",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        text = report.text
        first = True
        for m in REGULATION.finditer(text):
            span = Span(m.start(), m.end())
            if m.group(2):
                yield Hit(span, "misnamed", {"text": report.original(span)})
            elif first and not m.group(1):
                yield Hit(span, "short_first", {"text": report.original(span)})
            first = False
        for m in FORMAT_NUMBER.finditer(text):
            context = text[max(0, m.start() - 40) : m.end() + 20]
            if (m.group(1), m.group(2)) in KNOWN_FORMATS or not FORMAT_CONTEXT.search(context):
                continue
            span = Span(m.start(), m.end())
            yield Hit(span, "format", {"text": report.original(span)})
