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


def _doc_rows(tree):
    """(label, unread) of every document row the tree panel shows."""
    from reader.gui.tree_model import Roles
    out, stack = [], [tree.proxy.index(r, 0) for r in range(tree.proxy.rowCount())]
    while stack:
        ix = stack.pop()
        if ix.data(Roles.Kind) not in ("year", "issue", "section", "group"):
            out.append((ix.data(Roles.Key), ix.data(Roles.Unread)))
        stack += [tree.proxy.index(r, 0, ix) for r in range(tree.proxy.rowCount(ix))]
    return out


def test_read_marks_show_in_the_tree_and_the_unread_filter(qtbot, library_copy):
    from PySide6.QtCore import Qt
    app = start_app(qtbot, library_copy)
    tree = app.window.tree
    tree.model.load_all()
    rows = dict(_doc_rows(tree))
    assert rows[FIRST] is True and rows[FIRST + "/附件1"] is True         # nothing 圈阅 yet
    first = tree.proxy.mapFromSource(tree.model.index_for_key(FIRST))
    assert first.data(Qt.ItemDataRole.FontRole).bold()                  # unread: bold, like mail
    app.navigator.open(Location(FIRST))
    app.window.actions.mark_read.trigger()                              # 圈阅
    rows = dict(_doc_rows(tree))
    assert rows[FIRST] is False and rows[FIRST + "/附件1"] is False      # its plan goes with it
    assert not first.data(Qt.ItemDataRole.FontRole)
    tree.unread.click()                                                  # the "未读" filter
    shown = dict(_doc_rows(tree))
    assert FIRST not in shown and shown and all(shown.values())
    tree.unread.click()
    assert FIRST in dict(_doc_rows(tree))


def test_status_bar_shows_zoom_printed_page_and_hits(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    w = app.window
    s = app.status
    assert "100%" in s.zoom.text()
    w.actions.zoom_in.trigger()
    assert "110%" in s.zoom.text()
    import re
    numbers = lambda: [int(x) for x in re.findall(r"\d+", s.page.text())]
    app.navigator.open(Location(FIRST))
    qtbot.waitUntil(lambda: s.page.text() != "")
    # The notice and its plan are one printout: page 1 of all their pages.
    first = numbers()
    assert first[0] == 1 and first[1] >= 4, s.page.text()
    app.navigator.open(Location(FIRST + "/附件1"))
    # The plan starts on the page after the notice's last, of the same count.
    qtbot.waitUntil(lambda: numbers()[0] >= 2)
    assert numbers()[1] == first[1], s.page.text()
    view = w.area.policy.view
    view.verticalScrollBar().setValue(view.verticalScrollBar().maximum() * 2 // 3)
    qtbot.waitUntil(lambda: [int(x) for x in re.findall(r"\d+", s.page.text())][0] > 1)
    assert not s.hits.isVisibleTo(w)
    search = app.features["search"]
    search.open_find()
    search.find("全民健身")
    assert s.hits.isVisibleTo(w) and str(len(search.hits)) in s.hits.text() and len(search.hits) > 1
    search.find_bar.close_bar()
    assert not s.hits.isVisibleTo(w)


def test_f1_opens_an_offline_help_page_with_shortcuts_split_view_and_bookmarks(qtbot, library_copy):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from reader.gui.help_page import HelpPage
    app = start_app(qtbot, library_copy)
    w = app.window
    w.activateWindow()
    w.area.policy.view.setFocus()
    qtbot.wait(10)
    qtbot.keyClick(w.area.policy.view, Qt.Key.Key_F1)
    pages = [x for x in QApplication.topLevelWidgets() if isinstance(x, HelpPage) and x.isVisible()]
    assert len(pages) == 1
    text = pages[0].browser.toPlainText()
    assert "Ctrl+D" in text and "Ctrl+F" in text and "F1" in text
    assert "Side by side" in text and "Bookmarks and notes" in text
    pages[0].close()


def test_file_dialogs_open_in_documents_then_in_the_last_folder(qtbot, library_copy, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QFileDialog
    from reader.gui import file_dialogs
    docs = tmp_path / "Documents"
    docs.mkdir()
    monkeypatch.setattr(file_dialogs, "documents_folder", lambda: str(docs))
    app = start_app(qtbot, library_copy, tmp_path / "settings.ini")
    asked = []
    elsewhere = tmp_path / "incoming"
    elsewhere.mkdir()

    def fake_open(parent, caption, folder, filters):
        asked.append(folder)
        return [], ""
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", staticmethod(fake_open))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda p, c, folder, f: (asked.append(folder), (str(elsewhere / "b.json"), ""))[1]))
    monkeypatch.setattr(app.features["bookmarks"], "import_from", lambda path: None)
    app.features["import"].choose_files()
    assert asked[-1] == str(docs)                                  # first time: the documents folder
    app.features["bookmarks"].import_dialog()                      # picks a file in another folder
    app.features["import"].choose_files()
    assert asked[-1] == str(elsewhere)                             # then the folder used last
    import os
    assert os.getcwd() not in asked


def test_a_narrow_window_reads_one_pane_with_a_one_click_switch(qtbot, library_copy):
    from reader.gui.reading_area import MIN_CHARS_PER_SIDE
    app = start_app(qtbot, library_copy)
    w, area = app.window, app.window.area
    app.navigator.open(Location(FIRST))
    w.resize(1920, 1080)
    qtbot.wait(30)
    assert area.policy.isVisible() and area.interpretation.isVisible() and not area.narrow_bar.isVisible()
    assert area.chars_per_side() >= MIN_CHARS_PER_SIDE
    w.resize(1366, 768)
    qtbot.wait(30)
    assert area.chars_per_side() < MIN_CHARS_PER_SIDE
    assert area.policy.isVisible() and not area.interpretation.isVisible()     # one readable column
    assert area.narrow_bar.isVisible()
    area.switch_button.click()                                                  # one click: the 解读
    assert area.interpretation.isVisible() and not area.policy.isVisible()
    area.switch_button.click()
    assert area.policy.isVisible()
    interp = app.library.children(FIRST)[-1].key
    app.navigator.open(Location(interp))                                        # a link to the 解读 shows it
    assert area.interpretation.isVisible()
    w.resize(1920, 1080)
    qtbot.wait(30)
    assert area.policy.isVisible() and area.interpretation.isVisible() and not area.narrow_bar.isVisible()
    assert w.actions.split.isChecked()                                          # the preference is untouched


def test_status_bar_counts_what_a_library_search_found(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    search = app.features["search"]
    search.focus_search()
    search.panel.query.setText("全民健身")
    qtbot.waitUntil(lambda: app.status.hits.isVisibleTo(app.window), timeout=10000)
    found = search.panel.model.rowCount()
    assert found > 0 and str(found) in app.status.hits.text()
    search.panel.query.setText("")
    qtbot.waitUntil(lambda: not app.status.hits.isVisibleTo(app.window), timeout=10000)
