"""The phrases a text uses about its own force, in their real variants, and the state they give."""
from __future__ import annotations

import pytest

from reader.core.status import phrases
from reader.core.status.compute import Inputs, add_months, compute
from reader.core.status.records import Evidence


def facts(text: str, title: str = "", number: str | None = None):
    return phrases.read(title, [(0, "paragraph", text)], number)


def one(text: str, kind: str, **kw):
    got = [f for f in facts(text, **kw) if f.kind == kind]
    assert len(got) == 1, (kind, got)
    return got[0]


@pytest.mark.parametrize("text, date", [
    ("本办法自2022年6月1日起施行。", "2022-06-01"),
    ("第十九条　本细则自2020年7月3日起正式实施，有效期至2025年6月30日。", "2020-07-03"),
    ("本通告自2024年12月12日起施行。", "2024-12-12"),
    ("本通知自2024年12月1日零时起执行。", "2024-12-01"),
    ("三、本通知自2024年12月1日零时执行。原政策文件与本通知不符的，以本通知为准。", "2024-12-01"),
    ("本规定自二〇二二年六月一日起施行。", "2022-06-01"),
    ("本办法自二00二年九月一日起施行。", "2002-09-01"),
    ("本细则自1987年4月1日起施行。", "1987-04-01"),
    ("本办法从2023年1月1日起试行。", "2023-01-01"),
])
def test_start_on_a_named_date(text, date):
    assert one(text, "start").date == date


@pytest.mark.parametrize("text, event, days", [
    ("本办法自印发之日起施行。", "印发", 0),
    ("第二十三条 本办法自印发日起施行。", "印发", 0),
    ("本办法自公布之日起施行。", "公布", 0),
    ("现印发你们，从发布之日起施行。", "发布", 0),
    ("第二十六条　本办法自发布之日起30日后施行。", "发布", 30),
    ("本办法自印发之日起三十日后施行，期间上级部门发布最新要求的，按照上级部门有关规定执行。", "印发", 30),
    ("本通知自印发之日起实施。", "印发", 0),
])
def test_start_relative_to_issue(text, event, days):
    f = one(text, "start")
    assert (f.date, f.event, f.days) == (None, event, days)


def test_stopping_is_not_a_start():
    assert not [f for f in facts("决定宣布失效，自本通知印发之日起停止执行。") if f.kind == "start"]


def test_a_start_of_another_text_is_not_ours():
    assert not [f for f in facts("《中华人民共和国行政许可法》自2004年7月1日起施行。") if f.kind == "start"]
    assert one("本《实施计划》自2022年6月1日起施行。", "start").date == "2022-06-01"


@pytest.mark.parametrize("text, months", [
    ("本办法自2022年6月1日起施行，有效期5年。", 60),
    ("第十四条　本办法自印发之日起施行，有效期二年。", 24),
    ("本办法自印发之日起施行，有效期两年。", 24),
    ("本意见自2023年1月1日起施行，有效期为三年。", 36),
    ("本通知自印发之日起施行，有效期6个月。", 6),
    ("本通知自印发之日起施行，有效期十八个月。", 18),
    ("本办法自2021年3月1日起试行，试行期一年。", 12),
    ("本办法自印发之日起施行，试行两年。", 24),
    ("本规定自印发之日起暂行二年。", 24),
    ("有效期5年。", 60),
    ("第三十条　本办法有效期为五年。", 60),
    ("五、本通告有效期两年。", 24),
])
def test_periods_in_years_and_months(text, months):
    assert one(text, "period").months == months


@pytest.mark.parametrize("text", [
    "第八条 中试平台有效期为三年，在有效期满当年可申请复核。",
    "工业和信息化部组织复核首台（套）重大技术装备保险补偿资格，并按装备价值的一定比例核定保费补助资金额度，有效期5年。",
    "省级文化部门核发的批准文件在有效期内可一证多批使用。",
    "许可证有效期至2025年12月31日。",
])
def test_a_validity_of_something_else_is_not_ours(text):
    assert not [f for f in facts(text) if f.kind in ("period", "until")]


