"""Search in the window: as you type, results, opening at the hit; find in document."""
from reader.core.location import Location
from reader.gui.search.results_model import ResultsModel

from gui_helpers import start_app

FIRST = "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"


def _search(qtbot, feature, text):
    panel = feature.panel
    panel.query.setText(text)
    qtbot.waitUntil(lambda: feature.task is None and panel.model.rowCount() > 0, timeout=15000)
    return panel


def test_type_a_query_results_appear_and_a_click_opens_the_hit(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    feature = app.features["search"]
    app.window.activateWindow()
    qtbot.waitUntil(app.window.isActiveWindow, timeout=5000)
    feature.dock.hide()
    app.window.actions.search.trigger()
    assert feature.dock.isVisible()                                          # the hidden panel comes back
    qtbot.waitUntil(feature.panel.query.hasFocus, timeout=5000)              # typing goes to the query
    panel = _search(qtbot, feature, "园区")
    keys = [h.info.key for h in panel.model.hits]
    assert any(k.startswith("永州市人民政府公报/2022/5-6/永政办发〔2022〕9号") for k in keys)
    assert "园区" in panel.model.data(panel.model.index(0, 0), 258)          # Roles.Html: snippet marked
    assert panel.status.text()
    # Click the first result: the document opens at its hit, highlighted.
    hit = panel.model.hits[0]
    rect = panel.results.visualRect(panel.model.index(0, 0))
    qtbot.mouseClick(panel.results.viewport(), __import__("PySide6.QtCore", fromlist=["Qt"]).Qt.MouseButton.LeftButton,
                     pos=rect.center())
    assert app.navigator.current.key == hit.info.key
    view = app.window.area.view_showing(hit.info.key)
    loc = hit.snippets[0].location
    assert view.cursor_at(loc).selectedText() == "园区"
    assert view.layer_count("search") >= hit.count and view.layer_count("target") == 1
    # Next / previous hit.
    before = feature.current
    app.window.actions.find_next.trigger()
    assert feature.current == (before + 1) % len(feature.hits)


def test_doc_number_in_any_form_finds_the_document(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    feature = app.features["search"]
    for q in ("永政发[2022]6号", "永政发〔2022〕6号", "永政发2022 6号", "YZCR-2022-00004"):
        panel = _search(qtbot, feature, q)
        assert panel.model.hits[0].info.key == FIRST, q
        panel.query.setText("")


def test_a_newer_query_replaces_the_older(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    feature = app.features["search"]
    panel = feature.panel
    from reader.core.search.results import Filters
    feature.search("体育", Filters())
    feature.search("任职", Filters())          # before the first finishes
    qtbot.waitUntil(lambda: feature.task is None and panel.model.rowCount() > 0, timeout=15000)
    qtbot.wait(200)
    assert all("张卫阳" in h.info.title or "任职" in "".join(s.text for s in h.snippets) for h in panel.model.hits)


def test_facets_narrow_the_results(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    feature = app.features["search"]
    panel = _search(qtbot, feature, "交房即交证")
    total = len(panel.model.hits)
    box = panel.facet_boxes["kind"]
    i = box.findData("interpretation")
    assert i > 0
    box.setCurrentIndex(i)
    box.activated.emit(i)
    qtbot.waitUntil(lambda: feature.task is None and 0 < len(panel.model.hits) < total, timeout=15000)
    assert all(h.info.kind == "interpretation" for h in panel.model.hits)


def test_find_in_document_highlights_every_hit_with_a_count(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    feature = app.features["search"]
    app.navigator.open(Location(FIRST))
    app.window.actions.find.trigger()
    assert feature.find_bar.isVisible()
    feature.find_bar.edit.setText("全民健身")
    qtbot.waitUntil(lambda: len(feature.hits) > 0, timeout=5000)
    policy = app.window.area.policy.view
    right = app.window.area.interpretation.view
    n_left = policy.document().toPlainText().count("全民健身")
    n_right = right.document().toPlainText().count("全民健身")
    assert len(feature.hits) == n_left + n_right
    assert policy.layer_count("find") == n_left and right.layer_count("find") == n_right
    assert feature.find_bar.count.text() in (f"1 of {n_left + n_right}", f"1/{n_left + n_right}") \
        or str(n_left + n_right) in feature.find_bar.count.text()
    feature.find_bar.step.emit(-1)
    assert feature.current == len(feature.hits) - 1
    feature.find_bar.close_bar()
    assert policy.layer_count("find") == 0


def test_results_model_passes_qtmodeltester(qtmodeltester, built_library):
    from reader.core.search.engine import SearchEngine
    engine = SearchEngine(built_library)
    results = engine.search("健身")
    model = ResultsModel()
    model.set_hits(results.hits)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == results.total > 0


def test_the_first_page_shows_before_the_count_and_a_stale_one_is_dropped(qtbot, library_copy):
    from reader.core.search.results import Filters
    app = start_app(qtbot, library_copy)
    feature = app.features["search"]
    shown = []
    original = feature.panel.show_page
    feature.panel.show_page = lambda hits, labels: (shown.append((hits, feature.panel.status.text())),
                                                    original(hits, labels))
    feature.search("的", Filters())
    stale = feature._pages
    qtbot.waitUntil(lambda: feature.task is None, timeout=15000)
    assert shown and shown[0][0] == feature.panel.model.hits       # the page, then the same hits in full
    assert feature.panel.status.text() != feature.panel.tr("Counting…")
    feature.search("体育", Filters())
    before = feature.panel.model.hits
    feature._show_page(stale, ())                                   # a late page of the older search
    assert feature.panel.model.hits == before                       # dropped
    qtbot.waitUntil(lambda: feature.task is None, timeout=15000)
    assert all("体育" in "".join(s.text for s in h.snippets) or h.in_title for h in feature.panel.model.hits)


def _small_screens(monkeypatch, rows=3):
    from reader.core.search import engine as engine_module
    from reader.gui.search import results_model
    monkeypatch.setattr(engine_module, "FIRST_SCREEN", rows)
    monkeypatch.setattr(results_model, "FIRST_SCREEN", rows)


def test_rows_come_a_screen_at_a_time_and_a_row_below_gets_its_snippet_when_shown(qtbot, library_copy, monkeypatch):
    """The search computes the first screen's counts and snippets; the list has those rows, and
    more as it is scrolled (fetchMore), each computing its own then, as the eager page did."""
    from reader.core.search import engine as engine_module
    from reader.core.search.engine import SearchEngine
    from reader.core.search.results import Filters
    from reader.gui.search.results_model import Roles
    eager_engine = SearchEngine(library_copy)          # every row computed by the search
    monkeypatch.setattr(engine_module, "FIRST_SCREEN", 1000)
    want = eager_engine.search("的")
    eager_engine.close()
    _small_screens(monkeypatch)
    app = start_app(qtbot, library_copy)
    feature = app.features["search"]
    panel, model = feature.panel, feature.panel.model
    feature.dock.hide()                                # no view asking for rows yet
    feature.search("的", Filters())
    qtbot.waitUntil(lambda: feature.task is None and model.rowCount() > 0, timeout=15000)
    assert len(model.hits) == len(want.hits) > 6
    assert model.rowCount() == 3 and model.canFetchMore()
    assert not any(h.ready for h in model.hits[3:])
    assert str(want.total) in panel.status.text()     # the real count, not the rows listed
    model.fetchMore()
    assert model.rowCount() == 6 and not model.hits[5].ready
    html = model.data(model.index(5, 0), Roles.Html)
    assert model.hits[5].ready and not model.hits[6].ready
    assert html == model._html(want.hits[5]) and want.hits[5].snippets
    assert model.data(model.index(6, 0), Roles.Html) is None      # not a row yet
    # Scrolled to the end, the view fetches the rest.
    feature.dock.show()
    qtbot.waitUntil(lambda: panel.results.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: (panel.results.scrollToBottom(), model.rowCount() == len(model.hits))[1], timeout=5000)
    assert [h.count for h in model.hits] == [h.count for h in want.hits]
    assert [h.snippets for h in model.hits] == [h.snippets for h in want.hits]


def test_a_row_below_the_first_screen_opens_at_its_hit(qtbot, library_copy, monkeypatch):
    from reader.core.search.results import Filters
    _small_screens(monkeypatch)
    app = start_app(qtbot, library_copy)
    feature = app.features["search"]
    model = feature.panel.model
    feature.dock.hide()
    feature.search("的", Filters())
    qtbot.waitUntil(lambda: feature.task is None and model.rowCount() > 0, timeout=15000)
    hit = model.hits[-1]
    assert not hit.ready
    feature.panel.hit_chosen.emit(hit)
    loc = hit.snippets[0].location
    assert app.navigator.current.key == hit.info.key
    assert app.window.area.view_showing(hit.info.key).cursor_at(loc).selectedText() == "的"


def test_a_stale_search_is_cancelled_and_the_rows_below_are_the_newer_ones(qtbot, library_copy, monkeypatch):
    from reader.core.search.results import Filters
    _small_screens(monkeypatch, 2)
    app = start_app(qtbot, library_copy)
    feature = app.features["search"]
    model = feature.panel.model
    feature.search("的", Filters())
    stale = feature.task
    feature.search("发展", Filters())                     # before the first finishes
    assert stale.token.is_cancelled()
    qtbot.waitUntil(lambda: feature.task is None and model.rowCount() > 0, timeout=15000)
    qtbot.wait(200)
    assert len(model.hits) > 2 and not model.hits[-1].ready
    assert all("发展" in "".join(s.text for s in h.snippets) or h.in_title for h in model.hits)


def test_the_total_shows_before_the_facets_are_counted_and_then_they_fill_their_lists(qtbot, library_copy,
                                                                                     monkeypatch):
    import threading
    from reader.core.search import facets
    from reader.core.search.engine import SearchEngine
    from reader.core.search.results import Filters
    app = start_app(qtbot, library_copy)
    feature = app.features["search"]
    panel = feature.panel
    seen = []
    counting = facets.Counting.facets
    monkeypatch.setattr(facets.Counting, "facets",
                        lambda self: (seen.append(("facets", threading.current_thread())), counting(self))[1])
    count, results = panel.show_count, panel.show_results
    panel.show_count = lambda r, labels: (seen.append(("count", panel.status.text())), count(r, labels))
    panel.show_results = lambda r, labels: (seen.append(("filled", None)), results(r, labels))
    feature.search("发展", Filters())
    qtbot.waitUntil(lambda: feature.task is None, timeout=15000)
    assert [s[0] for s in seen if s[0] != "facets"][:2] == ["count", "filled"]
    counted = [s[1] for s in seen if s[0] == "facets"]
    assert len(counted) == 1 and counted[0] is not threading.main_thread()      # in the worker, once
    want = SearchEngine(library_copy).search("发展")
    assert str(want.total) in panel.status.text()
    box = panel.facet_boxes["issuer"]
    assert [box.itemData(i) for i in range(1, box.count())] == [f.value for f in want.facets["issuer"]]
    assert box.count() > 1


def test_a_long_facet_list_is_made_when_the_user_comes_to_its_box(qtbot, library_copy, monkeypatch):
    from PySide6.QtCore import Qt
    from reader.core.search.engine import SearchEngine
    from reader.gui.search import panel as panel_module
    monkeypatch.setattr(panel_module, "LISTED_AT_ONCE", 3)
    app = start_app(qtbot, library_copy)
    feature = app.features["search"]
    panel = _search(qtbot, feature, "发展")
    want = SearchEngine(library_copy).search("发展").facets
    assert len(want["issuer"]) >= 3 and 0 < len(want["kind"]) < 3
    issuer, kind = panel.facet_boxes["issuer"], panel.facet_boxes["kind"]
    assert kind.count() == 1 + len(want["kind"])                   # a short list: made with the results
    assert issuer.count() == 1 and issuer.currentData() is None    # only "Any" so far
    issuer.showPopup()                                             # the user opens it: listed
    issuer.hidePopup()
    values = [issuer.itemData(i) for i in range(1, issuer.count())]
    assert values == [f.value for f in want["issuer"]]
    chosen = want["issuer"][1]
    issuer.setCurrentIndex(2)
    issuer.activated.emit(2)
    qtbot.waitUntil(lambda: feature.task is None and len(panel.model.hits) == chosen.count, timeout=15000)
    # After the narrowed search: "Any" and the value chosen, with its count, until the user comes back.
    narrowed = SearchEngine(library_copy).search("发展", panel.filters()).facets["issuer"]
    assert panel.filters().issuers == {chosen.value}
    assert len(narrowed) >= 3                                      # its own filter does not narrow it
    assert issuer.count() == 2 and issuer.currentData() == chosen.value
    assert issuer.currentText() == panel._facet_label(next(f for f in narrowed if f.value == chosen.value), "issuer")
    qtbot.keyClick(issuer, Qt.Key.Key_Shift)                       # a key on the box: listed
    assert [issuer.itemData(i) for i in range(1, issuer.count())] == [f.value for f in narrowed]
    assert issuer.currentData() == chosen.value


def test_results_model_fetching_rows_a_screen_at_a_time_passes_qtmodeltester(qtmodeltester, built_library,
                                                                            monkeypatch):
    from reader.core.search.engine import SearchEngine
    _small_screens(monkeypatch)
    results = SearchEngine(built_library).search("的")
    model = ResultsModel()
    model.set_hits(results.hits)
    assert model.rowCount() == 3 < len(results.hits) and model.canFetchMore()
    qtmodeltester.check(model, force_py=True)
    while model.canFetchMore():
        model.fetchMore()
    assert model.rowCount() == len(results.hits) == results.total
    qtmodeltester.check(model, force_py=True)
