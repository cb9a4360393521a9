"""The reader window, driven as a person would (offscreen)."""

from reader.core.location import Location
from reader.gui.tree_model import LibraryTreeModel, Roles
from reader.core.library import Library

from gui_helpers import plain, start_app

FIRST = "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"


def test_tree_model_passes_qtmodeltester(qtmodeltester, built_library):
    model = LibraryTreeModel(Library(built_library))
    qtmodeltester.check(model, force_py=True)
    model.load_all()                       # every branch read: still consistent
    qtmodeltester.check(model, force_py=True)
    year = model.index(0, 0)               # the shipped library's one year, a row like any other
    assert model.rowCount() == 1 and year.data(Roles.Kind) == "year" and year.data(Roles.Key) == 2022
    assert model.rowCount(year) == 1
    issue = model.index(0, 0, year)
    assert issue.data() == "2022年第5-6期（总第154—155期）"
    sections = [model.index(r, 0, issue).data() for r in range(model.rowCount(issue))]
    assert sections == ["市政府文件", "市政府办文件", "人事任免"]
    doc = model.index(0, 0, model.index(0, 0, issue))
    assert doc.data(Roles.Key) == FIRST and doc.data(Roles.HasInterpretation) is True
    kids = [model.index(r, 0, doc).data(Roles.Kind) for r in range(model.rowCount(doc))]
    assert kids == ["plan", "interpretation"]      # the 解读 sits under its policy


def test_tree_model_is_lazy(built_library):
    model = LibraryTreeModel(Library(built_library))
    year = model.index(0, 0)
    assert model.hasChildren(year) and model.canFetchMore(year) and model.rowCount(year) == 0
    model.fetchMore(year)
    issue = model.index(0, 0, year)
    assert model.rowCount(year) == 1 and not model.canFetchMore(year)
    assert model.hasChildren(issue) and model.canFetchMore(issue)
    assert model.rowCount(issue) == 0               # nothing read until asked
    model.fetchMore(issue)
    assert model.rowCount(issue) == 3 and not model.canFetchMore(issue)


