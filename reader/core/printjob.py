"""What to print, as plain data: the job a reader describes, and the packets it expands to.

Qt-free so that the choice of documents, the source lines and the page-range syntax are
tested without a display; reader.gui.printing lays the packets out and paints them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .model import INTERPRETATION
from .records import DocumentView
from .messages import Msg

PRINTER = "printer"      # PrintJob.output for a real printer; anything else is a PDF path


class PageRangeError(ValueError):
    pass


@dataclass(frozen=True)
class PrintNote:
    """One bookmarked passage with its note, handed in by the caller (no user-data import here)."""
    doc_title: str
    quote: str = ""
    note: str = ""               # plain text or simple Markdown
    citation: str = ""           # e.g. "永政发〔2022〕6号 第3段"
    note_type: str = ""          # e.g. "笔记" / "书签" / "疑问"
    date: str = ""               # as the caller wants it shown
    doc_key: str = ""
    order: tuple = ()            # (document's place, block, offset): notes print in this order

    @classmethod
    def coerce(cls, item: "PrintNote | Mapping[str, Any]") -> "PrintNote":
        if isinstance(item, PrintNote):
            return item
        known = {k: "" if item.get(k) is None else str(item.get(k)) for k in cls.__dataclass_fields__
                 if k in item and k != "order"}
        return cls(**known, order=tuple(item.get("order") or ()))


@dataclass(frozen=True)
class PrintJob:
    keys: tuple[str, ...] = ()                  # documents, in print order
    include_interpretations: bool = False
    notes: tuple[PrintNote, ...] = ()
    notes_appendix: bool = False                # print ``notes`` after the documents
    page_range: str = ""                        # "1-3,5"; empty = every page
    output: str = PRINTER                       # PRINTER or a .pdf path
    mirror_margins: bool = True                 # double-sided: binding margin inside, documents start on odd pages
    title: str = ""                             # PDF metadata / print job name
    restart_numbers: bool = False               # page numbers start at 1 for each document
    fonts: tuple[tuple[str, str], ...] = ()     # (role, family or font file) chosen in the print settings

    def __post_init__(self):
        object.__setattr__(self, "keys", tuple(self.keys))
        object.__setattr__(self, "notes", tuple(PrintNote.coerce(n) for n in self.notes))
        fonts = self.fonts.items() if isinstance(self.fonts, Mapping) else self.fonts
        object.__setattr__(self, "fonts", tuple((str(r), str(f)) for r, f in fonts if f))

    def font_for(self, role: str) -> str:
        return dict(self.fonts).get(role, "")

    def pages(self) -> frozenset[int] | None:
        return parse_page_range(self.page_range)


def parse_page_range(text: str) -> frozenset[int] | None:
    """"1-3,5" -> {1, 2, 3, 5}; empty -> None (all pages). Full-width digits and 、，；— are accepted."""
    s = (text or "").translate(str.maketrans("０１２３４５６７８９，、；－—～~", "0123456789,,,----"))
    s = re.sub(r"\s+", "", s)
    if not s:
        return None
    pages: set[int] = set()
    for part in filter(None, s.split(",")):
        m = re.fullmatch(r"(\d+)(?:-(\d+))?", part)
        if not m:
            raise PageRangeError(Msg("print.bad_range", part=part))
        a = int(m.group(1))
        b = int(m.group(2) or a)
        if a < 1 or b < a:
            raise PageRangeError(Msg("print.bad_range", part=part))
        if b - a > 100000:
            raise PageRangeError(Msg("print.range_too_big", part=part))
        pages.update(range(a, b + 1))
    return frozenset(pages) if pages else None


# -- packets ------------------------------------------------------------------------
@dataclass(frozen=True)
class Piece:
    """One text on paper. ``label`` is "附件"/"附件2" for attached plans."""
    view: DocumentView | None
    label: str = ""
    source: str = ""            # printed after this piece (a source line)


@dataclass(frozen=True)
class Packet:
    """What starts on a new page: a document with its attached plans, an interpretation, or notes."""
    kind: str                   # "document" | "interpretation" | "notes"
    title: str
    pieces: tuple[Piece, ...] = ()
    notes: tuple[PrintNote, ...] = ()
    notes_title: str = ""


WEB_SOURCE = "本件据政府网站公开文本"
NOTES_SOURCE = "本件为阅读笔记，据本机书签整理，不是公文正式文本"


def source_line(view: DocumentView, parent: DocumentView | None = None) -> str:
    """Where a reprinted text comes from: the gazette issue and page, or the web text."""
    holder = parent or view
    if not holder.publication:
        return WEB_SOURCE
    page = holder.info.page if holder.info.page else None
    where = f"本件据《{holder.publication}》{holder.issue_label or ''}"
    return where + (f"第{page}页" if page and view.info.kind != INTERPRETATION else "")


def plan_packets(library, job: PrintJob) -> list[Packet]:
    """Expand the picked keys: each policy with its plans, then (optionally) its interpretations.

    A key that names an attached plan prints that plan alone; a key named twice, or an
    interpretation already printed with its policy, prints once.
    """
    out: list[Packet] = []
    seen: set[str] = set()
    for key in job.keys:
        if key in seen:
            continue
        view = library.document(key)
        if view is None:
            raise LookupError(Msg("print.no_document", key=key))
        seen.add(key)
        if view.info.kind == INTERPRETATION:
            parent = library.document(view.info.parent_key) if view.info.parent_key else None
            out.append(Packet("interpretation", view.title, (Piece(view, source=source_line(view, parent)),)))
            continue
        parent = library.document(view.info.parent_key) if view.info.role == "attachment" else None
        pieces = [Piece(view)]
        plans = [library.document(a.key) for a in view.attachments]
        for i, plan in enumerate(plans, 1):
            seen.add(plan.key)
            pieces.append(Piece(plan, label="附件" if len(plans) == 1 else f"附件{i}"))
        # The source line goes under the document's own text, before any attached plan; a text no
        # longer in force on the day of printing says so, with its basis.
        from .status.notes import print_note
        pieces[0] = Piece(view, source=source_line(view, parent) + print_note(library, view.key))
        out.append(Packet("document", view.title, tuple(pieces)))
        if job.include_interpretations:
            for info in view.interpretations:
                if info.key in seen:
                    continue
                seen.add(info.key)
                interp = library.document(info.key)
                out.append(Packet("interpretation", interp.title,
                                  (Piece(interp, source=source_line(interp, view)),)))
    if job.notes and (job.notes_appendix or not job.keys):
        title = "附：阅读笔记" if out else "阅读笔记"
        printed = [p.view.key for packet in out for p in packet.pieces if p.view is not None]
        out.append(Packet("notes", title, notes=tuple(tidy_note(n) for n in sort_notes(job.notes, printed)),
                          notes_title=title))
    return out


# -- notes as a printout: order and Chinese typography ------------------------------------
def sort_notes(notes: Iterable[PrintNote], printed: Iterable[str] = ()) -> list[PrintNote]:
    """Documents in print order (those not printed after, by their own order), then each
    document's notes by position in the text."""
    place = {k: i for i, k in enumerate(printed)}
    notes = list(notes)
    first_seen = {}
    for i, n in enumerate(notes):
        first_seen.setdefault(n.doc_key or n.doc_title, i)

    def key(item):
        i, n = item
        doc = n.doc_key or n.doc_title
        return (place.get(n.doc_key, len(place)), tuple(n.order[:1]), first_seen[doc], tuple(n.order[1:]), i)
    return [n for _, n in sorted(enumerate(notes), key=key)]


