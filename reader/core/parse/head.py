"""The head of a single document: which of its first lines are the 版头, 发文字号, 标题 and
题注, and where the body begins (document-grammar.md, part 版头/主体).

Every line of the head gets one element; the moves real texts make are allowed:
the 文号 above or below the title, in parentheses under the title with a date or the
issuer (pkulaw's 题注), or at the end of the title line; the issuer on its own line
above "关于…", joint issuers stacked one per line (letter-spaced or not), a red-head
line "…文件". Nothing here knows a publisher: only the shapes of lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import dates, docnumber
from ..text import squeeze
from . import lines as L
from .lines import Line
from .tables import table_starts

# 文种: the words a title ends with. (A title that names none is still a title when a
# 文号 or 题注 follows it.)
KIND_WORDS = ("通知", "通报", "意见", "决定", "规定", "办法", "细则", "条例", "方案", "批复", "复函", "函",
              "通告", "公告", "命令", "令", "报告", "规则", "纲要", "规划", "计划", "答复", "议案", "纪要",
              "请示", "标准", "预案", "目录", "清单", "名录", "指引", "指南", "制度", "章程", "要点", "措施",
              "决议", "公示", "说明", "导则", "守则", "意见书", "协议", "公报", "声明", "名单")
_TRAILING_BRACKET = re.compile(r"[（(][^（()）]{1,20}[）)]$")
# A 题注 in parentheses: "（甲政办发[2002]42号　二00二年八月二十九日）".
CAPTION = re.compile(r"^[（(](?P<inner>.+)[）)]$")
# "第707号" under "中华人民共和国国务院令".
ORDER_NUMBER = re.compile(r"^第\s*(?P<serial>\d{1,5})\s*号$")
# Titles numbered by a "第N号" line under them: 令, 公告, 通告.
NUMBERED_KINDS = ("令", "公告", "通告")
_ACT_VERBS = ("发布", "修正", "修订", "公布", "施行", "印发", "通过")
# 份号, 密级 and 紧急程度: short lines at the very top of a 版头.
_HEAD_MARKS = re.compile(r"^(?:\d{6}|(?:绝密|机密|秘密)(?:★.{0,8})?|特急|加急|特提|平急|急件)$")
# "甲府文〔2024〕1号　签发人：某某" (上行文).
_SIGNER = re.compile(r"^(?P<number>.+?号)\s*签发人[:：]\s*\S{2,12}$")
# What the title proper begins with after the issuer's name (发文机关 + 关于 + 事由 + 文种).
_TITLE_OPENERS = ("关于", "转发", "印发", "批转", "对", "发布", "公布", "废止", "同意")
_HEAD_WINDOW = 50          # a head longer than this is no head
_TITLE_LINES = 40          # organs stacked one per line, and the title proper under them
_TITLE_PROPER_LINES = 8    # the title proper wraps over a few lines at most
_TABLE_LOOKAHEAD = 200     # lines read beyond the head to see a table begin in it
_LEVEL_WORDS = ("省", "市", "县", "区", "州", "盟", "旗", "镇", "乡")


def letter_spaced(text: str) -> bool:
    """"甲 市 民 政 局": single characters set apart by spaces."""
    parts = text.split(" ")
    return len(parts) >= 3 and all(len(p) == 1 for p in parts)


def org_line(text: str) -> bool:
    """One organ's name on a line (letter-spaced or not)."""
    s = squeeze(text)
    return L.is_org_name(s) and len(s) >= 4 and not any(w in s for w in ("关于", "转发", "印发", "批转"))


def org_names(text: str) -> list[str]:
    """Organ names separated by spaces or 、, or [] when any part is no organ."""
    parts = [squeeze(p) for p in re.split(r"[ 、\u3000]+", text.strip()) if p]
    return parts if parts and all(L.is_org_name(p) for p in parts) else []


_ORGAN_OPENERS = ("中共", "共青团", "国家", "中国", "国务院")


