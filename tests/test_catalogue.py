"""The rule catalogue (issue 7) on real evidence: the seeds at the right places, and
silence on the clean examples and on the corpus report whose figures add up."""

from __future__ import annotations

import json
import re
from datetime import date

import pytest
from conftest import ROOT, check_text, run_cli

CATALOGUE = (
    "GL004,GL102,GL103,GL104,GL105,GL106,GL109,GL301,GL302,GL305,GL402,GL404,GL405,GL406,GL501,GL502,GL503,GL504,GL506,GL507,GL508,"
    "GL602,GL704,GL707,GL708"
)
"""The issue-7 rules implemented so far."""

SEEDS = {
    "000": "000_b1535a13b065a6c0.txt",
    "001": "001_aa3a243895e0214b.txt",
    "002": "002_5ba2120920e89e4d.txt",
    "003": "003_26e5decb5ee1c2e1.txt",
    "004": "004_ebc6586d6542aed6.txt",
}


def found(path, select: str) -> list[tuple[str, int, int, str, str]]:
    result = run_cli("check", "--format", "json", "--select", select, "--lang", "en", str(path))
    return [
        (f["rule"], f["line"], f["column"], f["severity"], f["message"])
        for f in json.loads(result.stdout)["findings"]
    ]


@pytest.mark.parametrize(
    ("seed", "expected"),
    [
        (
            "001",
            [
                (
                    "GL305",
                    14,
                    82,
                    "warning",
                    "“几十条” gives no number; an annual report states the exact count",
                )
            ],
        ),
        ("002", [("GL302", 61, 18, "warning", "32 ÷ 329 = 9.726%, but the text says 9.8%")]),
        (
            "003",
            [("GL305", 53, 501, "info", "“3946多条” is an approximation; state the exact count")],
        ),
        ("004", [("GL302", 16, 151, "warning", "11785 ÷ 16499 = 71.43%, but the text says 72%")]),
        ("000", []),
    ],
)
def test_figures_in_the_seeds(shared, seed, expected):
    assert found(shared / "seeds" / SEEDS[seed], "GL302,GL305") == expected


def test_malformed_dates_in_seed_003(shared):
    found_dates = found(shared / "seeds" / SEEDS["003"], "GL402")
    assert [(rule, line, column) for rule, line, column, _, _ in found_dates] == [
        ("GL402", 9, 150),  # 自200811日起
        ("GL402", 9, 160),  # 至20081231日止
        ("GL402", 57, 110),  # 至20081231日止
        ("GL402", 99, 27),  # 填报时间:2009312
    ]
    assert (
        found_dates[3][4] == "the date “2009312” lost its 年/月 separators; the day can't be told"
    )


def test_template_placeholders_in_seed_002(shared):
    assert found(shared / "seeds" / SEEDS["002"], "GL704") == [
        (
            "GL704",
            9,
            192,
            "error",
            "a blank follows “版可以在本区政府网站” where a name or address belongs",
        ),
        ("GL704", 27, 106, "error", "the template placeholder “xx” was never filled in"),
        ("GL704", 27, 193, "error", "the template placeholder “××” was never filled in"),
        ("GL704", 31, 9, "error", "“” is empty where a name belongs"),
        ("GL704", 87, 24, "error", "“” is empty where a name belongs"),
    ]


def test_titles(shared):
    assert found(shared / "seeds" / SEEDS["002"], "GL106") == [
        ("GL106", 5, 1, "error", "the title “政府信息公开年度工作报告范文” has no report year"),
        (
            "GL106",
            5,
            1,
            "error",
            "the title “政府信息公开年度工作报告范文” should say 年度报告, not 工作报告",
        ),
    ]
    # 001 and 004 begin with CMS fields and prose: the page title was not part of the text.
    for seed, year in (("001", 2013), ("004", 2017)):
        assert found(shared / "seeds" / SEEDS[seed], "GL106") == [
            (
                "GL106",
                1,
                1,
                "warning",
                f"there is no title line (…{year}年政府信息公开工作年度报告)",
            )
        ]
    for seed in ("000", "003"):
        assert found(shared / "seeds" / SEEDS[seed], "GL106") == []


def test_missing_attachment_in_seed_002(shared):
    assert found(shared / "seeds" / SEEDS["002"], "GL105") == [
        (
            "GL105",
            9,
            160,
            "warning",
            "the text refers to “并附相关说明和指标统计附表” but the report contains no table",
        )
    ]
    # 003 announces 附件 and has its statistics table.
    assert found(shared / "seeds" / SEEDS["003"], "GL105") == []


