from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules.base import Hit, Rule

REVISED = 2019


def deadline(year: int, issuer_type: str | None, options) -> date | None:
    """The statutory deadline for the year-``year`` report (template.md §1), or the one set
    in config (``deadlines = { township = "03-31" }``); None when there is none."""
    configured = (options.get("deadlines") or {}).get(issuer_type or "")
    if configured:
        month, day = (int(x) for x in configured.split("-"))
        return date(year + 1, month, day)
    if year < REVISED:
        return date(year + 1, 3, 31)
    if issuer_type == "department":
        return date(year + 1, 1, 31)
    if issuer_type == "government":
        return date(year + 1, 3, 31)
    return None


class PublishDeadline(Rule):
    """The report was published after its statutory deadline.

    ## What it checks
    The publication date — `--published-on` or `published-on` in config, else the page's
    metadata (发布日期/日期/成文日期), else the signature date at the end — against the
    deadline: 31 March of the next year for reports up to 2018 (2007 条例 第三十一条); from
    2019, 31 January for departments and 31 March for people's governments (条例 第四十九条).
    Townships, streets and development zones have no statutory deadline: they are checked
    only when the configuration gives one.

    ## Why
    The deadline is statutory; a late report is a finding in every evaluation.

    ## Bad example
    ```text
    某县教育局2023年政府信息公开工作年度报告
    发布日期：2024-03-15
    ```

    ## Good example
    ```text
    某县教育局2023年政府信息公开工作年度报告
    发布日期：2024-01-20
    ```
    """

    id = "GL405"
    name = "publish-deadline"
    severity = Severity.WARNING
    summary = {"zh": "年报发布晚于法定期限", "en": "published after the deadline"}
    messages = {
        "default": (
            "{year}年度报告的发布日期为 {published}（{origin}），晚于法定期限 {deadline}",
            "the report for {year} was published on {published} ({origin_en}), after the "
            "deadline {deadline}",
        )
    }
    ORIGINS = {
        "cli": ("命令行", "command line"),
        "config": ("配置", "config"),
        "metadata": ("页面信息", "page metadata"),
        "signature": ("落款日期", "signature date"),
    }

    def check(self, report: Report) -> Iterable[Hit]:
        if report.year is None or report.published is None:
            return
        issuer_type = report.issuer_type.value if report.issuer_type else None
        limit = deadline(report.year.value, issuer_type, self.options)
        published = report.published
        if limit is None or published.value <= limit:
            return
        zh, en = self.ORIGINS.get(published.origin, (published.origin, published.origin))
        yield Hit(
            published.span or report.head,
            args={
                "year": report.year.value,
                "published": published.value.isoformat(),
                "deadline": limit.isoformat(),
                "origin": zh,
                "origin_en": en,
            },
        )
