"""Print govlint's speed: cold start, throughput, and the read + normalize floor.

    python benchmarks/bench.py [--min-mb 5] [--runs 5]

Reports come from ../shared/seeds (real web reports) when present, else from examples/;
they are copied, repeated, to a temporary directory until it holds at least --min-mb MB.
Prints figures; asserts nothing (speed is measured here, not in timed tests).
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"


def sources() -> list[Path]:
    if SEEDS.is_dir():
        return sorted(SEEDS.glob("*.txt"))
    return sorted((ROOT / "examples").rglob("*.txt"))


def build_corpus(directory: Path, min_bytes: int) -> list[Path]:
    files, total, round_ = [], 0, 0
    originals = sources()
    while total < min_bytes:
        for original in originals:
            target = directory / f"{round_:04d}_{original.name}"
            shutil.copyfile(original, target)
            files.append(target)
            total += target.stat().st_size
        round_ += 1
    return files


def cold_start(path: Path, runs: int) -> tuple[float, float]:
    """Median wall time of `govlint check FILE` and of a bare `python -c pass`."""

    def timed(args: list[str]) -> float:
        samples = []
        for _ in range(runs):
            start = time.perf_counter()
            subprocess.run(args, capture_output=True, check=False)
            samples.append(time.perf_counter() - start)
        return statistics.median(samples)

    govlint = timed([sys.executable, "-m", "govlint", "check", str(path), "--format", "json"])
    python = timed([sys.executable, "-c", "pass"])
    return govlint, python


def throughput_check(files: list[Path]) -> float:
    from govlint.engine import Engine
    from govlint.plugins import build_registry

    engine = Engine(build_registry())
    start = time.perf_counter()
    findings = 0
    for result in engine.run(files):
        findings += len(result.findings)
    elapsed = time.perf_counter() - start
    assert findings > 0
    return elapsed


def throughput_floor(files: list[Path]) -> float:
    from govlint.normalize import normalize
    from govlint.sources.text import read_text_file

    start = time.perf_counter()
    for path in files:
        normalize(read_text_file(path, path.name).text)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-mb", type=float, default=5.0)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))

    with tempfile.TemporaryDirectory() as tmp:
        files = build_corpus(Path(tmp), int(args.min_mb * 1_000_000))
        megabytes = sum(p.stat().st_size for p in files) / 1_000_000
        one_file = files[0]
        cold, python = cold_start(one_file, args.runs)
        throughput_floor(files[:10])  # warm OpenCC and the page cache
        check = min(throughput_check(files) for _ in range(2))
        floor = min(throughput_floor(files) for _ in range(2))

    n = len(files)
    print(f"corpus: {n} reports, {megabytes:.1f} MB ({'seeds' if SEEDS.is_dir() else 'examples'})")
    print(f"{'measure':<38}{'value':>14}")
    print(f"{'cold start, govlint check 1 file':<38}{cold * 1000:>11.0f} ms")
    print(f"{'  of which python -c pass':<38}{python * 1000:>11.0f} ms")
    print(f"{'check: reports/s (1 core)':<38}{n / check:>14.0f}")
    print(f"{'check: MB/s':<38}{megabytes / check:>14.2f}")
    print(f"{'floor read+normalize: reports/s':<38}{n / floor:>14.0f}")
    print(f"{'floor read+normalize: MB/s':<38}{megabytes / floor:>14.2f}")
    print(f"{'check time / floor time':<38}{check / floor:>13.2f}x")


if __name__ == "__main__":
    main()
