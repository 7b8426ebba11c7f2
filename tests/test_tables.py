"""Tables 二、三、四 of the national template, in every form they arrive in.

The fixtures (``tests/fixtures/tables``, written by ``generate.py``) are one T21 report
(2023) and one T19 report (2020), each as Markdown, HTML, PDF-style layout text and
flattened text. Every clean fixture is read completely and has no GL1xx–GL3xx finding;
each defect below changes one thing and must give exactly the findings listed, at the
line:column of the changed text.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from conftest import check_text, run_cli

from govlint.model.national import _decode
from govlint.template_tables import TABLES

FIXTURES = Path(__file__).parent / "fixtures" / "tables"
FORMS = ("md", "html", "pdf.txt", "flat.txt")
REPORTS = {"t21-2023": ("T21", 25), "t19-2020": ("T19", 23)}


def read(name: str) -> str:
    return (FIXTURES / name).read_text(encoding="utf-8")


def at(text: str, needle: str, after: str = "") -> str:
    """``line:column`` (1-based) of ``needle``, the first one after ``after``."""
    start = text.index(after) if after else 0
    offset = text.index(needle, start)
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"{line}:{column}"


def findings(tmp_path, text: str, suffix: str) -> list[str]:
    """``RULE@line:col`` of the table-related findings (GL005, GL1xx–GL3xx)."""
    found = check_text(tmp_path, text, name=f"report.{suffix}")
    return sorted(
        f"{f.rule}@{f.location.line}:{f.location.column}"
        for f in found
        if f.rule == "GL005" or f.rule[2] in "123"
    )


# -- clean fixtures -----------------------------------------------------------------------
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("report", REPORTS)
def test_clean_fixture_is_read_completely_and_has_no_table_finding(tmp_path, report, form):
    name = f"{report}.{form}"
    assert findings(tmp_path, read(name), form) == []
    result = run_cli("tables", "--format", "json", str(FIXTURES / name))
    tables = {t["table"]: t for t in json.loads(result.stdout)[0]["tables"]}
    variant, rows = REPORTS[report]
    assert sorted(tables) == ["三", "二", "四"]
    assert tables["三"]["variant"] == tables["二"]["variant"] == variant
    assert len(tables["三"]["rows"]) == rows
    assert len(tables["二"]["rows"]) == (6 if variant == "T21" else 8)
    for table in tables.values():
        assert all(row["cells"] is not None for row in table["rows"]), table
        assert table["schema"] == []
    expected_form = {"md": "pipe", "html": "pipe", "pdf.txt": "text", "flat.txt": "flattened"}
    assert tables["三"]["form"] == expected_form[form]
    carried_forward = tables["三"]["rows"][-1]
    assert [c["value"] for c in carried_forward["cells"]] == [13, 0, 0, 0, 0, 1, 14]
    assert [c["value"] for c in tables["四"]["rows"][0]["cells"]] == [
        *(5, 2, 1, 1, 9),
        *(1, 0, 0, 1, 2),
        *(2, 1, 0, 0, 3),
    ]


def test_cell_positions_are_those_of_the_original_file():
    result = run_cli("tables", "--format", "json", str(FIXTURES / "t21-2023.html"))
    table3 = next(t for t in json.loads(result.stdout)[0]["tables"] if t["table"] == "三")
    text = read("t21-2023.html")
    total = next(r for r in table3["rows"] if r["row"] == "(七)总计")
    assert total["at"] == at(text, "（七）总计")
    assert total["cells"][-1]["at"] == at(text, "124", "（七）总计")


def test_flattened_rows_are_split_by_their_own_identities():
    result = run_cli("tables", "--format", "json", str(FIXTURES / "t21-2023.flat.txt"))
    tables = {t["table"]: t for t in json.loads(result.stdout)[0]["tables"]}
    assert all(row["decoded_by"] == ["ID-3"] for row in tables["三"]["rows"])
    assert tables["四"]["rows"][0]["decoded_by"] == ["ID-4"]


# -- one defect each ----------------------------------------------------------------------
def _mutate(text: str, *pairs: tuple[str, str]) -> str:
    for old, new in pairs:
        assert text.count(old) == 1, (old, text.count(old))
        text = text.replace(old, new)
    return text


TABLE4_ROW = {
    "md": ("| 5 | 2 | 1 | 1 | 9 |", "| 5 | 2 | 1 | 1 | 8 |", "8 |"),
    "html": ("<td>1</td><td>9</td><td>1</td>", "<td>1</td><td>8</td><td>1</td>", "8<"),
    "pdf.txt": ("5 2 1 1 9 1 0 0 1 2 2 1 0 0 3", "5 2 1 1 8 1 0 0 1 2 2 1 0 0 3", "8 1 0 0"),
}


@pytest.mark.parametrize("form", list(TABLE4_ROW))
def test_review_total_off_is_gl213(tmp_path, form):
    old, new, needle = TABLE4_ROW[form]
    text = _mutate(read(f"t21-2023.{form}"), (old, new))
    assert findings(tmp_path, text, form) == [f"GL213@{at(text, needle, new)}"]


def test_flattened_table4_that_no_split_satisfies_is_gl005_not_gl213(tmp_path):
    text = _mutate(read("t21-2023.flat.txt"), ("521191001221003", "521181001221003"))
    assert findings(tmp_path, text, "flat.txt") == [f"GL005@{at(text, '521181001221003')}"]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("report", REPORTS)
def test_corrupted_label_is_gl201(tmp_path, report, form):
    text = _mutate(read(f"{report}.{form}"), ("2.其他法律行政法规禁止公开", "2.其他法律行政止公开"))
    assert findings(tmp_path, text, form) == [f"GL201@{at(text, '2.其他法律行政止公开')}"]


CARRIED = {
    "md": (
        "| 二、上年结转政府信息公开申请数量 | 8 | 1 | 0 | 0 | 0 | 0 | 9 |",
        "| 9 | 1 | 0 | 0 | 0 | 0 | 10 |",
    ),
    "pdf.txt": ("二、上年结转政府信息公开申请数量 8 1 0 0 0 0 9", " 9 1 0 0 0 0 10"),
    "flat.txt": ("二、上年结转政府信息公开申请数量8100009", "91000010"),
}


@pytest.mark.parametrize("form", list(CARRIED))
def test_unbalanced_columns_are_gl210_in_the_column_named(tmp_path, form):
    old, values = CARRIED[form]
    new = old[: old.index("数量") + 2] + values
    text = _mutate(read(f"t21-2023.{form}"), (old, new), ("上年结转9件", "上年结转10件"))
    checked = check_text(tmp_path, text, name=f"r.{form}", select=("GL210",))
    assert [f"{f.rule}@{f.location.line}:{f.location.column}" for f in checked] == [
        f"GL210@{at(text, '115', '（七）总计')}",  # 自然人
        f"GL210@{at(text, '124', '（七）总计')}",  # 总计
    ]
    assert checked[0].message["zh"] == (
        "自然人：一+二 = 120+9 = 129，(七)总计+四 = 115+13 = 128，差 1"
    )


def test_row_total_off_is_gl212_and_the_results_sum_gl211(tmp_path):
    text = _mutate(
        read("t21-2023.pdf.txt"),
        ("（一）予以公开 60 3 1 0 2 0 66", "（一）予以公开 60 3 1 0 2 0 67"),
    )
    assert findings(tmp_path, text, "pdf.txt") == sorted(
        [f"GL212@{at(text, '67', '（一）予以公开')}", f"GL211@{at(text, '124', '（七）总计')}"]
    )


def test_t19_single_other_row_counts_in_the_results_sum(tmp_path):
    text = _mutate(
        read("t19-2020.pdf.txt"), ("（六）其他处理 5 0 0 0 0 0 5", "（六）其他处理 6 0 0 0 0 0 6")
    )
    total = "（七）总计 "
    assert findings(tmp_path, text, "pdf.txt") == sorted(
        [f"GL211@{at(text, '115', total)}", f"GL211@{at(text, '124', total)}"]
    )


@pytest.mark.parametrize("form", FORMS)
def test_prose_figure_differing_from_the_table_is_gl303(tmp_path, form):
    text = _mutate(
        read(f"t21-2023.{form}"), ("本年新收政府信息公开申请129件", "本年新收政府信息公开申请130件")
    )
    assert findings(tmp_path, text, form) == [f"GL303@{at(text, '新收政府信息公开申请130件')}"]


@pytest.mark.parametrize("form", FORMS)
def test_prose_denying_the_reviews_of_table4_is_gl304(tmp_path, form):
    text = _mutate(
        read(f"t19-2020.{form}"),
        ("存在的主要问题是", "本年度未发生政府信息公开行政复议案件。存在的主要问题是"),
    )
    assert findings(tmp_path, text, form) == [f"GL304@{at(text, '未发生政府信息公开行政复议')}"]


NOT_A_NUMBER = {
    "md": ("| 8.属于行政查询事项 | 0 |", "| 8.属于行政查询事项 | — |"),
    "html": ("<td>8.属于行政查询事项</td><td>0</td>", "<td>8.属于行政查询事项</td><td>—</td>"),
    "pdf.txt": ("8.属于行政查询事项 0", "8.属于行政查询事项 —"),
}


@pytest.mark.parametrize("form", list(NOT_A_NUMBER))
def test_dash_cell_is_gl202(tmp_path, form):
    text = _mutate(read(f"t21-2023.{form}"), NOT_A_NUMBER[form])
    assert findings(tmp_path, text, form) == [f"GL202@{at(text, '—')}"]


@pytest.mark.parametrize(
    ("form", "old", "new"),
    [
        ("md", "| 8.属于行政查询事项 | 0 |", "| 8.属于行政查询事项 |  |"),
        (
            "html",
            "<td>8.属于行政查询事项</td><td>0</td>",
            "<td>8.属于行政查询事项</td><td>&nbsp;</td>",
        ),
    ],
)
def test_blank_cell_is_gl203_and_its_identities_gl005(tmp_path, form, old, new):
    text = _mutate(read(f"t21-2023.{form}"), (old, new))
    if form == "md":  # the blank between the two spaces of "|  |"
        line, column = at(text, "|  |", "8.属于行政查询事项").split(":")
        blank = f"{line}:{int(column) + 2}"
    else:
        blank = at(text, "&nbsp;", "8.属于行政查询事项")
    assert findings(tmp_path, text, form) == [f"GL005@{blank}", f"GL203@{blank}"]
    zero = check_text(tmp_path, text, name=f"r.{form}", select=("GL2",))
    assert [f.rule for f in zero] == ["GL005", "GL203"]


def test_blank_as_zero_counts_blanks_in_the_sums(tmp_path):
    (tmp_path / "govlint.toml").write_text("blank-as-zero = true\n", encoding="utf-8")
    text = _mutate(read("t21-2023.md"), ("| 8.属于行政查询事项 | 0 |", "| 8.属于行政查询事项 |  |"))
    (tmp_path / "r.md").write_text(text, encoding="utf-8")
    result = run_cli("check", "--format", "json", "r.md", cwd=tmp_path)
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["GL203"]


@pytest.mark.parametrize("form", ["md", "pdf.txt"])
def test_section_without_its_table_is_gl107(tmp_path, form):
    text = read(f"t21-2023.{form}")
    header = text.index("行政复议 ", text.index("四、政府信息公开行政复议"))
    start = text.rfind("\n", 0, header) + 1  # the table from its first line
    end = text.rfind("\n", 0, text.index("五、存在的主要问题")) + 1  # to the next heading
    text = text[:start] + "本年度未发生政府信息公开行政复议、行政诉讼案件。\n\n" + text[end:]
    assert findings(tmp_path, text, form) == [f"GL107@{at(text, '四、政府信息公开行政复议')}"]


def test_t21_report_with_the_2019_table3_is_gl108(tmp_path):
    text = read("t21-2023.md")
    rows = re.findall(r"^\| (?:（六）其他处理 )?\d\.(?:申请人|其他 \|).*\n", text, re.M)
    assert len(rows) == 3
    text = text.replace("".join(rows), "| （六）其他处理 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n")
    assert findings(tmp_path, text, "md") == [f"GL108@{at(text, '（六）其他处理 |')}"]


def test_negative_count_is_gl204_but_not_the_2019_change_column(tmp_path):
    text = _mutate(
        read("t21-2023.md"), ("| 行政规范性文件 | 8 | 3 | 6 |", "| 行政规范性文件 | 8 | -3 | 6 |")
    )
    assert findings(tmp_path, text, "md") == [f"GL204@{at(text, '-3')}"]
    assert "| 行政许可 | 120 | -3 | 4472 |" in read("t19-2020.md")  # clean: signed column


def test_fee_in_yuan_is_gl214(tmp_path):
    text = _mutate(
        read("t21-2023.md"), ("| 行政事业性收费 | 96.5 |", "| 行政事业性收费 | 965000元 |")
    )
    assert findings(tmp_path, text, "md") == [f"GL214@{at(text, '965000元')}"]


def test_flattened_row_with_two_valid_splits_is_gl005_never_a_guess(tmp_path):
    splits, _ = _decode(TABLES["三"][0], "110000011", 7)
    assert splits == [["1", "10", "0", "0", "0", "0", "11"], ["11", "0", "0", "0", "0", "0", "11"]]
    old = "4.保护第三方合法权益2100003"
    text = _mutate(read("t21-2023.flat.txt"), (old, "4.保护第三方合法权益110000011"))
    assert findings(tmp_path, text, "flat.txt") == [f"GL005@{at(text, '110000011')}"]
    message = check_text(tmp_path, text, name="r.txt")
    assert any("splits in more than one way" in f.message["en"] for f in message)


# -- the corpus -----------------------------------------------------------------------------
CORPUS_FINDINGS = {
    "huaian-city-2024": [],
    "huaian-hongze-2023": [
        ("GL201", "2.其他法律行政止公开"),
        ("GL108", "（六）其他处理"),
        ("GL213", None),
        ("GL213", None),
    ],
    "huaian-hongze-2024": [("GL201", "2.其他法律行政止公开"), ("GL108", "（六）其他处理")],
}


@pytest.mark.parametrize("name", CORPUS_FINDINGS)
def test_corpus_extracts(shared, name):
    path = shared / "corpus" / f"{name}.pdf-extract.txt"
    table_rules = "GL005,GL107,GL108,GL2,GL303,GL304"
    result = run_cli("check", "--format", "json", "--select", table_rules, str(path))
    found = [
        (f["rule"], f["line"], f["column"], f["message"])
        for f in json.loads(result.stdout)["findings"]
    ]
    assert [f[0] for f in found] == [rule for rule, _ in CORPUS_FINDINGS[name]]
    lines = path.read_text(encoding="utf-8").splitlines()
    for (rule, line, column, _), (_, expected) in zip(found, CORPUS_FINDINGS[name], strict=True):
        if expected is not None:
            assert lines[line - 1][column - 1 :].startswith(expected), (rule, lines[line - 1])
    if name == "huaian-hongze-2023":
        review, after_review = found[2], found[3]
        assert lines[review[1] - 1] == "10 1 0 0 0 0 0 0 0 0 5 0 0 0 0"
        assert (review[2], after_review[2]) == (10, 30)  # the 5th and the 15th number
        assert review[3] == "行政复议：总计 = 0，维持+纠正+其他+尚未审结 = 10+1+0+0 = 11，差 11"
        assert (
            after_review[3] == "复议后起诉：总计 = 0，维持+纠正+其他+尚未审结 = 5+0+0+0 = 5，差 5"
        )


def test_markdown_broken_by_a_pdf_converter_is_still_read(tmp_path):
    """Converters split a long label over two pipe rows and put numbers on a row of their
    own; the table reads the same and stays clean."""
    text = read("t21-2023.md")
    label = (
        "| （二）部分公开（区分处理的，只计这一情形，不计其他情形） | 12 | 2 | 0 | 0 | 0 | 0 | 14 |"
    )
    broken = (
        "| （二）部分公开（区分处理的，只计这一情 | 12 | 2 | 0 | 0 | 0 | 0 | 14 |\n"
        "| 形，不计其他情形） |  |  |  |  |  |  |  |"
    )
    numbers_apart = "| 15 | 0 | 0 | 0 | 0 | 0 | 15 |\n| （四）无法提供 1.本机关不掌握相关政府信息 |  |  |  |  |  |  |  |"
    text = _mutate(
        text,
        (label, broken),
        (
            "| （四）无法提供 1.本机关不掌握相关政府信息 | 15 | 0 | 0 | 0 | 0 | 0 | 15 |",
            numbers_apart,
        ),
    )
    assert findings(tmp_path, text, "md") == []
    path = tmp_path / "broken.md"
    path.write_text(text, encoding="utf-8")
    tables = json.loads(run_cli("tables", "--format", "json", str(path)).stdout)[0]["tables"]
    rows = {r["row"]: r for r in next(t for t in tables if t["table"] == "三")["rows"]}
    assert [c["value"] for c in rows["(二)"]["cells"]] == [12, 2, 0, 0, 0, 0, 14]
    assert [c["value"] for c in rows["(四)1"]["cells"]] == [15, 0, 0, 0, 0, 0, 15]


def write_docx_from_markdown(markdown: str, path: Path) -> None:
    """The Markdown fixture as a Word document: paragraphs, and pipe blocks as real tables
    (the header of table 四 with its 行政复议 cell merged over five columns)."""
    docx = pytest.importorskip("docx")
    document = docx.Document()
    block: list[list[str]] = []

    def flush() -> None:
        if not block:
            return
        width = max(len(r) for r in block)
        table = document.add_table(rows=len(block), cols=width)
        for r, cells in enumerate(block):
            for c, text in enumerate(cells):
                table.cell(r, c).text = text
        if block[0][0] == "行政复议":
            table.cell(0, 0).merge(table.cell(0, 4)).text = "行政复议"
        block.clear()

    for line in markdown.splitlines():
        if line.startswith("|"):
            if not re.fullmatch(r"[|\s:-]+", line):
                block.append([c.strip() for c in line.strip().strip("|").split("|")])
            continue
        flush()
        if line.strip():
            document.add_paragraph(line.lstrip("# "))
    flush()
    document.save(path)


def test_word_tables_are_read_and_located_by_table_row_and_cell(tmp_path):
    clean = tmp_path / "clean.docx"
    write_docx_from_markdown(read("t21-2023.md"), clean)
    result = json.loads(run_cli("check", "--format", "json", str(clean)).stdout)
    assert [f["rule"] for f in result["findings"]] == []
    assert result["files"][0]["facts"]["template_tables"] == ["二", "三", "四"]

    defective = tmp_path / "defective.docx"
    write_docx_from_markdown(
        _mutate(read("t21-2023.md"), TABLE4_ROW["md"][:2]),
        defective,
    )
    found = json.loads(run_cli("check", "--format", "json", str(defective)).stdout)["findings"]
    # Table 四 is the third table; its numbers are on its third row (the header of two
    # rows in Markdown becomes rows 1-2); 行政复议 总计 is the fifth cell, paragraph 306.
    assert [(f["rule"], f["line"], f["column"], f["place"]) for f in found] == [
        ("GL213", 306, 1, "表格 3 第 3 行第 5 格，第 306 段")
    ]
