"""Start the window (and ``--self-test``)."""
from __future__ import annotations

import os
import sys
import time

_T0 = time.perf_counter()


def _install_translator(app, language: str) -> list:
    """Qt's own strings (file chooser, print dialog: qtbase_zh_CN from the PySide6
    installation, bundled by build_spec), then ours, which win where both translate (Qt
    asks the translator installed last first). English has a file too: plural forms."""
    from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
    from ..resources import resource_path
    installed = []
    if language == "zh_CN":
        qt = QTranslator(app)
        if qt.load(QLocale(QLocale.Language.Chinese, QLocale.Country.China), "qtbase", "_",
                   QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            app.installTranslator(qt)
            installed.append(qt)
    ours = QTranslator(app)
    name = "gazette_reader_zh_CN.qm" if language == "zh_CN" else "gazette_reader_en.qm"
    if ours.load(str(resource_path("i18n", name))):
        app.installTranslator(ours)
        installed.append(ours)
    return installed


# What the offscreen platform says about every window it cannot really show: not the
# reader's business, and noise in the self-test's one line of output.
_PLATFORM_NOISE = ("QBackingStore::flush()", "does not support propagateSizeHints", "which does not have a handle")


def _quiet_platform_noise() -> None:
    from PySide6.QtCore import qInstallMessageHandler

    def handler(_kind, _context, message):
        if not any(n in message for n in _PLATFORM_NOISE):
            sys.stderr.write(message + "\n")
    qInstallMessageHandler(handler)


def _fail(message: str, self_test: bool) -> int:
    print(f"gazette-reader: {message}", file=sys.stderr)
    if not self_test and os.environ.get("QT_QPA_PLATFORM") != "offscreen":
        from PySide6.QtWidgets import QMessageBox
        QMessageBox.critical(None, "政府公报阅读器", message)
    return 1


def run_gui(args) -> int:
    from pathlib import Path

    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from ..core.errors import StoreError
    from ..core.library import Library
    self_test = bool(getattr(args, "self_test", False))
    if self_test and not os.environ.get("QT_QPA_PLATFORM") and not os.environ.get("DISPLAY") \
            and sys.platform.startswith("linux"):
        os.environ["QT_QPA_PLATFORM"] = "offscreen"
    if self_test:
        _quiet_platform_noise()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from .gui_gc import collect_on_gui_thread
    collect_on_gui_thread(app)
    app.setApplicationName("gazette-reader")
    app.setOrganizationName("gazette-reader")
    app.setApplicationDisplayName("政府公报阅读器")
    from PySide6.QtGui import QIcon
    from ..resources import resource_path
    icon = QIcon()
    for name in ("gazette-reader.png", "gazette-reader-512.png"):
        p = resource_path("icons", name)
        if p.is_file():
            icon.addFile(str(p))
    app.setWindowIcon(icon)
    app.setDesktopFileName("gazette-reader")   # matches build_spec/gazette-reader.desktop
    from .settings import load_preferences, open_settings
    settings = open_settings()
    prefs, _ = load_preferences(settings)
    _install_translator(app, os.environ.get("GAZETTE_READER_LANG") or prefs.language)
    try:
        if args.db:
            library = Library(Path(args.db))
        else:
            from ..core.userlibrary import ensure_user_library
            library = Library(ensure_user_library())
    except StoreError as e:
        from .core_text import say
        return _fail(say(e), self_test)
    from PySide6.QtCore import QCoreApplication
    notices: list[str] = []
    if not args.db:     # a damaged user library was rebuilt: what came back (--db opens a file as it is)
        from ..core.userlibrary import take_notices
        from .core_text import say
        notices = [say(n) for n in take_notices()]
    for notice in notices:
        print(QCoreApplication.translate("Launch", "Note: {0}").format(notice), file=sys.stderr)
    from .app import GazetteApp
    gapp = GazetteApp(library, settings)
    _drop_sources()
    if self_test:
        return _self_test(app, gapp)
    gapp.restore_state()
    app.aboutToQuit.connect(_stop_workers)
    # Bookmarks, search, printing and import attach once the text is on screen: the
    # first paint does not wait for modules (or a warm-up) it does not need.
    after_first_paint(gapp, lambda: _install_features(gapp))
    probe = os.environ.get("GAZETTE_READER_PROBE")
    if probe:       # ``gazette-reader bench``: markers on this very start (see bench_probe)
        from .bench_probe import attach
        attach(app, gapp, probe, _T0)
    gapp.window.show()
    if notices:     # a damaged library was rebuilt: say what was recovered
        from PySide6.QtWidgets import QMessageBox
        from .plain import plain_message_box
        box = plain_message_box(gapp.window, QMessageBox.Icon.Warning, gapp.window.windowTitle(), "\n\n".join(notices))
        QTimer.singleShot(0, box.open)
    return _leave(gapp, app.exec())


def _leave(gapp, code: int) -> int:
    """The window has closed and everything is saved: the state and preferences (QSettings,
    synced here), bookmarks (committed as made; the store is closed here), the library (read
    only). Tearing down the window's thousands of Qt and Python objects one by one would keep
    the process alive 0.1–0.5 s after the window went away, so the process ends here."""
    gapp.settings.sync()
    store = getattr(gapp.features.get("bookmarks"), "store", None)
    if store is not None:
        store.close()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def after_first_paint(gapp, then, fallback_ms: int = 3000) -> None:
    """Run ``then`` once, on the first idle turn after the document view's first paint has
    been handled (a zero-delay timer started before ``show()`` fires before any paint). With
    no document to show, after the window's first paint; and at the latest after
    ``fallback_ms`` (a window started minimised never paints)."""
    from PySide6.QtCore import QEvent, QObject, QTimer
    area = gapp.window.area
    # The policy view, or the 解读's when the window restored to it alone: whichever has a text.
    views = [v for v in (area.policy.view, area.interpretation.view) if v.rendered.blocks]
    state = {"done": False}

    def once():
        if not state["done"]:
            state["done"] = True
            then()

    def later():
        QTimer.singleShot(0, once)

    if views:
        for view in views:      # the first of them to paint
            view.first_paint.connect(later)
    else:
        class Painted(QObject):
            def eventFilter(self, obj, event):  # noqa: N802
                if event.type() == QEvent.Type.Paint:
                    obj.removeEventFilter(self)
                    later()
                return False
        watcher = Painted(gapp.window)
        gapp.window.installEventFilter(watcher)
    QTimer.singleShot(fallback_ms, once)


def _stop_workers() -> None:
    """At quit: the workers' module (QRunnable, QThreadPool) is imported only by then, not before the
    first paint: the features that start workers attach after it."""
    from .workers import stop_all
    stop_all()


def _drop_sources() -> None:
    """PySide6 reads the source of every module imported after it (to see whether the module
    asks for a ``__feature__``), and ``linecache`` keeps those lines: ~3 MB of text nobody needs
    unless a traceback is printed (it reads the file again then). Let go of them."""
    import linecache
    linecache.clearcache()


def _install_features(gapp) -> None:
    from .features import install_features
    install_features(gapp)
    _drop_sources()
    gapp.restore_dock_layout()    # the features' docks did not exist when the window was restored


def _self_test(app, gapp) -> int:
    """Open the first policy with its interpretation; report counts and time to first paint."""
    from PySide6.QtCore import QTimer
    from ..core.location import Location
    result = {"code": 1}
    first = gapp.library.first_policy_with_interpretation()
    view = gapp.window.area.policy.view
    right = gapp.window.area.interpretation.view

    def painted():
        ms = (time.perf_counter() - _T0) * 1000
        at = time.time()
        counts = gapp.library.counts()
        ok = bool(first) and right.isVisible() and right.document().characterCount() > 100 \
            and view.document().characterCount() > 100
        _install_features(gapp)     # as a real start does right after the first paint
        ok = ok and {"bookmarks", "search", "print", "import", "status"} <= set(gapp.features)
        status = "ok" if ok else "FAILED"
        print(f"self-test {status}: issues={counts['issues']} documents={counts['documents']} "
              f"interpretations={counts['interpretations']} opened=\"{first.title if first else ''}\" "
              f"split={right.isVisible()} features={','.join(sorted(gapp.features))} "
              f"first_paint_ms={ms:.1f} first_paint_at={at:.6f}", flush=True)
        result["code"] = 0 if ok else 1
        app.quit()

    if first is None:
        print("self-test FAILED: the library has no policy with an interpretation", file=sys.stderr)
        return 1
    view.first_paint.connect(painted)
    # The check is of the pair side by side, whatever the user's settings say (split=false).
    gapp.window.area.set_split(True)
    from .workers import stop_all
    app.aboutToQuit.connect(stop_all)
    gapp.window.show()
    gapp.navigator.open(Location(first.key), record=False)
    QTimer.singleShot(20000, lambda: (print("self-test FAILED: no paint within 20 s", file=sys.stderr), app.quit()))
    app.exec()
    return result["code"]
