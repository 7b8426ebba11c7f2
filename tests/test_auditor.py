"""The auditor workflow: report sets across years, baseline, fixes, batches and formats."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, brief, check_set, run_cli

T21 = (FIXTURES / "tables" / "t21-2023.md").read_text(encoding="utf-8")
OVERVIEW = (
    "我局坚持把政务公开作为建设法治政府的重要抓手，围绕交通运输重点工作，全面梳理公开事项目录，"
    "及时发布农村公路建设、道路运输管理、交通执法等方面的政策文件和工作动态。我局进一步规范"
    "依申请公开办理流程，严格落实登记、审核、答复、归档等环节要求，确保每一件申请都在法定期限内"
    "依法答复。我局加强政府网站和政务新媒体管理，落实信息发布审核制度，全年未发生泄密和错发事件。"
)
FRESH = (
    "这一年，我局把农村公路“四好”建设信息作为公开重点，按季度公布建设里程、资金拨付和质量"
    "抽检结果。出租汽车和网约车管理政策调整前，我们通过门户网站征求意见两次，收到意见四十余条，"
    "采纳情况在专栏中逐条说明。行政执法“三项制度”落实后，执法主体、依据、程序和结果全部上网，"
    "群众可以按案件编号查询办理进度。"
)
CARRIED_2023 = "| 二、上年结转政府信息公开申请数量 | 8 | 1 | 0 | 0 | 0 | 0 | 9 |"
FORWARD_2023 = "| 四、结转下年度继续办理 | 13 | 0 | 0 | 0 | 0 | 1 | 14 |"


def report_2023(overview: str = OVERVIEW, issuer: str = "青禾县交通运输局") -> str:
    text = T21.replace("结转下年度继续办理14件。\n", f"结转下年度继续办理14件。\n\n{overview}\n", 1)
    assert CARRIED_2023 in text and FORWARD_2023 in text
    return text.replace("青禾县交通运输局", issuer)


def report_2024(carried: tuple[int, ...], overview: str = FRESH) -> str:
    """Next year's report of the same body: a new narrative and row 二 as given."""
    row = "| 二、上年结转政府信息公开申请数量 | " + " | ".join(map(str, carried)) + " |"
    return report_2023(overview).replace("2023", "2024").replace(CARRIED_2023, row)


def cell_column(line: str, index: int) -> int:
    """1-based column of the ``index``-th value cell (0 = first after the label)."""
    starts = [m.start(1) + 1 for m in re.finditer(r"\| *([^|\s][^|]*?) *(?=\|)", line)]
    return starts[index + 1]


# -- report sets ------------------------------------------------------------------------------
def test_carryover_that_does_not_match_last_year_is_gl220_per_column(tmp_path):
    carried = (12, 0, 0, 0, 0, 1, 13)  # 自然人 and 总计 differ from 2023's 13 and 14
    (tmp_path / "2023").mkdir()
    (tmp_path / "2024").mkdir()
    (tmp_path / "2023" / "report.md").write_text(report_2023(), encoding="utf-8")
    text = report_2024(carried)
    (tmp_path / "2024" / "report.md").write_text(text, encoding="utf-8")
    result = run_cli("check", ".", "--select", "GL220", "--format", "json", cwd=tmp_path)
    found = json.loads(result.stdout)["findings"]
    lines = text.splitlines()
    row = next(i for i, line in enumerate(lines, start=1) if line.startswith("| 二、上年结转"))
    assert [(f["path"], f["rule"], f["line"], f["column"]) for f in found] == [
        ("2024/report.md", "GL220", row, cell_column(lines[row - 1], 0)),
        ("2024/report.md", "GL220", row, cell_column(lines[row - 1], 6)),
    ]
    assert found[0]["message"] == (
        "上年结转（自然人）为 12，但 2023 年报告（2023/report.md）的结转下年度继续办理为 13"
    )
    assert found[0]["severity"] == "warning"
    # The carried-over row that matches last year's is silent; so is the 2023 report.
    consistent = check_set(
        tmp_path,
        {"a.md": report_2023(), "b.md": report_2024((13, 0, 0, 0, 0, 1, 14))},
        select=("GL220",),
    )
    assert consistent == {"a.md": [], "b.md": []}


