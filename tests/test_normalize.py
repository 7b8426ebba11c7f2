from govlint.findings import Span
from govlint.normalize import normalize, strip_pinyin, to_simplified


def test_pinyin_annotations_are_removed_and_recorded():
    text = "根據(jù)《條例》簡(jiǎn)稱(chēng)"
    norm = normalize(text)
    assert norm.text == "根据《条例》简称"
    assert [text[s.start : s.end] for s in norm.pinyin] == ["(jù)", "(jiǎn)", "(chēng)"]


def test_offsets_map_back_to_source_after_deletions():
    text = "甲(jiǎ)乙丙(bǐng)丁"
    norm = normalize(text)
    assert norm.text == "甲乙丙丁"
    for index, ch in enumerate(norm.text):
        assert text[norm.offsets.to_source(index)] == ch
    assert norm.source_span(Span(1, 4)) == Span(6, 15)
    # and back: every kept source character finds its normalized index
    for index in range(len(norm.text)):
        assert norm.offsets.to_normalized(norm.offsets.to_source(index)) == index


def test_brackets_without_tone_marks_are_kept():
    text, _, removed = strip_pinyin("网站(www)和(A)类及(一)")
    assert text == "网站(www)和(A)类及(一)"
    assert removed == []


def test_t2s_keeps_every_index_and_counts_changes():
    text = "本年度報告是根據條例編制"
    norm = normalize(text)
    assert len(norm.text) == len(text)
    assert norm.text == "本年度报告是根据条例编制"
    assert norm.traditional_count == 4
    assert norm.first_traditional == 3  # 報


def test_fullwidth_forms_are_folded():
    assert normalize("（一）２０２３年：１２月").text == "(一)2023年:12月"
    assert to_simplified("") == ""
