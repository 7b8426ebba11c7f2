"""Property and fuzz tests over sources → normalize → model → engine (hypothesis).

Profiles (tests/conftest.py): ``ci`` (default) is derandomized with a fixed example budget;
``GOVLINT_FUZZ=long`` runs random examples, many more of them, for a local session.

Properties, whatever the input:
- no exception escapes, and no rule crashes (a GL002 would be a crash caught by the engine);
- every finding's location is the original-file place of its span, inside the file;
- the normalized text maps back to the source consistently (the OffsetMap round trip).
"""

from __future__ import annotations

import functools
import io
import time
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT
from hypothesis import given
from hypothesis import strategies as st

from govlint.engine import CliSettings, Engine
from govlint.normalize import PINYIN_ANNOTATION, normalize, strip_pinyin
from govlint.plugins import build_registry
from govlint.sources import Source, SourceError, read_source
from govlint.sources.extracted import MappedSource

ENGINE = Engine(build_registry(load_entry_points=False), CliSettings(select=["ALL"]))
ENGINE.cross_reports = True  # collection is code too: fuzz it with the rest

CHINESE_NUMERALS = "〇零一二三四五六七八九十百千万亿两壹贰叁肆伍陆柒捌玖拾佰仟"
HOSTILE = [
    "\x00", "\ud800", "\udfff", "\u202e", "\u200f", "\u0301", "\u20dd", "\ufffd", "\ufeff",
    "\u2028", "\u2029", "\x85", "\x0b", "\x0c", "\r", "\r\n", "\t", "\u3000", "\xa0", "𠀀",
    "\U0001f600", "\U0010ffff",
]  # fmt: skip
VOCABULARY = [
    "一、", "二、", "十一、", "（一）", "(二)", "1.", "（1）", "第一章", "第二十九条", "\n",
    "\n一、概述\n", "\n二、主动公开政府信息情况\n", "| ", " | ", "|\n", "| 1 | 2 | 3 |\n",
    "政府信息公开工作年度报告", "依申请公开", "主动公开", "行政复议", "行政诉讼", "收到",
    "本年新收政府信息公开申请数量", "上年结转", "总计", "合计", "件", "条", "次", "%", "万元",
    "2023年", "2024年", "二〇二三年", "X年", "XX", "××", "1月1日", "12月31日", "至", "发布日期：",
    "据(jù)", "據", "國", "發", "開", "&nbsp;", "&amp;", "<p>", "</p>", "<script>", "【", "】",
    "（", "）", "(", ")", "“", "”", "《", "》", "，", "。", "；", "：", ",", ".", "、", " ",
    "人民政府", "办公室", "县", "市", "局", "累计", "同比", "增长", "下一步", "问题",
]  # fmt: skip


def big_numbers() -> st.SearchStrategy[str]:
    return st.integers(min_value=0, max_value=10**40).map(str)


def report_texts() -> st.SearchStrategy[str]:
    """Text made of report vocabulary, numbers, numerals, hostile code points and noise."""
    piece = st.one_of(
        st.sampled_from(VOCABULARY),
        st.sampled_from(HOSTILE),
        st.sampled_from(CHINESE_NUMERALS),
        big_numbers(),
        st.text(max_size=6),
    )
    return st.lists(piece, max_size=160).map("".join)


def check_source(source: Source):
    result, report, _ = ENGINE.check_source(source, Path(source.path), source.path)
    assert_valid(result.findings, source)
    return result, report


def assert_valid(findings, source: Source) -> None:
    crashes = [f.text("en") for f in findings if f.rule == "GL002"]
    assert not crashes, crashes
    n = len(source.text)
    lines = source.original_lines if isinstance(source, MappedSource) else source.lines
    for f in findings:
        if f.location is None:  # a finding about the whole file points at no text
            assert f.text_span is None and not f.excerpt, f
            continue
        span = f.text_span
        assert span is not None and 0 <= span.start <= span.end <= n, (f.rule, span, n)
        assert f.location == source.locate(span), f.rule
        loc = f.location
        assert 1 <= loc.line <= loc.end_line, (f.rule, loc)
        assert loc.column >= 1 and loc.end_column >= 1, (f.rule, loc)
        if not isinstance(source, MappedSource) or source.kind == "html":
            assert loc.end_line <= lines.line_count, (f.rule, loc)
            start, end = lines.bounds(loc.line)
            assert loc.column <= end - start + 1, (f.rule, loc)


