"""The national template tables 二、三、四 (T19 and T21) and their identities, as data.

国办公开办函〔2019〕60号 (T19, reports for 2019–2020) and 〔2021〕30号 (T21, reports for 2021
on) prescribe three statistics tables. This module describes them — rows, columns, which
cells are integers, signed or decimal — and the arithmetic identities ID-1…ID-4 of
``template.md`` as :class:`Equation` objects. The model stage (``model/national.py``) reads
tables against these specs; the GL2xx rules evaluate the equations; the docs quote both.

Labels are matched in a *label stream*: the table's text with white space, quotes and cell
values removed, ``其它`` folded to ``其他`` and full-width brackets already folded by the
normalizer. Each row's pattern is built from its official label: the numbering (``1.``,
``(三)``) is optional and may be written ``1、``/``1．``, punctuation inside the label is
optional, and a parenthesised note (``(区分处理的，只计这一情形，不计其他情形)``) may be
missing. Anything else — a changed or missing character — does not match, so a corrupted
label (``其他法律行政止公开``) is noticed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache


@dataclass(frozen=True, slots=True)
class Column:
    key: str
    zh: str
    en: str
    kind: str = "int"
    """``int`` (a count ≥ 0), ``signed`` (T19 本年增/减) or ``decimal`` (amounts)."""


@dataclass(frozen=True, slots=True)
class Row:
    key: str
    label: str
    """The official label, brackets in ASCII as the normalizer writes them."""
    short: str
    """How messages name the row: ``一``, ``(三)2``, ``行政复议``."""
    columns: tuple[Column, ...]
    pattern: re.Pattern[str]
    core: str
    """The label without numbering and note: what a corrupted label is compared with."""
    group: str | None = None
    """The group label the row sits under: ``(三)不予公开``."""


@dataclass(frozen=True, slots=True)
class TableSpec:
    key: str
    """``二``, ``三`` or ``四``."""
    variant: str
    """``T19``, ``T21``, or ``T19/T21`` for table 四 (the same in both)."""
    zh: str
    en: str
    rows: tuple[Row, ...]
    markers: tuple[str, ...]
    """Header words that only this variant has (for GL108 and to pick the variant)."""
    noise: tuple[str, ...]
    """Header and group labels whose fragments may sit between row labels in PDF text."""

    @property
    def names(self) -> tuple[str, str]:
        """How messages name the table: ``(表三, table 3)``."""
        return f"表{self.key}", f"table {'  二三四'.index(self.key)}"

    def row(self, key: str) -> Row:
        return next(r for r in self.rows if r.key == key)


@dataclass(frozen=True, slots=True)
class CellRef:
    row: str
    column: str


@dataclass(frozen=True, slots=True)
class Equation:
    """``sum(left) == sum(right)``: one instance of an identity."""

    identity: str
    """``ID-1`` … ``ID-4``."""
    table: str
    left: tuple[CellRef, ...]
    right: tuple[CellRef, ...]
    where: tuple[str, str]
    """The column or row the equation is about, ``(zh, en)``: ``自然人``, ``(一)予以公开``."""
    at: CellRef
    """The cell a finding points at."""
    names: tuple[tuple[str, str], tuple[str, str]]
    """How messages name the two sides, ``((zh, en), (zh, en))``."""


# -- columns ------------------------------------------------------------------------------
def _c(key: str, zh: str, en: str, kind: str = "int") -> Column:
    return Column(key, zh, en, kind)


APPLICANTS: tuple[Column, ...] = (
    _c("natural", "自然人", "natural persons"),
    _c("business", "商业企业", "businesses"),
    _c("research", "科研机构", "research institutions"),
    _c("public_welfare", "社会公益组织", "public-welfare organisations"),
    _c("legal_services", "法律服务机构", "legal-service organisations"),
    _c("other", "其他", "other organisations"),
    _c("total", "总计", "total"),
)
APPLICANT_PARTS = tuple(c.key for c in APPLICANTS[:-1])

OUTCOMES = (
    ("upheld", "结果维持", "upheld"),
    ("corrected", "结果纠正", "corrected"),
    ("other", "其他结果", "other outcome"),
    ("pending", "尚未审结", "pending"),
    ("total", "总计", "total"),
)
REVIEW_GROUPS = (
    ("review", "行政复议", "administrative review"),
    ("direct_suit", "未经复议直接起诉", "lawsuits without prior review"),
    ("suit_after_review", "复议后起诉", "lawsuits after review"),
)
TABLE4_COLUMNS: tuple[Column, ...] = tuple(
    _c(f"{g}.{o}", f"{gzh}{ozh}", f"{gen}: {oen}")
    for g, gzh, gen in REVIEW_GROUPS
    for o, ozh, oen in OUTCOMES
)

_T21_DOCS = (
    _c("issued", "本年制发件数", "issued this year"),
    _c("repealed", "本年废止件数", "repealed this year"),
    _c("in_force", "现行有效件数", "in force"),
)
_T21_DECISIONS = (_c("decisions", "本年处理决定数量", "decisions this year"),)
_T21_FEES = (_c("fees", "本年收费金额(单位:万元)", "fees this year (10 000 yuan)", "decimal"),)
_T19_DOCS = (
    _c("made", "本年新制作数量", "made this year"),
    _c("published", "本年新公开数量", "published this year"),
    _c("total_public", "对外公开总数量", "total public"),
)
_T19_ITEMS = (
    _c("last_year", "上一年项目数量", "items last year"),
    _c("change", "本年增/减", "change this year", "signed"),
    _c("decisions", "处理决定数量", "decisions"),
)
_T19_FEES = _T19_ITEMS[:2]
_T19_PROCUREMENT = (
    _c("procurements", "采购项目数量", "procurement items"),
    _c("amount", "采购总金额", "procurement amount", "decimal"),
)


# -- label patterns -----------------------------------------------------------------------
_NUMBERING = re.compile(
    r"^(?:\(([一二三四五六七八九十]{1,2})\)|([一二三四五六七八九十]{1,2})、|(\d{1,2})[.、])"
)
_NOTE = re.compile(r"\([^()]*\)$")
_OPTIONAL_PUNCT = "、,，;；:："
LABEL_PUNCT = "[、,，;；:：.]?"


def _label_pattern(label: str, numbered: bool) -> tuple[re.Pattern[str], str]:
    """The stream pattern for an official label, and the label's core."""
    m = _NUMBERING.match(label)
    body = label[m.end() :] if m else label
    note = _NOTE.search(body)
    core = body[: note.start()] if note else body
    parts: list[str] = []
    if m:
        if m.group(1):
            numbering = rf"\({m.group(1)}\)"
        elif m.group(2):
            numbering = rf"{m.group(2)}[、.]"
        else:
            numbering = rf"(?:{m.group(3)}[.、]|\({m.group(3)}\))"
        parts.append(numbering if numbered else f"(?:{numbering})?")
    parts.extend(LABEL_PUNCT if ch in _OPTIONAL_PUNCT else re.escape(ch) for ch in core)
    if note:
        inner = "".join(
            LABEL_PUNCT if ch in _OPTIONAL_PUNCT else re.escape(ch) for ch in note.group()
        )
        parts.append(f"(?:{inner})?")
    return re.compile("".join(parts)), core


