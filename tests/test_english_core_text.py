"""In English, what the core says is English too: the import report (dry run and window) on
the sample and on hostile or cut-off files, refusals, the ``import`` and ``bookmarks``
commands, the facts panel's 时效 section. Chinese stays only where it is document text."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from conftest import SAMPLE, run_cli
from english_check import CJK, chinese_outside, document_text

EN = {"GAZETTE_READER_LANG": "en"}


def _hostile(tmp_path) -> Path:
    """The sample with a wrong page in its 目录, a stray 目录 line and a character no font
    has: notes of several kinds, each quoting document text."""
    text = SAMPLE.read_text(encoding="utf-8")
    text = text.replace("YZCR-2022-01005) (10)", "YZCR-2022-01005) (20)", 1)
    text = text.replace("年)》的通知\n\n(永政发[2022]6 号", "年)》的通知\n\n某某某某某某某某某某某\n\n(永政发[2022]6 号", 1)
    at = text.index("全民健身", 3000)
    text = text[:at] + "\U0002EBF0" + text[at:]
    path = tmp_path / "hostile.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _report(path):
    from reader.core.import_report import dry_run
    return dry_run(path, None)


@pytest.mark.parametrize("make", [lambda tmp: SAMPLE, _hostile], ids=["sample", "hostile"])
def test_an_english_dry_run_has_no_chinese_but_document_text(tmp_path, make):
    path = make(tmp_path)
    report = _report(path)
    allowed = document_text(report, path.read_text(encoding="utf-8"))
    r = run_cli("import", str(path), "--dry-run", "--db", str(tmp_path / "none.db"), env_extra=EN)
    out = r.stdout.decode()
    assert r.returncode == 0 and out.startswith("Import preview:")
    assert chinese_outside(out, allowed) == []
    n = len(report.warnings)
    assert n >= (5 if path.name == "hostile.txt" else 2)
    assert f"{n} notes from the importer:" in out
    # The check has teeth: the same report in Chinese is caught.
    zh = run_cli("import", str(path), "--dry-run", "--db", str(tmp_path / "none.db")).stdout.decode()
    assert len(chinese_outside(zh, allowed)) > 10


def test_the_hostile_file_s_notes_are_english(tmp_path):
    path = _hostile(tmp_path)
    out = run_cli("import", str(path), "--dry-run", "--db", str(tmp_path / "none.db"), env_extra=EN).stdout.decode()
    for english in ("Pages out of order in the table of contents:", "A table of contents entry is not in the text:",
                    "no font can show:", "similarity 0.98); paired"):
        assert english in out
    for chinese in ("目录页码顺序颠倒", "无字体可显示", "相似度", "已配对", "第3页"):
        assert chinese not in out


def test_an_english_import_says_what_it_stored_and_its_notes_in_english(tmp_path):
    db = tmp_path / "lib.db"
    path = _hostile(tmp_path)
    r = run_cli("import", str(path), "--db", str(db), env_extra=EN)
    out = r.stdout.decode()
    assert r.returncode == 0, r.stderr.decode()
    assert "imported 《永州市人民政府公报》2022年第5-6期（总第154—155期）: 3 sections, 4 documents," in out
    assert "  note: The table of contents and the text give 《" in out
    assert chinese_outside(out, document_text(_report(path), path.read_text(encoding="utf-8"))) == []
    again = run_cli("import", str(path), "--db", str(db), env_extra=EN)
    err = again.stderr.decode()
    assert again.returncode == 1 and "The library already holds 《永州市人民政府公报》" in err
    assert "(add --replace to replace it)" in err and "未导入" not in err


def test_refusals_are_english(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    cut = tmp_path / "cut.txt"
    at = text.index("，", len(text) - 2000) + 3          # mid-sentence, in the last document
    cut.write_text(text[:at], encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("\n\n", encoding="utf-8")
    notes = tmp_path / "notes.txt"
    notes.write_text("hello\nworld\n", encoding="utf-8")
    for path, english in ((cut, "The file is incomplete (perhaps cut off): it breaks off at line"),
                          (empty, "The file is empty"), (notes, "Neither a gazette nor a document"),
                          (tmp_path, "is a folder, not a file")):
        r = run_cli("import", str(path), "--dry-run", "--db", str(tmp_path / "none.db"), env_extra=EN)
        err = r.stderr.decode()
        assert r.returncode == 1 and english in err, err
        assert chinese_outside(err, document_text(None, text)) == [], err
        zh = run_cli("import", str(path), "--dry-run", "--db", str(tmp_path / "none.db")).stderr.decode()
        assert CJK.search(zh)          # the Chinese run still says it in Chinese


def test_a_cut_off_single_document_is_reported_in_english(tmp_path, corpus_files):
    text = corpus_files[0].read_text(encoding="utf-8")
    cut = tmp_path / "cut.txt"
    cut.write_text(text[:text.index("，", len(text) * 2 // 3) + 4], encoding="utf-8")
    report = _report(cut)
    assert any(w.code == "cut.incomplete" for w in report.warnings)
    out = run_cli("import", str(cut), "--dry-run", "--db", str(tmp_path / "none.db"), env_extra=EN).stdout.decode()
    assert "The file is incomplete: it breaks off at line" in out
    assert chinese_outside(out, document_text(report, text)) == []


# -- bookmarks --------------------------------------------------------------------------

def _bookmark_file(tmp_path, n: int) -> Path:
    records = [{"id": f"00000000-0000-4000-8000-00000000000{i}", "doc_key": "文件/某〔2022〕1号", "anchor": None,
                "note": "", "note_type": "note", "tags": [], "color": "#ffeb3b", "created": "2024-01-01T00:00:00Z",
                "updated": "2024-01-01T00:00:00Z", "status": "detached"} for i in range(n)]
    path = tmp_path / f"bm{n}.json"
    path.write_text(json.dumps({"format": "gazette-reader-bookmarks", "version": 1, "bookmarks": records}),
                    encoding="utf-8")
    return path


def test_the_bookmarks_command_speaks_english_in_an_english_locale(tmp_path, built_library):
    env = {"GAZETTE_READER_LANG": "", "LC_ALL": "en_US.UTF-8", "GAZETTE_READER_DATA": str(tmp_path / "a")}
    one = _bookmark_file(tmp_path, 1)
    r = run_cli("bookmarks", "import", str(one), "--db", str(built_library), env_extra=env)
    assert r.returncode == 0, r.stderr.decode()
    assert r.stdout.decode().strip() == f"Imported {one}: 1 added, 0 updated, 0 unchanged"
    out = tmp_path / "out.json"
    r = run_cli("bookmarks", "export", str(out), "--db", str(built_library), env_extra=env)
    assert r.stdout.decode().strip() == f"Exported 1 bookmark to {out} (json)"
    two = _bookmark_file(tmp_path, 2)
    run_cli("bookmarks", "import", str(two), "--db", str(built_library), env_extra=env)
    r = run_cli("bookmarks", "export", str(out), "--db", str(built_library), env_extra=env)
    assert r.stdout.decode().strip() == f"Exported 2 bookmarks to {out} (json)"
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "gazette-reader-bookmarks", "version": 1, "bookmarks": [{"id": "nope"}]}')
    r = run_cli("bookmarks", "import", str(bad), env_extra=env)
    err = r.stderr.decode()
    assert r.returncode == 1 and "Bookmark 1 is not valid: id is not a UUID: 'nope'" in err, err
    r = run_cli("bookmarks", "import", str(tmp_path / "missing.json"), env_extra=env)
    assert r.returncode == 1 and "cannot read: No such file" in r.stderr.decode()
    r = run_cli("bookmarks", "export", str(tmp_path / "no" / "such" / "dir.json"), env_extra=env)
    assert r.returncode == 1 and "Cannot write" in r.stderr.decode()
    for args in (("import", str(one)), ("import", str(bad)), ("export", str(out))):
        r = run_cli("bookmarks", *args, "--db", str(tmp_path / "no-such.db"), env_extra=env)
        both = r.stdout.decode() + r.stderr.decode()
        assert not CJK.search(both), both
    zh = run_cli("bookmarks", "import", str(bad), env_extra=dict(env, LC_ALL="zh_CN.UTF-8"))
    assert "第 1 条书签无效：id 不是 UUID：'nope'" in zh.stderr.decode()
    # Markdown and HTML exports: their own words in the run's language, what was bookmarked as it is
    for name, heading in (("out.md", "# Bookmarks and notes"), ("out.html", "<h1>Bookmarks and notes</h1>")):
        r = run_cli("bookmarks", "export", str(tmp_path / name), env_extra=env)
        assert r.returncode == 0, r.stderr.decode()
        text = (tmp_path / name).read_text(encoding="utf-8")
        assert heading in text and "2 bookmarks" in text and "whole document" in text
        assert chinese_outside(text, document_text(None, "文件/某〔2022〕1号")) == []
        zh = run_cli("bookmarks", "export", str(tmp_path / name), env_extra=dict(env, LC_ALL="zh_CN.UTF-8"))
        assert zh.returncode == 0 and "书签与批注" in (tmp_path / name).read_text(encoding="utf-8")


# -- the window ----------------------------------------------------------------------------

def _with_language(qapp, language):
    from test_ui_language import _install
    return _install(qapp, language)


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_status_section_speaks_the_interface_s_language(qtbot, qapp, tmp_path, language):
    from gui_helpers import start_app
    from test_gui_status import _library
    from reader.core.location import Location
    installed = _with_language(qapp, language)
    try:
        db, old, new = _library(tmp_path)
        app = start_app(qtbot, db)
        qtbot.waitUntil(lambda: app.library.status_ready(), timeout=10000)
        app.navigator.open(Location(old))
        word = "已废止" if language == "zh_CN" else "repealed"
        qtbot.waitUntil(lambda: word in app.window.meta.toPlainText(), timeout=5000)
        facts = app.window.meta.toPlainText()
        app.navigator.open(Location(new))
        qtbot.waitUntil(lambda: app.window.meta.toPlainText() != facts, timeout=5000)
        facts_new = app.window.meta.toPlainText()
        tree = app.tree_model.index_for_key(old).data()
        if language == "en":
            assert "repealed by: " in facts and "被废止" not in facts and "已废止" not in facts
            assert "repeals: " in facts_new and "废止：" not in facts_new
            assert tree.endswith(" [repealed]")
        else:
            assert "被废止：" in facts and "repealed" not in facts
            assert "废止：" in facts_new
            assert tree.endswith("〔已废止〕")
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)


def test_link_tooltips_in_the_text_follow_the_interface(built_library):
    """The reading area's links ("open 《…》") are rendered by the core in the language given."""
    from reader.core.library import Library
    from reader.core.render import RenderStyle, render_documents
    lib = Library(built_library)
    try:
        linked = next(v for i in lib.issues() for s in lib.sections(i.key) for d in lib.section_documents(s.id)
                      for v in [lib.document(d.key)] if any(c.target_key and c.target_key != v.key
                                                            for c in v.citations))
        zh = render_documents([(linked, {})], RenderStyle()).html
        en = render_documents([(linked, {})], RenderStyle(language="en")).html
    finally:
        lib.close()
    assert "打开《" in zh and "Open 《" not in zh
    assert "Open 《" in en and "打开《" not in en


