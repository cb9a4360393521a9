"""Bringing in an issue through the real dialog path: worker, report, confirm."""
import hashlib
import shutil

from reader.core.library import Library
from reader.core.location import Location
from reader.core.store.writer import LibraryWriter
from reader.gui.tree_model import Roles

from conftest import SAMPLE
from gui_helpers import start_app


def _empty_library(path):
    LibraryWriter(path).close()
    return path


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _wait_report(qtbot, dlg):
    qtbot.waitUntil(lambda: dlg.report is not None or not dlg.progress.isVisible(), timeout=20000)


def test_import_through_the_dialog_makes_the_issue_appear_in_the_tree(qtbot, tmp_path):
    db = _empty_library(tmp_path / "lib.db")
    app = start_app(qtbot, db)
    assert app.tree_model.rowCount() == 0
    dlg = app.features["import"].start([str(SAMPLE)])
    _wait_report(qtbot, dlg)
    shown = dlg.text.toPlainText()
    assert "2022年第5-6期（总第154—155期）" in shown and "永政办发[2022]6 号" in shown   # the 目录 discrepancy
    assert "永州市文化旅游广电体育局" in shown and "市政府办文件" in shown                  # pairing, furniture
    assert dlg.import_button.isVisible()
    with qtbot.waitSignal(dlg.imported, timeout=20000):
        dlg.import_button.click()
    m = app.tree_model
    assert m.rowCount() == 1 and m.index(0, 0).data(Roles.Key) == 2022      # its year, opened
    assert m.rowCount(m.index(0, 0)) == 1
    assert m.index(0, 0, m.index(0, 0)).data() == "2022年第5-6期（总第154—155期）"
    assert Library(db).counts()["documents"] == 10
    app.navigator.open(Location("永州市人民政府公报/2022/5-6/永政发〔2022〕6号"))
    assert app.window.area.interpretation.isVisible()


def test_cancelling_at_the_report_leaves_the_library_byte_for_byte_unchanged(qtbot, tmp_path):
    db = _empty_library(tmp_path / "lib.db")
    before = _digest(db)
    app = start_app(qtbot, db)
    dlg = app.features["import"].start([str(SAMPLE)])
    _wait_report(qtbot, dlg)
    assert dlg.report is not None
    dlg.cancel_button.click()
    qtbot.wait(100)
    assert _digest(db) == before
    assert app.tree_model.rowCount() == 0
    assert dlg.results == [(str(SAMPLE), "cancelled")] and not dlg.isVisible()   # no page repeating it


def test_an_issue_already_there_offers_replace_or_keep(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    text = SAMPLE.read_text(encoding="utf-8").replace("张卫阳同志任市供销合作联社监事长。", "张卫阳同志任市供销合作总社监事长。")
    changed = library_copy.parent / "changed" / SAMPLE.name
    changed.parent.mkdir()
    changed.write_text(text, encoding="utf-8")
    before = _digest(library_copy)
    dlg = app.features["import"].start([str(changed)])
    _wait_report(qtbot, dlg)
    assert dlg.replace_button.isVisible() and not dlg.import_button.isVisible()
    dlg.cancel_button.click()                # keep
    assert _digest(library_copy) == before
    dlg = app.features["import"].start([str(changed)])
    _wait_report(qtbot, dlg)
    with qtbot.waitSignal(dlg.imported, timeout=20000):
        dlg.replace_button.click()
    blocks = Library(library_copy).blocks("永州市人民政府公报/2022/5-6/永政人〔2022〕12号")
    assert any("总社" in b.text for b in blocks)


def test_a_refused_file_says_why_and_changes_nothing(qtbot, library_copy, tmp_path):
    app = start_app(qtbot, library_copy)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01\x02" * 100)
    before = _digest(library_copy)
    dlg = app.features["import"].start([str(bad)])
    # The refusal may arrive before a waitSignal could connect: wait on what the dialog recorded.
    qtbot.waitUntil(lambda: len(dlg.results) == 1, timeout=20000)
    path, outcome = dlg.results[0]
    assert path == str(bad)
    assert "二进制" in outcome or "binary" in outcome.lower()
    assert _digest(library_copy) == before


def test_remove_issue_keeps_bookmarks_detached_until_it_returns(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    bm = app.features["bookmarks"]
    key = "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"
    app.navigator.open(Location(key))
    view = app.window.area.policy.view
    view.setTextCursor(view.document().find("全民健身"))
    view.setFocus()
    app.dialog_hook = lambda dlg: (dlg.note.setPlainText("留存"), True)[1]
    b = bm.add_here()
    app.features["import"].remove_issue("永州市人民政府公报/2022/5-6")
    assert app.tree_model.rowCount() == 0
    assert app.navigator.current is None and view.document().isEmpty()      # nothing stale on screen
    assert not app.window.area.interpretation.isVisible() and app.window.meta.toPlainText() == ""
    from reader.core.userdata.anchoring import reanchor_all
    reanchor_all(bm.store, app.library)
    assert bm.store.get(b.id).status == "detached" and bm.store.get(b.id).note == "留存"
    dlg = app.features["import"].start([str(SAMPLE)])
    _wait_report(qtbot, dlg)
    with qtbot.waitSignal(dlg.imported, timeout=20000):
        dlg.import_button.click()
    reanchor_all(bm.store, app.library)
    assert bm.store.get(b.id).status in ("attached", "moved")


def test_read_only_shipped_library_reader_starts_and_imports_into_the_user_library(qtbot, built_library, tmp_path,
                                                                                   corpus_files):
    from reader.core.userlibrary import ensure_user_library
    program = tmp_path / "program" / "data"
    program.mkdir(parents=True)
    shipped = program / "gazette.db"
    shutil.copyfile(built_library, shipped)
    shipped.chmod(0o444)
    program.chmod(0o555)
    before = _digest(shipped)
    user = ensure_user_library(shipped, tmp_path / "profile" / "library.db")
    app = start_app(qtbot, user)
    assert app.tree_model.rowCount() == 1                       # reads the shipped issues
    doc = tmp_path / "guoling-707.txt"
    shutil.copyfile(next(p for p in corpus_files if p.name == "guoling-707.txt"), doc)
    dlg = app.features["import"].start([str(doc)])
    _wait_report(qtbot, dlg)
    with qtbot.waitSignal(dlg.imported, timeout=20000):
        dlg.import_button.click()
    assert Library(user).find_by_number("国令第707号")
    assert _digest(shipped) == before
    program.chmod(0o755)


def test_completeness_view_shows_the_years(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    dlg = app.features["import"].show_completeness()
    text = dlg.view.toPlainText()
    assert "永州市人民政府公报" in text and "2022" in text and "No. 5" in text and "No. 1" in text
