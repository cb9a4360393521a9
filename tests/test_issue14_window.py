"""Issue 14: the window's daily-use rough places (reading mode, status bar, help, read marks…)."""
from reader.core.location import Location

from gui_helpers import start_app

FIRST = "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"


def test_leaving_reading_mode_brings_back_the_tab_that_was_in_front(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    w = app.window
    w.tree_dock.raise_()
    qtbot.wait(50)
    assert _front_tab(w) == w.tree_dock.windowTitle()
    w.actions.fullscreen.trigger()
    qtbot.wait(50)
    w.actions.fullscreen.trigger()
    qtbot.wait(50)
    assert _front_tab(w) == w.tree_dock.windowTitle(), "the 公报 tree was in front before reading mode"


def _front_tab(w) -> str:
    from PySide6.QtWidgets import QTabBar
    bars = [t for t in w.findChildren(QTabBar) if t.count() > 1]
    assert len(bars) == 1
    return bars[0].tabText(bars[0].currentIndex())
