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


def test_reading_position_is_saved_while_reading_so_a_kill_keeps_it(qtbot, library_copy, tmp_path):
    from reader.gui.settings import WindowState, open_settings
    settings = tmp_path / "settings.ini"
    app = start_app(qtbot, library_copy, settings)
    app.navigator.open(Location(FIRST + "/附件1", 20))
    view = app.window.area.policy.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().value() + 300)   # reading on
    here = app.navigator.current_location()

    def saved():   # what a new process would read: the file on disk, no clean quit
        return WindowState(open_settings(settings)).location()
    qtbot.waitUntil(lambda: saved() == here, timeout=5000)
    assert here.block > 20
