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


def test_the_catalogue_is_set_aside_from_the_collector_and_let_go_when_the_library_changes(qtbot, library_copy):
    """Once the search catalogue has come from its worker, the collections on the GUI thread no
    longer walk it (gc.freeze); an import or a removal thaws it so a replaced catalogue can go."""
    from gui_helpers import start_app
    gc.unfreeze()
    app = start_app(qtbot, library_copy)
    feature = app.features["search"]
    feature.prepare()                           # the search field took the focus
    qtbot.waitUntil(lambda: feature.warm_ms is not None, timeout=20_000)
    try:
        assert gc.get_freeze_count() > 1000
        app.library_changed.emit()              # as after an import
        assert gc.get_freeze_count() == 0          # thawed at once; the warm-up runs again
        qtbot.waitUntil(lambda: feature.warm_task is None, timeout=20_000)
        assert gc.get_freeze_count() > 1000     # the new catalogue set aside in its turn
    finally:
        gc.unfreeze()
