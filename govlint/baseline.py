"""The baseline: findings accepted for now, each with the reason why, kept out of the output.

``govlint baseline PATHS`` writes ``.govlint-baseline.json``; ``govlint check`` reads it from
the working directory (or ``--baseline FILE``), hides the findings it lists and reports the
entries that no longer match anything (the defect was fixed: drop the entry). An entry is
``file`` (relative to the baseline's folder), ``rule``, ``fingerprint`` (rule + section path
+ normalized snippet, never a line number, so it survives edits elsewhere in the file), the
message when it was written, and ``reason``, for a person to fill in. Rewriting the baseline
keeps the reasons of entries that still match.
"""

from __future__ import annotations

import json
import os
from collections import Counter
from dataclasses import asdict, dataclass, field
from pathlib import Path

from govlint.findings import Finding

BASELINE_FILE = ".govlint-baseline.json"
VERSION = 1


class BaselineError(Exception):
    """The baseline file can't be read; the message names the file and the cause."""


@dataclass(frozen=True)
class Entry:
    file: str
    rule: str
    fingerprint: str
    message: str = ""
    reason: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.file, self.rule, self.fingerprint)


@dataclass
class BaselineOutcome:
    path: str
    hidden: int = 0
    stale: list[Entry] = field(default_factory=list)


def relative_file(path: str, base: Path) -> str:
    """``path`` (as displayed) relative to the baseline's folder, with ``/``."""
    return Path(os.path.relpath(Path(path).resolve(), base.resolve())).as_posix()


def load(path: Path) -> list[Entry]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise BaselineError(f"{path}: {exc.strerror}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise BaselineError(f"{path}: not a govlint baseline (invalid JSON: {exc})") from None
    entries = data.get("entries") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        raise BaselineError(f'{path}: not a govlint baseline (no "entries" list)')
    out = []
    for i, item in enumerate(entries):
        try:
            out.append(Entry(**{k: str(v) for k, v in item.items()}))
        except (TypeError, AttributeError):
            raise BaselineError(
                f"{path}: entry {i + 1} needs file, rule, fingerprint (and may have message, "
                "reason)"
            ) from None
    return out


def entries_for(findings: list[Finding], base: Path, previous: list[Entry]) -> list[Entry]:
    """Entries for ``findings``; reasons of previous entries with the same key are kept."""
    reasons: dict[tuple[str, str, str], list[str]] = {}
    for entry in previous:
        reasons.setdefault(entry.key, []).append(entry.reason)
    out = []
    for finding in findings:
        if not finding.path:
            continue
        entry = Entry(
            relative_file(finding.path, base),
            finding.rule,
            finding.fingerprint,
            finding.text("zh"),
        )
        kept = reasons.get(entry.key)
        if kept:
            entry = Entry(entry.file, entry.rule, entry.fingerprint, entry.message, kept.pop(0))
        out.append(entry)
    out.sort(key=lambda e: (e.file, e.rule, e.fingerprint))
    return out


def write(path: Path, entries: list[Entry]) -> None:
    document = {
        "tool": "govlint",
        "version": VERSION,
        "comment": "Findings accepted for now. Fill in each reason; "
        "delete an entry to see its finding again.",
        "entries": [asdict(e) for e in entries],
    }
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    os.replace(temporary, path)


def apply(entries: list[Entry], results, path: Path) -> BaselineOutcome:
    """Remove baselined findings from ``results`` (a list or a ResultStore); entries of checked files that
    matched nothing are stale. Entries of files not checked in this run are left alone."""
    base = path.parent
    remaining = Counter(e.key for e in entries)
    outcome = BaselineOutcome(str(path))
    checked: set[str] = set()
    for index, result in enumerate(results):
        name = relative_file(result.path, base)
        checked.add(name)
        kept = []
        for finding in result.findings:
            key = (name, finding.rule, finding.fingerprint)
            if remaining[key] > 0:
                remaining[key] -= 1
                outcome.hidden += 1
            else:
                kept.append(finding)
        if len(kept) != len(result.findings):
            result.findings = kept
            results[index] = result  # a ResultStore gives copies: store it back
    for entry in entries:
        if entry.file in checked and remaining[entry.key] > 0:
            remaining[entry.key] -= 1
            outcome.stale.append(entry)
    return outcome
