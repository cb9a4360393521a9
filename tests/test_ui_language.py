"""A run at 1366×768 and 1920×1080 with every dialog open: no English in the Chinese interface and
no Chinese in the English one, apart from document text (titles, bodies, issuers, file names)."""
import re

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDockWidget, QFileDialog, QGroupBox,
                               QLabel, QLineEdit, QMenu, QTabBar, QTabWidget, QTreeView, QWidget)

from reader.core.location import Location

from conftest import SAMPLE
from gui_helpers import start_app

FIRST = "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"
CJK = re.compile(r"[\u3400-\u9fff]")
WORD = re.compile(r"[A-Za-z]{3,}")
# Latin words that are names, not English: formats, keys, standards, fonts.
NAMES = {"PDF", "Ctrl", "Shift", "Alt", "Esc", "Del", "Delete", "Backspace", "Return", "Enter", "Home", "End",
         "UTC", "SHA", "Markdown", "json", "html", "txt", "pdf", "JSON", "HTML", "Noto", "LXGW", "WenKai", "SIL",
         "English", "GBT", "UUID", "YZCR", "Tab", "Space", "PgUp", "PgDown", "Ins", "Print", "Left", "Right", "Up", "Down", "Page",
         "Zoom", "Back", "Forward", "Meta", "CJK", "ttf", "otf", "ttc", "otc"}   # key names as QKeySequence prints them; font names
# (UUID: a bookmark id's kind; YZCR: the prefix of the sample's registration codes, document text)


def _install(qapp, language):
    from PySide6.QtCore import QTranslator
    from reader.gui import launch
    for left in qapp.findChildren(QTranslator):     # one a test before us left installed
        QCoreApplication.removeTranslator(left)
    return launch._install_translator(qapp, language)


def _texts(widget: QWidget, document_text: set[str]) -> list[tuple[str, str]]:
    """(where, text) of every interface string a top-level widget shows."""
    out = []
    if widget.windowTitle():
        out.append(("title", widget.windowTitle()))
    for w in [widget, *widget.findChildren(QWidget)]:
        if not w.isVisibleTo(widget) and w is not widget:
            continue
        if isinstance(w, QLabel) and w.objectName() not in ("paneCaption", "bookmarkQuote"):
            out.append((w.objectName() or "label", w.text()))
        elif isinstance(w, QAbstractButton):
            out.append(("button", w.text()))
        elif isinstance(w, QComboBox):
            from PySide6.QtGui import QFontDatabase
            fonts = set(QFontDatabase.families())        # a font's name is a name, in any language
            out += [("combo", w.itemText(i)) for i in range(w.count()) if w.itemText(i) not in fonts]
        elif isinstance(w, QLineEdit):
            out.append(("placeholder", w.placeholderText()))
        elif isinstance(w, QTabBar):
            out += [("tab", w.tabText(i)) for i in range(w.count())]
        elif isinstance(w, QGroupBox):
            out.append(("group", w.title()))
        elif isinstance(w, QDockWidget):
            out.append(("dock", w.windowTitle()))
        elif isinstance(w, QTreeView) and w.model() is not None and w.model().columnCount() > 1:
            m = w.model()
            out += [("header", str(m.headerData(c, Qt.Orientation.Horizontal))) for c in range(m.columnCount())]
    for menu in widget.findChildren(QMenu):
        out.append(("menu", menu.title()))
        out += [("action", a.text()) for a in menu.actions() if not a.isSeparator()]
    return [(where, t) for where, t in out if t and t.strip() and t not in document_text]


def _strip_names(text: str, titles=()) -> str:
    """Without what is not interface language: paths, file names, markup, document titles."""
    text = re.sub(r"<[^>]+>", "", text)
    for t in titles:                        # longest first: quoted document text, whole
        if len(t) > 1:
            text = text.replace(t, "")
    text = re.sub(r"[\w.-]+\.(txt|pdf|json|md|html|db)\b", "", text)
    text = re.sub(r"[A-Za-z]:?[/\\][^\s]*|/[^\s]*", "", text)
    for piece in re.findall(r"[^\x00-\x7f]+[^:：]*", text):      # a run of CJK that is part of a title
        core = piece.strip(" …")
        if any(core and (core in t or t in core) for t in titles):
            text = text.replace(piece, "")
    return text


def _bad(texts, language, titles=()):
    bad = []
    for where, t in texts:
        t = _strip_names(t.replace("&", ""), titles)
        if language == "zh_CN":
            words = [w for w in WORD.findall(t) if w not in NAMES]
            if words:
                bad.append((where, t, words))
        elif CJK.search(t) and t not in ("中文",):            # the language menu names itself
            bad.append((where, t))
    return bad


