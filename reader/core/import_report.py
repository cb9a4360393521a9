"""What an import would store, shown before anything is written (the confirm step).

Built from a parsed file and the library it would go into: the issue and its
sections, every document with its 文号, code, date and page, each 解读 and the
policy it was paired with, the warnings, the page furniture dropped, counts, the
character-conservation check, and whether the library already holds this issue
or document (and how its copy differs), so a dialog can offer replace or keep.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from . import glyphs
from . import conservation
from .importer import Parsed
from .model import INTERPRETATION, Document, Dropped, Issue, Standalone
from .text import fold, significant
from .messages import Msg

NEW, SAME, CHANGED = "new", "same", "changed"
KIND_NAMES = {"notice": "通知", "plan": "印发的正文", "interpretation": "解读", "appointment": "任免",
              "opinion": "意见", "reply": "批复", "letter": "函", "order": "令", "decision": "决定", "bulletin": "通报",
              "other": "其他"}
STATUS_NAMES = {NEW: "新增", SAME: "与库中相同", CHANGED: "与库中不同"}
_PAGE_NO = re.compile(r"\d{1,4}")


@dataclass(frozen=True)
class ReportDocument:
    key: str
    title: str
    kind: str
    role: str                        # main | attachment | interpretation
    doc_number: str | None
    doc_number_printed: str | None
    code: str | None
    date: str | None
    page: int | None
    blocks: int
    characters: int                  # Chinese characters, letters and digits
    status: str                      # new | same | changed, against the library
    author: str | None = None        # interpretations
    explains: str | None = None
    attachments: tuple["ReportDocument", ...] = ()
    interpretations: tuple["ReportDocument", ...] = ()
    same_number: tuple[str, ...] = ()   # keys of other library documents with this 文号
    layout: tuple[str, ...] = ()        # the forms recognised: "文号在标题下（括号）", "联合发文 3 个机关"
    issuer: str | None = None

    def walk(self):
        yield self
        for d in self.attachments + self.interpretations:
            yield from d.walk()


@dataclass(frozen=True)
class ReportSection:
    name: str
    documents: tuple[ReportDocument, ...]


@dataclass(frozen=True)
class Pairing:
    """A 解读 and the policy it explains (None: left unpaired, shown as a document of its own)."""
    key: str
    title: str
    author: str | None
    explains: str | None
    policy_key: str | None
    policy_title: str | None


@dataclass(frozen=True)
class Existing:
    """The library's copy of this issue or document."""
    label: str
    source_name: str
    same: int            # documents unchanged
    changed: int         # same key, different text
    added: int           # in the file, not in the library's copy
    removed: int         # in the library's copy, not in the file

    @property
    def identical(self) -> bool:
        return self.changed == self.added == self.removed == 0


@dataclass(frozen=True)
class Counts:
    sections: int
    documents: int       # top-level documents
    attachments: int
    interpretations: int
    paired: int
    blocks: int
    characters: int
    dropped: int
    warnings: int


@dataclass(frozen=True)
class ImportReport:
    path: str
    source_kind: str                  # text | pdf
    pages: int | None
    kind: str                         # issue | standalone
    key: str
    publication: str | None
    label: str | None                 # "2022年第5-6期（总第154—155期）"; None for a single document
    sections: tuple[ReportSection, ...]
    pairings: tuple[Pairing, ...]
    warnings: tuple[str, ...]
    dropped: tuple[Dropped, ...]
    counts: Counts
    conservation: conservation.Report
    existing: Existing | None

    @property
    def already_present(self) -> bool:
        return self.existing is not None

    def documents(self):
        """Every document, depth first, in print order."""
        for s in self.sections:
            for d in s.documents:
                yield from d.walk()

    def to_text(self) -> str:
        return _to_text(self)


# -- building ----------------------------------------------------------------------

def dry_run(path: str | Path, library: str | Path | None = None) -> "ImportReport":
    """What importing ``path`` into ``library`` would do, without writing anything.

    Returns an ImportReport (``.to_text()`` for the command line); raises
    ImportRefused like ``parse_file``. A library that does not exist yet counts as empty.
    (Here rather than in ``importer``: the report depends on the importer, never the reverse.)
    """
    from .importer import parse_file
    return build_report(parse_file(path), library)


