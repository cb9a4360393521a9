"""Bookmarks to and from files: JSON to move them between machines, Markdown and HTML to read.

JSON format (``"format": "gazette-reader-bookmarks"``, ``"version": 1``)::

    { "format", "version", "exported", "library_build",
      "bookmarks": [ { "id", "doc_key", "doc_title",
                       "anchor": {"block", "start", "end", "quote", "prefix", "suffix"} | null,
                       "status", "fingerprint", "note", "note_type", "note_type_label", "tags": [str],
                       "color", "created", "updated", "deleted" (null or time), "done" (null or time),
                       "citation": {"text", "title", "doc_number", "publication", "issue", "page"} } ],
      "read_marks": [ {"doc_key", "when"} ] }          # only when exporting everything

Importing merges by id: unknown ids are added, known ones replaced only when
the file's ``updated`` is later. A file is checked completely before anything
is written, and written in one transaction. ``citation`` and ``note_type_label``
are for people and other programs; import ignores them.
"""
from __future__ import annotations

import html
import json
import uuid
from dataclasses import dataclass
from datetime import timezone

from .bookmarks import (ATTACHED, COLOR, DETACHED, NOTE_TYPE_LABELS, NOTE_TYPES, STATUSES, Anchor, Bookmark,
                        ImportReport, ReadMark, now_stamp, parse_stamp)

FORMAT = "gazette-reader-bookmarks"
VERSION = 1


class ExchangeRefused(Exception):
    """The file is not a bookmark export this program can read; nothing was changed."""


@dataclass(frozen=True)
class Reference:
    """How to cite the document a bookmark is in: 《title》（文号）, the issue and the printed page."""
    title: str
    doc_number: str | None = None
    publication: str | None = None
    issue: str | None = None
    page: int | None = None

    @property
    def heading(self) -> str:
        return f"《{self.title}》" + (f"（{self.doc_number}）" if self.doc_number else "")

    @property
    def source(self) -> str:
        parts = []
        if self.issue:
            parts.append((f"《{self.publication}》" if self.publication else "") + self.issue)
        if self.page:
            parts.append(f"第 {self.page} 页")
        return "，".join(parts)

    @property
    def text(self) -> str:
        return "，".join(p for p in (self.heading, self.source) if p)


class References:
    """Citations from a library, cached per document; without a library, from what the bookmark kept."""

    def __init__(self, library=None):
        self.library = library
        self._cache: dict[str, Reference | None] = {}

    def _lookup(self, doc_key: str) -> Reference | None:
        try:
            view = self.library.document(doc_key)
        except Exception:       # a damaged library must not stop an export
            return None
        if view is None:
            return None
        info, parent = view.info, view.parent
        number, page = info.doc_number, info.page
        if info.role == "attachment" and parent is not None:   # printed with, and under the number of, its notice
            number, page = number or parent.doc_number, page or parent.page
        return Reference(info.title, number, view.publication, view.issue_label, page)

    def of(self, b: Bookmark) -> Reference:
        if self.library is not None and b.doc_key not in self._cache:
            self._cache[b.doc_key] = self._lookup(b.doc_key)
        return self._cache.get(b.doc_key) or Reference(b.doc_title or b.doc_key)


def _selected(store, ids, include_trash: bool) -> list[Bookmark]:
    marks = store.all_bookmarks()
    if ids is not None:
        wanted = set(ids)
        return [b for b in marks if b.id in wanted]
    return [b for b in marks if include_trash or b.deleted is None]


# -- JSON ------------------------------------------------------------------------------
def bookmark_record(b: Bookmark, ref: Reference) -> dict:
    a = b.anchor
    return {
        "id": b.id, "doc_key": b.doc_key, "doc_title": b.doc_title,
        "anchor": None if a is None else {"block": a.block, "start": a.start, "end": a.end, "quote": a.quote,
                                          "prefix": a.prefix, "suffix": a.suffix},
        "status": b.status, "fingerprint": b.fingerprint, "note": b.note, "note_type": b.note_type,
        "note_type_label": b.note_type_label, "tags": list(b.tags), "color": b.color,
        "created": b.created, "updated": b.updated, "deleted": b.deleted, "done": b.done,
        "citation": {"text": ref.text, "title": ref.title, "doc_number": ref.doc_number,
                     "publication": ref.publication, "issue": ref.issue, "page": ref.page},
    }


