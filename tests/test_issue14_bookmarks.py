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
