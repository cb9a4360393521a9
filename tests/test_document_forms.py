"""Each printed form of a single document, as small made-up texts (no corpus needed).

The organ names, 文号 and titles here are invented: the parser must read the shapes,
not know the names.
"""
from __future__ import annotations

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from reader.core import dates
from reader.core.conservation import check_standalone
from reader.core.errors import ImportRefused
from reader.core.parse.head import read_caption
from reader.core.parse.standalone import parse_standalone

BODY = "为做好有关工作，现将有关事项通知如下。\n\n一、总体要求\n\n各单位要高度重视，认真组织实施。\n\n"


def web(*lines: str) -> str:
    """A text saved from a web page: a blank line after every paragraph."""
    return "\n\n".join(lines) + "\n"


def parsed(text: str):
    item = parse_standalone(text, "t.txt")
    assert check_standalone(text, item).ok, "every character accounted for, in order"
    return item


def fields(text: str):
    d = parsed(text).document
    return d.title, d.doc_number, d.issuer, d.date


def test_number_above_title_with_issuer_line_above_guanyu():
    text = web("甲经信中小〔2024〕38号", "甲省经济和信息化委员会", "关于公布第九届创客大赛",
               "获奖项目的通知", "各有关单位：", BODY, "甲省经济和信息化委员会", "  2024年11月18日",
               "（此件公开发布）")
    item = parsed(text)
    d = item.document
    assert (d.title, d.doc_number, d.issuer, d.date) == (
        "甲省经济和信息化委员会关于公布第九届创客大赛获奖项目的通知", "甲经信中小〔2024〕38号",
        "甲省经济和信息化委员会", "2024-11-18")
    assert "文号在标题上" in d.layout and "发文机关单独一行在标题上方" in d.layout
    assert any(b.kind == "note" and "此件公开发布" in b.text for b in d.blocks)


def test_number_under_title_and_a_title_whose_middle_line_ends_with_an_organ():
    text = web("乙市人民政府关于设立乙市高新技术产业开发区管理委员会", "有关事项的通知", "乙政发〔2023〕7号",
               "各区县人民政府：", BODY, "乙市人民政府", "2023年3月1日")
    assert fields(text) == ("乙市人民政府关于设立乙市高新技术产业开发区管理委员会有关事项的通知",
                            "乙政发〔2023〕7号", "乙市人民政府", "2023-03-01")


@pytest.mark.parametrize("caption, number, date, issuer", [
    ("（丙政办发[2004]49号）", "丙政办发〔2004〕49号", "2004-06-01", "丙市人民政府办公室"),
    ("(丙府[2002]12号)", "丙府〔2002〕12号", "2004-06-01", "丙市人民政府办公室"),
    ("　（丙政办发[2002]42号　二00二年八月二十九日）", "丙政办发〔2002〕42号", "2002-08-29", "丙市人民政府办公室"),
])
def test_caption_under_the_title(caption, number, date, issuer):
    text = ("丙市人民政府办公室关于印发丙市应急预案的通知\n" + caption + "\n\n各区人民政府：\n"
            "　　现将《丙市应急预案》印发给你们，请认真执行。\n丙市人民政府办公室\n二〇〇四年六月一日\n")
    t, n, i, d = fields(text)
    assert (t, n, i) == ("丙市人民政府办公室关于印发丙市应急预案的通知", number, issuer)
    # The date under the signature is the document's; a 题注 date counts when none is signed.
    assert d == "2004-06-01"


def test_caption_with_number_and_date_and_no_signature():
    text = ("丁省农业税征收暂行实施办法\n　（丁政办发[2002]42号　二00二年八月二十九日）\n"
            "　　第一条　为规范征收，制定本办法。\n　　第二条　本办法自印发之日起施行。\n")
    item = parsed(text)
    d = item.document
    assert (d.title, d.doc_number, d.issuer, d.date) == ("丁省农业税征收暂行实施办法", "丁政办发〔2002〕42号", None, "2002-08-29")
    assert "题注（文号 日期）在标题下" in d.layout
    assert any("没有署名" in w for w in item.warnings)


def test_caption_with_number_and_issuer():
    text = ("戊市住房公积金归集管理办法\n（戊房金管发[2009]1号　戊市住房公积金管理委员会）\n"
            "第一章　总则\n　　第一条　为规范管理，制定本办法。\n")
    item = parsed(text)
    d = item.document
    assert (d.doc_number, d.issuer, d.date) == ("戊房金管发〔2009〕1号", "戊市住房公积金管理委员会", None)
    assert any("没有成文日期" in w for w in item.warnings)


