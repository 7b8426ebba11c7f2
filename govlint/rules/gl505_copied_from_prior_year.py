"""GL505 copied-from-prior-year: a narrative (or a set of tables) that is last year's, or
another body's."""

from __future__ import annotations

import functools
import zlib
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from itertools import combinations

from govlint.findings import Severity, Span
from govlint.model import Report
from govlint.rules.base import Anchor, CrossHit, CrossRule, ReportInfo, quote
from govlint.similarity import (
    clause_sketch,
    jaccard,
    narrative,
    pack,
    shared_passages,
    shingles,
    unpack,
)

MIN_NARRATIVE = 200
"""Characters of narrative below which two reports are not compared (too little to say)."""
MIN_FIGURES = 10
"""Non-zero cells two sets of tables must have to count as identical figures."""
MIN_SHARED = 4
"""Clause hashes two sketches must share to be compared in full (batch variant); half of
the clauses of a short narrative, at least two, will do."""
MIN_SKETCH_SIMILARITY = 0.3
LARGE_BUCKET = 50
"""A clause more reports share than this is paired with its first report only (star)."""
QUOTE_CHARS = 40


def _percent(value: float) -> str:
    return f"{int(value * 100)}%"


def figures_key(report: Report) -> tuple[int, int] | None:
    """A CRC-32 of every number of tables 二、三、四 in template order, and how many are
    not zero; None without tables."""
    tables = report.national.tables
    if not tables:
        return None
    values = []
    for key in sorted(tables, key="二三四".index):
        for row_key, row in tables[key].rows.items():
            for cell in row.cells or ():
                if cell.kind == "number":
                    values.append(f"{key}.{row_key}.{cell.column.key}={cell.value}")
    nonzero = sum(not v.endswith("=0") for v in values)
    return zlib.crc32("|".join(values).encode("utf-8", "surrogatepass")), nonzero