def test_prior_pairs_explicitly_whatever_the_names(tmp_path):
    (tmp_path / "old.md").write_text(report_2023(), encoding="utf-8")
    (tmp_path / "new.md").write_text(report_2024((8, 1, 0, 0, 0, 0, 9)), encoding="utf-8")
    result = run_cli(
        "check", "new.md", "--prior", "old.md", "--select", "GL220", "--lang", "en", cwd=tmp_path
    )
    assert result.returncode == 0  # warnings only
    rules = re.findall(r"^new\.md:\d+:\d+: (GL\d+)", result.stdout, re.M)
    assert rules == ["GL220"] * 4  # 自然人 8≠13, 商业企业 1≠0, 其他 0≠1, 总计 9≠14
    assert "carried over from last year (total) is 9, but the 2023 report (old.md)" in (
        result.stdout
    )
    missing = run_cli("check", "new.md", "--prior", "gone.md", cwd=tmp_path)
    assert missing.returncode == 2
    assert missing.stderr == "govlint: 错误: --prior gone.md: no such file\n"


def test_copied_narrative_is_gl505_and_a_new_one_is_not(tmp_path):
    copied = report_2024((13, 0, 0, 0, 0, 1, 14), overview=OVERVIEW)
    found = check_set(tmp_path, {"2023.md": report_2023(), "2024.md": copied}, select=("GL505",))
    assert found["2023.md"] == []
    [finding] = found["2024.md"]
    assert brief([finding]) == ["GL505@1:3"]  # the title
    assert finding.severity.label == "error"  # above 0.9
    message = finding.message["zh"]
    assert message.startswith("叙述部分与 2023 年报告（2023.md）相似度 ")
    assert "我局坚持把政务公开作为建设法治政府的重要抓手" in message
    fresh = check_set(
        tmp_path,
        {"2023.md": report_2023(), "2024.md": report_2024((13, 0, 0, 0, 0, 1, 14))},
        select=("GL505",),
    )
    assert fresh == {"2023.md": [], "2024.md": []}


def test_similarity_thresholds_come_from_config(tmp_path):
    copied = report_2024((13, 0, 0, 0, 0, 1, 14), overview=OVERVIEW)
    (tmp_path / "govlint.toml").write_text("similarity-error = 1.0\n", encoding="utf-8")
    found = check_set(tmp_path, {"a.md": report_2023(), "b.md": copied}, select=("GL505",))
    assert [f.severity.label for f in found["b.md"]] == ["warning"]
    (tmp_path / "govlint.toml").write_text("similarity-warning = 2\n", encoding="utf-8")
    bad = run_cli("check", ".", cwd=tmp_path)
    assert bad.returncode == 2
    assert "similarity-warning: must be a number between 0 and 1 (got 2)" in bad.stderr


def test_a_report_copied_from_another_body_in_one_batch(tmp_path):
    batch = {
        "qinghe.md": report_2023(),
        "bailu.md": report_2023(issuer="白鹭县交通运输局"),
        "other.md": report_2023(overview=FRESH, issuer="松山县交通运输局").replace(
            "| 一、本年新收政府信息公开申请数量 | 120 |",
            "| 一、本年新收政府信息公开申请数量 | 121 |",
        ),
    }
    found = check_set(tmp_path, batch, select=("GL505",))
    assert found["other.md"] == []
    for name, other in (("qinghe.md", "白鹭县交通运输局"), ("bailu.md", "青禾县交通运输局")):
        keys = [f.message["zh"].split("的报告")[0] for f in found[name]]
        assert keys == [f"叙述部分与{other}", f"统计表数字与{other}"], found[name]


def test_issuers_group_by_the_body_not_the_full_name():
    from govlint.reportsets import issuer_key

    assert issuer_key("淮安市洪泽区人民政府") == issuer_key("洪泽区人民政府") == "洪泽区"
    assert issuer_key("淮安市财政局") == "淮安市财政局"
    assert issuer_key("淮安市洪泽区财政局") == "洪泽区财政局"
    assert issuer_key("上余镇") == "上余镇"


