"""HTML, Word and PDF inputs: extraction, positions in the original file, bad files."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from conftest import FIXTURES, brief, run_cli

from govlint.engine import CliSettings, Engine
from govlint.findings import Span
from govlint.plugins import build_registry
from govlint.sources import SourceError
from govlint.sources import html as html_source
from govlint.sources import pdf as pdf_source
from govlint.sources.docx import read_docx_file
from govlint.sources.pdf import read_pdf_file

HTML_FIXTURE = FIXTURES / "html" / "word-pasted-2012.html"
# rule@line:column in the .html file, and the original text found there
HTML_EXPECTED = [
    ("GL703@11:20", "您当前所在位置"),
    ("GL703@12:28", "关怀版"),
    ("GL703@14:17", "访问量"),
    ("GL401@19:120", "年7月"),
    ("GL706@19:132", "&amp;nbsp;"),
    ("GL601@34:38", "3</td>"),
    ("GL703@40:24", "【打印本页】"),
    ("GL703@40:43", "版权所有"),
]


def check(path: Path, select=None):
    engine = Engine(build_registry(load_entry_points=False), CliSettings(select=select))
    return engine.check_file(path, path.name).findings


# -- HTML ---------------------------------------------------------------------------------
def test_html_findings_point_into_the_html_file():
    findings = check(HTML_FIXTURE)
    assert brief(findings) == [where for where, _ in HTML_EXPECTED]
    lines = HTML_FIXTURE.read_text(encoding="utf-8").splitlines()
    for finding, (_, original) in zip(findings, HTML_EXPECTED, strict=True):
        line = lines[finding.location.line - 1]
        assert line[finding.location.column - 1 :].startswith(original), finding


def test_html_text_is_what_a_reader_sees():
    source = html_source.read_html_file(HTML_FIXTURE, "x.html")
    lines = source.text.splitlines()
    # Word-pasted: the year split over <font>/<span> across a source line break reads whole.
    assert "本报告中所列数据的统计期限自2012年1月1日起至2012年12月31日止。" in lines
    # Conditional comments and <o:p> vanish; <br> breaks the line.
    assert lines[lines.index("一、主动公开政府信息情况") + 1].startswith(
        "全年主动公开政府信息860条"
    )
    assert "存在的问题是公开深度不够，部分栏目更新不及时。" in lines
    # <head>, <title>, <script>, <style> and <nav> are dropped.
    for dropped in ("不是正文", "白鹭县人民政府</", "margin", "政务公开"):
        assert dropped not in source.text
    assert "| 受理依申请公开总数 | 件 | 3 |" in lines


def test_html_table_grid_expands_rowspan_and_colspan():
    source = html_source.extract(
        "<table><tr><td rowspan=2>信息内容</td><td colspan=2>本年</td></tr>"
        "<tr><td>制发</td><td>废止</td></tr><tr><td>规章</td><td>0</td><td>5</td></tr></table>",
        "t.html",
    )
    (table,) = source.tables
    cells = [[table.cell_text(source.text, r, c) for c in range(3)] for r in range(3)]
    assert cells == [["信息内容", "本年", "本年"], ["信息内容", "制发", "废止"], ["规章", "0", "5"]]
    assert table.grid[0][0] is table.grid[1][0]
    # The text has every cell once: no finding is reported twice for a merged cell.
    assert source.text.splitlines() == [
        "| 信息内容 | 本年 |",
        "| 制发 | 废止 |",
        "| 规章 | 0 | 5 |",
    ]


def test_a_layout_table_of_one_cell_keeps_its_paragraphs():
    source = html_source.extract(
        "<table><tr><td><p>一、总体情况</p><p>正文。</p></td></tr></table>", "t.html"
    )
    assert source.text.splitlines() == ["一、总体情况", "正文。"]
    assert source.tables == []


def test_entities_point_at_the_entity():
    raw = "<p>甲&nbsp;乙&lt;丙</p>"
    source = html_source.extract(raw, "t.html")
    assert source.text == "甲\xa0乙<丙\n"
    assert source.locate(Span(4, 5)).column == raw.index("丙") + 1
    assert source.locate(Span(3, 4)).column == raw.index("&lt;") + 1


def test_gbk_page_with_meta_charset(tmp_path):
    text = HTML_FIXTURE.read_text(encoding="utf-8").replace("charset=utf-8", "charset=gb2312")
    path = tmp_path / "gbk.html"
    path.write_bytes(text.encode("gbk"))
    assert brief(check(path)) == [where for where, _ in HTML_EXPECTED]


def test_page_that_lies_about_its_charset_is_detected(tmp_path):
    path = tmp_path / "lies.html"
    text = HTML_FIXTURE.read_text(encoding="utf-8")  # says utf-8 ...
    path.write_bytes(text.encode("gb18030"))  # ... is GBK
    source = html_source.read_html_file(path, "lies.html")
    assert source.encoding == "gb18030"
    assert "白鹭县2012年政府信息公开工作年度报告" in source.text


def test_big5_page(tmp_path):
    path = tmp_path / "big5.html"
    page = '<meta charset="big5"><p>當前位置：首頁 &gt; 政府資訊公開</p><p>某縣政府資訊公開年度報告</p>'
    path.write_bytes(page.encode("big5"))
    findings = check(path, select=("GL703",))
    assert brief(findings) == ["GL703@1:25"]


# -- the same report as .txt, .html and .docx ------------------------------------------
REPORT = [
    "您当前所在位置：首页 > 政府信息公开年报",
    "白鹭县2012年政府信息公开工作年度报告",
    "访问量：",
    "本报告中所列数据的统计期限自2012年1月1日起至2012年12月31日止。",
    "一、主动公开政府信息情况",
    "全年主动公开政府信息860条，自年7月起全部在网站发布。&nbsp;",
    "二、依申请公开政府信息和不予公开政府信息情况",
    "全年受理政府信息公开申请3件，均已按时\ufffd\ufffd答复。",
    "三、政府信息公开的收费及减免情况",
    "未收取任何费用。",
    "四、因政府信息公开申请行政复议、提起行政诉讼的情况",
    "未发生行政复议和行政诉讼。",
    "五、存在的主要问题及改进措施",
    "存在的问题是公开深度不够，部分栏目更新不及时。",
    "六、其他需要报告的事项",
    "无。",
    "附件：白鹭县2012年政府信息公开情况统计表",
]
TABLE = [
    ("受理依申请公开总数", "3"),
    ("其中：1、当面申请数", "1"),
    ("2、网上申请数", "1"),
    ("3、信函申请数", "2"),
]
REPORT_RULES = ["GL401", "GL501", "GL601", "GL703", "GL703", "GL705", "GL706"]


def write_txt(path: Path) -> None:
    rows = "\n".join(f"{label}\n{value}" for label, value in TABLE)
    path.write_text("\n".join(REPORT) + "\n" + rows + "\n", encoding="utf-8")


def write_html(path: Path) -> None:
    def word(text: str) -> str:  # Word-pasted: a <span> around every character
        return "".join(f"<span>{html_escape(ch)}</span>" for ch in text)

    def html_escape(text: str) -> str:
        return text.replace("&", "&amp;").replace("<", "&lt;")

    body = "\n".join(f"<p class=MsoNormal>{word(p)}<o:p></o:p></p>" for p in REPORT)
    rows = "".join(f"<tr><td>{label}</td><td>{value}</td></tr>" for label, value in TABLE)
    path.write_text(
        f'<html><head><meta charset="utf-8"><title>年报</title></head><body>{body}'
        f"<table border=1><tr><td colspan=2>统计表</td></tr>{rows}</table></body></html>",
        encoding="utf-8",
    )


def write_docx(path: Path) -> None:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    for paragraph in REPORT:
        document.add_paragraph(paragraph)
    table = document.add_table(rows=len(TABLE) + 1, cols=2)
    table.cell(0, 0).merge(table.cell(0, 1)).text = "统计表"
    for r, (label, value) in enumerate(TABLE, start=1):
        table.cell(r, 0).text = label
        table.cell(r, 1).text = value
    document.save(path)


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx"])
def test_the_same_report_gives_the_same_rules_in_every_format(tmp_path, suffix):
    path = tmp_path / f"report{suffix}"
    {".txt": write_txt, ".html": write_html, ".docx": write_docx}[suffix](path)
    assert sorted(f.rule for f in check(path)) == REPORT_RULES


def test_docx_locations_are_paragraphs_and_cells(tmp_path):
    path = tmp_path / "report.docx"
    write_docx(path)
    findings = {f.rule: f.location for f in check(path)}
    # Paragraphs are numbered from 1 in document order; GL401 points at the 年.
    assert (findings["GL401"].line, findings["GL401"].column) == (6, 17)
    assert findings["GL401"].paragraph == 6 and findings["GL401"].cell is None
    assert (findings["GL705"].line, findings["GL705"].column) == (8, 20)
    # The merged header is one paragraph (18); the total's value is paragraph 20, table 1,
    # row 2, cell 2.
    total = findings["GL601"]
    assert (total.line, total.column, total.paragraph, total.cell) == (20, 1, 20, (1, 2, 2))
    assert total.place("en") == "table 1, row 2, cell 2, paragraph 20"
    assert total.place("zh") == "表格 1 第 2 行第 2 格，第 20 段"


def test_docx_merged_cells_appear_once(tmp_path):
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("统计表")
    table = document.add_table(rows=3, cols=3)
    table.cell(0, 0).merge(table.cell(0, 2)).text = "三、本年度办理结果"
    table.cell(1, 0).merge(table.cell(2, 0)).text = "（一）予以公开"
    for r in (1, 2):
        table.cell(r, 1).text = f"第{r}项"
        table.cell(r, 2).text = str(r)
    path = tmp_path / "merged.docx"
    document.save(path)
    source = read_docx_file(path, "merged.docx")
    assert source.text.splitlines() == [
        "统计表",
        "| 三、本年度办理结果 |",
        "| （一）予以公开 | 第1项 | 1 |",
        "| 第2项 | 2 |",
    ]
    (grid_table,) = source.tables
    assert grid_table.grid[0][0] is grid_table.grid[0][2]
    assert grid_table.grid[1][0] is grid_table.grid[2][0]
    assert grid_table.cell_text(source.text, 2, 0) == "（一）予以公开"


# -- PDF ----------------------------------------------------------------------------------
CORPUS = ["huaian-city-2024", "huaian-hongze-2023", "huaian-hongze-2024"]


@pytest.mark.parametrize("name", CORPUS)
def test_real_pdfs_read_like_their_text_extracts(shared, name):
    pytest.importorskip("pypdf")
    source = read_pdf_file(shared / "corpus" / "pdf" / f"{name}.pdf", f"{name}.pdf")
    extract = (shared / "corpus" / f"{name}.pdf-extract.txt").read_text(encoding="utf-8")

    def prose(text: str) -> set[str]:
        return {re.sub(r"\s+", "", line) for line in text.splitlines() if re.search("[。，]", line)}

    expected = prose(extract)
    assert len(prose(source.text) & expected) >= 0.95 * len(expected)
    # Page-number footers (- 1 -, -2-) are gone from the text but counted in positions.
    assert not re.search(r"^\s*[-—]\s*\d+\s*[-—]\s*$", source.text, re.M)
    assert re.search(r"^\s*-\s*1\s*-\s*$", extract, re.M)


def test_pdf_positions_are_page_and_line(shared):
    pytest.importorskip("pypdf")
    source = read_pdf_file(shared / "corpus" / "pdf" / "huaian-hongze-2023.pdf", "x.pdf")
    at = source.text.index("二、主动公开政府信息情况")
    location = source.locate(Span(at, at + 12))
    assert (location.page, location.page_line, location.column) == (2, 14, 1)
    assert location.place("zh") == "第 2 页第 14 行"
    # The first line of page 2 follows the footer "-1-", the last line of page 1.
    at = source.text.index("级审核")
    assert source.locate(Span(at, at + 3)).page_line == 1


@pytest.mark.parametrize("name", CORPUS)
def test_real_pdfs_check_with_their_facts(shared, name):
    """Checked as PDF, the corpus reports give what their text extracts give (test_tables)."""
    pytest.importorskip("pypdf")
    result = run_cli("check", "--format", "json", str(shared / "corpus" / "pdf" / f"{name}.pdf"))
    document = json.loads(result.stdout)
    expected = {
        "huaian-city-2024": ["GL305", "GL502"],  # 5500 余条 (info); no 考核/评议/追责
        "huaian-hongze-2023": ["GL108", "GL201", "GL213", "GL213", "GL502"],
        "huaian-hongze-2024": ["GL108", "GL201", "GL502"],
    }[name]
    assert sorted(f["rule"] for f in document["findings"]) == expected
    facts = document["files"][0]["facts"]
    assert facts["regime"]["value"] == "T21"
    assert facts["year"]["value"] == int(name[-4:])
    assert facts["statistics_period"]["start"] == f"{name[-4:]}-01-01"
    assert len(facts["sections"]) == 6


def test_pdf_footers_and_running_headers_are_removed():
    pages = [["某县人民政府办公室文件", f"正文第{n}页。", f"— {n} —"] for n in range(1, 5)] + [
        ["某县人民政府办公室文件", "第 5 页 共 5 页"]
    ]
    source = pdf_source.build(pages, "x.pdf")
    assert source.text.splitlines() == [f"正文第{n}页。" for n in range(1, 5)]
    at = source.text.index("正文第3页")
    assert source.locate(Span(at, at + 1)).page == 3
    assert source.locate(Span(at, at + 1)).page_line == 2


# -- bad files ----------------------------------------------------------------------------
def test_corrupt_word_and_pdf_files_are_one_gl001_each(tmp_path):
    good = tmp_path / "good.docx"
    write_docx(good)
    (tmp_path / "truncated.docx").write_bytes(good.read_bytes()[:1000])
    (tmp_path / "random.pdf").write_bytes(bytes(range(256)) * 8)
    (tmp_path / "truncated.pdf").write_bytes(b"%PDF-1.7\n1 0 obj << /Type /Catalog")
    (tmp_path / "empty.html").write_text("<html><body><script>x()</script></body></html>")
    result = run_cli("check", str(tmp_path), "--format", "json", "--lang", "en", "--select", "GL0")
    findings = json.loads(result.stdout)["findings"]
    by_file = Counter(Path(f["path"]).name for f in findings)
    assert by_file == {"truncated.docx": 1, "random.pdf": 1, "truncated.pdf": 1, "empty.html": 1}
    messages = {Path(f["path"]).name: f["message"] for f in findings}
    assert messages["random.pdf"] == "unreadable: not a PDF file (no %PDF header)"
    assert messages["empty.html"] == "unreadable: the page has no body text"
    assert messages["truncated.docx"].startswith("unreadable: not a valid Word document (")
    assert messages["truncated.pdf"].startswith("unreadable: damaged or unreadable PDF (")
    assert "Traceback" not in result.stderr


def test_html_that_is_not_html_is_an_error(tmp_path):
    path = tmp_path / "x.html"
    path.write_bytes(b"\x00\x01\x02" * 100)
    with pytest.raises(SourceError):
        html_source.read_html_file(path, "x.html")


def test_web_residue_is_not_the_title(tmp_path):
    page = (
        "<div>您当前所在位置：首页 &gt; 某县2023年政府信息公开工作年度报告</div>"
        "<p>部门：某县人民政府办公室 | 发布日期：2024-01-20 | 来源：某县人民政府</p>"
        "<h1>某县人民政府2023年政府信息公开工作年度报告</h1><p>一、总体情况</p><p>正文。</p>"
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    result = run_cli("check", str(path), "--format", "json", "--select", "GL703")
    document = json.loads(result.stdout)
    assert (
        document["files"][0]["facts"]["title"]["value"]
        == "某县人民政府2023年政府信息公开工作年度报告"
    )
    assert document["files"][0]["facts"]["sections"] == ["一、总体情况"]
    assert [(f["rule"], f["line"], f["column"]) for f in document["findings"]] == [
        ("GL703", 1, 6),
        ("GL703", 1, 50),
    ]