@pytest.mark.parametrize("text, until", [
    ("本细则自2020年7月3日起正式实施，有效期至2025年6月30日。", "2025-06-30"),
    ("本办法自2021年1月1日起施行，至2025年12月31日止。", "2025-12-31"),
    ("本办法有效期为2021年1月1日至2025年12月31日。", "2025-12-31"),
    ("本通知有效期至二〇二六年十二月三十一日。", "2026-12-31"),
    ("本方案自印发之日起施行，有效期至2027年底。", "2027-12-31"),
    ("本办法自2022年6月1日起施行，2027年5月31日废止。", "2027-05-31"),
    ("本办法有效期为五年，自2022年6月1日起至2027年5月31日止。", "2027-05-31"),
])
def test_explicit_end(text, until):
    assert one(text, "until").date == until


def test_repeal_with_title_and_number():
    f = one("本办法自2010年1月1日起施行。《大连市住房公积金托管办法》（大房委发〔1999〕3号）同时废止。", "repeal")
    assert f.how == "废止"
    assert [(t.title, t.number) for t in f.targets] == [("大连市住房公积金托管办法", "大房委发〔1999〕3号")]


def test_declared_invalid_keeps_the_whole_number():
    f = one("原《重庆市以场景驱动人工智能产业高质量发展行动计划（2023—2025年）的通知》（渝经信发〔2023〕49号）"
            "经与其他制定单位共同研究，决定宣布失效，自本通知印发之日起停止执行。", "repeal")
    assert f.how == "失效"
    assert f.targets[0].number == "渝经信发〔2023〕49号"


def test_basis_is_not_a_repeal_target():
    fs = facts("根据《中华人民共和国立法法》规定，决定废止《某市道路管理办法》（某政发〔2010〕3号）。")
    repeal = [f for f in fs if f.kind == "repeal"][0]
    assert [t.number for t in repeal.targets] == ["某政发〔2010〕3号"]
    assert [f.targets[0].title for f in fs if f.kind == "basis"] == ["中华人民共和国立法法"]


def test_generic_repeal_words_name_nothing():
    assert not [f for f in facts("及时提出修改或废止不相适应的地方性法规和政府规章的意见。") if f.kind == "repeal"]


def test_amendment_phrases():
    f = one("现将修订后的《白城市人民政府工作规则》印发给你们，请认真遵照执行。", "amend")
    assert f.targets[0].title == "白城市人民政府工作规则"
    fs = facts("《白城市人民政府工作规则》已根据新发布的《国务院工作规则》和《吉林省人民政府工作规则》进行了修订。")
    assert [t.title for f in fs if f.kind == "amend" for t in f.targets] == ["白城市人民政府工作规则"]
    title = phrases.read("某市人民政府关于修改《某市城市管理办法》的决定", [])
    assert [(f.kind, f.targets[0].title) for f in title] == [("amend", "某市城市管理办法")]
    unquoted = phrases.read("锦州市人民政府关于修订锦州市人民政府突发公共事件总体应急预案的通知", [])
    assert unquoted[0].targets[0].title == "锦州市人民政府突发公共事件总体应急预案"


def test_forwarding():
    f = phrases.read("某省人民政府办公厅关于转发《某省农村税费改革指导意见》的通知", [])
    assert [(x.kind, x.targets[0].title) for x in f] == [("forward", "某省农村税费改革指导意见")]


