"""Findings point at the ORIGINAL file: traditional, pinyin-annotated, CRLF, BOM."""

import codecs
from pathlib import Path

from conftest import FIXTURES, brief

from govlint.engine import CliSettings, Engine
from govlint.findings import LineIndex
from govlint.plugins import build_registry


def findings_for(path: Path, select=("GL401", "GL701", "GL702")):
    engine = Engine(build_registry(load_entry_points=False), CliSettings(select=select))
    return engine.check_file(path, path.name).findings


def test_traditional_pinyin_fixture_positions():
    found = findings_for(FIXTURES / "traditional_pinyin.txt")
    # line 1: 根據(jù) — 據 at col 2 is the first traditional character, (jù) at col 3
    # line 3: 年 at col 1 has lost its year; (kāi) after 開 at col 11
    # lines 4 and 5: (dòng) after 動 at col 5
    assert brief(found) == [
        "GL702@1:2",
        "GL701@1:3",
        "GL401@3:1",
        "GL701@3:11",
        "GL701@4:5",
        "GL701@5:5",
    ]
    pinyin = [f for f in found if f.rule == "GL701"]
    assert [f.message["en"].split()[0] for f in pinyin] == ["7", "2", "2", "2"]
    first = pinyin[0].location
    assert (first.end_line, first.end_column) == (1, 7)  # "(jù)" is four code points


def test_crlf_and_bom_do_not_shift_columns(tmp_path: Path):
    body = "某县2012年政府信息公开工作年度报告\r\n一、概述\r\n自年7月起,本县开始施行。\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(codecs.BOM_UTF8 + body.encode("utf-8"))
    assert brief(findings_for(path)) == ["GL401@3:2"]


def test_gbk_file_positions(tmp_path: Path):
    path = tmp_path / "gbk.txt"
    path.write_bytes("某县2012年政府信息公开工作年度报告\n\n  自年7月起。\n".encode("gbk"))
    assert brief(findings_for(path)) == ["GL401@3:4"]


def test_line_index_counts_code_points_and_all_line_breaks():
    index = LineIndex("ab\r\ncd\ref\n𠀀g")
    assert index.position(0) == (1, 1)
    assert index.position(4) == (2, 1)
    assert index.position(7) == (3, 1)
    assert index.position(11) == (4, 2)  # 𠀀 is one code point (outside the BMP)
    assert index.line_text(2) == "cd"
    assert index.line_count == 4
