"""``govlint tables``: the template tables as govlint read them, one rich table each."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

TEXTS = {
    "zh": {
        "none": "未识别到表二、三、四",
        "unreadable": "无法读取",
        "row": "行",
        "at": "位置",
        "decoded": "由数字串按 {ids} 拆分",
        "schema": "结构问题",
        "cells": "数值",
    },
    "en": {
        "none": "no table 二/三/四 recognised",
        "unreadable": "unreadable",
        "row": "row",
        "at": "at",
        "decoded": "split from a digit run by {ids}",
        "schema": "layout issues",
        "cells": "values",
    },
}


def print_tables(results, lang: str) -> None:
    console = Console(highlight=False)
    words = TEXTS[lang]
    for result in results:
        console.print(f"[bold]{result.path}[/bold]")
        if result.findings and result.tables is None:
            for finding in result.findings:
                console.print(f"  {finding.rule} {finding.message[lang]}")
            continue
        if not result.tables:
            console.print(f"  {words['none']}")
            continue
        for table in result.tables:
            console.print(_table(table, words))
            if table["schema"]:
                issues = ", ".join(
                    f"{s['issue']} {s['row'] or s['found']}" for s in table["schema"]
                )
                console.print(f"  {words['schema']}: {issues}")


def _table(data, words) -> Table:
    title = f"表{data['table']}  {data['variant']}  {data['form']}  {data['at']}"
    table = Table(title=title, title_justify="left")
    table.add_column(words["row"])
    table.add_column(words["at"])
    layouts = {tuple(c["column"] for c in r["cells"]) for r in data["rows"] if r["cells"]}
    uniform = len(layouts) == 1
    columns = list(next(iter(layouts))) if uniform else [words["cells"]]
    for name in columns:
        table.add_column(name, justify="right" if uniform else "left")
    for row in data["rows"]:
        if row["cells"] is None:
            note = row.get("problem", words["unreadable"])
            table.add_row(row["row"], row["at"], f"[yellow]{note}[/yellow]")
            continue
        cells = [c["text"] if c["value"] is None else str(c["value"]) for c in row["cells"]]
        if not uniform:
            names = (c["column"] for c in row["cells"])
            cells = ["  ".join(f"{n} {v}" for n, v in zip(names, cells, strict=True))]
        label = row["row"]
        if row.get("decoded_by"):
            label += " *"
        table.add_row(label, row["at"], *cells)
    return table
