from __future__ import annotations

from govlint.rules.table_identity import IdentityRule


class RowTotal(IdentityRule):
    """A row of table 三: 总计 is not the sum of the applicant columns.

    ## What it checks
    Every row of table 三 has seven numbers: 自然人, then 法人或其他组织 as 商业企业, 科研机构,
    社会公益组织, 法律服务机构, 其他, then 总计. 总计 must equal the sum of the six. A row
    read from a flattened digit run (`640020470`) was split using this identity, so it is not
    reported as checked.

    ## Why
    The 总计 column is what readers and evaluators compare; a row total that is not the sum
    of its parts makes the row meaningless.

    ## Bad example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    | 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
    | 一、本年新收政府信息公开申请数量 | 20 | 1 | 0 | 0 | 0 | 0 | 20 |
    | 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    | （一）予以公开 | 20 | 1 | 0 | 0 | 0 | 0 | 21 |
    ```

    ## Good example
    ```text
    某县人民政府2023年政府信息公开工作年度报告
    | 申请人情况 | 自然人 | 商业企业 | 科研机构 | 社会公益组织 | 法律服务机构 | 其他 | 总计 |
    | 一、本年新收政府信息公开申请数量 | 20 | 1 | 0 | 0 | 0 | 0 | 21 |
    | 二、上年结转政府信息公开申请数量 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |
    | （一）予以公开 | 20 | 1 | 0 | 0 | 0 | 0 | 21 |
    ```
    """

    id = "GL212"
    name = "row-total"
    identity = "ID-3"
    table = "三"
    summary = {"zh": "行总计 ≠ 各类申请人之和", "en": "row total ≠ sum of the applicant columns"}
