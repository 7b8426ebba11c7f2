"""Print govlint's speed: cold start, throughput, the read + normalize floor, and inputs.

    python benchmarks/bench.py [--min-mb 5] [--runs 5]

Reports come from ../shared/seeds (real web reports) when present, else from examples/;
they are copied, repeated, to a temporary directory until it holds at least --min-mb MB.
Inputs: a Word-pasted HTML page of --min-mb MB built from the same text (HTML extraction
MB/s, and peak memory of `govlint check` on it) and, when pypdf and ../shared/corpus/pdf are
there, a 50-page PDF made of the real report pages (pages/s, peak memory).
Prints figures; asserts nothing (speed is measured here, not in timed tests).
"""

from __future__ import annotations

import argparse
import html
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
CORPUS_PDF = ROOT.parent / "shared" / "corpus" / "pdf"
PDF_PAGES = 50


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


def peak_check(path: Path) -> tuple[float, float]:
    """Wall time and peak RSS (MB) of `govlint check FILE` in its own process."""
    code = (
        "import resource, subprocess, sys, time;"
        "t = time.perf_counter();"
        "subprocess.run([sys.executable, '-m', 'govlint', 'check', sys.argv[1], '--format',"
        " 'json'], capture_output=True);"
        "print(time.perf_counter() - t,"
        " resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    seconds, megabytes = out.stdout.split()
    return float(seconds), float(megabytes)


def inputs(directory: Path, min_bytes: int) -> list[tuple[str, str]]:
    from govlint.sources.html import read_html_file

    rows = []
    page = directory / "big.html"
    build_html(page, min_bytes)
    size = page.stat().st_size / 1_000_000
    start = time.perf_counter()
    read_html_file(page, page.name)
    extraction = time.perf_counter() - start
    seconds, rss = peak_check(page)
    rows.append((f"HTML extraction ({size:.1f} MB page): MB/s", f"{size / extraction:.2f}"))
    rows.append(("HTML check: seconds / peak RSS", f"{seconds:.1f} s / {rss:.0f} MB"))
    pdf = directory / "big.pdf"
    if build_pdf(pdf, PDF_PAGES):
        seconds, rss = peak_check(pdf)
        rows.append((f"PDF check ({PDF_PAGES} pages): pages/s", f"{PDF_PAGES / seconds:.1f}"))
        rows.append(("PDF check: seconds / peak RSS", f"{seconds:.1f} s / {rss:.0f} MB"))
    else:
        rows.append(("PDF check", "skipped (no pypdf or no corpus)"))
    return rows


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
        input_rows = inputs(Path(tmp), int(args.min_mb * 1_000_000))

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
    for label, value in input_rows:
        print(f"{label:<42}{value:>20}")


if __name__ == "__main__":
    main()