def split_joint(name: str) -> list[str]:
    """Organs printed one after the other without a separator ("××市民政局××市财政局"):
    split where an organ's name ends and the next begins as the first one did (the same
    place name) or as party and state organs do (中共…, 国家…). [name] when no split."""
    name = squeeze(name)
    if len(name) > 200 or any(c in name for c in "。，；：:,;！？、“”《》"):
        return [name]
    lead = name[:2]
    parts, start = [], 0
    for p in range(4, len(name) - 3):
        if name[p - 1] in L.ORG_END and (name.startswith(lead, p) or name.startswith(_ORGAN_OPENERS, p)) \
                and L.is_org_name(name[start:p]) and p - start >= 4:
            parts.append(name[start:p])
            start = p
    parts.append(name[start:])
    return parts if len(parts) > 1 and all(L.is_org_name(x) and len(x) >= 4 for x in parts) else [name]


def ends_like_title(text: str) -> bool:
    t = squeeze(text)
    while _TRAILING_BRACKET.search(t):
        t = _TRAILING_BRACKET.sub("", t)
    return t.endswith(KIND_WORDS)


@dataclass(frozen=True)
class Caption:
    """What a 题注 "（…）" under a title says."""
    number: docnumber.DocNumber | None
    date: tuple[str, str] | None         # (ISO, printed)
    issuers: tuple[str, ...] = ()
    record: bool = False                 # "…发布 …修正": several acts, the last one counts


def _blank(text: str, spans) -> str:
    out = list(text)
    for s, e in spans:
        out[s:e] = " " * (e - s)
    return "".join(out)


def read_caption(inner: str) -> Caption | None:
    """A 题注's 文号, date and issuer; None when it holds neither a 文号 nor a date."""
    found_dates = [(m.start(), m.end(), m.group(0)) for m in dates.DATE.finditer(inner) if dates.parse(m.group(0))]
    rest = _blank(inner, [(s, e) for s, e, _ in found_dates])   # "1997年10月22日省政府令…": the date is no prefix
    numbers = docnumber.find_all(rest, trim=False)
    if not numbers and not found_dates:
        return None
    record = sum(inner.count(v) for v in _ACT_VERBS) >= 2 or (len(numbers) > 1 and any(v in inner for v in _ACT_VERBS))
    number = numbers[-1] if numbers else None
    # The date of the act whose number counts: the last one printed before that number
    # ("1997年10月22日省政府令第27号修正"), else the last one ("…号　二00二年八月二十九日").
    before = [d for d in found_dates if number is not None and d[1] <= number.start]
    chosen = before[-1] if before else (found_dates[-1] if found_dates else None)
    date = dates.parse(chosen[2]) if chosen else None
    leftover = _blank(rest, [(n.start, n.end) for n in numbers])
    for v in _ACT_VERBS:
        leftover = leftover.replace(v, " ")
    issuers = tuple(org_names(leftover)) if leftover.strip() else ()
    if leftover.strip() and not issuers:
        if numbers and not found_dates:
            return None        # "（…号文件精神）": a sentence, not a 题注
    if number and number.year is None and not issuers:
        issuers = _order_issuer(number.prefix)
    return Caption(number, date, issuers, record)


def _order_issuer(prefix: str) -> tuple[str, ...]:
    """"某省人民政府令" → 某省人民政府; "省政府令" names no organ in full."""
    name = prefix[:-1] if prefix.endswith("令") else prefix
    if L.is_org_name(name) and len(name) >= 4 and not name.startswith(_LEVEL_WORDS):
        return (name,)
    return ()


def caption_at_end(text: str) -> tuple[int, Caption] | None:
    """A title line that ends with its 题注: "…的通知（甲署办〔2010〕32号　…）"."""
    if not text.endswith(("）", ")")):
        return None
    depth = 0
    for i in range(len(text) - 1, -1, -1):
        c = text[i]
        if c in "）)":
            depth += 1
        elif c in "（(":
            depth -= 1
            if depth == 0:
                if i == 0:
                    return None
                cap = read_caption(text[i + 1:-1])
                if cap and cap.number and L.looks_like_title(text[:i]):
                    return i, cap
                return None
    return None


