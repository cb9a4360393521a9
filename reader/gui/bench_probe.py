"""Markers on a real start of the window, for ``gazette-reader bench``.

``GAZETTE_READER_PROBE`` set, the ordinary start (``python -m reader``: the
same window, restore, features after the first paint) also prints one line
``probe key=value ...`` and quits:

* ``paint``: at the document view's first real paint (``first_paint_at``, ``rss_kb``);
* ``quit:MS``: MS ms after that paint (the features attaching, the statuses
  being computed), ``quit_at`` and the window is closed as by the user
  (``warming=1``: that work was still running); the bench times the process
  until it has ended;
* ``memory``: waits until the work the start leaves to workers is done (the 时效
  statuses; no search catalogue: that loads when a search is coming), notes the
  peak RSS then (``rss_start_kb``: before any search), then gives the search
  field the focus as a user does and waits for the catalogue (noting the longest
  the event loop went without turning meanwhile), opens the documents listed in
  the file ``GAZETTE_READER_PROBE_KEYS`` (one key a line) each to paint, and
  prints their times and the peak RSS, before any search.
"""
from __future__ import annotations

import os
import time


def _rss_kb() -> int:
    """Peak RSS of this process, kB: VmHWM (ru_maxrss would count the parent's peak before exec)."""
    try:
        with open("/proc/self/status", encoding="ascii") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    import resource
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def _say(**values) -> None:
    print("probe " + " ".join(f"{k}={v}" for k, v in values.items()), flush=True)


def attach(app, gapp, mode: str, started: float) -> None:
    from PySide6.QtCore import QTimer
    area = gapp.window.area
    keep: list = []
    QTimer.singleShot(60000, app.quit)          # never hang a benchmark

    def painted():
        if keep:                                # the other view painted first
            return
        keep.append(True)
        _say(first_paint_at=f"{time.time():.6f}", first_paint_ms=f"{(time.perf_counter() - started) * 1000:.1f}",
             rss_kb=_rss_kb())
        if mode == "paint":
            QTimer.singleShot(0, app.quit)
        elif mode.startswith("quit"):
            delay = int(mode.partition(":")[2] or 0)
            QTimer.singleShot(delay, quit_now)
        elif mode == "memory":
            probe = _Memory(app, gapp)
            keep.append(probe)              # alive until the process ends
            QTimer.singleShot(0, probe.start)

    def quit_now():
        _say(quit_at=f"{time.time():.6f}", warming=int(_busy(gapp)))
        gapp.window.close()

    # The policy view's first paint, or the 解读's when the window restored to it alone.
    for view in (area.policy.view, area.interpretation.view):
        view.first_paint.connect(painted)


def _busy(gapp) -> bool:
    """Is work the start began still running in a worker (the features not yet attached, the
    search warming up, the statuses being computed)?"""
    search, status = gapp.features.get("search"), gapp.features.get("status")
    return (search is None or search.warm_task is not None
            or status is None or status.task is not None or status.states is None)


class _Memory:
    def __init__(self, app, gapp):
        self.app, self.gapp = app, gapp
        self.t0 = time.perf_counter()
        self.last = self.t0
        self.gap = self.install = 0.0
        self.rss_start = self.settled = None
        self.warm_from = None

    def start(self) -> None:
        from PySide6.QtCore import QTimer
        self.timer = QTimer()
        self.timer.timeout.connect(self._tick)
        self.timer.start(10)

    def _tick(self) -> None:
        now = time.perf_counter()
        if self.install == 0.0 and "search" in self.gapp.features:
            self.install = now - self.last              # the turn that attached the features
        if self.warm_from is not None:
            self.gap = max(self.gap, now - self.last)   # the event loop's longest wait while warming up
        self.last = now
        if now - self.t0 > 100:
            _say(error="start-up-work-never-ended")
            self.app.quit()
            return
        if self.rss_start is None:
            if _busy(self.gapp):
                return
            self.rss_start, self.settled = _rss_kb(), (now - self.t0) * 1000
            search = self.gapp.features["search"]
            self.gapp.window.actions.search.trigger()   # Ctrl+Shift+F: the field takes the focus
            if search.warm_task is None and not search.engine.warm:
                _say(error="no-warm-up-on-focus")
                self.app.quit()
                return
            self.warm_from = now
            return
        search = self.gapp.features["search"]
        if search.warm_ms is None:
            return
        self.timer.stop()
        self._measure(search.warm_ms, (now - self.warm_from) * 1000)

    def _measure(self, warm_ms: float, warm_wall: float) -> None:
        import statistics       # not at import: the probe must not slow the start it measures
        from PySide6.QtWidgets import QApplication
        from ..core.location import Location
        rss_warm = _rss_kb()
        path = os.environ.get("GAZETTE_READER_PROBE_KEYS")
        keys = [k for k in open(path, encoding="utf-8").read().splitlines() if k] if path else []
        times = []
        nav, view = self.gapp.navigator, self.gapp.window.area.policy.view
        for key in keys:
            t = time.perf_counter()
            nav.open(Location(key))
            view.viewport().repaint()
            QApplication.processEvents()        # the facts panel fills on the next turn: counted
            times.append((time.perf_counter() - t) * 1000)
        _say(settled_ms=f"{self.settled:.0f}", rss_start_kb=self.rss_start,
             warm_ms=f"{warm_ms:.0f}", warm_wall_ms=f"{warm_wall:.0f}", loop_gap_ms=f"{self.gap * 1000:.0f}",
             install_ms=f"{self.install * 1000:.0f}",
             rss_warm_kb=rss_warm, docs=len(times),
             open_median_ms=f"{statistics.median(times):.1f}" if times else "nan",
             open_max_ms=f"{max(times):.1f}" if times else "nan",
             first_listed_ms=f"{times[0]:.1f}" if times else "nan", rss_peak_kb=_rss_kb())
        self.app.quit()
