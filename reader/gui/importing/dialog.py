"""Bring in a new issue: read it off the GUI thread, show what was found, store only
when the user confirms. Cancelling at any point leaves the library untouched."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QLabel, QProgressBar, QPushButton, QTextBrowser,
                               QVBoxLayout)

from ..plain import plain_label
from ..workers import run_in_background


class ImportDialog(QDialog):
    """One file at a time: parse (worker) → report → confirm → store (worker)."""
    imported = Signal(str)        # the path, once stored
    refused = Signal(str, str)    # path, the importer's one-line reason

    def __init__(self, parent, library, library_path: Path, paths: list[str]):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import"))
        self.setObjectName("importDialog")
        self.resize(760, 620)
        # One report at a time: the window waits while it is open (more files join its queue).
        self.setWindowModality(Qt.WindowModality.WindowModal)
        from .report_view import ReportView
        self.report_view = ReportView(self)
        self.finished_all = False
        self.library = library
        self.library_path = Path(library_path)
        self.queue = list(paths)
        self.parsed = None
        self.report = None
        self.task = None
        self.results: list[tuple[str, str]] = []     # (path, outcome)
        self.heading = plain_label(QLabel(self))     # shows file names
        self.heading.setWordWrap(True)
        self.progress = QProgressBar(self)
        self.progress.setRange(0, 0)
        self.text = QTextBrowser(self)
        self.text.setOpenLinks(False)
        self.buttons = QDialogButtonBox(self)
        self.import_button = QPushButton(self.tr("Import"), self)
        self.replace_button = QPushButton(self.tr("Replace the copy in the library"), self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        for b, role in ((self.import_button, QDialogButtonBox.ButtonRole.AcceptRole),
                        (self.replace_button, QDialogButtonBox.ButtonRole.AcceptRole),
                        (self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)):
            self.buttons.addButton(b, role)
        self.import_button.clicked.connect(lambda: self.confirm(replace=False))
        self.replace_button.clicked.connect(lambda: self.confirm(replace=True))
        self.cancel_button.clicked.connect(self.cancel)
        lay = QVBoxLayout(self)
        lay.addWidget(self.heading)
        lay.addWidget(self.progress)
        lay.addWidget(self.text)
        lay.addWidget(self.buttons)
        self._next()

    # -- steps ----------------------------------------------------------------------
    def _next(self) -> None:
        self.parsed = self.report = None
        if not self.queue:
            self._finish()
            return
        path = self.queue[0]
        self.heading.setText(self.tr("Reading {0}…").format(Path(path).name))
        self.text.clear()
        self._busy(True)
        library = self.library

        def work(token):
            from ...core.import_report import build_report
            from ...core.importer import parse_file
            parsed = parse_file(path)
            if token.is_cancelled():
                return None
            return parsed, build_report(parsed, library)

        self.task = run_in_background(work, self._show_report, self._failed)

    def _show_report(self, result) -> None:
        self._busy(False)
        if result is None:
            return
        self.parsed, self.report = result
        r = self.report
        path = self.queue[0]
        self.heading.setText(self.tr("Found in {0}:").format(Path(path).name))
        self.text.setHtml(self.report_view.html(r))
        present = r.already_present
        same = present and r.existing is not None and r.existing.identical
        self.import_button.setVisible(not present)
        self.replace_button.setVisible(present and not same)
        self.cancel_button.setText(self.tr("Keep the library as it is") if present else self.tr("Cancel"))

    def _failed(self, message: str) -> None:
        self._busy(False)
        self.cancel_button.setEnabled(True)
        path = self.queue.pop(0)
        from ..core_text import say_failure
        reason = say_failure(message)        # the importer's words, in the window's language
        self.results.append((path, self.tr("refused: {0}").format(reason)))
        self.refused.emit(path, reason)
        self.heading.setText(self.tr("{0} was not imported:").format(Path(path).name))
        self.text.setPlainText(reason)
        self.import_button.hide()
        self.replace_button.hide()
        self.cancel_button.setText(self.tr("Next") if self.queue else self.tr("Close"))
        self._waiting_after_refusal = True

    def confirm(self, replace: bool = False) -> None:
        if self.parsed is None:
            return
        parsed, path, library = self.parsed, self.queue[0], self.library
        self.heading.setText(self.tr("Storing {0}…").format(Path(path).name))
        self._busy(True)
        self.cancel_button.setEnabled(False)   # one short transaction: it completes or changes nothing
        def work(token):
            return library.store_import(parsed, replace=replace)

        self.task = run_in_background(work, lambda n: self._stored(path, n), self._failed)

    def _stored(self, path: str, count: int) -> None:
        self._busy(False)
        self.cancel_button.setEnabled(True)
        self.queue.pop(0)
        # In the report's own terms (documents, attached texts, interpretations), which add up to ``count``.
        self.results.append((path, self.report_view.stored(self.report)))
        self.imported.emit(path)
        self._next()

    def cancel(self) -> None:
        """At the report: skip this file, nothing stored. While working: stop."""
        if getattr(self, "_waiting_after_refusal", False):
            self._waiting_after_refusal = False
            self._next()
            return
        if self.task is not None:
            self.task.cancel()
        if self.queue:
            kept = self.report is not None and self.report.already_present
            self.results.append((self.queue.pop(0), self.tr("the library's copy kept") if kept
                                 else self.tr("cancelled")))
        self._next()

    def enqueue(self, paths: list[str]) -> None:
        """More files while this report is open: they wait their turn here, not in a second report."""
        self.queue.extend(paths)
        if self.finished_all:
            self.finished_all = False
            self.cancel_button.clicked.disconnect()
            self.cancel_button.clicked.connect(self.cancel)
            self._next()

    def _busy(self, on: bool) -> None:
        self.progress.setVisible(on)
        self.import_button.setEnabled(not on)
        self.replace_button.setEnabled(not on)
        if on:
            self.import_button.hide()
            self.replace_button.hide()
            self.cancel_button.setText(self.tr("Cancel"))

    def _finish(self) -> None:
        self.finished_all = True
        if len(self.results) <= 1:
            # One file: its outcome is what the reader just saw or chose (the report, the refusal,
            # "keep"); a second page saying "done" would only repeat it.
            self.accept()
            return
        self.heading.setText(self.tr("Done."))
        lines = [self.tr("{0}: {1}").format(Path(p).name, outcome) for p, outcome in self.results]
        self.text.setPlainText("\n".join(lines))
        self.import_button.hide()
        self.replace_button.hide()
        self.progress.hide()
        self.cancel_button.setText(self.tr("Close"))
        self.cancel_button.clicked.disconnect()
        self.cancel_button.clicked.connect(self.accept)

    def closeEvent(self, event):  # noqa: N802
        if self.task is not None:
            self.task.cancel()
        super().closeEvent(event)