@dataclass
class Head:
    red_head: list[int] = field(default_factory=list)      # "…文件" lines
    title: list[int] = field(default_factory=list)         # title lines, in order
    title_cut: int | None = None                           # title line's text ends here; its 题注 follows
    number_line: int | None = None                         # 文号 line, or 题注 line
    number: docnumber.DocNumber | None = None
    caption: Caption | None = None
    code_line: int | None = None
    stacked: list[str] = field(default_factory=list)       # organs stacked above "关于…"
    head_orgs: list[str] = field(default_factory=list)     # organs of the red head
    body: int = 0                                          # first body line
    layout: list[str] = field(default_factory=list)


def _red_head_orgs(text: str) -> list[str]:
    """The organs of a red-head line "××市人民政府文件", "××办公厅  文件", or []."""
    if len(text) > 60 or not L.looks_like_name(text, 60):
        return []
    m = re.match(r"^(?P<orgs>.+?)\s*文\s*件$", text.strip())
    return org_names(m.group("orgs")) if m else []


def _caption_line(text: str) -> Caption | None:
    m = CAPTION.match(text.strip())
    return read_caption(m.group("inner")) if m else None


def read_head(lines: list[Line], title_hint: str = "") -> Head:
    h = Head()
    i, n = 0, min(len(lines), _HEAD_WINDOW)
    closed = False       # the title is over (a 文号 or 题注 followed it)
    tables = table_starts(lines[:n + _TABLE_LOOKAHEAD])
    while i < n:
        if i in tables:
            break        # a table's header row: the head is over
        t = lines[i].text
        if not h.title and h.number_line is None and not closed:
            if _HEAD_MARKS.match(squeeze(t)):
                h.red_head.append(i)
                i += 1
                continue
            orgs = _red_head_orgs(t)
            if orgs:
                h.red_head.append(i)
                h.head_orgs += orgs
                i += 1
                continue
        if h.title and h.number_line is None and not closed and _only_organs(lines, h.title) \
                and (docnumber.parse(t) or squeeze(t) == "文件"):
            # Organ names above a 文号, or stacked over a lone "文件": the 版头, not a title.
            h.head_orgs += [squeeze(lines[k].text) for k in h.title]
            h.red_head += h.title
            h.title = []
            if squeeze(t) == "文件":
                h.red_head.append(i)
                i += 1
                continue
        if h.number_line is None:
            signer = _SIGNER.match(t)
            num = docnumber.parse(signer.group("number") if signer else t)
            if num is not None:
                h.number_line, h.number = i, num
                if h.title:
                    closed = True
                i += 1
                continue
            if h.title:
                cap = _caption_line(t)
                if cap is not None:
                    h.number_line, h.caption, h.number = i, cap, cap.number
                    closed = True
                    i += 1
                    continue
            om = ORDER_NUMBER.match(squeeze(t))
            if om and h.title and squeeze(lines[h.title[-1]].text).endswith(NUMBERED_KINDS):
                h.number_line = i
                closed = True
                i += 1
                continue
        if h.code_line is None and L.is_code_line(t) and (h.number_line is not None or h.title):
            h.code_line = i
            i += 1
            continue
        if closed or len(h.title) >= _TITLE_LINES \
                or sum(1 for k in h.title if not org_line(lines[k].text)) >= _TITLE_PROPER_LINES:
            break
        at_end = caption_at_end(t) if h.number_line is None and not _addressee(t) else None
        if at_end:
            h.title.append(i)
            h.title_cut = at_end[0]
            h.number_line, h.caption, h.number = i, at_end[1], at_end[1].number
            i += 1
            closed = True
            continue
        if _addressee(t) or not (L.looks_like_title(t) or org_line(t) or long_title(t)):
            break
        h.title.append(i)
        i += 1
    h.body = i
    _settle_title(lines, h, title_hint)
    return h


