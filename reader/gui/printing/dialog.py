"""The print dialog: what to print, the options, then 预览 / 打印 / 导出 PDF.

Non-modal: a PDF export runs on a worker thread with a progress bar and a 取消 button in the
dialog, so the reading window stays usable.  ``open_print_dialog`` is the entry point for the
menu and Ctrl+P.
"""
from __future__ import annotations

import re
import threading
from pathlib import Path
from typing import Callable, Iterable, Mapping, Sequence

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QAbstractPrintDialog, QPrintDialog, QPrinter, QPrintPreviewDialog
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import (QButtonGroup, QCheckBox, QComboBox, QDialog, QFileDialog, QFormLayout, QGroupBox,
                               QHBoxLayout, QLabel, QLineEdit, QMessageBox, QProgressBar, QPushButton,
                               QRadioButton, QVBoxLayout, QWidget)

from reader.core.model import INTERPRETATION
from reader.core.printjob import PageRangeError, PrintJob, PrintNote, parse_page_range
from reader.core import words
from reader.gui import fonts
from reader.gui.settings import open_settings
from ..core_text import say
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
        # The title breaker's dictionary (~0.5 s to load) loads while the user picks options.
        threading.Thread(target=words.warm_up, name="jieba-warm-up", daemon=True).start()
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
        self.restart_numbers = QCheckBox(self.tr("Page numbers start at 1 for each document"))
        form.addRow(self.interpretations)
        form.addRow(self.notes_appendix)
        form.addRow(self.mirror)
        form.addRow(self.restart_numbers)
        form.addRow(self.tr("Page range:"), self.page_range)
        self.mirror.setToolTip(self.tr("Each document starts on an odd page; a blank page fills the back "
                                       "of a document's last sheet."))

        self.status = QLabel()
        self.status.setTextFormat(Qt.TextFormat.PlainText)    # shows document titles
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
        layout.addWidget(self._font_box())
        layout.addWidget(self.bar)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        self._group.buttonToggled.connect(lambda *_: self._sync())
        self._load_settings()
        self._sync()

    # -- fonts per role (remembered) -----------------------------------------------------
    def _role_names(self) -> dict[str, str]:
        return {"title": self.tr("Title"), "body": self.tr("Body text"), "heading1": self.tr("Level 1 heading"),
                "heading2": self.tr("Level 2 heading"), "page_number": self.tr("Page number")}

    def _wanted_names(self) -> dict[str, str]:
        return {"title": self.tr("XiaoBiaoSong"), "body": self.tr("FangSong"), "heading1": self.tr("HeiTi"),
                "heading2": self.tr("KaiTi"), "page_number": self.tr("SongTi")}

    def _font_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Fonts"))
        form = QFormLayout(box)
        self.font_choices: dict[str, QComboBox] = {}
        self.font_notes: dict[str, QLabel] = {}
        families = sorted(f for f in QFontDatabase.families() if not QFontDatabase.isPrivateFamily(f))
        for role in fonts.PRINT_ROLES:
            combo = QComboBox()
            combo.setEditable(False)
            combo.addItem(self.tr("Automatic"), "")
            for family in families:
                combo.addItem(family, family)
            combo.setObjectName(f"font_{role}")
            pick = QPushButton(self.tr("Font file…"))
            pick.clicked.connect(lambda _=False, r=role: self._pick_font_file(r))
            note = QLabel()
            note.setWordWrap(True)
            row = QHBoxLayout()
            row.addWidget(combo, 1)
            row.addWidget(pick)
            holder = QVBoxLayout()
            holder.addLayout(row)
            holder.addWidget(note)
            form.addRow(self.tr("{0}:").format(self._role_names()[role]), holder)
            combo.currentIndexChanged.connect(lambda *_: self._describe_fonts())
            self.font_choices[role] = combo
            self.font_notes[role] = note
        return box

    def _pick_font_file(self, role: str) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a font file"), "",
                                              self.tr("Fonts (*.ttf *.otf *.ttc *.otc)"))
        if path:
            self.set_font_choice(role, path)

    def set_font_choice(self, role: str, choice: str) -> None:
        """Choose a family or a font file for a role ("" = automatic)."""
        combo = self.font_choices[role]
        index = combo.findData(choice)
        if index < 0:
            label = Path(choice).name if fonts._looks_like_file(choice) else choice
            combo.addItem(label, choice)
            index = combo.count() - 1
        combo.setCurrentIndex(index)

    def font_overrides(self) -> dict[str, str]:
        return {role: c.currentData() for role, c in self.font_choices.items() if c.currentData()}

    def _describe_fonts(self) -> None:
        summary = fonts.role_summary(self.font_overrides())
        wanted = self._wanted_names()
        for role, (family, stand_in) in summary.items():
            choice = self.font_choices[role].currentData()
            if choice and not family:
                text = self.tr("Cannot use %1; the automatic choice applies.").replace("%1", choice)
            elif stand_in:
                text = (self.tr("No %1 is installed: %2 stands in.")
                        .replace("%1", wanted[role]).replace("%2", family))
            else:
                text = self.tr("Uses %1.").replace("%1", family)
            self.font_notes[role].setText(text)

    def _load_settings(self) -> None:
        s = open_settings()
        s.beginGroup("print")
        self.restart_numbers.setChecked(str(s.value("restart_numbers", "false")).lower() in ("true", "1"))
        self.mirror.setChecked(str(s.value("double_sided", "true")).lower() in ("true", "1"))
        for role in fonts.PRINT_ROLES:
            choice = str(s.value(f"font_{role}", "") or "")
            if choice:
                self.set_font_choice(role, choice)
        s.endGroup()
        self._describe_fonts()

    def save_settings(self) -> None:
        s = open_settings()
        s.beginGroup("print")
        s.setValue("restart_numbers", self.restart_numbers.isChecked())
        s.setValue("double_sided", self.mirror.isChecked())
        for role in fonts.PRINT_ROLES:
            s.setValue(f"font_{role}", self.font_choices[role].currentData() or "")
        s.endGroup()
        s.sync()

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
        self.save_settings()
        return PrintJob(keys=keys, include_interpretations=kind == "packet" or self.interpretations.isChecked(),
                        notes=notes, notes_appendix=kind != "notes" and self.notes_appendix.isChecked(),
                        page_range=self.page_range.text(), mirror_margins=self.mirror.isChecked(),
                        title=title, restart_numbers=self.restart_numbers.isChecked(),
                        fonts=tuple(self.font_overrides().items()))

    def _related_keys(self, keys: tuple[str, ...]) -> tuple[str, ...]:
        out = list(keys)
        for key in keys:
            out.extend(c.key for c in self.library.children(key))
        return tuple(dict.fromkeys(out))

    def _job_or_warn(self) -> PrintJob | None:
        try:
            return self.job()
        except (PageRangeError, LookupError) as e:
            QMessageBox.warning(self, self.tr("Print"), say(e))
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
                errors.append(say(e))
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
