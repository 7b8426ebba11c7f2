"""The command line as users run it: exit codes, formats, selection, bad input."""

import json
import re
from pathlib import Path

from conftest import ROOT, run_cli
from rich.cells import cell_len

CLEAN = "examples/clean"


def test_clean_examples_exit_0_with_a_summary():
    result = run_cli("check", CLEAN)
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip() == "未发现问题（检查了 2 个文件）"
    assert run_cli("check", CLEAN, "--lang", "en").stdout.strip() == "No problems found in 2 files."


def test_each_defective_example_has_exactly_its_rule():
    for path in sorted((ROOT / "examples" / "defective").iterdir()):
        result = run_cli("check", str(path), "--format", "json")
        rules = {f["rule"] for f in json.loads(result.stdout)["findings"]}
        expected = path.name[:5].upper()
        assert rules == {expected}, path.name
        assert result.returncode == (0 if expected == "GL702" else 1), path.name


def test_examples_folder_exits_1_and_reports_by_severity():
    result = run_cli("check", "examples")
    assert result.returncode == 1
    assert result.stdout.rstrip().endswith(
        "共发现 9 个问题（错误 8，警告 1，提示 0），检查了 9 个文件"
    )


def test_rich_output_shows_the_source_line_and_a_wide_marker():
    result = run_cli("check", "examples/defective/gl401-placeholder-year.txt")
    lines = result.stdout.splitlines()
    assert lines[0] == (
        "examples/defective/gl401-placeholder-year.txt:7:10: GL401 错误 "
        "缺少年份：“规定》要求，年5月1日起，”中的“年”前没有年份 [placeholder-year]"
    )
    assert (
        lines[1]
        == "    7 │ 根据《规定》要求，年5月1日起，我县开始开展政府信息公开工作，全年主动公开政府信息860条。"
    )
    # nine CJK characters before 年: 18 cells; 年 itself is two cells wide
    assert lines[2] == "      │ " + " " * 18 + "^^"


def test_fail_on_and_select_ignore():
    path = "examples/defective/gl702-traditional-script.txt"
    assert run_cli("check", path).returncode == 0  # a warning does not fail by default
    assert run_cli("check", path, "--fail-on", "warning").returncode == 1
    ignored = run_cli(
        "check", "examples/defective", "--ignore", "GL4,GL6,GL701", "--format", "json"
    )
    assert {f["rule"] for f in json.loads(ignored.stdout)["findings"]} == {
        *("GL101", "GL213", "GL702")
    }
    selected = run_cli("check", "examples/defective", "--select", "GL70", "--format", "json")
    assert {f["rule"] for f in json.loads(selected.stdout)["findings"]} == {"GL701", "GL702"}
    assert run_cli("check", "examples", "--fail-on", "never").returncode == 0


def test_unknown_selector_is_a_usage_error():
    result = run_cli("check", CLEAN, "--select", "GL999", "--lang", "en")
    assert result.returncode == 2
    assert result.stderr == "govlint: error: command line: unknown rule id or prefix 'GL999'\n"
    assert run_cli("check", "--format", "xml").returncode == 2


def test_json_output_document(tmp_path):
    out = tmp_path / "out.json"
    result = run_cli(
        "check",
        "examples/defective/gl403-statistics-period.txt",
        "--format",
        "json",
        "-o",
        str(out),
    )
    assert result.returncode == 1 and result.stdout == ""
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["summary"] == {
        "files": 1,
        "findings": 1,
        "error": 1,
        "warning": 0,
        "info": 0,
        "fixed": 0,
    }
    [finding] = doc["findings"]
    assert {
        k: finding[k]
        for k in ("rule", "name", "severity", "line", "column", "end_line", "end_column")
    } == {
        "rule": "GL403",
        "name": "statistics-period",
        "severity": "error",
        "line": 3,
        "column": 10,
        "end_line": 3,
        "end_column": 37,
    }
    assert finding["section"] is None
    assert doc["files"][0]["facts"]["year"] == {"value": 2012, "origin": "title"}
    assert doc["files"][0]["facts"]["regime"] == {"value": "FF", "origin": "year"}