def test_english_import_counts_use_plural_forms(tmp_path):
    from test_status_library import REPEAL
    one = tmp_path / "repeal.txt"
    one.write_text(REPEAL, encoding="utf-8")
    r = run_cli("import", str(one), "--db", str(tmp_path / "lib.db"), env_extra=EN)
    out = r.stdout.decode()
    assert r.returncode == 0, r.stderr.decode()
    assert "(1 text stored, attachments and interpretations included)" in out and "1 texts" not in out
    r = run_cli("import", str(SAMPLE), "--db", str(tmp_path / "lib.db"), env_extra=EN)
    assert "3 sections, 4 documents, 2 notes (10 texts stored" in r.stdout.decode()


def test_a_note_s_image_placeholder_follows_the_language():
    from reader.core.userdata.notes import note_html
    note = "见 ![图](http://evil.example/i.png)"
    assert "[图片：图] (http://evil.example/i.png)" in note_html(note)
    assert "[image: 图] (http://evil.example/i.png)" in note_html(note, "en")


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_a_worker_s_failure_is_said_in_the_interface_s_language(qapp, language):
    from reader.gui.core_text import say_failure
    installed = _with_language(qapp, language)
    try:
        said = say_failure("ImportRefused: 文件为空：没有任何文字\nTraceback (most recent call last):\n  …")
        other = say_failure("OSError: [Errno 28] No space left on device")
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)
    assert said == ("文件为空：没有任何文字" if language == "zh_CN" else "The file is empty: it holds no text")
    assert other == "OSError: [Errno 28] No space left on device"       # not ours: as it came


