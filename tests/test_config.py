"""Configuration: discovery, precedence, overrides, and one clear error per bad value."""

import json
from pathlib import Path

import pytest
from conftest import run_cli

REPORT = "某县2012年政府信息公开工作年度报告\n自年7月起施行。\n"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def rules_found(result) -> list[str]:
    return [f["rule"] for f in json.loads(result.stdout)["findings"]]


def test_nearest_config_wins_and_cli_beats_it(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.govlint]\nselect = ["GL401", "GL403"]\n')
    write(tmp_path / "a" / "r.txt", REPORT)
    write(tmp_path / "b" / ".govlint.toml", 'select = ["GL403"]\n')
    write(tmp_path / "b" / "r.txt", REPORT)
    result = run_cli("check", "a", "b", "--format", "json", cwd=tmp_path)
    by_path = {}
    for f in json.loads(result.stdout)["findings"]:
        by_path.setdefault(f["path"], []).append(f["rule"])
    assert by_path == {"a/r.txt": ["GL403", "GL401"], "b/r.txt": ["GL403"]}
    cli = run_cli("check", "a", "b", "--format", "json", "--select", "GL401", cwd=tmp_path)
    assert rules_found(cli) == ["GL401", "GL401"]


def test_severity_override_fail_on_and_lang(tmp_path):
    write(tmp_path / "govlint.toml", 'lang = "en"\nfail-on = "never"\n[severity]\nGL401 = "info"\n')
    write(tmp_path / "r.txt", REPORT)
    result = run_cli("check", "r.txt", "--format", "json", "--select", "GL401", cwd=tmp_path)
    [finding] = json.loads(result.stdout)["findings"]
    assert finding["severity"] == "info"
    assert finding["message"].startswith("missing year")
    assert result.returncode == 0


def test_per_file_ignores_and_overrides(tmp_path):
    write(
        tmp_path / "govlint.toml",
        '[per-file-ignores]\n"old/*.txt" = ["GL4"]\n'
        '[per-file-overrides]\n"new/*.txt" = { year = 2011, issuer-type = "部门" }\n',
    )
    text = "某县2012年政府信息公开工作年度报告\n统计期限自2012年1月1日起至2012年12月31日止。\n自年7月起。\n"
    write(tmp_path / "old" / "r.txt", text)
    write(tmp_path / "new" / "r.txt", text)
    result = run_cli("check", ".", "--format", "json", "--select", "GL4", cwd=tmp_path)
    doc = json.loads(result.stdout)
    assert [(f["path"], f["rule"]) for f in doc["findings"]] == [
        ("new/r.txt", "GL403"),
        ("new/r.txt", "GL401"),
    ]
    facts = {f["path"]: f["facts"] for f in doc["files"]}
    assert facts["new/r.txt"]["year"] == {"value": 2011, "origin": "config"}
    assert facts["new/r.txt"]["issuer_type"] == {"value": "department", "origin": "config"}
    assert facts["old/r.txt"]["year"] == {"value": 2012, "origin": "title"}


