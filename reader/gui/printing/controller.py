"""Run print jobs without freezing the window, with progress and cancellation.

PDF export runs on a QThread: painting on a QPdfWriter outside the GUI thread is supported
(Qt, "Thread-Support in Qt Modules": QPainter may paint on QImage, QPrinter and QPicture from
other threads; QTextLayout and QFont are reentrant).  Fonts are registered on the GUI thread
before the worker starts.  A real printer is driven on the GUI thread, one page per event-loop
turn, because its QPrintDialog and platform print engine belong there.

Signals: ``progress(done, total, label)`` — emitted from the working thread (queued to GUI
receivers); ``finished(str)`` — the PDF path, or the printer's name; ``failed(str)``;
``cancelled()``.  The last three are emitted on the GUI thread once the work has stopped and
the output is settled (no half-written PDF remains).
"""
from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QThread, QTimer, Signal

from reader.core.printjob import PrintJob
from reader.gui.fonts import family_for, register_fonts
from .render import export_pdf, prepare_printer, render_steps


class _ExportThread(QThread):
    """One per controller, reused: deleting a finished Python QThread from its own finished
    handler (deleteLater) crashed PySide6 6.12."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fn = None
        self.result = None
        self.error: BaseException | None = None

    def run(self):
        try:
            self.result = self.fn()
        except Exception as e:  # reported on the GUI thread, never raised in the worker
            self.error = e


class PrintController(QObject):
    progress = Signal(int, int, str)
    finished = Signal(str)
    failed = Signal(str)
    cancelled = Signal()

    def __init__(self, library, parent: QObject | None = None):
        super().__init__(parent)
        self.library = library
        self._stop = threading.Event()
        self._thread: _ExportThread | None = None
        self._exporting = False
        self._steps = None
        self._printer = None

    # -- state ---------------------------------------------------------------------
    def is_running(self) -> bool:
        return self._exporting or self._steps is not None

    def cancel(self) -> None:
        """Ask the running job to stop; safe from any thread.  ``cancelled`` follows."""
        self._stop.set()

    def wait(self, msecs: int = 30000) -> bool:
        """Block until a PDF export's thread has ended (for shutdown and tests)."""
        return self._thread.wait(msecs) if self._thread is not None else True

    def shutdown(self) -> None:
        """Cancel and wait until nothing runs (closing the dialog or the window)."""
        self.cancel()
        while self._steps is not None:
            self._step(reschedule=False)
        self.wait()

    def _begin(self, job: PrintJob | None = None) -> None:
        if self.is_running():
            raise RuntimeError("已有打印任务在进行")
        register_fonts()                 # on the GUI thread, before any worker paints text
        for _role, choice in (job.fonts if job else ()):
            family_for(choice)           # a chosen font file is loaded here too, not in the worker
        self._stop = threading.Event()

    # -- PDF on a worker thread ------------------------------------------------------
    def export_pdf(self, job: PrintJob, path: str) -> None:
        self._begin(job)
        if self._thread is None:
            self._thread = _ExportThread(self)
            self._thread.finished.connect(self._thread_done)
        stop, thread = self._stop, self._thread
        thread.fn = lambda: export_pdf(self.library, job, path, self.progress.emit, stop.is_set)
        thread.result = thread.error = None
        self._exporting = True
        thread.start()

    def _thread_done(self) -> None:
        thread = self._thread
        thread.wait()                    # finished is emitted just before run() has fully returned
        self._exporting = False
        if thread.error is not None:
            self.failed.emit(str(thread.error) or type(thread.error).__name__)
        elif thread.result is None:
            self.cancelled.emit()
        else:
            self.finished.emit(str(thread.result))

    # -- a printer on the GUI thread, a page per event-loop turn --------------------------
    def print_to(self, printer, job: PrintJob) -> None:
        self._begin(job)
        prepare_printer(printer, job)
        self._printer = printer
        self._steps = render_steps(printer, self.library, job, self.progress.emit, self._stop.is_set)
        QTimer.singleShot(0, self._step)

    def _step(self, reschedule: bool = True) -> None:
        if self._steps is None:
            return
        try:
            next(self._steps)
        except StopIteration as stop:
            self._steps = None
            if stop.value.cancelled:
                self.cancelled.emit()
            else:
                self.finished.emit(self._printer.printerName() or self._printer.outputFileName())
            return
        except Exception as e:
            self._steps = None
            from ..core_text import say
            self.failed.emit(say(e) or type(e).__name__)
            return
        if reschedule:
            QTimer.singleShot(0, self._step)