def text_source(text: str, name: str = "fuzz.txt") -> Source:
    return Source(path=name, text=text, kind="txt")


# -- random text through the whole pipeline -------------------------------------------------


@given(report_texts())
def test_any_text_checks_without_crash_and_with_valid_spans(text):
    check_source(text_source(text))


@given(report_texts(), st.sampled_from(["一", "（一）", "1.", "第一章"]))
def test_any_text_under_a_report_title_runs_the_content_rules(text, heading):
    """With a title and a section the text is a report, so content rules (GL1xx–GL6xx) run."""
    head = f"某县人民政府2023年政府信息公开工作年度报告\n{heading}、总体情况\n"
    check_source(text_source(head + text))


@given(st.text(max_size=300))
def test_any_unicode_checks_without_crash(text):
    check_source(text_source(text))


# -- the OffsetMap round trip ---------------------------------------------------------------


def texts_with_pinyin() -> st.SearchStrategy[str]:
    annotation = st.sampled_from(["(jù)", "（kāi）", "(dòng)", "(ǎ)", "(a)", "(jù", "(ǖǘ)"])
    han = st.sampled_from("據开动國了据")
    return st.lists(
        st.one_of(annotation, han, st.sampled_from(HOSTILE), st.text(max_size=3)), max_size=80
    ).map("".join)


@given(texts_with_pinyin())
def test_normalized_text_maps_back_to_the_source(source):
    norm = normalize(source)
    stripped, _, removed = strip_pinyin(source)
    offsets = norm.offsets
    assert len(norm.text) == len(stripped) == len(source) - sum(s.end - s.start for s in removed)
    back = [offsets.to_source(i) for i in range(len(norm.text))]
    # Every normalized character comes from one source character, in order, none removed.
    assert back == sorted(set(back))
    assert "".join(source[i] for i in back) == stripped
    for i, s in enumerate(back):
        assert offsets.to_normalized(s) == i
    for span in removed:  # inside removed text: where it was
        assert PINYIN_ANNOTATION.fullmatch(source, span.start, span.end)
        for s in range(span.start, span.end):
            i = offsets.to_normalized(s)
            assert 0 <= i <= len(norm.text)
            assert i == len(norm.text) or back[i] >= span.end
    whole = offsets.to_source_span(type(removed[0])(0, len(norm.text))) if removed else None
    if whole is not None and norm.text:
        assert whole.start == back[0] and whole.end == back[-1] + 1


# -- random bytes under every file type ------------------------------------------------------


def minimal_pdf(text: str = "2023 report") -> bytes:
    """A one-page PDF with a line of text, offsets in its xref table exact."""
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(out)


def minimal_docx() -> bytes:
    docx = pytest.importorskip("docx")
    document = docx.Document()
    document.add_paragraph("某县2023年政府信息公开工作年度报告")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text = "收到"
    table.cell(1, 1).text = "12"
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


HTML_SEED = (ROOT / "tests" / "fixtures" / "html" / "word-pasted-2012.html").read_bytes()
TEXT_SEED = (ROOT / "examples" / "clean" / "ff-2012-county.txt").read_bytes()


@st.composite
def mutated(draw, seed: bytes) -> bytes:
    """``seed`` with random bytes overwritten, inserted, or the tail cut off."""
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, 8))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        action = draw(st.sampled_from(["flip", "insert", "cut"]))
        if action == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif action == "insert":
            data[at:at] = draw(st.binary(max_size=16))
        elif action == "cut":
            del data[at:]
    return bytes(data)