def test_numbering_and_declared_structure_in_seed_003(shared):
    assert found(shared / "seeds" / SEEDS["003"], "GL103,GL104") == [
        (
            "GL104",
            9,
            129,
            "warning",
            "the report says it has 五 parts, but it has 7 top-level sections (一、二、三、四、五、六、七)",
        ),
        ("GL103", 69, 301, "warning", "the number “二是” is repeated"),
        (
            "GL103",
            75,
            1,
            "warning",
            "the list's first item starts with 是: its numeral 一 is missing",
        ),
        (
            "GL103",
            89,
            1,
            "warning",
            "“八、” continues the list ending with “七是”; it is not a top-level heading",
        ),
    ]
    for seed in ("000", "001", "002", "004"):
        assert found(shared / "seeds" / SEEDS[seed], "GL103,GL104") == []


def test_unbalanced_quote_in_seed_003(shared):
    found_marks = found(shared / "seeds" / SEEDS["003"], "GL708")
    assert found_marks[0] == ("GL708", 87, 68, "warning", "““” is never closed by “””")


def test_repeated_text_spares_reduplication(tmp_path):
    text = (
        "某县2012年政府信息公开工作年度报告\n"
        "层层把关，常常检查，一一答复，年年如此。领导说：“要研究研究。”\n"
        "资金资金使用情况已公开。全年办理申请12件，全年办理申请12件，均按期答复。\n"
    )
    found_repeats = check_text(tmp_path, text, select=("GL707",))
    assert [(f.location.line, f.location.column, f.message["zh"]) for f in found_repeats] == [
        (3, 3, "“资金”重复了一次"),
        (3, 23, "“全年办理申请12件，”重复了一次"),
    ]


def test_corpus_report_that_adds_up_has_only_its_vague_figure(shared):
    path = shared / "corpus" / "huaian-city-2024.pdf-extract.txt"
    assert found(path, CATALOGUE) == [
        (
            "GL502",
            1,
            1,
            "error",
            "the report of 淮安市人民政府 must cover assessment, public evaluation and "
            "accountability; not mentioned: performance assessment, public evaluation, "
            "accountability",
        ),
        ("GL305", 16, 5, "info", "“5500 余条” is an approximation; state the exact count"),
    ]


def test_clean_examples_are_silent():
    assert found(ROOT / "examples" / "clean", CATALOGUE) == []


def test_halfwidth_punctuation_is_opt_in(shared):
    seed = shared / "seeds" / SEEDS["000"]
    default = json.loads(run_cli("check", "--format", "json", str(seed)).stdout)["findings"]
    assert "GL709" not in {f["rule"] for f in default}
    extended = run_cli("check", "--format", "json", "--extend-select", "GL709", str(seed))
    lines = [f["line"] for f in json.loads(extended.stdout)["findings"] if f["rule"] == "GL709"]
    assert lines and lines == sorted(set(lines))  # one finding per line
    listed = run_cli("rules", "--all", "--lang", "en").stdout
    assert re.search(r"^GL709 +halfwidth-punctuation +info +off ", listed, re.M)


def test_publication_deadline_by_issuer_type_and_origin(tmp_path):
    department = "某县教育局2023年政府信息公开工作年度报告\n发布日期：2024-02-05\n"
    found_late = check_text(tmp_path, department, select=("GL405",))
    assert [(f.location.line, f.location.column, f.message["en"]) for f in found_late] == [
        (
            2,
            6,
            "the report for 2023 was published on 2024-02-05 (page metadata), after the "
            "deadline 2024-01-31",
        )
    ]
    government = department.replace("某县教育局", "某县人民政府")
    assert check_text(tmp_path, government, select=("GL405",)) == []
    signed = "某县人民政府2012年政府信息公开工作年度报告\n正文。\n某县人民政府\n2013年4月2日\n"
    late = check_text(tmp_path, signed, select=("GL405",))
    assert [f.message["zh"] for f in late] == [
        "2012年度报告的发布日期为 2013-04-02（落款日期），晚于法定期限 2013-03-31"
    ]
    cli = check_text(tmp_path, government, select=("GL405",), published_on=date(2024, 4, 1))
    assert "(command line)" in cli[0].message["en"]
    township = "某镇人民政府2023年政府信息公开工作年度报告\n发布日期：2024-05-05\n"
    assert check_text(tmp_path, township, select=("GL405",)) == []  # no statutory deadline


def test_configured_deadline_and_published_on(tmp_path):
    (tmp_path / "govlint.toml").write_text(
        'deadlines = { township = "03-31" }\n'
        '[per-file-overrides]\n"r.txt" = { published-on = 2024-04-10 }\n',
        encoding="utf-8",
    )
    (tmp_path / "r.txt").write_text(
        "某镇人民政府2023年政府信息公开工作年度报告\n", encoding="utf-8"
    )
    result = run_cli("check", "--format", "json", "--select", "GL405", "r.txt", cwd=tmp_path)
    document = json.loads(result.stdout)
    assert document["files"][0]["facts"]["published"] == {"value": "2024-04-10", "origin": "config"}
    assert [f["rule"] for f in document["findings"]] == ["GL405"]
    (tmp_path / "govlint.toml").write_text('deadlines = { township = "3/31" }\n', encoding="utf-8")
    bad = run_cli("check", "r.txt", "--lang", "en", cwd=tmp_path)
    assert bad.returncode == 2
    assert 'deadlines.township: must be "MM-DD"' in bad.stderr


