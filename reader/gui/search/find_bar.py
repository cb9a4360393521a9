"""Find in the open document (Ctrl+F): every hit highlighted, a count, next and previous."""
from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QSizePolicy, QToolButton, QWidget


class FindBar(QWidget):
    find_requested = Signal(str)
    step = Signal(int)            # +1 next, -1 previous
    closed = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("findBar")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.edit = QLineEdit(self)
        self.edit.setObjectName("findText")
        self.edit.setPlaceholderText(self.tr("Find in this document"))
        self.edit.setClearButtonEnabled(True)
        self.count = QLabel(self)
        self.count.setObjectName("findCount")
        self.count.setMinimumWidth(80)
        prev_b, next_b, close_b = QToolButton(self), QToolButton(self), QToolButton(self)
        prev_b.setText("▲")
        prev_b.setToolTip(self.tr("Previous (Shift+F3)"))
        next_b.setText("▼")
        next_b.setToolTip(self.tr("Next (F3)"))
        close_b.setText("✕")
        close_b.setToolTip(self.tr("Close (Esc)"))
        lay = QHBoxLayout(self)
        lay.setContentsMargins(6, 2, 6, 2)
        lay.addWidget(self.edit, 1)
        lay.addWidget(self.count)
        lay.addWidget(prev_b)
        lay.addWidget(next_b)
        lay.addWidget(close_b)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(120)
        self._debounce.timeout.connect(lambda: self.find_requested.emit(self.edit.text()))
        self.edit.textChanged.connect(lambda _t: self._debounce.start())
        self.edit.returnPressed.connect(lambda: self.step.emit(1))
        prev_b.clicked.connect(lambda: self.step.emit(-1))
        next_b.clicked.connect(lambda: self.step.emit(1))
        close_b.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close_bar,
                  context=Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.hide()

    def open_bar(self, text: str = "") -> None:
        self.show()
        if text:
            self.edit.setText(text)
        self.edit.setFocus()
        self.edit.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int) -> None:
        if not self.edit.text().strip():
            self.count.setText("")
        elif total:
            self.count.setText(self.tr("{0} of {1}").format(current + 1, total))
        else:
            self.count.setText(self.tr("no match"))
