"""Garbage is collected on the GUI thread, never on a worker (a worker's collection can
free a Qt wrapper off the GUI thread: a crash)."""
import gc
import threading

from reader.gui.workers import run_in_background


def test_a_worker_making_cyclic_garbage_never_collects_on_its_thread(qapp, qtbot):
    on_gui_thread: list[bool] = []

    def watch(phase, _info):
        if phase == "start":
            on_gui_thread.append(threading.current_thread() is threading.main_thread())

    def churn(_token):
        for _ in range(100_000):      # far past the first generation's threshold
            cycle: list = []
            cycle.append(cycle)
        return True

    done: list = []
    gc.callbacks.append(watch)
    try:
        run_in_background(churn, done.append)
        qtbot.waitUntil(lambda: bool(done), timeout=20_000)
        qtbot.wait(600)               # the collector's timer runs on this thread
    finally:
        gc.callbacks.remove(watch)
    assert on_gui_thread, "the garbage was never collected"
    assert all(on_gui_thread), f"{on_gui_thread.count(False)} collections ran on a worker thread"
