"""The interface is Chinese through Qt's translation files, and English can be switched on."""
import sys
import xml.etree.ElementTree as ET

from PySide6.QtCore import QCoreApplication, QTranslator

from conftest import ROOT

TS = ROOT / "resources" / "i18n" / "gazette_reader_zh_CN.ts"
QM = TS.with_suffix(".qm")


def _messages(ts):
    for ctx in ET.parse(ts).getroot().iter("context"):
        for m in ctx.iter("message"):
            yield ctx.find("name").text, m


def test_every_interface_string_has_a_chinese_translation(tmp_path):
    # Collect the strings the code asks for now, and compare with the committed .ts.
    fresh = tmp_path / "fresh.ts"
    sys.path.insert(0, str(ROOT / "tools"))
    import update_translations
    update_translations.lupdate(fresh)
    wanted = {(c, m.find("source").text) for c, m in _messages(fresh)}
    have = {(c, m.find("source").text): m.find("translation") for c, m in _messages(TS)}
    assert wanted - set(have) == set(), "run tools/update_translations.py and translate the new strings"
    untranslated = [k for k, t in have.items() if t.get("type") == "unfinished"
                    or not ((t.text or "").strip() or [f for f in t if (f.text or "").strip()])]
    assert untranslated == []


def test_compiled_translations_are_current_and_load(qapp):
    assert QM.exists() and QM.stat().st_size > 1000
    tr = QTranslator()
    assert tr.load(str(QM))
    QCoreApplication.installTranslator(tr)
    try:
        assert QCoreApplication.translate("MainWindow", "Gazette Reader") == "政府公报阅读器"
        assert QCoreApplication.translate("Actions", "&Print…") == "打印(&P)…"
        assert QCoreApplication.translate("MetadataPanel", "Doc. number") == "文号"
        assert QCoreApplication.translate("BookmarksFeature", "Delete %n bookmark(s)", "", 3) == "删除 3 条书签"
        # The .qm is compiled from the current .ts: every translation in it comes out.
        for ctx, m in _messages(TS):
            if m.get("numerus") != "yes":
                assert QCoreApplication.translate(ctx, m.find("source").text) == m.find("translation").text
    finally:
        QCoreApplication.removeTranslator(tr)


def test_the_window_speaks_chinese_by_default_and_english_when_asked(qtbot, library_copy, monkeypatch):
    from reader.gui import launch
    from gui_helpers import start_app
    app_qt = QCoreApplication.instance()
    launch._install_translator(app_qt, "zh_CN")
    try:
        app = start_app(qtbot, library_copy)
        titles = [m.title() for m in app.window.menuBar().findChildren(type(app.window.file_menu))]
        assert "文件(&F)" in titles and "视图(&V)" in titles
        assert app.window.actions.print_.text() == "打印(&P)…"
    finally:
        for t in app_qt.findChildren(QTranslator):
            QCoreApplication.removeTranslator(t)
    english = start_app(qtbot, library_copy)
    assert english.window.actions.print_.text() == "&Print…"


def test_marked_strings_use_literal_contexts():
    """lupdate only sees QT_TRANSLATE_NOOP("Context", "text") spelled out literally."""
    import re
    bad = []
    for path in (ROOT / "reader" / "gui").rglob("*.py"):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if re.search(r"QT_TRANSLATE_NOOP\(\s*[^\"'\s]", line):
                bad.append(f"{path.name}:{n}")
    assert bad == []


def test_qt_own_dialogs_speak_chinese_and_ours_win_where_both_translate(qapp):
    from reader.gui import launch
    installed = launch._install_translator(qapp, "zh_CN")
    try:
        assert len(installed) == 2, "qtbase_zh_CN from the PySide6 installation, and ours"
        assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
        assert QCoreApplication.translate("QFileDialog", "Files of type:") != "Files of type:"
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："     # what the dialog shows
        assert QCoreApplication.translate("QFileDialog", "Files of &type:") == "文件类型(&T)："
        assert QCoreApplication.translate("QFileSystemModel", "Size") == "大小"        # not qtbase's 体积
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)
    sys.path.insert(0, str(ROOT / "build_spec"))
    import bundle_config
    assert "qtbase_zh_CN.qm" in bundle_config.QT_TRANSLATIONS      # and the bundle carries it


def test_english_plural_forms_are_compiled_from_the_sources(qapp):
    from reader.gui import launch
    installed = launch._install_translator(qapp, "en")
    try:
        assert QCoreApplication.translate("BookmarksFeature", "Delete %n bookmark(s)", "", 1) == "Delete 1 bookmark"
        assert QCoreApplication.translate("BookmarksFeature", "Delete %n bookmark(s)", "", 3) == "Delete 3 bookmarks"
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)


def test_the_english_plural_file_covers_every_plural_string(tmp_path):
    sys.path.insert(0, str(ROOT / "tools"))
    import update_translations
    fresh = tmp_path / "en.ts"
    update_translations.lupdate(fresh, "-pluralonly", "-target-language", "en")
    wanted = {(c, m.find("source").text) for c, m in _messages(fresh) if m.get("numerus") == "yes"}
    en = ROOT / "resources" / "i18n" / "gazette_reader_en.ts"
    have = {(c, m.find("source").text) for c, m in _messages(en) if len(m.find("translation")) == 2}
    assert wanted and wanted <= have, "run tools/update_translations.py"
