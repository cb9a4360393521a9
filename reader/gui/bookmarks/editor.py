"""Write or edit a bookmark: the note (Markdown, previewed safely), its type, tags, colour."""
from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QUrl
from PySide6.QtGui import QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
                               QLabel, QLineEdit, QMessageBox, QPlainTextEdit, QPushButton, QTabWidget, QTextBrowser,
                               QVBoxLayout, QWidget)

from ...core.userdata import DEFAULT_COLOR, NOTE_TYPES
from ..plain import plain_label
from .model import NOTE_TYPES as TYPE_NAMES
from .model import label

from ..themes import BOOKMARK_COLORS as COLORS  # noqa: E402  (contrast is checked against each)


class _SafePreview(QTextBrowser):
    """A preview that never loads or follows anything."""

    def loadResource(self, type_, name: QUrl):  # noqa: N802
        return None


class BookmarkEditor(QDialog):
    def __init__(self, parent, *, title: str, quote: str, note: str = "", note_type: str = "note",
                 tags=(), color: str = DEFAULT_COLOR, times: str = ""):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bookmark"))
        self.setObjectName("bookmarkEditor")
        self.resize(560, 460)
        lay = QVBoxLayout(self)
        head = plain_label(QLabel(title))      # a title or quote from a file is text, never markup
        bold = head.font()
        bold.setBold(True)
        head.setFont(bold)
        head.setWordWrap(True)
        lay.addWidget(head)
        if quote:
            q = plain_label(QLabel(f"“{quote}”"))
            q.setWordWrap(True)
            q.setObjectName("bookmarkQuote")
            lay.addWidget(q)
        form = QFormLayout()
        self.type_box = QComboBox(self)
        for code in NOTE_TYPES:
            self.type_box.addItem(label(TYPE_NAMES, code), code)
        self.type_box.setCurrentIndex(max(0, self.type_box.findData(note_type)))
        form.addRow(self.tr("Type"), self.type_box)
        self.tags = QLineEdit("，".join(tags), self)
        self.tags.setPlaceholderText(self.tr("Tags, separated by commas"))
        form.addRow(self.tr("Tags"), self.tags)
        form.addRow(self.tr("Colour"), self._swatches(color))
        lay.addLayout(form)
        self.tabs = QTabWidget(self)
        self.note = QPlainTextEdit(note, self)
        self.note.setPlaceholderText(self.tr("Your note (Markdown: **bold**, - lists …)"))
        self.preview = _SafePreview(self)
        self.preview.setOpenLinks(False)
        self.tabs.addTab(self.note, self.tr("Note"))
        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.currentChanged.connect(self._preview)
        lay.addWidget(self.tabs)
        if times:
            t = plain_label(QLabel(times))
            t.setObjectName("bookmarkTimes")
            lay.addWidget(t)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):    # save, as in mail programs
            QShortcut(QKeySequence(keys), self, self.accept)
        self.note.installEventFilter(self)            # the note itself would take Ctrl+Enter as a newline
        self._typed_from = note
        self.ask_discard = self._ask_discard          # tests answer without a modal box
        self.note.setFocus()

    def eventFilter(self, obj, event):  # noqa: N802
        if obj is self.note and event.type() == QEvent.Type.KeyPress \
                and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) \
                and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.accept()
            return True
        return super().eventFilter(obj, event)

    def reject(self) -> None:
        """Esc or Cancel: a note being written is never thrown away without asking."""
        typed = self.note.toPlainText()
        if typed.strip() and typed != self._typed_from:
            answer = self.ask_discard()
            if answer == "save":
                self.accept()
                return
            if answer != "discard":
                return
        super().reject()

    def _ask_discard(self) -> str:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Bookmark"),
                          self.tr("Keep the note you have written?"), parent=self)
        save = box.addButton(self.tr("Save"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Discard"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep editing"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        return {save: "save", discard: "discard"}.get(box.clickedButton(), "keep")

    def _swatches(self, current: str) -> QWidget:
        box = QWidget(self)
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        self.color_group = QButtonGroup(self)
        self.color_group.setExclusive(True)
        colors = COLORS if current.lower() in COLORS else (current.lower(),) + COLORS
        for c in colors:
            btn = QPushButton(box)
            btn.setCheckable(True)
            btn.setFixedSize(26, 22)
            btn.setProperty("color", c)
            btn.setStyleSheet(f"QPushButton {{ background: {c}; border: 1px solid #888; }}"
                              f"QPushButton:checked {{ border: 3px solid palette(highlight); }}")
            btn.setChecked(c == current.lower())
            self.color_group.addButton(btn)
            row.addWidget(btn)
        row.addStretch(1)
        return box

    def _preview(self, tab: int) -> None:
        if tab == 1:
            from ...core.userdata.notes import note_html
            from ..core_text import ui_language
            self.preview.setHtml(note_html(self.note.toPlainText(), ui_language()))

    def values(self) -> dict:
        checked = self.color_group.checkedButton()
        tags = [t.strip() for t in self.tags.text().replace("，", ",").replace("、", ",").split(",")]
        return {
            "note": self.note.toPlainText(),
            "note_type": self.type_box.currentData(),
            "tags": tuple(t for t in tags if t),
            "color": checked.property("color") if checked else DEFAULT_COLOR,
        }


def color(code: str, alpha: int = 150) -> QColor:
    c = QColor(code)
    c.setAlpha(alpha)
    return c
