"""Print govlint's speed against its targets, and two references measured on the same files.

    python benchmarks/bench.py [--reports 2000] [--rss-reports 10000] [--runs 7] [--inputs]

Corpora: ``--reports`` synthetic reports (benchmarks/corpus.py: FF and T21, 30 % with a
defect, traditional and pinyin variants) and, when ../shared is there, the real seeds
copied to at least 6 MB.

Figures (wall time, this machine):
- cold start: ``govlint check FILE`` on one report, median of ``--runs``, bytecode cached
  (as after ``pip install``); ``python -c pass`` for scale;
- per-report latency: ``Engine.check_file`` on each report in one process (median, p95);
- throughput on one core: ``govlint check DIR -j 1`` end to end (reports/s, MB/s);
- ``-j 2`` speed-up over ``-j 1``;
- peak RSS of ``govlint check DIR`` over ``--rss-reports`` reports;
- references, on the same files: the floor (read + decode + OpenCC normalize, nothing else)
  and autocorrect-py (``pip install -e '.[bench]'``; a Rust-core Chinese copywriting linter,
  ``lint_for`` on each text after reading it).
``--inputs`` adds HTML extraction and PDF reading figures. Asserts nothing.
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
SEEDS = ROOT.parent / "shared" / "seeds"
CORPUS_PDF = ROOT.parent / "shared" / "corpus" / "pdf"
PDF_PAGES = 50
GOVLINT = [sys.executable, "-m", "govlint"]
TARGETS = {
    "cold": 0.150,  # seconds, one file
    "speedup": 1.7,  # -j 2 over -j 1
    "rss": 150.0,  # MB over 10 000 reports
}


def env() -> dict[str, str]:
    """The environment of a user's shell: bytecode is cached (pip compiles it on install)."""
    out = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    out["PYTHONPYCACHEPREFIX"] = str(Path(tempfile.gettempdir()) / "govlint-bench-pycache")
    return out


