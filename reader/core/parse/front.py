"""The front of an issue: masthead, issue label and the 目录 (table of contents).

Nothing here knows a particular publication: labels such as 主管 or 电话 are
read as "label：value" pairs, section names come from 【…】 lines.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .. import docnumber
from ..model import Dropped, Masthead, TocEntry
from ..text import cn_number, squeeze
from .head import ends_like_title, long_title
from .lines import Line, looks_like_title, title_text
from ..messages import Msg

_N = r"\d一二三四五六七八九十百千〇○零"
# "2022 年第 5-6 期（总第 154—155 期）", also in Chinese numerals: "二〇〇六年第十二期".
ISSUE_LABEL = re.compile(
    rf"^(?P<year>\d{{4}}|[〇○零一二三四五六七八九]{{4}})\s*年\s*第\s*(?P<nums>[{_N}\s\-－—–~、,，]+?)\s*期"
    rf"(?:\s*[（(]\s*总\s*第\s*(?P<cum>[{_N}\s\-－—–~、,，]+?)\s*期\s*[）)])?$"
)
CUMULATIVE = re.compile(rf"^[（(]\s*总\s*第\s*(?P<cum>[{_N}\s\-－—–~、,，]+?)\s*期\s*[）)]$")
SECTION = re.compile(r"^[【\[［〖]\s*(?P<name>[^】\]］〗]{1,30}?)\s*[】\]］〗]$")
# Section names as other publishers print them: "市政府文件", "★ 部门文件", "一、市政府令".
PLAIN_SECTION = re.compile(r"^(?:[◆◇★☆●■□▲△◎※]\s*|[一二三四五六七八九十]{1,3}[、．.]\s*)?"
                           r"(?P<name>[\u4e00-\u9fff]{2,12})\s*[◆◇★☆●■□▲△◎※]?$")
CAPTION_LINE = re.compile(r"^[（(][^（()）]*号[^（()）]*[）)]$")
_NUMBER_AFTER = re.compile(r"\s*[（(][^（()）]*号[^（()）]*[）)]$")
# A 目录 entry's 文号 on its own line, with no page number (a web edition).
TOC_NUMBER_ONLY = re.compile(r"^[（(](?P<meta>[^（()）]*(?:[〔\[［][^〕\]］]*[〕\]］][^（()）]*)*号[^（()）]*)[）)]$")
# "(永政发[2022]6 号 YZCR-2022-00004) (3)" or "(永政人〔2022〕12号) (23)" or just "(23)".
TOC_META = re.compile(r"^(?:[（(](?P<meta>[^（()）]*(?:[〔\[][^〕\]]*[〕\]][^（()）]*)*)[）)])?\s*[（(]\s*(?P<page>\d{1,4})\s*[）)]$")
# A title and its page on one line: "…的通知 ……… 3" or "…的通知（3）".
TOC_INLINE = re.compile(r"^(?P<title>.+?)\s*(?:[.…·．]{2,}\s*|[（(])(?P<page>\d{1,4})[）)]?$")
LABEL_VALUE = re.compile(r"^(?P<label>[\u4e00-\u9fff][\u4e00-\u9fff ]{0,9})\s*[:：]\s*(?P<value>.*)$")
PUBLICATION = re.compile(r"^《?(?P<name>[\u4e00-\u9fff]{2,30}(?:公报|政报|年鉴))》?$")
MOTTO = re.compile(r"^[◇◆★☆●○■□]\s*(?P<text>.+?)\s*[◇◆★☆●○■□]$")
# A slogan: three or more short runs of Chinese characters, no punctuation.
SLOGAN = re.compile(r"^(?:[\u4e00-\u9fff]{2,8}\s+){2,}[\u4e00-\u9fff]{2,8}$")
_BOARD_ROLES = ("编辑", "顾问", "主任", "委员", "主编", "社长", "总编", "编委")
_LIST_HEADERS = ("赠阅范围", "发送范围", "分送范围", "赠阅单位", "发行范围")


def numbers(text: str) -> tuple[int, ...]:
    """"5-6" → (5, 6); "154—155" → (154, 155); "7" → (7,); "5、6" → (5, 6)."""
    parts = [p for p in re.split(r"[\s\-－—–~、,，]+", text) if p]
    vals = [v for v in (cn_number(p) for p in parts) if v is not None]
    if len(vals) == 2 and re.search(r"[\-－—–~]", text) and vals[1] > vals[0] and vals[1] - vals[0] < 12:
        return tuple(range(vals[0], vals[1] + 1))
    return tuple(vals)


def issue_label(year: int, nums: tuple[int, ...], cum: tuple[int, ...]) -> str:
    n = f"{nums[0]}-{nums[-1]}" if len(nums) > 1 else f"{nums[0]}"
    label = f"{year}年第{n}期"
    if cum:
        c = f"{cum[0]}—{cum[-1]}" if len(cum) > 1 else f"{cum[0]}"
        label += f"（总第{c}期）"
    return label


@dataclass
class Front:
    publication: str | None = None
    year: int | None = None
    numbers: tuple[int, ...] = ()
    cumulative: tuple[int, ...] = ()
    masthead: Masthead = field(default_factory=Masthead)
    toc: list[TocEntry] = field(default_factory=list)
    sections: list[str] = field(default_factory=list)
    dropped: list[Dropped] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    toc_line: int | None = None
    toc_end: int | None = None       # line number of the 目录's last entry


def _is_toc_heading(text: str) -> bool:
    return squeeze(text) in ("目录", "目次")


def parse_front(lines: list[Line]) -> Front:
    """Read masthead, label and 目录 from the lines before the first document."""
    f = Front()
    supervisor = sponsor = motto = editor = None
    board: list[tuple[str, str]] = []
    contacts: list[tuple[str, str]] = []
    distribution: list[str] = []
    pending_label: str | None = None
    in_list = False
    i = 0
    n = len(lines)
    while i < n:
        ln = lines[i]
        t = ln.text
        s = squeeze(t)
        if docnumber.parse(t) or (CAPTION_LINE.match(t) and docnumber.find_all(t, trim=False)):
            break           # a document's 文号 or 题注: the front matter is over
        if _is_toc_heading(t):
            if f.toc_line is not None:
                break       # a second 目录 belongs to a document (a plan's own contents)
            f.toc_line = ln.no
            i = _parse_toc(lines, i + 1, f)
            pending_label = None
            continue
        m = ISSUE_LABEL.match(s)
        if m and f.year is None:
            f.year = cn_number(m.group("year"))
            f.numbers = numbers(m.group("nums"))
            if m.group("cum"):
                f.cumulative = numbers(m.group("cum"))
            i += 1
            continue
        m = CUMULATIVE.match(s)
        if m and not f.cumulative:
            f.cumulative = numbers(m.group("cum"))
            i += 1
            continue
        m = MOTTO.match(t)
        if m:
            motto = m.group("text")
            i += 1
            continue
        if s in _LIST_HEADERS:
            in_list = True
            i += 1
            continue
        if in_list:
            distribution.append(t)
            i += 1
            continue
        m = PUBLICATION.match(s)
        if m and f.publication is None:
            f.publication = m.group("name")
            i += 1
            continue
        m = LABEL_VALUE.match(t)
        if m:
            label, value = squeeze(m.group("label")), m.group("value").strip()
            if label in ("主管", "主管单位"):
                supervisor = value
            elif label in ("主办", "主办单位"):
                sponsor = value
            elif label.endswith(_BOARD_ROLES) and not contacts:
                board.append((label, value))
            else:
                contacts.append((label, value))
            pending_label = label
            i += 1
            continue
        if s in ("主管", "主办", "主管单位", "主办单位", "编辑出版"):
            pending_label = s
            i += 1
            continue
        if pending_label in ("主管", "主办", "主管单位", "主办单位"):
            if pending_label.startswith("主管"):
                supervisor = t
            else:
                sponsor = t
            pending_label = None
            i += 1
            continue
        if pending_label == "编辑出版":
            editor = (editor or "") + s
            i += 1
            continue
        if board and pending_label and board[-1][0] == pending_label and not contacts:
            # Names of a board role that run over several lines.
            role, names = board[-1]
            board[-1] = (role, f"{names} {t}")
            i += 1
            continue
        if squeeze(t).startswith("编辑委员会") or squeeze(t) == "编委会":
            i += 1
            continue
        i += 1
    f.masthead = Masthead(supervisor=supervisor, sponsor=sponsor, board=tuple(board),
                          contacts=tuple(contacts), distribution=tuple(distribution),
                          motto=motto, editor=editor)
    return f


def _raw_meta(raw: str) -> str:
    """The bracketed 文号/code part of a raw 目录 line, spaces as printed."""
    m = TOC_META.match(raw.strip())
    return m.group("meta") or "" if m else raw


def _meta(meta: str | None) -> tuple[str | None, str | None, str | None]:
    if not meta:
        return None, None, None
    nums = docnumber.find_all(meta, trim=False)
    num = nums[0] if nums else None
    return (num.normal if num else None, num.printed.strip() if num else None, docnumber.find_code(meta))


def _entry_without_page(lines: list[Line], i: int, pending: list[Line], f: Front):
    """A 目录 entry printed without a page number (the web edition of an issue): title lines
    ending in a 文种 word, the 文号 in brackets after the title or on the next line.
    Returns (title, 文号, printed, code, lines used), "end" where the body begins, or None."""
    t = lines[i].text
    head = "".join(p.text for p in pending)
    m = re.match(r"^(?P<title>.+?)\s*[（(](?P<meta>[^（()）]*号[^（()）]*)[）)]$", t)
    if m and docnumber.find_all(m.group("meta")) and ends_like_title(head + m.group("title")):
        title = title_text(head + m.group("title"))
        num, printed, code = _meta(m.group("meta"))
        return (title, num, printed, code, 1) if not _seen(f, title) else "end"
    if not ends_like_title(t) or not (looks_like_title(t) or long_title(t)) or docnumber.parse(t):
        return None
    title = title_text(head + t)
    if _seen(f, title):
        return "end"
    nxt = lines[i + 1] if i + 1 < len(lines) else None
    if nxt is not None and TOC_NUMBER_ONLY.match(nxt.text) and docnumber.find_all(nxt.text):
        num, printed, code = _meta(TOC_NUMBER_ONLY.match(nxt.raw.strip() or nxt.text).group("meta"))
        return title, num, printed, code, 2
    if nxt is not None and (docnumber.parse(nxt.text) or TOC_META.match(nxt.text)):
        return None     # a document's own 文号 under its title, or an entry with its page
    return title, None, None, None, 1


def _seen(f: Front, title: str) -> bool:
    from ..text import fold
    return any(fold(e.title) == fold(title) for e in f.toc)


def _starts_entry(lines: list[Line], i: int, f: Front) -> bool:
    """Does an entry (a title line, not one the 目录 already listed) follow a possible
    section name?"""
    def titled(text):
        return looks_like_title(text) or long_title(_NUMBER_AFTER.sub("", text))
    if i >= len(lines) or not titled(lines[i].text) or _is_toc_heading(lines[i].text):
        return False
    for k, ln in enumerate(lines[i:i + 3]):     # a title of up to three lines, ending in a 文种 word
        if ends_like_title(ln.text) or ends_like_title(_NUMBER_AFTER.sub("", ln.text)):
            title = title_text(_NUMBER_AFTER.sub("", "".join(x.text for x in lines[i:i + k + 1])))
            # (an issuer line over a title the 目录 listed is the first document's head)
            return not _seen(f, title) and not _seen(f, title_text(lines[i - 1].text) + title)
        if not titled(ln.text):
            return False
    return False


def _parse_toc(lines: list[Line], i: int, f: Front) -> int:
    """Read 目录 entries from lines[i:], return the index after the last one."""
    section = ""
    pending: list[Line] = []
    last_end = i

    def flush_orphans():
        for ln in pending:
            reason = "标语" if SLOGAN.match(ln.text) else "目录中不属于任何条目的文字"
            f.dropped.append(Dropped(ln.no, ln.raw or ln.text, reason))
            if reason != "标语":
                f.warnings.append(Msg("note.toc_stray", line=ln.no, text=ln.text))
        pending.clear()

    while i < len(lines):
        ln = lines[i]
        t = ln.text
        m = SECTION.match(t)
        if m:
            flush_orphans()
            section = squeeze(m.group("name"))
            f.sections.append(section)
            i += 1
            last_end = i
            continue
        m = TOC_META.match(t)
        if m and pending:
            title = title_text("".join(p.text for p in pending))
            num, printed, code = _meta(_raw_meta(ln.raw))
            f.toc.append(TocEntry(section, title, num, printed, code, int(m.group("page")), pending[0].no))
            pending.clear()
            f.toc_end = ln.no
            i += 1
            last_end = i
            continue
        m = TOC_INLINE.match(t)
        if m and (pending or looks_like_title(m.group("title")) or long_title(_NUMBER_AFTER.sub("", m.group("title")))) and (
                "关于" in t or "《" in t or pending or ends_like_title(m.group("title"))):
            # "…的通知（市政办发[2006]145号）……3": the 文号 after the title is no part of it
            title = title_text(_NUMBER_AFTER.sub("", "".join(p.text for p in pending) + m.group("title")))
            num, printed, code = _meta(ln.raw)
            f.toc.append(TocEntry(section, title, num, printed, code, int(m.group("page")),
                                  (pending[0] if pending else ln).no))
            pending.clear()
            f.toc_end = ln.no
            i += 1
            last_end = i
            continue
        if f.toc and docnumber.parse(t):
            break   # a bare 文号 line: the first document has begun (a 目录 prints them in brackets)
        entry = None if any(e.page for e in f.toc) else _entry_without_page(lines, i, pending, f)
        if entry == "end":
            break   # the first document's own title: the 目录 is over
        if entry:
            title, num, printed, code, used = entry
            f.toc.append(TocEntry(section, title, num, printed, code, None, (pending[0] if pending else ln).no))
            pending.clear()
            f.toc_end = lines[i + used - 1].no
            i += used
            last_end = i
            continue
        m = PLAIN_SECTION.match(t)
        if m and not pending and _starts_entry(lines, i + 1, f) and not ends_like_title(t) \
                and not any(w in t for w in ("关于", "转发", "印发")):
            section = squeeze(m.group("name"))
            f.sections.append(section)
            i += 1
            last_end = i
            continue
        if LABEL_VALUE.match(t) or (not looks_like_title(t) and not SLOGAN.match(t)):
            break  # the 目录 is over: back to the masthead (编辑出版, 电话: …)
        pending.append(ln)
        i += 1
    # Lines gathered after the last entry are not the 目录's: slogans are dropped,
    # anything else goes back to the masthead reader.
    while pending and SLOGAN.match(pending[0].text):
        f.dropped.append(Dropped(pending[0].no, pending[0].raw or pending[0].text, "标语"))
        pending.pop(0)
        last_end += 1
    return last_end