def test_bad_files_are_findings_not_tracebacks(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)))
    (tmp_path / "gbk.txt").write_bytes(
        "某县2012年政府信息公开工作年度报告\n自年7月起。\n".encode("gbk")
    )
    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.4")
    (tmp_path / "report.odt").write_bytes(b"PK")
    result = run_cli(
        "check",
        str(tmp_path),
        str(tmp_path / "report.odt"),
        str(tmp_path / "missing.txt"),
        "--format",
        "json",
        "--lang",
        "en",
        "--select",
        "GL0,GL401",
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    messages = {
        Path(f["path"]).name: (f["rule"], f["message"])
        for f in json.loads(result.stdout)["findings"]
    }
    assert messages == {
        "binary.txt": ("GL001", "unreadable: binary file (NUL bytes), not text"),
        "empty.txt": ("GL001", "unreadable: file is empty"),
        "gbk.txt": ("GL401", "missing year: no year before 年 in “自年7月起。”"),
        "report.pdf": (
            "GL001",
            "unreadable: damaged or unreadable PDF (PdfStreamError: Stream has ended unexpectedly)",
        ),
        "report.odt": ("GL001", "unreadable: unsupported file type '.odt'"),
        "missing.txt": ("GL001", "unreadable: cannot read file: No such file or directory"),
    }


def test_a_thousand_files_with_one_bad_one(tmp_path):
    good = "某县2012年政府信息公开工作年度报告\n自年7月起施行。\n"
    for index in range(1000):
        (tmp_path / f"r{index:04d}.txt").write_text(good, encoding="utf-8")
    (tmp_path / "r0500.txt").write_bytes(b"\xff\xfe\x00\xd8")  # broken UTF-16
    result = run_cli("check", str(tmp_path), "--format", "json", "--select", "GL401")
    doc = json.loads(result.stdout)
    assert doc["summary"]["files"] == 1000
    counts = {}
    for f in doc["findings"]:
        counts[f["rule"]] = counts.get(f["rule"], 0) + 1
    assert counts == {"GL401": 999, "GL001": 1}
    [bad] = [f for f in doc["findings"] if f["rule"] == "GL001"]
    assert bad["path"].endswith("r0500.txt")


def test_rules_lists_every_rule():
    result = run_cli("rules", "--lang", "en")
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["id", "name", "severity", "default", "applies", "summary"]
    ids = [line.split()[0] for line in lines[1:]]
    expected = """
        GL001 GL002 GL003 GL004 GL005 GL101 GL102 GL103 GL104 GL105 GL106 GL107 GL108 GL109
        GL201 GL202 GL203 GL204 GL210 GL211 GL212 GL213 GL214 GL220 GL221 GL301 GL302 GL303
        GL304 GL305 GL306 GL401 GL402 GL403 GL404 GL405 GL406 GL501 GL502 GL503 GL504 GL505
        GL506 GL507 GL508 GL601 GL602 GL701 GL702 GL703 GL704 GL705 GL706 GL707 GL708
    """
    assert ids == expected.split()
    assert re.search(r"^GL601 +legacy-table-sum +error +on +FF +a statistics", result.stdout, re.M)


def test_readme_rule_table_matches_the_registry(registry):
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for cls in registry.rules.values():
        assert f"| {cls.id} | {cls.name} | {cls.severity.label} |" in readme, cls.id


def test_version_and_help():
    assert run_cli("--version").stdout.startswith("govlint ")
    assert run_cli().returncode == 2


def test_rich_output_names_the_place_in_word_and_pdf_files(tmp_path):
    from test_inputs import write_docx

    write_docx(tmp_path / "report.docx")
    result = run_cli("check", str(tmp_path / "report.docx"), "--lang", "en", "--select", "GL601")
    lines = result.stdout.splitlines()
    assert lines[0].endswith("(table 1, row 2, cell 2, paragraph 20)")
    assert lines[0].startswith(f"{(tmp_path / 'report.docx').as_posix()}:20:1: GL601 error")
    # The extracted row is shown, the value marked; the gutter has no number of its own.
    assert lines[1] == "      │ | 受理依申请公开总数 | 3 |"
    assert lines[2] == "      │ " + " " * cell_len("| 受理依申请公开总数 | ") + "^"


def test_a_closed_pipe_is_no_traceback():
    import subprocess
    import sys

    shell = f"{sys.executable} -m govlint check examples --format sarif | head -c 10"
    result = subprocess.run(shell, shell=True, cwd=ROOT, capture_output=True, text=True)
    assert result.stdout == '{\n  "$sche'
    assert "Traceback" not in result.stderr and "BrokenPipe" not in result.stderr