def test_order_caption_date_then_order_number():
    text = "己省特产税征收办法\n（1989年7月24日　己省人民政府令第9号）\n　　第一条　为加强征收管理，制定本办法。\n"
    assert fields(text) == ("己省特产税征收办法", "己省人民政府令第9号", "己省人民政府", "1989-07-24")


def test_caption_record_of_publication_and_amendment_takes_the_last_act():
    text = ("庚省耕地占用税实施细则\n（1987年9月16日庚政发〔1987〕139号发布　　1997年10月22日省政府令第27号修正）\n"
            "　　第一条　为合理利用土地资源，制定本细则。\n")
    t, n, i, d = fields(text)
    assert (n, d) == ("省政府令第27号", "1997-10-22")
    assert i is None          # "省政府" abbreviates an organ it does not name


def test_caption_on_the_title_line_with_joint_issuers():
    text = ("辛地区行署办公室、辛林业集团公司办公室关于印发辛地区蓝莓保护管理办法（试行）的通知"
            "（辛署办〔2010〕32号　辛地区行署办公室、辛林业集团公司办公室）\n"
            "各县人民政府：　　现印发给你们，请认真遵照执行。\n　　二0一0年四月八日\n")
    item = parsed(text)
    d = item.document
    assert d.title == "辛地区行署办公室、辛林业集团公司办公室关于印发辛地区蓝莓保护管理办法（试行）的通知"
    assert (d.doc_number, d.issuer, d.date) == ("辛署办〔2010〕32号", "辛地区行署办公室、辛林业集团公司办公室", "2010-04-08")
    assert "文号在标题行末（括号）" in d.layout


def test_red_head_is_never_the_title():
    text = web("壬市人民政府办公室文件", "壬政办发〔2022〕8号", "壬市人民政府办公室关于做好防汛工作的通知",
               "各区县人民政府：", BODY, "壬市人民政府办公室", "2022年6月13日")
    d = parsed(text).document
    assert d.title == "壬市人民政府办公室关于做好防汛工作的通知"
    assert d.blocks[0].kind == "note" and d.blocks[0].text == "壬市人民政府办公室文件"
    assert "版头“…文件”" in d.layout


def test_joint_red_head_gives_every_issuer():
    text = web("中共癸市委办公室  癸市人民政府办公室  文件", "癸办发〔2021〕3号", "关于加强基层治理的意见",
               "各区县：", BODY, "中共癸市委办公室　癸市人民政府办公室", "2021年1月5日")
    d = parsed(text).document
    assert d.issuer == "中共癸市委办公室、癸市人民政府办公室"
    assert d.title == "关于加强基层治理的意见"


def test_joint_issuers_stacked_and_letter_spaced():
    text = web("子经信发〔2024〕79号", "子市经济和信息化委员会", "子 市 发 展 和 改 革 委 员 会", "子 市 交 通 局",
               "关于宣布《子市行动计划》", "失效的通知", "各有关单位：", BODY,
               "子市经济和信息化委员会子市发展和改革委员会", "子市交通局", " 2024年11月6日")
    d = parsed(text).document
    assert d.issuer == "子市经济和信息化委员会、子市发展和改革委员会、子市交通局"
    assert d.title == "子市经济和信息化委员会子 市 发 展 和 改 革 委 员 会子 市 交 通 局关于宣布《子市行动计划》失效的通知"
    assert "联合发文 3 个机关（标题上方逐行排列）" in d.layout and d.date == "2024-11-06"


def test_joint_signature_one_organ_per_line_when_the_title_names_none():
    text = web("关于印发《丑市养老服务实施方案》的通知", "丑民发〔2024〕11号", "各区县民政局：",
               "现将《丑市养老服务实施方案》印发给你们，请认真贯彻执行。", "丑市民政局", "丑市财政局",
               "国家税务总局丑市税务局", "2024年10月30日", "丑市民政局发布")
    item = parsed(text)
    assert item.document.issuer == "丑市民政局、丑市财政局、国家税务总局丑市税务局"
    assert [d.reason for d in item.dropped] == ["网页页脚"]


def test_no_title_no_number_imports_with_warnings():
    text = web("各区县财政局：", "现下达你们2024年预算，请加快执行。", "附件：1.资金分配表", "寅市财政局", "2024年11月11日",
               "寅财社〔2024〕110号.docx")
    item = parsed(text)
    d = item.document
    assert (d.title, d.doc_number, d.issuer, d.date) == ("", None, "寅市财政局", "2024-11-11")
    assert any(w.startswith("没有标题") for w in item.warnings) and "没有文号" in item.warnings