def test_opening_a_document_shows_its_title_body_and_facts(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    w = app.window
    app.navigator.open(Location("永州市人民政府公报/2022/5-6/永政人〔2022〕12号"))
    text = plain(w.area.policy.view)
    assert "永州市人民政府关于张卫阳同志正式任职的通知" in text
    assert "张卫阳同志任市供销合作联社监事长。" in text
    assert not w.area.interpretation.isVisible()            # no 解读: one pane
    qtbot.waitUntil(lambda: "永政人" in w.meta.toPlainText())   # the facts follow the text
    facts = w.meta.toPlainText()
    assert "永政人〔2022〕12号" in facts and "2022-06-03" in facts and "人事任免" in facts


def test_split_view_shows_policy_and_interpretation(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    area = app.window.area
    app.navigator.open(Location(FIRST))
    assert area.policy.isVisible() and area.interpretation.isVisible()
    assert "永州市全民健身实施计划" in plain(area.policy.view)          # notice and its plan
    assert "一、总体目标" in plain(area.policy.view)
    assert "永州市文化旅游广电体育局解读" in plain(area.interpretation.view)
    # Single view and back; swap sides.
    app.window.actions.split.setChecked(False)
    assert not area.interpretation.isVisible()
    app.window.actions.split.setChecked(True)
    assert area.interpretation.isVisible()
    app.window.actions.swap.trigger()
    assert area.splitter.widget(0) is area.interpretation
    # Choosing the interpretation in the tree opens the same pair.
    interp = app.library.children(FIRST)[-1].key
    app.window.tree.document_chosen.emit(interp)
    assert app.navigator.packet[0].key == FIRST and area.interpretation.isVisible()


def test_interpretation_heading_brings_the_policy_part_into_view(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    area = app.window.area
    app.navigator.open(Location(FIRST))
    html = area.interpretation.view.rendered.html
    assert "gazette:doc?key=" in html
    plan_key = FIRST + "/附件1"
    loc = next(Location.from_url(u) for u in _hrefs(html) if Location.from_url(u).doc_key == plan_key)
    area.policy.view.verticalScrollBar().setValue(0)
    area.interpretation.view.location_requested.emit(loc)
    assert area.policy.view.verticalScrollBar().value() > 0
    top = area.policy.view.current_location()
    assert top.doc_key == plan_key and abs(top.block - loc.block) <= 1


def _hrefs(html):
    import re
    return [m.replace("&amp;", "&") for m in re.findall(r'href="([^"]+)"', html)]


def _link_fragment(view, text: str):
    """The anchor fragment of the view's document whose visible text is ``text``."""
    block = view.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            f = it.fragment()
            if f.charFormat().isAnchor() and f.text() == text:
                return f
            it += 1
        block = block.next()
    raise AssertionError(f"no link reading {text!r}")


def test_citation_link_opens_its_target_and_back_forward(qtbot, library_copy):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    app = start_app(qtbot, library_copy)
    nav = app.navigator
    nav.open(Location(FIRST))
    view = app.window.area.policy.view
    # The notice cites its plan by title; that citation is a link. Click it as a reader would.
    link = _link_fragment(view, "永州市全民健身实施计划（2022—2025年）")
    cursor = QTextCursor(view.document())
    cursor.setPosition(link.position() + link.length() // 2)
    view.setTextCursor(cursor)
    view.ensureCursorVisible()
    point = view.cursorRect(cursor).center()
    assert view.anchorAt(point)                                       # the mouse is on the link
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    # The plan opened: known independently of the link (its key and its printed title).
    assert nav.current.key == FIRST + "/附件1"
    shown = app.window.area.view_showing(FIRST + "/附件1")
    assert shown is not None
    assert "永州市全民健身实施计划(2022—2025年)" in plain(shown)[:200]
    assert app.window.actions.back.isEnabled()
    app.window.actions.back.trigger()
    assert nav.current.key == FIRST
    app.window.actions.forward.trigger()
    assert nav.current.key == FIRST + "/附件1"


def test_state_is_restored_after_a_restart(qtbot, library_copy, tmp_path):
    settings = tmp_path / "settings.ini"
    app = start_app(qtbot, library_copy, settings)
    app.apply_preferences(app.prefs.__class__(theme="sepia", zoom=130, language="zh_CN", split=True))
    app.window.resize(1920, 1080)      # wide enough for two columns at 130 %
    qtbot.wait(20)
    target = Location(FIRST + "/附件1", 20)
    app.navigator.open(target)
    app.window.area.splitter.setSizes([700, 300])
    app.window.area.splitter.splitterMoved.emit(700, 1)     # what a drag of the handle reports
    sizes = app.window.area.splitter.sizes()
    app.window.resize(780, 560)
    qtbot.wait(20)
    before = app.navigator.current_location()
    assert before.doc_key == FIRST + "/附件1" and before.block > 10
    app.window.close()
    again = start_app(qtbot, library_copy, settings)
    assert again.prefs.theme == "sepia" and again.prefs.zoom == 130
    assert again.navigator.current.key == FIRST + "/附件1"
    qtbot.wait(50)
    here = again.navigator.current_location()
    assert here.doc_key == before.doc_key and abs(here.block - before.block) <= 1
    assert abs(again.window.area.ratio - sizes[0] / sum(sizes)) < 0.02
    got = again.window.area.splitter.sizes()
    assert got[0] > got[1]          # as far as the narrow test screen allows
    assert again.window.width() == 780


def test_hostile_text_is_escaped_and_nothing_is_fetched(qtbot, tmp_path):
    from reader.core.store.writer import LibraryWriter
    from reader.core.importer import parse_text
    text = ("国务院关于测试的通知\n\n国发〔2030〕1号\n\n各部门：\n\n"
            "<script>alert('x')</script> 和 <img src=http://example.com/x.png> 以及 <a href='http://evil'>链接</a>。\n\n"
            "国务院\n\n2030年1月1日\n")
    db = tmp_path / "h.db"
    w = LibraryWriter(db)
    w.add_standalone(parse_text(text, "h.txt"), text)
    w.close()
    app = start_app(qtbot, db)
    app.navigator.open(Location("文件/国发〔2030〕1号"))
    view = app.window.area.policy.view
    shown = plain(view)
    assert "<script>alert('x')</script>" in shown
    assert "<img src=http://example.com/x.png>" in shown
    html = view.document().toHtml()
    assert "<img" not in html and 'href="http://evil"' not in html and "<script" not in html


def test_single_documents_group_is_lazy_and_consistent(qtmodeltester, library_copy, corpus_files):
    from reader.core.importer import parse_file, store
    from reader.core.store.writer import LibraryWriter
    w = LibraryWriter(library_copy)
    for p in corpus_files[:3]:
        store(w, parse_file(p))
    w.close()
    model = LibraryTreeModel(Library(library_copy))
    group = model.index(model.rowCount() - 1, 0)
    assert group.data(Roles.Kind) == "group" and "3" in group.data()
    assert model.canFetchMore(group) and model.rowCount(group) == 0
    qtmodeltester.check(model, force_py=True)
    model.fetchMore(group)
    assert model.rowCount(group) == 3
    qtmodeltester.check(model, force_py=True)


def test_a_dock_behind_another_tab_stays_open(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    w = app.window
    search = app.features["search"].dock
    w.actions.search.trigger()                  # the search tab comes to the front, over the tree
    qtbot.wait(20)
    assert not w.tree_dock.isHidden() and w.actions.show_tree.isChecked()
    marks = app.features["bookmarks"].dock
    w.actions.show_bookmarks.trigger()          # behind a tab: brought to the front, not closed
    qtbot.wait(20)
    assert not marks.visibleRegion().isEmpty() and not search.isHidden() and w.actions.show_bookmarks.isChecked()
    w.actions.show_bookmarks.trigger()          # in front: closed
    assert marks.isHidden() and not w.actions.show_bookmarks.isChecked()
    w.actions.show_tree.trigger()               # the tree is behind the search tab: to the front
    qtbot.wait(20)
    assert not w.tree_dock.visibleRegion().isEmpty()
    w.actions.show_tree.trigger()
    assert w.tree_dock.isHidden()


def test_zoom_and_theme_keep_the_current_document_and_history(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    app.navigator.open(Location(FIRST))
    back_before = list(app.navigator.history._back)
    app.window.actions.zoom_in.trigger()
    app.window.actions.theme_dark.trigger()
    app.window.actions.split.trigger()
    app.window.actions.split.trigger()
    assert app.navigator.current.key == FIRST
    assert list(app.navigator.history._back) == back_before


def test_reading_mode_keeps_shortcuts_and_restores_the_window(qtbot, library_copy):
    from PySide6.QtCore import Qt
    app = start_app(qtbot, library_copy)
    w = app.window
    bookmarks = app.features["bookmarks"].dock
    w.showMaximized()
    qtbot.wait(20)
    was = w.windowState()
    w.activateWindow()
    w.area.policy.view.setFocus()
    w.actions.fullscreen.trigger()
    assert w.isFullScreen() and w.menuBar().isHidden() and w.tree_dock.isHidden() and bookmarks.isHidden()
    zoom = app.prefs.zoom
    qtbot.keyClick(w.area.policy.view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert app.prefs.zoom == zoom + 10                       # shortcuts still work
    qtbot.keyClick(w.area.policy.view, Qt.Key.Key_Escape)  # Esc leaves
    assert not w.isFullScreen() and not w.menuBar().isHidden() and not w.tree_dock.isHidden()
    assert w.windowState() == was


def test_alt_left_goes_back(qtbot, library_copy):
    from PySide6.QtCore import Qt
    app = start_app(qtbot, library_copy)
    app.navigator.open(Location(FIRST))
    app.navigator.open(Location("永州市人民政府公报/2022/5-6/永政人〔2022〕12号"))
    app.window.activateWindow()
    app.window.area.policy.view.setFocus()
    qtbot.wait(10)
    qtbot.keyClick(app.window.area.policy.view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert app.navigator.current.key == FIRST


def test_feature_docks_come_back_as_they_were_left(qtbot, library_copy, tmp_path):
    from reader.gui import fonts, launch
    from reader.gui.app import GazetteApp
    from reader.gui.settings import open_settings

    def start():      # the order of a real start: window, restore, show, then features
        fonts.register_fonts()
        app = GazetteApp(Library(library_copy), open_settings(tmp_path / "s.ini"))
        qtbot.addWidget(app.window)
        app.restore_state()
        app.window.show()
        launch._install_features(app)
        return app

    first = start()
    qtbot.wait(20)
    first.features["search"].dock.hide()
    first.window.close()
    again = start()
    qtbot.wait(20)
    assert again.features["search"].dock.isHidden()
    assert not again.features["bookmarks"].dock.isHidden()


def test_the_panes_take_their_widths_before_the_text_is_set(qtbot, library_copy, monkeypatch):
    """Opening a policy with a 解读 after one without (and back): the 解读 pane is shown or
    hidden, and the policy pane has its new width, before the texts arrive; a text set first
    would be laid out twice (issue 16: opening a document to paint)."""
    from reader.gui.doc_view import DocView
    app = start_app(qtbot, library_copy)
    area = app.window.area
    app.navigator.open(Location("永州市人民政府公报/2022/5-6/永政人〔2022〕12号"))    # no 解读
    qtbot.wait(10)
    single_width = area.policy.view.width()
    seen = []
    original = DocView.show_rendered

    def record(view, rendered):
        seen.append((view is area.policy.view, area.interpretation.isHidden(), area.policy.view.width()))
        original(view, rendered)

    monkeypatch.setattr(DocView, "show_rendered", record)
    app.navigator.open(Location(FIRST))                                          # with its 解读
    assert seen and all(not hidden for _, hidden, _ in seen)
    policy_width = next(w for is_policy, _, w in seen if is_policy)
    assert policy_width < single_width                                           # already halved
    seen.clear()
    app.navigator.open(Location("永州市人民政府公报/2022/5-6/永政人〔2022〕12号"))
    assert seen and all(hidden for _, hidden, _ in seen)
    assert next(w for is_policy, _, w in seen if is_policy) == single_width