def seeds() -> dict[str, bytes]:
    return {
        ".txt": TEXT_SEED,
        ".md": TEXT_SEED,
        ".html": HTML_SEED,
        ".htm": HTML_SEED,
        ".docx": minimal_docx(),
        ".pdf": minimal_pdf(),
    }


def check_bytes(tmp_path: Path, suffix: str, data: bytes) -> None:
    path = tmp_path / f"fuzz{suffix}"
    path.write_bytes(data)
    result = ENGINE.check_file(path, path.name)
    try:
        source = read_source(path, path.name, ENGINE.registry.readers)
    except SourceError:
        assert [f.rule for f in result.findings] == ["GL001"]
        return
    assert_valid(result.findings, source)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html", ".htm", ".docx", ".pdf"])
def test_random_bytes_under_every_extension(tmp_path, suffix):
    @given(st.binary(max_size=2048))
    def random(data):
        check_bytes(tmp_path, suffix, data)

    random()


@pytest.mark.parametrize("suffix", [".txt", ".html", ".docx", ".pdf"])
def test_damaged_real_files_of_every_type(tmp_path, suffix):
    seed = seeds()[suffix]

    @given(mutated(seed))
    def damaged(data):
        check_bytes(tmp_path, suffix, data)

    damaged()


def test_zip_of_random_parts_is_gl001_or_checked(tmp_path):
    """A zip with a Word-like layout but random XML: refused with GL001 or read."""

    @given(st.binary(max_size=512), st.text(max_size=200))
    def parts(blob, xml):
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w") as archive:
            archive.writestr("[Content_Types].xml", blob)
            archive.writestr("word/document.xml", xml)
        check_bytes(tmp_path, ".docx", buffer.getvalue())

    parts()


# -- sizes nobody writes by hand ---------------------------------------------------------------

