"""Bookmarks are re-anchored after any change to their document (issue 13, item 3): the check
is per document fingerprint, so a command-line ``import --replace`` (another process, same
build id) moves a bookmark with its passage and detaches one whose passage was removed."""
from __future__ import annotations

from conftest import SAMPLE, run_cli
from reader.core.library import Library
from reader.core.location import Location
from reader.core.userdata import DETACHED, MOVED, open_user_data
from reader.core.userdata.anchoring import make_anchor, needs_reanchor

from gui_helpers import start_app

PLAN = "永州市人民政府公报/2022/5-6/永政发〔2022〕6号/附件1"
MOVES = "科学规划和统筹建设"
GOES = "年年有赛事、季季有热点"
ANCHOR_LINE = "按照配置均衡、规模适当、方便实用、安全合理的原则，科学规划"


def _passage(lib, quote):
    for i, b in enumerate(lib.blocks(PLAN)):
        if quote in b.text:
            s = b.text.index(quote)
            return make_anchor(lib.blocks(PLAN), i, s, s + len(quote))
    raise AssertionError(quote)


def _replace_from_the_command_line(db, tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    assert text.count(ANCHOR_LINE) == 1 and text.count(GOES) == 1
    text = text.replace(ANCHOR_LINE, "为测试新增的一段：加强场地设施的日常维护和安全检查。\n\n" + ANCHOR_LINE)
    text = text.replace(GOES, "")
    f = tmp_path / SAMPLE.name
    f.write_text(text, encoding="utf-8")
    r = run_cli("import", "--replace", str(f), "--db", str(db))
    assert r.returncode == 0, r.stderr.decode()


def _mark(store, lib):
    view = lib.document(PLAN)
    return {q: store.add(PLAN, _passage(lib, q), fingerprint=view.fingerprint, doc_title=view.title)
            for q in (MOVES, GOES)}


def test_a_command_line_replace_is_noticed_per_document_not_per_build(library_copy, tmp_path):
    lib = Library(library_copy)
    store = open_user_data().store
    marks = _mark(store, lib)
    build = lib.meta("build_id")
    assert not needs_reanchor(store, lib)
    _replace_from_the_command_line(library_copy, tmp_path)
    assert lib.meta("build_id") == build               # the build id did not change …
    assert needs_reanchor(store, lib)                  # … the document did
    from reader.core.userdata.anchoring import reanchor_stale
    reanchor_stale(store, lib)
    moved, gone = store.get(marks[MOVES].id), store.get(marks[GOES].id)
    assert moved.status == MOVED and moved.anchor.block == marks[MOVES].anchor.block + 1
    assert lib.blocks(PLAN)[moved.anchor.block].text[moved.anchor.start:moved.anchor.end] == MOVES
    assert gone.status == DETACHED
    assert not needs_reanchor(store, lib)              # checked: nothing more to do until the next change
    store.close()
    lib.close()


def test_the_window_reanchors_before_showing_after_another_process_replaced_the_document(
        qtbot, library_copy, tmp_path):
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    marks = _mark(bm.store, app.library)
    app.navigator.open(Location(PLAN))
    _replace_from_the_command_line(library_copy, tmp_path)      # while the window is open
    app.navigator.open(Location(PLAN))
    view = app.window.area.view_showing(PLAN)
    qtbot.waitUntil(lambda: MOVES in view.document().toPlainText(), timeout=5000)
    shown = [s.cursor.selectedText() for s in view.extraSelections() if s.cursor.hasSelection()]
    assert MOVES in shown and GOES not in view.document().toPlainText()
    assert bm.store.get(marks[GOES].id).status == DETACHED
    assert bm.store.get(marks[MOVES].id).status == MOVED


def test_coming_back_to_the_window_shows_the_new_text_with_its_bookmarks(qtbot, library_copy, tmp_path):
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    marks = _mark(bm.store, app.library)
    app.navigator.open(Location(PLAN))
    view = app.window.area.view_showing(PLAN)
    qtbot.waitUntil(lambda: GOES in view.document().toPlainText(), timeout=5000)
    _replace_from_the_command_line(library_copy, tmp_path)     # while the reader was in a terminal
    QApplication.sendEvent(app.window, QEvent(QEvent.Type.WindowActivate))
    qtbot.waitUntil(lambda: GOES not in view.document().toPlainText(), timeout=5000)
    shown = [s.cursor.selectedText() for s in view.extraSelections() if s.cursor.hasSelection()]
    assert MOVES in shown
    assert bm.store.get(marks[GOES].id).status == DETACHED
