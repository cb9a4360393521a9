"""The print dialog: choices, options, export with progress, preview through the same engine."""
from __future__ import annotations

import pytest
from PySide6.QtPrintSupport import QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QMessageBox

from reader.gui.printing import dialog as dialog_module
from reader.gui.printing import open_print_dialog

pdfium = pytest.importorskip("pypdfium2")


@pytest.fixture(scope="module")
def docs(library):
    issue = library.issues()[0]
    return [d for s in library.sections(issue.key) for d in library.section_documents(s.id)]


def notes_provider(keys):
    notes = [{"doc_title": "文件甲", "quote": "第一段摘录", "note": "**要点**：甲", "note_type": "笔记",
              "date": "2024-05-01", "citation": "第1段", "doc_key": "a"}]
    return notes if keys is None else [n for n in notes if n["doc_key"] in keys] + [
        {"doc_title": "本组文件", "quote": "摘录", "note": "附在后面", "note_type": "书签"}]


def _choice(dialog, name):
    return next(b for b, kind, _ in dialog._choices if kind == name)


def test_choices_and_jobs(qtbot, library, docs):
    interp = library.document(docs[0].key).interpretations[0]
    dlg = open_print_dialog(None, library, interp.key, [docs[1].key, docs[2].key], notes_provider)
    qtbot.addWidget(dlg)
    assert dlg.isVisible() and not dlg.isModal()
    assert [kind for _, kind, _ in dlg._choices] == ["current", "picked", "packet", "notes"]
    job = dlg.job()
    assert job.keys == (interp.key,) and not job.notes
    _choice(dlg, "picked").setChecked(True)
    dlg.interpretations.setChecked(True)
    dlg.notes_appendix.setChecked(True)
    dlg.page_range.setText("1-3,5")
    job = dlg.job()
    assert job.keys == (docs[1].key, docs[2].key) and job.include_interpretations
    assert job.notes_appendix and [n.doc_title for n in job.notes] == ["本组文件"]
    assert job.pages() == {1, 2, 3, 5}
    _choice(dlg, "packet").setChecked(True)
    job = dlg.job()
    assert job.keys == (docs[0].key,) and job.include_interpretations      # the policy of the interpretation
    _choice(dlg, "notes").setChecked(True)
    job = dlg.job()
    assert job.keys == () and [n.quote for n in job.notes] == ["第一段摘录"]
    assert not dlg.notes_appendix.isEnabled()


def test_bad_page_range_is_refused(qtbot, library, docs, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    dlg = open_print_dialog(None, library, docs[0].key, [])
    qtbot.addWidget(dlg)
    dlg.page_range.setText("3-1")
    dlg.export("/nonexistent/never.pdf")
    assert warned and "page range" in warned[0]       # the core's words, in the (untranslated, English) interface
    assert not dlg.controller.is_running()


def test_export_runs_in_background_with_progress(qtbot, library, docs, tmp_path):
    dlg = open_print_dialog(None, library, docs[0].key, [d.key for d in docs], notes_provider)
    qtbot.addWidget(dlg)
    _choice(dlg, "picked").setChecked(True)
    dlg.interpretations.setChecked(True)
    target = tmp_path / "picked.pdf"
    with qtbot.waitSignal(dlg.controller.finished, timeout=60000):
        dlg.export(str(target))
        assert dlg.controller.is_running() and not dlg.pdf_button.isEnabled()
        assert dlg.cancel_button.isVisibleTo(dlg)
    assert target.exists() and str(target) in dlg.status.text()
    assert dlg.pdf_button.isEnabled() and not dlg.cancel_button.isVisibleTo(dlg)
    text = "".join(p.get_textpage().get_text_range() for p in pdfium.PdfDocument(str(target)))
    assert "解读" in text


def test_preview_uses_the_same_engine(qtbot, library, docs, monkeypatch):
    counted = []

    class FakePreview(QPrintPreviewDialog):
        def exec(self):
            self.show()
            QApplication.processEvents()
            counted.append(self.findChild(QPrintPreviewWidget).pageCount())
            self.close()
            return 0
    monkeypatch.setattr(dialog_module, "QPrintPreviewDialog", FakePreview)
    dlg = open_print_dialog(None, library, docs[3].key, [])
    qtbot.addWidget(dlg)
    dlg.preview()
    assert counted == [1]                                          # the appointment fits on one page
    dlg.page_range.setText("2")
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *a: warned.append(a[2]))
    dlg.preview()
    assert warned and "No pages in the chosen page range" in warned[0]      # the untranslated, English interface
