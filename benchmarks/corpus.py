"""A synthetic corpus of annual reports for the benchmark.

    python benchmarks/corpus.py OUT_DIR [--reports 1000] [--defects 0.3] [--seed 1]

Reports are built from the bundled clean examples (an FF report of the 2008 template and a
T21 report of the 2021 template) and made different from each other:

- the issuer (place × body, one per report) and the year change; every count is multiplied by a factor, so
  the sums and the table identities still hold;
- the narrative gets 12–56 sentences put together from short parts (about 10⁸ distinct
  sentences), so that two reports are no more alike than two real ones (GL505 stays quiet);
- a share ``--defects`` of the reports gets one defect each (a year left out, pinyin
  annotations, a doubled word, a sum that doesn't add up, a missing section, web debris);
- 10 % are converted to traditional script (OpenCC s2t) and 5 % get pinyin annotations
  throughout, as reports copied through web converters do.

The same seed gives the same corpus, byte for byte.
"""

from __future__ import annotations

import argparse
import random
import re
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = {
    "FF": (ROOT / "examples" / "clean" / "ff-2012-county.txt", 2012, ".txt"),
    "T21": (ROOT / "examples" / "clean" / "t21-2023-department.md", 2023, ".md"),
}
TEMPLATE_PLACE = "青禾县"
PLACE_CHARS = "东西南北安平永和清河云溪长宁望江凤凰龙泉桃源石门临川白沙新城金山玉林广丰"
LEVELS = "县区市"
BODIES = [
    "人民政府",
    "人民政府办公室",
    "教育局",
    "财政局",
    "卫生健康委员会",
    "自然资源局",
    "市场监督管理局",
    "民政局",
]
# Short parts (2-4 characters) put together at random: an 8-character window spans three
# of them, so two reports rarely share one (real narratives differ in their wording too).
SLOTS = [
    ["年初", "年内", "上半年", "下半年", "全年", "此外", "同时", "今年以来", "年中", "岁末"],
    ["我单位", "本机关", "我局", "各科室", "办公室", "领导小组", "各股室", "机关各处"],
    ["进一步", "认真", "持续", "严格", "逐步", "全面", "定期", "重点", "稳步", "切实", "积极"],
    ["完善", "落实", "优化", "执行", "健全", "梳理", "更新", "加强", "推进", "细化", "规范"],
    ["公开指南", "公开目录", "审核制度", "办理流程", "解读机制", "公开专栏", "保密审查"],
    ["工作", "台账", "清单", "规程", "标准", "体系", "细则", "程序", "要求", "考核"],
    ["，确保", "，做到", "，方便", "，提升", "，推动", "，促进", "，保障", "，实现"],
    ["发布及时", "内容准确", "群众查询", "社会监督", "规范运行", "公开透明", "便民高效"],
]
NUMBER = re.compile(r"(?<![\d.])\d+(?![\d.]*\s*[年月日号〕])(?![.、\d])")
"""A count: not a year or date, a document number, a decimal, or list numbering (3.其他)."""
ACCOUNTABILITY = "本年度将政府信息公开工作纳入绩效考核，开展社会评议，对工作不力的依规追责问责。"
FREE_ROW = re.compile(r"^(\| (?:规章|行政规范性文件|行政许可|行政处罚|行政强制) )(.*)$", re.M)
DEFECTS = ["year", "pinyin", "doubled", "sum", "section", "debris"]
PINYIN = {"据": "jù", "开": "kāi", "动": "dòng", "发": "fā", "理": "lǐ", "报": "bào"}


@dataclass(frozen=True)
class Generated:
    name: str
    text: str
    regime: str
    defect: str | None
    variant: str | None


def sentence(rng: random.Random) -> str:
    return "".join(rng.choice(slot) for slot in SLOTS) + "。"


