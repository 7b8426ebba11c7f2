"""Plugins: the example plugin installed for real, a failing plugin, a crashing rule."""

import subprocess
import sys
import types
from pathlib import Path

import pytest
from conftest import ROOT, brief, run_cli

from govlint.engine import CliSettings, Engine
from govlint.findings import Severity
from govlint.hookspecs import hookimpl
from govlint.plugins import build_registry
from govlint.rules import Hit, Rule

EXAMPLE = ROOT / "plugins" / "govlint-example-plugin"


@pytest.fixture(scope="module")
def installed_example(tmp_path_factory) -> Path:
    """pip-install the example plugin package (offline) into a private target directory."""
    target = tmp_path_factory.mktemp("site")
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            str(EXAMPLE),
        ],
        capture_output=True,
        text=True,
    )
    if result.returncode != 0 and "setuptools" in result.stderr and "No module" in result.stderr:
        pytest.skip("setuptools is not installed: the example plugin can't be built offline")
    assert result.returncode == 0, result.stderr
    return target


def test_example_plugin_end_to_end(installed_example, tmp_path):
    env = {"PYTHONPATH": str(installed_example)}
    plugins = run_cli("plugins", env=env)
    assert plugins.returncode == 0
    assert "example 0.1.0: EX101" in plugins.stdout.splitlines()
    report = tmp_path / "r.txt"
    report.write_text("某县2023年政府信息公开工作年度报告\n一、总体情况\n", encoding="utf-8")
    result = run_cli("check", str(report), "--select", "EX101", "--lang", "en", env=env)
    assert f"{report}:1:1: EX101 info the report gives no contact" in result.stdout
    assert run_cli("explain", "EX101", env=env).stdout.startswith("EX101 contact-missing")


class Boom(Rule):
    """Always crashes."""

    id = "TS001"
    name = "boom"
    severity = Severity.ERROR
    summary = {"zh": "崩溃", "en": "crash"}
    messages = {"default": ("崩溃", "crash")}

    def check(self, report):
        raise ZeroDivisionError("division by zero")


class Quiet(Rule):
    """Reports the title."""

    id = "TS002"
    name = "quiet"
    severity = Severity.INFO
    summary = {"zh": "标题", "en": "title"}
    messages = {"default": ("标题", "title")}

    def check(self, report):
        yield Hit(report.head)


def plugin_module(name, **hooks):
    module = types.ModuleType(name)
    for hook, function in hooks.items():
        setattr(module, hook, hookimpl(function))
    return module


def test_crashing_rule_is_gl002_and_other_rules_run(tmp_path):
    plugin = plugin_module("crashy", govlint_rules=lambda: [Boom, Quiet])
    engine = Engine(build_registry(False, (plugin,)), CliSettings(select=("TS", "GL401")))
    path = tmp_path / "r.txt"
    path.write_text("某县2012年政府信息公开工作年度报告\n自年7月起。\n", encoding="utf-8")
    findings = engine.check_file(path, "r.txt").findings
    assert brief(findings) == ["GL002@-", "TS002@1:1", "GL401@2:2"]
    assert findings[0].message["en"] == (
        "rule TS001 crashed (ZeroDivisionError: division by zero); its results are "
        "incomplete, the other rules ran"
    )


def test_failing_plugin_is_gl003_and_builtins_still_run(tmp_path):
    def broken():
        raise ImportError("No module named 'missing_dependency'")

    bad = plugin_module("broken", govlint_rules=broken)
    not_rules = plugin_module("junk", govlint_rules=lambda: [object])
    registry = build_registry(False, (bad, not_rules))
    assert [(e.plugin, e.error) for e in registry.errors] == [
        ("broken", "ImportError: No module named 'missing_dependency'"),
        ("junk", "TypeError: not a govlint rule: <class 'object'>"),
    ]
    engine = Engine(registry, CliSettings(select=("GL401",)))
    assert [f.rule for f in engine.run_findings()] == ["GL003", "GL003"]
    assert "GL401" in registry.rules


def test_entry_point_that_fails_to_import(tmp_path):
    site = tmp_path / "site"
    dist = site / "bad_plugin-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: bad-plugin\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[govlint]\nbad = bad_plugin_module\n")
    (site / "bad_plugin_module.py").write_text("raise RuntimeError('broken on import')\n")
    report = tmp_path / "r.txt"
    report.write_text("某县2012年政府信息公开工作年度报告\n自年7月起。\n", encoding="utf-8")
    result = run_cli(
        "check", str(report), "--select", "GL401", "--lang", "en", env={"PYTHONPATH": str(site)}
    )
    assert result.returncode == 1
    assert (
        "govlint: GL003 error plugin 'bad' failed to load (RuntimeError: broken on import)"
        in result.stdout
    )
    assert f"{report}:2:2: GL401" in result.stdout