def test_no_title_body_starts_at_once():
    text = web("为缓解道路交通压力，根据有关规定，现就有关事项通告如下。", "一、本通告自2024年12月12日起施行。",
               "特此通告。", "卯市公安局交通管理局", "         2024年11月14日")
    assert fields(text) == ("", None, "卯市公安局交通管理局", "2024-11-14")


def test_title_only_with_signature_over_two_lines():
    text = web("辰市经济和信息化委员会职称改革办公室", "关于2024年职称申报人员评审费用缴纳", "有关事宜的通知",
               "各位申报人：", "经研究，现将缴费事项通知如下。", "辰市经济和信息化委员会", "职称改革办公室",
               "2024年11月11日")
    assert fields(text) == ("辰市经济和信息化委员会职称改革办公室关于2024年职称申报人员评审费用缴纳有关事宜的通知",
                            None, "辰市经济和信息化委员会职称改革办公室", "2024-11-11")


@pytest.mark.parametrize("printed", ["二〇〇七年三月二十九日", "二○○七年三月二十九日", "二ОО七年三月二十九日",
                                     "二ＯＯ七年三月二十九日", "二00七年三月二十九日", "2007年3月29日",
                                     "\u3000\u3000二〇〇七年三月二十九日", "        2007年03月29日"])
def test_dates_in_every_printed_form(printed):
    assert dates.parse(printed)[0] == "2007-03-29"
    text = web("巳市人民政府关于做好春耕工作的通知", "巳政发〔2007〕14号", "各县区人民政府：", BODY, "巳市人民政府", printed)
    assert fields(text)[3] == "2007-03-29"


def test_forwarded_text_with_its_own_number_and_date_is_an_attachment():
    text = web("午经信装备〔2024〕13号", "午市经济和信息化委员会", "转发关于组织开展首台套保险补偿",
               "项目申报工作的通知", "各区县经济信息委：", "现将有关通知转发给你们，请遵照执行。",
               "午市经济和信息化委员会", "2024年11月1日", "（此件公开发布）", "某部办公厅",
               "关于组织开展首台套保险补偿", "项目申报工作的通知", "某厅装备函〔2024〕398号",
               "各省经济和信息化主管部门：", "现组织开展申报工作。", "某部办公厅", "2024年10月28日")
    d = parsed(text).document
    assert d.title == "午市经济和信息化委员会转发关于组织开展首台套保险补偿项目申报工作的通知"
    assert d.date == "2024-11-01" and d.issuer == "午市经济和信息化委员会"
    assert len(d.attachments) == 1 and d.attachments[0].date == "2024-10-28"


def test_a_body_paragraph_beginning_fen_xiang_dao_is_kept():
    text = web("未市人民政府关于推广经验的通知", "未政发〔2023〕2号", "各区县人民政府：",
               "分享到各地的经验表明，这项工作行之有效。", "未市人民政府", "2023年5月6日", "分享到：", "扫一扫在手机打开当前页")
    item = parsed(text)
    assert any(b.text.startswith("分享到各地") for b in item.document.blocks)
    assert [(d.text, d.reason) for d in item.dropped] == [("分享到：", "网页页脚"), ("扫一扫在手机打开当前页", "网页页脚")]


@pytest.mark.parametrize("tail, where", [
    ('<td valign="center" wid', "半截网页标记"),
    ("第五条　各单位应当按照本办法规定，及时", "没有结束"),
])
def test_cut_off_text_is_warned(tail, where):
    text = web("申市人民政府关于印发管理办法的通知", "申政发〔2023〕9号", "各区县人民政府：", "现印发给你们。",
               "申市人民政府", "2023年5月6日", "申市管理办法", "第一条　为规范管理，制定本办法。", tail)
    item = parse_standalone(text)
    assert item.warnings[0].startswith("文件不完整") and where in item.warnings[0]


def test_nothing_of_a_document_is_refused():
    with pytest.raises(ImportRefused):
        parse_standalone(web("第一回　宴桃园豪杰三结义", "话说天下大势，分久必合，合久必分。") * 3)


