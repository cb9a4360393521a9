"""Parse a whole gazette issue as extracted from its PDF."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from difflib import SequenceMatcher

from .. import dates, docnumber
from ..errors import ImportRefused
from ..model import Document, Dropped, Issue, Section, TocEntry
from ..text import fold, squeeze
from . import lines as L
from .document import (Parsed, interpretation_header, parse_interpretation, parse_official,
                       title_span, with_attachments)
from .finalize import finalize_issue
from .front import ISSUE_LABEL, PUBLICATION, Front, issue_label, parse_front
from .cutoff import unfinished
from .document import head_title, parse_headed
from .head import CAPTION, caption_at_end, ends_like_title, layout_names, read_caption, read_head
from .lines import PAGE_NUMBER, Line
from ..messages import Msg



@dataclass
class Start:
    index: int              # first line of the document
    kind: str               # "official" or "interpretation"
    title_end: int = 0      # official: lines[index:title_end] is the title
    number_line: int | None = None
    author: str | None = None
    explains: str = ""
    number_first: bool = False   # the 文号 is printed above the title


def _find_starts(lines: list[Line], toc_titles: list[str]) -> list[Start]:
    starts: list[Start] = []
    taken: set[int] = set()
    toc_folded = {fold(t) for t in toc_titles}
    longest = max((len(t) for t in toc_titles), default=0) + 80
    toc_heads = {t[:2] for t in toc_folded}
    for i, ln in enumerate(lines):
        if i in taken:
            continue
        if L.is_doc_number_line(ln.text):
            above = _number_above_title(lines, i, toc_titles)
            if above is not None and not (starts and above <= starts[-1].index):
                head = read_head(lines[above:above + 20])
                st = Start(above, "official", title_end=above + head.title[-1] + 1,
                           number_line=i, number_first=True)
                if not _forwarded(lines, starts, st, toc_titles):
                    starts.append(st)
                    taken.update(range(above, above + head.body))
                continue
            if i == 0:
                continue
            s = title_span(lines, i, toc_titles)
            if starts and s <= starts[-1].index:
                continue
            st = Start(s, "official", title_end=i, number_line=i)
            if _forwarded(lines, starts, st, toc_titles):
                continue
            starts.append(st)
            taken.update(range(s, i + 1))
            continue
        if not toc_titles and i > 0 and _caption_under_title(lines, i):
            # No 目录: a 题注 "（…号…）" under a title starts a document, as a 文号 line does.
            s_ = _caption_title_start(lines, i)
            if not (starts and s_ <= starts[-1].index) and ends_like_title(lines[i - 1].text):
                starts.append(Start(s_, "official", title_end=i, number_line=i))
                taken.update(range(s_, i + 1))
                continue
        h = interpretation_header(lines, i)
        if h:
            first, author, explains = h
            starts.append(Start(first, "interpretation", title_end=i + 1, author=author, explains=explains))
            taken.update(range(first, i + 1))
            continue
        # A document listed in the 目录 but printed without a 文号 line (or with its 题注
        # at the end of the title line).
        if not toc_folded or len(ln.text) > longest or fold(ln.text[:8])[:2] not in toc_heads:
            continue
        for k in range(1, 8):
            if sum(len(x.text) for x in lines[i:i + k]) > longest:
                break      # longer than any 目录 title (with its 题注): no match further down
            if i + k <= len(lines) and _title_key(lines[i:i + k]) in toc_folded:
                nxt = lines[i + k].text if i + k < len(lines) else ""
                if not L.is_doc_number_line(nxt) and not _repeats_title(lines, starts, i, k):
                    starts.append(Start(i, "official", title_end=i + k))
                    taken.update(range(i, i + k))
                break
    return starts


def _parse_official_region(region: list[Line], st: Start) -> Parsed:
    """One official document of the issue. The head reader labels its head (文号 above or
    under the title, 题注, stacked issuers) when it agrees with where the document was
    found; otherwise the title is the lines the start was found by."""
    number_line = st.number_line - st.index if st.number_line is not None else None
    title_end = min(st.title_end - st.index, len(region))
    if number_line is not None and number_line >= len(region):
        number_line = None      # the next document starts on that line: it is not this one's
    head = read_head(region)
    if number_line is not None:
        agrees = bool(head.title) and head.number_line == number_line
    else:   # found by its 目录 title: the head must read the same title lines
        agrees = head.title == list(range(title_end))
    if st.number_first or agrees:
        p = parse_headed(region, head)
        p.doc = replace(p.doc, layout=tuple(layout_names(head, region)))
        return p
    p = parse_official(region, title_end, number_line)
    found = ["文号在标题下" if number_line is not None else "无文号（按目录标题找到）"]
    p.doc = replace(p.doc, layout=tuple(found + ([f"标题 {title_end} 行"] if title_end > 1 else [])))
    return p


def _repeats_title(lines: list[Line], starts: list[Start], i: int, k: int) -> bool:
    """The title printed again inside its own document (before any date): no new document."""
    if not starts:
        return False
    prev = starts[-1]
    same = _title_key(lines[i:i + k]) == _title_key(lines[prev.index:prev.title_end])
    return same and not any(dates.is_date_line(ln.text) for ln in lines[prev.index:i])


def _forwarded(lines: list[Line], starts: list[Start], st: Start, toc_titles: list[str]) -> bool:
    """A text with its own 文号 printed after a 转发/印发 notice, and missing from the 目录:
    the notice's attached text, not a document of the issue."""
    if not starts or not toc_titles or starts[-1].kind != "official":
        return False
    prev = starts[-1]
    prev_title = "".join(ln.text for ln in lines[prev.index:prev.title_end])
    if not any(w in prev_title for w in ("转发", "印发", "批转")):
        return False
    region = lines[st.index:st.title_end + 1]
    head = read_head(region)
    title = head_title(region, head) if head.title else \
        "".join(ln.text for ln in lines[st.index:st.title_end] if not L.is_doc_number_line(ln.text))
    return not any(_similar(title, t) > 0.85 for t in toc_titles)


