"""Every block kind has a style; hostile text prints as text; 署名/日期 sit where GB/T 9704 puts them."""
from __future__ import annotations

import ctypes
import re

import pytest

pdfium = pytest.importorskip("pypdfium2")
import pypdfium2.raw as pdfium_raw  # noqa: E402

from reader.core import model as M  # noqa: E402
from reader.core.printjob import PrintJob  # noqa: E402
from reader.core.records import DocInfo, DocumentView  # noqa: E402
from reader.gui.printing import export_pdf, styles  # noqa: E402
from test_print_pdf import MM, lines_of, squash  # noqa: E402

CHAR = 156 / 28          # mm per character of 3号 on the grid
TITLE = "某某市人民政府关于做好测试工作的通知"
BLOCKS = (
    M.Block(M.TITLE, TITLE),
    M.Block(M.DOC_NUMBER, "某政发〔2024〕1号"),
    M.Block(M.CODE, "MMCR-2024-00001"),
    M.Block(M.ADDRESSEES, "各县市区人民政府，市直各单位："),
    M.Block(M.PARAGRAPH, "为做好测试工作，现将有关事项通知如下。<script>alert('x')</script>"),
    M.Block(M.HEADING, "一、总体要求", 1),
    M.Block(M.HEADING, "（一）基本原则", 2),
    M.Block(M.HEADING, "1.坚持问题导向", 3),
    M.Block(M.HEADING, "（1）突出重点", 4),
    M.Block(M.ARTICLE, "第一条 为了规范测试，制定本办法。"),
    M.Block(M.LIST_ITEM, "（一）第一项<img src=http://x>"),
    M.Block(M.TABLE_ROW, "序号\t单位\t任务"),
    M.Block(M.PARAGRAPH, "&lt;b&gt;不是粗体&lt;/b&gt; & <b>也不是</b>"),
    M.Block(M.ATTACHMENT_NOTE, "附件：1.某某市测试工作任务分解表（这是一个很长的附件名称需要回行对齐）"),
    M.Block(M.SIGNATURE, "某某市人民政府"),
    M.Block(M.DATE, "2024年1月15日"),
    M.Block(M.NOTE, "（此件公开发布）"),
)


def _view(key="t/1", blocks=BLOCKS, title=TITLE):
    info = DocInfo(key, M.NOTICE, "main", title, "某政发〔2024〕1号", None, "某某市人民政府", "2024-01-15", 7,
                   "某刊/2024/1", "市政府文件", None)
    return DocumentView(info=info, blocks=blocks, doc_number_printed=None, addressees=None, signature=None,
                        date_printed=None, author=None, explains=None, fingerprint="", publication="某某市人民政府公报",
                        issue_label="2024年第1期（总第1期）", parent=None, attachments=(), interpretations=(),
                        citations=(), cited_by=())


class StubLibrary:
    def __init__(self, *views):
        self.views = {v.key: v for v in views}

    def document(self, key):
        return self.views.get(key)


def test_every_block_kind_has_a_style():
    for kind in M.BLOCK_KINDS:
        if kind == M.HEADING:
            roles = [styles.style_for(M.Block(kind, "x", level)).role for level in (1, 2, 3, 4)]
            assert roles == ["heading1", "heading2", "body", "body"]
        else:
            assert kind in styles.STYLES, kind
    assert styles.STYLES[M.TITLE].role == "title" and styles.STYLES[M.TITLE].pt == 22
    assert styles.STYLES[M.TITLE].align == "center" and styles.STYLES[M.DOC_NUMBER].align == "center"
    assert styles.STYLES[M.PARAGRAPH].first_indent == 2 and styles.STYLES[M.ADDRESSEES].first_indent == 0
    assert styles.STYLES[M.DATE].right == 4 and styles.STYLES[M.ATTACHMENT_NOTE].first_indent == 2


@pytest.fixture(scope="module")
def notice_pdf(qapp, tmp_path_factory):
    path = tmp_path_factory.mktemp("layout") / "notice.pdf"
    export_pdf(StubLibrary(_view()), PrintJob(keys=["t/1"]), path)
    doc = pdfium.PdfDocument(str(path))
    return path, doc, [lines_of(doc[i].get_textpage()) for i in range(len(doc))]


def test_hostile_text_prints_as_text(notice_pdf):
    path, doc, pages = notice_pdf
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    assert "<script>alert('x')</script>" in text
    assert "<img src=http://x>" in squash(text).replace("imgsrc", "img src")
    assert "&lt;b&gt;不是粗体&lt;/b&gt;" in squash(text) and "<b>也不是</b>" in squash(text)
    for block in BLOCKS:
        assert squash(block.text) in squash(text), block.text


def test_signature_centred_over_date_four_characters_in(notice_pdf):
    _, _, pages = notice_pdf
    lines = [x for page in pages for x in page]
    date = next(x for x in lines if x[3] == "2024年1月15日")
    sign = next(x for x in lines if x[3] == "某某市人民政府" and x is not lines[0])
    right_edge = (28 + 156 - 4 * CHAR) * MM
    assert abs(date[2] - right_edge) < 1.5 * MM
    assert abs((sign[1] + sign[2]) / 2 - (date[1] + date[2]) / 2) < 1 * MM
    assert 0 < date[0] - sign[0] < 11 * MM                       # the next grid line


