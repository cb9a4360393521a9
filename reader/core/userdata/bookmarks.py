"""What user data is made of: frozen dataclasses the GUI and the exchange formats share.

A bookmark points at a document by its stable library key and, for a passage,
at characters inside one block. It also keeps the quoted text and a little
context around it, so it can be found again after the library is rebuilt.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from ..location import Location
from ..messages import Msg

# Note types: stable English codes in the database and in exports; Chinese on screen.
NOTE = "note"
INSTRUCTION = "instruction"
TODO = "todo"
NOTE_TYPES = (NOTE, INSTRUCTION, TODO)
NOTE_TYPE_LABELS = {NOTE: Msg("bookmark.type_note"), INSTRUCTION: Msg("bookmark.type_instruction"),
                    TODO: Msg("bookmark.type_todo")}

# Anchor status after the content changed: still at its offsets, found elsewhere, or not found.
ATTACHED = "attached"
MOVED = "moved"
DETACHED = "detached"
STATUSES = (ATTACHED, MOVED, DETACHED)
STATUS_LABELS = {ATTACHED: Msg("bookmark.attached"), MOVED: Msg("bookmark.moved"), DETACHED: Msg("bookmark.detached")}

DEFAULT_COLOR = "#ffd54f"
COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")

_STAMP = "%Y-%m-%dT%H:%M:%S.%fZ"


def now_stamp() -> str:
    """ISO-8601 UTC with microseconds and a Z, so stamps also sort as strings."""
    return datetime.now(timezone.utc).strftime(_STAMP)


def parse_stamp(text: str) -> datetime:
    """Any ISO-8601 time (an imported file may be hand-edited); naive times count as UTC."""
    t = datetime.fromisoformat(text.replace("Z", "+00:00"))
    return t if t.tzinfo else t.replace(tzinfo=timezone.utc)


def normal_stamp(text: str) -> str:
    return parse_stamp(text).astimezone(timezone.utc).strftime(_STAMP)


def stamp_after(previous: str) -> str:
    """Now, but strictly later than ``previous``: an edit must always win over what it replaced."""
    now = datetime.now(timezone.utc)
    try:
        prev = parse_stamp(previous)
        if now <= prev:
            now = prev + timedelta(microseconds=1)
    except (ValueError, OverflowError):
        # A stamp planted at the end of time (9999-12-31T23:59:59.999999Z) by an older program's
        # import: nothing is later, so the edit keeps it; the bookmark stays editable and deletable.
        return previous
    return now.strftime(_STAMP)


def clean_tags(tags) -> tuple[str, ...]:
    """Trimmed, without empties or repeats, in the order given."""
    seen: dict[str, None] = {}       # a dict keeps the order and finds repeats in constant time
    for t in tags or ():
        t = " ".join(str(t).split())
        if t:
            seen.setdefault(t)
    return tuple(seen)


@dataclass(frozen=True)
class Anchor:
    """A passage: ``text[start:end]`` of block ``block`` equals ``quote`` while attached."""
    block: int
    start: int
    end: int
    quote: str
    prefix: str = ""      # up to a few dozen characters before the quote, same block
    suffix: str = ""      # and after it; they tell repeated quotes apart


@dataclass(frozen=True)
class Bookmark:
    id: str                       # uuid4, kept through edits, exports and imports
    doc_key: str                  # Document.key / DocInfo.key
    anchor: Anchor | None         # None: the whole document
    note: str = ""                # Markdown (render with notes.note_html)
    note_type: str = NOTE
    tags: tuple[str, ...] = ()
    color: str = DEFAULT_COLOR
    created: str = ""
    updated: str = ""             # the user's last edit; decides which copy wins on import
    status: str = ATTACHED
    fingerprint: str = ""         # the document's fingerprint the anchor was last checked against
    doc_title: str = ""           # the title when last seen, for bookmarks whose document is gone
    deleted: str | None = None    # in the trash since then (restore() takes it back)
    done: str | None = None       # a 待办 ticked 已办 at this time; None while open

    @property
    def is_passage(self) -> bool:
        return self.anchor is not None

    @property
    def quote(self) -> str:
        return self.anchor.quote if self.anchor else ""

    @property
    def location(self) -> Location:
        """Where to scroll and what to highlight (length 0 for a whole-document bookmark)."""
        a = self.anchor
        if a is None:
            return Location(self.doc_key)
        return Location(self.doc_key, a.block, a.start, a.end - a.start)

    @property
    def note_type_label(self) -> str:
        return NOTE_TYPE_LABELS.get(self.note_type, self.note_type)

    @property
    def status_label(self) -> str:
        return STATUS_LABELS.get(self.status, self.status)


@dataclass(frozen=True)
class ReadMark:
    """圈阅: the reader marked the document as read."""
    doc_key: str
    when: str


@dataclass(frozen=True)
class TagCount:
    tag: str
    count: int


@dataclass(frozen=True)
class ImportReport:
    """What merging a file did, by bookmark id."""
    added: tuple[str, ...] = ()
    updated: tuple[str, ...] = ()          # the file's copy was newer
    unchanged: tuple[str, ...] = ()        # same, or the copy here is newer (kept)
    read_marks_added: int = 0

    def summary(self) -> str:
        from ..messages import Msg
        return Msg("bookmarks.merged", added=len(self.added), updated=len(self.updated),
                   unchanged=len(self.unchanged))


@dataclass(frozen=True)
class Change:
    """What a committed mutation did, for listeners (a panel, the highlighter)."""
    kind: str                              # added updated deleted restored purged anchored read unread imported
    ids: tuple[str, ...] = ()
    doc_keys: tuple[str, ...] = field(default=())
