"""A single official document outside any issue: a notice, 意见, 批复, 函, or a 令
with its regulation, as saved from a government web page (with or without the
page's metadata block) or as plain text."""
from __future__ import annotations

import re
from dataclasses import replace

from .. import dates, docnumber
from ..errors import ImportRefused
from ..model import ADDRESSEES, DATE, ORDER, SIGNATURE, Dropped, Standalone
from ..text import fold, squeeze
from . import lines as L
from .cutoff import HEAD_KINDS as _HEAD_KINDS, cut_off
from .document import parse_headed, with_attachments
from .finalize import finalize_standalone
from .head import ORDER_NUMBER, layout_names, read_head
from .lines import Line
from ..messages import Msg

_META_LABELS = ("索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "主题词")
PUBLISHED_BY = re.compile(r"^(?P<org>[\u4e00-\u9fff]{4,30})发布$")
ORDER_TITLE = re.compile(r"^(?:中华人民共和国)?(?P<issuer>.+?)令$")
NUMBERED_TITLE = re.compile(r"^(?:中华人民共和国)?(?P<issuer>.+?)(?P<kind>令|公告|通告)$")
# A national convention: the State Council's orders are numbered 国令第N号.
ORDER_PREFIXES = {"国务院": "国令"}


# Other sites name the same fields differently; one "label：value" per line.
_META_SYNONYMS = {"文号": "发文字号", "名称": "标题", "发布机构": "发文机关", "发文单位": "发文机关",
                  "索 引 号": "索引号", "生成日期": "成文日期", "发布时间": "发布日期", "主题分类": "主题分类",
                  "有效性": "有效性", "组配分类": "主题分类", "发布部门": "发文机关", "制定机关": "发文机关"}
# Fields that say nothing the text does not, but belong to the block ("正文：" ends a legal database's).
_META_EXTRA = ("有效性", "时效性", "效力级别", "法规类别", "实施日期", "施行日期", "正文", "来源")


def _web_meta(lines: list[Line]) -> tuple[dict[str, str], int]:
    """The gov.cn metadata block (or another site's, one "label：value" per line):
    {label: value} and how many lines it spans."""
    meta: dict[str, str] = {}
    end = 0
    for i, ln in enumerate(lines[:16]):
        cells = [c.strip() for c in ln.raw.split("\t") if c.strip()]
        hit = False
        for j, c in enumerate(cells):
            label = squeeze(c).rstrip("：:")
            if label in _META_LABELS and (c.endswith(("：", ":"))):
                hit = True
                value = cells[j + 1] if j + 1 < len(cells) and not squeeze(cells[j + 1]).rstrip("：:") in _META_LABELS else ""
                meta[label] = value
        if not hit and len(cells) == 1:
            m = re.match(r"^(?P<label>[\u4e00-\u9fff ]{2,6})[：:]\s*(?P<value>.*)$", cells[0]) \
                or re.match(r"^【(?P<label>[\u4e00-\u9fff ]{2,6})】\s*(?P<value>.*)$", cells[0])
            label = squeeze(m.group("label")) if m else ""
            label = _META_SYNONYMS.get(label, label)
            if label in _META_LABELS + _META_EXTRA and (meta or i < 4):
                hit = True
                meta[label] = m.group("value").strip()
        if hit:
            end = i + 1
        elif meta:
            break
    if len(meta) < 3:
        return {}, 0
    return meta, end


def _furniture(lines: list[Line]) -> tuple[list[Line], list[Dropped]]:
    """Web and page furniture, dropped with its reason: page numbers anywhere (a document
    printed to PDF), web footers only as whole known lines at the document's edges."""
    body, dropped = [], []
    for ln in lines:
        if L.PAGE_NUMBER.match(ln.text):
            dropped.append(Dropped(ln.no, ln.raw or ln.text, "页码"))
        else:
            body.append(ln)
    # The trailing edge: footer lines after the last line of text ("扫一扫…", "分享到：",
    # "××局发布"), and the leading edge before the first.
    while body and _footer(body[-1].text):
        dropped.append(Dropped(body[-1].no, body[-1].raw or body[-1].text, "网页页脚"))
        body.pop()
    while body and (L.WEB_FURNITURE.match(body[0].text) or L.WEB_HEADER.match(body[0].text)):
        dropped.append(Dropped(body[0].no, body[0].raw or body[0].text, "网页页眉"))
        body.pop(0)
    return body, sorted(dropped, key=lambda d: d.line)


def _footer(text: str) -> bool:
    if L.WEB_FURNITURE.match(text):
        return True
    m = PUBLISHED_BY.match(text)
    return bool(m) and L.is_org_name(m.group("org"))


def parse_standalone(text: str, source_name: str = "") -> Standalone:
    lines = L.split_lines(text)
    if not lines:
        raise ImportRefused(Msg("refuse.empty"))
    meta, skip = _web_meta(lines)
    dropped = [Dropped(ln.no, ln.raw or ln.text, "网页元数据") for ln in lines[:skip]]
    body, furniture = _furniture(lines[skip:])
    dropped += furniture
    if not body:
        raise ImportRefused(Msg("refuse.not_a_document"))
    warnings: list[str] = []
    meta_title = meta.get("标题", "")
    meta_number = docnumber.parse(meta.get("发文字号", "")) if meta.get("发文字号") else None

    head = read_head(body, meta_title)
    override = None
    numbered = ORDER_NUMBER.match(squeeze(body[head.number_line].text)) \
        if head.number_line is not None and head.number is None else None
    if numbered:
        # "中华人民共和国国务院令" / "第707号": the 令's (公告's) number, named after its issuer.
        issuer_title = squeeze("".join(body[k].text for k in head.title))
        m = NUMBERED_TITLE.match(issuer_title)
        serial = int(numbered.group("serial"))
        if m:
            issuer = m.group("issuer")
            prefix = ORDER_PREFIXES.get(issuer, issuer + m.group("kind")) if m.group("kind") == "令" \
                else issuer + m.group("kind")
            override = docnumber.DocNumber(prefix, None, serial, body[head.number_line].text)
    parsed = parse_headed(body, head, join_breaks=not meta and not _one_paragraph_per_line(text),
                          number_override=override)
    doc = with_attachments(parsed)
    if doc.kind == ORDER or (override is not None and override.prefix.endswith("令")):
        title_issuer = ORDER_TITLE.match(squeeze(doc.title))
        new_title = doc.attachments[0].title if doc.attachments else doc.title
        doc = replace(doc, kind=ORDER, title=new_title,
                      issuer=title_issuer.group("issuer") if title_issuer else doc.issuer)
    if not (doc.title or doc.doc_number or doc.date or doc.signature or doc.addressees or meta):
        # Nothing of a 公文 at all: a novel, minutes, a web page of something else.
        raise ImportRefused(Msg("refuse.nothing_found"))
    doc = _check_against_meta(doc, meta, meta_number, warnings)
    warnings += _missing(doc, body, meta)
    cut = cut_off(text, body, doc)
    if cut:
        warnings.insert(0, cut)
    doc = replace(doc, layout=tuple(_body_layout(doc, layout_names(head, body))))
    return Standalone(document=finalize_standalone(doc), warnings=tuple(warnings),
                      dropped=tuple(sorted(dropped, key=lambda d: d.line)), source_name=source_name)


def _one_paragraph_per_line(text: str) -> bool:
    """Web pages saved as text set a blank line after each paragraph, and a line that ends
    without punctuation there is mostly a table cell or a heading: such a text is not
    joined across lines. (A PDF's paragraphs are rebuilt by parse/pdf.py before this;
    a text with page breaks inside paragraphs and blank lines between all lines stays
    unjoined here, which costs layout, never characters or fields.)"""
    lines = text.split("\n")
    filled = [i for i, ln in enumerate(lines[:-1]) if ln.strip()]
    if len(filled) < 4:
        return False
    return sum(1 for i in filled if not lines[i + 1].strip()) >= 0.6 * len(filled)


def _body_layout(doc, head_layout: list[str]) -> list[str]:
    out = list(head_layout)
    signatures = [b for b in doc.blocks if b.kind == SIGNATURE]
    if doc.issuer and "、" in doc.issuer and not any(x.startswith("联合发文") for x in out):
        out.append(f"联合发文 {doc.issuer.count('、') + 1} 个机关")
    if signatures and doc.date:
        out.append("署名和成文日期")
    elif doc.date:
        out.append("有成文日期，无署名")
    if doc.attachments:
        out.append(f"附属正文 {len(doc.attachments)} 件")
    return out


def _missing(doc, body, meta) -> list[str]:
    """A complete document may lack a field: import it and say which."""
    out = []
    if not doc.title:
        out.append(Msg("note.no_title", line=body[0].no))
    if not doc.doc_number:
        out.append(Msg("note.no_number"))
    if not doc.signature:
        out.append(Msg("note.no_signature"))
    printed_date = any(b.kind == DATE for b in doc.blocks)
    if not doc.date:
        out.append(Msg("note.no_date", line=body[-1].no))
    elif not printed_date and meta and not doc.attachments:
        # The page's metadata has a date; the text stops before printing one.
        out.append(Msg("note.date_from_meta", line=body[-1].no))
    if not any(b.kind not in _HEAD_KINDS + (ADDRESSEES, DATE, SIGNATURE) for b in doc.blocks) \
            and not doc.attachments:
        out.append(Msg("cut.incomplete", detail=Msg("cut.head_only", line=body[-1].no)))
    return out


def _check_against_meta(doc, meta, meta_number, warnings):
    """The web page's metadata fills gaps; where it disagrees with the text, say so."""
    if not meta:
        return doc
    if meta_number:
        if doc.doc_number is None:
            doc = replace(doc, doc_number=meta_number.normal, doc_number_printed=meta_number.printed)
        elif doc.doc_number != meta_number.normal:
            warnings.append(Msg("note.meta_number", meta=meta_number.printed, text=doc.doc_number_printed))
    meta_title = meta.get("标题")
    if meta_title and fold(meta_title) != fold(doc.title):
        warnings.append(Msg("note.meta_title", meta=meta_title, text=doc.title))
    iso = dates.parse_field(meta.get("成文日期", ""))
    if iso:
        if doc.date is None:
            doc = replace(doc, date=iso[0], date_printed=meta.get("成文日期"))
        elif doc.date != iso[0]:
            warnings.append(Msg("note.meta_date", meta=meta['成文日期'], text=doc.date_printed))
    issuer = meta.get("发文机关")
    if issuer:
        if not doc.issuer:
            doc = replace(doc, issuer=issuer)
        elif squeeze(issuer) != squeeze(doc.issuer):
            warnings.append(Msg("note.meta_issuer", meta=issuer, text=doc.issuer))
    return doc
