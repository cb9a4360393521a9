"""Cancelling a PDF export from the window's own thread (the Cancel button, Esc) stops it:
no finished signal, no PDF, no temporary file.

The worker is held at its first progress report until the cancel has been given, so the
outcome does not depend on how fast the machine is: an export that ignored the cancel
would run to the end and leave a complete PDF behind.
"""
from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt

from reader.core.printjob import PrintJob
from reader.gui.printing import PrintController, open_print_dialog

pytest.importorskip("pypdfium2")


def _keys(library):
    issue = library.issues()[0]
    keys = [d.key for s in library.sections(issue.key) for d in library.section_documents(s.id)]
    assert len(keys) >= 4
    return keys


class Gate:
    """Holds the worker thread at its first progress report until opened."""

    def __init__(self, controller):
        self.held = threading.Event()
        self.open = threading.Event()
        self.progress: list[int] = []
        self.threads: set[int] = set()
        controller.progress.connect(self._on_progress, Qt.ConnectionType.DirectConnection)

    def _on_progress(self, done, total, label):
        self.progress.append(done)
        self.threads.add(threading.get_ident())
        if not self.open.is_set():
            self.held.set()
            self.open.wait(20)


def _outcomes(controller):
    seen = []
    controller.finished.connect(lambda where: seen.append(("finished", where)))
    controller.failed.connect(lambda message: seen.append(("failed", message)))
    controller.cancelled.connect(lambda: seen.append("cancelled"))
    return seen


def test_cancel_on_the_gui_thread_stops_the_export_and_leaves_no_file(qtbot, library, tmp_path):
    ctl = PrintController(library)
    gate = Gate(ctl)
    seen = _outcomes(ctl)
    target = tmp_path / "gui-cancel.pdf"
    ctl.export_pdf(PrintJob(keys=_keys(library)), str(target))
    qtbot.waitUntil(gate.held.is_set, timeout=60000)
    assert threading.get_ident() not in gate.threads            # the export runs on its worker
    ctl.cancel()                                                # here: the GUI thread
    gate.open.set()
    qtbot.waitUntil(lambda: bool(seen), timeout=60000)
    assert seen == ["cancelled"]
    assert gate.progress == [0]                                 # no document after the cancel
    assert not target.exists()
    assert list(tmp_path.iterdir()) == []                       # no .part either
    assert not ctl.is_running()
    # The controller is usable again afterwards, and a job left alone does finish.
    with qtbot.waitSignal(ctl.finished, timeout=60000):
        ctl.export_pdf(PrintJob(keys=_keys(library)[:1]), str(target))
    assert target.exists()


def test_escape_in_the_dialog_cancels_the_running_export(qtbot, library, tmp_path):
    keys = _keys(library)
    dlg = open_print_dialog(None, library, keys[0], keys)         # deletes itself when closed
    ctl = dlg.controller
    gate = Gate(ctl)
    seen = _outcomes(ctl)
    real_cancel = ctl.cancel

    def cancel_then_release():                                  # what Esc calls, then let the worker go on
        real_cancel()
        gate.open.set()
    ctl.cancel = cancel_then_release
    gone = []
    dlg.destroyed.connect(lambda *_: gone.append(True))
    target = tmp_path / "out.pdf"
    dlg.export(str(target))
    qtbot.waitUntil(gate.held.is_set, timeout=60000)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert gate.open.is_set()                                   # Esc asked for the cancel
    qtbot.waitUntil(lambda: bool(gone), timeout=30000)
    assert gate.progress == [0]                                 # the worker stopped at the cancel
    assert ("finished", str(target)) not in seen
    assert not target.exists()                                  # no PDF, complete or partial
    assert list(tmp_path.iterdir()) == []                       # and no hidden .part file
