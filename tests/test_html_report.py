"""The HTML report: self-contained, escaped, and checked in a real browser (headless
Chromium, installed by .ci/run; the browser tests skip where it is missing)."""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import lxml.html
import pytest
from conftest import run_cli

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
needs_chromium = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (.ci/run installs Debian's chromium)"
)
HOSTILE = """\
某县2013年政府信息公开工作年度报告
一、概述
本年度<script>alert("govlint")</script>主动公开信息&amp;数据，<img src=x onerror=alert(1)>。
公开(kāi)信息“]]></testcase>"\\u0000
"""


def _browser(url: str, tmp_path: Path, *extra: str) -> str:
    """Load ``url`` in headless Chromium, scripts run; returns the DOM (or nothing)."""
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={tmp_path / 'chromium-profile'}",
        *extra,
        url,
    ]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def _html(tmp_path: Path, *paths: str, name: str = "report.html") -> Path:
    out = tmp_path / name
    result = run_cli("check", *paths, "--format", "html", "-o", str(out))
    assert result.returncode in (0, 1), result.stderr
    return out


def test_the_page_is_self_contained_and_escaped(tmp_path):
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    page = _html(tmp_path, str(tmp_path / "hostile.txt")).read_text(encoding="utf-8")
    assert page.count("<script>") == 1  # govlint's own, at the end
    assert "<img" not in page and 'alert("govlint")' not in page
    assert "&lt;script&gt;</mark>alert(&quot;govlint&quot;)&lt;/script&gt;" in page  # GL706
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "&amp;amp;" in page  # the entity written out in the report stays text
    # Nothing is fetched: no external address in a src or href, no stylesheet link.
    assert not re.search(r"""(?:src|href)\s*=\s*["']?(?:https?:)?//""", page)
    assert "<link" not in page
    assert "default-src 'none'" in page


def test_terminal_findings_are_all_in_the_page(tmp_path):
    """Every finding of the terminal output is in the page, with its place and rule."""
    page = lxml.html.fromstring(_html(tmp_path, "examples").read_bytes())
    shown = _items(page)
    terminal = run_cli("check", "examples", "--color", "never").stdout
    expected = re.findall(r"^(\S+?):(\d+:\d+): (GL\d+) ", terminal, re.M)
    assert len(expected) == 9 and sorted(expected) == sorted(shown)


def _items(page) -> list[tuple[str, str, str]]:
    found = []
    for section in page.xpath("//section[@class='file']"):
        path = section.xpath(".//h3")[0].text.strip()
        for item in section.xpath(".//li[@data-rule]"):
            found.append((path, item.get("data-where"), item.get("data-rule")))
    return found


@needs_chromium
def test_the_page_in_a_browser(tmp_path, shared):
    report = _html(tmp_path, str(shared / "seeds"))
    json_doc = run_cli("check", str(shared / "seeds"), "--format", "json").stdout
    import json

    findings = json.loads(json_doc)["findings"]
    errors = sum(f["severity"] == "error" for f in findings)

    dom = lxml.html.fromstring(_browser(report.as_uri(), tmp_path, "--dump-dom"))
    items = dom.xpath("//li[@data-rule]")
    assert len(items) == len(findings)
    assert dom.get_element_by_id("shown").text == str(len(findings))
    # The terminal's findings (here: the JSON ones, same run) are all on the page.
    expected = [
        (f["path"], f"{f['line']}:{f['column']}" if f["line"] else "", f["rule"]) for f in findings
    ]
    assert sorted(_items(dom)) == sorted(expected)
    # A highlighted span: GL401 on seed 000, marked in the text as an error.
    marks = [m for m in dom.xpath("//mark") if "GL401" in m.get("data-rules").split()]
    assert marks and all("error" in m.get("class") for m in marks)
    assert dom.xpath("//mark[contains(@class, 'error')]")[0].text_content()

    # The address filters: errors only, then one rule.
    filtered = lxml.html.fromstring(
        _browser(report.as_uri() + "#severity=error", tmp_path, "--dump-dom")
    )
    visible = [li for li in filtered.xpath("//li[@data-rule]") if "hidden" not in li.classes]
    assert len(visible) == errors
    assert {li.get("data-severity") for li in visible} == {"error"}
    assert filtered.get_element_by_id("shown").text == str(errors)
    by_rule = lxml.html.fromstring(
        _browser(report.as_uri() + "#rule=GL703", tmp_path, "--dump-dom")
    )
    visible = [li for li in by_rule.xpath("//li[@data-rule]") if "hidden" not in li.classes]
    assert len(visible) == sum(f["rule"] == "GL703" for f in findings) > 0
    off = [m for m in by_rule.xpath("//mark") if "off" in m.classes]
    assert off  # marks of other rules are no longer highlighted

    screenshot = tmp_path / "report.png"
    _browser(
        report.as_uri(),
        tmp_path,
        f"--screenshot={screenshot}",
        "--window-size=1280,1400",
        "--hide-scrollbars",
    )
    assert screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@needs_chromium
def test_hostile_text_stays_text_in_the_browser(tmp_path):
    (tmp_path / "hostile.txt").write_text(HOSTILE, encoding="utf-8")
    report = _html(tmp_path, str(tmp_path / "hostile.txt"))
    dom = lxml.html.fromstring(_browser(report.as_uri(), tmp_path, "--dump-dom"))
    assert len(dom.xpath("//script")) == 1 and not dom.xpath("//img")
    text = dom.xpath("//div[@class='text']")[0].text_content()
    assert '<script>alert("govlint")</script>' in text and "&amp;" in text
