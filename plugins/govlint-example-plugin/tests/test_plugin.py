"""The plugin's own tests: registered explicitly, never through entry points."""

from pathlib import Path

import govlint_example.plugin as plugin
from govlint_example.rules import ContactMissing

from govlint.engine import CliSettings, Engine
from govlint.plugins import build_registry


def check(tmp_path: Path, text: str) -> list[str]:
    registry = build_registry(load_entry_points=False, plugins=(plugin,))
    engine = Engine(registry, CliSettings(select=("EX101",)))
    path = tmp_path / "report.txt"
    path.write_text(text, encoding="utf-8")
    result = engine.check_file(path, "report.txt")
    return [f"{f.rule}@{f.location.line}:{f.location.column}" for f in result.findings]


def test_registers_its_rule():
    registry = build_registry(load_entry_points=False, plugins=(plugin,))
    assert registry.rules["EX101"] is ContactMissing


def test_bad_example_reports(tmp_path):
    assert check(tmp_path, ContactMissing.examples()["bad"]) == ["EX101@1:1"]


def test_good_example_is_clean(tmp_path):
    assert check(tmp_path, ContactMissing.examples()["good"]) == []
