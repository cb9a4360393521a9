"""Search in the window: the library search dock (Ctrl+Shift+F), searched as you type
off the GUI thread (a newer query cancels the older one), opening a result at its
hit; and find in the open document (Ctrl+F) with every hit highlighted."""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor

from ...core.location import Location
from ..gui_gc import set_aside, thaw
from ..workers import run_in_background
from .find_bar import FindBar
from .panel import SearchPanel


class _Pages(QObject):
    """Carries a search's first page, then its total, from the worker to the GUI thread."""
    page = Signal(object)
    counted = Signal(object)


class SearchFeature(QObject):
    warmed = Signal(float)       # the warm-up's ms

    def __init__(self, app):
        super().__init__(app)
        self.app = app
        w = app.window
        self.engine = None
        self.task = None
        self.warm_task = None
        self.warm_ms: float | None = None
        self._pages = None
        self.last_query = ""
        self.hits: list[Location] = []       # hits in the open documents (search or find)
        self.current = -1
        self.panel = SearchPanel(w)
        self.dock = w.add_dock("searchDock", self.tr("Search"), self.panel, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.find_bar = FindBar(w.area)
        w.area.layout().addWidget(self.find_bar)
        self._open_engine()
        a = w.actions
        a.search.triggered.connect(self.focus_search)
        a.find.triggered.connect(self.open_find)
        a.find_next.triggered.connect(lambda: self.step(1))
        a.find_prev.triggered.connect(lambda: self.step(-1))
        self.panel.search_requested.connect(self.search)
        self.panel.hit_chosen.connect(self.open_hit)
        self.find_bar.find_requested.connect(self.find)
        self.find_bar.step.connect(self.step)
        self.find_bar.closed.connect(self._clear_find)
        app.navigator.document_shown.connect(self._document_shown)
        app.library_changed.connect(self._library_changed)
        self.panel.query.installEventFilter(self)       # focus on the search field: a search is coming

    def _theme(self):
        from ..themes import THEMES
        return THEMES[self.app.prefs.theme]

    def _open_engine(self) -> None:
        from ...core.search.engine import SearchEngine
        marks = self.app.features.get("bookmarks")
        notes = marks.keys_with_notes if marks is not None and marks.store is not None else None
        marked = marks.bookmarked_keys if marks is not None and marks.store is not None else None
        self.engine = SearchEngine(self.app.library.path, notes=notes, bookmarked=marked,
                                   statuses=lambda: getattr(self.app.features.get("status"), "states", None))

    def eventFilter(self, obj, event):      # noqa: N802
        if event.type() == QEvent.Type.FocusIn and obj is self.panel.query:
            self.prepare()
        return False

    def prepare(self) -> None:
        """A search is coming (the search field took the focus): load the search catalogue in the
        background while the user types, unless it is loaded or loading. Not at start-up: the
        catalogue is a few values per document (tens of MB at 60,000 documents), memory a reader
        who never searches should not pay for."""
        if self.warm_task is None and not self.engine.warm:
            self._warm()

    def _library_changed(self) -> None:
        """An import or a removal: the catalogue is read again, now if one was in use."""
        thaw()          # the old catalogue, set aside from the collector, may be let go
        if self.engine.warm or self.warm_task is not None:
            self._warm()

    def _warm(self) -> None:
        """Load the search catalogue in the background, so the first search is quick. It reads in
        slices and stops at the next one when cancelled (a newer warm-up, or quitting)."""
        engine = self.engine
        if self.warm_task is not None:
            self.warm_task.cancel()
        self.warm_ms = None
        self.warm_task = run_in_background(lambda token: engine.warm_up(cancel=token), self._warmed)

    def _warmed(self, ms: float) -> None:
        self.warm_task = None
        self.warm_ms = ms
        set_aside()     # tens of thousands of objects that live as long as the library is unchanged
        self.warmed.emit(ms)

    def on_close(self) -> None:
        for task in (self.task, self.warm_task):
            if task is not None:
                task.cancel()

    # -- library search ------------------------------------------------------------
    def focus_search(self) -> None:
        self.prepare()
        self.dock.show()
        self.dock.raise_()
        view = self._view_with_selection()
        if view is not None and view.textCursor().hasSelection():
            self.panel.query.setText(view.textCursor().selectedText())
        self.panel.query.setFocus()
        self.panel.query.selectAll()

    def search(self, text: str, filters) -> None:
        if self.task is not None:
            self.task.cancel()      # a newer query replaces the stale one
            self.task = None
        self.last_query = text
        if not text.strip() and not filters.active:
            self.panel.show_message("")
            self.app.status.set_found(None)
            return
        engine = self.engine
        pages = _Pages(self)
        pages.page.connect(lambda hits, pages=pages: self._show_page(pages, hits))
        pages.counted.connect(lambda results, pages=pages: self._show_count(pages, results))
        self._pages = pages

        def work(token):
            results = engine.search(text, filters, cancel=token,
                                    on_page=lambda hits: None if token.is_cancelled() else pages.page.emit(hits))
            if not token.is_cancelled():
                pages.counted.emit(results)     # the page and the total shown, then the facets counted
                results.facets
            return results

        self.task = run_in_background(work, self._show, self._failed)

    def _show_page(self, pages, hits) -> None:
        """The first page, before the total and the facets (a newer search drops it)."""
        if pages is self._pages and self.task is not None:
            labels = {i.key: i.label for i in self.app.library.issues()}
            self.panel.model.mark = self._theme().search_hit
            self.panel.show_page(hits, labels)

    def _show_count(self, pages, results) -> None:
        """The page and the total, while the facets are counted (a newer search drops it)."""
        if pages is self._pages and self.task is not None:
            labels = {i.key: i.label for i in self.app.library.issues()}
            self.panel.model.mark = self._theme().search_hit
            self.panel.show_count(results, labels)
            self.app.status.set_found(results.total)

    def _show(self, results) -> None:
        self.task = None
        labels = {i.key: i.label for i in self.app.library.issues()}
        self.panel.model.mark = self._theme().search_hit
        self.panel.show_results(results, labels)
        self.app.status.set_found(results.total)

    def _failed(self, message: str) -> None:
        self.task = None
        from ..core_text import say_failure
        self.panel.show_message(self.tr("Search failed: {0}").format(say_failure(message)))

    def open_hit(self, hit) -> None:
        loc = hit.snippets[0].location if hit.snippets else Location(hit.info.key)
        self.app.navigator.open(loc)
        self._highlight_all(self.last_query, loc)

    # -- hits in the open documents ----------------------------------------------------
    def _doc_keys(self) -> list[str]:
        keys = []
        for view in self.app.window.area.views():
            if view.isVisible():
                keys += [k for k in view.doc_keys() if k not in keys]
        return keys

    def _locate(self, text: str) -> list[Location]:
        out = []
        for key in self._doc_keys():
            out += self.engine.find_in_document(key, text)
        return out

    def _highlight_all(self, text: str, at: Location | None = None, layer: str = "search") -> None:
        self.hits = self._locate(text) if text.strip() else []
        color = QColor(self.app.window.palette().highlight().color())
        mark = QColor(self._theme().search_hit)
        for view in self.app.window.area.views():
            view.set_layer(layer, [h for h in self.hits if view.shows(h.doc_key)], mark)
        self.current = -1
        if at is not None:
            for n, h in enumerate(self.hits):
                if h.doc_key == at.doc_key and h.block == at.block and h.offset == at.offset:
                    self.current = n
        self._mark_current(color)

    def _mark_current(self, color=None) -> None:
        color = color or QColor(self.app.window.palette().highlight().color())
        for view in self.app.window.area.views():
            view.clear_layer("target")
        if 0 <= self.current < len(self.hits):
            h = self.hits[self.current]
            view = self.app.window.area.view_showing(h.doc_key)
            if view is not None:
                view.scroll_to(h)
                view.set_layer("target", [h], color)
        self.find_bar.show_count(self.current, len(self.hits))
        self.app.status.set_hits(len(self.hits), self.current)

    def step(self, direction: int) -> None:
        if not self.hits:
            return
        self.current = (self.current + direction) % len(self.hits)
        self._mark_current()

    def _document_shown(self, _doc) -> None:
        """A new document: its hits of the current find (or search) are marked again."""
        if self.find_bar.isVisible() and self.find_bar.edit.text().strip():
            self._highlight_all(self.find_bar.edit.text(), layer="find")

    # -- find in document -------------------------------------------------------------
    def _view_with_selection(self):
        for view in self.app.window.area.views():
            if view.isVisible() and view.textCursor().hasSelection():
                return view
        return None

    def open_find(self) -> None:
        view = self._view_with_selection()
        text = view.textCursor().selectedText() if view is not None else ""
        self.find_bar.open_bar(text)
        if text:
            self.find(text)

    def find(self, text: str) -> None:
        self._highlight_all(text, layer="find")
        if self.hits:
            self.current = 0
            self._mark_current()

    def _clear_find(self) -> None:
        for view in self.app.window.area.views():
            view.clear_layer("find")
            view.clear_layer("target")
        self.hits = []
        self.app.status.set_hits(None)


def install(app) -> SearchFeature:
    feature = SearchFeature(app)
    app.features["search"] = feature
    return feature
