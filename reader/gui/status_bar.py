"""The status bar's standing indicators: zoom, where the reader is on the printed form, and
the hit count while searching."""
from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QLabel

from ..core.pagemap import packet_position


class StatusIndicators(QObject):
    def __init__(self, window, navigator):
        super().__init__(window)
        self.navigator = navigator
        bar = window.statusBar()
        self.hits = self._label(bar, "statusHits")
        self.page = self._label(bar, "statusPage")
        self.zoom = self._label(bar, "statusZoom")
        self.set_hits(None)
        self.page.setToolTip(self.tr("Position on the printed form (GB/T 9704: 22 lines of 28 characters a page)"))
        # Scrolling moves many steps a second: the page is worked out once it pauses.
        self._timer = QTimer(self, singleShot=True, interval=80)
        self._timer.timeout.connect(self.update_page)
        navigator.opened.connect(lambda _loc: self._timer.start())
        for view in window.area.views():
            view.verticalScrollBar().valueChanged.connect(lambda _v: self._timer.start())

    @staticmethod
    def _label(bar, name: str) -> QLabel:
        label = QLabel(bar)
        label.setObjectName(name)
        bar.addPermanentWidget(label)
        return label

    def set_zoom(self, percent: int) -> None:
        self.zoom.setText(self.tr("Zoom {0}%").format(percent))

    def set_hits(self, total: int | None, current: int = -1) -> None:
        """``None``: not searching (the indicator goes away)."""
        if total is None:
            self.hits.setText("")
        elif current >= 0:
            self.hits.setText(self.tr("Hit %n of {0}", "", current + 1).format(total))
        else:
            self.hits.setText(self.tr("%n hit(s)", "", total))
        self.hits.setVisible(total is not None)

    def set_found(self, documents: int | None) -> None:
        """A library search: how many documents it found (``None``: the search box was cleared)."""
        if documents is None:
            self.set_hits(None)
            return
        self.hits.setText(self.tr("Search: %n document(s)", "", documents))
        self.hits.setVisible(True)

    def update_page(self) -> None:
        loc = self.navigator.current_location()
        doc = self.navigator.current
        if loc is None or doc is None or loc.doc_key != doc.key:
            self.page.setText("")
            return
        # The notice, its plans and forms are one printout: count the pages of all of them.
        packet = [d for d in (self.navigator.packet or [doc]) if d is not None]
        keys = [d.key for d in packet]
        if doc.key not in keys:
            packet, keys = [doc], [doc.key]
        page, pages = packet_position([d.blocks for d in packet], keys.index(doc.key), loc.block, loc.offset)
        self.page.setText(self.tr("Page {0} of {1}").format(page, pages))