def build_report(parsed: Parsed, library=None) -> ImportReport:
    """``library``: a Library, a library path (a missing file counts as empty), or None."""
    from .library import Library
    lib, own = library, False
    if isinstance(library, (str, Path)):
        lib, own = (Library(library), True) if Path(library).exists() else (None, False)
    try:
        return _build(parsed, lib)
    finally:
        if own:
            lib.close()


def _build(parsed: Parsed, lib) -> ImportReport:
    r = parsed.result
    if isinstance(r, Issue):
        tops = [(s.name, list(s.documents)) for s in r.sections]
        check = conservation.check_issue(parsed.text, r)
        existing = _existing_issue(r, lib)
        key, publication, label = r.key, r.publication, r.label
    else:
        tops = [("", [r.document])]
        check = conservation.check_standalone(parsed.text, r)
        existing = _existing_document(r, lib)
        key, publication, label = r.document.key, None, None
    warnings, dropped = list(r.warnings), r.dropped
    sections = tuple(ReportSection(name, tuple(_doc(d, "main", lib, key) for d in docs)) for name, docs in tops)
    pairings = tuple(_pairings(sections))
    warnings += _own_warnings(r, sections, dropped, check)
    warnings += glyphs.document_warnings(d for _, docs in tops for top in docs for d in top.walk())
    shorter = shorter_than_library(r, lib)
    if shorter:
        warnings.insert(0, shorter)
    warnings = list(dict.fromkeys(warnings))
    all_docs = [d for s in sections for top in s.documents for d in top.walk()]
    counts = Counts(
        sections=len([s for s in sections if s.name]), documents=sum(len(s.documents) for s in sections),
        attachments=sum(1 for d in all_docs if d.role == "attachment"),
        interpretations=sum(1 for d in all_docs if d.kind == INTERPRETATION),
        paired=sum(1 for p in pairings if p.policy_key), blocks=sum(d.blocks for d in all_docs),
        characters=sum(d.characters for d in all_docs), dropped=len(dropped), warnings=len(warnings))
    return ImportReport(parsed.path, parsed.source_kind, parsed.pages, "issue" if isinstance(r, Issue) else "standalone",
                        key, publication, label, sections, pairings, tuple(warnings), tuple(dropped), counts,
                        check, existing)


def _status(doc: Document, lib) -> str:
    if lib is None:
        return NEW
    view = lib.document(doc.key)
    if view is None:
        return NEW
    return SAME if view.fingerprint == doc.fingerprint else CHANGED


def _doc(doc: Document, role: str, lib, own_key: str) -> ReportDocument:
    same_number: tuple[str, ...] = ()
    if lib is not None and doc.doc_number:
        same_number = tuple(i.key for i in lib.find_by_number(doc.doc_number)
                            if i.key != doc.key and not i.key.startswith(own_key + "/"))
    return ReportDocument(
        key=doc.key, title=doc.title, kind=doc.kind, role=role, doc_number=doc.doc_number,
        doc_number_printed=doc.doc_number_printed, code=doc.code, date=doc.date, page=doc.page,
        blocks=len(doc.blocks), characters=sum(len(significant(b.text)) for b in doc.blocks),
        status=_status(doc, lib), author=doc.author, explains=doc.explains,
        attachments=tuple(_doc(a, "attachment", lib, own_key) for a in doc.attachments),
        interpretations=tuple(_doc(i, "interpretation", lib, own_key) for i in doc.interpretations),
        same_number=same_number, layout=doc.layout, issuer=doc.issuer)


def _pairings(sections):
    for s in sections:
        for top in s.documents:
            for d in top.walk():
                for i in d.interpretations:
                    yield Pairing(i.key, i.title, i.author, i.explains, d.key, d.title)
            if top.kind == INTERPRETATION and top.role == "main":
                yield Pairing(top.key, top.title, top.author, top.explains, None, None)