@pytest.mark.parametrize("language", ["zh_CN", "en"])
def test_the_issue_s_facts_give_stored_notes_in_the_interface_s_language(qtbot, qapp, library_copy, language):
    """The library keeps the importer's notes as Chinese text: read back through the catalogue,
    they are said in the interface's language, as are the reasons page furniture was dropped."""
    from gui_helpers import start_app
    from test_ui_language import _bad
    installed = _with_language(qapp, language)
    try:
        app = start_app(qtbot, library_copy)
        key = app.library.issues()[0].key
        detail = app.library.issue(key)
        assert detail.warnings and detail.dropped           # stored as Chinese text
        app.show_issue(key)
        lines = [line for line in app.window.meta.toPlainText().splitlines() if line.strip()]
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)
    source = SAMPLE.read_text(encoding="utf-8")
    if language == "en":
        allowed = document_text(None, source, detail.info.publication, detail.info.label, detail.source_name,
                                detail.masthead.supervisor or "", detail.masthead.sponsor or "")
        assert [line for line in lines if chinese_outside(line, allowed)] == []
        assert any(line.startswith("The table of contents and the text give 《") for line in lines)
        assert "Supervised by" in lines
    else:
        words = [w for _where, w, *_ in _bad([("issue", line) for line in lines], "zh_CN",
                                             sorted({detail.source_name, "YZCR"}, key=len, reverse=True))]
        assert words == []
        assert any(line.startswith("目录与正文的文号不一致") for line in lines) and "主管" in lines
