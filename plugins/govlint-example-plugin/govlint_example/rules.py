from __future__ import annotations

import re
from collections.abc import Iterable

from govlint.findings import Severity
from govlint.model import Report
from govlint.rules import Hit, Rule

CONTACT = re.compile(r"电话|联系方式|邮箱|电子邮件|邮编|地址|@")


class ContactMissing(Rule):
    """The report gives no way to ask about it: no telephone, e-mail or address.

    ## What it checks
    Reports usually end their preamble with "如对本报告有任何疑问，请与…联系（电话…）".
    A report that names no telephone number, e-mail or postal address is reported once.

    ## Why
    The public must be able to ask the issuing office about the report; the national
    template examples all give a contact.

    ## Bad example
    ```text
    某县2023年政府信息公开工作年度报告
    一、总体情况
    全年主动公开政府信息100条。
    ```

    ## Good example
    ```text
    某县2023年政府信息公开工作年度报告
    如对本报告有疑问，请与县政府办公室联系（电话：0000-1234567）。
    一、总体情况
    全年主动公开政府信息100条。
    ```
    """

    id = "EX101"
    name = "contact-missing"
    severity = Severity.INFO
    summary = {"zh": "报告未提供联系方式", "en": "the report gives no contact"}
    messages = {
        "default": (
            "报告未提供联系方式（电话、电子邮箱或地址）",
            "the report gives no contact (telephone, e-mail or address)",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        if not CONTACT.search(report.text):
            yield Hit(report.head)
