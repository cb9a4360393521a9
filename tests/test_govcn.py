"""The 60 State Council documents import as standalone documents with the right metadata.

"Right" is what the gov.cn page's own metadata block says; the parser reads the
document text, with or without that block on top.
"""

import pytest

from reader.core import dates, docnumber
from reader.core.model import ORDER, Standalone
from reader.core.parse.standalone import parse_standalone
from reader.core.text import fold, squeeze

# The page says 2004年04月17日; the document itself is dated 二〇〇四年四月二十七日.
TEXT_OVER_METADATA = {"guobanhan-2004-036.txt": "2004-04-27"}


def _meta(text):
    meta = {}
    for line in text.split("\n")[:10]:
        cells = [c.strip() for c in line.split("\t") if c.strip()]
        for i, c in enumerate(cells[:-1]):
            if c.endswith("："):
                meta[squeeze(c).rstrip("：")] = cells[i + 1]
    return meta


def _without_meta(text):
    lines = text.split("\n")
    k = max(i for i, l in enumerate(lines[:12]) if "主 题 词" in l)
    return "\n".join(lines[k + 1:])


@pytest.mark.parametrize("with_meta", [True, False], ids=["with-metadata", "bare-text"])
def test_all_60_documents(corpus_files, with_meta):
    problems = []
    for path in corpus_files:
        text = path.read_text(encoding="utf-8")
        meta = _meta(text)
        item = parse_standalone(text if with_meta else _without_meta(text), path.name)
        assert isinstance(item, Standalone)
        d = item.document
        want_date = TEXT_OVER_METADATA.get(path.name) or dates.parse(meta["成文日期"])[0]
        got = (d.doc_number, fold(d.title), d.issuer, d.date)
        want = (docnumber.normalise(meta["发文字号"]), fold(meta["标题"]), meta["发文机关"], want_date)
        if got != want:
            problems.append((path.name, got, want))
    assert problems == []


def test_metadata_disagreement_is_a_warning_not_a_silent_choice(corpus_files):
    path = next(p for p in corpus_files if p.name == "guobanhan-2004-036.txt")
    item = parse_standalone(path.read_text(encoding="utf-8"), path.name)
    assert item.document.date == "2004-04-27"
    assert any("2004年04月17日" in w and "二〇〇四年四月二十七日" in w for w in item.warnings)


def test_order_with_articles(corpus_files):
    path = next(p for p in corpus_files if p.name == "guoling-707.txt")
    d = parse_standalone(path.read_text(encoding="utf-8")).document
    assert d.kind == ORDER and d.doc_number == "国令第707号"
    assert d.title == "中华人民共和国个人所得税法实施条例" and d.issuer == "国务院"
    articles = [b.text for b in d.attachments[0].blocks if b.kind == "article"]
    assert articles[0].startswith("第一条") and len(articles) > 30
    assert d.signature == "总理 李克强"


def test_kinds_and_numbers_of_other_forms(corpus_files):
    by_name = {p.name: parse_standalone(p.read_text(encoding="utf-8")).document for p in corpus_files}
    assert by_name["guohan-2018-144.txt"].kind == "reply"          # 批复
    assert by_name["guobanhan-1996-014.txt"].kind == "letter"      # 复函
    assert by_name["guofa-2019-005.txt"].kind == "opinion"         # 意见
    assert by_name["guobanfamingdian-2018-015.txt"].doc_number == "国办发明电〔2018〕15号"
    assert by_name["guohan-2006-132.txt"].date == "2006-12-30"     # 二〇〇六年十二月三十日
    # The 印发 notice carries its plan as an attachment.
    d = by_name["guofa-2019-004.txt"]
    assert d.attachments and d.attachments[0].title == "国家职业教育改革实施方案"
    web = [x.text for x in parse_standalone(
        (corpus_files[0]).read_text(encoding="utf-8")).dropped if x.reason == "网页页脚"]
    assert web == ["扫一扫在手机打开当前页"]
