"""Parse the lines of one official document (header, body, signature, attached texts)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import dates, docnumber
from ..model import (ADDRESSEES, APPOINTMENT, ATTACHMENT_NOTE, BULLETIN, CODE, DATE, DECISION, DOC_NUMBER,
                     INTERPRETATION, LETTER, NOTE, NOTICE, OPINION, ORDER, OTHER, PARAGRAPH, PLAN, REPLY,
                     SIGNATURE, TITLE, Block, Document)
from ..text import fold, squeeze
from . import lines as L
from .body import body_blocks
from .head import Head, ends_like_title, letter_spaced, org_names, read_head, split_joint
from .lines import Line

# 解读 headings: "XX局解读《…》", "解读《…》" under a bureau line, "《…》政策解读", "关于《…》的解读".
INTERP_INLINE = re.compile(r"^(?P<author>.*?)\s*(?:政策)?解读\s*[《〈<](?P<title>.+)[》〉>]\s*$")
INTERP_SUFFIX = re.compile(r"^(?:关于)?\s*[《〈<](?P<title>.+)[》〉>]\s*(?:的)?\s*(?:政策)?解读$")
ATTACH_MARK = re.compile(r"^附\s*件\s*(?P<n>\d*)\s*[.．:：]?\s*$")
_OPEN_ENDINGS = ("的", "和", "与", "及", "关于", "对", "暨", "、")
_ATTACHMENT_NAME = re.compile(r"^附\s*件\s*[:：]?\s*(?:\d+\s*[.．、:：]?)?\s*|^\d+\s*[.．、]\s*")
_PRINTED_TITLE = re.compile(r"[《〈](.+)[》〉]")
_FILE_LINE = re.compile(r"^(?:附\s*件\s*\d*\s*[:：]?\s*)?[^。，；\n]{1,120}\.(?:docx?|xlsx?|pdf|wps|et|zip|rar|ofd)$", re.I)
_PRINTED_TITLE_EACH = re.compile(r"[《〈]([^《》〈〉]+)[》〉]")
APPOINT = re.compile(r"任职|任免|任命|免去|免职|聘任|职务|试用期")
_ISSUER_SPLIT = re.compile(r"关于|转发|对(?=.{2,}(?:答复|复函|批复))|印发")


def kind_of(title: str) -> str:
    t = squeeze(title)
    if APPOINT.search(t):
        return APPOINTMENT
    for suffix, kind in (("批复", REPLY), ("复函", LETTER), ("函", LETTER), ("意见", OPINION),
                         ("决定", DECISION), ("通知", NOTICE), ("通报", BULLETIN), ("答复", LETTER)):
        if t.endswith(suffix):
            return kind
    if t.endswith("令") or re.search(r"令第?\d+号?$", t):
        return ORDER
    return OTHER


def issuer_of(title: str) -> str | None:
    m = _ISSUER_SPLIT.search(title)
    if m and m.start() > 1:
        return title[:m.start()].strip()
    return None


def interpretation_header(lines: list[Line], i: int) -> tuple[int, str | None, str] | None:
    """If lines[i] is a 解读 heading: (first line index, author, title named)."""
    t = lines[i].text
    m = INTERP_INLINE.match(t)
    if m:
        author = squeeze(m.group("author")) or None
        if author and not L.looks_like_name(author):
            return None  # a sentence that happens to end in 解读《…》
        if not author and i > 0 and L.is_org_name(lines[i - 1].text):
            return i - 1, squeeze(lines[i - 1].text), m.group("title")
        return i, author, m.group("title")
    m = INTERP_SUFFIX.match(t)
    if m:
        if i > 0 and L.is_org_name(lines[i - 1].text):
            return i - 1, squeeze(lines[i - 1].text), m.group("title")
        return i, None, m.group("title")
    return None


def title_span(lines: list[Line], end: int, known_titles: list[str] = ()) -> int:
    """Index of the first title line, given that lines[end] is the 文号 line."""
    folded = {fold(t) for t in known_titles}
    for k in (1, 2, 3, 4):
        s = end - k
        if s < 0:
            break
        if fold("".join(ln.text for ln in lines[s:end])) in folded:
            return s
    s = end - 1
    while s > 0 and end - s < 4 and L.looks_like_title(lines[s - 1].text):
        joined = "".join(ln.text for ln in lines[s:end])
        if "关于" in joined and not joined.startswith("关于"):
            break
        issuer = L.is_issuer_line(lines[s - 1].text)
        # An issuer line heads a title that starts with 关于; anywhere else it is the
        # previous document's signature (a 解读 ends with its bureau).
        if issuer != joined.startswith("关于"):
            break
        s -= 1
    return s


@dataclass
class Parsed:
    """A document before keys, citations and fingerprints are set."""
    doc: Document
    attachments: list["Parsed"] = field(default_factory=list)


def _signature_end(lines: list[Line]) -> int | None:
    """Index just after the first signature + date pair (and its trailing notes)."""
    for i in range(1, len(lines)):
        if L.signed_date(lines[i].text) or dates.is_date_line(lines[i].text) and L.looks_like_name(lines[i - 1].text, 40) \
                and not L.heading_marker(lines[i - 1].text):
            j = i + 1
            while j < len(lines) and L.NOTE.match(lines[j].text):
                j += 1
            return j
    # No signature printed (pkulaw often drops it): the first date line on its own still
    # ends the notice, when more text (the attached one) follows.
    for i in range(1, len(lines) - 1):
        if dates.is_date_line(lines[i].text) and not L.heading_marker(lines[i - 1].text):
            j = i + 1
            while j < len(lines) and L.NOTE.match(lines[j].text):
                j += 1
            return j
    return None


def _attached_title(lines: list[Line], wanted: list[str]) -> int:
    """How many leading lines make the attached text's title."""
    folded = [fold(w) for w in wanted]
    for k in (1, 2, 3):
        if k <= len(lines) and fold("".join(ln.text for ln in lines[:k])) in folded:
            return k
    if not lines or not L.looks_like_title(lines[0].text):
        return 0
    k = 1
    # A title wrapped over lines: the first part ends mid-phrase ("…口岸区的").
    while k < 3 and k < len(lines) and lines[k - 1].text.endswith(_OPEN_ENDINGS) \
            and L.looks_like_title(lines[k].text):
        k += 1
    return k


