"""Opening places: which documents go in which pane, back and forward, where we are."""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QObject, Signal

from ..core.crossref import link_headings
from ..core.history import History
from ..core.library import Library
from ..core.location import Location
from ..core.records import DocumentView
from ..core.render import RenderStyle, render_documents
from .metadata_panel import MetadataPanel
from .reading_area import ReadingArea


class Navigator(QObject):
    opened = Signal(object)            # the Location just opened
    document_shown = Signal(object)    # the DocumentView it belongs to
    history_changed = Signal()
    missing = Signal(str)              # a link or bookmark pointing at nothing in this library
    leaving = Signal(object)           # where the reader was in the document being left

    def __init__(self, library: Library, area: ReadingArea, meta: MetadataPanel,
                 style: Callable[[], RenderStyle], parent=None):
        super().__init__(parent)
        self.library = library
        self.area = area
        self.meta = meta
        self.style = style
        self.history = History()
        self.packet: list[DocumentView] = []
        self.interpretations: list[DocumentView] = []
        self.current: DocumentView | None = None
        area.location_requested.connect(self.open)
        meta.location_requested.connect(self.open)
        meta.more_cited_by.connect(lambda key: meta.show_all_cited_by(key, library.cited_by(key)))
        area.focus_changed.connect(self._follow_focus)

    # -- where we are ------------------------------------------------------------
    def current_location(self) -> Location | None:
        if self.current is None:
            return None
        view = self.area.view_showing(self.current.key)
        here = view.current_location() if view and view.isVisible() else None
        return here or Location(self.current.key)

    # -- opening ---------------------------------------------------------------
    def open(self, loc: Location, record: bool = True) -> bool:
        doc = self.library.document(loc.doc_key)
        if doc is None:
            self.missing.emit(loc.doc_key)
            return False
        if self.current is not None and doc.key != self.current.key:
            here = self.current_location()
            self.leaving.emit(here)
            if record:
                self.history.update_current(here)
        root = doc
        while root.info.parent_key:
            root = self.library.document(root.info.parent_key)
        if not self.packet or self.packet[0].key != root.key or self._changed(root):
            self._show_packet(root, doc)
        view = self.area.view_showing(doc.key)
        if view is self.area.interpretation.view and self.area.single_view():
            self.area.show_single(self.area.interpretation)
        elif self.area.single_view():
            self.area.show_single(self.area.policy)
        pointed = bool(loc.block or loc.offset or loc.length)
        if view is not None:
            if pointed:
                view.scroll_to(loc, flash=True)
            elif doc.key != root.key and view is self.area.policy.view:
                view.scroll_to(Location(doc.key), flash=False)
            elif view.verticalScrollBar().value() and record:
                view.verticalScrollBar().setValue(0)
        self.current = doc
        self.meta.show_document(doc)
        if record:
            self.history.visit(loc)
            self.history_changed.emit()
        self.opened.emit(loc)
        self.document_shown.emit(doc)
        return True

    def reload_if_changed(self) -> bool:
        """Show the open policy again, where the reader was, if its text changed meanwhile
        (another process imported it with --replace). True when it was shown again."""
        if not self.packet or self.current is None:
            return False
        root = self.library.document(self.packet[0].key)
        if root is None or not self._changed(root):
            return False            # unchanged; or removed, which the tree reports
        here = self.current_location()
        self._show_packet(root)
        self.current = self.library.document(self.current.key) or root
        view = self.area.view_showing(here.doc_key)
        if view is not None:
            view.scroll_to(here, flash=False)
        self.meta.show_document(self.current)
        self.document_shown.emit(self.current)
        return True

    def _changed(self, root: DocumentView) -> bool:
        """Was the shown policy (or its attachments) changed since it was rendered (an import
        with --replace, from this window or another process)?"""
        if [a.key for a in root.attachments] != [d.key for d in self.packet[1:]]:
            return True
        now = self.library.fingerprints(d.key for d in self.packet + self.interpretations)
        return any(now.get(d.key) != d.fingerprint for d in self.packet + self.interpretations) \
            or [i.key for i in root.interpretations] != [d.key for d in self.interpretations]

    def _show_packet(self, root: DocumentView, opened: DocumentView | None = None) -> None:
        style = self.style()
        known = {opened.key: opened} if opened is not None else {}     # read once, not twice
        self.packet = [root] + [known.get(a.key) or self.library.document(a.key) for a in root.attachments]
        self.interpretations = [known.get(i.key) or self.library.document(i.key) for i in root.interpretations]
        policy_blocks = [(d.key, d.blocks) for d in self.packet]
        # The panes take their final widths first: a text set before the 解读 pane appears or
        # goes would be laid out twice, at the old width and again at the new one.
        self.area.set_captions(root, self.interpretations)
        self.area.set_pair(bool(self.interpretations))
        self.area.settle()
        self.area.policy.view.show_rendered(render_documents([(d, {}) for d in self.packet], style))
        self.area.interpretation.view.show_rendered(render_documents(
            [(d, link_headings(d.blocks, policy_blocks)) for d in self.interpretations], style))

    def clear(self) -> None:
        """Nothing open (the open issue was removed)."""
        from ..core.render import Rendered
        self.current = None
        self.packet, self.interpretations = [], []
        for view in self.area.views():
            view.show_rendered(Rendered(""))
        self.area.set_pair(False)
        self.area.policy.caption.setText("")
        self.meta.show_empty()

    def refresh(self) -> None:
        """Render again (zoom or theme changed), keeping each pane's position."""
        if not self.packet:
            return
        spots = [(v, v.current_location()) for v in self.area.views()]
        root = self.packet[0]
        self.packet = []
        self._show_packet(root)
        for view, loc in spots:
            if loc:
                view.scroll_to(loc)

    def back(self) -> None:
        self._step(self.history.back)

    def forward(self) -> None:
        self._step(self.history.forward)

    def _step(self, move) -> None:
        if self.current is not None:
            self.history.update_current(self.current_location())
        loc = move()
        if loc is not None:
            self.open(loc, record=False)
            view = self.area.view_showing(loc.doc_key)
            if view:
                view.scroll_to(loc)
                view.clear_layer("target")
        self.history_changed.emit()

    def _follow_focus(self, view) -> None:
        """Clicking into a pane shows that document's facts."""
        loc = view.location_of_block(view.textCursor().block().blockNumber())
        if loc and (self.current is None or loc.doc_key != self.current.key):
            doc = self.library.document(loc.doc_key)
            if doc:
                self.current = doc
                self.meta.show_document(doc)
                self.document_shown.emit(doc)
