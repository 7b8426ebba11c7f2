"""``--format sarif``: SARIF 2.1.0 for code scanning.

Artifact URIs are relative to ``%SRCROOT%`` (the working directory, given in
``originalUriBaseIds``), columns count Unicode code points, and every result carries a
``partialFingerprints`` entry built from rule + section path + normalized snippet — never
line numbers — so that a finding keeps its identity when text above it moves.
"""

from __future__ import annotations

import json
import os
import re
from collections import Counter
from pathlib import Path
from typing import TextIO

from govlint import __version__
from govlint.findings import Finding

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://pypi.org/project/govlint/"
FINGERPRINT_KEY = "govlint/v1"


def _first_paragraph(doc: str, heading: str) -> str:
    m = re.search(rf"^## {heading}\s*\n(.*?)(?:\n\s*\n|\Z)", doc, re.S | re.M)
    return " ".join(m.group(1).split()) if m else ""


def rule_descriptor(cls, lang: str) -> dict[str, object]:
    doc = cls.documentation()
    summary_line = doc.splitlines()[0] if doc else cls.summary["en"]
    full = _first_paragraph(doc, "What it checks") or summary_line
    return {
        "id": cls.id,
        "name": cls.name,
        "shortDescription": {"text": cls.summary.get(lang) or cls.summary["en"]},
        "fullDescription": {"text": full},
        "help": {"text": doc or summary_line, "markdown": doc or summary_line},
        "defaultConfiguration": {
            "level": cls.severity.sarif_level,
            "enabled": bool(getattr(cls, "default_enabled", True)),
        },
        "properties": {"tags": ["govlint", cls.id[:3] + "xx"]},
    }


def _uri(path: str, root: Path) -> str:
    absolute = Path(path).resolve()
    try:
        relative = absolute.relative_to(root)
    except ValueError:
        relative = Path(os.path.relpath(absolute, root))
    return relative.as_posix()


def result(finding: Finding, rule_index: int, lang: str, root: Path, seen: Counter) -> dict:
    out: dict[str, object] = {
        "ruleId": finding.rule,
        "ruleIndex": rule_index,
        "level": finding.severity.sarif_level,
        "message": {"text": finding.text(lang)},
    }
    if finding.path:
        physical: dict[str, object] = {
            "artifactLocation": {"uri": _uri(finding.path, root), "uriBaseId": "%SRCROOT%"}
        }
        loc = finding.location
        if loc is not None:
            physical["region"] = {
                "startLine": loc.line,
                "startColumn": loc.column,
                "endLine": loc.end_line,
                "endColumn": loc.end_column,
            }
            if finding.source_line:
                physical["contextRegion"] = {
                    "startLine": loc.line,
                    "endLine": loc.line,
                    "snippet": {"text": finding.source_line},
                }
        location: dict[str, object] = {"physicalLocation": physical}
        logical = []
        if loc is not None and loc.place("en"):
            # Word paragraph / table cell, PDF page and line: where a reader finds it.
            logical.append(
                {"name": loc.place(lang), "fullyQualifiedName": loc.place("en"), "kind": "element"}
            )
        if finding.section:
            logical.append({"name": finding.section, "kind": "section"})
        if logical:
            location["logicalLocations"] = logical
        out["locations"] = [location]
    fingerprint = finding.fingerprint
    key = (finding.path, fingerprint)
    seen[key] += 1
    if seen[key] > 1:
        fingerprint = f"{fingerprint}:{seen[key]}"
    out["partialFingerprints"] = {FINGERPRINT_KEY: fingerprint}
    return out


def build(run) -> dict[str, object]:
    root = Path.cwd().resolve()
    rules = list(run.registry.rules.values())
    index = {cls.id: i for i, cls in enumerate(rules)}
    seen: Counter = Counter()
    results = [result(f, index[f.rule], run.lang, root, seen) for f in run.findings]
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "govlint",
                        "version": __version__,
                        "semanticVersion": __version__,
                        "informationUri": INFORMATION_URI,
                        "language": "zh-CN" if run.lang == "zh" else "en",
                        "rules": [rule_descriptor(cls, run.lang) for cls in rules],
                    }
                },
                "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri() + "/"}},
                "artifacts": [
                    {"location": {"uri": _uri(r.path, root), "uriBaseId": "%SRCROOT%"}}
                    for r in run.results
                ],
                "columnKind": "unicodeCodePoints",
                "results": results,
            }
        ],
    }


def render(run, stream: TextIO, color: bool = False) -> None:
    json.dump(build(run), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
