"""Whole issues of other publishers (made-up texts): a 目录 without page numbers, entries
with their 文号 in brackets after the title, section names without 【】, documents with the
文号 above the title or a 题注 under it; the truncation check does not depend on order."""
from __future__ import annotations

import pytest

from reader.core.conservation import check_issue
from reader.core.errors import ImportRefused
from reader.core.importer import parse_text
from reader.core.model import Issue

DOC_A = """丙市人民政府关于加强安全生产工作的通知

丙政发〔2006〕10号

各县区人民政府，市政府各部门：

为加强安全生产工作，现通知如下。

一、落实责任，加强监管，确保安全。

丙市人民政府

二〇〇六年十二月一日
"""
DOC_B = """丙市人民政府关于印发丙市防汛应急预案的通知

丙政发〔2006〕11号

各县区人民政府，市政府各部门：

现将《丙市防汛应急预案》印发给你们，请认真贯彻执行。

丙市人民政府

二〇〇六年十二月五日
"""
# No signature, no date: a regulation-like text that ends with a finished sentence.
DOC_C = """丙市人民政府办公室关于做好秋季防火工作的通知

丙政办发〔2006〕145号

各县区人民政府：

为做好秋季防火工作，现通知如下。

《丙市森林防火办法》（丙政发〔2001〕3号）同时废止。
"""
WEB_TOC = """丙市人民政府公报

2006年第12期

目录

市政府文件

丙市人民政府关于加强安全生产工作的通知（丙政发[2006]10号）

丙市人民政府关于印发丙市防汛应急预案的通知

（丙政发[2006]11号）

市政府办公室文件

丙市人民政府办公室关于做好秋季防火工作的通知（丙政办发[2006]145号）

"""


def _issue(text: str) -> Issue:
    issue = parse_text(text, "issue.txt")
    assert isinstance(issue, Issue)
    assert check_issue(text, issue).ok
    return issue


def test_web_edition_toc_without_pages_and_numbers_after_titles():
    issue = _issue(WEB_TOC + DOC_A + "\n" + DOC_B + "\n" + DOC_C)
    assert [(e.section, e.doc_number, e.page) for e in issue.toc] == [
        ("市政府文件", "丙政发〔2006〕10号", None), ("市政府文件", "丙政发〔2006〕11号", None),
        ("市政府办公室文件", "丙政办发〔2006〕145号", None)]
    docs = [(s.name, d.doc_number, d.date) for s in issue.sections for d in s.documents]
    assert docs == [("市政府文件", "丙政发〔2006〕10号", "2006-12-01"), ("市政府文件", "丙政发〔2006〕11号", "2006-12-05"),
                    ("市政府办公室文件", "丙政办发〔2006〕145号", None)]
    assert not [w for w in issue.warnings if "目录" in w]


@pytest.mark.parametrize("order", [(DOC_A, DOC_B, DOC_C), (DOC_C, DOC_A, DOC_B), (DOC_A, DOC_C, DOC_B)])
def test_truncation_check_does_not_depend_on_order(order):
    issue = _issue(WEB_TOC + "\n".join(order))
    assert sum(1 for _ in issue.documents()) == 3


def test_an_issue_cut_mid_paragraph_is_still_refused():
    text = WEB_TOC + DOC_A + "\n" + DOC_B + "\n" + DOC_C[:DOC_C.index("现通知如下")]
    with pytest.raises(ImportRefused, match="中断"):
        parse_text(text, "cut.txt")


