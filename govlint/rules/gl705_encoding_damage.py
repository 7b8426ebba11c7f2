from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Hit, Rule, per_line

# U+FFFD, C0/C1 control characters (tab and line breaks excepted), private-use characters
# (glyphs without a Unicode meaning, typical of PDFs with broken fonts), and 锟斤拷, what
# U+FFFD becomes when its UTF-8 bytes are read as GBK.
_DAMAGE = re.compile(
    "(?P<replacement>\ufffd+)|(?P<control>[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]+)"
    "|(?P<private>[\ue000-\uf8ff]+)|(?P<kunjinkao>(?:锟斤拷|烫烫烫|屯屯屯)+)"
)
_SUSPECT = re.compile("[\ufffd\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ue000-\uf8ff锟烫屯]")
# Candidate mojibake: runs of non-ASCII characters (UTF-8 read as GBK gives CJK-looking
# runs with symbols such as ℃ in between; read as cp1252 it gives Latin-1 letters).
_GBK_RUN = re.compile(r"[^\x00-\x7f\s]{3,}")
# Three UTF-8 CJK characters in a row among the text's GBK bytes: without them no run can
# be mojibake, so ordinary text costs one encode and one search.
_UTF8_CJK_BYTES = re.compile(rb"[\xe4-\xe9][\x80-\xbf][\x80-\xbf]" * 3)  # unrolled: 3x faster
_LATIN_RUN = re.compile(
    r"[\u0080-\u00ff\u0152-\u0178\u0192\u02c6\u02dc\u2013-\u203a\u20ac\u2122]{3,}"
)
MOJIBAKE_MIN_CHARS = 3
MOJIBAKE_MAX_LOSS = 0.15  # undecodable share allowed: a run's edges cut UTF-8 sequences
KINDS = {
    "replacement": ("替换字符 U+FFFD", "replacement character U+FFFD"),
    "control": ("控制字符", "control character"),
    "private": ("私用区字符（无意义字形）", "private-use character (a glyph without meaning)"),
    "kunjinkao": ("“锟斤拷”类乱码", "“锟斤拷”-style garbage"),
    "gbk": ("乱码（UTF-8 被当作 GBK 读取）", "mojibake (UTF-8 read as GBK)"),
    "latin": ("乱码（UTF-8 被当作 Latin-1 读取）", "mojibake (UTF-8 read as Latin-1)"),
}


class EncodingDamage(Rule):
    """Characters damaged by a wrong encoding: U+FFFD, mojibake, control characters.

    ## What it checks
    Text that no author typed: the replacement character U+FFFD (bytes a converter could
    not decode), control characters, private-use characters, 锟斤拷 (U+FFFD's UTF-8 bytes
    read as GBK), and mojibake — UTF-8 text read as GBK (政府 becomes 鏀垮簻) or as Latin-1
    (æ”¿åºœ). A run of CJK is mojibake when its GBK bytes are valid UTF-8 that decodes to
    other CJK text. One finding per line, at the first damaged run, with what the damaged
    text most likely said where that can be recovered.

    ## Why
    The damaged characters replaced real words, usually figures or names: the published
    report says something other than what was written, and nobody can read it back.
    Re-export the text from the original document with the right encoding.

    ## Bad example
    ```text
    本年度共受理政府信息公开申请��件。
    ```

    ## Good example
    ```text
    本年度共受理政府信息公开申请12件。
    ```
    """

    id = "GL705"
    name = "encoding-damage"
    severity = Severity.ERROR
    summary = {"zh": "编码损坏（乱码、替换字符、控制字符）", "en": "encoding damage"}
    messages = {
        "default": (
            "编码损坏：{kind}（本行共 {count} 处），原文已无法辨认",
            "encoding damage: {kind} ({count} on this line); the original text is lost",
        ),
        "recoverable": (
            "编码损坏：{kind}，“{text}”应为“{fixed}”（本行共 {count} 处）",
            "encoding damage: {kind}, “{text}” should read “{fixed}” ({count} on this line)",
        ),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        text = report.source.text  # before normalization: OpenCC would rewrite mojibake
        damage = sorted(_damage(text), key=lambda d: d[0].start)
        kinds = {span: (kind, fixed) for span, kind, fixed in damage}
        lines = report.source.lines
        for spans in per_line(lines, (span for span, _, _ in damage)):
            first, count = spans[0], len(spans)
            kind, fixed = kinds[first]
            args = {"kind": KINDS[kind], "count": count}
            if fixed:
                args |= {"text": text[first.start : first.end], "fixed": fixed}
                yield Hit(first, "recoverable", args, in_source=True)
            else:
                yield Hit(first, args=args, in_source=True)


def _damage(text: str) -> Iterator[tuple[Span, str, str]]:
    if _SUSPECT.search(text):  # one character class first: most reports have none
        for m in _DAMAGE.finditer(text):
            yield Span(m.start(), m.end()), m.lastgroup, ""
    if _UTF8_CJK_BYTES.search(_gbk_bytes(text)):
        for m in _GBK_RUN.finditer(text):
            fixed = _redecode(_gbk_bytes(m.group()))
            if fixed:
                yield Span(m.start(), m.end()), "gbk", fixed
    for m in _LATIN_RUN.finditer(text):
        fixed = _redecode(_cp1252_bytes(m.group()))
        if fixed:
            yield Span(m.start(), m.end()), "latin", fixed


def _gbk_bytes(run: str) -> bytes:
    return run.encode("gb18030", "replace")


def _cp1252_bytes(run: str) -> bytes:
    out = bytearray()
    for ch in run:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            out += ch.encode("latin-1", "replace")
    return bytes(out)


def _redecode(data: bytes) -> str:
    """What the bytes say as UTF-8, if that is Chinese text; empty if it isn't."""
    fixed = data.decode("utf-8", "replace")
    cjk = sum("\u4e00" <= ch <= "\u9fff" for ch in fixed)
    lost = fixed.count("\ufffd")
    if cjk < MOJIBAKE_MIN_CHARS or lost > max(1, (cjk + lost) * MOJIBAKE_MAX_LOSS):
        return ""
    return fixed.replace("\ufffd", "")
