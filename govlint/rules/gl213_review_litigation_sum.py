from __future__ import annotations

from govlint.rules.table_identity import IdentityRule


class ReviewLitigationSum(IdentityRule):
    """Table 四: a group's 总计 is not 结果维持 + 结果纠正 + 其他结果 + 尚未审结.

    ## What it checks
    Table 四 (政府信息公开行政复议、行政诉讼情况) has fifteen numbers in three groups of
    five — 行政复议, 行政诉讼 未经复议直接起诉, 行政诉讼 复议后起诉 — each 结果维持, 结果纠正,
    其他结果, 尚未审结, 总计. In each group the 总计 must be the sum of the four outcomes.

    ## Why
    国办公开办函〔2019〕60号/〔2021〕30号 table 四; a total of 0 next to ten upheld cases
    (a common slip) hides every review and lawsuit from a reader who looks at the totals.

    ## Bad example
    ```text
    某区人民政府2023年政府信息公开工作年度报告
    四、政府信息公开行政复议、行政诉讼情况
    行政复议 行政诉讼
    结果维持 结果纠正 其他结果 尚未审结 总计
    10 1 0 0 0 0 0 0 0 0 5 0 0 0 0
    ```

    ## Good example
    ```text
    某区人民政府2023年政府信息公开工作年度报告
    四、政府信息公开行政复议、行政诉讼情况
    行政复议 行政诉讼
    结果维持 结果纠正 其他结果 尚未审结 总计
    10 1 0 0 11 0 0 0 0 0 5 0 0 0 5
    ```
    """

    id = "GL213"
    name = "review-litigation-sum"
    identity = "ID-4"
    table = "四"
    summary = {
        "zh": "表四总计 ≠ 维持+纠正+其他+尚未审结",
        "en": "table 4 total ≠ upheld + corrected + other + pending",
    }