def export_json(store, library=None, ids=None, include_trash: bool = True) -> str:
    """Everything (trash and 圈阅 marks included), or just the bookmarks ``ids``."""
    refs = References(library)
    data = {
        "format": FORMAT, "version": VERSION, "exported": now_stamp(),
        "library_build": _build_id(library),
        "bookmarks": [bookmark_record(b, refs.of(b)) for b in _selected(store, ids, include_trash)],
    }
    if ids is None:
        data["read_marks"] = [{"doc_key": m.doc_key, "when": m.when}
                              for m in sorted(store.read_marks().values(), key=lambda m: m.doc_key)]
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _build_id(library) -> str | None:
    try:
        return library.meta("build_id") if library is not None else None
    except Exception:
        return None


def _field(rec: dict, name: str, kind, optional: bool = False):
    value = rec.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ValueError(f"字段 {name} 缺失或类型不对")
    return value


def _time(rec: dict, name: str, optional: bool = False) -> str | None:
    value = _field(rec, name, str, optional)
    if value is None:
        return None
    try:
        parse_stamp(value)
    except ValueError:
        raise ValueError(f"字段 {name} 不是 ISO-8601 时间：{value}") from None
    return value


def _anchor(raw) -> Anchor | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ValueError("anchor 应为对象或 null")
    prefix, suffix = raw.get("prefix", ""), raw.get("suffix", "")
    if not isinstance(prefix, str) or not isinstance(suffix, str):
        raise ValueError("anchor 的 prefix/suffix 应为字符串")
    a = Anchor(_field(raw, "block", int), _field(raw, "start", int), _field(raw, "end", int),
               _field(raw, "quote", str), prefix, suffix)
    if not (a.block >= 0 and 0 <= a.start <= a.end):
        raise ValueError("anchor 的位置无效")
    return a


def _bookmark(rec) -> Bookmark:
    if not isinstance(rec, dict):
        raise ValueError("不是对象")
    try:
        bid = str(uuid.UUID(_field(rec, "id", str)))
    except (ValueError, AttributeError):
        raise ValueError(f"id 不是 UUID：{rec.get('id')!r}") from None
    note_type = _field(rec, "note_type", str)
    if note_type not in NOTE_TYPES:
        raise ValueError(f"未知的批注类型：{note_type}")
    color = _field(rec, "color", str)
    if not COLOR.match(color):
        raise ValueError(f"颜色应为 #rrggbb：{color}")
    tags = _field(rec, "tags", list)
    if not all(isinstance(t, str) for t in tags):
        raise ValueError("tags 应为字符串列表")
    status = rec.get("status") if rec.get("status") in STATUSES else DETACHED
    doc_key = _field(rec, "doc_key", str)
    if not doc_key.strip():
        raise ValueError("doc_key 为空")
    return Bookmark(bid, doc_key, _anchor(rec.get("anchor")), _field(rec, "note", str),
                    note_type, tuple(tags), color, _time(rec, "created"), _time(rec, "updated"), status,
                    rec.get("fingerprint") if isinstance(rec.get("fingerprint"), str) else "",
                    rec.get("doc_title") if isinstance(rec.get("doc_title"), str) else "",
                    _time(rec, "deleted", optional=True), _time(rec, "done", optional=True))


def parse_export(text: str) -> tuple[list[Bookmark], list[ReadMark]]:
    """Read a JSON export completely, or refuse it with one line saying why."""
    try:
        data = json.loads(text)
    except ValueError:
        raise ExchangeRefused("不是书签导出文件（不是有效的 JSON）") from None
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExchangeRefused(f"不是书签导出文件（缺少 \"format\": \"{FORMAT}\"）")
    version = data.get("version")
    if not isinstance(version, int) or version < 1:
        raise ExchangeRefused("书签文件缺少有效的版本号")
    if version > VERSION:
        raise ExchangeRefused(f"书签文件格式版本为 {version}，本程序只能读取 {VERSION}：请升级程序")
    records = data.get("bookmarks")
    if not isinstance(records, list):
        raise ExchangeRefused("书签文件缺少 bookmarks 列表")
    marks: list[Bookmark] = []
    for i, rec in enumerate(records, 1):
        try:
            marks.append(_bookmark(rec))
        except ValueError as e:
            raise ExchangeRefused(f"第 {i} 条书签无效：{e}") from None
    if len({b.id for b in marks}) != len(marks):
        raise ExchangeRefused("书签文件中有重复的 id")
    reads = []
    for i, rec in enumerate(data.get("read_marks") or [], 1):
        try:
            reads.append(ReadMark(_field(rec, "doc_key", str), _time(rec, "when")))
        except (ValueError, AttributeError) as e:
            raise ExchangeRefused(f"第 {i} 个圈阅记录无效：{e}") from None
    return marks, reads


def import_text(store, text: str) -> ImportReport:
    marks, reads = parse_export(text)
    return store.merge(marks, reads)


