"""The year → issue → section → document tree: one thin, lazy item model over the facade.

The years are read up front (one small query); a node's children, a year's issues
too, are read when the view first asks (canFetchMore/fetchMore), so every step is
bounded by one year of a decade's library. An interpretation sits under the policy
it explains; the single documents (no issue) are the last top-level row.
"""
from __future__ import annotations

from enum import IntEnum

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QPersistentModelIndex, Qt

from ..core.library import Library
from ..core.records import DocInfo
from .plain import tooltip
from .untitled import shown_title


class Roles(IntEnum):
    Key = Qt.ItemDataRole.UserRole + 1      # year (int), issue key, section id or document key
    Kind = Qt.ItemDataRole.UserRole + 2     # "year" | "issue" | "section" | "group" | document kind
    HasInterpretation = Qt.ItemDataRole.UserRole + 3
    FilterText = Qt.ItemDataRole.UserRole + 4
    Info = Qt.ItemDataRole.UserRole + 5     # the YearInfo / IssueInfo / SectionInfo / DocInfo
    Unread = Qt.ItemDataRole.UserRole + 6   # a document not yet 圈阅 (None while marks are unknown)


class Node:
    """One row of the tree; ``children`` is None until read."""
    __slots__ = ("kind", "key", "label", "parent", "info", "has_children", "children", "filter_text", "row",
                 "by_name")

    def __init__(self, kind: str, key, label: str, parent: "Node | None", info=None, has_children: bool = False,
                 children: "list[Node] | None" = None, filter_text: str = "", row: int = 0):
        self.kind, self.key, self.label, self.parent, self.info = kind, key, label, parent, info
        self.has_children, self.children, self.filter_text, self.row = has_children, children, filter_text, row
        self.by_name: dict | None = None

    def name(self):
        """What finds this node among its siblings: a section by its name, the rest by key."""
        return (self.kind, self.label if self.kind == "section" else self.key)

    def set_children(self, nodes: list["Node"]) -> None:
        for i, n in enumerate(nodes):
            n.row = i
        self.children = nodes
        self.by_name = None

    def child(self, name) -> "Node | None":
        """A child by ``name()``, through an index made on first use (not a scan of 2,400 issues)."""
        if self.by_name is None:
            self.by_name = {}
            for n in self.children or ():
                self.by_name.setdefault(n.name(), n)
        return self.by_name.get(name)


_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable   # once: an enum "|" costs ~1 µs a row


def _doc_label(d: DocInfo) -> str:
    if d.role == "interpretation":
        return QCoreApplication.translate("LibraryTreeModel", "Interpretation · {0}").format(d.issuer or d.title)
    if d.role == "attachment":
        return QCoreApplication.translate("LibraryTreeModel", "Attachment · {0}").format(d.title)
    if not d.title:
        return shown_title(d.title, d.issuer, d.date)
    # The issuer is the same for most of an issue; the tree shows what the document is about.
    title = d.title
    if d.issuer and title.startswith(d.issuer) and len(title) > len(d.issuer) + 4:
        title = title[len(d.issuer):]
    return title


def _bold_font():
    from PySide6.QtGui import QFont
    f = QFont()
    f.setBold(True)
    return f


