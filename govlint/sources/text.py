"""Plain text and Markdown: detect the encoding and decode, strictly.

Order: BOM (UTF-8, UTF-16, UTF-32), UTF-16 without BOM (recognised by its NUL pattern),
strict UTF-8, then GB18030 (a superset of GBK/GB2312) or Big5 (traditional sites): when the
bytes decode both ways, the decoding whose characters are common ones wins.
A file that fits none of them, is empty, or looks binary raises :class:`SourceError`.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from govlint.normalize import HAN_CHARACTER, to_simplified
from govlint.sources import Source, SourceError, read_bytes

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_MAX_CONTROL_SHARE = 0.02  # more C0 control characters than this: not a text file
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")
_GBK_RARE_SHARE = 0.05


def read_text_file(path: Path, display: str) -> Source:
    text, encoding = decode(read_bytes(path))
    return Source(path=display, text=text, kind=path.suffix.lower().lstrip("."), encoding=encoding)


def decode(data: bytes) -> tuple[str, str]:
    """Decode report bytes; returns ``(text, encoding)`` or raises :class:`SourceError`."""
    if not data.strip():
        raise SourceError("文件为空", "file is empty")
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise SourceError(
                    f"带 {encoding} BOM，但第 {exc.start} 字节处无法按 {encoding} 解码",
                    f"has a {encoding} BOM but byte {exc.start} is not valid {encoding}",
                ) from None
            return _checked(text), encoding
    if b"\x00" in data:
        encoding = _utf16_without_bom(data)
        if encoding is None:
            raise SourceError(
                "二进制文件（含 NUL 字节），不是文本", "binary file (NUL bytes), not text"
            )
        return _checked(data.decode(encoding)), encoding
    try:
        return _checked(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    candidates = []
    for encoding in ("gb18030", "big5"):
        try:
            candidates.append((data.decode(encoding), encoding))
        except UnicodeDecodeError:
            continue
    if len(candidates) == 2 and _outside_gb2312(candidates[0][0]) > _GBK_RARE_SHARE:
        # Big5 bytes also decode as GB18030, into rare characters: keep the plausible one.
        candidates.sort(key=lambda c: _outside_gb2312(to_simplified(c[0])))
    if candidates:
        text, encoding = candidates[0]
        return _checked(text), encoding
    raise SourceError(
        "无法识别编码（不是 UTF-8、UTF-16、GB18030 或 Big5）",
        "unknown encoding (not UTF-8, UTF-16, GB18030 or Big5)",
    )


def _outside_gb2312(text: str) -> float:
    """Share of Han characters outside GB2312 (the 6763 common simplified characters)."""
    han = HAN_CHARACTER.findall(text)
    if not han:
        return 0.0
    rare = 0
    for ch in han:
        try:
            ch.encode("gb2312")
        except UnicodeEncodeError:
            rare += 1
    return rare / len(han)


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of mostly CJK/ASCII has NULs in one byte lane only."""
    if len(data) % 2:
        return None
    even = data[0::2].count(0)
    odd = data[1::2].count(0)
    half = len(data) // 2
    for zeros, other, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros >= half * 0.1 and other * 2 <= zeros:
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                return None
            return encoding
    return None


def _checked(text: str) -> str:
    if not text.strip():
        raise SourceError("文件没有可读文本", "file has no readable text")
    controls = len(_CONTROL.findall(text))
    if controls > max(2, len(text) * _MAX_CONTROL_SHARE):
        raise SourceError(
            f"疑似二进制文件（{controls} 个控制字符）",
            f"looks binary ({controls} control characters)",
        )
    return text