def test_number_above_title_and_caption_under_title_inside_an_issue():
    text = """丁州政报

2019年第3期（总第45期）

目 录

【州政府令】

丁州城市绿化管理办法 ………………… 2

【州政府文件】

丁州人民政府关于印发丁州招商引资办法的通知 …… 6

丁州人民政府办公室关于做好汛期安全工作的通知 …… 9

丁州城市绿化管理办法

（2019年3月1日　丁州人民政府令第12号）

第一条　为加强城市绿化管理，制定本办法。

第二条　本办法自2019年4月1日起施行。

丁州政发〔2019〕5号

丁州人民政府

关于印发丁州招商引资办法的通知

各县市人民政府：

现将《丁州招商引资办法》印发给你们，请认真执行。

丁州人民政府

2019年3月5日

丁州招商引资办法

第一条　为规范招商引资，制定本办法。

丁州政办发〔2019〕8号

丁州人民政府办公室

关于做好汛期安全工作的通知

各县市人民政府：

为做好汛期安全工作，现通知如下。

丁州人民政府办公室

2019年3月8日
"""
    issue = _issue(text)
    docs = [d for s in issue.sections for d in s.documents]
    assert [(d.title, d.doc_number, d.date, d.issuer) for d in docs] == [
        ("丁州城市绿化管理办法", "丁州人民政府令第12号", "2019-03-01", "丁州人民政府"),
        ("丁州人民政府关于印发丁州招商引资办法的通知", "丁州政发〔2019〕5号", "2019-03-05", "丁州人民政府"),
        ("丁州人民政府办公室关于做好汛期安全工作的通知", "丁州政办发〔2019〕8号", "2019-03-08", "丁州人民政府办公室")]
    assert [e.page for e in issue.toc] == [2, 6, 9]
    assert docs[1].attachments[0].title == "丁州招商引资办法"
    assert "文号在标题上" in docs[1].layout and "题注（日期 令号）在标题下" in docs[0].layout
    assert not issue.warnings


def test_issue_label_in_chinese_numerals():
    text = WEB_TOC.replace("2006年第12期", "二〇〇六年第十二期（总第一百二十三期）") + DOC_A + "\n" + DOC_B + "\n" + DOC_C
    issue = _issue(text)
    assert (issue.year, issue.numbers, issue.cumulative) == (2006, (12,), (123,))


def test_red_head_above_the_number_starts_the_document():
    doc = DOC_A.replace("丙市人民政府关于加强安全生产工作的通知\n\n丙政发〔2006〕10号\n\n",
                        "丙市人民政府文件\n\n丙政发〔2006〕10号\n\n丙市人民政府关于加强安全生产工作的通知\n\n")
    issue = _issue(WEB_TOC + DOC_B + "\n" + doc + "\n" + DOC_C)
    docs = [d for s in issue.sections for d in s.documents]
    a = next(d for d in docs if d.doc_number == "丙政发〔2006〕10号")
    assert a.blocks[0].kind == "note" and a.blocks[0].text == "丙市人民政府文件"
    assert a.title == "丙市人民政府关于加强安全生产工作的通知" and a.date == "2006-12-01"
    assert not any(b.text == "丙市人民政府文件" for d in docs if d is not a for b in d.blocks)


def test_an_issue_without_toc_finds_documents_by_their_caption():
    text = """戊市人民政府公报

2010年第2期

戊市住房公积金归集管理办法

（戊房金管发[2009]1号　戊市住房公积金管理委员会）

第一条　为规范住房公积金归集管理，制定本办法。

第二条　本办法自2010年1月1日起施行。

戊市人民政府关于加强安全生产工作的通知

（戊政发[2010]3号）

各县区人民政府：

为加强安全生产工作，现通知如下。

戊市人民政府

二〇一〇年一月五日
"""
    issue = _issue(text)
    docs = [(d.title, d.doc_number, d.issuer, d.date) for s in issue.sections for d in s.documents]
    assert docs == [("戊市住房公积金归集管理办法", "戊房金管发〔2009〕1号", "戊市住房公积金管理委员会", None),
                    ("戊市人民政府关于加强安全生产工作的通知", "戊政发〔2010〕3号", "戊市人民政府", "2010-01-05")]


def test_without_a_toc_no_document_is_called_missing_from_it():
    text = "戊市人民政府公报\n\n2010年第2期\n\n" + DOC_A + "\n" + DOC_B
    issue = _issue(text)
    assert sum(1 for _ in issue.documents()) == 2
    assert not [w for w in issue.warnings if "目录" in w]


def test_a_document_printed_without_its_number_takes_the_tocs_with_a_warning():
    doc = DOC_A.replace("丙政发〔2006〕10号\n\n", "")
    issue = _issue(WEB_TOC + doc + "\n" + DOC_B + "\n" + DOC_C)
    a = next(d for s in issue.sections for d in s.documents if d.title.endswith("安全生产工作的通知"))
    assert a.doc_number == "丙政发〔2006〕10号"
    assert any("正文没有印文号" in w for w in issue.warnings)
