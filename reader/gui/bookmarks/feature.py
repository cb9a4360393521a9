"""Bookmarks in the window: Ctrl+D and the context menu, the panel, highlights with
the note on hover, 圈阅 marks, reading positions, undo, export and import."""
from __future__ import annotations

import html

import shiboken6

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoCommand, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox

from ...core.errors import StoreError
from ...core.location import Location
from ...core.userdata import DETACHED, TODO, Bookmark, DiskFull, ReadOnly, UserDataError, open_user_data
from ...core.userdata.anchoring import make_anchor, needs_reanchor, reanchor_stale, stale_documents
from ..core_text import say, ui_language
from ..plain import plain_message_box
from ..workers import run_in_background
from .editor import BookmarkEditor, color
from .model import NOTE_TYPES, group_by_document, group_by_tag, label
from .panel import BookmarksPanel


class _Command(QUndoCommand):
    """An undo entry for a change already made; redo/undo failures (disk full) are reported, not raised."""

    def __init__(self, text: str, do, undo, on_error=None):
        super().__init__(text)
        self._do, self._undo, self._on_error = do, undo, on_error

    def _run(self, fn):
        try:
            fn()
        except UserDataError as e:
            if self._on_error is None:
                raise
            self._on_error(e)

    def redo(self):
        self._run(self._do)

    def undo(self):
        self._run(self._undo)


