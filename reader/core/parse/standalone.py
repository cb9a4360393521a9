"""A single official document outside any issue: a notice, 意见, 批复, 函, or a 令
with its regulation, as saved from a government web page (with or without the
page's metadata block) or as plain text."""
from __future__ import annotations

import re
from dataclasses import replace

from .. import dates, docnumber
from ..errors import ImportRefused
from ..model import ORDER, Dropped, Standalone
from ..text import fold, squeeze
from . import lines as L
from .document import parse_official, with_attachments
from .finalize import finalize_standalone
from .lines import Line

_META_LABELS = ("索引号", "主题分类", "发文机关", "成文日期", "标题", "发文字号", "发布日期", "主题词")
WEB_FURNITURE = re.compile(r"^(?:扫一扫在手机打开当前页|【?(?:打印本页|关闭窗口|我要纠错|打印|关闭)】?|分享到[:：]?.*)$")
ORDER_NUMBER = re.compile(r"^第\s*(?P<serial>\d{1,5})\s*号$")
ORDER_TITLE = re.compile(r"^(?:中华人民共和国)?(?P<issuer>.+?)令$")
# A national convention: the State Council's orders are numbered 国令第N号.
ORDER_PREFIXES = {"国务院": "国令"}


def _web_meta(lines: list[Line]) -> tuple[dict[str, str], int]:
    """The gov.cn metadata block: {label: value} and how many lines it spans."""
    meta: dict[str, str] = {}
    end = 0
    for i, ln in enumerate(lines[:12]):
        cells = [c.strip() for c in ln.raw.split("\t") if c.strip()]
        hit = False
        for j, c in enumerate(cells):
            label = squeeze(c).rstrip("：:")
            if label in _META_LABELS and (c.endswith(("：", ":"))):
                hit = True
                value = cells[j + 1] if j + 1 < len(cells) and not squeeze(cells[j + 1]).rstrip("：:") in _META_LABELS else ""
                meta[label] = value
        if hit:
            end = i + 1
        elif meta:
            break
    if len(meta) < 3:
        return {}, 0
    return meta, end


def parse_standalone(text: str, source_name: str = "") -> Standalone:
    lines = L.split_lines(text)
    if not lines:
        raise ImportRefused("文件为空：没有任何文字")
    meta, skip = _web_meta(lines)
    dropped = [Dropped(ln.no, ln.raw or ln.text, "网页元数据") for ln in lines[:skip]]
    body = []
    for ln in lines[skip:]:
        if WEB_FURNITURE.match(ln.text):
            dropped.append(Dropped(ln.no, ln.raw or ln.text, "网页页脚"))
        elif L.PAGE_NUMBER.match(ln.text):
            dropped.append(Dropped(ln.no, ln.raw or ln.text, "页码"))   # a document printed to PDF
        else:
            body.append(ln)
    if not body:
        raise ImportRefused("不是公文：元数据之后没有正文")
    warnings: list[str] = []
    meta_title = meta.get("标题", "")
    meta_number = docnumber.parse(meta.get("发文字号", "")) if meta.get("发文字号") else None

    number_line = next((i for i, ln in enumerate(body[:8]) if L.is_doc_number_line(ln.text)), None)
    override = None
    if number_line is None:
        order_line = next((i for i, ln in enumerate(body[:6]) if ORDER_NUMBER.match(ln.text)), None)
        if order_line:
            number_line = order_line
            issuer_title = squeeze("".join(ln.text for ln in body[:order_line]))
            m = ORDER_TITLE.match(issuer_title)
            serial = int(ORDER_NUMBER.match(body[order_line].text).group("serial"))
            if m:
                issuer = m.group("issuer")
                prefix = ORDER_PREFIXES.get(issuer, issuer + "令")
                override = docnumber.DocNumber(prefix, None, serial, body[order_line].text)
    if number_line is None and not meta:
        raise ImportRefused("不是政府公报或公文：找不到期号、目录，开头也没有文号")
    if number_line is not None:
        parsed = parse_official(body, number_line, number_line, join_breaks=not meta,
                                number_override=override)
    else:
        k = next((k for k in (1, 2, 3, 4) if meta_title and fold("".join(x.text for x in body[:k])) == fold(meta_title)), 1)
        if not L.looks_like_title(body[0].text):
            raise ImportRefused("不是公文：开头找不到标题和文号")
        parsed = parse_official(body, k, None, join_breaks=not meta)
    doc = with_attachments(parsed)
    if doc.kind == ORDER or (override is not None):
        title_issuer = ORDER_TITLE.match(squeeze(doc.title))
        new_title = doc.attachments[0].title if doc.attachments else doc.title
        doc = replace(doc, kind=ORDER, title=new_title,
                      issuer=title_issuer.group("issuer") if title_issuer else doc.issuer)
    if not doc.date and not meta:
        raise ImportRefused("文件不完整：找不到署名和成文日期（文件可能在中途被截断）")
    doc = _check_against_meta(doc, meta, meta_number, warnings)
    return Standalone(document=finalize_standalone(doc), warnings=tuple(warnings),
                      dropped=tuple(dropped), source_name=source_name)


def _check_against_meta(doc, meta, meta_number, warnings):
    """The web page's metadata fills gaps; where it disagrees with the text, say so."""
    if not meta:
        return doc
    if meta_number:
        if doc.doc_number is None:
            doc = replace(doc, doc_number=meta_number.normal, doc_number_printed=meta_number.printed)
        elif doc.doc_number != meta_number.normal:
            warnings.append(f"文号不一致：网页元数据作 {meta_number.printed}，正文作 {doc.doc_number_printed}；以正文为准")
    meta_title = meta.get("标题")
    if meta_title and fold(meta_title) != fold(doc.title):
        warnings.append(f"标题不一致：网页元数据作《{meta_title}》，正文作《{doc.title}》；以正文为准")
    iso = dates.parse(meta.get("成文日期", ""))
    if iso:
        if doc.date is None:
            doc = replace(doc, date=iso[0], date_printed=meta.get("成文日期"))
        elif doc.date != iso[0]:
            warnings.append(f"成文日期不一致：网页元数据作 {meta['成文日期']}，正文作 {doc.date_printed}；以正文为准")
    issuer = meta.get("发文机关")
    if issuer:
        if not doc.issuer:
            doc = replace(doc, issuer=issuer)
        elif squeeze(issuer) != squeeze(doc.issuer):
            warnings.append(f"发文机关不一致：网页元数据作 {issuer}，正文作 {doc.issuer}")
    return doc
