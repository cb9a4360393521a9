"""Bookmarks in the window: select, bookmark, see it in the panel and the text, edit, delete, undo."""
from PySide6.QtGui import QTextCursor

from reader.core.location import Location
from reader.gui.bookmarks.model import NOTE_TYPES, BookmarkModel, group_by_document, group_by_tag, label

from gui_helpers import start_app

FIRST = "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"
PLAN = FIRST + "/附件1"


def _select(view, text):
    doc = view.document()
    found = doc.find(text)
    assert not found.isNull(), text
    view.setTextCursor(found)
    view.setFocus()
    return found


def _answer(app, note="", tags=(), note_type="note", accept=True):
    def hook(dlg):
        dlg.note.setPlainText(note)
        dlg.tags.setText("，".join(tags))
        dlg.type_box.setCurrentIndex(dlg.type_box.findData(note_type))
        return accept
    app.dialog_hook = hook


def test_select_bookmark_panel_highlight_edit_delete_undo(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    app.navigator.open(Location(FIRST))
    view = app.window.area.policy.view
    _select(view, "全民健身公共服务体系")
    _answer(app, note="请**体育局**牵头，6月底前报进展", tags=("体育", "督办"), note_type="todo")
    created = bm.add_here()
    assert created is not None and created.quote == "全民健身公共服务体系"
    assert created.doc_key == PLAN and created.note_type == "todo"
    # In the panel …
    model = bm.panel.model
    assert model.bookmark_count() == 1
    group = model.index(0, 0)
    assert "永州市全民健身实施计划" in group.data()
    item = model.index(0, 0, group)
    assert "全民健身公共服务体系" in item.data() and label(NOTE_TYPES, "todo") in item.data()
    # … and highlighted in the text, with the note on hover.
    assert view.layer_count("bookmarks") == 1
    sels = view.extraSelections()
    assert sels[0].cursor.selectedText() == "全民健身公共服务体系"
    tip = bm._tooltip(Location(PLAN, created.anchor.block, created.anchor.start + 2))
    assert "<strong>体育局</strong>" in tip and label(NOTE_TYPES, "todo") in tip
    # Edit the note.
    _answer(app, note="已批：同意", tags=("体育",), note_type="instruction")
    bm.edit(created)
    edited = bm.store.get(created.id)
    assert edited.note == "已批：同意" and edited.note_type == "instruction" and edited.tags == ("体育",)
    assert label(NOTE_TYPES, "instruction") in model.index(0, 0, model.index(0, 0)).data()
    # Delete, then undo.
    bm.delete([edited])
    assert model.bookmark_count() == 0 and view.layer_count("bookmarks") == 0
    assert bm.store.get(created.id).deleted           # in the trash, not gone
    bm.undo.undo()
    assert model.bookmark_count() == 1 and view.layer_count("bookmarks") == 1
    assert bm.store.get(created.id).note == "已批：同意"
    bm.undo.undo()                                     # undo the edit too
    assert bm.store.get(created.id).note.startswith("请**体育局**")


def test_clicking_a_bookmark_jumps_to_its_passage(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    app.navigator.open(Location("永州市人民政府公报/2022/5-6/永政办发〔2022〕9号"))
    view = app.window.area.interpretation.view
    _select(view, "容错纠错机制")
    _answer(app, note="关注")
    b = bm.add_here()
    app.navigator.open(Location("永州市人民政府公报/2022/5-6/永政人〔2022〕12号"))
    assert not app.window.area.interpretation.isVisible()
    bm.panel.jump.emit(b)
    assert app.navigator.current.key == b.doc_key
    target = app.window.area.view_showing(b.doc_key)
    c = target.cursor_at(b.location)
    assert c.selectedText() == "容错纠错机制"
    assert target.layer_count("target") == 1 and target.layer_count("bookmarks") == 1


def test_whole_document_bookmark_and_read_mark(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    app.navigator.open(Location("永州市人民政府公报/2022/5-6/永政人〔2022〕12号"))
    view = app.window.area.policy.view
    view.setTextCursor(QTextCursor(view.document()))   # no selection
    view.setFocus()
    _answer(app, note="存档")
    b = bm.add_here()
    assert b.anchor is None and b.doc_key.endswith("永政人〔2022〕12号")
    app.window.actions.mark_read.trigger()
    assert bm.store.read_mark(b.doc_key) is not None
    qtbot.waitUntil(lambda: "Read\n" in app.window.meta.toPlainText() and " UTC" in app.window.meta.toPlainText())
    assert "My bookmarks" in app.window.meta.toPlainText() or "我的书签" in app.window.meta.toPlainText()
    app.window.actions.mark_read.trigger()
    assert bm.store.read_mark(b.doc_key) is None
    qtbot.waitUntil(lambda: " UTC" not in app.window.meta.toPlainText())    # the 圈阅 row is gone


def test_cancelled_editor_adds_nothing(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    app.navigator.open(Location(FIRST))
    _select(app.window.area.policy.view, "全民健身")
    _answer(app, accept=False)
    assert bm.add_here() is None and bm.store.all_bookmarks() == []


def test_bookmark_model_passes_qtmodeltester(qtmodeltester, qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    app.navigator.open(Location(FIRST))
    for text in ("全民健身", "体育公园", "健身步道"):
        _select(app.window.area.policy.view, text)
        _answer(app, note=text, tags=(text[:2],))
        bm.add_here()
    items = bm.store.all_bookmarks()
    model = BookmarkModel()
    model.set_groups(group_by_document(items, lambda b: (b.doc_title, b.doc_title)))
    qtmodeltester.check(model, force_py=True)
    model.set_groups(group_by_tag(items))
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 3


def test_filter_finds_notes_and_passages(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    app.navigator.open(Location(FIRST))
    _select(app.window.area.policy.view, "体育公园")
    _answer(app, note="与园林局对接")
    bm.add_here()
    _select(app.window.area.policy.view, "健身步道")
    _answer(app, note="")
    bm.add_here()
    bm.panel.filter.setText("园林")
    assert bm.panel.model.bookmark_count() == 1
    bm.panel.filter.setText("步道")
    assert bm.panel.model.bookmark_count() == 1
    bm.panel.filter.setText("")
    assert bm.panel.model.bookmark_count() == 2


def test_corrupt_user_database_is_moved_aside_and_the_reader_starts(qtbot, library_copy, tmp_path, monkeypatch):
    data = tmp_path / "profile"
    data.mkdir()
    (data / "user.db").write_bytes(b"definitely not sqlite" * 500)
    monkeypatch.setenv("GAZETTE_READER_DATA", str(data))
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    assert bm.store is not None and "was damaged" in bm.notice      # English: no translation installed
    aside = [p for p in data.iterdir() if p.name.startswith("user.corrupt")]
    assert len(aside) == 1 and aside[0].read_bytes() == b"definitely not sqlite" * 500
    app.navigator.open(Location(FIRST))
    _select(app.window.area.policy.view, "全民健身")
    _answer(app, note="新库可用")
    assert bm.add_here() is not None


def test_print_dialog_opens_from_the_window_with_notes(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    app.navigator.open(Location(FIRST))
    _select(app.window.area.policy.view, "体育公园")
    _answer(app, note="请园林局配合")
    bm.add_here()
    app.window.actions.print_.trigger()
    dialog = app.features["print"].dialog
    assert dialog is not None and dialog.isVisible()
    notes = app.features["print"].notes(None)
    assert len(notes) == 1 and notes[0].quote == "体育公园" and "永政发〔2022〕6号" in notes[0].citation
    assert "第 3 页" in notes[0].citation or "第3页" in notes[0].citation
    dialog.close()