def _row(
    key: str,
    label: str,
    short: str,
    columns: tuple[Column, ...],
    group: str | None = None,
    numbered: bool = False,
) -> Row:
    pattern, core = _label_pattern(label, numbered)
    return Row(key, label, short, columns, pattern, core, group)


# -- table 二 -------------------------------------------------------------------------------
TABLE2_T21 = TableSpec(
    key="二",
    variant="T21",
    zh="表二 主动公开政府信息情况",
    en="table 2, proactive disclosure",
    rows=(
        _row("rules", "规章", "规章", _T21_DOCS),
        _row("normative", "行政规范性文件", "行政规范性文件", _T21_DOCS),
        _row("licensing", "行政许可", "行政许可", _T21_DECISIONS),
        _row("penalties", "行政处罚", "行政处罚", _T21_DECISIONS),
        _row("enforcement", "行政强制", "行政强制", _T21_DECISIONS),
        _row("fees", "行政事业性收费", "行政事业性收费", _T21_FEES),
    ),
    markers=("本年制发件数", "本年废止件数", "现行有效件数", "本年收费金额"),
    noise=(
        "信息内容",
        "第二十条第(一)项",
        "第二十条第(五)项",
        "第二十条第(六)项",
        "第二十条第(八)项",
    ),
)
TABLE2_T19 = TableSpec(
    key="二",
    variant="T19",
    zh="表二 主动公开政府信息情况",
    en="table 2, proactive disclosure",
    rows=(
        _row("rules", "规章", "规章", _T19_DOCS),
        _row("normative", "规范性文件", "规范性文件", _T19_DOCS),
        _row("licensing", "行政许可", "行政许可", _T19_ITEMS),
        _row("other_services", "其他对外管理服务事项", "其他对外管理服务事项", _T19_ITEMS),
        _row("penalties", "行政处罚", "行政处罚", _T19_ITEMS),
        _row("enforcement", "行政强制", "行政强制", _T19_ITEMS),
        _row("fees", "行政事业性收费", "行政事业性收费", _T19_FEES),
        _row("procurement", "政府集中采购", "政府集中采购", _T19_PROCUREMENT),
    ),
    markers=(
        "本年新制作数量",
        "本年新公开数量",
        "对外公开总数量",
        "上一年项目数量",
        "第二十条第(九)项",
    ),
    noise=(
        "信息内容",
        "第二十条第(一)项",
        "第二十条第(五)项",
        "第二十条第(六)项",
        "第二十条第(八)项",
        "第二十条第(九)项",
    ),
)

