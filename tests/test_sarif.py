"""SARIF 2.1.0: valid against the official schema, relative URIs, stable fingerprints."""

import json

import pytest
from conftest import SHARED, run_cli


def sarif(*paths, cwd=None):
    result = run_cli("check", *paths, "--format", "sarif", cwd=cwd)
    return json.loads(result.stdout)


def test_validates_against_the_official_schema():
    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.is_file():
        pytest.skip(f"{schema_path} is absent: the official SARIF schema of ../shared is needed")
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    doc = sarif("examples", *(["../shared/seeds"] if (SHARED / "seeds").is_dir() else []))
    jsonschema.validate(doc, schema)
    assert len(doc["runs"][0]["results"]) > 50


def test_run_shape():
    doc = sarif("examples/defective/gl401-placeholder-year.txt")
    run = doc["runs"][0]
    assert doc["version"] == "2.1.0"
    assert run["columnKind"] == "unicodeCodePoints"
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"].startswith("file:///")
    rules = run["tool"]["driver"]["rules"]
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["fullDescription"]["text"]
        assert "## Bad example" in rule["help"]["text"]
        assert rule["defaultConfiguration"]["level"] in {"error", "warning", "note"}
    [result] = run["results"]
    assert rules[result["ruleIndex"]]["id"] == result["ruleId"] == "GL401"
    location = result["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {
        "uri": "examples/defective/gl401-placeholder-year.txt",
        "uriBaseId": "%SRCROOT%",
    }
    assert location["region"] == {"startLine": 7, "startColumn": 10, "endLine": 7, "endColumn": 11}


def fingerprints(results):
    return {r["ruleId"]: r["partialFingerprints"]["govlint/v1"] for r in results}


def gl401_lines(results):
    return [
        r["locations"][0]["physicalLocation"]["region"]["startLine"]
        for r in results
        if r["ruleId"] == "GL401"
    ]


def test_fingerprints_survive_moving_text(tmp_path):
    body = "某县2012年政府信息公开工作年度报告\n一、概述\n自年7月起施行。\n"
    (tmp_path / "r.txt").write_text(body, encoding="utf-8")
    before = sarif("r.txt", cwd=tmp_path)["runs"][0]["results"]
    moved = body.replace("一、概述\n", "一、概述\n新增一段说明。\n\n")
    (tmp_path / "r.txt").write_text(moved, encoding="utf-8")
    after = sarif("r.txt", cwd=tmp_path)["runs"][0]["results"]
    assert fingerprints(before) == fingerprints(after)
    assert (gl401_lines(before), gl401_lines(after)) == ([3], [5])


def test_repeated_findings_get_distinct_fingerprints(tmp_path):
    (tmp_path / "r.txt").write_text("年度报告\n自年7月起。\n自年7月起。\n", encoding="utf-8")
    results = sarif("r.txt", cwd=tmp_path)["runs"][0]["results"]
    prints = [r["partialFingerprints"]["govlint/v1"] for r in results if r["ruleId"] == "GL401"]
    assert len(prints) == len(set(prints)) == 2


def test_word_and_html_locations(tmp_path):
    from test_inputs import HTML_FIXTURE, write_docx

    schema_path = SHARED / "schemas" / "sarif-schema-2.1.0.json"
    write_docx(tmp_path / "report.docx")
    doc = sarif(str(tmp_path / "report.docx"), str(HTML_FIXTURE), cwd=tmp_path)
    if schema_path.is_file():
        jsonschema = pytest.importorskip("jsonschema")
        jsonschema.validate(doc, json.loads(schema_path.read_text(encoding="utf-8")))
    results = doc["runs"][0]["results"]
    total = next(r for r in results if r["ruleId"] == "GL601" and "docx" in str(r))
    location = total["locations"][0]
    assert location["physicalLocation"]["region"]["startLine"] == 20  # the paragraph
    assert location["logicalLocations"][0] == {
        "name": "表格 1 第 2 行第 2 格，第 20 段",
        "fullyQualifiedName": "table 1, row 2, cell 2, paragraph 20",
        "kind": "element",
    }
    assert "contextRegion" not in location["physicalLocation"]  # no text lines in a .docx
    # HTML: the region is in the .html file and its context is the file's own line.
    year = next(r for r in results if r["ruleId"] == "GL401" and "html" in str(r))
    physical = year["locations"][0]["physicalLocation"]
    assert physical["region"]["startLine"] == 19 and physical["region"]["startColumn"] == 120
    assert physical["contextRegion"]["snippet"]["text"].startswith("<p class=MsoNormal><span>全")