TITLE = "某县人民政府2023年政府信息公开工作年度报告\n一、总体情况\n"
HUGE_INPUTS = {
    "a 10 MB single line": lambda: (
        TITLE + ("本机关主动公开政府信息1234条，同比增长12.5%。" * 220_000)[: 10_000_000 // 3]
    ),
    "200k short lines": lambda: (
        TITLE + "".join(f"第{i}行，收到申请{i}件。\n" for i in range(200_000))
    ),
    "numbers of 40 digits": lambda: (
        TITLE
        + ("收到申请" + "9" * 40 + "件，占" + "1" * 40 + ".5%，共" + "8" * 40 + "万元。\n") * 2000
    ),
    "a table of 10 000 rows": lambda: (
        TITLE
        + "二、主动公开政府信息情况\n| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n"
        + "".join(f"| 规章{i} | {i} | {i % 7} | {i * 3} |\n" for i in range(10_000))
    ),
    "headings nested 50 deep": lambda: (
        TITLE
        + "".join(
            f"{'  ' * depth}{label}标题{depth}\n正文{depth}。\n"
            for depth, label in enumerate(
                ["一、", "（一）", "1.", "（1）", "①", "第一章", "第一节", "(一)", "1、", "a."] * 5
            )
        )
    ),
    "numbering with every Chinese numeral": lambda: (
        TITLE
        + "".join(
            f"{numeral}、第{numeral}部分\n（{numeral}）第{numeral}项。\n第{numeral}条。\n"
            for numeral in [*CHINESE_NUMERALS, "十一", "二十", "九十九", "一百", "一百零一", "两千"]
        )
    ),
}


@pytest.mark.parametrize("name", HUGE_INPUTS)
def test_huge_and_odd_inputs(name):
    result, report = check_source(text_source(HUGE_INPUTS[name]()))
    assert report.is_report
    assert result.findings is not None


# -- linear time: pathological input per rule family -------------------------------------------

PATHOLOGICAL_UNITS = [
    "1", "1.", "1,", "12.5%", "一", "二十", "〇", "（", "(", "）", "（一", "一、", "第一",
    "年", "2023年", "2023年1月", "X", "×", "XX年", "【", "《", "“", "|", "| 1 ", " ", "\u3000",
    "，", ",", "。", "：", "据(jù", "(a", "a", "ab ", "<", "<p", "&", "&#", "审核", "本机关依法公开。",
    "收到申请", "件", "同比增长", "累计", "政府", "人民政府办公室", "主动公开", "下一步",
]  # fmt: skip


def pathological(n: int) -> str:
    """Long runs of every construct the patterns look for: alone on a line, after a heading,
    in a table row, after a year."""
    lines = [TITLE]
    for unit in PATHOLOGICAL_UNITS:
        run = unit * n
        lines += [run, f"一、{run}", f"| {run} |", f"2023年{run}1件", ""]
    return "\n".join(lines)


MODEL_STAGES = ["normalize", "sections", "facts", "tables", "national", "residue"]
FAMILIES = [*MODEL_STAGES, "GL0", "GL1", "GL2", "GL3", "GL4", "GL5", "GL6", "GL7"]
GROWTH = 16  # the input grows 16×: linear time grows about 16×, quadratic 256×
MAX_GROWTH = 2 * GROWTH


def _model_stages(source: Source) -> tuple[dict[str, float], object]:
    """Seconds of each stage of building the report (each alone, so that a quadratic one is
    not hidden by a linear one that costs more), and the report."""
    from govlint.model import build_report, facts
    from govlint.model.sections import build_sections, iter_lines
    from govlint.model.tables import find_tables
    from govlint.normalize import normalize

    seconds = {}
    start = time.perf_counter()
    text = normalize(source.text).text
    seconds["normalize"] = time.perf_counter() - start
    start = time.perf_counter()
    lines = list(iter_lines(text))
    build_sections(text, lines)
    seconds["sections"] = time.perf_counter() - start
    start = time.perf_counter()
    title = facts.find_title(text, lines)
    period = facts.find_period(text)
    facts.find_year(text, title, period)
    facts.find_issuer(text, title)
    facts.find_regime(text, None)
    facts.find_published(text, lines)
    seconds["facts"] = time.perf_counter() - start
    start = time.perf_counter()
    find_tables(text, lines)
    seconds["tables"] = time.perf_counter() - start
    report = build_report(source)
    start = time.perf_counter()
    report.national  # noqa: B018 (computed on first use)
    seconds["national"] = time.perf_counter() - start
    start = time.perf_counter()
    report.web_residue  # noqa: B018
    report.enumerations  # noqa: B018
    seconds["residue"] = time.perf_counter() - start
    return seconds, report


@functools.cache
def family_seconds(n: int) -> dict[str, float]:
    """Best of three: seconds of each stage of the model and of each rule family."""
    from govlint.rules.base import CrossRule

    source = text_source(pathological(n))
    rules = ENGINE.settings_for(Path("x.txt")).rules
    best = dict.fromkeys(FAMILIES, float("inf"))
    for _ in range(3):
        stages, report = _model_stages(source)
        for stage, seconds in stages.items():
            best[stage] = min(best[stage], seconds)
        for family in FAMILIES[len(MODEL_STAGES) :]:
            start = time.perf_counter()
            for rule in rules:
                if not rule.id.startswith(family):
                    continue
                if isinstance(rule, CrossRule):
                    rule.collect(report, lambda span, r=report: ENGINE.anchor(r, span))
                    continue
                for hit in rule.check(report):
                    if hit.span is not None:
                        ENGINE.anchor(report, hit.span, hit.in_source)
            best[family] = min(best[family], time.perf_counter() - start)
    return best


@pytest.mark.parametrize("family", FAMILIES)
def test_time_grows_linearly(family):
    """No catastrophic backtracking or quadratic loop: 16× the input costs at most 32× the
    time (a relative bound, measured against the same code on the smaller input)."""
    small = family_seconds(150)[family]
    large = family_seconds(150 * GROWTH)[family]
    assert large <= MAX_GROWTH * small + 0.01, (family, small, large)