def test_header_addressees_indents(notice_pdf):
    _, _, pages = notice_pdf
    first = pages[0]
    page_centre = (28 + 156 / 2) * MM
    title = first[0]
    assert squash(title[3]) == TITLE
    assert abs((title[1] + title[2]) / 2 - page_centre) < 2 * MM
    number = next(x for x in first if x[3] == "某政发〔2024〕1号")
    assert abs((number[1] + number[2]) / 2 - page_centre) < 2 * MM and number[0] > title[0]
    addressees = next(x for x in first if x[3].startswith("各县市区"))
    assert abs(addressees[1] - 28 * MM) < 1.5 * MM                # flush left
    para = next(x for x in first if x[3].startswith("为做好"))
    assert abs(para[1] - (28 + 2 * CHAR) * MM) < 1.5 * MM        # two-character indent
    lines = [x for page in pages for x in page]
    note = next(x for x in lines if x[3].startswith("附件："))
    assert abs(note[1] - (28 + 2 * CHAR) * MM) < 1.5 * MM
    cont = lines[lines.index(note) + 1]
    assert abs(cont[1] - (28 + 5 * CHAR) * MM) < 1.5 * MM        # lines up after "附件："
    table = next(x for x in lines if x[3].startswith("序号"))
    assert abs(table[1] - 28 * MM) < 1.5 * MM
    assert "本件据《某某市人民政府公报》2024年第1期（总第1期）第7页" in squash("".join(x[3] for x in lines))
    order = [x[3] for x in lines]
    assert order.index("2024年1月15日") < order.index("（此件公开发布）") < \
        next(i for i, t in enumerate(order) if t.startswith("本件据"))     # the source line comes last


def test_heading_fonts(notice_pdf):
    _, doc, _ = notice_pdf
    tp = doc[0].get_textpage()
    text = tp.get_text_range()
    buf = ctypes.create_string_buffer(256)

    def font_at(s):
        i = text.index(s)
        obj = tp.get_textobj(i)
        pdfium_raw.FPDFFont_GetBaseFontName(pdfium_raw.FPDFTextObj_GetFont(obj.raw), buf, len(buf))
        return buf.value.decode()

    body = font_at("各县市区")
    assert font_at("总体要求") != body                             # 黑体 style
    assert font_at("基本原则") not in (body, font_at("总体要求"))  # 楷体 style
    assert font_at("坚持问题导向") == body and font_at("突出重点") == body
    assert font_at("第一条") == font_at("总体要求") and font_at("为了规范") == body
    assert "Bold" in font_at("做好测试工作") or font_at("做好测试工作") != body


def test_long_title_breaks_between_words(qapp, tmp_path):
    title = "某某市人民政府关于张卫阳同志正式任职的通知"
    view = _view(blocks=(M.Block(M.TITLE, title), M.Block(M.PARAGRAPH, "正文。")), title=title)
    path = tmp_path / "title.pdf"
    export_pdf(StubLibrary(view), PrintJob(keys=["t/1"]), path)
    lines = lines_of(pdfium.PdfDocument(str(path))[0].get_textpage())
    assert [lines[0][3], lines[1][3]] == ["某某市人民政府关于", "张卫阳同志正式任职的通知"]


def test_control_characters_and_empty_blocks(qapp, tmp_path):
    blocks = (M.Block(M.TITLE, TITLE), M.Block(M.PARAGRAPH, "甲\x00乙\x1b丙\r\n丁"), M.Block(M.PARAGRAPH, "  "))
    path = tmp_path / "ctl.pdf"
    export_pdf(StubLibrary(_view(blocks=blocks)), PrintJob(keys=["t/1"]), path)
    lines = lines_of(pdfium.PdfDocument(str(path))[0].get_textpage())
    assert ["甲乙丙", "丁"] == [x[3] for x in lines if re.match("[甲丁]", x[3])]


def test_attached_plan_gets_one_label_on_a_new_page(qapp, tmp_path):
    plan_blocks = (M.Block(M.ATTACHMENT_NOTE, "附件2"), M.Block(M.TITLE, "测试工作方案"), M.Block(M.PARAGRAPH, "方案正文。"))
    plan = _view("t/1/附件1", plan_blocks, "测试工作方案")
    other = _view("t/1/附件2", (M.Block(M.TITLE, "另一方案"), M.Block(M.PARAGRAPH, "正文。")), "另一方案")
    main = _view(blocks=BLOCKS[:5])
    main = main._replace(attachments=(plan.info, other.info))
    path = tmp_path / "plans.pdf"
    export_pdf(StubLibrary(main, plan, other), PrintJob(keys=["t/1"]), path)
    doc = pdfium.PdfDocument(str(path))
    pages = [[x[3] for x in lines_of(doc[i].get_textpage())] for i in range(len(doc))]
    assert len(pages) == 3
    assert pages[1][:2] == ["附件2", "测试工作方案"]            # the source's own label, not a second one
    assert pages[2][:2] == ["附件2", "另一方案"]                # numbered by position when there are several
    assert any(t.startswith("本件据") for t in pages[0])       # the source line stays under the notice