def test_a_list_of_repealed_texts_flattened_into_one_block():
    row = ("序号文件名称文号人才流动和智力引进1中共重庆市委组织部重庆市人力资源和社会保障局关于做好高层次人才优惠政策"
           "落实兑现工作的通知渝人社发〔2014〕30号2重庆市人力资源和社会保障局关于规范社会保险参保证明管理的通知"
           "渝人社发〔2014〕63号")
    fs = phrases.read("废止的行政规范性文件目录", [(3, "paragraph", row)])
    assert [f.kind for f in fs] == ["repeal", "repeal"]
    assert [f.targets[0].number for f in fs] == ["渝人社发〔2014〕30号", "渝人社发〔2014〕63号"]
    assert fs[1].targets[0].printed == "重庆市人力资源和社会保障局关于规范社会保险参保证明管理的通知"
    kept = phrases.read("继续有效的行政规范性文件目录", [(3, "paragraph", row)])
    assert {f.kind for f in kept} == {"confirm"}


def test_chinese_numerals():
    assert phrases.number("二") == 2 and phrases.number("两") == 2 and phrases.number("十八") == 18
    assert phrases.number("３０") == 30


# -- the state --------------------------------------------------------------------------
EV = Evidence("start", "k", 0, "…")


def test_period_counts_from_the_start_to_the_day_before():
    assert add_months("2022-06-01", 60) == "2027-05-31"
    assert add_months("2020-02-29", 12) == "2021-02-27"
    x = Inputs(date="2022-05-20", starts=[("2022-06-01", EV)], periods=[(60, EV)])
    assert compute(x, "2022-05-31").state == "尚未施行"
    s = compute(x, "2024-12-31")
    assert (s.state, s.since, s.until) == ("现行有效", "2022-06-01", "2027-05-31")
    assert compute(x, "2027-05-31").state == "现行有效"
    expired = compute(x, "2027-06-01")
    assert (expired.state, expired.since) == ("有效期届满", "2027-06-01")


def test_explicit_end_wins_over_a_period():
    until = Evidence("until", "k", 1, "有效期至2025年6月30日")
    x = Inputs(starts=[("2020-07-03", EV)], periods=[(60, EV)], untils=[("2025-06-30", until)])
    assert compute(x, "2024-12-31").until == "2025-06-30"


def test_two_ends_are_both_shown_with_a_warning():
    a, b = Evidence("until", "k", 1, "有效期至2025年6月30日"), Evidence("until", "k", 2, "有效期至2026年6月30日")
    s = compute(Inputs(starts=[("2020-07-03", EV)], untils=[("2025-06-30", a), ("2026-06-30", b)]), "2024-12-31")
    assert s.until == "2025-06-30" and a in s.evidence and b in s.evidence
    assert any("不一致" in w for w in s.warnings)


def test_repeal_of_an_expired_text_warns():
    rep = Evidence("repeal", "other", 3, "《X》同时废止")
    s = compute(Inputs(starts=[("2019-07-26", EV)], periods=[(24, EV)], repeals=[("2024-11-19", rep)]), "2024-12-31")
    assert s.state == "有效期届满" and rep in s.evidence and s.warnings


def test_nothing_said_is_unknown_and_a_start_alone_is_not_in_force():
    assert compute(Inputs(date="2024-01-01"), "2024-12-31").state == "状态不明"
    s = compute(Inputs(date="2024-01-01", starts=[("2024-01-01", EV)]), "2024-12-31")
    assert (s.state, s.since) == ("状态不明", "2024-01-01")


def test_repeal_and_amendment_take_effect_on_their_date():
    rep = Evidence("repeal", "other", 3, "…同时废止")
    x = Inputs(starts=[("2020-01-01", EV)], repeals=[("2024-11-19", rep)])
    assert compute(x, "2024-11-18").state == "状态不明"
    assert (compute(x, "2024-11-19").state, compute(x, "2024-11-19").since) == ("已废止", "2024-11-19")
    am = Inputs(starts=[("2020-01-01", EV)], amends=[("2023-01-01", rep)])
    assert compute(am, "2024-01-01").state == "已被修改"


