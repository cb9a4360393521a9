"""Every menu command, its shortcut and its place, declared once.

Shortcuts follow platform habits: Ctrl+F find, Ctrl+P print, Alt+Left/Right
back and forward, Ctrl+= / Ctrl+- zoom, Ctrl+D bookmark.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence


def _shortcuts(action: QAction, *keys) -> None:
    """Several shortcuts, each once: a platform's standard key is often one of the others, and
    Qt ignores a shortcut registered twice on one action as ambiguous."""
    seen: list[QKeySequence] = []
    for k in keys:
        seq = QKeySequence(k)
        if not seq.isEmpty() and seq not in seen:
            seen.append(seq)
    action.setShortcuts(seen)


class Actions(QObject):
    def __init__(self, parent):
        super().__init__(parent)
        a = self._make
        Std = QKeySequence.StandardKey
        # File
        self.import_ = a(self.tr("&Import…"), Std.Open, self.tr("Import a gazette issue or documents (text or PDF)"))
        self.print_ = a(self.tr("&Print…"), Std.Print, self.tr("Print or export to PDF in official-document layout"))
        self.export_pdf = a(self.tr("Export &PDF…"), "Ctrl+Shift+E")
        self.completeness = a(self.tr("Issues by &year…"), None, self.tr("Which numbers of each year are present"))
        self.remove_issue = a(self.tr("&Remove issue…"))
        self.quit = a(self.tr("&Quit"), Std.Quit)
        # Edit
        self.copy = a(self.tr("&Copy"), Std.Copy)
        self.find = a(self.tr("&Find in document…"), Std.Find)
        self.find_next = a(self.tr("Find &next"), Std.FindNext)
        self.find_prev = a(self.tr("Find pre&vious"), Std.FindPrevious)
        self.search = a(self.tr("&Search library…"), "Ctrl+Shift+F")
        self.bookmark = a(self.tr("&Bookmark…"), "Ctrl+D", self.tr("Bookmark the document or the selected passage"))
        self.mark_read = a(self.tr("Mark as &read"), "Ctrl+Shift+R")
        # View
        self.split = a(self.tr("Side by &side"), "Ctrl+\\", checkable=True)
        self.swap = a(self.tr("S&wap sides"), "Ctrl+Shift+\\")
        self.zoom_in = a(self.tr("Zoom &in"), QKeySequence("Ctrl+="))
        _shortcuts(self.zoom_in, "Ctrl+=", "Ctrl++", QKeySequence(Qt.Key.Key_ZoomIn))
        self.zoom_out = a(self.tr("Zoom &out"), QKeySequence("Ctrl+-"))
        self.zoom_reset = a(self.tr("&Actual size"), "Ctrl+0")
        self.fullscreen = a(self.tr("&Reading mode (full screen)"), "F11", checkable=True)
        self.show_tree = a(self.tr("Library &tree"), "Ctrl+Shift+T", checkable=True)
        self.show_meta = a(self.tr("Document &facts"), "Ctrl+Shift+I", checkable=True)
        self.show_bookmarks = a(self.tr("&Bookmarks"), "Ctrl+Shift+B", checkable=True)
        self.theme_group = QActionGroup(self)
        self.theme_light = a(self.tr("&Light"), None, checkable=True)
        self.theme_sepia = a(self.tr("&Sepia"), None, checkable=True)
        self.theme_dark = a(self.tr("&Dark"), None, checkable=True)
        for t in (self.theme_light, self.theme_sepia, self.theme_dark):
            self.theme_group.addAction(t)
        self.lang_group = QActionGroup(self)
        self.lang_zh = a("中文", None, checkable=True)
        self.lang_en = a("English", None, checkable=True)
        for t in (self.lang_zh, self.lang_en):
            self.lang_group.addAction(t)
        # Go
        self.back = a(self.tr("&Back"), QKeySequence("Alt+Left"))
        # Not the platform's whole Back binding: on some desktops it includes Backspace.
        _shortcuts(self.back, "Alt+Left", QKeySequence(Qt.Key.Key_Back))
        self.forward = a(self.tr("&Forward"), QKeySequence("Alt+Right"))
        _shortcuts(self.forward, "Alt+Right", QKeySequence(Qt.Key.Key_Forward))
        # Help
        self.help = a(self.tr("&Help"), QKeySequence(Qt.Key.Key_F1))
        self.about = a(self.tr("&About"))

    def _make(self, text, shortcut=None, tip=None, checkable=False) -> QAction:
        act = QAction(text, self.parent())
        if shortcut is not None:
            act.setShortcut(shortcut if not isinstance(shortcut, str) else QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        act.setCheckable(checkable)
        return act