def issuer(index: int) -> tuple[str, str]:
    """A place and a body, different for every index (no two years of one body)."""
    n = len(PLACE_CHARS)
    first, second = divmod(index % (n * n), n)
    level = LEVELS[(index // (n * n)) % len(LEVELS)]
    body = BODIES[(index // (n * n * len(LEVELS))) % len(BODIES)]
    return PLACE_CHARS[first] + PLACE_CHARS[second] + level, body


def _template(regime: str) -> tuple[str, int, str]:
    path, year, suffix = TEMPLATES[regime]
    return path.read_text(encoding="utf-8"), year, suffix


def _scale(text: str, factor: int) -> str:
    return NUMBER.sub(lambda m: str(int(m.group()) * factor), text)


def _add_narrative(text: str, rng: random.Random, regime: str) -> str:
    heading = "一、概述\n\n" if regime == "FF" else "## 一、总体情况\n\n"
    at = text.index(heading) + len(heading)
    paragraphs = [
        "".join(sentence(rng) for _ in range(rng.randint(3, 8))) for _ in range(rng.randint(4, 7))
    ]
    if regime == "T21":  # GL502: what a government's report must cover
        paragraphs.append(ACCOUNTABILITY)
    return text[:at] + "\n\n".join(paragraphs) + "\n\n" + text[at:]


def _defect(text: str, kind: str, rng: random.Random, year: int) -> str:
    lines = text.split("\n")
    prose = [i for i, line in enumerate(lines) if "。" in line and len(line) > 30]
    if kind == "year":  # GL401: a year left out
        i = next(i for i in prose[1:] + prose if f"{year}年" in lines[i])
        lines[i] = lines[i].replace(f"{year}年", "年", 1)
    elif kind == "pinyin":  # GL701
        i = rng.choice(prose)
        lines[i] = "".join(f"{c}({PINYIN[c]})" if c in PINYIN else c for c in lines[i])
    elif kind == "doubled":  # GL707
        i = rng.choice(prose)
        lines[i] = lines[i].replace("信息", "信息信息", 1)
    elif kind == "sum":  # a figure changed: the identities or the text sums break
        numbers = [
            (i, m)
            for i, line in enumerate(lines)
            for m in NUMBER.finditer(line)
            if m.group() != "0"
        ]
        i, m = rng.choice(numbers)
        lines[i] = lines[i][: m.start()] + str(int(m.group()) + 1) + lines[i][m.end() :]
    elif kind == "section":  # GL101: a whole section left out
        heads = [i for i, line in enumerate(lines) if re.match(r"(## )?[二三四五六]、", line)]
        i = rng.choice(heads[:-1])
        j = heads[heads.index(i) + 1]
        del lines[i:j]
    elif kind == "debris":  # GL703: what a web page leaves behind
        lines[1:1] = ["", "【打印本页】【关闭窗口】", "您当前的位置：首页 > 政务公开 > 年度报告"]
    return "\n".join(lines)


def generate(index: int, defects: float, seed: int) -> Generated:
    rng = random.Random(seed * 1_000_003 + index)
    regime = "FF" if rng.random() < 0.4 else "T21"
    text, template_year, suffix = _template(regime)
    year = rng.randint(2009, 2018) if regime == "FF" else rng.randint(2021, 2025)
    place, body = issuer(index)
    text = text.replace(f"{TEMPLATE_PLACE}人民政府", place + body)
    text = text.replace("青禾县教育局", place + body).replace(TEMPLATE_PLACE, place)
    for word in ("我县", "全县", "县政府", "县直"):  # self-references of the place's level
        text = text.replace(word, word.replace("县", place[-1]))
    text = _scale(text, rng.randint(1, 40))
    text = text.replace(str(template_year + 1), str(year + 1)).replace(
        str(template_year), str(year)
    )
    if regime == "T21":  # table 二's counts are in no identity: each body has its own
        text = FREE_ROW.sub(
            lambda m: m.group(1) + NUMBER.sub(lambda _: str(rng.randint(0, 999)), m.group(2)),
            text,
        )
    text = _add_narrative(text, rng, regime)
    defect = rng.choice(DEFECTS) if rng.random() < defects else None
    if defect:
        text = _defect(text, defect, rng, year)
    variant = None
    roll = rng.random()
    if roll < 0.10:
        text = _s2t().convert(text)
        variant = "traditional"
    elif roll < 0.15:
        text = "".join(
            f"{c}({PINYIN[c]})" if c in PINYIN and rng.random() < 0.5 else c for c in text
        )
        variant = "pinyin"
    name = f"{index:05d}-{place}{body}-{year}{suffix}"
    return Generated(name, text, regime, defect, variant)


_converter = None


def _s2t():
    global _converter
    if _converter is None:
        import opencc

        _converter = opencc.OpenCC("s2t")
    return _converter


def write_corpus(directory: Path, reports: int, defects: float = 0.3, seed: int = 1) -> list[Path]:
    """Write ``reports`` reports, 500 per sub-folder; returns their paths."""
    paths = []
    for index in range(reports):
        report = generate(index, defects, seed)
        folder = directory / f"batch{index // 500:03d}"
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / report.name
        path.write_text(report.text, encoding="utf-8")
        paths.append(path)
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--defects", type=float, default=0.3)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    paths = write_corpus(args.out, args.reports, args.defects, args.seed)
    size = sum(p.stat().st_size for p in paths)
    print(f"{len(paths)} reports, {size / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
