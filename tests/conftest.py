from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from govlint import config
from govlint.engine import CliSettings, Engine
from govlint.plugins import build_registry

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
