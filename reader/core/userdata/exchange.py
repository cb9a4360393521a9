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
from ..messages import Msg, render

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
        return self.source_in("zh_CN")

    def source_in(self, language: str) -> str:
        """Where it was printed: 《publication》issue, the page (its words in ``language``)."""
        parts = []
        if self.issue:
            parts.append((f"《{self.publication}》" if self.publication else "") + self.issue)
        if self.page:
            parts.append(render(Msg("export.page", page=self.page), language))
        return ("，" if language == "zh_CN" else ", ").join(parts)

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


# Limits on what a bookmark file may hold: far above any real use, low enough that no
# field can overflow SQLite, datetime or the window (a bad record refuses the whole file).
MAX_FILE_BYTES = 64 * 1024 * 1024
MAX_RECORDS = 200_000
MAX_DEPTH = 8                   # {file {bookmarks [record {anchor {…}}]}}: 5 deep; nothing needs more
MAX_NOTE = 200_000              # characters
MAX_TEXT = 20_000               # quote, title
MAX_SHORT = 1_000               # doc_key, prefix, suffix, one tag
MAX_TAGS = 1_000
MAX_POSITION = 10_000_000       # block number or character offset
FIRST_YEAR, LAST_YEAR = 1900, 2200


def _shown(value) -> str:
    """A value quoted in a one-line message: short, no line breaks."""
    text = repr(value)
    return (text[:40] + "…") if len(text) > 40 else text


def _field(rec: dict, name: str, kind, optional: bool = False, limit: int | None = None):
    value = rec.get(name)
    if value is None and optional:
        return None
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ValueError(Msg("exchange.field_missing", name=name))
    if isinstance(value, str) and limit is not None and len(value) > limit:
        raise ValueError(Msg("exchange.field_too_long", name=name, n=len(value), limit=limit))
    if isinstance(value, int) and not 0 <= value <= MAX_POSITION:
        raise ValueError(Msg("exchange.field_range", name=name, value=_shown(value)))
    return value


def _time(rec: dict, name: str, optional: bool = False) -> str | None:
    value = _field(rec, name, str, optional, limit=64)
    if value is None:
        return None
    try:
        when = parse_stamp(value)
    except (ValueError, OverflowError):
        raise ValueError(Msg("exchange.field_time", name=name, value=_shown(value))) from None
    if not FIRST_YEAR <= when.year <= LAST_YEAR:
        raise ValueError(Msg("exchange.field_year", name=name, first=FIRST_YEAR, last=LAST_YEAR, value=_shown(value)))
    return value


def _anchor(raw) -> Anchor | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise ValueError(Msg("exchange.anchor_object"))
    prefix, suffix = raw.get("prefix", ""), raw.get("suffix", "")
    if not isinstance(prefix, str) or not isinstance(suffix, str):
        raise ValueError(Msg("exchange.anchor_strings"))
    if len(prefix) > MAX_SHORT or len(suffix) > MAX_SHORT:
        raise ValueError(Msg("exchange.anchor_long"))
    a = Anchor(_field(raw, "block", int), _field(raw, "start", int), _field(raw, "end", int),
               _field(raw, "quote", str, limit=MAX_TEXT), prefix, suffix)
    if not (a.block >= 0 and 0 <= a.start <= a.end):
        raise ValueError(Msg("exchange.anchor_place"))
    return a


def _optional_text(rec: dict, name: str, limit: int) -> str:
    value = rec.get(name)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise ValueError(Msg("exchange.field_string", name=name))
    if len(value) > limit:
        raise ValueError(Msg("exchange.field_too_long", name=name, n=len(value), limit=limit))
    return value


def _bookmark(rec) -> Bookmark:
    if not isinstance(rec, dict):
        raise ValueError(Msg("exchange.not_object"))
    try:
        bid = str(uuid.UUID(_field(rec, "id", str, limit=64)))
    except (ValueError, AttributeError):
        raise ValueError(Msg("exchange.bad_id", value=_shown(rec.get('id')))) from None
    note_type = _field(rec, "note_type", str, limit=MAX_SHORT)
    if note_type not in NOTE_TYPES:
        raise ValueError(Msg("exchange.note_type", value=_shown(note_type)))
    color = _field(rec, "color", str, limit=16)
    if not COLOR.match(color):
        raise ValueError(Msg("exchange.color", value=_shown(color)))
    tags = _field(rec, "tags", list)
    if len(tags) > MAX_TAGS:
        raise ValueError(Msg("exchange.too_many_tags", n=len(tags), limit=MAX_TAGS))
    if not all(isinstance(t, str) and len(t) <= MAX_SHORT for t in tags):
        raise ValueError(Msg("exchange.tags"))
    status = rec.get("status")
    if status is None:
        status = DETACHED
    elif status not in STATUSES:
        raise ValueError(Msg("exchange.anchor_status", value=_shown(status)))
    doc_key = _field(rec, "doc_key", str, limit=MAX_SHORT)
    if not doc_key.strip():
        raise ValueError(Msg("exchange.no_doc_key"))
    for name in ("citation", "note_type_label", "exported"):
        if name in rec and not isinstance(rec[name], (dict, str, type(None))):
            raise ValueError(Msg("exchange.field_type", name=name))
    return Bookmark(bid, doc_key, _anchor(rec.get("anchor")), _field(rec, "note", str, limit=MAX_NOTE),
                    note_type, tuple(tags), color, _time(rec, "created"), _time(rec, "updated"), status,
                    _optional_text(rec, "fingerprint", 128), _optional_text(rec, "doc_title", MAX_TEXT),
                    _time(rec, "deleted", optional=True), _time(rec, "done", optional=True))