def _split_attachments(lines: list[Line], wanted: list[str] = ()) -> list[list[Line]]:
    """Cut the text after the signature at "附件2" markers, and at a line that is the whole
    title of a text the notice names (印发《甲办法》《乙办法》…: each printed after the other)."""
    folded = {fold(w) for w in wanted if len(w) >= 4}
    parts: list[list[Line]] = [[]]
    for ln in lines:
        starts = ATTACH_MARK.match(ln.text) or (fold(ln.text) in folded and parts[-1]
                                                  and fold(parts[-1][0].text) != fold(ln.text))
        if starts and parts[-1] and not ATTACH_MARK.match(parts[-1][-1].text):
            parts.append([])
        parts[-1].append(ln)
    return [p for p in parts if p]


def parse_official(lines: list[Line], title_end: int, number_line: int | None,
                   join_breaks: bool = True, number_override: docnumber.DocNumber | None = None) -> Parsed:
    """lines[:title_end] is the title, lines[number_line] the 文号 (if any)."""
    title = L.title_text("".join(ln.text for ln in lines[:title_end]))
    blocks = [Block(TITLE, title, None, lines[0].no)]
    i = title_end
    num = number_override
    printed = num.printed.strip() if num else None
    if number_line is not None:
        ln = lines[number_line]
        num = num or docnumber.parse(ln.text)
        printed = printed or ln.raw or ln.text
        blocks.append(Block(DOC_NUMBER, ln.text, None, ln.no))
        i = number_line + 1
    code = None
    if i < len(lines) and L.is_code_line(lines[i].text):
        code = lines[i].text.strip()
        blocks.append(Block(CODE, code, None, lines[i].no))
        i += 1
    return _finish(lines, i, blocks, title, num, printed, code, join_breaks)


def head_title(lines: list[Line], head: Head) -> str:
    """The title as printed: lines joined; letter-spaced organ names keep their spacing."""
    texts = [lines[k].text for k in head.title]
    if head.title_cut is not None:
        texts[-1] = texts[-1][:head.title_cut]
    if any(letter_spaced(t) for t in texts):
        return "".join(t if letter_spaced(t) else L.title_text(t) for t in texts)
    return L.title_text("".join(texts))