def _caption_title_start(lines: list[Line], i: int) -> int:
    """The first line of the title above the 题注 at lines[i]: up to four title-like lines,
    not past an issue label, a publication name or the end of another title."""
    s = i - 1
    while s > 0 and i - s < 4:
        t = squeeze(lines[s - 1].text)
        if not L.looks_like_title(lines[s - 1].text) or ends_like_title(t) or ISSUE_LABEL.match(t) \
                or PUBLICATION.match(t) or dates.is_date_line(t) or "." in t or docnumber.find_all(t):
            break       # (a file name or a 文号 ends what came before: no title line)
        s -= 1
    return s


def _caption_under_title(lines: list[Line], i: int) -> bool:
    m = CAPTION.match(lines[i].text.strip())
    cap = read_caption(m.group("inner")) if m else None
    return cap is not None and cap.number is not None


def _title_key(lines: list[Line]) -> str:
    text = "".join(x.text for x in lines)
    cut = caption_at_end(text)
    return fold(text[:cut[0]] if cut else text)


def _number_above_title(lines: list[Line], i: int, toc_titles: list[str] = ()) -> int | None:
    """Where a document starts whose 文号 (lines[i]) is printed above its title: the 文号
    line. None when the 文号 belongs under a title before it."""
    head = read_head(lines[i:i + 20])
    if head.number_line != 0 or not head.title or head.title[0] != 1:
        return None
    # A red head ("××市人民政府文件") right above the 文号 starts the document.
    start = i - 1 if i > 0 and read_head(lines[i - 1:i + 1]).red_head == [0] else i
    title = head_title(lines[i:i + 20], head)
    if any(_similar(title, t) > 0.85 for t in toc_titles):
        return start        # the 目录 names the title that follows
    before = lines[start - 1].text if start > 0 else ""
    if start > 0 and not (dates.is_date_line(before) or L.NOTE.match(before)
                          or before.endswith(("。", "）", ")"))):
        # After a table or a line without a sentence end: the title under the 文号 must be
        # confirmed by its 文种 word and an addressee line after it.
        after = i + head.body
        if not (ends_like_title(lines[i + head.title[-1]].text) and after < len(lines)
                and lines[after].text.endswith(("：", ":")) and not L.heading_marker(lines[after].text)):
            return None
    return start


