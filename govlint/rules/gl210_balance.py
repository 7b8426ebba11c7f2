from __future__ import annotations

from govlint.rules.table_identity import IdentityRule


class Balance(IdentityRule):
    """A column of table 三 does not balance: 一 + 二 ≠ (七)总计 + 四.

    ## What it checks
    In table 三 (收到和处理政府信息公开申请情况) of the T19 and T21 templates, every column
    (自然人, each kind of 法人或其他组织, 总计) must satisfy the note printed in the table
    itself: 第一项加第二项之和，等于第三项加第四项之和 — requests received this year plus
    those carried over equal those handled plus those carried forward. The message gives
    both sides, their values and the difference, in the column named.

    ## Why
    国办公开办函〔2019〕60号 and 〔2021〕30号 print this identity in the table. A column that
    doesn't balance means a request was lost or counted twice.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    | 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
    | --- | --- | --- | --- | --- | --- | --- | --- |
    | 一、本年新收政府信息公开申请数量 | 20 | 1 | 0 | 0 | 0 | 0 | 21 |
    | 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
    | （七）总计 | 20 | 1 | 0 | 0 | 0 | 0 | 21 |
    | 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    | 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
    | --- | --- | --- | --- | --- | --- | --- | --- |
    | 一、本年新收政府信息公开申请数量 | 20 | 1 | 0 | 0 | 0 | 0 | 21 |
    | 二、上年结转政府信息公开申请数量 | 2 | 0 | 0 | 0 | 0 | 0 | 2 |
    | （七）总计 | 21 | 1 | 0 | 0 | 0 | 0 | 22 |
    | 四、结转下年度继续办理 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |
    ```
    """

    id = "GL210"
    name = "balance"
    identity = "ID-1"
    table = "三"
    summary = {
        "zh": "一、本年新收 + 二、上年结转 ≠ (七)总计 + 四、结转下年度",
        "en": "new + carried over ≠ total handled + carried forward",
    }
