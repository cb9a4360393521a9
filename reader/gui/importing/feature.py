"""File → Import (and files dropped on the window), Remove issue, Issues by year.

Installed after the first paint, and light: the dialogs' modules are imported
when first asked for."""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...core.errors import StoreError
from ...core.location import Location

ACCEPTED = (".txt", ".pdf")


class ImportFeature(QObject):
    def __init__(self, app):
        super().__init__(app)
        self.app = app
        self.dialog = None
        a = app.window.actions
        a.import_.triggered.connect(self.choose_files)
        a.remove_issue.triggered.connect(self.remove_current_issue)
        a.completeness.triggered.connect(self.show_completeness)
        app.window.setAcceptDrops(True)
        app.window.installEventFilter(self)

    # -- import ----------------------------------------------------------------------
    def choose_files(self) -> None:
        from ..file_dialogs import remember, start_folder
        paths, _ = QFileDialog.getOpenFileNames(
            self.app.window, self.tr("Import a gazette issue or documents"), start_folder(self.app.settings),
            self.tr("Gazette text or PDF (*.txt *.pdf);;All files (*)"))
        if paths:
            remember(self.app.settings, paths)
            self.start(paths)

    def start(self, paths: list[str]):
        if self.dialog is not None and self.dialog.isVisible():
            self.dialog.enqueue(paths)      # one report at a time
            self.dialog.raise_()
            return self.dialog
        if not self._writable():
            return None
        from .dialog import ImportDialog
        self.dialog = ImportDialog(self.app.window, self.app.library, self.app.library.path, paths)
        self.dialog.imported.connect(self._after_import)
        self.dialog.show()
        return self.dialog

    def _writable(self) -> bool:
        path = Path(self.app.library.path)
        try:
            self.app.library.check_writable()
            ok = True
        except StoreError:
            ok = False
        if not ok:
            QMessageBox.warning(self.app.window, self.tr("Import"), self.tr(
                "This library cannot be changed: {0}\nStart the reader without --db to import into your own library."
            ).format(path))
        return ok

    def _after_import(self, path: str) -> None:
        current = self.app.navigator.current
        self.app.tree_model.reload()
        self.app.window.tree.expand_newest()
        if current is not None:
            self.app.window.tree.select_key(current.key)
        self.app.library_changed.emit()
        bookmarks = self.app.features.get("bookmarks")
        if bookmarks is not None and bookmarks.store is not None:
            bookmarks.reanchor()      # a re-imported issue brings detached bookmarks back
        self.app.window.statusBar().showMessage(self.tr("Imported {0}").format(Path(path).name), 8000)

    def eventFilter(self, obj, event):  # noqa: N802
        if event.type() == QEvent.Type.DragEnter and event.mimeData().hasUrls():
            if any(u.toLocalFile().lower().endswith(ACCEPTED) for u in event.mimeData().urls()):
                event.acceptProposedAction()
                return True
        if event.type() == QEvent.Type.Drop and event.mimeData().hasUrls():
            paths = [u.toLocalFile() for u in event.mimeData().urls() if u.toLocalFile().lower().endswith(ACCEPTED)]
            if paths:
                event.acceptProposedAction()
                self.start(paths)
                return True
        return False

    # -- remove ----------------------------------------------------------------------
    def current_issue_key(self) -> str | None:
        """The issue chosen in the tree, else the open document's; None for a single document
        (it belongs to no issue: never guess one)."""
        from ..tree_model import Roles
        tree = self.app.window.tree
        ix = tree.proxy.mapToSource(tree.view.currentIndex())
        while ix.isValid():
            kind = ix.data(Roles.Kind)
            if kind == "issue":
                return ix.data(Roles.Key)
            if kind in ("group", "year"):     # a year holds many issues: none is meant
                return None
            if kind != "section":       # a document: its issue, None for a single document
                return ix.data(Roles.Info).issue_key
            ix = ix.parent()
        cur = self.app.navigator.current
        return cur.info.issue_key if cur is not None else None

    def remove_current_issue(self) -> None:
        key = self.current_issue_key()
        if key is None:
            self.app.window.statusBar().showMessage(
                self.tr("Choose an issue (or a document in it) to remove; a single document belongs to no issue."),
                8000)
            return
        if not self._writable():
            return
        detail = self.app.library.issue(key)
        from ..plain import plain_message_box     # the issue's name comes from the file: text, not markup
        box = plain_message_box(self.app.window, QMessageBox.Icon.Question, self.tr("Remove issue"), self.tr(
            "Remove {0} {1} from the library?\nYour bookmarks on it are kept and come back if you import it again."
        ).format(detail.info.publication, detail.info.label))
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        if box.exec() == QMessageBox.StandardButton.Yes:
            self.remove_issue(key)

    def remove_issue(self, key: str) -> None:
        self.app.library.remove_issue(key)
        nav = self.app.navigator
        if nav.current is not None and nav.current.info.issue_key == key:
            nav.clear()
        elif self.app.window.meta.shows_issue(key):      # its facts, while another document is open
            if nav.current is not None:
                self.app.window.meta.show_document(nav.current)
            else:
                self.app.window.meta.show_empty()
        self.app.tree_model.reload()
        self.app.window.tree.expand_newest()      # as at start: the years alone would hide every issue
        self.app.library_changed.emit()
        bookmarks = self.app.features.get("bookmarks")
        if bookmarks is not None and bookmarks.store is not None:
            bookmarks.reanchor()      # bookmarks on it become detached, never deleted

    # -- completeness -----------------------------------------------------------------
    def show_completeness(self):
        from ..themes import THEMES
        from .completeness_view import CompletenessDialog
        t = THEMES[self.app.prefs.theme]
        dlg = CompletenessDialog(self.app.window, self.app.library, {"warn": t.warn, "ok": t.ok, "muted": t.muted})
        dlg.issue_chosen.connect(self.open_issue)
        dlg.show()
        return dlg

    def open_issue(self, key: str) -> None:
        """A number in 各年期数一览: its first document, its facts, its place in the tree."""
        lib = self.app.library
        for section in lib.sections(key):
            docs = lib.section_documents(section.id)
            if docs:
                self.app.navigator.open(Location(docs[0].key))
                break
        self.app.show_issue(key)


def install(app) -> ImportFeature:
    feature = ImportFeature(app)
    app.features["import"] = feature
    return feature