def parse_headed(lines: list[Line], head: Head, join_breaks: bool = True,
                 number_override: docnumber.DocNumber | None = None) -> Parsed:
    """A document whose head ``read_head`` has labelled: red head, 文号 or 题注, title, code."""
    title = head_title(lines, head) if head.title else ""
    blocks = _head_blocks(lines, head, title)
    num = number_override or head.number
    printed = None
    if num is not None:
        raw = lines[head.number_line].raw or lines[head.number_line].text
        plain = not number_override and head.caption is None and docnumber.parse(raw) is not None
        printed = raw if plain else num.printed.strip()
    code = lines[head.code_line].text.strip() if head.code_line is not None else None
    parsed = _finish(lines, head.body, blocks, title, num, printed, code, join_breaks)
    doc = parsed.doc
    cap = head.caption
    issuer = _head_issuer(head, title, doc)
    date, date_printed = doc.date, doc.date_printed
    if date is None and cap is not None and cap.date:
        date, date_printed = cap.date
    parsed.doc = replace(doc, issuer=issuer, date=date, date_printed=date_printed,
                         line=lines[0].no if lines else 0)
    return parsed


def _head_blocks(lines: list[Line], head: Head, title: str) -> list[Block]:
    blocks: list[Block] = []
    title_done = False
    for k in range(head.body):
        ln = lines[k]
        if k in head.red_head:
            blocks.append(Block(NOTE, ln.text, None, ln.no))
        elif k in head.title:
            if not title_done:
                blocks.append(Block(TITLE, title, None, lines[head.title[0]].no))
                title_done = True
            if k == head.number_line:      # the 题注 at the end of the title line
                blocks.append(Block(DOC_NUMBER, ln.text[head.title_cut:], None, ln.no))
        elif k == head.number_line:
            blocks.append(Block(DOC_NUMBER, ln.text, None, ln.no))
        elif k == head.code_line:
            blocks.append(Block(CODE, ln.text.strip(), None, ln.no))
        elif ln.text.strip():
            # A line of the head the grammar gives no place: kept as printed, never lost.
            blocks.append(Block(NOTE, ln.text, None, ln.no))
    return blocks


def _head_issuer(head: Head, title: str, doc: Document) -> str | None:
    """Issuers, all of them, from the best evidence: the 题注, organs stacked above the title
    or in the red head, the title itself, the signature."""
    if head.caption is not None and head.caption.issuers:
        return "、".join(head.caption.issuers)
    if len(head.stacked) >= 2:
        return "、".join(head.stacked)
    if len(head.head_orgs) >= 2:
        return "、".join(head.head_orgs)
    if head.stacked:
        return head.stacked[0]
    named = issuer_of(title)
    signed = [p for b in doc.blocks if b.kind == SIGNATURE for o in org_names(b.text) for p in split_joint(o)]
    if named and len(signed) > 1 and "".join(signed) == squeeze(named):
        return "、".join(signed)      # the signature lines show where each organ's name ends
    if named:
        joint = org_names(named)
        if len(joint) <= 1:
            joint = split_joint(joint[0] if joint else named)
        return "、".join(joint) if len(joint) > 1 else squeeze(named) if letter_spaced(named) else named
    if head.head_orgs:
        return head.head_orgs[0]
    if signed:
        return "、".join(dict.fromkeys(signed))
    return doc.issuer


def _finish(lines: list[Line], i: int, blocks: list[Block], title: str, num, printed, code,
            join_breaks: bool) -> Parsed:
    """Addressees, body, signature and date, then the attached texts after them."""
    addressees = None
    if i < len(lines) and lines[i].text.endswith(("：", ":")) and not L.heading_marker(lines[i].text) \
            and len(lines[i].text) < 300 and not L.starts_structure(lines[i].text):
        addressees = lines[i].text.rstrip("：:")
        blocks.append(Block(ADDRESSEES, lines[i].text, None, lines[i].no))
        i += 1
    rest = lines[i:]
    cut = _signature_end(rest)
    main, after = (rest, []) if cut is None else (rest[:cut], rest[cut:])
    blocks.extend(body_blocks(main, join_breaks))
    # Attachment file names listed at the end of a web page ("附件1：….xls", "….docx") are
    # notes of the notice, not attached texts.
    # So are the page's link lines ("文件下载：…", "解读：《…》").
    files = []
    while after and (_FILE_LINE.match(after[-1].text) or L.WEB_NOTE.match(after[-1].text)):
        files.insert(0, after.pop())
    blocks.extend(Block(NOTE if L.WEB_NOTE.match(ln.text) else ATTACHMENT_NOTE, ln.text, None, ln.no)
                  for ln in files)
    signature = " ".join(b.text for b in blocks if b.kind == SIGNATURE) or None
    date_block = next((b for b in blocks if b.kind == DATE), None)
    iso = dates.parse(date_block.text) if date_block else None
    kind = kind_of(title)
    doc = Document(
        key="", kind=kind, title=title, blocks=tuple(blocks),
        doc_number=num.normal if num else None,
        doc_number_printed=printed,
        code=code, issuer=issuer_of(title) or (signature.split(" ")[0] if signature else None),
        addressees=addressees, signature=signature,
        date=iso[0] if iso else None, date_printed=iso[1] if iso else None,
        line=lines[0].no if lines else 0,
    )
    parsed = Parsed(doc)
    wanted = _PRINTED_TITLE.findall(title)
    # "附件：1.××" notes name the attached texts.
    wanted += [_ATTACHMENT_NAME.sub("", b.text) for b in blocks if b.kind == ATTACHMENT_NOTE]
    named = [t for b in blocks if b.kind == PARAGRAPH for t in _PRINTED_TITLE_EACH.findall(b.text)]
    for part in _split_attachments(after, wanted + named):
        parsed.attachments.append(_parse_attached(part, wanted, join_breaks))
    return parsed


