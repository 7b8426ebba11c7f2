"""Built-in rules, registered through the same plugin hook as third-party rules."""

from __future__ import annotations

from govlint.hookspecs import hookimpl
from govlint.rules.base import Diagnostic, Hit, Rule

__all__ = ["Diagnostic", "Hit", "Rule"]


@hookimpl
def govlint_rules():
    # Imported here, not at module level: the CLI only pays for rules when it runs them.
    from govlint.rules import (
        gl005_unassessable,
        gl101_missing_section,
        gl103_numbering,
        gl104_declared_structure,
        gl105_missing_attachment,
        gl106_title,
        gl107_missing_table,
        gl108_template_version,
        gl201_table_schema,
        gl202_cell_not_number,
        gl203_cell_blank,
        gl204_negative_value,
        gl210_balance,
        gl211_results_sum,
        gl212_row_total,
        gl213_review_litigation_sum,
        gl214_fee_unit,
        gl302_percentage_mismatch,
        gl303_text_table_mismatch,
        gl304_text_table_contradiction,
        gl305_vague_figure,
        gl401_placeholder_year,
        gl402_malformed_date,
        gl403_statistics_period,
        gl502_government_accountability,
        gl601_legacy_table_sum,
        gl701_pinyin_residue,
        gl702_traditional_script,
        gl703_web_residue,
        gl704_template_placeholder,
        gl705_encoding_damage,
        gl706_markup_residue,
        gl707_repeated_text,
        gl708_unbalanced_brackets,
        gl709_halfwidth_punctuation,
    )

    return [
        gl005_unassessable.Unassessable,
        gl103_numbering.Numbering,
        gl104_declared_structure.DeclaredStructure,
        gl105_missing_attachment.MissingAttachment,
        gl106_title.Title,
        gl107_missing_table.MissingTable,
        gl108_template_version.TemplateVersion,
        gl201_table_schema.TableSchema,
        gl202_cell_not_number.CellNotNumber,
        gl203_cell_blank.CellBlank,
        gl204_negative_value.NegativeValue,
        gl210_balance.Balance,
        gl211_results_sum.ResultsSum,
        gl212_row_total.RowTotal,
        gl213_review_litigation_sum.ReviewLitigationSum,
        gl214_fee_unit.FeeUnit,
        gl302_percentage_mismatch.PercentageMismatch,
        gl303_text_table_mismatch.TextTableMismatch,
        gl305_vague_figure.VagueFigure,
        gl304_text_table_contradiction.TextTableContradiction,
        gl101_missing_section.MissingSection,
        gl401_placeholder_year.PlaceholderYear,
        gl402_malformed_date.MalformedDate,
        gl403_statistics_period.StatisticsPeriod,
        gl502_government_accountability.GovernmentAccountability,
        gl601_legacy_table_sum.LegacyTableSum,
        gl701_pinyin_residue.PinyinResidue,
        gl702_traditional_script.TraditionalScript,
        gl703_web_residue.WebResidue,
        gl704_template_placeholder.TemplatePlaceholder,
        gl705_encoding_damage.EncodingDamage,
        gl706_markup_residue.MarkupResidue,
        gl707_repeated_text.RepeatedText,
        gl708_unbalanced_brackets.UnbalancedBrackets,
        gl709_halfwidth_punctuation.HalfwidthPunctuation,
    ]