def run(args: list[str]) -> tuple[float, float]:
    """Wall seconds and peak RSS (MB) of a command, in a process of its own."""
    start = time.perf_counter()
    process = subprocess.Popen(
        args, env=env(), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        raise SystemExit(f"bench: {' '.join(args)} failed ({status})")
    return elapsed, usage.ru_maxrss / 1024


def seed_corpus(directory: Path, min_bytes: int) -> list[Path]:
    files, total, round_ = [], 0, 0
    originals = sorted(SEEDS.glob("*.txt"))
    directory.mkdir(parents=True)
    while total < min_bytes:
        for original in originals:
            target = directory / f"{round_:04d}_{original.name}"
            shutil.copyfile(original, target)
            files.append(target)
            total += target.stat().st_size
        round_ += 1
    return files


def cold_start(path: Path, runs: int) -> tuple[float, float]:
    """Median wall time of ``govlint check FILE`` (default output) and of ``python -c pass``."""
    run([*GOVLINT, "check", str(path)])  # writes the bytecode cache
    govlint = statistics.median(run([*GOVLINT, "check", str(path)])[0] for _ in range(runs))
    python = statistics.median(run([sys.executable, "-c", "pass"])[0] for _ in range(runs))
    return govlint, python


def latency(files: list[Path]) -> tuple[float, float]:
    """Median and 95th percentile of one report's check, in-process (ms)."""
    from govlint.engine import Engine
    from govlint.plugins import build_registry

    engine = Engine(build_registry())
    engine.cross_reports = False  # a single report, as in a pre-commit hook
    for path in files[:20]:
        engine.check_file(path, path.name)  # warm OpenCC and the caches
    samples = []
    for path in files:
        start = time.perf_counter()
        engine.check_file(path, path.name)
        samples.append(time.perf_counter() - start)
    samples.sort()
    return statistics.median(samples) * 1000, samples[int(len(samples) * 0.95)] * 1000


def check_dir(directory: Path, jobs: int) -> tuple[float, float]:
    out = os.devnull
    return run([*GOVLINT, "check", str(directory), "-j", str(jobs), "--format", "json", "-o", out])


def floor(files: list[Path]) -> float:
    """Read, decode and normalize (OpenCC) each file: what any checker of these files pays."""
    from govlint.normalize import normalize
    from govlint.sources.text import read_text_file

    for path in files[:20]:
        normalize(read_text_file(path, path.name).text)
    start = time.perf_counter()
    for path in files:
        normalize(read_text_file(path, path.name).text)
    return time.perf_counter() - start


def autocorrect(files: list[Path]) -> float | None:
    try:
        import autocorrect_py
    except ImportError:
        return None
    for path in files[:20]:
        autocorrect_py.lint_for(path.read_text(encoding="utf-8"), path.name)
    start = time.perf_counter()
    for path in files:
        autocorrect_py.lint_for(path.read_text(encoding="utf-8"), path.name)
    return time.perf_counter() - start


def build_html(path: Path, min_bytes: int) -> None:
    """A Word-pasted page: every third character in its own <span>/<font>, <o:p> tags."""
    paragraphs = [
        line.strip()
        for source in sources()
        for line in source.read_text(encoding="utf-8", errors="replace").splitlines()
        if line.strip()
    ]
    parts = ['<html><head><meta charset="utf-8"><style>p{margin:0}</style></head><body>']
    size, i = 0, 0
    while size < min_bytes:
        text = html.escape(paragraphs[i % len(paragraphs)])
        words = [text[k : k + 3] for k in range(0, len(text), 3)]
        body = "".join(
            f"<span style='font-family:宋体'>{w[:1]}</span><font face=宋体>{w[1:]}</font>"
            for w in words
        )
        part = f"<p class=MsoNormal>{body}<o:p></o:p></p>\n"
        parts.append(part)
        size += len(part.encode("utf-8"))
        i += 1
    parts.append("</body></html>")
    path.write_text("".join(parts), encoding="utf-8")


def build_pdf(path: Path, pages: int) -> bool:
    try:
        from pypdf import PdfReader, PdfWriter
    except ImportError:
        return False
    originals = sorted(CORPUS_PDF.glob("*.pdf")) if CORPUS_PDF.is_dir() else []
    if not originals:
        return False
    writer = PdfWriter()
    while len(writer.pages) < pages:
        for original in originals:
            for page in PdfReader(original).pages:
                if len(writer.pages) < pages:
                    writer.add_page(page)
    writer.write(path)
    return True


def inputs(directory: Path, min_bytes: int) -> list[tuple[str, str]]:
    from govlint.sources.html import read_html_file

    rows = []
    page = directory / "big.html"
    build_html(page, min_bytes)
    size = page.stat().st_size / 1_000_000
    start = time.perf_counter()
    read_html_file(page, page.name)
    extraction = time.perf_counter() - start
    seconds, rss = run([*GOVLINT, "check", str(page), "--format", "json"])
    rows.append((f"HTML extraction ({size:.1f} MB page)", f"{size / extraction:.2f} MB/s"))
    rows.append(("HTML check: time / peak RSS", f"{seconds:.1f} s / {rss:.0f} MB"))
    pdf = directory / "big.pdf"
    if build_pdf(pdf, PDF_PAGES):
        seconds, rss = run([*GOVLINT, "check", str(pdf), "--format", "json"])
        rows.append((f"PDF check ({PDF_PAGES} pages)", f"{PDF_PAGES / seconds:.1f} pages/s"))
        rows.append(("PDF check: time / peak RSS", f"{seconds:.1f} s / {rss:.0f} MB"))
    else:
        rows.append(("PDF check", "skipped (no pypdf or no corpus)"))
    return rows


def sources() -> list[Path]:
    """Texts the HTML page is built from."""
    return (
        sorted(SEEDS.glob("*.txt"))
        if SEEDS.is_dir()
        else sorted((ROOT / "examples").rglob("*.txt"))
    )


class Table:
    def __init__(self) -> None:
        self.rows: list[tuple[str, str, str]] = []

    def add(self, measure: str, value: str, target: str = "") -> None:
        self.rows.append((measure, value, target))
        print(f"{measure:<46}{value:>18}  {target}", flush=True)


def verdict(ok: bool) -> str:
    return "met" if ok else "MISSED"


def corpus_figures(table: Table, name: str, directory: Path, files: list[Path], runs: int) -> None:
    n = len(files)
    megabytes = sum(p.stat().st_size for p in files) / 1_000_000
    print(f"\n{name}: {n} reports, {megabytes:.1f} MB", flush=True)
    median, p95 = latency(files)
    table.add("per-report latency, median / p95", f"{median:.2f} / {p95:.2f} ms")
    one = min(check_dir(directory, 1)[0] for _ in range(2))
    two = min(check_dir(directory, 2)[0] for _ in range(2))
    base = floor(files)
    reference = autocorrect(files)
    table.add("check -j 1: reports/s", f"{n / one:.0f}", _vs(n / one, reference, n))
    table.add("check -j 1: MB/s", f"{megabytes / one:.2f}")
    table.add(
        "check -j 2: speed-up over -j 1",
        f"{one / two:.2f}x",
        f"target >= {TARGETS['speedup']}x: {verdict(one / two >= TARGETS['speedup'])}",
    )
    table.add("floor, read + normalize: reports/s", f"{n / base:.0f}")
    table.add("floor, read + normalize: MB/s", f"{megabytes / base:.2f}")
    if reference is None:
        table.add("autocorrect-py: reports/s", "not installed", "pip install -e '.[bench]'")
    else:
        table.add("autocorrect-py: reports/s", f"{n / reference:.0f}")
        table.add("autocorrect-py: MB/s", f"{megabytes / reference:.2f}")


def _vs(rate: float, reference: float | None, n: int) -> str:
    if reference is None:
        return ""
    return f"target >= autocorrect-py ({n / reference:.0f}): {verdict(rate >= n / reference)}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=2000)
    parser.add_argument("--rss-reports", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--inputs", action="store_true", help="also HTML and PDF inputs")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from corpus import write_corpus

    table = Table()
    with tempfile.TemporaryDirectory() as tmp:
        base = Path(tmp)
        synthetic = write_corpus(base / "synthetic", args.reports)
        cold, python = cold_start(synthetic[0], args.runs)
        print(f"{'measure':<46}{'value':>18}  target")
        table.add(
            "cold start, govlint check 1 file",
            f"{cold * 1000:.0f} ms",
            f"target <= {TARGETS['cold'] * 1000:.0f} ms: {verdict(cold <= TARGETS['cold'])}",
        )
        table.add("  python -c pass, for scale", f"{python * 1000:.0f} ms")
        corpus_figures(table, "synthetic corpus", base / "synthetic", synthetic, args.runs)
        if SEEDS.is_dir():
            seeds = seed_corpus(base / "seeds", 6_000_000)
            corpus_figures(
                table, "real seeds (../shared/seeds), repeated", base / "seeds", seeds, args.runs
            )
        if args.rss_reports:
            big = write_corpus(base / "rss", args.rss_reports, seed=2)
            seconds, rss = check_dir(base / "rss", 1)
            print(f"\n{len(big)} synthetic reports", flush=True)
            table.add(
                "peak RSS, check -j 1 --format json",
                f"{rss:.0f} MB",
                f"target <= {TARGETS['rss']:.0f} MB: {verdict(rss <= TARGETS['rss'])}",
            )
            table.add("  wall time", f"{seconds:.1f} s ({len(big) / seconds:.0f} reports/s)")
        if args.inputs:
            print()
            for label, value in inputs(base, 5_000_000):
                table.add(label, value)


if __name__ == "__main__":
    main()
