"""Garbage collection on the GUI thread only.

Python starts a collection on whichever thread happens to allocate past the
threshold. When that is a worker (a search warm-up, an import, the title
dictionary loading) and the garbage holds a Qt wrapper, the C++ object is
deleted off the GUI thread: a crash seen in CI. So automatic collection is off,
and a timer on the GUI thread collects the generations whose thresholds were
passed (the same thresholds Python would use), as Camelot and pyqtgraph do.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250

_collector: "_GuiThreadCollector | None" = None


class _GuiThreadCollector(QObject):
    def __init__(self, app):
        super().__init__(app)
        self.thresholds = gc.get_threshold()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)
        gc.disable()

    def check(self) -> None:
        counts = gc.get_count()
        generation = -1
        for g in range(3):
            if counts[g] > self.thresholds[g]:
                generation = g
        if generation >= 0:
            gc.collect(generation)


def collect_on_gui_thread(app) -> None:
    """Turn automatic collection off and collect from ``app``'s thread instead (idempotent)."""
    global _collector
    if _collector is None:
        _collector = _GuiThreadCollector(app)


def set_aside() -> None:
    """A large, long-lived result has just come from a worker (the search catalogue: ~50,000
    objects at 60,000 documents; the statuses): everything alive now is moved out of the
    collector's sight (``gc.freeze``), so later collections on the GUI thread do not walk it
    again. Walking it took 2–8 ms, in whatever the reader did next (opening a document).
    Costs nothing now; ``thaw`` when the library changes, so a replaced catalogue can go."""
    gc.freeze()


def thaw() -> None:
    gc.unfreeze()


def check_now() -> None:
    """Collect now if a threshold was passed (between tests, where no event loop runs)."""
    if _collector is not None:
        _collector.check()
