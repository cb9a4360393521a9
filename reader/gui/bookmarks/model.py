"""Bookmarks as a two-level tree: groups (a document, or a tag) and their bookmarks.

A thin model over a list the panel hands it; grouping and filtering are done
when the list is set, the model only answers the view.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from enum import IntEnum

from PySide6.QtCore import QT_TRANSLATE_NOOP, QAbstractItemModel, QCoreApplication, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from ...core.userdata import DETACHED, TODO, Bookmark
from ..plain import tooltip

_C = "BookmarkModel"
NOTE_TYPES = {"note": QT_TRANSLATE_NOOP("BookmarkModel", "Note"),
              "instruction": QT_TRANSLATE_NOOP("BookmarkModel", "Instruction"),
              "todo": QT_TRANSLATE_NOOP("BookmarkModel", "Follow-up")}
STATUSES = {"attached": QT_TRANSLATE_NOOP("BookmarkModel", "In place"),
            "moved": QT_TRANSLATE_NOOP("BookmarkModel", "Text moved; found again"),
            "detached": QT_TRANSLATE_NOOP("BookmarkModel", "Passage no longer found (bookmark kept)")}


def label(table: dict, code: str) -> str:
    return QCoreApplication.translate(_C, table.get(code, code))


class Roles(IntEnum):
    Bookmark = Qt.ItemDataRole.UserRole + 1


@dataclass(eq=False)
class Group:
    title: str
    tip: str
    items: list[Bookmark] = field(default_factory=list)


def group_by_document(bookmarks: list[Bookmark], describe) -> list[Group]:
    """``describe(doc_key) -> (title, tooltip)``; groups in issue order, newest issue first."""
    groups: dict[str, Group] = {}
    for b in bookmarks:
        if b.doc_key not in groups:
            title, tip = describe(b)
            groups[b.doc_key] = Group(title, tip)
        groups[b.doc_key].items.append(b)
    return list(groups.values())


def group_by_tag(bookmarks: list[Bookmark]) -> list[Group]:
    groups: dict[str, Group] = {}
    untagged = QCoreApplication.translate("BookmarkModel", "(no tag)")
    for b in bookmarks:
        for t in b.tags or (untagged,):
            groups.setdefault(t, Group(t, t)).items.append(b)
    return [groups[k] for k in sorted(groups, key=lambda k: (k == untagged, k))]


def done_label(b: Bookmark) -> str:
    """"已办 05-06 14:30" (local time) for a ticked 待办, else ""."""
    if not b.done:
        return ""
    from ...core.userdata.bookmarks import parse_stamp
    when = parse_stamp(b.done).astimezone().strftime("%m-%d %H:%M")
    return QCoreApplication.translate("BookmarkModel", "Done {0}").format(when)


class BookmarkModel(QAbstractItemModel):
    done_requested = Signal(object, bool)    # a 待办 ticked or unticked in the list: (Bookmark, done)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.groups: list[Group] = []
        self.warn = "#9a3b2f"       # the theme's colour for a passage no longer found

    def set_groups(self, groups: list[Group]) -> None:
        self.beginResetModel()
        self.groups = groups
        self.endResetModel()

    def bookmark_count(self) -> int:
        return sum(len(g.items) for g in self.groups)

    def index(self, row, column, parent=QModelIndex()):
        if column != 0 or row < 0:
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, None) if row < len(self.groups) else QModelIndex()
        if parent.internalPointer() is None and parent.row() < len(self.groups):
            g = self.groups[parent.row()]
            return self.createIndex(row, 0, g) if row < len(g.items) else QModelIndex()
        return QModelIndex()

    def parent(self, index=QModelIndex()):
        if not index.isValid() or index.internalPointer() is None:
            return QModelIndex()
        g = index.internalPointer()
        return self.createIndex(self.groups.index(g), 0, None)

    def rowCount(self, parent=QModelIndex()):
        if not parent.isValid():
            return len(self.groups)
        if parent.column() != 0 or parent.internalPointer() is not None:
            return 0
        return len(self.groups[parent.row()].items)

    def columnCount(self, parent=QModelIndex()):
        return 1

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        b = self.bookmark(index)
        if b is not None and b.note_type == TODO:
            flags |= Qt.ItemFlag.ItemIsUserCheckable    # a 待办 is ticked off where it is listed
        return flags

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole):  # noqa: N802
        b = self.bookmark(index)
        if b is None or b.note_type != TODO or role != Qt.ItemDataRole.CheckStateRole:
            return False
        done = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        self.done_requested.emit(b, done)    # the store changes; the list is refilled from it
        return True

    def bookmark(self, index) -> Bookmark | None:
        if index.isValid() and index.internalPointer() is not None:
            return index.internalPointer().items[index.row()]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        b = self.bookmark(index)
        if b is None:
            g = self.groups[index.row()]
            if role == Qt.ItemDataRole.DisplayRole:
                return QCoreApplication.translate("BookmarkModel", "{0} ({1})").format(g.title, len(g.items))
            if role == Qt.ItemDataRole.ToolTipRole:
                return tooltip(g.tip)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            what = b.quote or QCoreApplication.translate("BookmarkModel", "Whole document")
            if len(what) > 40:
                what = what[:40] + "…"
            note = b.note.strip().splitlines()[0][:30] if b.note.strip() else ""
            done = done_label(b)
            kind = label(NOTE_TYPES, b.note_type) + (f"·{done}" if done else "")
            kind = QCoreApplication.translate("BookmarkModel", "[{0}]", "a bookmark's type").format(kind)
            return f"{kind}{what}" + (f" — {note}" if note else "")
        if role == Qt.ItemDataRole.CheckStateRole and b.note_type == TODO:
            return Qt.CheckState.Checked if b.done else Qt.CheckState.Unchecked
        if role == Qt.ItemDataRole.ToolTipRole:
            parts = [b.doc_title, b.quote, b.note, QCoreApplication.translate("BookmarkModel", ", ", "between tags").join(b.tags), label(STATUSES, b.status), done_label(b)]
            return tooltip("\n".join(p for p in parts if p))   # the raw note, never rendered here
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(b.color)
        if role == Qt.ItemDataRole.ForegroundRole and b.status == DETACHED:
            return QColor(self.warn)
        if role == Roles.Bookmark:
            return b
        return None