def _library_keys(lib, issue_key: str) -> set[str]:
    keys: set[str] = set()

    def add(key):
        keys.add(key)
        for c in lib.children(key):
            add(c.key)
    for s in lib.sections(issue_key):
        for d in lib.section_documents(s.id):
            add(d.key)
    return keys


def _existing_issue(issue: Issue, lib) -> Existing | None:
    if lib is None:
        return None
    detail = lib.issue(issue.key)
    if detail is None:
        return None
    there = _library_keys(lib, issue.key)
    here = [d for top in issue.documents() for d in top.walk()]
    same = changed = 0
    for d in here:
        if d.key in there:
            if _status(d, lib) == SAME:
                same += 1
            else:
                changed += 1
    added = sum(1 for d in here if d.key not in there)
    removed = len(there - {d.key for d in here})
    return Existing(detail.info.label, detail.source_name, same, changed, added, removed)


def _existing_document(item: Standalone, lib) -> Existing | None:
    if lib is None:
        return None
    info = lib.info(item.document.key)
    if info is None:
        return None
    here = list(item.document.walk())
    there = {info.key} | {c.key for c in lib.children(info.key)}
    same = sum(1 for d in here if d.key in there and _status(d, lib) == SAME)
    changed = sum(1 for d in here if d.key in there) - same
    return Existing(info.title, "", same, changed, sum(1 for d in here if d.key not in there),
                    len(there - {d.key for d in here}))


def _stored_chars(lib, key: str) -> int:
    n = sum(len(significant(b.text)) for b in lib.blocks(key))
    return n + sum(_stored_chars(lib, c.key) for c in lib.children(key))


def shorter_than_library(result, lib) -> str | None:
    """Replacing a document by a shorter text is said, never done silently: the new file
    may be a cut-off copy of the one in the library."""
    if lib is None:
        return None
    tops = [result.document] if isinstance(result, Standalone) else list(result.documents())
    for top in tops:
        if lib.info(top.key) is None:
            continue
        old = _stored_chars(lib, top.key)
        new = sum(len(significant(b.text)) for d in top.walk() for b in d.blocks)
        if new < old:
            return Msg("note.shorter", title=top.title or top.key, new=new, old=old)
    return None


def _own_warnings(result, sections, dropped, check) -> list[str]:
    """Checks beyond the parser's: page numbers that skip, documents without a date or 文号."""
    out: list[str] = []
    numbers = [int(m.group()) for d in dropped if d.reason == "页码" for m in [_PAGE_NO.search(d.text)] if m]
    for a, b in zip(numbers, numbers[1:]):
        if b > a + 1:
            missing = Msg("word.page", page=a + 1) if b == a + 2 else Msg("word.pages", first=a + 1, last=b - 1)
            out.append(Msg("note.page_gap", a=a, b=b, missing=missing))
        elif b <= a:
            out.append(Msg("note.page_order", a=a, b=b))
    if numbers and isinstance(result, Issue):
        last = max(numbers)
        for e in result.toc:
            if e.page and e.page > last:
                out.append(Msg("note.toc_beyond", title=e.title, page=e.page, last=last))
    for s in sections:
        for top in s.documents:
            if top.kind == INTERPRETATION:
                continue
            if not top.date:
                out.append(Msg("note.doc_no_date", title=top.title))
            if not top.doc_number and isinstance(result, Issue):
                out.append(Msg("note.doc_no_number", title=top.title))
    if not check.ok:
        out.append(Msg("note.check_failed", expected=check.expected, stored=check.stored,
                       where=check.first_difference))
    return out


# -- text ----------------------------------------------------------------------------

def _doc_line(d: ReportDocument) -> str:
    number = d.doc_number_printed or d.doc_number
    if d.doc_number and d.doc_number_printed and fold(d.doc_number) != fold(d.doc_number_printed):
        number = f"{d.doc_number}（印作 {d.doc_number_printed}）"     # 国令第707号 printed as 第707号
    parts = [number, d.code, d.date,
             f"第{d.page}页" if d.page else None, KIND_NAMES.get(d.kind, d.kind), STATUS_NAMES[d.status]]
    return "  ".join(p for p in parts if p)


