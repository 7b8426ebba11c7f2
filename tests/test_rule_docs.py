"""Every rule ships its documentation, and the examples in it are run here."""

import pytest
from conftest import check_example, run_cli

from govlint.plugins import build_registry
from govlint.rules.base import Diagnostic

REGISTRY = build_registry(load_entry_points=False)
RULES = list(REGISTRY.rules.values())
CHECKS = [cls for cls in RULES if not issubclass(cls, Diagnostic)]
SECTIONS = ("## What it checks", "## Why", "## Bad example", "## Good example")


@pytest.mark.parametrize("cls", RULES, ids=lambda c: c.id)
def test_docs_have_every_part(cls):
    doc = cls.documentation()
    for heading in SECTIONS:
        assert heading in doc, f"{cls.id} lacks {heading}"
    assert set(cls.summary) == {"zh", "en"}
    for zh, en in cls.messages.values():
        assert zh and en and zh != en


@pytest.mark.parametrize("cls", CHECKS, ids=lambda c: c.id)
def test_bad_example_is_reported(cls, tmp_path):
    bad = cls.examples()["bad"]
    found = [f for f in check_example(tmp_path, bad, select=(cls.id,)) if f.rule == cls.id]
    assert found, f"{cls.id}: its bad example is not reported"


@pytest.mark.parametrize("cls", CHECKS, ids=lambda c: c.id)
def test_good_example_is_clean(cls, tmp_path):
    good = cls.examples()["good"]
    found = [f.rule for f in check_example(tmp_path, good, select=(cls.id,))]
    # Table examples are excerpts: GL005 (on by default, like every diagnostic) notes the
    # rows they leave out; it is not the rule under test and not a failure of the example.
    assert [rule for rule in found if rule == cls.id or rule != "GL005"] == []


@pytest.mark.parametrize("cls", CHECKS, ids=lambda c: c.id)
def test_messages_format_in_both_languages(cls, tmp_path):
    for finding in check_example(tmp_path, cls.examples()["bad"], select=(cls.id,)):
        assert "{" not in finding.message["zh"] and "{" not in finding.message["en"]


def test_explain_prints_the_same_text():
    result = run_cli("explain", "GL401")
    assert result.returncode == 0
    doc = REGISTRY.rules["GL401"].documentation()
    assert doc in result.stdout
    assert result.stdout.startswith("GL401 placeholder-year — 日期或标题缺少年份\n")


def test_explain_by_name_and_unknown_rule():
    assert run_cli("explain", "pinyin-residue").stdout.startswith("GL701 pinyin-residue")
    unknown = run_cli("explain", "GL999", "--lang", "en")
    assert unknown.returncode == 2
    assert unknown.stderr == "govlint: error: unknown rule 'GL999' (govlint rules lists them)\n"