def test_a_letter_is_not_checked_as_a_report_but_its_text_is(tmp_path):
    letter = (
        "关于报送联系人名单的函\n"
        "各乡镇、县直各单位：\n"
        "请于年3月10日前报送联系人名单，据(jù)此建立通讯录。\n"
    )
    found_letter = check_text(tmp_path, letter)
    assert [f.rule for f in found_letter] == ["GL004", "GL701"]  # no GL101, GL401, GL403…


def test_legacy_bounds_in_prose_and_tables(tmp_path):
    text = (
        "某县2010年政府信息公开工作年度报告\n"
        "全年受理审批事项117件，办结171件。\n"
        "上年结转5件，本年受理申请20件，答复24件。\n"
        "全年受理申请30件，办结30件，其中按时办结28件，延期办结1件。\n"
        "受理申请总数\n10\n对申请的答复数\n12\n"
    )
    found_bounds = check_text(tmp_path, text, select=("GL602",))
    assert [(f.location.line, f.location.column, f.message["zh"]) for f in found_bounds] == [
        (2, 16, "办结/答复 171 件多于受理 117 件"),
        (4, 13, "办结 30 件 ≠ 按时 28 + 延期 1 = 29 件"),
        (8, 1, "办结/答复 12 件多于受理 10 件"),
    ]


def test_facts_show_the_structure_rules_share(shared):
    result = run_cli(
        "check", "--format", "json", "--select", "GL0", str(shared / "seeds" / SEEDS["003"])
    )
    facts = json.loads(result.stdout)["files"][0]["facts"]
    assert len(facts["sections"]) == 7
    assert facts["list_continuations"] == ["八、建立健全信息公开监督检查制度"]
    assert facts["enumerations"][-2:] == [
        ["一是", "二是", "二是", "三是"],
        ["是", "二是", "三是", "四是", "五是", "六是", "七是"],
    ]
    assert facts["is_report"] is True


def test_sum_of_parts_against_the_total(tmp_path):
    text = (
        "某县2012年政府信息公开工作年度报告\n"
        "全年共受理申请11件，其中当面申请7件，信函申请4件，经审核后向申请人公开7件。\n"
        "全年累计主动公开信息900条，其中网站公开600条、公报公开200条。\n"
        "全年共公开信息1000条，其中文件类400条、动态类500条、其他类信息50条。\n"
        "全年共收到申请20件，其中网上申请15件、信函申请8件。\n"
    )
    found_sums = check_text(tmp_path, text, select=("GL301",))
    assert [(f.location.line, f.location.column, f.message["en"]) for f in found_sums] == [
        (4, 8, "the complete list adds up to 400+500+50 = 950, not the total 1000 (difference 50)"),
        (5, 8, "the parts 15+8 = 23 exceed the total 20"),
    ]


def test_township_report_speaking_as_another_township(shared):
    found_self = found(shared / "seeds" / SEEDS["001"], "GL507")
    assert [(line, column) for _, line, column, _, _ in found_self] == [
        (5, 32),
        (7, 236),
        (14, 52),
        (22, 19),
    ]
    assert found_self[0][4] == "the issuer is 上余镇 (a 镇), but the text says “我乡”"


def test_issuer_name_with_a_look_alike_character(tmp_path):
    text = "沭阳县人民政府2023年政府信息公开工作年度报告\n2023年，沐阳县政府信息公开工作稳步推进，我县持续发力。\n"
    found_names = check_text(tmp_path, text, select=("GL507",))
    assert [(f.location.line, f.location.column, f.message["en"]) for f in found_names] == [
        (2, 7, "“沐阳县” differs by one look-alike character from “沭阳县” in the issuer's name")
    ]


def test_show_facts_prints_what_was_read(shared):
    seed = shared / "seeds" / SEEDS["003"]
    out = run_cli("check", "--select", "GL0", "--show-facts", str(seed)).stdout
    assert "  year: 2008 (title)\n" in out
    assert "  list_continuations: 八、建立健全信息公开监督检查制度\n" in out
    assert (
        "  enumerations: 一是 二是 三是 | 一是 二是 三是 | 一是 二是 三是 四是 | 一是 二是 二是 三是 |"
        in out
    )
    assert "year:" not in run_cli("check", "--select", "GL0", str(seed)).stdout
