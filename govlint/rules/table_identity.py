"""What the table rules share: walking the cells read (GL202–GL204), and evaluating one
identity of ``template_tables`` on the tables (GL210–GL213).

Each identity rule names its identity; the equations come from the template data, the cells from
the model. An equation with a blank cell is left to GL005 (unless ``blank-as-zero``); one
whose cells were split using that very identity is not reported as checked.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import ClassVar

from govlint.findings import Severity
from govlint.model import Report
from govlint.model.national import CellRead, Evaluation, RowRead, TableRead, evaluate
from govlint.rules.base import Hit, Rule
from govlint.template_tables import equations

T19_T21 = frozenset({"T19", "T21"})


def table_cells(report: Report) -> Iterator[tuple[TableRead, RowRead, CellRead]]:
    """Every cell read from tables 二、三、四, in table and row order."""
    for table in report.national.tables.values():
        for row in table.rows.values():
            for cell in row.cells or ():
                yield table, row, cell


def cell_args(table: TableRead, row: RowRead, cell: CellRead) -> dict[str, object]:
    """Message arguments naming a cell: ``table``, ``row``, ``column`` and its ``text``."""
    return {
        "table": table.spec.names,
        "row": row.spec.short,
        "column": (cell.column.zh, cell.column.en),
        "text": cell.text,
    }


def fmt(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def expression(cells) -> str:
    """``10+1+0+0 = 11``, or just ``0`` for one cell."""
    total = fmt(sum(c.value or 0 for c in cells))
    if len(cells) == 1:
        return total
    return "+".join(fmt(c.value or 0) for c in cells) + " = " + total


class IdentityRule(Rule):
    identity: ClassVar[str]
    table: ClassVar[str]
    severity = Severity.ERROR
    applies = T19_T21
    messages = {
        "default": (
            "{where}：{left}，{right}，差 {diff}",
            "{where}: {left}, {right}, difference {diff}",
        )
    }

    def check(self, report: Report) -> Iterable[Hit]:
        table = report.national.get(self.table)
        if table is None:
            return
        blank_as_zero = bool(self.options.get("blank_as_zero"))
        for equation in equations(table.spec):
            if equation.identity != self.identity:
                continue
            result = evaluate(table, equation, blank_as_zero)
            if result is None or not result.assessable or result.holds:
                continue
            yield self.hit(result)

    def hit(self, result: Evaluation) -> Hit:
        eq = result.equation
        left, right = result.total(result.left), result.total(result.right)
        refs = (*eq.left, *eq.right)
        at = (*result.left, *result.right)[refs.index(eq.at)]
        (lzh, len_), (rzh, ren) = eq.names
        lhs, rhs = expression(result.left), expression(result.right)
        return Hit(
            at.span,
            args={
                "where": eq.where,
                "left": (f"{lzh} = {lhs}", f"{len_} = {lhs}"),
                "right": (f"{rzh} = {rhs}", f"{ren} = {rhs}"),
                "diff": fmt(abs(left - right)),
            },
        )