@pytest.mark.parametrize("text", [
    "九十三、本规则自发布之日起施行。",
    "第二十五条　本办法由地区质量技术监督局负责解释  第二十六条　本办法自发布之日起30日后施行",
])
def test_start_after_a_numbered_item_or_in_a_run_on_line(text):
    assert one(text, "start").event == "发布"


def test_repeal_named_in_the_title():
    f = phrases.read("某市人民政府关于宣布《某市城市绿化管理办法》失效的通知", [])
    assert [(x.kind, x.how, x.targets[0].title) for x in f] == [("repeal", "失效", "某市城市绿化管理办法")]
    g = phrases.read("某市人民政府关于废止《某市道路管理办法》的决定", [])
    assert [(x.kind, x.how, x.targets[0].title) for x in g] == [("repeal", "废止", "某市道路管理办法")]
    assert not [x for x in phrases.read("关于印发《某市道路管理办法》的通知", []) if x.kind == "repeal"]
    assert not [x for x in phrases.read("关于《某市道路管理办法》的补充通知", []) if x.kind == "repeal"]


def test_a_repeal_notice_listing_its_targets_item_by_item():
    blocks = [(3, "paragraph", "经清理，市政府决定废止以下规范性文件："),
              (4, "heading", "一、《某市道路管理办法》（某政发〔2018〕3号）"),
              (5, "heading", "二、《某市城市绿化管理办法》（某政发〔2015〕7号）"),
              (6, "paragraph", "以下文件继续有效："),
              (7, "heading", "三、《某市停车场管理办法》（某政发〔2016〕2号）"),
              (8, "paragraph", "本通知自印发之日起施行。")]
    fs = phrases.read("某市人民政府关于废止部分规范性文件的通知", blocks, "某政发〔2021〕9号")
    got = [(f.kind, t.number) for f in fs if f.kind in ("repeal", "confirm") for t in f.targets]
    assert got == [("repeal", "某政发〔2018〕3号"), ("repeal", "某政发〔2015〕7号"), ("confirm", "某政发〔2016〕2号")]
    assert [f.event for f in fs if f.kind == "start"] == ["印发"]
    # In an ordinary notice the same items are only citations.
    plain = phrases.read("某市人民政府关于加强道路管理的通知", blocks[1:3])
    assert not [f for f in plain if f.kind in ("repeal", "confirm")]


def test_not_yet_in_force_keeps_the_stated_end():
    x = Inputs(date="2024-11-14", starts=[("2024-12-12", EV)], periods=[(24, EV)])
    s = compute(x, "2024-12-01")
    assert (s.state, s.since, s.until) == ("尚未施行", None, "2026-12-11")


def test_repeal_targets_come_from_the_repealing_clause():
    f = one("自本通知印发之日起，《国务院办公厅关于对真抓实干成效明显地方加大激励支持力度的通知》（国办发〔2016〕82号）停止执行。",
            "repeal")
    assert [t.number for t in f.targets] == ["国办发〔2016〕82号"]
    # Context texts in another clause, and a provision (not the text) that no longer applies: no repeal.
    assert not [x for x in facts("（七）在《内地与香港关于建立更紧密经贸关系的安排》、《海峡两岸经济合作框架协议》下，"
                                 "对自贸试验区内的港澳台资建筑业企业，不再执行《外商投资建筑业企业管理规定》中关于工程承包范围"
                                 "的限制性规定。") if x.kind == "repeal"]


def test_an_amendment_under_way_is_not_one():
    assert not [x for x in facts("目前，环保总局正在对《规划》进行修订，同时将研究你省制订的《方案》。") if x.kind == "amend"]


def test_a_validity_range_gives_start_and_end():
    fs = facts("本办法有效期为五年，自2022年6月1日起至2027年5月31日止。")
    assert sorted((f.kind, f.date) for f in fs if f.kind in ("start", "until")) == [
        ("start", "2022-06-01"), ("until", "2027-05-31")]
    assert not [f for f in facts("许可证有效期为五年，自2022年6月1日起至2027年5月31日止。") if f.kind == "until"]
