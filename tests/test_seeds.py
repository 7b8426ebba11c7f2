"""The real reports of ../shared: what the foundation must find, where, and nothing else
from its rules. Skipped with a reason when ../shared is absent."""

import json
from pathlib import Path

import pytest
from conftest import run_cli


@pytest.fixture(scope="module")
def seeds_json():
    from conftest import SHARED

    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"{SHARED} is absent: the real reports of ../shared are not available here")
    result = run_cli("check", "../shared/seeds", "--format", "json", "--lang", "en")
    assert result.returncode == 1, result.stderr
    return json.loads(result.stdout)


def found(doc, seed, rule):
    return [
        (f["line"], f["column"], f["severity"])
        for f in doc["findings"]
        if f["rule"] == rule and f["path"].endswith(seed)
    ]


def test_gl101_seed_000_misses_fees_and_review(seeds_json):
    findings = [
        f["message"]
        for f in seeds_json["findings"]
        if f["rule"] == "GL101" and f["path"].endswith("000_b1535a13b065a6c0.txt")
    ]
    assert findings == [
        "missing a topic required by 条例(2007) art. 32: 收费及减免情况 (fees and fee waivers)",
        "missing a topic required by 条例(2007) art. 32: 行政复议、行政诉讼情况 "
        "(administrative review and litigation)",
        "missing a topic required by 条例(2007) art. 32: 其他需要报告的事项 "
        "(other matters to report)",
    ]
    assert found(seeds_json, "000_b1535a13b065a6c0.txt", "GL101") == [
        (1, 1, "error"),
        (1, 1, "error"),
        (1, 1, "warning"),
    ]


def test_gl401_seed_002_dropped_years(seeds_json):
    positions = found(seeds_json, "002_5ba2120920e89e4d.txt", "GL401")
    assert (15, 10, "error") in positions  # 年5月1日起
    assert (87, 49, "error") in positions  # 自年7月起
    assert (25, 25, "error") in positions  # 《市年政府信息公開工作要點》
    assert len(positions) == 21  # every one read and confirmed as a dropped year
    assert found(seeds_json, "000_b1535a13b065a6c0.txt", "GL401") == []


def test_gl403_missing_and_garbled_periods(seeds_json):
    assert found(seeds_json, "000_b1535a13b065a6c0.txt", "GL403") == [(1, 1, "warning")]
    assert found(seeds_json, "001_aa3a243895e0214b.txt", "GL403") == [(1, 1, "warning")]
    assert found(seeds_json, "002_5ba2120920e89e4d.txt", "GL403") == [(5, 1, "warning")]
    assert found(seeds_json, "003_26e5decb5ee1c2e1.txt", "GL403") == [(9, 145, "error")]
    assert found(seeds_json, "004_ebc6586d6542aed6.txt", "GL403") == []  # states 2017 correctly


def test_gl601_seed_003_reply_count(seeds_json):
    [finding] = [f for f in seeds_json["findings"] if f["rule"] == "GL601"]
    assert finding["path"].endswith("003_26e5decb5ee1c2e1.txt")
    assert (finding["line"], finding["column"]) == (145, 1)
    assert finding["message"] == (
        "“对申请的答复数” is 0 but its parts add up to 7 + 2 + 2 + 0 = 11 (difference 11)"
    )


def test_gl701_seed_004_one_finding_per_line(seeds_json):
    positions = found(seeds_json, "004_ebc6586d6542aed6.txt", "GL701")
    assert positions[0] == (1, 3, "error")
    assert len(positions) == len({line for line, _, _ in positions}) == 33
    first = next(f for f in seeds_json["findings"] if f["rule"] == "GL701")
    assert first["message"] == "11 pinyin annotation(s) on this line (e.g. “據(jù)”); remove them"
    assert first["end_column"] == 7
    for seed in ("000", "001", "002", "003"):
        assert not [f for f in seeds_json["findings"] if f["rule"] == "GL701" and seed in f["path"]]


def test_gl702_traditional_seeds(seeds_json):
    traditional = [f for f in seeds_json["findings"] if f["rule"] == "GL702"]
    assert [(Path(f["path"]).name, f["line"], f["column"]) for f in traditional] == [
        ("002_5ba2120920e89e4d.txt", 1, 1),
        ("004_ebc6586d6542aed6.txt", 1, 2),
    ]


def test_facts_of_the_seeds(seeds_json):
    facts = {Path(f["path"]).name[:7]: f["facts"] for f in seeds_json["files"]}
    assert facts["000_b15"]["year"] == {"value": 2012, "origin": "title"}
    assert facts["003_26e"]["issuer"] == {"value": "大余县", "origin": "title"}
    assert facts["004_ebc"]["issuer"] == {"value": "随县人民政府", "origin": "text"}
    assert facts["004_ebc"]["statistics_period"]["start"] == "2017-01-01"
    assert facts["002_5ba"]["title"]["value"] == "政府信息公开年度工作报告范文"
    assert facts["002_5ba"]["year"] is None


def test_corpus_2021_reports_only_have_their_table_defects(shared):
    """The city report adds up (one vague figure); the Hongze reports carry the table
    defects test_tables checks."""
    result = run_cli("check", str(shared / "corpus"), "--format", "json")
    found = sorted(
        (Path(f["path"]).name.split(".")[0], f["rule"])
        for f in json.loads(result.stdout)["findings"]
    )
    once = [
        *[("huaian-city-2024", r) for r in ("GL305", "GL502")],  # 5500 余条; no 考核/评议/追责
        *[("huaian-hongze-2023", r) for r in ("GL108", "GL201", "GL213", "GL213", "GL502")],
        *[("huaian-hongze-2024", r) for r in ("GL108", "GL201", "GL502")],
    ]
    assert found == sorted(once * 2)  # the text extracts, and the PDFs in corpus/pdf
