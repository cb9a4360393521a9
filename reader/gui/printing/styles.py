"""GB/T 9704-2012 layout numbers and the style of every block kind (no Qt in this module).

Numbers (GB/T 9704-2012 《党政机关公文格式》, as reproduced in the project's layout notes):
A4 210 × 297 mm; 天头 37 mm; 订口 28 mm; 版心 156 × 225 mm (so 35 mm bottom, 26 mm right);
22 lines × 28 characters of 3号 (16 pt) 仿宋: a character ≈ 5.57 mm, a line ≈ 10.23 mm (≈ 29 pt).
Title 2号 (22 pt) 小标宋, centred; headings 一、黑体 → （一）楷体 → 1. 仿宋 → （1）仿宋, all 3号;
paragraphs indented two characters; 附件说明 one blank line below the body, indented two characters;
成文日期 right edge four characters in from the right, 署名 centred above it; 附注 indented two.
Page numbers: 4号 (14 pt) 半角 宋体 digits between em dashes, "— 3 —"; the dash line 7 mm below
the type area; odd pages on the right, even pages on the left, one character in from the edge.
An attachment starts a new page: "附件" in 3号黑体 flush left on the first line, its title on the third.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

from reader.core import model as M
from reader.core.printjob import NOTES_SOURCE, Packet, markdown_paragraphs, nest_quotes

PAGE_W_MM, PAGE_H_MM = 210.0, 297.0
TOP_MM, BINDING_MM = 37.0, 28.0
TYPE_W_MM, TYPE_H_MM = 156.0, 225.0
OUTER_MM = PAGE_W_MM - BINDING_MM - TYPE_W_MM          # 26 mm
LINES_PER_PAGE, CHARS_PER_LINE = 22, 28
BODY_PT, TITLE_PT, SMALL_PT = 16.0, 22.0, 14.0          # 3号, 2号, 4号
PAGE_NUMBER_GAP_MM = 7.0
# Where the em box sits in its 29 pt grid cell: a quarter of the leading above, the rest below,
# so the first line's characters start within ~1 mm of the 37 mm top margin.
LEADING_ABOVE = 0.25
EM_TOP = 0.88                                            # ideographic em box top above the baseline


@dataclass(frozen=True)
class Style:
    role: str = "body"            # a reader.gui.fonts role
    pt: float = BODY_PT
    align: str = "justify"        # justify | left | center | right
    first_indent: float = 2.0     # in body characters
    indent: float = 0.0           # continuation lines, in body characters
    right: float = 0.0            # right indent, in body characters
    blank_before: int = 0         # empty grid lines above
    keep_with_next: bool = False
    keep_with_prev: bool = False
    keep_together: bool = False
    grid: bool = True             # letter spacing that fits 28 characters a line
    balance: bool = False         # break into balanced lines (titles)
    one_line: bool = False        # tighten slightly rather than break (the source line)


BODY = Style()
STYLES: dict[str, Style] = {
    M.TITLE: Style("title", TITLE_PT, "center", 0, keep_with_next=True, keep_together=True,
                   grid=False, balance=True),
    M.DOC_NUMBER: Style(align="center", first_indent=0, keep_with_next=True),
    M.CODE: Style(align="center", first_indent=0, keep_with_next=True),
    M.ADDRESSEES: Style(first_indent=0, blank_before=1),
    "heading1": Style("heading1", keep_with_next=True),
    "heading2": Style("heading2", keep_with_next=True),
    "heading3": Style(keep_with_next=True),
    "heading4": Style(keep_with_next=True),
    M.PARAGRAPH: BODY,
    M.ARTICLE: BODY,
    M.LIST_ITEM: BODY,
    M.TABLE_ROW: Style(align="left", first_indent=0),
    M.TABLE: Style(align="left", first_indent=0),      # laid out by printing.table
    M.SIGNATURE: Style(align="right", first_indent=0, right=4, blank_before=1, keep_with_next=True,
                       keep_with_prev=True),
    M.DATE: Style(align="right", first_indent=0, right=4),
    M.ATTACHMENT_NOTE: Style(align="left", blank_before=1, indent=5),
    M.NOTE: Style(align="left"),
    # Not block kinds: the parts a reprint adds.
    "label": Style("heading1", align="left", first_indent=0, keep_with_next=True),
    "source": Style("heading2", SMALL_PT, "left", 0, blank_before=1, grid=False, keep_with_prev=True,
                    keep_together=True, balance=True, one_line=True),
    "note_quote": Style("heading2"),
}
HEADER_KINDS = (M.TITLE, M.DOC_NUMBER, M.CODE)
ATTACHMENT_LABEL = re.compile(r"附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?")
ARTICLE_LABEL = re.compile(r"第[一二三四五六七八九十百千零〇0-9]+条")


# "（一）加强组织领导，完善工作机制。其余正文……": a heading run into its paragraph.
RUN_IN = re.compile(r"(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)[^。！？；\n]{1,60}?[。！？]")
# "5 应急保障", "6.4 奖励和处罚": numbered headings of 条-style documents (预案, 标准, 办法).
# The space after the number is often lost in web texts ("1.1编制目的及依据"); a count ("5个部门",
# "3年") is not a heading.
NUMBERED_HEADING = re.compile(r"(\d{1,2}(?:\.\d{1,2}){0,3})(?:[ \u3000]+|(?![个年月日项条次万亿元名家所类种批%％.．、）)]))"
                              r"[^\s。，；：！？0-9]{2,30}")


def numbered_level(text: str) -> int | None:
    """Level (1 for "5 …", 2 for "6.4 …", …) of a 条-style numbered heading, else None."""
    m = NUMBERED_HEADING.fullmatch(text.strip())
    return m.group(1).count(".") + 1 if m else None


def run_in(text: str, level: int | None) -> int:
    """Length of a run-in heading at the start of ``text`` that has body text after it, else 0."""
    m = RUN_IN.match(text)
    if not m or len(text) <= m.end():
        return 0
    if level is not None and (level == 1) != text.startswith(tuple("一二三四五六七八九十")):
        return 0
    return m.end()


def style_for(block: M.Block) -> Style:
    if block.kind == M.HEADING:
        return STYLES[f"heading{min(max(block.level or 1, 1), 4)}"]
    return STYLES.get(block.kind, BODY)


@dataclass(frozen=True)
class Para:
    """A paragraph to set: text, style, and runs in another role (e.g. 第一条 in 黑体)."""
    text: str
    style: Style
    runs: tuple[tuple[int, int, str], ...] = ()     # (start, length, role)
    page_break: bool = False                        # starts a new page
    centre_over: str = ""                           # signature: the date text it centres above
    kind: str = ""
    outline: str = ""                               # PDF outline entry that starts here
    outline_level: int = 0                          # 0 a document, 1 an attached plan


def paras_for_packet(packet: Packet) -> list[Para]:
    if packet.kind == "notes":
        return _note_paras(packet)
    out: list[Para] = []
    for n, piece in enumerate(packet.pieces):
        start = len(out)
        out.extend(_document_paras(piece.view, piece.label))
        entry = f"{piece.label}　{piece.view.title}" if piece.label else piece.view.title
        out[start] = replace(out[start], page_break=True, outline=entry, outline_level=1 if n else 0)
        if piece.source:
            out.append(Para(piece.source, STYLES["source"], kind="source"))
    return out


def _document_paras(view, label: str = "") -> list[Para]:
    blocks = list(view.blocks)
    if not any(b.kind == M.TITLE for b in blocks):
        blocks.insert(0, M.Block(M.TITLE, view.title))
    out: list[Para] = []
    # Some sources keep their own "附件2" line above the plan's title: print that one, not ours.
    own = blocks[0].kind != M.TITLE and bool(ATTACHMENT_LABEL.fullmatch(blocks[0].text.strip()))
    if label and not own:
        out.append(Para(label, STYLES["label"], kind="label"))
    in_header = False
    for i, b in enumerate(blocks):
        text = b.text if b.kind == M.TABLE else b.text.strip()   # a table's first cell may be empty
        if not text.strip():
            continue
        style = style_for(b)
        if label and i == 0 and own:
            out.append(Para(text, STYLES["label"], kind="label"))
            continue
        if b.kind == M.TITLE and out and out[-1].kind == "label":
            style = replace(style, blank_before=1)       # title on the third line, under "附件"
        if b.kind in HEADER_KINDS:
            in_header = True
        elif in_header:
            in_header = False
            style = replace(style, blank_before=max(style.blank_before, 1))
        if b.kind == M.ATTACHMENT_NOTE and out and out[-1].kind == M.ATTACHMENT_NOTE:
            style = replace(style, blank_before=0)
        runs = ()
        if b.kind == M.ARTICLE and (m := ARTICLE_LABEL.match(text)):
            runs = ((0, m.end(), "heading1"),)
        if b.kind in (M.HEADING, M.PARAGRAPH) and (head := run_in(text, b.level if b.kind == M.HEADING else None)):
            role = "heading1" if text[0] in "一二三四五六七八九十" else "heading2"
            style, runs = BODY, ((0, head, role),)          # heading part in its face, the rest body
        elif b.kind == M.PARAGRAPH and (level := numbered_level(text)):
            style = STYLES["heading1" if level == 1 else "heading2"]
        if b.kind == M.DOC_NUMBER and out and out[-1].kind == M.TITLE:
            style = replace(style, blank_before=1)       # 文号 one line under the title
        if b.kind == M.ATTACHMENT_NOTE:
            # Continuation lines line up with the first attachment name, after "附件：".
            head = re.match(r"附件\s*[:：]?", text)
            style = replace(style, indent=2 + (len(head.group(0)) if head else 0))
        centre = ""
        if b.kind == M.SIGNATURE:
            nxt = next((x for x in blocks[i + 1:i + 3] if x.kind == M.DATE), None)
            centre = nxt.text.strip() if nxt else ""
        out.append(Para(text, style, runs, kind=b.kind, centre_over=centre))
    return out


def _note_paras(packet: Packet) -> list[Para]:
    out = [Para(packet.notes_title, STYLES[M.TITLE], page_break=True, kind=M.TITLE, outline=packet.notes_title)]
    by_doc: dict[str, list] = {}
    for n in packet.notes:
        by_doc.setdefault(n.doc_title or "（未注明文件）", []).append(n)
    for d, (title, notes) in enumerate(by_doc.items()):
        head = f"{_cn_number(d + 1)}、{title}"
        style = STYLES["heading1"]
        out.append(Para(head, replace(style, blank_before=1) if d == 0 else style, kind="heading"))
        for j, n in enumerate(notes):
            label = "（" + _cn_number(j + 1) + "）" + (n.note_type or "笔记") + (f"　{n.date}" if n.date else "")
            out.append(Para(label, STYLES["heading2"], kind="heading"))
            if n.citation:
                out.append(Para(f"出处：{n.citation}", BODY, runs=((0, 3, "heading1"),), kind="note_meta"))
            if n.quote:
                out.append(Para(nest_quotes(f"原文：“{n.quote.strip()}”"), STYLES["note_quote"], kind="note_quote"))
            for k, p in enumerate(markdown_paragraphs(n.note)):
                text = ("笔记：" + p) if k == 0 else p
                out.append(Para(text, BODY, runs=((0, 3, "heading1"),) if k == 0 else (), kind="paragraph"))
    out.append(Para(NOTES_SOURCE, STYLES["source"], kind="source"))
    return out


def _cn_number(n: int) -> str:
    digits = "零一二三四五六七八九"
    if n < 10:
        return digits[n]
    if n < 20:
        return "十" + (digits[n % 10] if n % 10 else "")
    if n < 100:
        return digits[n // 10] + "十" + (digits[n % 10] if n % 10 else "")
    return str(n)
