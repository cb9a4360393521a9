"""The library tree with a filter box above it."""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QHBoxLayout, QLineEdit, QToolButton, QTreeView, QVBoxLayout, QWidget

from ..core.text import fold
from .tree_model import LibraryTreeModel, Roles

BRANCHES = ("year", "issue", "section", "group")     # rows that are not documents


class FilterProxy(QSortFilterProxyModel):
    """Keeps rows whose title, 文号, code or issuer contain the typed text (and their ancestors)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._needle = ""
        self.unread_only = False

    def set_unread_only(self, on: bool) -> None:
        self.unread_only = on
        self.invalidateFilter()

    def set_needle(self, text: str) -> None:
        self._needle = fold(text).casefold()
        self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: QModelIndex) -> bool:  # noqa: N802
        if not self._needle and not self.unread_only:
            return True
        ix = self.sourceModel().index(row, 0, parent)
        if self.unread_only and ix.data(Roles.Unread) is not True:
            return False      # ancestors of unread documents stay (recursive filtering)
        if not self._needle:
            return True
        hay = fold(ix.data(Roles.FilterText) or "").casefold()
        return self._needle in hay


class TreePanel(QWidget):
    document_chosen = Signal(str)     # a document key
    issue_chosen = Signal(str)        # an issue key

    def __init__(self, model: LibraryTreeModel, parent=None):
        super().__init__(parent)
        self.model = model
        self.proxy = FilterProxy(self)
        self.proxy.setSourceModel(model)
        self.filter = QLineEdit(self)
        self.filter.setObjectName("treeFilter")
        self.filter.setPlaceholderText(self.tr("Filter by title, number or issuer…"))
        self.filter.setClearButtonEnabled(True)
        self.unread = QToolButton(self)
        self.unread.setObjectName("treeUnreadOnly")
        self.unread.setText(self.tr("Unread"))
        self.unread.setToolTip(self.tr("Show only documents not yet marked as read"))
        self.unread.setCheckable(True)
        self.view = QTreeView(self)
        self.view.setObjectName("libraryTree")
        self.view.setModel(self.proxy)
        self.view.setHeaderHidden(True)
        self.view.setUniformRowHeights(True)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setExpandsOnDoubleClick(True)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 0, 4)
        lay.setSpacing(4)
        row = QHBoxLayout()
        row.addWidget(self.filter, 1)
        row.addWidget(self.unread)
        lay.addLayout(row)
        lay.addWidget(self.view)
        self.filter.textChanged.connect(self._on_filter)
        self.unread.toggled.connect(self._on_unread)
        self.view.clicked.connect(self._on_activated)
        self.view.activated.connect(self._on_activated)

    def _on_filter(self, text: str) -> None:
        if text.strip():
            self.model.load_all()     # filtering must see every branch
        self.proxy.set_needle(text.strip())
        if text.strip():
            self.view.expandAll()

    def _on_unread(self, on: bool) -> None:
        if on:
            self.model.load_all()
        self.proxy.set_unread_only(on)
        if on:
            self.view.expandAll()

    def _on_activated(self, proxy_index: QModelIndex) -> None:
        ix = self.proxy.mapToSource(proxy_index)
        kind = ix.data(Roles.Kind)
        key = ix.data(Roles.Key)
        if kind == "issue":
            self.issue_chosen.emit(key)
        elif kind not in BRANCHES:
            self.document_chosen.emit(key)

    def expand_newest(self) -> None:
        """Open the newest year, its newest issue and that issue's sections, so its documents are
        one click away (expanding reads the branch: one year's issues)."""
        year = self.proxy.index(0, 0)
        if year.data(Roles.Kind) != "year":
            return          # no issue at all: only single documents, if any
        self._read(year)       # expand() reads a branch only when the view lays it out: not yet
        self.view.expand(year)
        issue = self.proxy.index(0, 0, year)
        if not issue.isValid():
            return
        self._read(issue)
        self.view.expand(issue)
        for r in range(self.proxy.rowCount(issue)):
            self.view.expand(self.proxy.index(r, 0, issue))

    def _read(self, ix: QModelIndex) -> None:
        if self.proxy.canFetchMore(ix):
            self.proxy.fetchMore(ix)

    def select_key(self, doc_key: str) -> None:
        src = self.model.index_for_key(doc_key)
        if not src.isValid():
            return
        ix = self.proxy.mapFromSource(src)
        if ix.isValid():
            self.view.setCurrentIndex(ix)
            self.view.scrollTo(ix)

    def selected_doc_keys(self) -> list[str]:
        keys = []
        for ix in self.view.selectionModel().selectedRows():
            src = self.proxy.mapToSource(ix)
            if src.data(Roles.Kind) not in BRANCHES:
                keys.append(src.data(Roles.Key))
        return keys