def _depth(data) -> int:
    """How deeply lists and objects nest (iteratively: a deep file must not exhaust the stack)."""
    deepest, stack = 0, [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (dict, list)):
            deepest = max(deepest, depth)
            if depth > MAX_DEPTH:
                return depth
            stack.extend((v, depth + 1) for v in (value.values() if isinstance(value, dict) else value))
    return deepest




def _refuse_unstorable(data) -> None:
    """JSON can spell a lone surrogate ("\\ud800"), which no UTF-8 database can hold."""
    try:
        json.dumps(data, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as e:
        raise ExchangeRefused(Msg("exchange.surrogate", code=f"{ord(e.object[e.start]):04X}")) from None


def _reason(e: BaseException) -> str:
    """An exception's message as raised (a Msg stays one; ``str(e)`` would make it plain text)."""
    return e.args[0] if e.args and isinstance(e.args[0], str) else str(e)


def parse_export(text: str) -> tuple[list[Bookmark], list[ReadMark]]:
    """Read a JSON export completely, or refuse it with one line naming the first bad record."""
    if len(text) > MAX_FILE_BYTES:
        raise ExchangeRefused(Msg("exchange.too_big", limit=MAX_FILE_BYTES // 1048576))
    try:
        data = json.loads(text)
    except RecursionError:
        raise ExchangeRefused(Msg("exchange.too_deep", limit=MAX_DEPTH)) from None
    except ValueError:
        raise ExchangeRefused(Msg("exchange.not_json")) from None
    _refuse_unstorable(data)
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise ExchangeRefused(Msg("exchange.no_format", format=FORMAT))
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise ExchangeRefused(Msg("exchange.no_version"))
    if version > VERSION:
        raise ExchangeRefused(Msg("exchange.version", version=_shown(version), ours=VERSION))
    records = data.get("bookmarks")
    if not isinstance(records, list):
        raise ExchangeRefused(Msg("exchange.no_list"))
    if len(records) > MAX_RECORDS:
        raise ExchangeRefused(Msg("exchange.too_many", n=len(records), limit=MAX_RECORDS))
    marks: list[Bookmark] = []
    for i, rec in enumerate(records, 1):
        try:
            if _depth(rec) > MAX_DEPTH - 2:
                raise ValueError(Msg("exchange.too_deep_record"))
            marks.append(_bookmark(rec))
        except ValueError as e:
            bid = rec.get("id") if isinstance(rec, dict) else None
            named = Msg("exchange.named_id", id=_shown(bid)) if isinstance(bid, str) and "UUID" not in str(e) else ""
            raise ExchangeRefused(Msg("exchange.bad_record", i=i, error=_reason(e), named=named)) from None
    if len({b.id for b in marks}) != len(marks):
        raise ExchangeRefused(Msg("exchange.duplicate_ids"))
    raw_reads = data.get("read_marks") or []
    if not isinstance(raw_reads, list) or len(raw_reads) > MAX_RECORDS:
        raise ExchangeRefused(Msg("exchange.read_marks_list"))
    reads = []
    for i, rec in enumerate(raw_reads, 1):
        try:
            if not isinstance(rec, dict):
                raise ValueError(Msg("exchange.not_object"))
            reads.append(ReadMark(_field(rec, "doc_key", str, limit=MAX_SHORT), _time(rec, "when")))
        except ValueError as e:
            raise ExchangeRefused(Msg("exchange.bad_read_mark", i=i, error=_reason(e))) from None
    return marks, reads


def import_text(store, text: str) -> ImportReport:
    marks, reads = parse_export(text)
    return store.merge(marks, reads)


def decode_file(data: bytes) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ExchangeRefused(Msg("exchange.not_utf8")) from None


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


def export_markdown(store, library=None, ids=None, language: str = "zh_CN") -> str:
    """For reading: its own words (headings, labels) in ``language``; what was bookmarked as it is."""
    def say(code, **params):
        return render(Msg(code, **params), language)
    refs = References(library)
    marks = _reading_order(_selected(store, ids, include_trash=False))
    out = [f"# {say('export.title')}", "", say("export.summary", when=_when(now_stamp()), n=len(marks)), ""]
    for n, b in enumerate(marks, 1):
        ref = refs.of(b)
        out += ["---", "", f"## {n}. {_md_text(ref.heading)}", ""]
        if ref.source_in(language):
            out += [_md_text(ref.source_in(language)), ""]
        out += [_md_text(_meta_line(b, language)), ""]
        if b.quote:
            out += ["> " + line for line in _md_text(b.quote).splitlines()] + [""]
        if b.note.strip():
            # The note is Markdown already; only raw HTML is neutralised.
            out += [b.note.replace("&", "&amp;").replace("<", "&lt;").strip(), ""]
    return "\n".join(out)


def _meta_line(b: Bookmark, language: str = "zh_CN") -> str:
    parts = [render(NOTE_TYPE_LABELS.get(b.note_type, b.note_type), language)]
    if b.tags:
        parts.append(render(Msg("export.tags", tags=tuple(b.tags)), language))
    parts.append(render(Msg("export.changed", created=_when(b.created), updated=_when(b.updated)), language)
                 if b.updated != b.created else _when(b.created))
    if b.status != ATTACHED:
        parts.append(render(b.status_label, language))
    if not b.anchor:
        parts.append(render(Msg("export.whole"), language))
    return " · ".join(parts)


_CSS = """body{font-family:"Noto Serif CJK SC","Source Han Serif SC","Songti SC",SimSun,serif;max-width:46em;
margin:2em auto;padding:0 1em;line-height:1.7;color:#222}
h1{font-size:1.6em}h2{font-size:1.15em;margin:0 0 .3em}
article{border-left:6px solid #ffd54f;padding:.4em 0 .4em 1em;margin:1.6em 0}
.source,.meta{color:#555;margin:.2em 0}.meta{font-size:.9em}
blockquote{margin:.6em 0;padding:.3em .8em;background:#f6f6f2}
.note-link,.note-image{color:#335}"""


def export_html(store, library=None, ids=None, language: str = "zh_CN") -> str:
    """A self-contained page: escaped text, notes rendered safely, no scripts or external resources.
    Its own words in ``language``."""
    from .notes import note_html
    esc = html.escape
    refs = References(library)
    marks = _reading_order(_selected(store, ids, include_trash=False))
    title = esc(render(Msg("export.title"), language))
    summary = esc(render(Msg("export.summary", when=_when(now_stamp()), n=len(marks)), language))
    parts = ["<!DOCTYPE html>", f'<html lang="{"zh-CN" if language == "zh_CN" else "en"}"><head><meta charset="utf-8">',
             "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
             f"<title>{title}</title>", f"<style>{_CSS}</style></head><body>", f"<h1>{title}</h1>",
             f'<p class="meta">{summary}</p>']
    for b in marks:
        ref = refs.of(b)
        parts.append(f'<article style="border-left-color:{b.color}">')   # colour validated as #rrggbb
        parts.append(f"<h2>{esc(ref.heading)}</h2>")
        if ref.source_in(language):
            parts.append(f'<p class="source">{esc(ref.source_in(language))}</p>')
        parts.append(f'<p class="meta">{esc(_meta_line(b, language))}</p>')
        if b.quote:
            parts.append(f"<blockquote>{esc(b.quote)}</blockquote>")
        if b.note.strip():
            parts.append(f'<div class="note">{note_html(b.note, language)}</div>')
        parts.append("</article>")
    parts.append("</body></html>\n")
    return "\n".join(parts)


def export_text(fmt: str, store, library=None, ids=None, language: str = "zh_CN") -> str:
    """``language``: of the words Markdown and HTML add (JSON is data, the same in any language)."""
    if fmt == "json":
        return export_json(store, library, ids)
    if fmt == "md":
        return export_markdown(store, library, ids, language)
    if fmt == "html":
        return export_html(store, library, ids, language)
    raise ValueError(Msg("exchange.format", format=fmt))


def format_for(path: str, fmt: str | None) -> str:
    """The format asked for, else the file's extension, else JSON."""
    if fmt:
        return fmt
    ext = path.rsplit(".", 1)[-1].lower() if "." in path else ""
    return {"md": "md", "markdown": "md", "html": "html", "htm": "html"}.get(ext, "json")