def test_read_caption_forms():
    c = read_caption("2004年5月20日省人民政府第30次常务会议通过　2004年6月1日酉省人民政府令第170号公布　自2004年7月1日起施行")
    assert c.number.normal == "酉省人民政府令第170号" and c.date[0] == "2004-06-01" and c.record
    assert read_caption("试行") is None
    assert read_caption("戌政发〔2020〕5号").number.normal == "戌政发〔2020〕5号"


def test_organ_lines_above_the_number_are_the_head_not_the_title():
    text = web("酉市人民政府办公室", "酉府办发〔2022〕8号", "关于做好防汛工作的通知", "各区县人民政府：", BODY,
               "酉市人民政府办公室", "2022年6月13日")
    d = parsed(text).document
    assert (d.title, d.issuer) == ("关于做好防汛工作的通知", "酉市人民政府办公室")
    assert d.blocks[0].kind == "note"


def test_joint_organs_stacked_over_a_lone_wen_jian():
    text = web("中共戌市委员会", "戌市人民政府", "文件", "戌发〔2021〕1号", "中共戌市委员会 戌市人民政府",
               "关于实施乡村振兴战略的意见", "各区县党委和人民政府：", BODY, "中共戌市委员会", "戌市人民政府", "2021年2月1日")
    d = parsed(text).document
    assert d.issuer == "中共戌市委员会、戌市人民政府"
    assert d.title == "中共戌市委员会 戌市人民政府关于实施乡村振兴战略的意见"
    assert [b.kind for b in d.blocks[:4]] == ["note", "note", "note", "doc_number"]


def test_letter_spaced_single_issuer_line_above_guanyu():
    text = web("亥民发〔2024〕3号", "亥 市 民 政 局", "关于做好冬季救助工作的通知", "各区县民政局：", BODY,
               "亥市民政局", "2024年12月2日")
    assert fields(text)[2] == "亥市民政局"


def test_announcement_numbered_on_the_next_line():
    text = web("甲市人民政府公告", "第3号", "为做好有关工作，现公告如下。", "一、本公告自发布之日起施行。",
               "甲市人民政府", "2020年1月2日")
    d = parsed(text).document
    assert (d.title, d.doc_number, d.issuer) == ("甲市人民政府公告", "甲市人民政府公告第3号", "甲市人民政府")


def test_caption_with_a_date_only():
    text = "乙市物业管理办法\n（2015年3月2日）\n　　第一条　为规范物业管理，制定本办法。\n"
    d = parsed(text).document
    assert (d.doc_number, d.date) == (None, "2015-03-02") and "题注（日期）在标题下" in d.layout


def test_joint_issuers_on_one_line_above_guanyu():
    text = web("子政发〔2021〕1号", "中共子市委员会　子市人民政府", "关于实施乡村振兴战略的意见", "各区县：", BODY,
               "中共子市委员会　子市人民政府", "2021年2月1日")
    assert fields(text)[2] == "中共子市委员会、子市人民政府"


def test_several_attached_texts_named_in_the_notice_are_each_an_attachment():
    text = ("卯市人民政府办公室关于印发《卯市甲管理办法》等2个办法的通知\n（卯政办发〔2019〕97号）\n"
            "各区县人民政府：\n　　《卯市甲管理办法》、《卯市乙实施办法》已经市政府同意，现印发给你们。\n"
            "卯市人民政府办公室\n2019年7月26日\n　　卯市甲管理办法\n第一条　为规范管理，制定本办法。\n"
            "　　卯市乙实施办法\n第一条　为做好服务，制定本办法。\n")
    d = parsed(text).document
    assert [a.title for a in d.attachments] == ["卯市甲管理办法", "卯市乙实施办法"]


def test_forwarded_notice_with_its_own_number_under_its_title():
    text = web("辰经信科技〔2024〕27号", "辰市经济和信息化委员会", "转发某部办公厅关于开展遴选工作的通知",
               "各区县经济信息委：", "现将有关通知转发给你们，请遵照执行。", "辰市经济和信息化委员会", "2024年11月12日",
               "某部办公厅关于开展遴选工作的通知", "某厅科函﹝2024﹞398号", "各省工业和信息化主管部门：",
               "现组织开展遴选工作。", "某部办公厅", "2024年10月28日")
    a = parsed(text).document.attachments[0]
    assert (a.title, a.doc_number, a.date, a.issuer) == (
        "某部办公厅关于开展遴选工作的通知", "某厅科函〔2024〕398号", "2024-10-28", "某部办公厅")


