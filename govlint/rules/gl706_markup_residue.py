from __future__ import annotations

import html
import re
from collections.abc import Iterable

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Edit, Hit, Rule, per_line, quote

# Word's conditional comments, HTML comments, entities written out, Office tags and the
# ordinary tags a copy from a page leaves behind. Matched on the text govlint read (for an
# HTML file: the text of the page, where real markup has already been parsed away).
_MARKUP = re.compile(
    r"<!--\[if[^\]]*\]>?-*>?|<!\[(?:if[^\]]*|endif)\]>|<!--\[endif\]-->|<!--.{0,200}?-->"
    r"|&(?:nbsp|amp|lt|gt|quot|apos|ensp|emsp|ldquo|rdquo|lsquo|rsquo|mdash|hellip|middot|"
    r"copy|#\d{2,7}|#[xX][0-9a-fA-F]{2,6});?"
    r"|</?(?:[ovwxm]|st1):[A-Za-z]+\b[^<>]{0,200}>"
    r"|</?(?:p|span|div|font|br|b|i|u|strong|em|a|img|table|tbody|tr|td|th|ul|ol|li|h[1-6]|"
    r"sup|sub|center|section|article|hr|style|script)\b(?:\s[^<>]{0,300})?/?>",
    re.I,
)
QUOTE_CHARS = 40
_SPACES = {"&nbsp", "&ensp", "&emsp"}


def replacement(markup: str) -> str:
    """What the fix puts in place of ``markup``: an entity written out becomes its character
    (``&ldquo;`` → “), a space entity, a tag or a comment goes."""
    if not markup.startswith("&") or markup.rstrip(";").lower() in _SPACES:
        return ""
    return html.unescape(markup if markup.endswith(";") else markup + ";")


class MarkupResidue(Rule):
    """HTML or Word markup left in the text: &nbsp;, <o:p>, <!--[if !supportLists]-->.

    ## What it checks
    Markup that was meant for a browser or for Word and ended up as visible text when a
    report was copied from a web page or a Word-made HTML file: conditional comments
    (`<!--[if !supportLists]-->`, `<![endif]>`), entities written out (`&nbsp;`, `&amp;`,
    `&#8220;`), Office tags (`<o:p>`, `<st1:chsdate>`), and ordinary tags
    (`<span style=…>`, `</p>`, `<br/>`). One finding per line, at the first piece, with the
    number of pieces on that line.

    ## Why
    Readers of the published report see the codes instead of the text; figures next to
    them can be misread. `govlint check --fix` (a later feature) removes them safely.

    ## Bad example
    ```text
    某县2012年政府信息公开工作年度报告
    <!--[if !supportLists]-->一、<!--[endif]-->总体情况&nbsp;&nbsp;<o:p></o:p>
    ```

    ## Good example
    ```text
    某县2012年政府信息公开工作年度报告
    一、总体情况
    ```
    """

    id = "GL706"
    name = "markup-residue"
    severity = Severity.ERROR
    fix = "safe"
    summary = {"zh": "HTML/Word 标记残留", "en": "HTML or Word markup left in the text"}
    messages = {
        "default": (
            "标记残留：“{text}”（本行共 {count} 处），应删除",
            "markup left in the text: “{text}” ({count} on this line); remove it",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        text = report.source.text
        if "<" not in text and "&" not in text:
            return
        found = (Span(m.start(), m.end()) for m in _MARKUP.finditer(text))
        for spans in per_line(report.source.lines, found):
            first, count = spans[0], len(spans)
            quoted = quote(text[first.start : first.end], QUOTE_CHARS)
            yield Hit(
                first,
                args={"text": quoted, "count": count},
                in_source=True,
                fix=tuple(Edit(s, replacement(text[s.start : s.end])) for s in spans),
            )