def decode_file(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExchangeRefused("不是书签导出文件（不是 UTF-8 文本）") from None


# -- for reading: Markdown and HTML ------------------------------------------------------
def _reading_order(marks: list[Bookmark]) -> list[Bookmark]:
    return sorted(marks, key=lambda b: (b.doc_key, b.anchor is not None, b.anchor.block if b.anchor else 0,
                                        b.anchor.start if b.anchor else 0, b.created))


def _when(stamp: str) -> str:
    return parse_stamp(stamp).astimezone(timezone.utc).strftime("%Y-%m-%d %H:%M UTC")


def _md_text(text: str) -> str:
    """Plain text inside Markdown: no HTML, no accidental emphasis or links."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    for ch in "\\`*_[]#|":
        text = text.replace(ch, "\\" + ch)
    return text


def export_markdown(store, library=None, ids=None) -> str:
    refs = References(library)
    marks = _reading_order(_selected(store, ids, include_trash=False))
    out = ["# 书签与批注", "", f"导出时间：{_when(now_stamp())}，共 {len(marks)} 条", ""]
    for n, b in enumerate(marks, 1):
        ref = refs.of(b)
        out += ["---", "", f"## {n}. {_md_text(ref.heading)}", ""]
        if ref.source:
            out += [_md_text(ref.source), ""]
        out += [_md_text(_meta_line(b)), ""]
        if b.quote:
            out += ["> " + line for line in _md_text(b.quote).splitlines()] + [""]
        if b.note.strip():
            # The note is Markdown already; only raw HTML is neutralised.
            out += [b.note.replace("&", "&amp;").replace("<", "&lt;").strip(), ""]
    return "\n".join(out)


def _meta_line(b: Bookmark) -> str:
    parts = [NOTE_TYPE_LABELS.get(b.note_type, b.note_type)]
    if b.tags:
        parts.append("标签：" + "、".join(b.tags))
    parts.append(f"{_when(b.created)}" + (f"（修改于 {_when(b.updated)}）" if b.updated != b.created else ""))
    if b.status != ATTACHED:
        parts.append(b.status_label)
    if not b.anchor:
        parts.append("整篇书签")
    return " · ".join(parts)


_CSS = """body{font-family:"Noto Serif CJK SC","Source Han Serif SC","Songti SC",SimSun,serif;max-width:46em;
margin:2em auto;padding:0 1em;line-height:1.7;color:#222}
h1{font-size:1.6em}h2{font-size:1.15em;margin:0 0 .3em}
article{border-left:6px solid #ffd54f;padding:.4em 0 .4em 1em;margin:1.6em 0}
.source,.meta{color:#555;margin:.2em 0}.meta{font-size:.9em}
blockquote{margin:.6em 0;padding:.3em .8em;background:#f6f6f2}
.note-link,.note-image{color:#335}"""


def export_html(store, library=None, ids=None) -> str:
    """A self-contained page: escaped text, notes rendered safely, no scripts or external resources."""
    from .notes import note_html
    esc = html.escape
    refs = References(library)
    marks = _reading_order(_selected(store, ids, include_trash=False))
    parts = ["<!DOCTYPE html>", '<html lang="zh-CN"><head><meta charset="utf-8">',
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
             "<title>书签与批注</title>", f"<style>{_CSS}</style></head><body>", "<h1>书签与批注</h1>",
             f'<p class="meta">导出时间：{esc(_when(now_stamp()))}，共 {len(marks)} 条</p>']
    for b in marks:
        ref = refs.of(b)
        parts.append(f'<article style="border-left-color:{b.color}">')   # colour validated as #rrggbb
        parts.append(f"<h2>{esc(ref.heading)}</h2>")
        if ref.source:
            parts.append(f'<p class="source">{esc(ref.source)}</p>')
        parts.append(f'<p class="meta">{esc(_meta_line(b))}</p>')
        if b.quote:
            parts.append(f"<blockquote>{esc(b.quote)}</blockquote>")
        if b.note.strip():
            parts.append(f'<div class="note">{note_html(b.note)}</div>')
        parts.append("</article>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def export_text(fmt: str, store, library=None, ids=None) -> str:
    if fmt == "json":
        return export_json(store, library, ids)
    if fmt == "md":
        return export_markdown(store, library, ids)
    if fmt == "html":
        return export_html(store, library, ids)
    raise ValueError(f"未知的导出格式：{fmt}")


def format_for(path: str, fmt: str | None) -> str:
    """The format asked for, else the file's extension, else JSON."""
    if fmt:
        return fmt
    ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return {"md": "md", "markdown": "md", "html": "html", "htm": "html"}.get(ext, "json")
