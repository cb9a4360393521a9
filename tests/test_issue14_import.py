"""Issue 14: the import dialog — counts that agree, no second "done" page, one report at a time,
the report in the interface language with plural forms."""
import shutil

import pytest

from conftest import SAMPLE
from gui_helpers import start_app
from reader.core.store.writer import LibraryWriter


@pytest.fixture
def english(qapp):
    """The English interface as the reader starts it: with its plural-forms file."""
    from PySide6.QtCore import QCoreApplication
    from reader.gui import launch
    installed = launch._install_translator(qapp, "en")
    assert installed, "resources/i18n/gazette_reader_en.qm loads"
    yield
    for t in installed:
        QCoreApplication.removeTranslator(t)


def _wait_report(qtbot, dlg):
    qtbot.waitUntil(lambda: dlg.report is not None or not dlg.progress.isVisible(), timeout=20000)


def test_the_closing_line_counts_what_the_report_counted(qtbot, tmp_path, english):
    db = tmp_path / "lib.db"
    LibraryWriter(db).close()
    app = start_app(qtbot, db)
    other = tmp_path / "again" / SAMPLE.name
    other.parent.mkdir()
    shutil.copyfile(SAMPLE, other)
    dlg = app.features["import"].start([str(SAMPLE), str(other)])
    _wait_report(qtbot, dlg)
    c = dlg.report.counts
    report = dlg.text.toPlainText()
    assert f"{c.documents} documents" in report and f"{c.interpretations} interpretations" in report
    with qtbot.waitSignal(dlg.imported, timeout=20000):
        dlg.import_button.click()
    _wait_report(qtbot, dlg)                         # the second file: already there
    dlg.cancel_button.click()                        # keep
    summary = dlg.text.toPlainText()
    assert f"{c.documents} documents" in summary and f"{c.attachments} attached texts" in summary
    assert "10 documents" not in summary             # the stored total is not called "documents"
    assert "kept" in summary


def test_keep_or_refusal_of_a_single_file_closes_without_a_second_page(qtbot, library_copy, tmp_path):
    app = start_app(qtbot, library_copy)
    dlg = app.features["import"].start([str(SAMPLE)])
    _wait_report(qtbot, dlg)
    assert dlg.report.already_present
    dlg.cancel_button.click()                        # 保留库中原有版本
    assert not dlg.isVisible() and dlg.heading.text() != "Done."
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\x00\x01binary" * 50)
    dlg = app.features["import"].start([str(bad)])
    qtbot.waitUntil(lambda: bool(dlg.results), timeout=20000)   # refused, the reason on screen
    assert dlg.isVisible()
    dlg.cancel_button.click()                        # Close
    assert not dlg.isVisible() and dlg.heading.text() != "Done."


def test_only_one_import_report_at_a_time(qtbot, library_copy, tmp_path):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication
    from reader.gui.importing.dialog import ImportDialog
    app = start_app(qtbot, library_copy)
    first = app.features["import"].start([str(SAMPLE)])
    assert first.windowModality() != Qt.WindowModality.NonModal
    other = tmp_path / "x" / SAMPLE.name
    other.parent.mkdir()
    shutil.copyfile(SAMPLE, other)
    second = app.features["import"].start([str(other)])       # e.g. a file dropped meanwhile
    assert second is first and str(other) in first.queue
    shown = [w for w in QApplication.topLevelWidgets() if isinstance(w, ImportDialog) and w.isVisible() and w.parent() is app.window]
    assert len(shown) == 1
    _wait_report(qtbot, first)
    first.cancel_button.click()
    _wait_report(qtbot, first)
    assert first.queue == [str(other)] and first.isVisible()   # the queued file's report, in the same dialog
    first.cancel_button.click()


def test_the_report_uses_plural_forms_in_english(qtbot, library_copy, english):
    from reader.core.importer import parse_file
    from reader.core.import_report import build_report
    from reader.gui.importing.report_view import ReportView
    app = start_app(qtbot, library_copy)
    report = build_report(parse_file(SAMPLE), app.library)
    view = ReportView()
    text = view.totals(report)
    import re
    assert not re.search(r"\b1 (documents|issues|interpretations|sections)\b", text)
    assert not re.search(r"[\u4e00-\u9fff]", text), text           # no Chinese in the English report's own words
    assert "4 documents" in text and "3 interpretations" in text and "(3 paired)" in text
    assert "1 section" not in text and "3 sections" in text