class BookmarksFeature(QObject):
    changed = Signal()          # the store changed (may come from a worker thread)

    def __init__(self, app):
        super().__init__(app)
        self.app = app
        self.store = None
        w = app.window
        self.undo = QUndoStack(self)
        self.panel = BookmarksPanel(w)
        self.dock = w.add_dock("bookmarksDock", self.tr("Bookmarks"), self.panel)
        self._open_store()
        self._actions()
        for view in w.area.views():
            view.tooltip_providers.append(self._tooltip)
            view.menu_hooks.append(self._menu)
        w.meta.row_providers.append(self._facts)
        self.changed.connect(self.refresh)   # direct on the GUI thread, queued from workers
        app.navigator.document_shown.connect(lambda _doc: self.highlight())
        app.preferences_changed.connect(self._theme_changed)
        self._theme_changed(app.prefs)
        app.navigator.leaving.connect(self._save_position)
        grouping = app.settings.value("bookmarks/grouping")
        if isinstance(grouping, str):
            self.panel.set_group_mode(grouping)      # as the reader left it
        self.panel.changed_view.connect(self._view_changed)
        self.panel.model.done_requested.connect(self.set_done)
        self.panel.jump.connect(self.jump)
        self.panel.edit.connect(self.edit)
        self.panel.delete.connect(self.delete)
        self._library_version = None
        # Back in the window after a command-line import (another process): check the bookmarks again.
        w.installEventFilter(self)
        self.refresh()

    # -- setup ---------------------------------------------------------------------
    def _open_store(self) -> None:
        try:
            opened = open_user_data()
        except StoreError as e:
            self.app.window.statusBar().showMessage(self.tr("Bookmarks are unavailable: {0}").format(say(e)))
            self.panel.setEnabled(False)
            return
        self.store = opened.store
        self.store.subscribe(lambda change: self.changed.emit())
        if opened.notice:
            self.notice = say(opened.notice)
            box = plain_message_box(self.app.window, QMessageBox.Icon.Warning, self.tr("User data"), self.notice)
            QTimer.singleShot(0, box.open)   # not modal at start-up: the window stays usable
        if needs_reanchor(self.store, self.app.library):
            self.reanchor()

    def _actions(self) -> None:
        w, a = self.app.window, self.app.window.actions
        undo = self.undo.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcut(QKeySequence.StandardKey.Redo)
        first = w.edit_menu.actions()[0]
        w.edit_menu.insertActions(first, [undo, redo])
        w.edit_menu.insertSeparator(first)
        self.export_action = QAction(self.tr("Export bookmarks…"), w)
        self.import_action = QAction(self.tr("Import bookmarks…"), w)
        w.file_menu.insertActions(a.completeness, [self.export_action, self.import_action])
        w.file_menu.insertSeparator(a.completeness)
        a.bookmark.triggered.connect(self.add_here)
        a.mark_read.triggered.connect(self.toggle_read)
        self.export_action.triggered.connect(self.export_dialog)
        self.import_action.triggered.connect(self.import_dialog)
        w.bind_dock(a.show_bookmarks, self.dock)
        enabled = self.store is not None
        for act in (a.bookmark, a.mark_read, self.export_action, self.import_action):
            act.setEnabled(enabled)

    # -- what is shown -------------------------------------------------------------
    def _facts(self, doc) -> list[tuple[str, str]]:
        """The document's 圈阅 mark and bookmark count, in the facts panel."""
        if self.store is None:
            return []
        rows = []
        mark = self.store.read_mark(doc.key)
        if mark:
            rows.append((self.tr("Read"), html.escape(mark.when[:16].replace("T", " ")) + " UTC"))
        n = len(self.store.bookmarks(doc.key))
        if n:
            rows.append((self.tr("My bookmarks"), str(n)))
        return rows

    def eventFilter(self, obj, event):  # noqa: N802 (Qt name)
        from PySide6.QtCore import QEvent
        if event.type() == QEvent.Type.WindowActivate:
            self._library_may_have_changed()
        return False

    def _library_may_have_changed(self) -> None:
        try:
            version = self.app.library.data_version()
        except Exception:       # noqa: BLE001 - a closed or vanished library: nothing to compare
            return
        if version != self._library_version:
            self._library_version = version
            self.app.navigator.reload_if_changed()     # the text first, then its bookmarks on it
            self.refresh()

    def _fresh(self, doc_keys=None) -> bool:
        """Re-anchor, before they are shown, the bookmarks whose document changed since they were
        last checked (any change: this window, the command line, another process). Few documents
        are done at once; many (a rebuilt library) in the background. True when all are current."""
        try:
            stale = stale_documents(self.store, self.app.library, doc_keys)
            if not stale:
                return True
            if doc_keys is not None or len(stale) <= 20:
                reanchor_stale(self.store, self.app.library, stale)
                return True
        except UserDataError as e:
            self.app.window.statusBar().showMessage(say(e), 8000)
            return True
        self.reanchor()
        return False

    def refresh(self) -> None:
        # A background re-anchor can report after the window (and this panel) is gone.
        if self.store is None or not shiboken6.isValid(self.panel.filter):
            return
        self._fresh()
        text = self.panel.filter_text() or None
        done = self.panel.done_wanted()     # open / done: a state only a 待办 has
        note_type = TODO if done is not None else self.panel.type_wanted()
        try:
            items = self.store.bookmarks(text=text, note_type=note_type, done=done)
        except UserDataError as e:
            self.app.window.statusBar().showMessage(say(e), 8000)
            return
        if self.panel.group_mode() == "tag":
            groups = group_by_tag(items)
        else:
            groups = group_by_document(items, self._describe)
        self.panel.set_groups(groups)
        self.app.tree_model.set_read_keys(self.store.read_marks())
        self.highlight()
        self.app.window.meta.refresh()

    def _theme_changed(self, prefs) -> None:
        from ..themes import THEMES
        theme = THEMES[prefs.theme]
        self.alpha = theme.bookmark_alpha     # light text on the dark theme needs a fainter highlight
        self.panel.model.warn = theme.warn
        self.highlight()

    def _view_changed(self) -> None:
        self.app.settings.setValue("bookmarks/grouping", self.panel.group_mode())
        self.refresh()

    def set_done(self, b: Bookmark, done: bool) -> None:
        """Tick a 待办 已办 (with the time) or open it again; Ctrl+Z undoes it."""
        old = b.done
        self.undo.push(_Command(self.tr("Done") if done else self.tr("Open again"),
                                lambda: self.store.set_done(b.id, done),
                                lambda: self.store.update(b.id, done=old)))

    def _describe(self, b: Bookmark) -> tuple[str, str]:
        info = self.app.library.info(b.doc_key)
        if info is None:
            return b.doc_title or b.doc_key, self.tr("Not in this library")
        issue = self.app.library.issue(info.issue_key).info.label if info.issue_key else self.tr("Single document")
        return f"{issue} · {info.title}", info.title

    def highlight(self) -> None:
        if self.store is None:
            return
        for view in self.app.window.area.views():
            items = []
            self._fresh(list(view.doc_keys()))
            for key in view.doc_keys():
                for b in self.store.bookmarks(key):
                    if b.status != DETACHED:
                        items.append((b.location, color(b.color, self.alpha)))
            view.set_colored_layer("bookmarks", items)

    def _at(self, loc: Location) -> list[Bookmark]:
        found = []
        for b in self.store.bookmarks(loc.doc_key) if self.store else ():
            a = b.anchor
            if b.status == DETACHED:
                continue
            if a is None and loc.block == 0:
                found.append(b)
            elif a is not None and a.block == loc.block and a.start <= loc.offset < a.end:
                found.append(b)
        return found

    def _tooltip(self, loc: Location) -> str | None:
        from ...core.userdata.notes import note_html
        parts = []
        for b in self._at(loc):
            tags = self.tr(", ", "between tags").join(b.tags)
            kind = self.tr("[{0}]", "a bookmark's type in its tooltip").format(label(NOTE_TYPES, b.note_type))
            head = f"<b>{html.escape(kind)}</b> {html.escape(tags)}"
            parts.append(head + (note_html(b.note, ui_language()) if b.note.strip() else ""))
        return "<hr>".join(parts) or None

    # -- commands ------------------------------------------------------------------
    def _menu(self, menu, view) -> None:
        menu.addSeparator()
        act = menu.addAction(self.tr("Bookmark…"), self.add_here)
        act.setShortcut(QKeySequence("Ctrl+D"))
        act.setEnabled(self.store is not None)
        loc = view.selected_location() or view.location_at(view.mapFromGlobal(view.cursor().pos()))
        for b in self._at(loc) if loc else ():
            menu.addAction(self.tr("Edit note…"), lambda b=b: self.edit(b))
            menu.addAction(self.tr("Delete bookmark"), lambda b=b: self.delete([b]))
        menu.addAction(self.tr("Mark as read"), self.toggle_read)

    def _active_view(self):
        area = self.app.window.area
        for v in area.views():
            if v.hasFocus() and v.isVisible():
                return v
        for v in area.views():
            if v.isVisible() and v.textCursor().hasSelection():
                return v
        return area.view_showing(self.app.navigator.current.key) if self.app.navigator.current else None

    def add_here(self) -> Bookmark | None:
        """Bookmark the selected passage, or the current document when nothing is selected."""
        view = self._active_view()
        if self.store is None or view is None:
            return None
        loc = view.selected_location()
        if loc is None and view.textCursor().hasSelection():
            loc = _clip_to_first_block(view)   # across paragraphs: a passage lies in one block
        doc_key = loc.doc_key if loc else (self.app.navigator.current.key if self.app.navigator.current else None)
        if doc_key is None:
            return None
        doc = self.app.library.document(doc_key)
        anchor = make_anchor(doc.blocks, loc.block, loc.offset, loc.offset + loc.length) if loc else None
        dlg = BookmarkEditor(self.app.window, title=doc.title, quote=anchor.quote if anchor else "")
        if "status" in self.app.features:      # a text no longer in force: the dialog says so
            self.app.features["status"].annotate_bookmark(dlg, doc.key)
        while True:     # a failed save (disk full) leaves the note in the editor, to save again or copy
            if not self._ask(dlg):
                return None
            v = dlg.values()
            try:
                created = self.store.add(doc.key, anchor, fingerprint=doc.fingerprint, doc_title=doc.title, **v)
                break
            except UserDataError as e:
                self.save_failed(e)
        self.undo.push(_Command(self.tr("Add bookmark"), lambda: self.store.restore(created.id)
                                if self.store.get(created.id).deleted else None,
                                lambda: self.store.delete(created.id), self.save_failed))
        return created

    def save_failed(self, e: UserDataError) -> None:
        """Say that (and why) nothing was saved: the disk is full, the folder read-only…"""
        if isinstance(e, DiskFull):
            text = self.tr("The disk is full: nothing was saved. Free some space, then save again.")
        elif isinstance(e, ReadOnly):
            text = self.tr("The data folder is read-only: nothing was saved.")
        else:
            text = self.tr("Nothing was saved: {0}").format(say(e))
        self.app.window.statusBar().showMessage(text, 15000)
        box = plain_message_box(self.app.window, QMessageBox.Icon.Warning, self.tr("Bookmarks"), text)
        hook = getattr(self.app, "message_hook", None)   # tests read messages without an event loop
        if hook:
            hook(box)
        else:
            box.exec()

    def _ask(self, dlg) -> bool:
        hook = getattr(self.app, "dialog_hook", None)   # tests answer dialogs without an event loop
        if hook:
            return hook(dlg)
        return dlg.exec() == dlg.DialogCode.Accepted

    def jump(self, b: Bookmark) -> None:
        if not self.app.navigator.open(b.location):
            self.app.window.statusBar().showMessage(
                self.tr("The document of this bookmark is not in the library; the bookmark is kept."), 8000)

    def edit(self, b: Bookmark) -> None:
        times = self.tr("Created {0} · changed {1} · {2}").format(b.created[:16].replace("T", " "),
                                                                     b.updated[:16].replace("T", " "), say(b.status_label))
        dlg = BookmarkEditor(self.app.window, title=b.doc_title, quote=b.quote, note=b.note,
                             note_type=b.note_type, tags=b.tags, color=b.color, times=times)
        old = {"note": b.note, "note_type": b.note_type, "tags": b.tags, "color": b.color}
        while True:     # as in add_here: a failed save keeps the edited note in the editor
            if not self._ask(dlg):
                return
            new = dlg.values()
            try:
                self.store.update(b.id, **new)
                break
            except UserDataError as e:
                self.save_failed(e)
        self.undo.push(_Command(self.tr("Edit bookmark"), lambda: self.store.update(b.id, **new),
                                lambda: self.store.update(b.id, **old), self.save_failed))

    def delete(self, items: list[Bookmark]) -> None:
        ids = [b.id for b in items]
        try:
            for i in ids:
                self.store.delete(i)
        except UserDataError as e:
            self.save_failed(e)
            return
        self.undo.push(_Command(self.tr("Delete %n bookmark(s)", "", len(ids)),
                                lambda: [self.store.delete(i) for i in ids],
                                lambda: [self.store.restore(i) for i in ids], self.save_failed))
        self.app.window.statusBar().showMessage(self.tr("Deleted. Undo with Ctrl+Z."), 6000)

    def toggle_read(self) -> None:
        doc = self.app.navigator.current
        if self.store is None or doc is None:
            return
        try:
            if self.store.read_mark(doc.key):
                self.store.clear_read(doc.key)
                msg = self.tr("Read mark removed")
            else:
                self.store.mark_read(doc.key)
                msg = self.tr("Marked as read")
        except UserDataError as e:
            self.save_failed(e)
            return
        self.app.window.statusBar().showMessage(self.tr("{0}: {1}").format(msg, doc.title), 5000)

    def _save_position(self, loc: Location) -> None:
        if self.store is not None and loc is not None:
            try:
                self.store.set_position(loc)
            except UserDataError as e:    # a read-only or full disk: the place is not kept, nothing else lost
                self.app.window.statusBar().showMessage(say(e), 8000)

    def on_close(self) -> None:
        self._save_position(self.app.navigator.current_location())

    def reanchor(self) -> None:
        """After the content changed (rebuild, upgrade, import): find every passage again."""
        if getattr(self, "_reanchoring", False):
            return
        self._reanchoring = True
        store, library = self.store, self.app.library

        def done(_report=None):
            self._reanchoring = False
            self.refresh()
        run_in_background(lambda token: reanchor_stale(store, library), done,
                          lambda _message: setattr(self, "_reanchoring", False))

    # -- moving between machines ------------------------------------------------------
    def export_dialog(self) -> None:
        from ..file_dialogs import remember, start_path
        path, _ = QFileDialog.getSaveFileName(self.app.window, self.tr("Export bookmarks"),
                                              start_path(self.app.settings, "bookmarks.json"),
                                              self.tr("Bookmarks (*.json);;Markdown (*.md);;Web page (*.html)"))
        if path:
            remember(self.app.settings, path)
            self.export_to(path)

    def export_to(self, path: str) -> None:
        from ...core.userdata import exchange
        fmt = path.rsplit(".", 1)[-1].lower()
        fmt = {"md": "md", "html": "html"}.get(fmt, "json")
        try:
            text = exchange.export_text(fmt, self.store, self.app.library, language=ui_language())
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
        except (OSError, UserDataError) as e:
            self.save_failed(e if isinstance(e, UserDataError) else _os_error(e))
            return
        self.app.window.statusBar().showMessage(self.tr("Bookmarks exported to {0}").format(path), 8000)

    def import_dialog(self) -> None:
        from ..file_dialogs import remember, start_folder
        path, _ = QFileDialog.getOpenFileName(self.app.window, self.tr("Import bookmarks"),
                                              start_folder(self.app.settings), self.tr("Bookmarks (*.json)"))
        if path:
            remember(self.app.settings, path)
            self.import_from(path)

    def import_from(self, path: str):
        from ...core.userdata import exchange
        try:
            with open(path, encoding="utf-8") as f:
                report = exchange.import_text(self.store, f.read(exchange.MAX_FILE_BYTES + 1))
        except UserDataError as e:
            self.save_failed(e)
            return None
        except (OSError, UnicodeDecodeError, ValueError, exchange.ExchangeRefused) as e:
            self.message = plain_message_box(self.app.window, QMessageBox.Icon.Warning, self.tr("Import bookmarks"),
                                             say(e))
            self.message.open()
            return None
        self.reanchor()
        self.app.window.statusBar().showMessage(report.summary(), 10000)
        return report

    # -- for search and printing --------------------------------------------------------
    def bookmarked_keys(self) -> set[str]:
        return set(self.store.counts_by_document()) if self.store else set()

    def keys_with_notes(self, terms: list[str]) -> set[str]:
        if not self.store or not terms:
            return set()
        sets = [{b.doc_key for b in self.store.bookmarks(text=t)} for t in terms]
        return set.intersection(*sets)


def _os_error(e: OSError) -> UserDataError:
    from ...core.userdata.errors import translate
    return translate(e, getattr(e, "filename", None))


def _clip_to_first_block(view) -> Location | None:
    """For a selection across paragraphs: the part inside the first one."""
    c = view.textCursor()
    doc = view.document()
    first = doc.findBlock(c.selectionStart())
    loc = view.location_of_block(first.blockNumber())
    if loc is None:
        return None
    inner = c.selectionStart() - first.position()
    length = first.length() - 1 - inner
    return Location(loc.doc_key, loc.block, loc.offset + inner, length) if length > 0 else None


def install(app) -> BookmarksFeature:
    feature = BookmarksFeature(app)
    app.features["bookmarks"] = feature
    return feature