def _furniture(lines: list[Line], front: Front, first: int) -> tuple[list[Line], list[Dropped]]:
    """Drop running headers, page numbers and slogans that fall between pages."""
    headers = {squeeze(s) for s in front.sections}
    if front.publication:
        headers.add(front.publication)
    slogans = {squeeze(d.text) for d in front.dropped if d.reason == "标语"}
    kept, dropped = [], []
    for idx, ln in enumerate(lines):
        if idx < first:
            kept.append(ln)
            continue
        s = squeeze(ln.text)
        if s in headers:
            dropped.append(Dropped(ln.no, ln.raw or ln.text, "页眉"))
        elif PAGE_NUMBER.match(ln.text):
            dropped.append(Dropped(ln.no, ln.raw or ln.text, "页码"))
        elif L.WEB_FURNITURE.match(ln.text):
            dropped.append(Dropped(ln.no, ln.raw or ln.text, "网页页脚"))   # issues put together from web pages
        elif s in slogans:
            dropped.append(Dropped(ln.no, ln.raw or ln.text, "标语"))
        else:
            kept.append(ln)
    return kept, dropped


def _similar(a: str, b: str) -> float:
    return SequenceMatcher(None, fold(a), fold(b)).ratio()


def parse_issue(text: str, source_name: str = "") -> Issue:
    lines = L.split_lines(text)
    if not lines:
        raise ImportRefused(Msg("refuse.empty"))
    # First pass: the 目录 tells which titles to expect.
    probe = parse_front(lines)
    toc_titles = [e.title for e in probe.toc]
    toc_end = probe.toc_end or probe.toc_line
    toc_idx = next((i for i, ln in enumerate(lines) if ln.no == toc_end), -1)
    after_toc = lines[toc_idx + 1:] if toc_idx >= 0 else lines
    starts = _find_starts(after_toc, toc_titles)
    if not starts:
        raise ImportRefused(Msg("refuse.no_documents"))
    first_line_no = after_toc[starts[0].index].no
    first = next(i for i, ln in enumerate(lines) if ln.no == first_line_no)
    # Running headers can fall anywhere after the 目录, even before the first document.
    kept, dropped = _furniture(lines, probe, toc_idx + 1 if toc_idx >= 0 else first)
    front = parse_front([ln for ln in kept if ln.no < first_line_no])
    if front.year is None or not front.numbers:
        raise ImportRefused(Msg("refuse.no_issue_number"))
    if not front.publication:
        raise ImportRefused(Msg("refuse.no_publication"))
    dropped = front.dropped + dropped
    dropped_nos = {d.line for d in dropped}
    front_matter = tuple((ln.no, ln.text) for ln in lines[:first] if ln.no not in dropped_nos)
    body = [ln for ln in kept if ln.no >= first_line_no]
    starts = _find_starts(body, toc_titles)
    if not starts:      # what looked like a document's start was page furniture
        raise ImportRefused(Msg("refuse.no_documents"))
    if starts[0].index:
        # Lines before the first document once the furniture is gone (what looked like a
        # start was not one): they belong to the front matter, not to nowhere.
        k = starts[0].index
        front_matter += tuple((ln.no, ln.text) for ln in body[:k])
        body = body[k:]
        starts = [replace(st, index=st.index - k, title_end=max(0, st.title_end - k),
                          number_line=None if st.number_line is None else st.number_line - k) for st in starts]
    warnings = list(front.warnings)

    parsed: list[tuple[Start, Parsed]] = []
    for n, st in enumerate(starts):
        end = starts[n + 1].index if n + 1 < len(starts) else len(body)
        region = body[st.index:end]
        if st.kind == "official":
            p = _parse_official_region(region, st)
        else:
            p = parse_interpretation(region, st.title_end - st.index, st.author, st.explains)
        parsed.append((st, p))
    _refuse_if_cut(parsed, body, front)

    policies = [p for st, p in parsed if st.kind == "official"]
    interps = [p for st, p in parsed if st.kind == "interpretation"]
    placed = _match_toc(policies, front.toc, warnings)
    pairs = _pair(interps, policies, warnings)

    # Assemble sections in 目录 order; documents in print order.
    section_names = list(front.sections) or ["正文"]
    by_section: dict[str, list[Document]] = {s: [] for s in section_names}
    last_section = section_names[0]
    for st, p in parsed:
        if st.kind == "interpretation" and id(p) in pairs:
            continue
        if st.kind == "official":
            entry = placed.get(id(p))
            doc = with_attachments(p)
            if entry:
                doc = replace(doc, page=entry.page)
                last_section = entry.section or last_section
            doc = replace(doc, interpretations=tuple(
                i.doc for i in interps if pairs.get(id(i)) is p))
        else:
            doc = p.doc
        by_section.setdefault(last_section, []).append(doc)
    _check_pages(front.toc, warnings)
    sections = tuple(Section(name, k, tuple(by_section.get(name, ())))
                     for k, name in enumerate(by_section) if by_section.get(name))
    label = issue_label(front.year, front.numbers, front.cumulative)
    issue = Issue(
        key="", publication=front.publication, year=front.year, numbers=front.numbers,
        cumulative=front.cumulative, label=label, masthead=front.masthead, sections=sections,
        toc=tuple(front.toc), warnings=tuple(warnings), dropped=tuple(sorted(dropped, key=lambda d: d.line)),
        front_matter=front_matter, source_name=source_name,
    )
    return finalize_issue(issue)


