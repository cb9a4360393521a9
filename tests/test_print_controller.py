"""Long jobs never freeze the window: a worker thread, progress, cancellation, no half-written PDF."""
from __future__ import annotations

import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from reader.core.importer import parse_file, store
from reader.core.library import Library
from reader.core.printjob import PrintJob
from reader.core.store.writer import LibraryWriter
from reader.gui.printing import PrintController, export_pdf

pdfium = pytest.importorskip("pypdfium2")


@pytest.fixture(scope="module")
def web_library(tmp_path_factory, corpus_files):
    """Twenty State Council documents, imported as standalone texts."""
    db = tmp_path_factory.mktemp("web") / "web.db"
    writer = LibraryWriter(db)
    for f in corpus_files[:20]:
        store(writer, parse_file(f))
    writer.close()
    lib = Library(db)
    yield lib
    lib.close()


def _keys(lib):
    keys = [d.key for d in lib.standalone_documents()]
    assert len(keys) == 20
    return keys


def test_twenty_documents_export_in_a_thread(qtbot, web_library, tmp_path):
    ctl = PrintController(web_library)
    seen, threads = [], set()
    ctl.progress.connect(lambda d, t, label: (seen.append((d, t)), threads.add(threading.get_ident())),
                         Qt.ConnectionType.DirectConnection)
    target = tmp_path / "all.pdf"
    with qtbot.waitSignal(ctl.finished, timeout=120000) as done:
        ctl.export_pdf(PrintJob(keys=_keys(web_library)), str(target))
        assert ctl.is_running()                       # export_pdf returned at once
    assert done.args == [str(target)]
    assert threading.get_ident() not in threads       # the work ran off the GUI thread
    assert seen[0] == (0, 20) and seen[-1] == (20, 20)
    doc = pdfium.PdfDocument(str(target))
    assert len(doc) > 20
    text = "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    assert text.count("本件据政府网站公开文本") >= 20
    assert not ctl.is_running()


def test_cancel_after_first_progress_leaves_no_file(qtbot, web_library, tmp_path):
    ctl = PrintController(web_library)
    seen = []

    def on_progress(done, total, label):
        seen.append(done)
        ctl.cancel()                                  # from the worker thread, right after the first signal
    ctl.progress.connect(on_progress, Qt.ConnectionType.DirectConnection)
    target = tmp_path / "cancelled.pdf"
    finished = []
    ctl.finished.connect(finished.append)
    with qtbot.waitSignal(ctl.cancelled, timeout=60000):
        ctl.export_pdf(PrintJob(keys=_keys(web_library)), str(target))
    assert seen == [0]                                # stopped before the second document
    assert not finished
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []             # the temporary file is gone too
    assert not ctl.is_running()


def test_failure_is_reported_not_raised(qtbot, web_library, tmp_path):
    ctl = PrintController(web_library)
    with qtbot.waitSignal(ctl.failed, timeout=60000) as failed:
        ctl.export_pdf(PrintJob(keys=["no/such/doc"]), str(tmp_path / "x.pdf"))
    assert "no/such/doc" in failed.args[0]
    with qtbot.waitSignal(ctl.failed, timeout=60000) as failed:
        ctl.export_pdf(PrintJob(keys=_keys(web_library)[:1], page_range="999"), str(tmp_path / "y.pdf"))
    assert "page range" in failed.args[0]       # the print engine's words, untranslated (English)
    assert list(tmp_path.iterdir()) == []


def test_printer_path_runs_on_gui_thread_page_by_page(qtbot, web_library, tmp_path):
    """A QPrinter (here writing PDF, as "print to file" does) is painted by the same engine."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    out = tmp_path / "printer.pdf"
    printer.setOutputFileName(str(out))
    ctl = PrintController(web_library)
    job = PrintJob(keys=_keys(web_library)[:3], page_range="1-2,4")
    with qtbot.waitSignal(ctl.finished, timeout=60000):
        ctl.print_to(printer, job)
        assert ctl.is_running()                       # returns before the pages are painted
    doc = pdfium.PdfDocument(str(out))
    assert len(doc) == 3
    w, h = doc[0].get_size()
    assert abs(w - 595.3) < 1 and abs(h - 841.9) < 1
    reference = tmp_path / "reference.pdf"
    export_pdf(web_library, job, reference)
    ref = pdfium.PdfDocument(str(reference))
    for i in range(3):                                # same engine, same text on the same pages
        assert doc[i].get_textpage().get_text_range() == ref[i].get_textpage().get_text_range()


def test_printer_job_can_be_cancelled(qtbot, web_library, tmp_path):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "p.pdf"))
    ctl = PrintController(web_library)
    ctl.progress.connect(lambda *a: ctl.cancel())
    with qtbot.waitSignal(ctl.cancelled, timeout=60000):
        ctl.print_to(printer, PrintJob(keys=_keys(web_library)))
    assert not ctl.is_running()
