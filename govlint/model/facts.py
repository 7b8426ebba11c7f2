"""Facts extracted once per report: title, year, issuer, issuer type, regime, period.

Every fact records where it came from (``origin``) so that a wrong one can be diagnosed
(``--format json`` shows them) and overridden in config or on the command line.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Generic, TypeVar

from govlint.findings import Span
from govlint.model.residue import kind_of
from govlint.model.sections import strip_span

T = TypeVar("T")

REGIMES = ("FF", "T19", "T21")
ISSUER_TYPES = {
    "government": "人民政府",
    "department": "部门",
    "township": "乡镇/街道",
    "zone": "开发区/管委会",
}
_ISSUER_TYPE_ALIASES = {
    "人民政府": "government",
    "政府": "government",
    "部门": "department",
    "乡镇": "township",
    "街道": "township",
    "乡镇/街道": "township",
    "管委会": "zone",
    "开发区": "zone",
    "实验区": "zone",
    "开发区/管委会": "zone",
}


def parse_issuer_type(value: str) -> str:
    key = value.strip()
    if key in ISSUER_TYPES:
        return key
    if key in _ISSUER_TYPE_ALIASES:
        return _ISSUER_TYPE_ALIASES[key]
    choices = ", ".join(list(ISSUER_TYPES) + list(_ISSUER_TYPE_ALIASES))
    raise ValueError(f"unknown issuer type {value!r} (one of: {choices})")


@dataclass(frozen=True, slots=True)
class Fact(Generic[T]):
    value: T
    origin: str
    """``title``, ``text``, ``period``, ``markers``, ``year``, ``config``, ``cli``…"""
    span: Span | None = None


_REPORT_WORDS = re.compile(r"(?:年度报告|工作报告|工作总结|年报)")
_DEBRIS = re.compile(
    r"当前位置|所在位置|首页\s*>|无障碍|关怀版|访问量|阅读\s*:|索引号|发文机关|主题分类|"
    r"成文日期|发布日期|来源\s*:|栏目\s*:|[|>»]"
)
_ISSUER_SUFFIX = re.compile(
    r"(?:人民政府|政府|办公室|办公厅|委员会|管委会|管理委员会|街道办事处|街道|局|厅|委|署|镇|乡|"
    r"中心|院|办)$"
)
YEAR = r"((?:19|20)\d{2})\s*年"
_YEAR_IN_TITLE = re.compile(YEAR)
_YEAR_OF_REPORT = re.compile(
    YEAR
    + r"\s*度?\s*(?:[^。\n]{0,24}?)(?:政府)?(?:信息|政务)公开(?:工作)?(?:年度)?(?:工作)?(?:报告|年报)"
)
_ISSUER_BEFORE_YEAR = re.compile(
    r"(?:公布|发布|编制|现将)?\s*(?:本单位)?(?P<issuer>[\u4e00-\u9fff]{2,30}?)"
    r"(?:\([^)]{0,20}\))?\s*" + YEAR
)
_META_ISSUER = re.compile(
    r"(?:发文机关|发布机构|部门)\s*:\s*\|?\s*(?P<issuer>[\u4e00-\u9fff]{2,30})"
)


def find_title(text: str, lines: list[tuple[int, int]]) -> Fact[str] | None:
    """The first line (among the first 15 with text) that names a report.

    A short issuer line right above (``洪泽区人民政府`` / ``2023年…年度报告``) belongs to it.
    """
    seen: list[tuple[int, int]] = []
    for start, end in lines:
        line = text[start:end].strip()
        if not line:
            continue
        seen.append((start, end))
        if len(seen) > 15:
            break
        if len(line) > 60 or _DEBRIS.search(line) or not _REPORT_WORDS.search(line):
            continue
        if kind_of(line):
            continue
        if line.endswith(("。", ",")):
            continue
        title_start = start
        if len(seen) >= 2:
            prev_start, prev_end = seen[-2]
            prev = text[prev_start:prev_end].strip()
            issuer_like = _ISSUER_SUFFIX.search(prev) and not _DEBRIS.search(prev)
            if len(prev) <= 20 and issuer_like and not kind_of(prev):
                title_start = prev_start
        span = strip_span(text, title_start, end)
        lead = re.match(r"[#*_\s]*", text[span.start : span.end]).end()
        span = Span(span.start + lead, span.end)
        value = re.sub(r"\s+", "", text[span.start : span.end]).rstrip("*_")
        return Fact(value, "title", span)
    return None


def find_year(
    text: str, title: Fact[str] | None, period: StatisticsPeriod | None
) -> Fact[int] | None:
    if title is not None:
        m = _YEAR_IN_TITLE.search(title.value)
        if m:
            return Fact(int(m.group(1)), "title", title.span)
    m = _YEAR_OF_REPORT.search(text, 0, 800)
    if m:
        return Fact(int(m.group(1)), "text", Span(m.start(1), m.end(1)))
    if period is not None and period.start is not None:
        return Fact(period.start.year, "period", period.span)
    return None


_ISSUER_AFTER_YEAR = re.compile(
    YEAR + r"\s*度?\s*(?P<issuer>[\u4e00-\u9fff]{2,30}?)(?:政府|政务)?信息公开"
)


def find_issuer(text: str, title: Fact[str] | None) -> Fact[str] | None:
    if title is not None:
        for pattern in (_ISSUER_BEFORE_YEAR, _ISSUER_AFTER_YEAR):
            m = pattern.match(title.value)
            if m and _plausible_issuer(m.group("issuer")):
                return Fact(m.group("issuer"), "title", title.span)
    m = _YEAR_OF_REPORT.search(text, 0, 800)
    if m:
        head = text[max(0, m.start() - 40) : m.start()]
        before = re.search(
            r"(?:公布|发布|编制)(?:本单位)?(?P<issuer>[\u4e00-\u9fff]{2,30}?)(?:\([^)]{0,20}\))?\s*$",
            head,
        )
        if before and _plausible_issuer(before.group("issuer")):
            return Fact(before.group("issuer"), "text", None)
    m = _META_ISSUER.search(text, 0, 600)
    if m and _plausible_issuer(m.group("issuer")):
        return Fact(m.group("issuer"), "metadata", Span(m.start("issuer"), m.end("issuer")))
    return None


_PLACE = re.compile(r"[\u4e00-\u9fff]{1,12}(?:省|市|县|区|州|旗|盟)$")


def _plausible_issuer(name: str) -> bool:
    return bool(_ISSUER_SUFFIX.search(name) or _PLACE.search(name))


def issuer_type_of(issuer: str) -> str | None:
    """Per template §8, from the issuer's name."""
    if re.search(r"管委会|管理委员会|开发区|实验区|高新区|新区管", issuer):
        return "zone"
    if re.search(r"(?:办公室|办公厅|局|委员会|委|厅|署|中心|院|办)$", issuer):
        return "department"
    if re.search(r"(?:镇|乡|街道|街道办事处)(?:人民政府)?$", issuer):
        return "township"
    if re.search(r"(?:人民政府|政府)$", issuer) or _PLACE.search(issuer):
        return "government"
    return None