def _refuse_if_cut(parsed: list[tuple[Start, Parsed]], body: list[Line], front: Front) -> None:
    """A file cut off mid-document must not pass for a whole issue."""
    last_line = body[-1]
    last = parsed[-1][1]
    while last.attachments:
        last = last.attachments[-1]
    why = unfinished(last_line, last.doc.blocks, body[-2] if len(body) > 1 else None)
    if why:
        raise ImportRefused(Msg("refuse.cut", detail=why.params["detail"]))
    officials = [p for st, p in parsed if st.kind == "official"]
    if front.toc and len(officials) < len(front.toc):
        # Fewer documents than the 目录 lists, and its last entry has none: the end is missing.
        # (A last document whose title merely differs from the 目录 is a warning, not a cut.)
        found = [p.doc.title for p in officials]
        last_entry = front.toc[-1]
        if not any(_similar(last_entry.title, t) > 0.85 for t in found):
            raise ImportRefused(Msg("cut.incomplete", detail=Msg("cut.toc_last", title=last_entry.title,
                                                                 line=last_line.no)))
    # A last document without signature or date that ends with a finished sentence
    # ("…同时废止。") is whole: where it stands in the issue must not decide. The report
    # names every document without a date, wherever it is.


def _match_toc(policies: list[Parsed], toc: list[TocEntry], warnings: list[str]) -> dict[int, TocEntry]:
    placed: dict[int, TocEntry] = {}
    if not toc:
        return placed       # an issue printed without a 目录: nothing to compare
    free = list(toc)
    for p in policies:
        d = p.doc
        best = max(free, key=lambda e: _similar(e.title, d.title), default=None)
        if best is None or _similar(best.title, d.title) < 0.85:
            warnings.append(Msg("note.toc_lacks", title=d.title, number=d.doc_number or Msg("word.no_number")))
            continue
        free.remove(best)
        placed[id(p)] = best
        if _similar(best.title, d.title) < 1.0:
            warnings.append(Msg("note.toc_title", toc=best.title, text=d.title))
        toc_pair = " ".join(x for x in (best.doc_number_printed, best.code) if x)
        doc_pair = " ".join(x for x in (d.doc_number_printed, d.code) if x)
        if best.doc_number and not d.doc_number and not d.code:
            # The text prints no 文号 (a web edition): the 目录's is the only one there is.
            p.doc = replace(d, doc_number=best.doc_number, doc_number_printed=best.doc_number_printed)
            warnings.append(Msg("note.number_from_toc", title=d.title, number=best.doc_number_printed))
        elif (best.doc_number and best.doc_number != d.doc_number) or (best.code and best.code != d.code):
            warnings.append(
                Msg("note.toc_number", title=d.title, toc=toc_pair, text=doc_pair))
    for e in free:
        warnings.append(Msg("note.toc_entry_missing", title=e.title,
                            number=e.doc_number_printed or Msg("word.no_number"), page=e.page))
    return placed