def _open_everything(qtbot, app, tmp_path):
    """Every dialog the window has, open at once (none modal-blocking)."""
    w = app.window
    app.navigator.open(Location(FIRST))
    dialogs = [app.show_help(), app.features["import"].show_completeness()]
    from reader.gui.bookmarks.editor import BookmarkEditor
    ed = BookmarkEditor(w, title="标题", quote="引文")
    ed.show()
    dialogs.append(ed)
    imp = app.features["import"].start([str(SAMPLE)])
    qtbot.waitUntil(lambda: imp.report is not None, timeout=20000)
    dialogs.append(imp)
    from reader.gui.printing.dialog import PrintDialog
    pd = PrintDialog(app.library, FIRST, (), parent=w) if "parent" in PrintDialog.__init__.__code__.co_varnames \
        else PrintDialog(app.library, FIRST)
    pd.show()
    dialogs.append(pd)
    fd = QFileDialog(w, QCoreApplication.translate("ImportFeature", "Import a gazette issue or documents"),
                     str(tmp_path))
    fd.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    fd.show()
    dialogs.append(fd)
    for dock in (app.features["bookmarks"].dock, app.features["search"].dock):
        dock.show()
    app.features["search"].open_find()
    return dialogs


def _document_text(app):
    lib = app.library
    out = {i.label for i in lib.issues()} | {i.publication for i in lib.issues()}
    for d in lib.standalone_documents():
        out.add(d.title)
    return out | {"标题", "引文", SAMPLE.name}


def _shown_document_text(app):
    """The values the facts panel quotes from the open document."""
    v = app.navigator.current
    i = v.info
    out = {v.title, v.publication, v.issue_label, v.date_printed, v.author, i.doc_number, i.code, i.date, i.section,
           i.issuer, v.doc_number_printed, f"{v.publication} {v.issue_label}"}
    out |= {c.text for c in v.citations} | {f"《{c.text}》" for c in v.citations}
    out |= {c.target_title for c in v.citations if c.target_title}
    out |= {d.title for d in v.cited_by}
    if v.date_printed and i.date:
        out.add(f"{v.date_printed}（{i.date}）")
    return {x for x in out if x}


def _titles(app):
    out = set()
    for issue in app.library.issues():
        for s in app.library.sections(issue.key):
            for d in app.library.section_documents(s.id):
                out |= {d.title, d.issuer or ""}
                out |= {c.title for c in app.library.children(d.key)}
    return {t for t in out if t}


def _boxes_instead_of_waiting(monkeypatch):
    """Message boxes open and stay (none waits for a click): the sweep reads them all."""
    from PySide6.QtWidgets import QMessageBox
    shown = []

    def keep(box):
        box.show()
        shown.append(box)
        return QMessageBox.StandardButton.No

    def static(icon):
        def make(parent, title, text, *_a, **_k):
            return keep(QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent))
        return make
    monkeypatch.setattr(QMessageBox, "exec", keep)
    for name, icon in (("warning", QMessageBox.Icon.Warning), ("information", QMessageBox.Icon.Information),
                       ("critical", QMessageBox.Icon.Critical), ("question", QMessageBox.Icon.Question)):
        monkeypatch.setattr(QMessageBox, name, staticmethod(static(icon)))
    return shown


def _open_core_messages(qtbot, app, tmp_path, shown):
    """Windows that show what the core says: import reports of a hostile and a cut-off file (a
    refusal), and the message boxes of a refused bookmark file, a failed save, a bad page range,
    removing an issue and changing the language. Returns (widget, document text it may quote)."""
    from english_check import document_text
    from test_english_core_text import _hostile, _report
    from reader.core.messages import Msg
    from reader.core.userdata import UserDataError
    from reader.gui.importing.dialog import ImportDialog
    out = []
    hostile = _hostile(tmp_path)
    text = SAMPLE.read_text(encoding="utf-8")
    cut = tmp_path / "cut.txt"
    cut.write_text(text[:text.index("，", len(text) - 2000) + 3], encoding="utf-8")
    for path, report in ((hostile, _report(hostile)), (cut, None)):
        dlg = ImportDialog(app.window, app.library, app.library.path, [str(path)])
        dlg.show()
        qtbot.waitUntil(lambda: dlg.report is not None or dlg.queue == [], timeout=20000)
        assert (dlg.report is not None) == (report is not None)
        out.append((dlg, report, path.read_text(encoding="utf-8")))
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "gazette-reader-bookmarks", "version": 1, "bookmarks": [{"id": "nope"}]}')
    bookmarks = app.features["bookmarks"]
    bookmarks.import_from(str(bad))
    shown.append(bookmarks.message)
    app.message_hook = None
    bookmarks.save_failed(UserDataError(Msg("userdata.failed", where=Msg("userdata.where", path="/tmp/user.db"),
                                            error="disk I/O error")))
    from reader.gui.printing.dialog import PrintDialog
    pd = PrintDialog(app.library, FIRST, (), parent=app.window)
    pd.page_range.setText("3-1")
    pd.export(str(tmp_path / "never.pdf"))
    app.window.tree.select_key(FIRST)
    app.features["import"].remove_current_issue()
    app._language("en" if app.prefs.language == "zh_CN" else "zh_CN")
    assert len(shown) >= 5
    return out