def test_cumulative_figure_lower_than_last_year(tmp_path):
    def report(year: int, total: int, extra: str = "") -> str:
        return (
            f"某县人民政府{year}年政府信息公开工作年度报告\n一、总体情况\n"
            f"截至{year}年底，历年累计公开政府信息{total}条。{extra}\n"
        )

    found = check_set(
        tmp_path,
        {"a.txt": report(2023, 12500), "b.txt": report(2024, 11800)},
        select=("GL306",),
    )
    column = "截至2024年底，历年累计公开政府信息11800条。".index("11800") + 1
    assert brief(found["b.txt"]) == [f"GL306@3:{column}"]
    assert found["b.txt"][0].message["zh"] == (
        "累计数“公开政府信息条”为 11800，低于 2023 年报告（a.txt）的 12500"
    )
    # One year's total is not a running one; a phrase given twice with two values is unsure.
    quiet = check_set(
        tmp_path,
        {
            "a.txt": report(2023, 12500),
            "b.txt": report(2024, 13000, "2024年累计主动公开政府信息800条。")
            + "历年累计公开政府信息900条。\n",
        },
        select=("GL306",),
    )
    assert quiet == {"a.txt": [], "b.txt": []}


# -- baseline ---------------------------------------------------------------------------------
def test_baseline_round_trip(tmp_path):
    reports = tmp_path / "reports"
    reports.mkdir()
    source = (ROOT / "examples/defective/gl401-placeholder-year.txt").read_text(encoding="utf-8")
    target = reports / "a.txt"
    target.write_text(source, encoding="utf-8")

    made = run_cli("baseline", "reports", "--lang", "en", cwd=tmp_path)
    assert made.returncode == 0
    assert made.stdout.startswith("wrote 1 finding(s) of 1 file(s) to ")
    data = json.loads((tmp_path / ".govlint-baseline.json").read_text(encoding="utf-8"))
    [entry] = data["entries"]
    assert entry["file"] == "reports/a.txt" and entry["rule"] == "GL401"
    assert entry["reason"] == "" and len(entry["fingerprint"]) == 32
    entry["reason"] = "已向县政府办确认，2024 年修订时改正"
    (tmp_path / ".govlint-baseline.json").write_text(json.dumps(data), encoding="utf-8")

    hidden = run_cli("check", "reports", "--format", "json", cwd=tmp_path)
    assert hidden.returncode == 0
    doc = json.loads(hidden.stdout)
    assert doc["findings"] == [] and doc["baseline"]["hidden"] == 1

    # An edit elsewhere moves the finding two lines down: still the same finding.
    edited = source.replace(
        "一、主动公开政府信息情况\n", "一、主动公开政府信息情况\n\n本年度新增一名专职工作人员。\n"
    )
    target.write_text(edited, encoding="utf-8")
    still = run_cli("check", "reports", "--format", "json", cwd=tmp_path)
    assert json.loads(still.stdout)["findings"] == [] and still.returncode == 0
    shown = run_cli("check", "reports", "--no-baseline", "--format", "json", cwd=tmp_path)
    assert [(f["rule"], f["line"]) for f in json.loads(shown.stdout)["findings"]] == [("GL401", 9)]
    # Rewriting the baseline keeps the reason.
    run_cli("baseline", "reports", cwd=tmp_path)
    again = json.loads((tmp_path / ".govlint-baseline.json").read_text(encoding="utf-8"))
    assert again["entries"][0]["reason"] == "已向县政府办确认，2024 年修订时改正"

    # The defect is fixed: the entry is stale, and said so.
    target.write_text(edited.replace("，年5月1日起", "，2012年5月1日起"), encoding="utf-8")
    fixed = run_cli("check", "reports", "--format", "json", cwd=tmp_path)
    doc = json.loads(fixed.stdout)
    assert doc["findings"] == [] and doc["baseline"]["hidden"] == 0
    assert [(e["file"], e["rule"]) for e in doc["baseline"]["stale"]] == [
        ("reports/a.txt", "GL401")
    ]
    terminal = run_cli("check", "reports", cwd=tmp_path)
    assert "基线中有 1 条记录已不再出现" in terminal.stdout
    assert "reports/a.txt: GL401 缺少年份" in terminal.stdout
    run_cli("check", "reports", "--format", "html", "-o", "r.html", cwd=tmp_path)
    page = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "隐藏了 0 个已知问题；1 条记录已不再出现" in page