def _candidates(p: Parsed) -> list[str]:
    titles = [p.doc.title] + [a.doc.title for a in p.attachments]
    titles += re.findall(r"[《〈](.+)[》〉]", p.doc.title)
    return titles


# A place name: up to four characters and the suffix of its level (区 is left out: 区域, 园区).
_PLACE_AT = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:自治州|省|市|县|州|盟|旗)")


def _different_place(named: str, title: str) -> bool:
    """The two titles name different places where they differ ("郴州市…方案" against
    "永州市…方案": 0.95 alike, and another city's plan)."""
    a, b = fold(named), fold(title)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b).get_opcodes():
        if tag != "replace":
            continue
        # The place word that holds the replaced characters, on each side.
        for k in range(max(0, i1 - 4, i1 - j1), i1 + 1):
            ma, mb = _PLACE_AT.match(a, k), _PLACE_AT.match(b, j1 - (i1 - k))
            if ma and mb and ma.end() >= i2 and mb.end() >= j2 and ma.group()[-1] == mb.group()[-1] \
                    and ma.group() != mb.group():
                return True
    return False


def _pair(interps: list[Parsed], policies: list[Parsed], warnings: list[str]) -> dict[int, Parsed]:
    """Pair each 解读 with the policy whose title it names, tolerating small differences."""
    pairs: dict[int, Parsed] = {}
    for ip in interps:
        named = ip.doc.explains or ""
        scored = []
        for order, p in enumerate(policies):
            score = max((0.0 if _different_place(named, t) else _similar(named, t) for t in _candidates(p)),
                        default=0.0)
            before = p.doc.line < ip.doc.line
            scored.append((score, before, order, p))
        if not scored:
            warnings.append(Msg("note.unpaired", named=named))
            continue
        # Highest similarity wins; on a tie, the nearest policy printed before it.
        score, _, _, best = max(scored, key=lambda s: (round(s[0], 3), s[1], s[2] if s[1] else -s[2]))
        if score < 0.8:
            warnings.append(Msg("note.unpaired_closest", named=named, closest=best.doc.title, score=f"{score:.2f}"))
            continue
        pairs[id(ip)] = best
        exact = max(_candidates(best), key=lambda t: _similar(named, t))
        if fold(exact) != fold(named):
            warnings.append(Msg("note.paired_loosely", named=named, exact=exact, score=f"{score:.2f}"))
    return pairs


def _check_pages(toc: list[TocEntry], warnings: list[str]) -> None:
    prev = None
    for e in toc:
        if e.page is None:
            continue
        if prev is not None and e.page < prev.page:
            warnings.append(Msg("note.toc_order", title=e.title, page=e.page, before=prev.title, before_page=prev.page))
        prev = e
