"""Rule behaviour beyond the doc examples: what each rule must and must not report."""

from conftest import brief, check_text

FF_HEAD = "某县2012年政府信息公开工作年度报告\n"


def test_gl101_ff_reports_each_missing_topic_with_its_severity(tmp_path):
    text = FF_HEAD + "一、主动公开政府信息情况\n公开100条。\n二、依申请公开情况\n受理3件。\n"
    found = check_text(tmp_path, text, select=("GL101",))
    assert brief(found) == ["GL101@1:1"] * 4
    by_topic = {f.message["zh"].split("：")[-1]: f.severity.label for f in found}
    assert by_topic == {
        "收费及减免情况": "error",
        "行政复议、行政诉讼情况": "error",
        "存在的主要问题及改进情况": "error",
        "其他需要报告的事项": "warning",
    }


def test_gl101_topic_inside_another_section_counts(tmp_path):
    text = FF_HEAD + (
        "一、主动公开和依申请公开情况\n全年受理申请3件，未收取任何费用，未发生行政复议和行政诉讼。\n"
        "二、存在问题\n问题是公开不够深入，下一步将改进。\n三、其他需要报告的事项\n无。\n"
    )
    assert check_text(tmp_path, text, select=("GL101",)) == []


def test_gl101_template_years_use_the_six_headings(tmp_path):
    text = "某局2023年政府信息公开工作年度报告\n一、总体情况\n二、主动公开政府信息情况\n"
    found = check_text(tmp_path, text, select=("GL101",))
    assert [f.message["en"].split(": ", 1)[1] for f in found] == [
        "三、收到和处理政府信息公开申请情况 (3. requests received and handled)",
        "四、政府信息公开行政复议、行政诉讼情况 (4. administrative review and litigation)",
        "五、存在的主要问题及改进情况 (5. main problems and improvements)",
        "六、其他需要报告的事项 (6. other matters to report)",
    ]


def test_gl101_silent_when_the_regime_is_unknown(tmp_path):
    assert check_text(tmp_path, "政府信息公开工作年度报告\n一、概述\n", select=("GL101",)) == []


def test_gl401_reports_dropped_years_only(tmp_path):
    text = (
        "某市2012年政府信息公开工作年度报告\n"
        "自年7月起，每月通报一次。《市年政府信息公开工作要点》已印发。\n"
        "今年以来，每年5月开展检查，去年12月完成；截至年底，本年度共公开100条。\n"
        "2024 年 1 月，全年工作启动；青年志愿者参与。二〇一二年5月起施行。\n"
        "，年我们将继续努力。\n"
    )
    assert brief(check_text(tmp_path, text, select=("GL401",))) == [
        "GL401@2:2",
        "GL401@2:16",
        "GL401@5:2",
    ]


def test_gl403_accepts_the_usual_wordings(tmp_path):
    for statement in (
        "本报告中所列数据的统计期限自2012年1月1日起至2012年12月31日止。",
        "本报告所列数据统计时限为2012年1月1日至12月31日。",
        "统计时间从 2012 年 1 月 1 日\n起至 2012 年 12 月 31 日止。",
    ):
        assert check_text(tmp_path, FF_HEAD + statement, select=("GL403",)) == [], statement


def test_gl403_wrong_year_and_missing(tmp_path):
    wrong = FF_HEAD + "统计期限自2011年1月1日起至2011年12月31日止。"
    found = check_text(tmp_path, wrong, select=("GL403",))
    assert brief(found) == ["GL403@2:1"]
    assert found[0].severity.label == "error"
    assert found[0].message["en"] == (
        "the statistics period “统计期限自2011年1月1日起至2011年12月31日止” should be "
        "2012-01-01 to 2012-12-31"
    )
    missing = check_text(tmp_path, FF_HEAD + "一、概述\n", select=("GL403",))
    assert [(f.rule, f.severity.label) for f in missing] == [("GL403", "warning")]


def test_gl403_year_given_on_the_command_line(tmp_path):
    text = "年度报告\n统计期限自2012年1月1日起至2012年12月31日止。"
    assert brief(check_text(tmp_path, text, select=("GL403",), year=2013)) == ["GL403@2:1"]


def test_gl601_inline_and_pipe_layouts(tmp_path):
    text = FF_HEAD + (
        "| 受理申请总数 | 10 |\n| 其中:当面申请 | 4 |\n| 网上申请 | 4 |\n\n"
        "对申请的答复总数  9\n同意公开  5\n部分公开  4\n"
    )
    found = check_text(tmp_path, text, select=("GL601",))
    assert brief(found) == ["GL601@2:12"]
    assert found[0].message["zh"] == "“受理申请总数”为 10，但其分项之和为 4 + 4 = 8，差 2"


def test_gl601_subsets_are_not_a_partition(tmp_path):
    text = FF_HEAD + "主动公开信息数\n100\n其中:网站公开\n100\n政府公报公开\n20\n"
    assert check_text(tmp_path, text, select=("GL601",)) == []


def test_gl702_a_few_traditional_names_are_not_a_traditional_report(tmp_path):
    text = FF_HEAD + "我县与臺灣同胞交流，" + "公开政府信息工作情况良好。" * 20
    assert check_text(tmp_path, text, select=("GL702",)) == []


def test_gl101_report_flattened_onto_one_line_keeps_its_topics(tmp_path):
    text = (
        "某局2023年政府信息公开工作年度报告 一、总体情况 全年公开信息100条。"
        "二、主动公开政府信息情况 见下表。三、收到和处理政府信息公开申请情况 新收申请5件。"
        "四、政府信息公开行政复议、行政诉讼情况 未发生。五、存在的主要问题及改进情况 "
        "问题是解读不足，下一步将改进。六、其他需要报告的事项 未收取信息处理费。"
    )
    assert check_text(tmp_path, text, select=("GL101",)) == []
