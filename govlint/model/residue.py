"""Web-page debris: the lines a copy from a government website brings along.

Recognised on normalized (simplified, width-folded) text, line by line, so that one pattern
serves every input. The model keeps them out of the title and the sections; GL703 reports
them. Each kind is data: a name for messages and a pattern that matches a whole line
(stripped), or, for CMS metadata, a line holding at least two ``field:`` labels.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from govlint.findings import Span
from govlint.model.sections import strip_span

MAX_RESIDUE_LINE = 160

# (kind, zh name, en name, pattern matched at the start of a stripped line)
KINDS: tuple[tuple[str, str, str, re.Pattern[str]], ...] = (
    (
        "breadcrumb",
        "面包屑导航",
        "breadcrumb",
        re.compile(r"您?(?:当前|现在|所在)的?(?:所在)?(?:位置|路径)\s*[:>]|首页\s*[>»/]"),
    ),
    (
        "qr-code",
        "扫码提示",
        "QR-code prompt",
        re.compile(r"扫一扫|(?:微信|手机)扫(?:描|码)?二维码|在手机上(?:查看|打开|浏览)"),
    ),
    (
        "browser",
        "浏览器提示",
        "browser notice",
        re.compile(
            r"您的浏览器|为了(?:获得|更好的)?更?好的浏览体验|建议(?:升级|使用).{0,12}浏览器|"
            r"您访问的链接即将离开|(?:是否|确定)继续访问"
        ),
    ),
    (
        "accessibility",
        "关怀版/无障碍按钮",
        "accessibility buttons",
        re.compile(r"(?:(?:关怀版|无障碍|长者模式|适老化|读屏|简体|繁体|English)\s*)+$"),
    ),
    (
        "counter",
        "访问计数",
        "page counter",
        re.compile(
            r"(?:访问量|访问次数|浏览次数|浏览量|点击(?:量|数|率)|阅读(?:量|次数)?)\s*[:]\s*\d*\s*(?:次)?$"
        ),
    ),
    (
        "copyright",
        "版权声明",
        "copyright notice",
        re.compile(r".{0,30}(?:版权所有|版权(?:归|属于)|转载请注明|未经授权.{0,10}(?:转载|复制))"),
    ),
    (
        "related",
        "相关文章/翻页链接",
        "related-articles links",
        re.compile(
            r"(?:相关(?:文章|链接|阅读|附件|稿件|信息)|上一篇|下一篇)\s*(?::.{0,60})?$|专题$"
        ),
    ),
    (
        "toolbar",
        "打印/关闭/字号按钮",
        "print/close toolbar",
        re.compile(
            r"(?:[\[【(]?\s*(?:打印本页|打印此页|打印|关闭窗口|关闭本页|关闭|收藏本页|收藏|分享到|"
            r"字号|字体|返回顶部|返回|大|中|小)\s*[\]】)]?\s*[:|]?\s*)+$"
        ),
    ),
)
CMS_FIELD = re.compile(
    r"(?:部门|栏目|来源|信息来源|作者|日期|发布日期|发布时间|更新时间|阅读|浏览次数|访问量|"
    r"索引号|主题分类|体裁分类|组配分类|发文机关|发布机构|成文日期|生成日期|文号|发文字号|"
    r"公开方式|公开范围|公开时限|有效性|信息类别|分类|所属机构|字号)\s*[:]"
)
_TOOLBAR_WORD = re.compile(r"打印|关闭|字号|字体|分享|收藏|返回顶部")
KIND_NAMES = {kind: (zh, en) for kind, zh, en, _ in KINDS} | {
    "cms": ("网站内容管理系统的元数据行", "CMS metadata line")
}


@dataclass(frozen=True, slots=True)
class Residue:
    span: Span
    kind: str


def kind_of(line: str) -> str | None:
    """The kind of debris a stripped line is, or None for report text."""
    if not line or len(line) > MAX_RESIDUE_LINE:
        return None
    if len(CMS_FIELD.findall(line)) >= 2:
        return "cms"
    for kind, _zh, _en, pattern in KINDS:
        if pattern.match(line) and (kind != "toolbar" or _TOOLBAR_WORD.search(line)):
            return kind
    return None


def find_web_residue(text: str, lines: list[tuple[int, int]]) -> list[Residue]:
    found = []
    for start, end in lines:
        span = strip_span(text, start, end)
        if span.end - span.start > MAX_RESIDUE_LINE:
            continue
        kind = kind_of(text[span.start : span.end])
        if kind is not None:
            found.append(Residue(span, kind))
    return found