def _dropped_lines(dropped: tuple[Dropped, ...]) -> list[str]:
    groups: dict[tuple[str, str], list[Dropped]] = {}
    for d in dropped:
        text = "页码" if d.reason == "页码" else d.text
        groups.setdefault((d.reason, text), []).append(d)
    out = []
    for (reason, text), items in groups.items():
        lines = "、".join(str(d.line) for d in items[:8]) + ("…" if len(items) > 8 else "")
        if reason == "页码":
            shown = f"{items[0].text} … {items[-1].text}" if len(items) > 1 else items[0].text
            out.append(f"  页码 {len(items)} 行：{shown}（第{lines}行）")
        else:
            times = f" ×{len(items)}" if len(items) > 1 else ""
            out.append(f"  {reason}“{text}”{times}（第{lines}行）")
    return out


def _to_text(r: ImportReport) -> str:
    src = f"PDF，{r.pages} 页" if r.source_kind == "pdf" else "文本"
    out = [f"导入预览：{Path(r.path).name}（{src}）"]
    if r.kind == "issue":
        out.append(f"《{r.publication}》{r.label}")
    else:
        out.append("单份公文（不属于任何一期）")
    e = r.existing
    if e is None:
        out.append("库中尚无此" + ("期" if r.kind == "issue" else "文件") + "：导入将新增。")
    elif e.identical:
        out.append(f"库中已有{e.label}（{e.source_name or '已导入'}），内容完全相同：无需再导入。")
    else:
        diff = "，".join(x for x in (f"{e.same} 件相同" if e.same else "", f"{e.changed} 件有改动" if e.changed else "",
                                      f"{e.added} 件新增" if e.added else "",
                                      f"{e.removed} 件库中有而此文件没有" if e.removed else "") if x)
        out.append(f"库中已有{e.label}（{e.source_name or '已导入'}）：{diff}。可替换（--replace）或保留库中原有。")
    out.append("")
    for s in r.sections:
        if s.name:
            out.append(f"【{s.name}】")
        for n, d in enumerate(s.documents, 1):
            out.append(f"  {n}. {d.title or '（无标题）'}")
            out.append(f"     {_doc_line(d)}")
            if d.issuer:
                out.append(f"     发文机关：{d.issuer}")
            if d.layout:
                out.append(f"     版式：{'；'.join(d.layout)}")
            if d.same_number:
                out.append(f"     库中另有同文号文件：{'、'.join(d.same_number)}")
            for a in d.attachments:
                out.append(f"     附：{a.title}（{STATUS_NAMES[a.status]}）")
            for i in d.interpretations:
                out.append(f"     解读：{i.title}（{i.author or '未署名'}，{STATUS_NAMES[i.status]}）")
    if r.pairings:
        out += ["", "解读与政策的配对："]
        for p in r.pairings:
            target = f"《{p.policy_title}》" if p.policy_key else "未配对（单独列出）"
            out.append(f"  {p.author or '未署名'} 解读《{p.explains or p.title}》→ {target}")
    if r.warnings:
        out += ["", f"提示（{len(r.warnings)} 条）："] + [f"  - {w}" for w in r.warnings]
    if r.dropped:
        out += ["", f"略去的版面文字（{len(r.dropped)} 行，不入正文）："] + _dropped_lines(r.dropped)
    c = r.counts
    check = "通过" if r.conservation.ok else "未通过"
    sections = f"{c.sections} 个栏目，" if r.kind == "issue" else ""
    out += ["", f"合计：{sections}{c.documents} 件文件，{c.attachments} 件附属正文，"
                f"{c.interpretations} 篇解读（已配对 {c.paired}），{c.blocks} 段，{c.characters} 个字符；"
                f"字符核对{check}（原文 {r.conservation.expected} 字 = 入库 {r.conservation.stored} 字）"]
    return "\n".join(out) + "\n"


__all__ = ["shorter_than_library", "ImportReport", "ReportDocument", "ReportSection", "Pairing", "Existing", "Counts", "build_report",
           "NEW", "SAME", "CHANGED"]
