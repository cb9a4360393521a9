"""Parse the lines of one official document (header, body, signature, attached texts)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from .. import dates, docnumber
from ..model import (ADDRESSEES, BULLETIN, APPOINTMENT, ATTACHMENT_NOTE, CODE, DATE, DECISION, DOC_NUMBER,
                     INTERPRETATION, LETTER, NOTICE, OPINION, ORDER, OTHER, PLAN, REPLY,
                     SIGNATURE, TITLE, Block, Document)
from ..text import fold, squeeze
from . import lines as L
from .body import body_blocks
from .lines import Line

# 解读 headings: "XX局解读《…》", "解读《…》" under a bureau line, "《…》政策解读", "关于《…》的解读".
INTERP_INLINE = re.compile(r"^(?P<author>.*?)\s*(?:政策)?解读\s*[《〈<](?P<title>.+)[》〉>]\s*$")
INTERP_SUFFIX = re.compile(r"^(?:关于)?\s*[《〈<](?P<title>.+)[》〉>]\s*(?:的)?\s*(?:政策)?解读$")
ATTACH_MARK = re.compile(r"^附\s*件\s*(?P<n>\d*)\s*[.．:：]?\s*$")
_OPEN_ENDINGS = ("的", "和", "与", "及", "关于", "对", "暨", "、")
_ATTACHMENT_NAME = re.compile(r"^附\s*件\s*[:：]?\s*(?:\d+\s*[.．、:：]?)?\s*|^\d+\s*[.．、]\s*")
_PRINTED_TITLE = re.compile(r"[《〈](.+)[》〉]")
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
        if dates.is_date_line(lines[i].text) and L.looks_like_name(lines[i - 1].text, 40) \
                and not L.heading_marker(lines[i - 1].text):
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


def _split_attachments(lines: list[Line]) -> list[list[Line]]:
    """Cut the text after the signature at "附件2" markers."""
    parts: list[list[Line]] = [[]]
    for ln in lines:
        if ATTACH_MARK.match(ln.text) and parts[-1] and not ATTACH_MARK.match(parts[-1][-1].text):
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
        date=iso[0] if iso else None, date_printed=iso[1] if iso else None, line=lines[0].no,
    )
    parsed = Parsed(doc)
    wanted = _PRINTED_TITLE.findall(title)
    # "附件：1.××" notes name the attached texts.
    wanted += [_ATTACHMENT_NAME.sub("", b.text) for b in blocks if b.kind == ATTACHMENT_NOTE]
    for part in _split_attachments(after):
        parsed.attachments.append(_parse_attached(part, wanted, join_breaks))
    return parsed


def _parse_attached(lines: list[Line], wanted: list[str], join_breaks: bool) -> Parsed:
    blocks: list[Block] = []
    i = 0
    while i < len(lines) and (ATTACH_MARK.match(lines[i].text)):
        blocks.append(Block(ATTACHMENT_NOTE, lines[i].text, None, lines[i].no))
        i += 1
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


__all__ = ["Parsed", "parse_official", "parse_interpretation", "interpretation_header", "title_span",
           "kind_of", "issuer_of", "with_attachments"]
