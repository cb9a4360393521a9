"""Issue 14: the facts panel and removal — nothing stale, diagnostics folded away, own names and 通报."""
import shutil

from reader.core.location import Location

from conftest import CORPUS
from gui_helpers import start_app

FIRST = "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"
ISSUE = "永州市人民政府公报/2022/5-6"


def _import_single(app, tmp_path, corpus_files, name):
    from reader.core.importer import parse_file, store
    from reader.core.store.writer import LibraryWriter
    w = LibraryWriter(app.library.path)
    try:
        store(w, parse_file(next(p for p in corpus_files if p.name == name)))
    finally:
        w.close()
    app.tree_model.reload()


def test_remove_issue_with_a_single_document_selected_offers_no_issue(qtbot, library_copy, tmp_path, corpus_files,
                                                                     monkeypatch):
    from PySide6.QtWidgets import QMessageBox
    app = start_app(qtbot, library_copy)
    _import_single(app, tmp_path, corpus_files, "guoling-707.txt")
    single = app.library.find_by_number("国令第707号")[0].key
    app.navigator.open(Location(single))
    app.window.tree.select_key(single)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: asked.append(a) or QMessageBox.StandardButton.No)
    imp = app.features["import"]
    assert imp.current_issue_key() is None
    imp.remove_current_issue()
    assert asked == [] and app.library.issues()                     # nothing offered, nothing removed
    app.window.tree.select_key(FIRST)                               # a document in the issue: that issue
    assert imp.current_issue_key() == ISSUE


def test_facts_panel_never_stays_on_a_removed_issue(qtbot, library_copy, tmp_path, corpus_files):
    app = start_app(qtbot, library_copy)
    _import_single(app, tmp_path, corpus_files, "guoling-707.txt")
    single = app.library.find_by_number("国令第707号")[0].key
    app.navigator.open(Location(single))
    app.show_issue(ISSUE)                                            # the issue's facts, another document open
    assert "永州市人民政府公报" in app.window.meta.toPlainText()
    app.features["import"].remove_issue(ISSUE)
    qtbot.wait(20)
    facts = app.window.meta.toPlainText()
    assert "永州市人民政府公报" not in facts and "707" in facts


def test_importer_diagnostics_are_behind_a_details_expander(qtbot, library_copy):
    from PySide6.QtCore import QUrl
    from reader.gui.metadata_panel import DETAILS_URL
    app = start_app(qtbot, library_copy)
    meta = app.window.meta
    app.navigator.open(Location(FIRST))
    qtbot.waitUntil(lambda: "永政发" in meta.toPlainText())
    closed = meta.toPlainText()
    assert "SHA-256" not in closed and ("Details" in closed or "详细信息" in closed)
    meta.anchorClicked.emit(QUrl(DETAILS_URL))
    assert "SHA-256" in meta.toPlainText()
    meta.anchorClicked.emit(QUrl(DETAILS_URL))
    assert "SHA-256" not in meta.toPlainText()


def test_a_documents_own_short_name_is_not_a_missing_citation(qtbot, library_copy):
    from reader.gui.metadata_panel import names_itself
    assert names_itself("实施计划", ["永州市全民健身实施计划(2022—2025年)"])
    assert not names_itself("中华人民共和国体育法", ["永州市全民健身实施计划(2022—2025年)"])
    app = start_app(qtbot, library_copy)
    doc = app.library.document(FIRST + "/附件1")
    own = [c.text for c in doc.citations if c.kind == "title" and not c.target_key and c.text in doc.title]
    html = app.window.meta.document_html(doc)
    missing = html.split("Cited, not in this library")[-1] if "Cited, not in this library" in html else ""
    assert own == ["实施计划"]
    for text in own:
        assert f"《{text}》" not in missing
    assert "《国民体质测定标准》" in missing            # real missing citations stay


def test_a_tongbao_is_labelled_tongbao(corpus_files):
    from reader.core.importer import parse_file
    from reader.core.import_report import KIND_NAMES
    path = next(p for p in corpus_files if p.name == "guobanfa-2018-108.txt")
    doc = parse_file(path).result.document
    assert doc.title.endswith("通报") and doc.kind == "bulletin" and KIND_NAMES[doc.kind] == "通报"


def test_issues_by_year_gives_one_account_of_what_is_missing_and_numbers_open_issues(qtbot, library_copy):
    from PySide6.QtCore import QUrl
    from reader.gui.importing.completeness_view import ISSUE_SCHEME
    app = start_app(qtbot, library_copy)
    dlg = app.features["import"].show_completeness()
    qtbot.addWidget(dlg)
    text = dlg.view.toPlainText()
    head = text.split("2022 —")[0]
    assert "Missing" in head and "No. 1" in head and "No. 4" in head      # the missing numbers, up front
    assert "without gaps" not in text and "No missing issue" not in text  # and nothing contradicting it
    import re
    from reader.core.completeness import completeness
    rows = re.findall(r"<tr>(.*?)</tr>", dlg.render(completeness(app.library.issues())))
    missing_rows = [re.sub(r"<[^>]+>", " ", r) for r in rows if "✗" in r]
    assert len(missing_rows) == 4 and all(len(re.findall(r"(?<!cumulative )No\. \d", r)) == 1 for r in missing_rows)
    html = dlg.view.toHtml()
    links = [u for u in __import__("re").findall(r'href="([^"]+)"', html) if u.startswith(ISSUE_SCHEME)]
    assert len(links) == 2                                               # 第5期 and 第6期 are present
    app.navigator.clear()
    dlg.view.anchorClicked.emit(QUrl(links[0]))
    assert app.navigator.current is not None and app.navigator.current.info.issue_key == ISSUE
    qtbot.waitUntil(lambda: "永州市人民政府公报" in app.window.meta.toPlainText())
