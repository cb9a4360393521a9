"""The screenshots in docs/ for the office features (issue 14), taken from the real window.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python tools/make_screenshots.py

Uses a copy of data/gazette.db and a throw-away user folder, the Chinese interface, and
writes docs/screenshot-unread.png (the tree with unread marks and the 未读 filter off),
docs/screenshot-todo.png (the 待办 list, one ticked 已办) and docs/screenshot-dark.png.
"""
from __future__ import annotations

import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
FIRST = "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"


def main() -> int:
    tmp = Path(tempfile.mkdtemp(prefix="gazette-shots-"))
    os.environ["GAZETTE_READER_DATA"] = str(tmp / "user")
    db = tmp / "gazette.db"
    shutil.copyfile(ROOT / "data" / "gazette.db", db)
    from PySide6.QtWidgets import QApplication
    app = QApplication(sys.argv[:1])
    from reader.core.library import Library
    from reader.core.location import Location
    from reader.gui import fonts, launch
    from reader.gui.app import GazetteApp
    from reader.gui.features import install_features
    launch._install_translator(app, "zh_CN")
    fonts.register_fonts()
    g = GazetteApp(Library(db))
    install_features(g)
    w = g.window
    w.resize(1440, 860)
    w.show()
    g.restore_state()

    def settle(ms=300):
        from PySide6.QtCore import QEventLoop, QTimer
        loop = QEventLoop()
        QTimer.singleShot(ms, loop.quit)
        loop.exec()

    bm = g.features["bookmarks"]
    lib = g.library
    sections = lib.sections(lib.issues()[0].key)
    docs = [d for s in sections for d in lib.section_documents(s.id)]
    for d in docs[:2]:                                  # two read (圈阅), the rest unread
        bm.store.mark_read(d.key)
    g.navigator.open(Location(docs[2].key))
    w.tree.model.load_all()
    w.tree.view.expandAll()
    w.tree_dock.raise_()
    settle()
    out = ROOT / "docs"
    w.grab().save(str(out / "screenshot-unread.png"))

    todo = [bm.store.add(d.key, note=n, note_type="todo", doc_title=d.title)
            for d, n in zip(docs, ("请体育局牵头，6月底前报送进展", "转各县区政府办", "存档", "通知本人"))]
    bm.store.add(docs[0].key, note="重点关注全民健身设施建设", note_type="instruction", doc_title=docs[0].title)
    bm.store.set_done(todo[1].id, True)
    bm.store.set_done(todo[3].id, True)
    panel = bm.panel
    panel.type_filter.setCurrentIndex(panel.type_filter.findData("todo"))
    bm.dock.show()
    bm.dock.raise_()
    settle()
    w.grab().save(str(out / "screenshot-todo.png"))

    g.apply_preferences(g.prefs._replace(theme="dark"))
    g.navigator.open(Location(FIRST))
    w.tree_dock.raise_()
    settle()
    w.grab().save(str(out / "screenshot-dark.png"))
    shutil.rmtree(tmp, ignore_errors=True)
    print("wrote docs/screenshot-unread.png, docs/screenshot-todo.png, docs/screenshot-dark.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