def long_title(text: str) -> bool:
    """A title printed on one long line (joint issuers, a long 事由): no sentence in it,
    a 文种 word at its end."""
    return len(text) <= 160 and not any(c in text for c in "。；！？") and ends_like_title(text) \
        and not L.starts_structure(text)


def _only_organs(lines: list[Line], idx: list[int]) -> bool:
    return all(org_line(lines[k].text) for k in idx)


def _addressee(text: str) -> bool:
    return text.endswith(("：", ":")) and not L.heading_marker(text) and len(text) < 300 \
        and not L.starts_structure(text)


def _settle_title(lines: list[Line], h: Head, title_hint: str) -> None:
    """Lines that looked like a title are one only when something says so: a 文号 or 题注
    beside them, a 文种 word at their end, an addressee after them, or the page's metadata."""
    if not h.title:
        return
    texts = [lines[k].text for k in h.title]
    joined = squeeze("".join(texts))
    confirmed = (h.number_line is not None or ends_like_title(texts[-1])
                 or (h.body < len(lines) and _addressee(lines[h.body].text))
                 or (title_hint and squeeze(title_hint) == joined))
    if not confirmed:
        # No title: the body starts at the first of these lines.
        h.body = h.title[0]      # (a 文号 above them stays the 文号)
        h.title = []
        return
    # Organs stacked above the title proper: every leading line that is an organ name,
    # when more of the title follows.
    k = 0
    while k < len(texts) - 1 and org_line(texts[k]) and not ends_like_title(texts[k]):
        k += 1
    if k and not squeeze(texts[k]).startswith(_TITLE_OPENERS):
        k = 0     # "××外国政府" / "贷款…细则": a title whose first line ends like an organ
    for x in texts[:k]:
        # "中共××市委 ××市人民政府" on one line: two organs; "甲 市 民 政 局": one.
        parts = [] if letter_spaced(x) else org_names(x)
        h.stacked += parts if len(parts) > 1 else [squeeze(x)]


def layout_names(h: Head, lines: list[Line]) -> list[str]:
    """How the head was printed, in words a user reads in the import report."""
    out: list[str] = []
    if h.red_head:
        out.append("版头“…文件”")
    if h.number_line is not None:
        if h.caption is not None:
            if h.title_cut is not None:
                out.append("文号在标题行末（括号）")
            elif h.caption.record:
                out.append("题注（发布、修正记录）在标题下")
            elif h.number and h.number.year is None and h.caption.date:
                out.append("题注（日期 令号）在标题下")
            elif h.caption.date and h.number is None:
                out.append("题注（日期）在标题下")
            elif h.caption.date:
                out.append("题注（文号 日期）在标题下")
            elif h.caption.issuers:
                out.append("题注（文号 发文机关）在标题下")
            else:
                out.append("文号在标题下（括号）")
        elif h.title and h.number_line < h.title[0]:
            out.append("文号在标题上")
        elif h.title:
            out.append("文号在标题下")
        else:
            out.append("只有文号，没有标题")
    elif h.title:
        out.append("有标题，无文号")
    if h.head_orgs:
        out.append(f"版头发文机关 {len(h.head_orgs)} 个")
    if not h.title:
        out.append("无标题（正文开头即是）")
    elif len(h.title) > 1:
        out.append(f"标题 {len(h.title)} 行")
    if len(h.stacked) >= 2:
        out.append(f"联合发文 {len(h.stacked)} 个机关（标题上方逐行排列）")
    elif len(h.stacked) == 1:
        out.append("发文机关单独一行在标题上方")
    if any(letter_spaced(lines[k].text) for k in h.title):
        out.append("机关名称字间加空格")
    return out


__all__ = ["caption_at_end", "long_title", "split_joint", "Head", "Caption", "read_head", "read_caption", "layout_names", "letter_spaced", "org_line",
           "org_names", "ends_like_title", "KIND_WORDS", "ORDER_NUMBER", "NUMBERED_KINDS"]