def test_a_broken_baseline_is_a_one_line_error(tmp_path):
    (tmp_path / ".govlint-baseline.json").write_text("{", encoding="utf-8")
    (tmp_path / "a.txt").write_text("某县2012年政府信息公开工作年度报告\n", encoding="utf-8")
    result = run_cli("check", "a.txt", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.startswith("govlint: 错误: ")
    assert ".govlint-baseline.json: not a govlint baseline (invalid JSON" in result.stderr
    assert len(result.stderr.splitlines()) == 1


# -- fixes ------------------------------------------------------------------------------------
DEBRIS = """\
当前位置：首页 > 政务公开 > 政府信息公开年报
桃源乡2013年政府信息公开工作年度報告
发布时间：2014-03-20 来源：乡政府办

一、概述
2013年，我乡认真贯彻落实《中华人民共和国政府信息公开条例》，全年主动公開(kāi)政府信息126条，其中&nbsp;政策文件18条。
二、主动公开政府信息情况
全年通过政府网站公开信息126条，通过公开栏公开信息35条，公开信息均已按时更新，公开信息均已按时更新，做到了应公开尽公开。
三、依申请公开情况
全年受理依申请公开3件，均已按时答(dá)复(fù)。
四、收费及减免情况
未收取任何费用。
五、行政复议和行政诉讼情况
未发生因政府信息公开引起的行政复议和行政诉讼。
六、存在的主要问题和改进措施
存在的问题是公开深度不够，部分栏目更新不及时。下一步我们将加强培训，改进工作。
七、其他需要报告的事项
无。
扫一扫在手机上查看当前页面
"""


def _digits(text: str) -> list[str]:
    return re.findall(r"\d+", text)


def test_fix_round_trip_on_seed_like_text(tmp_path):
    path = tmp_path / "report.txt"
    path.write_bytes(DEBRIS.replace("\n", "\r\n").encode("gb18030"))
    before = run_cli("check", "report.txt", "--format", "json", cwd=tmp_path)
    rules = {f["rule"] for f in json.loads(before.stdout)["findings"]}
    assert {"GL701", "GL703", "GL706", "GL707"} <= rules

    diff = run_cli("check", "report.txt", "--diff", cwd=tmp_path)
    assert diff.returncode == 1
    assert path.read_bytes() == DEBRIS.replace("\n", "\r\n").encode("gb18030")  # not written
    assert "\n-当前位置：首页 > 政务公开 > 政府信息公开年报\n" in diff.stdout
    assert "可修复" in diff.stderr

    fixed = run_cli("check", "report.txt", "--fix", "--format", "json", cwd=tmp_path)
    doc = json.loads(fixed.stdout)
    remaining = {f["rule"] for f in doc["findings"]}
    assert not remaining & {"GL701", "GL703", "GL706", "GL707"}
    assert doc["summary"]["fixed"] >= 5
    text = path.read_bytes().decode("gb18030")  # same encoding, same line breaks
    assert "\r\n" in text and "\n" not in text.replace("\r\n", "")
    assert "(kāi)" not in text and "(fù)" not in text and "&nbsp;" not in text
    assert "当前位置" not in text and "扫一扫" not in text
    assert text.count("公开信息均已按时更新") == 1
    report_lines = [
        line for line in DEBRIS.splitlines() if not line.startswith(("当前位置", "发布时间"))
    ]
    assert _digits(text) == _digits("\n".join(report_lines))  # no figure changed
    assert "年度報告" in text and "主动公開" in text  # traditional script: never a safe fix


def test_unsafe_fix_converts_a_traditional_report(tmp_path):
    source = (ROOT / "examples/defective/gl702-traditional-script.txt").read_text(encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text(source, encoding="utf-8")
    assert run_cli("check", "a.txt", "--fix", cwd=tmp_path).stdout.count("GL702") == 1
    result = run_cli("check", "a.txt", "--fix", "--unsafe-fixes", cwd=tmp_path)
    assert "GL702" not in result.stdout and "已修复 1 个问题" in result.stdout
    from govlint.normalize import to_simplified

    assert path.read_text(encoding="utf-8") == to_simplified(source)


def test_unsafe_fix_fills_the_report_year(tmp_path):
    path = tmp_path / "a.txt"
    source = (ROOT / "examples/defective/gl401-placeholder-year.txt").read_text(encoding="utf-8")
    path.write_text(source, encoding="utf-8")
    safe = run_cli("check", "a.txt", "--fix", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == source and safe.returncode == 1
    run_cli("check", "a.txt", "--fix", "--unsafe-fixes", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == source.replace("，年5月1日起", "，2012年5月1日起")
    assert run_cli("check", "--unsafe-fixes", "a.txt", cwd=tmp_path).returncode == 2


def test_fixes_never_touch_word_html_or_pdf(tmp_path):
    page = "<html><body><p>某县2013年政府信息公开工作年度报告</p><p>公開(kāi)</p></body></html>"
    path = tmp_path / "a.html"
    path.write_text(page, encoding="utf-8")
    run_cli("check", "a.html", "--fix", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == page


# -- batches and formats ----------------------------------------------------------------------
def _batch(folder: Path, count: int) -> None:
    sources = sorted((ROOT / "examples").rglob("*.txt")) + sorted((ROOT / "examples").rglob("*.md"))
    for i in range(count):
        src = sources[i % len(sources)]
        text = src.read_text(encoding="utf-8").replace("白鹭县", f"白鹭{i}县")
        sub = folder / f"group{i % 7}"
        sub.mkdir(parents=True, exist_ok=True)
        (sub / f"{i:03d}{src.suffix}").write_text(text, encoding="utf-8")


def test_output_is_byte_identical_across_jobs_orderings_and_runs(tmp_path):
    """-j 1 and -j 2, the folders given in two orders, and each in a new interpreter with
    its own string-hash seed (set and dict orders differ): the same bytes."""
    _batch(tmp_path / "batch", 200)
    groups = sorted(p.name for p in (tmp_path / "batch").iterdir())
    runs = {
        "-j 1": (["batch", "-j", "1"], "1"),
        "-j 2": (["batch", "-j", "2"], "2"),
        "reversed": ([f"batch/{g}" for g in reversed(groups)], "3"),
        "shuffled": ([f"batch/{g}" for g in groups[3:] + groups[:3]], "4"),
    }
    for fmt in ("sarif", "json"):
        outputs = {}
        for name, (args, seed) in runs.items():
            result = run_cli(
                "check", *args, "--format", fmt, cwd=tmp_path, env={"PYTHONHASHSEED": seed}
            )
            assert result.returncode == 1, result.stderr
            outputs[name] = result.stdout
        assert len(set(outputs.values())) == 1, fmt
    data = json.loads(outputs["-j 1"])
    assert data["summary"]["files"] == 200
    paths = [f["path"] for f in data["files"]]
    assert paths == sorted(paths)


def test_statistics_counts_per_rule():
    result = run_cli("check", "examples", "--statistics", "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines[:-2] == [
        "2  GL101  missing-section              error",
        "2  GL701  pinyin-residue               error",
        "1  GL213  review-litigation-sum        error",
        "1  GL401  placeholder-year             error",
        "1  GL403  statistics-period            error",
        "1  GL601  legacy-table-sum             error",
        "1  GL702  traditional-script           warning",
    ]
    assert lines[-1] == "Found 9 problems (8 error, 1 warning, 0 info) in 9 files."
    assert run_cli("check", "examples", "--statistics", "--format", "sarif").returncode == 2


def test_github_annotations():
    result = run_cli(
        "check", "examples/defective/gl403-statistics-period.txt", "--format", "github"
    )
    assert result.stdout == (
        "::error file=examples/defective/gl403-statistics-period.txt,line=3,col=10,endLine=3,"
        "endColumn=37,title=GL403 statistics-period::统计期限“统计期限自2012年1月1日起至2012年"
        "6月30日止”应为2012年1月1日至2012年12月31日\n"
    )


def test_github_escapes_what_would_break_a_command():
    from govlint.output.github import escape_data, escape_property

    assert escape_data("50%\r\nnext") == "50%25%0D%0Anext"
    assert escape_property("a,b:c") == "a%2Cb%3Ac"


def test_junit_report(tmp_path):
    out = tmp_path / "junit.xml"
    result = run_cli("check", "examples", "--format", "junit", "-o", str(out))
    assert result.returncode == 1
    suites = ET.parse(out).getroot()
    suite = suites.find("testsuite")
    assert suite.get("tests") == "9" and suite.get("failures") == "6"
    cases = {c.get("name"): c for c in suite.iter("testcase")}
    failure = cases["examples/defective/gl403-statistics-period.txt"].find("failure")
    assert failure.get("type") == "GL403"
    assert failure.text.startswith("examples/defective/gl403-statistics-period.txt:3:10: GL403")
    assert cases["examples/clean/ff-2012-county.txt"].find("failure") is None
    # A warning does not fail under the default --fail-on error; it is listed, not lost.
    traditional = cases["examples/defective/gl702-traditional-script.txt"]
    assert traditional.find("failure") is None
    assert "GL702 [warning]" in traditional.find("system-out").text


def test_junit_keeps_xml_valid_with_control_characters():
    from govlint.output.junit import xml_text

    assert xml_text("a\x01b\x0bc") == "a\ufffdb\ufffdc"


@pytest.mark.parametrize("example", ["ci/github-govlint.yml", "ci/gitlab-ci.yml"])
def test_ci_examples_use_documented_options(example):
    text = (ROOT / "examples" / example).read_text(encoding="utf-8")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    commands = [line for line in text.splitlines() if "govlint check" in line]
    assert commands
    for line in commands:
        for option in re.findall(r"(?<=\s)(--?[a-z][a-z-]*)", line):
            assert f"`{option}" in readme, f"{example}: {option} is not in the README"
        assert "--format" in line


def test_unsafe_fix_makes_punctuation_full_width(tmp_path):
    path = tmp_path / "a.txt"
    text = "某县2013年政府信息公开工作年度报告\n一、概述\n全年公开信息126条,其中政策文件18条;均已按时更新(含网站)。\n"
    path.write_text(text, encoding="utf-8")
    run_cli("check", "a.txt", "--extend-select", "GL709", "--fix", "--unsafe-fixes", cwd=tmp_path)
    assert path.read_text(encoding="utf-8") == text.replace(",", "，").replace(";", "；").replace(
        "(", "（"
    ).replace(")", "）")


def test_an_edit_that_would_change_a_figure_is_refused():
    from govlint.findings import Span
    from govlint.fixes import SourceEdit, apply_edits

    text = "全年受理申请12件，全年受理申请12件，均已答复。\n当前位置：首页\n"
    doubled = SourceEdit(Span(10, 20), "", 0)  # the second "全年受理申请12件，"
    assert apply_edits(text, [doubled]) == (text, set())  # it carries a figure: kept
    breadcrumb = SourceEdit(Span(26, 33), "", 1, not_a_figure="debris")
    overlapping = SourceEdit(Span(28, 30), "", 2)
    year = SourceEdit(Span(0, 0), "2024", 3, not_a_figure="year")
    bad_year = SourceEdit(Span(0, 0), "24年", 4, not_a_figure="year")
    fixed, done = apply_edits(text, [breadcrumb, overlapping, year, bad_year])
    assert fixed == "2024" + text.split("\n")[0] + "\n"  # the emptied line went whole
    assert done == {1, 3}