# -- table 三 -------------------------------------------------------------------------------
_G3, _G4, _G5, _G6 = "(三)不予公开", "(四)无法提供", "(五)不予处理", "(六)其他处理"


def _sub_rows(key: str, group: str, labels: tuple[str, ...]) -> tuple[Row, ...]:
    """The numbered rows 1., 2., … under a group label such as ``(三)不予公开``; a label of two
    characters (``3.其他``) is only recognised with its number."""
    mark = group[:3]
    return tuple(
        _row(f"{key}.{i}", f"{i}.{label}", f"{mark}{i}", APPLICANTS, group, len(label) <= 2)
        for i, label in enumerate(labels, start=1)
    )


def _table3_rows(t21: bool) -> tuple[Row, ...]:
    a = APPLICANTS
    head = (
        _row("new", "一、本年新收政府信息公开申请数量", "一", a),
        _row("carried", "二、上年结转政府信息公开申请数量", "二", a),
        _row("granted", "(一)予以公开", "(一)", a),
        _row("partial", "(二)部分公开(区分处理的,只计这一情形,不计其他情形)", "(二)", a),
    )
    refused = _sub_rows(
        "refused",
        _G3,
        (
            "属于国家秘密",
            "其他法律行政法规禁止公开",
            "危及三安全一稳定",
            "保护第三方合法权益",
            "属于三类内部事务信息",
            "属于四类过程性信息",
            "属于行政执法案卷",
            "属于行政查询事项",
        ),
    )
    unable = _sub_rows(
        "unable",
        _G4,
        ("本机关不掌握相关政府信息", "没有现成信息需要另行制作", "补正后申请内容仍不明确"),
    )
    not_handled = _sub_rows(
        "not_handled",
        _G5,
        (
            "信访举报投诉类申请",
            "重复申请",
            "要求提供公开出版物",
            "无正当理由大量反复申请",
            "要求行政机关确认或重新出具已获取信息",
        ),
    )
    if t21:
        other = _sub_rows(
            "other",
            _G6,
            (
                "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                "申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                "其他",
            ),
        )
    else:
        other = (_row("other", "(六)其他处理", "(六)", a, numbered=True),)
    tail = (
        _row("total", "(七)总计", "(七)总计", a, numbered=True),
        _row("next", "四、结转下年度继续办理", "四", a),
    )
    return (*head, *refused, *unable, *not_handled, *other, *tail)


