"""The first-paint floor for ``gazette-reader bench``: the least a Qt window showing text can do.

A QMainWindow (the reader's first-start size) with a QSplitter of an empty QTreeView and a QTextBrowser holding
some Chinese text, started the same way as the real window; on the first
Paint event of the text view's viewport it prints
``first_paint_ms=<since start> first_paint_at=<time.time()>`` and exits.

    python -m reader.gui.bench_floor
"""
from __future__ import annotations

import sys
import time

STARTED = time.perf_counter()

TEXT = ("为深入贯彻全民健身国家战略，全面落实体育强省和湖南省全民健身目标任务，更好地满足新时代人民群众健身需求，"
        "构建更高水平全民健身公共服务体系，结合实际，制定本计划。") * 20


def main() -> int:
    from PySide6.QtCore import QEvent, QObject, Qt, QTimer
    from PySide6.QtGui import QStandardItemModel
    from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTextBrowser, QTreeView

    from . import DEFAULT_WINDOW_SIZE
    app = QApplication(sys.argv[:1])

    class FirstPaint(QObject):
        def eventFilter(self, obj, event):
            if event.type() == QEvent.Type.Paint:
                obj.removeEventFilter(self)
                ms = (time.perf_counter() - STARTED) * 1000
                from .bench_probe import _rss_kb
                rss = _rss_kb()
                print(f"first_paint_ms={ms:.1f} first_paint_at={time.time():.6f} rss_kb={rss}", flush=True)
                QTimer.singleShot(0, app.quit)
            return False

    window = QMainWindow()
    splitter = QSplitter(Qt.Orientation.Horizontal)
    tree = QTreeView()
    tree.setModel(QStandardItemModel(tree))
    text = QTextBrowser()
    text.setPlainText(TEXT)
    splitter.addWidget(tree)
    splitter.addWidget(text)
    window.setCentralWidget(splitter)
    window.resize(*DEFAULT_WINDOW_SIZE)     # the reader's own first-start size
    watcher = FirstPaint()
    text.viewport().installEventFilter(watcher)
    window.show()
    QTimer.singleShot(20000, app.quit)      # never hang a benchmark
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