def _report_lines(dlg) -> list[str]:
    return [line for line in dlg.text.toPlainText().splitlines() if line.strip("•▸ ")]


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_message_boxes_and_import_reports_speak_one_language(qtbot, qapp, library_copy, tmp_path, monkeypatch,
                                                              language):
    """What the core says (importer notes, refusals, errors) follows the interface: no English in
    the Chinese interface, no Chinese in the English one apart from the document text quoted."""
    from english_check import chinese_outside, document_text
    shown = _boxes_instead_of_waiting(monkeypatch)
    installed = _install(qapp, language)
    try:
        app = start_app(qtbot, library_copy)
        app.navigator.open(Location(FIRST))
        reports = _open_core_messages(qtbot, app, tmp_path, shown)
        bad = []
        # What the files and the system said, quoted: a record's value, an error of the disk, a code point.
        quoted = ["'nope'", "disk I/O error", "U+2EBF0"]
        titles = sorted(_titles(app) | _document_text(app), key=len, reverse=True) + quoted
        for box in shown:
            bad += _bad(_texts(box, set()), language, titles)
        for dlg, report, source in reports:
            lines = [("report", line) for line in _report_lines(dlg)] + [("report", dlg.heading.text())]
            if language == "en":
                allowed = document_text(report, source)
                bad += [(where, line) for where, line in lines if chinese_outside(line, allowed)]
            else:
                parts = sorted({p for p in document_text(report).split("\x00") if p} if report else set(),
                               key=len, reverse=True)
                bad += _bad(lines, language, parts + titles)
        refused = _report_lines(reports[1][0])
        assert refused and ("文件不完整" in refused[0] if language == "zh_CN" else
                            refused[0].startswith("The file is incomplete (perhaps cut off)"))
        notes = "\n".join(_report_lines(reports[0][0]))
        assert ("无字体可显示的字" in notes) == (language == "zh_CN")
        assert ("no font can show" in notes) == (language == "en")
        for d, *_ in reports:
            d.close()
        for box in shown:
            box.close()
        assert bad == [], "\n".join(map(str, bad))
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_every_dialog_speaks_one_language(qtbot, qapp, library_copy, tmp_path, size, language):
    installed = _install(qapp, language)
    try:
        app = start_app(qtbot, library_copy)
        app.window.resize(*size)
        dialogs = _open_everything(qtbot, app, tmp_path)
        qtbot.wait(50)
        doc_text = _document_text(app)
        from PySide6.QtGui import QFontDatabase
        fonts = {f"{f} {w}" for f in QFontDatabase.families() for w in ("Black", "Bold", "")}   # names, not words
        titles = sorted(doc_text | _titles(app) | {f.strip() for f in fonts}, key=len, reverse=True)
        bad = []
        for top in [app.window, *dialogs]:
            bad += _bad(_texts(top, doc_text), language, titles)
        help_text = dialogs[0].browser.toPlainText()
        bad += _bad([("help", line) for line in help_text.splitlines()], language)
        # Pages built from the library: their own words are checked, the document text they quote is not.
        titles += sorted(_shown_document_text(app), key=len, reverse=True)
        from english_check import chinese_outside, document_text
        imp = dialogs[3]
        report = [line for line in imp.text.toPlainText().splitlines() if line.strip()]
        if language == "en":        # the document text it quotes is the file's, as read
            allowed = document_text(imp.report, SAMPLE.read_text(encoding="utf-8"))
            bad += [("import report", line) for line in report if chinese_outside(line, allowed)]
        else:
            parts = sorted({p for p in document_text(imp.report).split("\x00") if p}, key=len, reverse=True)
            bad += _bad([("import report", line) for line in report], language, parts + titles)
        for where, browser in (("completeness", dialogs[1].view), ("facts", app.window.meta)):
            lines = [(where, line) for line in browser.toPlainText().splitlines() if line.strip("•▸ ")]
            bad += _bad(lines, language, titles)
        for d in dialogs:
            d.close()
        assert bad == [], "\n".join(map(str, bad))
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)


def test_every_translatable_string_is_in_one_language():
    """Also what no test opens (message boxes, menus of a context): English sources carry no
    Chinese, Chinese translations no English words (names, keys and formats aside)."""
    import xml.etree.ElementTree as ET
    from conftest import ROOT
    ts = ROOT / "resources" / "i18n" / "gazette_reader_zh_CN.ts"
    bad = []
    for ctx in ET.parse(ts).getroot().iter("context"):
        for m in ctx.iter("message"):
            source = m.find("source").text or ""
            t = m.find("translation")
            forms = [f.text or "" for f in t] or [t.text or ""]
            if CJK.search(re.sub(r"《[^》]*》|【[^】]*】|[，、；：。？！（）]", "", source)):
                bad.append(("English source with Chinese", source))
            for form in forms:
                words = [w for w in WORD.findall(_strip_names(re.sub(r"\{\w*\}|%\w|&\w", "", form)))
                         if w not in NAMES and w not in {"Ctrl", "Shift", "Enter"}]
                if words:
                    bad.append(("Chinese with English words", form, words))
    assert bad == [], "\n".join(map(str, bad))
