"""The bookmarks dock: grouped by document or by tag, filtered by note or quoted text."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QRect, QSize, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QStyledItemDelegate, QPushButton, QTreeView, QVBoxLayout,
                               QWidget)

from .model import NOTE_TYPES, BookmarkModel, label


class _WrappingDelegate(QStyledItemDelegate):
    """Rows as tall as their wrapped text at the list's width: QTreeView alone asks for one line."""

    def __init__(self, view):
        super().__init__(view)
        self.view = view

    def sizeHint(self, option, index):  # noqa: N802
        hint = super().sizeHint(option, index)
        depth, parent = 1, index.parent()
        while parent.isValid():
            depth, parent = depth + 1, parent.parent()
        extra = 56 if index.parent().isValid() else 8      # check box and colour swatch
        width = max(60, self.view.viewport().width() - self.view.indentation() * depth - extra)
        text = index.data() or ""
        rect = option.fontMetrics.boundingRect(QRect(0, 0, width, 100000), int(Qt.TextFlag.TextWordWrap), text)
        return QSize(hint.width(), max(hint.height(), rect.height() + 6))


class BookmarksPanel(QWidget):
    jump = Signal(object)          # Bookmark
    edit = Signal(object)          # Bookmark
    delete = Signal(list)          # [Bookmark]
    changed_view = Signal()        # grouping or filter changed: the feature refills the model

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("bookmarksPanel")
        self.model = BookmarkModel(self)
        self.grouping = QComboBox(self)
        self.grouping.addItem(self.tr("By issue and document"), "document")
        self.grouping.addItem(self.tr("By tag"), "tag")
        self.type_filter = QComboBox(self)
        self.type_filter.setObjectName("bookmarkTypeFilter")
        self.type_filter.addItem(self.tr("All types"), None)
        for code in NOTE_TYPES:
            self.type_filter.addItem(label(NOTE_TYPES, code), code)
        self.state_filter = QComboBox(self)
        self.state_filter.setObjectName("bookmarkStateFilter")
        self.state_filter.addItem(self.tr("Any state"), None)
        self.state_filter.addItem(self.tr("Follow-ups open"), False)
        self.state_filter.addItem(self.tr("Follow-ups done"), True)
        self.filter = QLineEdit(self)
        self.filter.setPlaceholderText(self.tr("Search notes and passages…"))
        self.filter.setClearButtonEnabled(True)
        self.view = QTreeView(self)
        self.view.setObjectName("bookmarkTree")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setSelectionMode(QTreeView.SelectionMode.ExtendedSelection)
        self.view.setWordWrap(True)
        # Long group titles (issue · document) wrap onto more lines: never cut off.
        self.view.header().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.view.setUniformRowHeights(False)
        self.view.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setItemDelegate(_WrappingDelegate(self.view))
        self.view.viewport().installEventFilter(self)      # a new width: rows wrap again
        self.edit_button = QPushButton(self.tr("Edit…"), self)
        self.delete_button = QPushButton(self.tr("Delete"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.edit_button)
        buttons.addWidget(self.delete_button)
        buttons.addStretch(1)
        lay = QVBoxLayout(self)
        lay.setContentsMargins(4, 4, 4, 4)
        for box in (self.grouping, self.type_filter, self.state_filter):   # a narrow dock stays narrow
            box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            box.setMinimumContentsLength(3)
        row = QHBoxLayout()
        row.addWidget(self.grouping, 2)
        row.addWidget(self.type_filter, 1)
        row.addWidget(self.state_filter, 1)
        lay.addLayout(row)
        lay.addWidget(self.filter)
        lay.addWidget(self.view)
        lay.addLayout(buttons)
        self.grouping.currentIndexChanged.connect(self.changed_view)
        self.type_filter.currentIndexChanged.connect(self.changed_view)
        self.state_filter.currentIndexChanged.connect(self.changed_view)
        self.filter.textChanged.connect(self.changed_view)
        self.view.clicked.connect(self._jump)
        self.view.activated.connect(self._jump)
        self.view.doubleClicked.connect(lambda ix: self._emit(self.edit, ix))
        self.edit_button.clicked.connect(lambda: self._emit(self.edit, self.view.currentIndex()))
        self.delete_button.clicked.connect(self._delete)
        QShortcut(QKeySequence(QKeySequence.StandardKey.Delete), self.view, self._delete,
                  context=Qt.ShortcutContext.WidgetShortcut)

    def eventFilter(self, obj, event):  # noqa: N802
        if obj is self.view.viewport() and event.type() == QEvent.Type.Resize \
                and event.size().width() != event.oldSize().width():
            self.view.scheduleDelayedItemsLayout()
        return False

    def group_mode(self) -> str:
        return self.grouping.currentData()

    def set_group_mode(self, mode: str) -> None:
        i = self.grouping.findData(mode)
        if i >= 0:
            self.grouping.setCurrentIndex(i)

    def type_wanted(self) -> str | None:
        return self.type_filter.currentData()

    def done_wanted(self) -> bool | None:
        return self.state_filter.currentData()

    def filter_text(self) -> str:
        return self.filter.text().strip()

    def set_groups(self, groups) -> None:
        self.model.set_groups(groups)
        self.view.expandAll()

    def _emit(self, signal, index) -> None:
        b = self.model.bookmark(index)
        if b is not None:
            signal.emit(b)

    def _jump(self, index) -> None:
        self._emit(self.jump, index)

    def _delete(self) -> None:
        chosen = [b for b in (self.model.bookmark(ix) for ix in self.view.selectionModel().selectedRows()) if b]
        if chosen:
            self.delete.emit(chosen)