_PAIRS = {"“": ("“", "”", "‘", "’"), "《": ("《", "》", "〈", "〉")}


def nest_quotes(text: str) -> str:
    """Quotation marks and title marks inside their own kind alternate: “…‘…’…”, 《…〈…〉…》."""
    out = []
    depth = {"“": 0, "《": 0}
    for ch in text:
        for kind, (o, c, io, ic) in _PAIRS.items():
            if ch in (o, io):
                depth[kind] += 1
                ch = o if depth[kind] % 2 else io
                break
            if ch in (c, ic):
                ch = c if depth[kind] % 2 else ic
                depth[kind] = max(0, depth[kind] - 1)
                break
        out.append(ch)
    return "".join(out)


def chinese_date(text: str) -> str:
    """"2026-11-29" (or 2026/11/29, 2026.11.29) -> "2026年11月29日"; other text unchanged."""
    m = re.fullmatch(r"\s*(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?", text or "")
    return f"{m.group(1)}年{int(m.group(2))}月{int(m.group(3))}日" if m else (text or "")


def tight_cjk(text: str) -> str:
    """No spaces between Chinese and digits: "第 23 页" -> "第23页"."""
    cjk = r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]"
    return re.sub(rf"(?<={cjk})[ \u00a0]+(?=[0-9])|(?<=[0-9])[ \u00a0]+(?={cjk})", "", text or "")


def tidy_note(n: PrintNote) -> PrintNote:
    from dataclasses import replace
    return replace(n, quote=nest_quotes(n.quote), citation=tight_cjk(n.citation), date=chinese_date(n.date),
                   doc_title=nest_quotes(n.doc_title))


# -- notes as paragraphs ------------------------------------------------------------
def markdown_paragraphs(text: str) -> list[str]:
    """Simple Markdown to plain paragraphs: markup is dropped, never interpreted as HTML."""
    paras: list[str] = []
    current: list[str] = []

    def flush():
        if current:
            paras.append("".join(current) if _cjk_join(current) else " ".join(current))
            current.clear()

    for raw in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n"):
        line = raw.strip()
        if not line or re.fullmatch(r"[-*_]{3,}", line):
            flush()
            continue
        heading = re.match(r"#{1,6}\s+(.*)", line)
        bullet = re.match(r"(?:[-*+]|\d+[.)])\s+(.*)", line)
        if heading or bullet or line.startswith(">"):
            flush()
            if heading:
                paras.append(_inline(heading.group(1)))
            elif bullet:
                marker = "· " if line[0] in "-*+" else line[:len(line) - len(bullet.group(1))]
                paras.append(marker + _inline(bullet.group(1)))
            else:
                paras.append(_inline(line.lstrip("> ").strip()))
            continue
        current.append(_inline(line))
    flush()
    return [p for p in paras if p]


def _inline(s: str) -> str:
    s = re.sub(r"!?\[([^\]]*)\]\(([^)]*)\)", r"\1", s)       # links and images: keep the words
    s = re.sub(r"(\*\*|__|~~|`)", "", s)
    return re.sub(r"(?<![\w*])\*(?!\s)([^*]+)(?<!\s)\*", r"\1", s)


def _cjk_join(lines: Iterable[str]) -> bool:
    # Chinese lines wrapped in the editor join without a space.
    return any("\u4e00" <= ch <= "\u9fff" for ln in lines for ch in ln[-1:])
