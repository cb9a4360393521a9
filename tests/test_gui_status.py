"""时效 in the window: facts panel section with evidence and relation links, as-of picker, tree
badge, the search switch, the print source line and the bookmark notice."""
from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QLabel

from gui_helpers import start_app
from test_status_library import OLD, REPEAL, _import

from reader.core.library import Library
from reader.core.location import Location
from reader.core.printjob import PrintJob, plan_packets


def _library(tmp_path):
    db = tmp_path / "lib.db"
    old = _import(db, tmp_path, "old.txt", OLD)
    new = _import(db, tmp_path, "repeal.txt", REPEAL)
    return db, old, new


def _facts(app) -> str:
    return app.window.meta.toPlainText()


def test_facts_panel_shows_state_evidence_and_relations(qtbot, tmp_path):
    db, old, new = _library(tmp_path)
    app = start_app(qtbot, db)
    feature = app.features["status"]
    qtbot.waitUntil(lambda: app.library.status_ready(), timeout=10000)
    app.navigator.open(Location(old))
    qtbot.waitUntil(lambda: "repealed" in _facts(app), timeout=5000)     # the English interface's words
    html = app.window.meta.toHtml()
    assert Location(new).to_url().split("?")[1].split("&")[0] in html.replace("&amp;", "&")   # a link to the repealer
    # relation (a core word, in the interface's language: English here, no translation installed) and evidence
    assert "repealed by: " in _facts(app) and "决定废止" in _facts(app)
    # An earlier day: in force, with its end date.
    feature.bar.date.setDate(QDate(2020, 1, 1))
    qtbot.waitUntil(lambda: "in force" in _facts(app), timeout=5000)
    assert "2023-05-31" in _facts(app)


def test_tree_marks_texts_no_longer_in_force(qtbot, qtmodeltester, tmp_path):
    db, old, new = _library(tmp_path)
    app = start_app(qtbot, db)
    qtbot.waitUntil(lambda: bool(app.tree_model.status_marks), timeout=10000)
    assert app.tree_model.status_marks == {old: "已废止"}
    ix = app.tree_model.index_for_key(old)
    assert ix.data(Qt.ItemDataRole.DisplayRole).endswith(" [repealed]")
    assert ix.data(Qt.ItemDataRole.ForegroundRole) is not None
    assert app.tree_model.index_for_key(new).data(Qt.ItemDataRole.ForegroundRole) is None
    qtmodeltester.check(app.tree_model)
    app.features["status"].bar.date.setDate(QDate(2020, 1, 1))
    qtbot.waitUntil(lambda: not app.tree_model.status_marks, timeout=5000)


def test_bookmarking_a_repealed_text_says_so(qtbot, tmp_path):
    db, old, _new = _library(tmp_path)
    app = start_app(qtbot, db)
    qtbot.waitUntil(lambda: app.library.status_ready(), timeout=10000)
    app.navigator.open(Location(old))
    seen = {}

    def hook(dlg):
        label = dlg.findChild(QLabel, "bookmarkStatusNotice")
        seen["text"] = label.text() if label is not None else ""
        return False
    app.dialog_hook = hook
    app.window.area.policy.view.setFocus()
    app.features["bookmarks"].add_here()
    assert "Repealed as of today, by 《" in seen["text"] and "某政发〔2021〕9号" in seen["text"]


def test_printed_source_line_of_a_repealed_text(tmp_path):
    db, old, new = _library(tmp_path)
    lib = Library(db)
    [packet] = plan_packets(lib, PrintJob(keys=(old,)))
    assert packet.pieces[0].source.endswith("（截至打印日已废止，依据《某市人民政府关于废止部分行政规范性文件的通知》"
                                            "（某政发〔2021〕9号））")
    [packet] = plan_packets(lib, PrintJob(keys=(new,)))
    assert "截至打印日" not in packet.pieces[0].source


def test_search_switch_only_in_force(qtbot, tmp_path):
    db, old, new = _library(tmp_path)
    app = start_app(qtbot, db)
    qtbot.waitUntil(lambda: app.features["status"].states is not None, timeout=10000)
    app.features["status"].bar.date.setDate(QDate(2020, 1, 1))      # the old text in force, the notice unknown
    panel = app.features["search"].panel
    panel.query.setText("道路管理办法")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=5000)
    panel.in_force.setChecked(True)
    qtbot.waitUntil(lambda: [h.info.key for h in panel.model.hits] == [old], timeout=5000)
    box = panel.facet_boxes["status"]
    # a state is a core word, shown in the interface's language (English: no translation installed)
    assert any(box.itemText(i).startswith("in force (") for i in range(box.count()))


def test_nothing_is_computed_on_the_start_up_path(tmp_path):
    """The window paints before any status is computed: the index module is not even imported
    until the features install (after the first paint), and the library has no index then."""
    import subprocess
    import sys
    db, old, _new = _library(tmp_path)
    code = f"""
import sys
from PySide6.QtWidgets import QApplication
app = QApplication([])
from reader.core.library import Library
from reader.core.location import Location
from reader.gui.app import GazetteApp
g = GazetteApp(Library({str(db)!r}))
g.window.show()
g.navigator.open(Location({old!r}), record=False)
app.processEvents()
print("index-module", "reader.core.status.index" in sys.modules, "built", g.library._status is not None)
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120,
                         env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert "index-module False built False" in out.stdout, out.stdout + out.stderr
