"""What GL210–GL213 share: evaluate one identity of ``template_tables`` on the tables read.

Each rule names its identity; the equations come from the template data, the cells from
the model. An equation with a blank cell is left to GL005 (unless ``blank-as-zero``); one
whose cells were split using that very identity is not reported as checked.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from govlint.findings import Severity
from govlint.model import Report
from govlint.model.national import Evaluation, evaluate
from govlint.rules.base import Hit, Rule
from govlint.template_tables import equations

T19_T21 = frozenset({"T19", "T21"})


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
