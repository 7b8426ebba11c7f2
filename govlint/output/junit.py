"""``--format junit``: JUnit XML, for CI systems that show test reports (GitLab, Jenkins).

One ``<testcase>`` per checked file; a file with findings at or above ``--fail-on`` fails,
with one ``<failure>`` per such finding (type = rule id, text = position and message).
Findings below the threshold are listed in ``<system-out>``.
"""

from __future__ import annotations

import re
from typing import TextIO
from xml.etree import ElementTree as ET

from govlint.findings import Finding

# Characters XML 1.0 can't carry at all (a report with control characters is GL705).
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def _line(finding: Finding, lang: str) -> str:
    loc = finding.location
    where = f"{finding.path}:{loc.line}:{loc.column}" if loc else finding.path or "govlint"
    return xml_text(f"{where}: {finding.rule} [{finding.severity.label}] {finding.text(lang)}")


def render(run, stream: TextIO, color: bool = False) -> None:
    threshold = run.fail_threshold
    by_path: dict[str, list[Finding]] = {r.path: [] for r in run.results}
    for finding in run.findings:
        by_path.setdefault(finding.path or "govlint", []).append(finding)
    suites = ET.Element("testsuites", name="govlint")
    suite = ET.SubElement(suites, "testsuite", name="govlint")
    failures = 0
    for path, findings in by_path.items():
        case = ET.SubElement(suite, "testcase", classname="govlint", name=xml_text(path))
        failing = [f for f in findings if threshold is not None and f.severity >= threshold]
        for finding in failing:
            failure = ET.SubElement(
                case, "failure", type=finding.rule, message=xml_text(finding.text(run.lang))
            )
            failure.text = _line(finding, run.lang)
        others = [f for f in findings if f not in failing]
        if others:
            ET.SubElement(case, "system-out").text = "\n".join(_line(f, run.lang) for f in others)
        failures += bool(failing)
    for element in (suite, suites):
        element.set("tests", str(len(by_path)))
        element.set("failures", str(failures))
        element.set("errors", "0")
    ET.indent(suites)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(suites, encoding="unicode"))
    stream.write("\n")