# --- regime ---------------------------------------------------------------------------------
_T21_MARKERS = re.compile(r"本年制发件数|本年废止件数|现行有效件数|本年收费金额")
_T19_MARKERS = re.compile(r"本年新制作数量|本年新公开数量|对外公开总数量|上一年项目数量")


def find_regime(text: str, year: Fact[int] | None) -> Fact[str] | None:
    t21 = _T21_MARKERS.search(text)
    t19 = _T19_MARKERS.search(text)
    if t21 and not t19:
        return Fact("T21", "markers", Span(t21.start(), t21.end()))
    if t19 and not t21:
        return Fact("T19", "markers", Span(t19.start(), t19.end()))
    if year is not None:
        return Fact(regime_for_year(year.value), "year", year.span)
    return None


def regime_for_year(year: int) -> str:
    if year <= 2018:
        return "FF"
    return "T19" if year <= 2020 else "T21"


# --- statistics period ----------------------------------------------------------------------
_PERIOD_ANCHOR = re.compile(
    r"统计\s*(?:期限|时限|时间段|时间|时段|周期|区间|期间|数据|范围)(?:\s*(?:的|均))?"
)
_CONNECTOR = re.compile(r"\s*(?:为|是|从|自|:|起止|截至|截止)")
_FULL_DATE = re.compile(r"((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_MONTH_DAY = re.compile(r"(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_GARBLED_DATE = re.compile(r"\d{5,8}\s*日|(?:19|20)\d{2}\s*年\s*\d{3,4}\s*日|年\s*月\s*日")
_WINDOW_END = re.compile(r"[。;]|止|\n\s*\n")
WINDOW = 60


@dataclass(frozen=True, slots=True)
class StatisticsPeriod:
    """A stated statistics period. ``start``/``end`` are None when they can't be read."""

    span: Span
    text: str
    start: date | None
    end: date | None


def find_period(text: str) -> StatisticsPeriod | None:
    for anchor in _PERIOD_ANCHOR.finditer(text):
        window_start = anchor.end()
        stop = _WINDOW_END.search(text, window_start, window_start + WINDOW)
        window_end = stop.end() if stop else min(len(text), window_start + WINDOW)
        window = text[window_start:window_end]
        connector = _CONNECTOR.match(window)
        dates = list(_FULL_DATE.finditer(window))
        garbled = max(_GARBLED_DATE.finditer(window), key=lambda g: g.end(), default=None)
        is_data = anchor.group().startswith("统计数据") or "范围" in anchor.group()
        if not dates and not garbled and (is_data or not connector):
            continue  # "统计数据" used as a noun, not a statement of the period
        start = end = None
        last = connector.end() if connector else 0
        if dates:
            start = _date(dates[0])
            last = dates[0].end()
            if len(dates) > 1:
                end = _date(dates[1])
                last = dates[1].end()
            elif start is not None:
                rest = _MONTH_DAY.search(window, dates[0].end())
                if rest:
                    end = _safe_date(start.year, int(rest.group(1)), int(rest.group(2)))
                    last = rest.end()
        if garbled:
            last = max(last, garbled.end())
        tail = re.match(r"\s*(?:起|止)?", window[last:])
        last += tail.end() if tail else 0
        span = Span(anchor.start(), window_start + max(last, 0))
        return StatisticsPeriod(
            span=span,
            text=text[span.start : span.end],
            start=start,
            end=end,
        )
    return None


def _date(m: re.Match[str]) -> date | None:
    return _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


# --- publication date ------------------------------------------------------------------------
_META_DATE = re.compile(
    r"(?<!统计)(?<!填报)(?:发布日期|发布时间|成文日期|公开日期|发文日期|日期|时间)\s*:?\s*\|?\s*"
    r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})"
)
_SIGNATURE_DATE = re.compile(
    r"^\s*((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日\s*$", re.M
)
SIGNATURE_LINES = 6
"""The signature date is one of the last lines."""


def find_published(text: str, lines: list[tuple[int, int]]) -> Fact[date] | None:
    """The publication date: page metadata (发布日期/日期/成文日期…), else the date line of
    the signature at the end of the report."""
    m = _META_DATE.search(text)
    if m is not None:
        when = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if when is not None:
            return Fact(when, "metadata", Span(m.start(1), m.end()))
    tail_start = lines[max(0, len(lines) - SIGNATURE_LINES)][0] if lines else 0
    for m in reversed(list(_SIGNATURE_DATE.finditer(text, tail_start))):
        when = _safe_date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
        if when is not None:
            return Fact(when, "signature", Span(m.start(1), m.end()))
    return None