class LibraryTreeModel(QAbstractItemModel):
    def __init__(self, library: Library, parent=None):
        super().__init__(parent)
        self.library = library
        self.root = Node("root", None, "", None)
        self.read_keys: set[str] | None = None   # 圈阅 documents; None until the user data is open
        self.status_marks: dict[str, str] = {}     # key → 已废止 / 有效期届满 (set by the status feature)
        self._read_top()

    def set_status_marks(self, marks: dict[str, str]) -> None:
        """Documents no longer in force: a muted title with a badge."""
        if marks != self.status_marks:
            self.layoutAboutToBeChanged.emit()
            self.status_marks = marks
            self.layoutChanged.emit()

    # -- read marks ------------------------------------------------------------------
    def set_read_keys(self, keys) -> None:
        """Which documents carry a 圈阅 mark: the others show as unread, like unread mail."""
        keys = set(keys)
        if keys == self.read_keys:
            return
        self.read_keys = keys
        stack = [QModelIndex()]
        while stack:     # only the rows already read can be on screen
            parent = stack.pop()
            n = self.rowCount(parent)
            if n:
                self.dataChanged.emit(self.index(0, 0, parent), self.index(n - 1, 0, parent),
                                      [Qt.ItemDataRole.FontRole, Roles.Unread])
                stack += [self.index(r, 0, parent) for r in range(n)]

    def is_unread(self, node: Node) -> bool | None:
        """A document is read when it or the document it belongs to (a notice's plan) was 圈阅."""
        if self.read_keys is None or node.kind != "doc":
            return None
        d = node
        while d is not None and d.kind == "doc":
            if d.key in self.read_keys:
                return False
            d = d.parent
        return True

    # -- building nodes --------------------------------------------------------
    def _read_top(self) -> None:
        # The years only, even when there is one: a decade of 2,400 issues at the top level cost
        # every layout of the view ~25 ms of per-row calls into Python, and finding an old issue
        # read them all; a year holds ~100.
        first = [Node("year", y.year, self.tr("{0}", "a year in the library tree").format(y.year), self.root, y,
                      y.issue_count > 0, filter_text=str(y.year)) for y in self.library.years()]
        standalone = self.library.standalone_count()
        if standalone:    # read when opened, like every other branch
            first.append(Node("group", "standalone", self.tr("Single documents ({0})").format(standalone),
                              self.root, None, True))
        self.root.set_children(first)

    def _issue_node(self, i, parent: Node, named: bool = False) -> Node:
        # A year of several gazettes lists each one's 第12期: the name tells them apart (after
        # the number, which an elided row must keep).
        label = self.tr("{0} · {1}", "an issue and its gazette's name").format(i.label, i.publication) if named \
            else i.label
        return Node("issue", i.key, label, parent, i, i.document_count > 0, filter_text=f"{i.publication}{i.label}")

    def _doc_node(self, d: DocInfo, parent: Node) -> Node:
        text = " ".join(x for x in (d.title, d.doc_number or "", d.code or "", d.issuer or "") if x)
        return Node("doc", d.key, _doc_label(d), parent, d,
                    d.interpretation_count + d.attachment_count > 0, filter_text=text)

    def _read_children(self, node: Node) -> list[Node]:
        if node.kind == "year":
            infos = self.library.issues_of_year(node.key)
            named = len({i.publication for i in infos}) > 1
            return [self._issue_node(i, node, named) for i in infos]
        if node.kind == "issue":
            return [Node("section", s.id, s.name, node, s, s.document_count > 0, filter_text=s.name)
                    for s in self.library.sections(node.key)]
        if node.kind == "section":
            return [self._doc_node(d, node) for d in self.library.section_documents(node.key)]
        if node.kind == "doc":
            return [self._doc_node(d, node) for d in self.library.children(node.key)]
        if node.kind == "group":
            return [self._doc_node(d, node) for d in self.library.standalone_documents()]
        return []

    def reload(self) -> None:
        """The library changed (an import or removal): start again from the years."""
        self.beginResetModel()
        self.root = Node("root", None, "", None)
        self._read_top()
        self.endResetModel()

    def load_all(self) -> None:
        """Read every node (for filtering, which must see the whole tree)."""
        stack = [QModelIndex()]
        while stack:
            parent = stack.pop()
            while self.canFetchMore(parent):
                self.fetchMore(parent)
            for r in range(self.rowCount(parent)):
                stack.append(self.index(r, 0, parent))

    # -- QAbstractItemModel ----------------------------------------------------
    def _node(self, index: QModelIndex | QPersistentModelIndex) -> Node:
        return index.internalPointer() if index.isValid() else self.root

    def index(self, row: int, column: int, parent=QModelIndex()) -> QModelIndex:
        # Called for every row each time the view lays out (an open year: ~100 issues): kept lean.
        kids = (parent.internalPointer() if parent.isValid() else self.root).children
        if column or kids is None or not 0 <= row < len(kids):
            return QModelIndex()
        return self.createIndex(row, 0, kids[row])

    def parent(self, index=QModelIndex()) -> QModelIndex:
        if not index.isValid():
            return QModelIndex()
        p = self._node(index).parent
        if p is None or p is self.root:
            return QModelIndex()
        return self.createIndex(p.row, 0, p)

    def rowCount(self, parent=QModelIndex()) -> int:
        if parent.isValid() and parent.column() != 0:
            return 0
        children = self._node(parent).children
        return len(children) if children else 0

    def columnCount(self, parent=QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent=QModelIndex()) -> bool:
        node = self._node(parent)
        if node.children is not None:
            return bool(node.children)
        return node.has_children

    def canFetchMore(self, parent) -> bool:
        node = self._node(parent)
        return node.children is None and node.has_children

    def fetchMore(self, parent) -> None:
        node = self._node(parent)
        if node.children is not None:
            return
        kids = self._read_children(node)
        if not kids:
            node.children = []
            return
        self.beginInsertRows(parent, 0, len(kids) - 1)
        node.set_children(kids)
        self.endInsertRows()

    def flags(self, index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return _ROW_FLAGS

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        node = self._node(index)
        mark = self.status_marks.get(node.key) if node.kind == "doc" else None
        if role == Qt.ItemDataRole.DisplayRole:
            if not mark:
                return node.label
            from .core_text import say      # the state is a core word: in the interface's language
            return QCoreApplication.translate("TreeModel", "{0} [{1}]").format(node.label, say(mark))
        if role == Qt.ItemDataRole.ForegroundRole and mark:
            from PySide6.QtGui import QGuiApplication, QPalette
            return QGuiApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Roles.Key:
            return node.key
        if role == Roles.Kind:
            return node.info.kind if node.kind == "doc" else node.kind
        if role == Roles.HasInterpretation:
            return bool(node.kind == "doc" and node.info.has_interpretation)
        if role == Roles.FilterText:
            return node.filter_text
        if role == Roles.Info:
            return node.info
        if role == Roles.Unread:
            return self.is_unread(node)
        if role == Qt.ItemDataRole.FontRole and self.is_unread(node):
            return _bold_font()
        if role == Qt.ItemDataRole.DecorationRole and node.kind == "doc":
            from .tree_icons import icon_for
            return icon_for(node.info)
        return None

    def _tooltip(self, node: Node) -> str | None:
        if node.kind == "year":
            return self.tr("%n issue(s)", "", node.info.issue_count)
        if node.kind == "issue":
            return tooltip(f"{node.info.publication} {node.info.label}")
        if node.kind != "doc":
            return None
        d: DocInfo = node.info
        lines = [shown_title(d.title, d.issuer, d.date)]
        meta = "  ".join(x for x in (d.doc_number, d.code, d.date,
                                     self.tr("page {0}").format(d.page) if d.page else None) if x)
        if meta:
            lines.append(meta)
        if d.has_interpretation:
            lines.append(self.tr("Has an official interpretation"))
        if self.is_unread(node):
            lines.append(self.tr("Unread (not yet marked as read)"))
        return tooltip("\n".join(lines))

    # -- finding nodes ---------------------------------------------------------
    def index_for_key(self, doc_key: str) -> QModelIndex:
        """The index of a document, reading the branches on its path as needed."""
        info = self.library.info(doc_key)
        if info is None:
            return QModelIndex()
        path = []
        d = info
        while d is not None:
            path.append(d)
            d = self.library.info(d.parent_key) if d.parent_key else None
        top = path[-1]
        if top.issue_key:
            names = [("year", self.library.issue_year(top.issue_key)), ("issue", top.issue_key),
                     ("section", top.section)]
        else:
            names = [("group", "standalone")]
        names += [("doc", x.key) for x in reversed(path)]
        index = QModelIndex()
        for name in names:       # only the branches on the path are read: one year's issues
            if self.canFetchMore(index):
                self.fetchMore(index)
            node = self._node(index).child(name)
            if node is None:
                return QModelIndex()
            index = self.createIndex(node.row, 0, node)
        return index
