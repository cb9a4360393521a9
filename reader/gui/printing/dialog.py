"""The print dialog: what to print, the options, then 预览 / 打印 / 导出 PDF.

Non-modal: a PDF export runs on a worker thread with a progress bar and a 取消 button in the
dialog, so the reading window stays usable.  ``open_print_dialog`` is the entry point for the
menu and Ctrl+P.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QDialog, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QProgressBar, QPushButton,
                               QRadioButton, QVBoxLayout, QWidget)

from reader.core.model import INTERPRETATION
from reader.core.printjob import PageRangeError, PrintJob, PrintNote, parse_page_range
from .controller import PrintController
from .render import PrintError, job_for_printer, prepare_printer, render

# notes_provider(keys): the notes on those documents; notes_provider(None): every bookmarked passage.
NotesProvider = Callable[[tuple[str, ...] | None], Iterable[PrintNote | Mapping]]


class PrintDialog(QDialog):
    def __init__(self, library, current_key: str | None = None, picked_keys: Sequence[str] = (),
                 notes_provider: NotesProvider | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.notes_provider = notes_provider
        self.controller = PrintController(library, self)
        self.setWindowTitle(self.tr("Print and export PDF"))
        self._choices: list[tuple[QRadioButton, str, tuple[str, ...]]] = []
        self._build(current_key, tuple(dict.fromkeys(picked_keys)))
        self.controller.progress.connect(self._on_progress)
        self.controller.finished.connect(self._on_finished)
        self.controller.failed.connect(self._on_failed)
        self.controller.cancelled.connect(self._on_cancelled)

    # -- widgets -----------------------------------------------------------------------
    def _build(self, current_key, picked) -> None:
        box = QGroupBox(self.tr("What to print"))
        col = QVBoxLayout(box)
        self._group = QButtonGroup(self)
        current = self.library.info(current_key) if current_key else None
        if current:
            self._add_choice(col, self.tr("Current document: %1").replace("%1", _short(current.title)), "current",
                             (current.key,), current.title)
        if len(picked) > 0 and picked != ((current.key,) if current else ()):
            self._add_choice(col, self.tr("%n picked document(s)", "", len(picked)), "picked", picked)
        policy = self._policy_of(current)
        if policy is not None and policy.interpretation_count:
            self._add_choice(col, self.tr("Policy with its interpretation: %1").replace("%1", _short(policy.title)), "packet",
                             (policy.key,), policy.title)
        if self.notes_provider is not None:
            self._add_choice(col, self.tr("Bookmarked passages and notes"), "notes", ())
        if self._choices:
            self._choices[0][0].setChecked(True)

        options = QGroupBox(self.tr("Options"))
        form = QFormLayout(options)
        self.interpretations = QCheckBox(self.tr("Include the interpretation"))
        self.notes_appendix = QCheckBox(self.tr("Add my notes as an appendix"))
        self.notes_appendix.setEnabled(self.notes_provider is not None)
        self.mirror = QCheckBox(self.tr("Double-sided layout (binding edge on the right of even pages)"))
        self.mirror.setChecked(True)
        self.page_range = QLineEdit()
        self.page_range.setPlaceholderText(self.tr("All pages; e.g. 1-3,5"))
        form.addRow(self.interpretations)
        form.addRow(self.notes_appendix)
        form.addRow(self.mirror)
        form.addRow(self.tr("Page range:"), self.page_range)

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.hide()
        self.preview_button = QPushButton(self.tr("Preview"))
        self.print_button = QPushButton(self.tr("Print…"))
        self.pdf_button = QPushButton(self.tr("Export PDF…"))
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.cancel_button.hide()
        self.close_button = QPushButton(self.tr("Close"))
        self.preview_button.clicked.connect(self.preview)
        self.print_button.clicked.connect(self.print_)
        self.pdf_button.clicked.connect(self.export)
        self.cancel_button.clicked.connect(self.controller.cancel)
        self.close_button.clicked.connect(self.close)
        buttons = QHBoxLayout()
        for b in (self.preview_button, self.print_button, self.pdf_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(box)
        layout.addWidget(options)
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._group.buttonToggled.connect(lambda *_: self._sync())
        self._sync()

    def _add_choice(self, layout, text: str, kind: str, keys: tuple[str, ...], tip: str = "") -> None:
        button = QRadioButton(text)
        button.setToolTip(tip)
        button.setObjectName(kind)
        self._group.addButton(button)
        layout.addWidget(button)
        self._choices.append((button, kind, keys))

    def _policy_of(self, info):
        if info is None:
            return None
        if info.kind == INTERPRETATION or info.role == "attachment":
            return self.library.info(info.parent_key) if info.parent_key else None
        return info

    def _selected(self) -> tuple[str, tuple[str, ...]]:
        for button, kind, keys in self._choices:
            if button.isChecked():
                return kind, keys
        return "", ()

    def _sync(self) -> None:
        kind, _ = self._selected()
        self.interpretations.setEnabled(kind in ("current", "picked"))
        if kind == "packet":
            self.interpretations.setChecked(True)
        self.notes_appendix.setEnabled(self.notes_provider is not None and kind != "notes")
        has_content = bool(kind)
        for b in (self.preview_button, self.print_button, self.pdf_button):
            b.setEnabled(has_content and not self.controller.is_running())

    # -- the job -----------------------------------------------------------------------
    def job(self) -> PrintJob:
        """The job the dialog describes; raises PageRangeError for a bad page range."""
        kind, keys = self._selected()
        parse_page_range(self.page_range.text())
        notes: tuple = ()
        if kind == "notes":
            notes = tuple(self.notes_provider(None) or ())
        elif self.notes_appendix.isChecked() and self.notes_provider is not None:
            notes = tuple(self.notes_provider(self._related_keys(keys)) or ())
        title = self.library.info(keys[0]).title if keys else self.tr("Reading notes")
        return PrintJob(keys=keys, include_interpretations=kind == "packet" or self.interpretations.isChecked(),
                        notes=notes, notes_appendix=kind != "notes" and self.notes_appendix.isChecked(),
                        page_range=self.page_range.text(), mirror_margins=self.mirror.isChecked(),
                        title=title)

    def _related_keys(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        out = list(keys)
        for key in keys:
            out.extend(c.key for c in self.library.children(key))
        return tuple(dict.fromkeys(out))

    def _job_or_warn(self) -> PrintJob | None:
        try:
            return self.job()
        except (PageRangeError, LookupError) as e:
            QMessageBox.warning(self, self.tr("Print"), str(e))
            return None

    # -- actions -------------------------------------------------------------------------
    def preview(self) -> None:
        job = self._job_or_warn()
        if job is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, job)
        dialog = QPrintPreviewDialog(printer, self)
        dialog.setWindowTitle(self.tr("Print preview"))
        errors: list[str] = []

        def paint(p):
            try:
                render(p, self.library, job_for_printer(job, p))
            except (PrintError, LookupError) as e:
                errors.append(str(e))
        dialog.paintRequested.connect(paint)
        dialog.exec()
        if errors:
            QMessageBox.warning(self, self.tr("Print preview"), errors[-1])

    def print_(self) -> None:
        job = self._job_or_warn()
        if job is None:
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, job)
        dialog = QPrintDialog(printer, self)
        dialog.setOption(QAbstractPrintDialog.PrintDialogOption.PrintPageRange, True)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.controller.print_to(printer, job_for_printer(job, printer))
        self._started(self.tr("Printing…"))

    def export(self, path: str | None = None) -> None:
        job = self._job_or_warn()
        if job is None:
            return
        if not path:
            from ..file_dialogs import remember, start_path
            suggested = start_path(None, _file_name(job.title) + ".pdf")   # documents folder, then the last one
            path, _ = QFileDialog.getSaveFileName(self, self.tr("Export PDF"), suggested, self.tr("PDF files (*.pdf)"))
            if not path:
                return
            remember(None, path)
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
        self.controller.export_pdf(job, path)
        self._started(self.tr("Exporting PDF…"))

    # -- progress ------------------------------------------------------------------------
    def _started(self, text: str) -> None:
        self.status.setText(text)
        self.bar.setRange(0, 0)
        self.bar.show()
        self.cancel_button.show()
        self.close_button.setEnabled(False)
        self._sync()

    def _stopped(self, text: str) -> None:
        self.status.setText(text)
        self.bar.hide()
        self.cancel_button.hide()
        self.close_button.setEnabled(True)
        self._sync()

    def _on_progress(self, done: int, total: int, label: str) -> None:
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        self.status.setText(self.tr("%1/%2　%3").replace("%1", str(done)).replace("%2", str(total))
                            .replace("%3", label))

    def _on_finished(self, where: str) -> None:
        self._stopped(self.tr("Done: %1").replace("%1", where))

    def _on_failed(self, message: str) -> None:
        self._stopped(self.tr("Could not finish: %1").replace("%1", message))
        QMessageBox.warning(self, self.tr("Print"), message)

    def _on_cancelled(self) -> None:
        self._stopped(self.tr("Cancelled; no unfinished file was left behind."))

    def closeEvent(self, event) -> None:
        self.controller.shutdown()
        super().closeEvent(event)

    def done(self, result: int) -> None:
        # Esc and the close button end the dialog through done(), not closeEvent: a running
        # export is cancelled and waited for first, or its thread would die with the dialog.
        self.controller.shutdown()
        super().done(result)


def _short(title: str, limit: int = 26) -> str:
    return title if len(title) <= limit else title[:limit - 1] + "…"


def _file_name(title: str) -> str:
    return re.sub(r'[\\/:*?"<>|\s]+', "_", title).strip("_")[:80] or "gazette"


def open_print_dialog(parent: QWidget | None, library, current_key: str | None,
                      picked_keys: Sequence[str] = (), notes_provider: NotesProvider | None = None) -> PrintDialog:
    """Show the (non-modal) print dialog for the menu's 打印… / Ctrl+P; returns it."""
    dialog = PrintDialog(library, current_key, picked_keys, notes_provider, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    dialog.raise_()
    dialog.activateWindow()
    return dialog
