"""Start-up and quitting (issue 17): features after the first real paint, quitting without
waiting, a bounded "cited by" list, the tree finding a row without a scan."""
import sqlite3
import threading
import time

from reader.core.library import Library
from reader.core.location import Location

from gui_helpers import start_app

FIRST = "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"
NOTICE_12 = "永州市人民政府公报/2022/5-6/永政人〔2022〕12号"


def _start_as_a_user(qtbot, db, settings):
    from reader.gui import fonts, launch
    from reader.gui.app import GazetteApp
    from reader.gui.settings import open_settings
    fonts.register_fonts()
    gapp = GazetteApp(Library(db), open_settings(settings))
    qtbot.addWidget(gapp.window)
    gapp.restore_state()
    seen = {}
    view = gapp.window.area.policy.view
    view.first_paint.connect(lambda: seen.setdefault("painted", time.perf_counter()))

    def install():
        seen["installed"] = time.perf_counter()
        seen["painted_before"] = view._painted
        launch._install_features(gapp)
    launch.after_first_paint(gapp, install)
    return gapp, seen


def test_features_attach_after_the_first_paint_has_been_handled(qtbot, library_copy, tmp_path):
    gapp, seen = _start_as_a_user(qtbot, library_copy, tmp_path / "s.ini")
    assert gapp.features == {}
    gapp.window.show()
    assert gapp.features == {}              # show() paints nothing yet, and nothing attached
    qtbot.waitUntil(lambda: "installed" in seen, timeout=5000)
    assert seen["painted_before"] and seen["painted"] <= seen["installed"]
    assert {"bookmarks", "search", "print", "import"} <= set(gapp.features)


def test_print_and_import_load_nothing_until_asked(qtbot, library_copy):
    import subprocess
    import sys
    code = ("import sys; import reader.gui.print_feature, reader.gui.importing.feature; "
            "print(sorted(m for m in sys.modules if m.startswith(('reader.gui.printing', 'reader.gui.importing.dialog', "
            "'reader.gui.importing.completeness', 'reader.core.printjob', 'reader.core.importer'))))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_quitting_does_not_wait_for_the_search_warm_up(qtbot, library_copy):
    from reader.gui.workers import run_in_background, stop_all
    gapp = start_app(qtbot, library_copy)
    ended = threading.Event()

    def slow(token):     # a long warm-up that checks its token between slices
        try:
            for _ in range(1000):
                if token.is_cancelled():
                    return None
                time.sleep(0.01)
        finally:
            ended.set()
    run_in_background(slow, lambda _: None)
    search = gapp.features["search"]
    qtbot.wait(30)
    t = time.perf_counter()
    gapp.window.close()          # saves state, cancels the features' work
    stop_all()                    # as aboutToQuit does
    assert time.perf_counter() - t < 0.5
    assert ended.wait(0.5)
    assert search.warm_task is None or search.warm_task.token.is_cancelled()


def test_a_long_cited_by_list_shows_the_first_and_more_loads_the_rest(qtbot, library_copy, monkeypatch):
    # The sample has 10 documents: the first 5 of 9 stand for the first 20 of many.
    from reader.core import library as library_module
    monkeypatch.setattr(library_module, "CITED_BY_FIRST", 5)
    # Every other document cites 永政发〔2022〕6号 (citations written straight into a copy of the library).
    c = sqlite3.connect(library_copy)
    target = c.execute("SELECT id, doc_number FROM documents WHERE key = ?", (FIRST,)).fetchone()
    citing = [i for (i,) in c.execute("SELECT id FROM documents WHERE id != ?", (target[0],))]
    extra = [(i, 9000 + n) for n, i in enumerate(citing)]
    c.executemany("INSERT INTO citations(doc_id, ord, kind, text, target, block, start, \"end\") "
                  "VALUES (?, ?, 'doc_number', 'x', ?, 0, 0, 1)", [(i, o, target[1]) for i, o in extra])
    c.commit()
    c.close()
    lib = Library(library_copy)
    total = lib.cited_by_count(FIRST)
    assert total == len(citing)
    assert [d.key for d in lib.cited_by(FIRST, 5)] == [d.key for d in lib.cited_by(FIRST)][:5]
    view = lib.document(FIRST)
    assert total > 5 and len(view.cited_by) == 5 and view.cited_by_total == total
    gapp = start_app(qtbot, library_copy)
    gapp.navigator.open(Location(FIRST))
    meta = gapp.window.meta
    qtbot.waitUntil(lambda: "More" in meta.toPlainText() or "更多" in meta.toPlainText())
    from PySide6.QtCore import QUrl
    from reader.gui.metadata_panel import MORE_CITED_BY
    before = meta.toPlainText()
    meta.anchorClicked.emit(QUrl(MORE_CITED_BY))
    qtbot.waitUntil(lambda: meta.toPlainText() != before)
    after = meta.toPlainText()
    assert "More" not in after and "更多" not in after
    titles = [d.title for d in lib.cited_by(FIRST)]
    assert all(t in after for t in titles)
    assert not all(t in before for t in titles)


def test_the_tree_finds_a_row_through_its_index_not_a_scan(qtbot, built_library, monkeypatch):
    from reader.gui.tree_model import LibraryTreeModel, Roles
    model = LibraryTreeModel(Library(built_library))
    # The old lookup walked every row with index(); it must not be needed any more.
    monkeypatch.setattr(model, "index", lambda *a: (_ for _ in ()).throw(AssertionError("scan")))
    for key in (FIRST, NOTICE_12):
        ix = model.index_for_key(key)
        assert ix.isValid() and ix.data(Roles.Key) == key
    assert not model.index_for_key("no/such/document").isValid()


def test_a_real_start_quit_right_after_the_first_paint_ends_with_the_state_saved(library_copy, tmp_path):
    # The ordinary start (python -m reader) with the benchmark's probe: closed while the search
    # warms up, the process ends at once (os._exit after saving) and the next start finds its place.
    import os
    import subprocess
    import sys
    from conftest import ROOT
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", GAZETTE_READER_DATA=str(tmp_path / "profile"),
               GAZETTE_READER_PROBE="quit:0", PYTHONPATH=str(ROOT))
    r = subprocess.run([sys.executable, "-m", "reader", "--db", str(library_copy)], capture_output=True, text=True,
                       env=env, cwd=ROOT, timeout=60)
    assert r.returncode == 0, r.stderr
    assert "first_paint_at=" in r.stdout and "quit_at=" in r.stdout
    settings = (tmp_path / "profile" / "settings.ini").read_text(encoding="utf-8")
    assert "geometry" in settings and "location" in settings


