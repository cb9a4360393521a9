"""Issue 14: the bookmark editor keeps a typed note, 待办 can be done, the panel filters and remembers."""
from PySide6.QtCore import Qt

from reader.core.location import Location
from reader.gui.bookmarks.editor import BookmarkEditor

from gui_helpers import start_app

FIRST = "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"


def _editor(qtbot, answer):
    dlg = BookmarkEditor(None, title="标题", quote="一段原文")
    qtbot.addWidget(dlg)
    asked = []
    dlg.ask_discard = lambda: (asked.append(1), answer)[1]
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg, asked


def test_escape_with_a_typed_note_asks_and_can_keep_editing(qtbot):
    dlg, asked = _editor(qtbot, "keep")
    dlg.note.insertPlainText("请办公室本周内落实")   # typed (QTest cannot type CJK)
    qtbot.keyClick(dlg.note, Qt.Key.Key_Escape)
    assert asked and dlg.isVisible() and dlg.note.toPlainText() == "请办公室本周内落实"


def test_escape_with_a_typed_note_can_save_or_discard(qtbot):
    dlg, _ = _editor(qtbot, "save")
    dlg.note.insertPlainText("草稿")   # typed (QTest cannot type CJK)
    qtbot.keyClick(dlg.note, Qt.Key.Key_Escape)
    assert dlg.result() == dlg.DialogCode.Accepted and dlg.values()["note"] == "草稿"
    dlg2, _ = _editor(qtbot, "discard")
    dlg2.note.insertPlainText("草稿")   # typed (QTest cannot type CJK)
    qtbot.keyClick(dlg2.note, Qt.Key.Key_Escape)
    assert not dlg2.isVisible() and dlg2.result() == dlg2.DialogCode.Rejected


def test_escape_without_a_note_closes_without_asking(qtbot):
    dlg, asked = _editor(qtbot, "keep")
    qtbot.keyClick(dlg.note, Qt.Key.Key_Escape)
    assert not asked and not dlg.isVisible()


def test_ctrl_enter_saves(qtbot):
    dlg, asked = _editor(qtbot, "keep")
    dlg.note.insertPlainText("阅")   # typed (QTest cannot type CJK)
    qtbot.keyClick(dlg.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dlg.result() == dlg.DialogCode.Accepted and not dlg.isVisible() and not asked
    assert dlg.values()["note"] == "阅"


def _listed(panel):
    m = panel.model
    return [m.bookmark(m.index(r, 0, m.index(g, 0))) for g in range(m.rowCount()) for r in range(m.rowCount(m.index(g, 0)))]


def test_a_todo_is_ticked_done_with_the_time_and_the_panel_filters_by_type_and_state(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    todo = bm.store.add(FIRST, note="报送进展", note_type="todo", doc_title="通知")
    note = bm.store.add(FIRST, note="留意", note_type="note", doc_title="通知")
    panel = bm.panel
    m = panel.model
    row = next(m.index(r, 0, m.index(0, 0)) for r in range(m.rowCount(m.index(0, 0)))
               if m.bookmark(m.index(r, 0, m.index(0, 0))).id == todo.id)
    assert m.flags(row) & Qt.ItemFlag.ItemIsUserCheckable
    assert m.data(row, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
    m.setData(row, Qt.CheckState.Checked.value, Qt.ItemDataRole.CheckStateRole)      # ticked in the list
    done = bm.store.get(todo.id)
    assert done.done is not None
    shown = next(b for b in _listed(panel) if b.id == todo.id)
    row = next(m.index(r, 0, m.index(0, 0)) for r in range(m.rowCount(m.index(0, 0)))
               if m.bookmark(m.index(r, 0, m.index(0, 0))).id == todo.id)
    assert shown.done == done.done and m.data(row, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert any(ch.isdigit() for ch in m.data(row).split("】")[0])        # the time it was done, in the row
    bm.undo.undo()
    assert bm.store.get(todo.id).done is None
    bm.undo.redo()
    panel.type_filter.setCurrentIndex(panel.type_filter.findData("note"))
    assert [b.id for b in _listed(panel)] == [note.id]
    panel.type_filter.setCurrentIndex(0)
    panel.state_filter.setCurrentIndex(panel.state_filter.findData(False))
    assert _listed(panel) == []                                            # no open 待办
    panel.state_filter.setCurrentIndex(panel.state_filter.findData(True))
    assert [b.id for b in _listed(panel)] == [todo.id]


def test_the_bookmarks_panel_remembers_its_grouping(qtbot, library_copy, tmp_path):
    settings = tmp_path / "settings.ini"
    app = start_app(qtbot, library_copy, settings)
    panel = app.features["bookmarks"].panel
    panel.grouping.setCurrentIndex(panel.grouping.findData("tag"))
    app.window.close()
    again = start_app(qtbot, library_copy, settings)
    assert again.features["bookmarks"].panel.group_mode() == "tag"


def test_group_rows_are_not_cut_off(qtbot, library_copy):
    """A long group title (issue · document) wraps: the row is tall enough for all of it."""
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    bm.store.add(FIRST, note="x", doc_title="通知")
    app.window.resize(1440, 860)
    bm.dock.show()
    bm.dock.raise_()
    qtbot.wait(50)
    view = bm.panel.view
    group = bm.panel.model.index(0, 0)
    text = group.data()
    rect = view.visualRect(group)
    need = view.fontMetrics().boundingRect(0, 0, rect.width() - 8, 100000, int(Qt.TextFlag.TextWordWrap), text)
    assert view.fontMetrics().horizontalAdvance(text) > rect.width()          # it is longer than the list is wide
    assert rect.right() <= view.viewport().width()                           # no part beyond the edge
    assert rect.height() >= need.height(), (rect, need, text)                # and the row shows every line
