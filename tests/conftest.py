from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from govlint import config
from govlint.engine import CliSettings, Engine
from govlint.plugins import build_registry

# Property tests: derandomized with a fixed budget in CI; GOVLINT_FUZZ=long for a longer,
# random local session (see README, "Testing").
settings.register_profile(
    "ci",
    derandomize=True,
    max_examples=40,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.register_profile(
    "long",
    max_examples=3000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
settings.load_profile(os.environ.get("GOVLINT_FUZZ", "ci"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED = ROOT.parent / "shared"


@pytest.fixture(autouse=True)
def _fresh_config_cache():
    config.clear_cache()
    yield
    config.clear_cache()


@pytest.fixture(scope="session")
def registry():
    return build_registry(load_entry_points=False)


@pytest.fixture
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip(f"{SHARED} is absent: the real reports of ../shared are not available here")
    return SHARED


def check_text(tmp_path: Path, text: str, *, name: str = "report.txt", select=None, **cli):
    """Check ``text`` written to a file; returns the findings."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    registry = build_registry(load_entry_points=False)
    engine = Engine(registry, CliSettings(select=select, **cli))
    return engine.check_file(path, name).findings


NEXT_YEAR = "=== next year ===\n"
"""Separates the two reports of a cross-report rule's doc example."""


def check_set(tmp_path: Path, texts: dict[str, str], *, select=None, prior=None, **cli):
    """Check several reports as one batch (report sets included); findings by file name.
    ``prior`` names a file of ``texts`` to pass as ``--prior`` (not reported on)."""
    from govlint.reportsets import ReportSets, merge

    for name, text in texts.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    engine = Engine(build_registry(load_entry_points=False), CliSettings(select=select, **cli))
    sets = ReportSets(engine)
    if prior is not None:
        sets.add(engine.check_file(tmp_path / prior, prior), prior=True)
    results = []
    for name in texts:
        if name != prior:
            results.append(engine.check_file(tmp_path / name, name))
            sets.add(results[-1])
    merge(results, sets.finish())
    return {r.path: r.findings for r in results}


def check_example(tmp_path: Path, text: str, *, select):
    """A rule's doc example: one report, or two (last year's, then this year's) separated by
    :data:`NEXT_YEAR`; the findings on the (last) report."""
    if NEXT_YEAR not in text:
        return check_text(tmp_path, text, select=select)
    before, after = text.split(NEXT_YEAR)
    found = check_set(tmp_path, {"prior.txt": before, "report.txt": after}, select=select)
    assert found["prior.txt"] == [] or all(f.rule != select[0] for f in found["prior.txt"])
    return found["report.txt"]


def brief(findings) -> list[str]:
    """``RULE@line:col`` for each finding, in order."""
    return [
        f"{f.rule}@{f.location.line}:{f.location.column}" if f.location else f"{f.rule}@-"
        for f in findings
    ]


def run_cli(*args: str, cwd: Path | None = None, env: dict | None = None):
    """Run the real command line in a subprocess; returns CompletedProcess (text)."""
    full_env = {**os.environ, **(env or {})}
    full_env.pop("NO_COLOR", None)
    return subprocess.run(
        [sys.executable, "-m", "govlint", *args],
        cwd=cwd or ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