def test_the_search_catalogue_loads_when_a_search_is_coming_not_at_start(qtbot, library_copy, tmp_path):
    # Memory before any search: the catalogue (a few values per document) is read when the search
    # field takes the focus (Ctrl+Shift+F, or a click into it), in a worker, not at start-up.
    gapp, seen = _start_as_a_user(qtbot, library_copy, tmp_path / "s.ini")
    gapp.window.show()
    qtbot.waitUntil(lambda: "installed" in seen, timeout=5000)
    search = gapp.features["search"]
    qtbot.wait(200)
    assert search.warm_task is None and not search.engine.warm and search.engine._catalog is None
    gapp.window.actions.search.trigger()
    assert search.warm_task is not None
    qtbot.waitUntil(lambda: search.engine.warm and search.warm_task is None, timeout=5000)
    assert search.warm_ms is not None
    search.prepare()                    # loaded: focusing the field again reads nothing
    assert search.warm_task is None
    gapp.library_changed.emit()         # an import: a catalogue in use is read again
    assert search.warm_task is not None
    qtbot.waitUntil(lambda: search.warm_task is None, timeout=5000)


def test_quitting_stops_the_workers_through_the_launch_hook(qtbot):
    # aboutToQuit calls launch._stop_workers, which imports the workers' module only then.
    from reader.gui import launch
    from reader.gui.workers import run_in_background
    seen = threading.Event()

    def slow(token):
        for _ in range(500):
            if token.is_cancelled():
                seen.set()
                return None
            time.sleep(0.01)
    task = run_in_background(slow, lambda _: None)
    qtbot.wait(20)
    t = time.perf_counter()
    launch._stop_workers()
    assert time.perf_counter() - t < 0.5 and task.token.is_cancelled() and seen.wait(0.5)


def test_features_attach_after_the_first_paint_of_the_interpretation_shown_alone(qtbot, library_copy, tmp_path):
    # A window restored to the 解读 alone never paints the policy view: the features (and the
    # benchmark's probe) go by whichever document view paints first, not the 3 s fallback.
    from reader.gui import launch
    from reader.gui.app import GazetteApp
    from reader.gui.settings import open_settings
    from reader.gui import fonts
    fonts.register_fonts()
    gapp = GazetteApp(Library(library_copy), open_settings(tmp_path / "s.ini"))
    qtbot.addWidget(gapp.window)
    gapp.restore_state()
    area = gapp.window.area
    assert area.interpretation.view.rendered.blocks
    area.set_split(False)
    area.show_single(area.interpretation)
    seen = {}
    launch.after_first_paint(gapp, lambda: seen.setdefault("at", time.perf_counter()), fallback_ms=20000)
    gapp.window.show()
    qtbot.waitUntil(lambda: "at" in seen, timeout=3000)
    assert area.interpretation.view._painted and not area.policy.view._painted