def test_signature_and_date_on_one_line():
    text = web("巳市财政局关于下达预算的通知", "巳财建〔2024〕246号", "各区县财政局：", "现下达预算，请抓紧执行。",
               "巳市财政局　　2024年11月28日")
    d = parsed(text).document
    assert (d.date, d.issuer) == ("2024-11-28", "巳市财政局")


def test_a_title_on_one_long_line():
    title = ("午省发展和改革委员会办公室、午省税务局办公室、午省市场监督管理局办公室关于进一步做好"
             "重点领域企业和个体工商户公共信用信息修复以及信用承诺和信用评价结果应用工作有关事项的通知")
    assert len(title) > 80
    text = web(title, "午发改办财金〔2024〕5号", "各市州发展改革委：", BODY, "午省发展和改革委员会办公室", "2024年3月1日")
    t, n, i, d = fields(text)
    assert (t, n) == (title, "午发改办财金〔2024〕5号")
    assert i == "午省发展和改革委员会办公室、午省税务局办公室、午省市场监督管理局办公室"


def test_joint_issuers_printed_without_a_separator():
    from reader.core.parse.head import split_joint
    assert split_joint("甲市经济和信息化委员会中共甲市委网络安全和信息化委员会办公室甲市教育委员会") == [
        "甲市经济和信息化委员会", "中共甲市委网络安全和信息化委员会办公室", "甲市教育委员会"]
    assert split_joint("甲市经济和信息化委员会职称改革办公室") == ["甲市经济和信息化委员会职称改革办公室"]
    assert split_joint("国家税务总局甲市税务局") == ["国家税务总局甲市税务局"]
    text = ("甲市经济和信息化委员会甲市住房和城乡建设委员会关于编撰产业链名录的通知\n（甲经信发〔2024〕89号）\n"
            "各区县：\n　　现就有关事宜通知如下。\n甲市经济和信息化委员会甲市住房和城乡建设委员会\n2024年11月22日\n")
    assert fields(text)[2] == "甲市经济和信息化委员会、甲市住房和城乡建设委员会"


def test_signature_lines_show_where_joint_names_in_the_title_end():
    text = ("乙市经济和信息化委员会乙市能源局某电网有限公司关于印发工作方案的通知\n（乙经信发〔2024〕86号）\n"
            "各区县：\n　　现将工作方案印发给你们。\n乙市经济和信息化委员会乙市能源局\n某电网有限公司\n2024年10月30日\n")
    assert fields(text)[2] == "乙市经济和信息化委员会、乙市能源局、某电网有限公司"


def test_attachment_file_names_after_the_date_are_notes_not_attached_texts():
    text = web("各区县财政局：", "现下达预算，请加快执行。", "附件：1.资金分配表", "申市财政局", "2024年11月11日",
               "（此件主动公开）", "附件1：资金分配表.xls", "申财社〔2024〕110号.docx")
    d = parsed(text).document
    assert d.attachments == ()
    assert [b.text for b in d.blocks if b.kind == "attachment_note"][-2:] == ["附件1：资金分配表.xls", "申财社〔2024〕110号.docx"]
    assert d.doc_number is None       # a 文号 inside a file name is not the document's


def test_date_in_brackets_under_the_signature():
    text = web("酉市人民政府关于做好春耕工作的通知", "酉政发〔2007〕14号", "各县区人民政府：", BODY, "酉市人民政府",
               "（2007年3月29日）")
    assert fields(text)[3] == "2007-03-29"


def test_web_link_lines_are_notes():
    text = web("戌市人民政府关于推广经验的通知", "戌政发〔2023〕2号", "各区县人民政府：", "现将有关经验推广如下，请结合实际学习借鉴。",
               "戌市人民政府", "2023年5月6日", "（此件公开发布）", "文件下载：戌政发〔2023〕2号.docx",
               "解读：《关于推广经验的通知》政策解读")
    d = parsed(text).document
    notes = [b.text for b in d.blocks if b.kind in ("note", "attachment_note")]
    assert notes == ["（此件公开发布）", "文件下载：戌政发〔2023〕2号.docx", "解读：《关于推广经验的通知》政策解读"]
    assert d.attachments == () and d.doc_number == "戌政发〔2023〕2号"


