"""Disk full or a read-only data folder in the window: the note stays, the user is told,
nothing reaches the event loop (issue 13, items 6 and 9)."""
from __future__ import annotations

from reader.core.location import Location

from gui_helpers import start_app
from test_gui_bookmarks import FIRST, _select

NOTE = "请体育局牵头，6月底前报进展。" * 2000      # needs new pages: the full disk refuses them


def _fill_disk(store) -> None:
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")   # SQLite's SQLITE_FULL, as on a full disk


def test_disk_full_keeps_the_note_in_the_editor_and_says_so(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    app.navigator.open(Location(FIRST))
    _select(app.window.area.policy.view, "全民健身公共服务体系")
    _fill_disk(bm.store)
    asked, told = [], []

    def hook(dlg):
        asked.append(dlg.note.toPlainText())
        if len(asked) == 1:
            dlg.note.setPlainText(NOTE)
            return True                     # OK: the save fails
        return False                        # the user gives up after reading the message
    app.dialog_hook = hook
    app.message_hook = lambda box: told.append(box.text())
    undo_before = bm.undo.count()
    assert bm.add_here() is None
    assert asked == ["", NOTE]              # the editor came back with the note in it
    assert told and ("disk is full" in told[0] or "磁盘已满" in told[0])
    assert bm.store.all_bookmarks() == [] and bm.undo.count() == undo_before


def test_disk_full_while_editing_keeps_the_edit(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    b = bm.store.add("永州市人民政府公报/2022/5-6/永政发〔2022〕6号", None, note="旧")
    _fill_disk(bm.store)
    asked, told = [], []

    def hook(dlg):
        asked.append(dlg.note.toPlainText())
        if len(asked) == 1:
            dlg.note.setPlainText(NOTE)
            return True
        return False
    app.dialog_hook = hook
    app.message_hook = lambda box: told.append(box.text())
    bm.edit(b)
    assert asked == ["旧", NOTE] and told
    assert bm.store.get(b.id).note == "旧"


def test_closing_the_window_on_a_read_only_data_folder_raises_nothing(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    app.navigator.open(Location(FIRST))
    bm.store.conn.execute("PRAGMA query_only = ON")          # every write now fails as on a read-only folder
    told = []
    app.message_hook = lambda box: told.append(box.text())
    bm.toggle_read()                                          # reported, not raised
    assert told and ("read-only" in told[0] or "只读" in told[0])
    app.window.close()                                        # saves the reading position: must not raise
    assert not app.window.isVisible()