_TABLE3_NOISE = (
    "申请人情况",
    "法人或其他组织",
    "自然人",
    "商业企业",
    "科研机构",
    "社会公益组织",
    "法律服务机构",
    "其他",
    "总计",
    "三、本年度办理结果",
    _G3,
    _G4,
    _G5,
    _G6,
)
TABLE3_T21 = TableSpec(
    key="三",
    variant="T21",
    zh="表三 收到和处理政府信息公开申请情况",
    en="table 3, requests received and handled",
    rows=_table3_rows(t21=True),
    markers=("不再处理其政府信息公开申请",),
    noise=_TABLE3_NOISE,
)
TABLE3_T19 = TableSpec(
    key="三",
    variant="T19",
    zh="表三 收到和处理政府信息公开申请情况",
    en="table 3, requests received and handled",
    rows=_table3_rows(t21=False),
    markers=(),
    noise=_TABLE3_NOISE,
)

# -- table 四 -------------------------------------------------------------------------------
TABLE4 = TableSpec(
    key="四",
    variant="T19/T21",
    zh="表四 政府信息公开行政复议、行政诉讼情况",
    en="table 4, administrative review and litigation",
    rows=(_row("cases", "行政复议、行政诉讼", "表四", TABLE4_COLUMNS),),
    markers=(),
    noise=(),
)

TABLES: dict[str, tuple[TableSpec, ...]] = {
    "二": (TABLE2_T21, TABLE2_T19),
    "三": (TABLE3_T21, TABLE3_T19),
    "四": (TABLE4,),
}
"""The variants of each table, the current one first."""


# -- identities ---------------------------------------------------------------------------
IDENTITIES: dict[str, tuple[str, str, str]] = {
    "ID-1": ("GL210", "一 + 二 = (七)总计 + 四", "balance: 一 + 二 = (七) + 四"),
    "ID-2": ("GL211", "(七)总计 = (一)至(六)各项之和", "results: (七) = sum of (一)…(六)"),
    "ID-3": ("GL212", "总计 = 各类申请人之和", "row total: 总计 = sum of the applicants"),
    "ID-4": ("GL213", "总计 = 维持 + 纠正 + 其他 + 尚未审结", "table 4 group total"),
}
"""Identity → (rule, zh, en)."""


def _results(spec: TableSpec) -> tuple[str, ...]:
    skip = {"new", "carried", "total", "next"}
    return tuple(r.key for r in spec.rows if r.key not in skip)


@cache
def equations(spec: TableSpec) -> tuple[Equation, ...]:
    """Every instance of the identities that hold inside ``spec``."""
    out: list[Equation] = []
    if spec.key == "三":
        results = _results(spec)
        for col in APPLICANTS:
            where = (col.zh, col.en)
            out.append(
                Equation(
                    "ID-1",
                    "三",
                    (CellRef("new", col.key), CellRef("carried", col.key)),
                    (CellRef("total", col.key), CellRef("next", col.key)),
                    where,
                    CellRef("total", col.key),
                    (("一+二", "一+二"), ("(七)总计+四", "(七)总计+四")),
                )
            )
        for col in APPLICANTS:
            out.append(
                Equation(
                    "ID-2",
                    "三",
                    (CellRef("total", col.key),),
                    tuple(CellRef(r, col.key) for r in results),
                    (col.zh, col.en),
                    CellRef("total", col.key),
                    (("(七)总计", "(七)总计"), ("(一)至(六)各项之和", "sum of (一)…(六)")),
                )
            )
        for row in spec.rows:
            out.append(
                Equation(
                    "ID-3",
                    "三",
                    (CellRef(row.key, "total"),),
                    tuple(CellRef(row.key, c) for c in APPLICANT_PARTS),
                    (row.short, row.short),
                    CellRef(row.key, "total"),
                    (("总计", "total"), ("各类申请人之和", "sum of the applicant columns")),
                )
            )
    elif spec.key == "四":
        for g, gzh, gen in REVIEW_GROUPS:
            out.append(
                Equation(
                    "ID-4",
                    "四",
                    (CellRef("cases", f"{g}.total"),),
                    tuple(CellRef("cases", f"{g}.{o}") for o, _, _ in OUTCOMES[:-1]),
                    (gzh, gen),
                    CellRef("cases", f"{g}.total"),
                    (
                        ("总计", "total"),
                        ("维持+纠正+其他+尚未审结", "upheld+corrected+other+pending"),
                    ),
                )
            )
    return tuple(out)