def _parse_attached(lines: list[Line], wanted: list[str], join_breaks: bool) -> Parsed:
    blocks: list[Block] = []
    i = 0
    while i < len(lines) and (ATTACH_MARK.match(lines[i].text)):
        blocks.append(Block(ATTACHMENT_NOTE, lines[i].text, None, lines[i].no))
        i += 1
    rest = lines[i:]
    head = read_head(rest) if rest else None
    if head is not None and head.title and (
            head.number_line is not None
            or (len(head.title) <= 4 and ends_like_title(rest[head.title[-1]].text))
            or fold(head_title(rest, head)) in {fold(w) for w in wanted}):
        # A forwarded or attached text with its own 文号 or （文号 date） under its title.
        return _attached_with_head(rest, head, blocks, join_breaks)
    k = _attached_title(lines[i:], wanted)
    title = L.title_text("".join(ln.text for ln in lines[i:i + k])) if k else ""
    if k:
        blocks.append(Block(TITLE, title, None, lines[i].no))
    blocks.extend(body_blocks(lines[i + k:], join_breaks))
    if not title:
        title = next((b.text for b in blocks if b.kind not in (ATTACHMENT_NOTE,)), "附件")[:40]
    date_block = next((b for b in blocks if b.kind == DATE), None)
    iso = dates.parse(date_block.text) if date_block else None
    doc = Document(key="", kind=PLAN, title=title, blocks=tuple(blocks), line=lines[0].no,
                   date=iso[0] if iso else None, date_printed=iso[1] if iso else None)
    return Parsed(doc)


def _attached_with_head(lines: list[Line], head: Head, marks: list[Block], join_breaks: bool) -> Parsed:
    title = head_title(lines, head)
    blocks = marks + _head_blocks(lines, head, title) + body_blocks(lines[head.body:], join_breaks)
    date_block = next((b for b in blocks if b.kind == DATE), None)
    iso = dates.parse(date_block.text) if date_block else (head.caption.date if head.caption else None)
    num = head.number
    signature = " ".join(b.text for b in blocks if b.kind == SIGNATURE) or None
    doc = Document(key="", kind=PLAN, title=title, blocks=tuple(blocks), line=(marks[0].line if marks else lines[0].no),
                   doc_number=num.normal if num else None, doc_number_printed=num.printed.strip() if num else None,
                   signature=signature, date=iso[0] if iso else None, date_printed=iso[1] if iso else None)
    doc = replace(doc, issuer=_head_issuer(head, title, doc))
    return Parsed(doc)


def parse_interpretation(lines: list[Line], header_end: int, author: str | None, explains: str,
                         join_breaks: bool = True) -> Parsed:
    title = L.title_text("".join(ln.text for ln in lines[:header_end]))
    blocks = [Block(TITLE, title, None, lines[0].no)]
    blocks.extend(body_blocks(lines[header_end:], join_breaks))
    date_block = next((b for b in blocks if b.kind == DATE), None)
    iso = dates.parse(date_block.text) if date_block else None
    doc = Document(key="", kind=INTERPRETATION, title=title, blocks=tuple(blocks),
                   issuer=author, author=author, explains=L.title_text(explains), line=lines[0].no,
                   date=iso[0] if iso else None, date_printed=iso[1] if iso else None)
    return Parsed(doc)


def with_attachments(p: Parsed) -> Document:
    return replace(p.doc, attachments=tuple(a.doc for a in p.attachments))


__all__ = ["Parsed", "parse_official", "parse_headed", "head_title", "parse_interpretation", "interpretation_header", "title_span",
           "kind_of", "issuer_of", "with_attachments"]
