"""One small helper for background work: ``run_in_background(fn, on_done, on_error)``.

Workers never touch widgets: results come back to the GUI thread through a
signal. A task can be cancelled; a cancelled task's result is dropped, so a
newer search replaces a stale one without a race.
"""
from __future__ import annotations

import traceback
from typing import Any, Callable

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from ..core.cancel import CancelToken


class _Relay(QObject):
    done = Signal(object)
    failed = Signal(str)
    progress = Signal(int, int, str)
    ended = Signal()          # always, last: done, failed or cancelled


class Task(QRunnable):
    def __init__(self, fn: Callable[..., Any], token: CancelToken, with_progress: bool):
        super().__init__()
        self.fn = fn
        self.token = token
        self.relay = _Relay()   # created on the GUI thread: its signals are delivered there
        self.with_progress = with_progress
        self.setAutoDelete(False)

    def cancel(self) -> None:
        self.token.cancel()

    def run(self) -> None:
        try:
            self._run()
        finally:
            self.relay.ended.emit()

    def _run(self) -> None:
        try:
            if self.with_progress:
                result = self.fn(self.token, lambda done, total, label="": self.relay.progress.emit(done, total, label))
            else:
                result = self.fn(self.token)
        except Exception as e:  # reported to the GUI thread, never raised in a worker
            if not self.token.is_cancelled():
                self.relay.failed.emit(f"{type(e).__name__}: {e}\n{traceback.format_exc(limit=3)}")
            return
        if not self.token.is_cancelled():
            self.relay.done.emit(result)


_live: set[Task] = set()   # keep Python wrappers alive until the task reports back


def run_in_background(fn: Callable[..., Any], on_done: Callable[[Any], None],
                      on_error: Callable[[str], None] | None = None,
                      on_progress: Callable[[int, int, str], None] | None = None,
                      pool: QThreadPool | None = None) -> Task:
    """Run ``fn(token)`` (or ``fn(token, progress)`` when on_progress is given) off the GUI thread."""
    task = Task(fn, CancelToken(), on_progress is not None)
    _live.add(task)

    task.relay.done.connect(on_done)
    if on_error:
        task.relay.failed.connect(on_error)
    task.relay.ended.connect(lambda: _live.discard(task))
    if on_progress:
        task.relay.progress.connect(on_progress)
    (pool or QThreadPool.globalInstance()).start(task)
    return task


QUIT_WAIT_MS = 300


def stop_all(timeout_ms: int = QUIT_WAIT_MS) -> None:
    """At quit: cancel what still runs. Workers check their token between slices (and a
    running statement through SQLite's progress handler), so they end within a slice;
    quitting waits for that at most ``timeout_ms``, never for the work itself. A cancelled
    task reports nothing, so no worker touches a deleted object."""
    for task in list(_live):
        task.cancel()
    QThreadPool.globalInstance().waitForDone(timeout_ms)