def test_attached_text_with_its_own_caption_of_number_and_date():
    text = ("亥省人民政府办公厅关于转发省财政厅农业税征收办法的通知\n（亥政办发[2002]42号）\n各市人民政府：\n"
            "　　省财政厅《亥省农业税征收办法》已经省政府同意，现转发给你们。\n亥省人民政府办公厅\n二00二年八月二十九日\n"
            "亥省农业税征收办法\n（亥财发[2002]7号　二00二年八月一日）\n　　第一条　为规范农业税征收，制定本办法。\n")
    d = parsed(text).document
    (a,) = d.attachments
    assert (a.title, a.doc_number, a.date) == ("亥省农业税征收办法", "亥财发〔2002〕7号", "2002-08-01")
    assert (d.doc_number, d.date) == ("亥政办发〔2002〕42号", "2002-08-29")


def test_web_page_lines_above_and_below_the_document_are_dropped_with_a_reason():
    text = web("当前位置：首页 > 政府信息公开 > 政策文件", "发布时间：2024-11-18  来源：市政府办公室", "【字体：大 中 小】",
               "亥市人民政府关于做好冬季救助工作的通知", "亥府发〔2024〕3号", "各区县人民政府：", BODY,
               "亥市人民政府", "2024年12月2日", "【打印本页】【关闭窗口】")
    item = parsed(text)
    assert fields(text)[:2] == ("亥市人民政府关于做好冬季救助工作的通知", "亥府发〔2024〕3号")
    assert [d.reason for d in item.dropped] == ["网页页眉", "网页页眉", "网页页眉", "网页页脚"]


def test_another_sites_metadata_one_label_per_line():
    text = web("索引号：11500000009275780L/2024-00079", "发布机构：子市经济和信息化委员会", "成文日期：2024-11-06",
               "文号：子经信发〔2024〕79号", "名称：子市经济和信息化委员会关于做好某项工作的通知",
               "子市经济和信息化委员会关于做好某项工作的通知", "各有关单位：", BODY)
    item = parsed(text)
    d = item.document
    assert (d.title, d.doc_number, d.issuer, d.date) == (
        "子市经济和信息化委员会关于做好某项工作的通知", "子经信发〔2024〕79号", "子市经济和信息化委员会", "2024-11-06")
    assert [x.reason for x in item.dropped] == ["网页元数据"] * 5
    assert any("正文中没有成文日期" in w for w in item.warnings)


def test_a_legal_databases_field_block():
    text = ("【发布部门】丑市人民政府\n【发文字号】丑府发〔2010〕12号\n【发布日期】2010.05.01\n【实施日期】2010.06.01\n"
            "【时效性】现行有效\n正文：\n丑市人民政府关于加强耕地保护的通知\n（丑府发[2010]12号　2010年4月20日）\n"
            "各县区人民政府：\n　　为加强耕地保护，现通知如下。\n")
    d = parsed(text).document
    assert (d.title, d.doc_number, d.issuer, d.date) == (
        "丑市人民政府关于加强耕地保护的通知", "丑府发〔2010〕12号", "丑市人民政府", "2010-04-20")


_LINES = ["甲政发〔2024〕1号", "（甲政发[2024]2号　二〇二四年一月二日）", "甲市人民政府", "甲 市 民 政 局", "关于做好某项工作的通知",
          "关于加强", "管理的意见", "各区县人民政府：", "为做好工作，现通知如下。", "一、总体要求", "第一条　为了规范，制定本办法。",
          "2024年1月2日", "（此件公开发布）", "附件", "甲市某某办法", "序号", "名称", "1", "附件：1.某表", "甲市人民政府文件",
          "扫一扫在手机打开当前页", "分享到：", "文件下载：某.docx", "解读：《某通知》", "甲市财政局　2024年1月3日", "（2024年1月4日）",
          "当前位置：首页 > 文件", "第3号", "甲市人民政府公告", "<td valign", "甲财.docx", "目录", "市政府文件",
          "甲市人民政府关于做好某项工作的通知（甲政发[2024]1号）", "2024年第1期", "甲市人民政府公报"]


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_LINES), min_size=1, max_size=16), st.booleans())
# A 文号 line that the next document starts on (it was read as this one's too: IndexError).
@example(["2024年第1期", "甲市人民政府公报", "目录"] + ["甲政发〔2024〕1号"] * 4 + ["各区县人民政府："]
         + ["甲政发〔2024〕1号"] * 2, False)
def test_any_arrangement_of_document_lines_is_refused_or_conserved(lines, blank):
    from reader.core.importer import _conserved_or_refuse, parse_text
    text = ("\n\n" if blank else "\n").join(lines) + "\n"
    try:
        _conserved_or_refuse(text, parse_text(text, "x.txt"))
    except ImportRefused as e:
        assert "核对" not in str(e), text