class CopiedFromPriorYear(CrossRule):
    """The report repeats last year's report, or another body's.

    ## What it checks
    The narrative of a report — its prose without tables, headings, web debris and the
    sentences every report carries (the basis in the regulation, the statistics period, the
    contact line) — is compared with the same issuer's report of the year before: the
    Jaccard similarity of their sets of character 8-grams, digits masked so that a copy with
    new figures is still a copy. Above 0.5 it is a warning, above 0.9 an error (config keys
    `similarity-warning`, `similarity-error`); the message quotes the longest passages the
    two share. Identical figures in tables 二、三、四 (at least ten non-zero cells) are
    reported too.

    Over a batch (`govlint check DIR`) the same is looked for between reports of *different*
    issuers: a report copied from another body. Reports are not compared pairwise: each
    keeps a sketch of its clauses, and only reports whose sketches share several clauses are
    compared in full, so a batch of thousands of reports stays fast.

    ## Why
    条例 第五十条 asks each body to report on its own year. A report copied from last year
    (or from a neighbour) describes work that was not done this year, and auditors see it
    first: it is a frequent finding of the annual reviews.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    一、总体情况
    本年度，我县坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，围绕县委县政府中心工作，不断加大主动公开力度，持续规范依申请公开办理流程，进一步完善政府信息管理制度，全面加强政府网站和政务新媒体建设，全县政务公开工作取得新的进展。我县组织开展政务公开专题培训，全县各单位政务公开工作人员参加培训，业务能力得到有效提升。我县进一步健全政务公开考核评议机制，将政务公开工作纳入年度绩效考核内容，强化责任落实和督促检查。
    === next year ===
    某县人民政府2024年政府信息公开工作年度报告
    一、总体情况
    本年度，我县坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，围绕县委县政府中心工作，不断加大主动公开力度，持续规范依申请公开办理流程，进一步完善政府信息管理制度，全面加强政府网站和政务新媒体建设，全县政务公开工作取得新的进展。我县组织开展政务公开专题培训，全县各单位政务公开工作人员参加培训，业务能力得到有效提升。我县进一步健全政务公开考核评议机制，将政务公开工作纳入年度绩效考核内容，强化责任落实和督促检查。
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    一、总体情况
    本年度，我县坚持以习近平新时代中国特色社会主义思想为指导，认真贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，围绕县委县政府中心工作，不断加大主动公开力度，持续规范依申请公开办理流程，进一步完善政府信息管理制度，全面加强政府网站和政务新媒体建设，全县政务公开工作取得新的进展。我县组织开展政务公开专题培训，全县各单位政务公开工作人员参加培训，业务能力得到有效提升。
    === next year ===
    某县人民政府2024年政府信息公开工作年度报告
    一、总体情况
    这一年，县政府办公室牵头梳理了全县行政许可事项清单，逐项核对办理时限和申请材料，在门户网站开设清单专栏并同步推送到政务服务平台。针对群众反映较多的农村危房改造补助问题，住建、财政两部门联合发布了补助对象、标准和资金拨付进度，接受社会监督。县政府门户网站完成适老化改造，新增无障碍浏览和语音播报功能，全年网站无重大安全事故。依申请公开方面，我们修订了办理规程，对补正告知、答复时限和送达方式逐项作了规定。
    ```
    """

    id = "GL505"
    name = "copied-from-prior-year"
    severity = Severity.WARNING
    summary = {
        "zh": "报告内容与上一年度或其他机关的报告雷同",
        "en": "the report repeats last year's, or another body's",
    }
    messages = {
        "default": (
            "叙述部分与 {prior_year} 年报告（{prior}）相似度 {similarity}，相同段落如“{passages}”",
            "the narrative is {similarity} similar to the {prior_year} report ({prior}), "
            "e.g. “{passages}”",
        ),
        "figures": (
            "统计表数字与 {prior_year} 年报告（{prior}）完全相同（{count} 个非零数）",
            "the tables' figures are those of the {prior_year} report ({prior}) "
            "({count} non-zero cells)",
        ),
        "other_issuer": (
            "叙述部分与{other_issuer}的报告（{other}）相似度 {similarity}{more}，"
            "相同段落如“{passages}”",
            "the narrative is {similarity} similar to the report of {other_issuer} "
            "({other}){more_en}, e.g. “{passages}”",
        ),
        "other_issuer_figures": (
            "统计表数字与{other_issuer}的报告（{other}）完全相同（{count} 个非零数）",
            "the tables' figures are those of {other_issuer}'s report ({other}) "
            "({count} non-zero cells)",
        ),
    }

    # -- collecting --------------------------------------------------------------------------
    def collect(self, report: Report, anchor: Callable[[Span], Anchor]) -> dict | None:
        text = narrative(report)
        head = report.head
        return {
            "text": pack(text),
            "length": len(text),
            "sketch": clause_sketch(text),
            "figures": figures_key(report),
            "issuer": report.issuer.value if report.issuer else None,
            "place": anchor(head) if head is not None else None,
        }

    @property
    def thresholds(self) -> tuple[float, float]:
        return tuple(self.options.get("similarity", (0.5, 0.9)))

    def _severity(self, similarity: float) -> Severity:
        return Severity.ERROR if similarity > self.thresholds[1] else Severity.WARNING

    # -- the year before ---------------------------------------------------------------------
    def compare(self, prior: ReportInfo, current: ReportInfo) -> Iterable[CrossHit]:
        before, now = prior.data, current.data
        common = prior.as_prior
        if min(before["length"], now["length"]) >= MIN_NARRATIVE:
            text = unpack(now["text"])
            theirs = shingles(unpack(before["text"]))
            similarity = jaccard(shingles(text), theirs)
            if similarity > self.thresholds[0]:
                yield CrossHit(
                    now["place"],
                    args={
                        **common,
                        "similarity": _percent(similarity),
                        "passages": self._passages(text, theirs),
                    },
                    severity=self._severity(similarity),
                )
        if _same_figures(before, now):
            yield CrossHit(now["place"], "figures", {**common, "count": now["figures"][1]})

    @staticmethod
    def _passages(text: str, other: set[int]) -> str:
        return "”“".join(quote(p, QUOTE_CHARS) for p in shared_passages(text, other))

    # -- another body of the same batch ------------------------------------------------------
    def across(self, reports: list[ReportInfo]) -> Iterable[tuple[int, CrossHit]]:
        eligible = [
            i
            for i, r in enumerate(reports)
            if r.data["issuer"] is not None and r.data["length"] >= MIN_NARRATIVE
        ]
        best: dict[int, tuple[float, int]] = {}
        matches: Counter[int] = Counter()

        @functools.lru_cache(maxsize=256)  # bounded: a batch of thousands stays small
        def loaded(i: int) -> tuple[str, set[int]]:
            text = unpack(reports[i].data["text"])
            return text, shingles(text)

        for a, b in self._candidates(reports, eligible):
            similarity = jaccard(loaded(a)[1], loaded(b)[1])
            if similarity <= self.thresholds[0]:
                continue
            for me, other in ((a, b), (b, a)):
                matches[me] += 1
                if me not in best or (similarity, -other) > (best[me][0], -best[me][1]):
                    best[me] = (similarity, other)
        for me in sorted(best):
            similarity, other = best[me]
            more = matches[me] - 1
            yield (
                me,
                CrossHit(
                    reports[me].data["place"],
                    "other_issuer",
                    {
                        "other_issuer": reports[other].data["issuer"],
                        "other": reports[other].path,
                        "similarity": _percent(similarity),
                        "more": f"（另有 {more} 份相似）" if more else "",
                        "more_en": f" ({more} more alike)" if more else "",
                        "passages": self._passages(loaded(me)[0], loaded(other)[1]),
                    },
                    self._severity(similarity),
                ),
            )
        yield from self._same_figures_across(reports)

    @staticmethod
    def _candidates(reports: list[ReportInfo], eligible: list[int]) -> list[tuple[int, int]]:
        """Pairs of reports of different issuers whose clause sketches agree enough."""
        buckets: dict[int, list[int]] = defaultdict(list)
        for i in eligible:
            for value in reports[i].data["sketch"]:
                buckets[value].append(i)
        shared: Counter[tuple[int, int]] = Counter()
        for members in buckets.values():
            if len(members) > LARGE_BUCKET:
                pairs = ((members[0], m) for m in members[1:])
            else:
                pairs = combinations(members, 2)
            for a, b in pairs:
                if reports[a].data["issuer"] != reports[b].data["issuer"]:
                    shared[(a, b)] += 1
        out = []
        for (a, b), count in sorted(shared.items()):
            sa, sb = set(reports[a].data["sketch"]), set(reports[b].data["sketch"])
            if count < min(MIN_SHARED, max(2, min(len(sa), len(sb)) // 2)):
                continue  # a short narrative has few clauses: half of them will do
            union = sorted(sa | sb)[: max(len(sa), len(sb))]
            if sum(v in sa and v in sb for v in union) / len(union) >= MIN_SKETCH_SIMILARITY:
                out.append((a, b))
        return out

    @staticmethod
    def _same_figures_across(reports: list[ReportInfo]) -> Iterable[tuple[int, CrossHit]]:
        groups: dict[int, list[int]] = defaultdict(list)
        for i, r in enumerate(reports):
            key = r.data["figures"]
            if r.data["issuer"] is not None and key is not None and key[1] >= MIN_FIGURES:
                groups[key[0]].append(i)
        for members in groups.values():
            for me in members:
                others = [
                    o for o in members if reports[o].data["issuer"] != reports[me].data["issuer"]
                ]
                if others:
                    other = others[0]
                    yield (
                        me,
                        CrossHit(
                            reports[me].data["place"],
                            "other_issuer_figures",
                            {
                                "other_issuer": reports[other].data["issuer"],
                                "other": reports[other].path,
                                "count": reports[me].data["figures"][1],
                            },
                        ),
                    )


def _same_figures(before: dict, now: dict) -> bool:
    a, b = before["figures"], now["figures"]
    return a is not None and b is not None and a == b and b[1] >= MIN_FIGURES