def test_a_pyproject_without_our_table_is_not_our_config(tmp_path):
    write(tmp_path / "pyproject.toml", "[project]\nname = 'x'\n")
    write(tmp_path / "r.txt", REPORT)
    assert run_cli("check", "r.txt", "--format", "json", cwd=tmp_path).returncode == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("govlint.toml", "selec = []\n", "govlint.toml: selec: unknown key"),
        (
            "pyproject.toml",
            "[tool.govlint]\nfoo = 1\n",
            "pyproject.toml: tool.govlint.foo: unknown key",
        ),
        ("govlint.toml", 'select = "GL401"\n', "govlint.toml: select: must be a list of rule ids"),
        (
            "govlint.toml",
            'ignore = ["GL999"]\n',
            "govlint.toml: ignore: unknown rule id or prefix 'GL999'",
        ),
        (
            "govlint.toml",
            'fail-on = "fatal"\n',
            "govlint.toml: fail-on: must be one of error, warning, info, never",
        ),
        ("govlint.toml", 'lang = "fr"\n', "govlint.toml: lang: must be one of zh, en"),
        (
            "govlint.toml",
            '[severity]\nGL401 = "fatal"\n',
            "govlint.toml: severity.GL401: must be error, warning or info",
        ),
        (
            "govlint.toml",
            '[severity]\nGL998 = "error"\n',
            "govlint.toml: severity.GL998: unknown rule id 'GL998'",
        ),
        (
            "govlint.toml",
            '[per-file-ignores]\n"a[.txt" = ["GL401"]\n',
            "govlint.toml: per-file-ignores.a[.txt: bad glob",
        ),
        (
            "govlint.toml",
            '[per-file-overrides]\n"*.txt" = { year = "2012" }\n',
            "govlint.toml: per-file-overrides.*.txt.year: must be a four-digit year",
        ),
        (
            "govlint.toml",
            '[per-file-overrides]\n"*.txt" = { issuer-type = "公司" }\n',
            "govlint.toml: per-file-overrides.*.txt.issuer-type: unknown issuer type",
        ),
        ("govlint.toml", "select = [\n", "govlint.toml: invalid TOML"),
        (
            "govlint.toml",
            'blank-as-zero = "yes"\n',
            "govlint.toml: blank-as-zero: must be true or false",
        ),
        (
            "govlint.toml",
            '[deadlines]\ntownship = "3-31"\n',
            'govlint.toml: deadlines.township: must be "MM-DD"',
        ),
        (
            "govlint.toml",
            "similarity-warning = 0.95\n",
            "govlint.toml: similarity-warning: must not be above similarity-error",
        ),
        (
            "govlint.toml",
            'similarity-error = "high"\n',
            "govlint.toml: similarity-error: must be a number between 0 and 1",
        ),
        (
            "govlint.toml",
            "max-file-mb = 0\n",
            "govlint.toml: max-file-mb: must be a positive number",
        ),
        (
            "govlint.toml",
            "max-pdf-pages = 1.5\n",
            "govlint.toml: max-pdf-pages: must be a positive whole number",
        ),
        (
            "govlint.toml",
            'max-unpacked-mb = "1G"\n',
            "govlint.toml: max-unpacked-mb: must be a positive number",
        ),
        (
            "govlint.toml",
            'severity = "error"\n',
            "govlint.toml: severity: must be a table of rule id",
        ),
        (
            "govlint.toml",
            '[per-file-overrides]\n"[z-a].txt" = { year = 2012 }\n',
            "govlint.toml: per-file-overrides.[z-a].txt: bad glob",
        ),
    ],
)
def test_bad_config_exits_2_naming_file_and_key(tmp_path, name, content, message):
    write(tmp_path / name, content)
    write(tmp_path / "r.txt", REPORT)
    result = run_cli("check", "r.txt", "--lang", "en", cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    line = result.stderr.strip()
    assert "\n" not in line and "Traceback" not in line
    assert line.startswith("govlint: error: ")
    assert str(tmp_path / message.split(":")[0]) in line
    assert message.split(": ", 1)[1] in line


def test_legacy_partitions_from_config_extend_gl601(tmp_path):
    write(
        tmp_path / "govlint.toml",
        '[[legacy-partitions]]\nname = "consultations"\nparent = ["^咨询(总)?数$"]\n'
        'children = [{ name = "电话", match = ["电话"] }, { name = "当面", match = ["当面"] }]\n',
    )
    write(
        tmp_path / "r.txt",
        "某县2012年政府信息公开工作年度报告\n咨询总数\n10\n其中:电话咨询\n4\n当面咨询\n3\n",
    )
    result = run_cli(
        "check", "r.txt", "--format", "json", "--select", "GL601", "--lang", "en", cwd=tmp_path
    )
    [finding] = json.loads(result.stdout)["findings"]
    assert (finding["line"], finding["column"]) == (3, 1)
    assert finding["message"] == "“咨询总数” is 10 but its parts add up to 4 + 3 = 7 (difference 3)"


def test_overrides_of_several_patterns_merge_every_fact(tmp_path):
    write(
        tmp_path / "govlint.toml",
        '[per-file-overrides]\n"*.txt" = { published-on = 2013-03-01 }\n"r.txt" = { year = 2012 }\n',
    )
    write(tmp_path / "r.txt", REPORT)
    result = run_cli("check", "r.txt", "--format", "json", cwd=tmp_path)
    facts = json.loads(result.stdout)["files"][0]["facts"]
    assert facts["published"] == {"value": "2013-03-01", "origin": "config"}
    assert facts["year"] == {"value": 2012, "origin": "config"}
