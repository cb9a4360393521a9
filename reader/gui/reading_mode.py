"""Reading mode: full screen with only the text. Shortcuts keep working (they live on the
window, not only in the hidden menus), Esc or F11 leaves, and the window comes back as
it was: its docks, and maximised if it was."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDockWidget, QMenu


def _menu_actions(menu_bar) -> list:
    found, stack = [], list(menu_bar.actions())
    while stack:
        act = stack.pop()
        sub = act.menu()
        if isinstance(sub, QMenu):
            stack += sub.actions()
        elif not act.isSeparator():
            found.append(act)
    return found


class ReadingMode:
    def __init__(self, window, action):
        self.window = window
        self.action = action
        self.saved = None
        self.escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window, lambda: action.setChecked(False))
        self.escape.setEnabled(False)
        action.toggled.connect(self.set)

    def set(self, on: bool) -> None:
        w = self.window
        if on and self.saved is None:
            docks = [d for d in w.findChildren(QDockWidget) if not d.isHidden()]
            front = [d for d in docks if not d.visibleRegion().isEmpty()]   # a tab behind another is open, not seen
            self.saved = (w.windowState(), docks, front, w.toolbar.isVisible())
            w.addActions(_menu_actions(w.menuBar()))   # shortcuts outlive the hidden menu bar
            for d in docks:
                d.hide()
            w.toolbar.hide()
            w.menuBar().hide()
            w.statusBar().hide()
            self.escape.setEnabled(True)
            w.showFullScreen()
        elif not on and self.saved is not None:
            state, docks, front, toolbar = self.saved
            self.saved = None
            self.escape.setEnabled(False)
            w.menuBar().show()
            w.statusBar().show()
            w.toolbar.setVisible(toolbar)
            for d in docks:
                d.show()
            for d in front:    # showing a tabbed dock brings it forward: put the front tabs back
                d.raise_()
            w.setWindowState(state & ~Qt.WindowState.WindowFullScreen)
