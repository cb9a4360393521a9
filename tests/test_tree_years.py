"""The library tree grouped by year (issues 16/17): year → issue → section → document, each
level read when opened, so finding or showing an issue reads one year's issues, never all."""
import pytest
from PySide6.QtCore import QModelIndex

from reader.core.library import Library
from reader.core.location import Location
from reader.gui.tree_model import LibraryTreeModel, Roles

from conftest import SAMPLE
from gui_helpers import start_app, walk_rows

YEARS = (2019, 2020, 2021, 2022)


@pytest.fixture(scope="module")
def years_db(tmp_path_factory):
    """The sample issue as four years' issues (2019–2022), and one single document."""
    from reader.core.importer import parse_file, store
    from reader.core.store.writer import LibraryWriter
    folder = tmp_path_factory.mktemp("years")
    db = folder / "years.db"
    w = LibraryWriter(db)
    text = SAMPLE.read_text(encoding="utf-8")
    for year in YEARS:
        p = folder / f"{year}.txt"
        p.write_text(text.replace("2022", str(year)), encoding="utf-8")
        store(w, parse_file(p))
    single = folder / "single.txt"
    single.write_text("国务院办公厅关于测试的通知\n国办发〔2020〕1号\n各省人民政府：\n    现将有关事项通知如下。\n"
                      "国务院办公厅\n2020年1月1日\n", encoding="utf-8")
    store(w, parse_file(single))
    w.close()
    return db


def _first_doc(lib: Library, issue_key: str) -> str:
    return lib.section_documents(lib.sections(issue_key)[0].id)[0].key


def _top(model):
    return [(model.index(r, 0).data(Roles.Kind), model.index(r, 0).data(Roles.Key)) for r in range(model.rowCount())]


def test_the_years_are_the_top_level_newest_first_and_single_documents_stay_last(years_db, qtmodeltester):
    lib = Library(years_db)
    assert [(y.year, y.issue_count) for y in lib.years()] == [(2022, 1), (2021, 1), (2020, 1), (2019, 1)]
    assert [i.key for i in lib.issues_of_year(2020)] == ["永州市人民政府公报/2020/5-6"]
    assert lib.issues_of_year(1999) == [] and lib.issue_year("永州市人民政府公报/2021/5-6") == 2021
    model = LibraryTreeModel(lib)
    assert _top(model) == [("year", y) for y in reversed(YEARS)] + [("group", "standalone")]
    year = model.index(0, 0)
    assert year.data() in ("2022", "2022年") and "1" in year.data(0x03)   # tooltip: how many issues
    assert model.canFetchMore(year) and model.rowCount(year) == 0 and not model.canFetchMore(QModelIndex())
    qtmodeltester.check(model, force_py=True)
    model.fetchMore(year)
    assert [model.index(r, 0, year).data(Roles.Key) for r in range(model.rowCount(year))] == \
        ["永州市人民政府公报/2022/5-6"]
    model.load_all()
    qtmodeltester.check(model, force_py=True)
    every = [ix.data(Roles.Key) for ix in walk_rows(model) if ix.data(Roles.Kind) == "issue"]
    assert every == [i.key for i in lib.issues()]       # years newest first, issues as issues() orders them


def test_a_year_holding_several_issues_lists_them_newest_first(tmp_path):
    from reader.core.importer import parse_file, store
    from reader.core.store.writer import LibraryWriter
    db = tmp_path / "one-year.db"
    w = LibraryWriter(db)
    text = SAMPLE.read_text(encoding="utf-8")
    for numbers, total in (("3-4", "152—153"), ("5-6", "154—155")):
        p = tmp_path / f"{numbers}.txt"
        p.write_text(text.replace("年第 5-6 期", f"年第 {numbers} 期").replace("154—155", total), encoding="utf-8")
        store(w, parse_file(p))
    w.close()
    lib = Library(db)
    assert [(y.year, y.issue_count) for y in lib.years()] == [(2022, 2)]
    model = LibraryTreeModel(lib)
    model.fetchMore(model.index(0, 0))
    shown = [model.index(r, 0, model.index(0, 0)).data(Roles.Key) for r in range(2)]
    assert shown == [i.key for i in lib.issues()] and shown[0].endswith("/5-6")


def test_finding_a_document_of_the_oldest_year_reads_only_that_year(years_db, monkeypatch):
    lib = Library(years_db)
    old = _first_doc(lib, "永州市人民政府公报/2019/5-6")
    monkeypatch.setattr(lib, "issues", lambda: pytest.fail("every issue read"))
    model = LibraryTreeModel(lib)
    ix = model.index_for_key(old)
    assert ix.isValid() and ix.data(Roles.Key) == old
    chain = []
    p = ix
    while p.isValid():
        chain.append(p.data(Roles.Kind))
        p = p.parent()
    assert chain[-3:] == ["section", "issue", "year"] and ix.parent().parent().parent().data(Roles.Key) == 2019
    years = {n.key: n for n in model.root.children if n.kind == "year"}
    assert years[2019].children is not None
    assert all(years[y].children is None for y in (2020, 2021, 2022))      # the other years stay unread
    single = lib.standalone_documents()[0].key
    assert model.index_for_key(single).data(Roles.Key) == single
    assert all(years[y].children is None for y in (2020, 2021, 2022))


def test_the_model_reads_only_the_years_at_start(years_db, monkeypatch):
    lib = Library(years_db)
    monkeypatch.setattr(lib, "issues", lambda: pytest.fail("every issue read at start"))
    monkeypatch.setattr(lib, "issues_of_year", lambda y: pytest.fail("a year's issues read at start"))
    model = LibraryTreeModel(lib)
    assert [k for kind, k in _top(model) if kind == "year"] == list(reversed(YEARS))
    monkeypatch.undo()
    # The first policy with a 解读 is looked for year by year, newest first.
    assert lib.first_policy_with_interpretation().issue_key == "永州市人民政府公报/2022/5-6"


def test_the_window_opens_the_newest_year_and_filters_into_old_ones(qtbot, years_db, tmp_path):
    import shutil
    db = tmp_path / "copy.db"
    shutil.copyfile(years_db, db)
    app = start_app(qtbot, db)
    tree = app.window.tree
    view, proxy = tree.view, tree.proxy
    newest = proxy.index(0, 0)
    assert newest.data(Roles.Key) == 2022 and view.isExpanded(newest)
    issue = proxy.index(0, 0, newest)
    assert issue.data(Roles.Kind) == "issue" and view.isExpanded(issue)
    assert all(view.isExpanded(proxy.index(r, 0, issue)) for r in range(proxy.rowCount(issue)))
    assert not view.isExpanded(proxy.index(1, 0))                  # 2021: closed, unread
    years = {n.key: n for n in app.tree_model.root.children if n.kind == "year"}
    assert years[2021].children is None and years[2019].children is None
    # Opening an old document selects its row, under its year.
    old = _first_doc(app.library, "永州市人民政府公报/2019/5-6")
    app.navigator.open(Location(old))
    current = proxy.mapToSource(view.currentIndex())
    assert current.data(Roles.Key) == old and years[2020].children is None
    # A year row is neither a document nor an issue: clicking it opens nothing, removes nothing.
    chosen = []
    tree.document_chosen.connect(chosen.append)
    tree.issue_chosen.connect(chosen.append)
    view.setCurrentIndex(proxy.index(2, 0))
    tree._on_activated(proxy.index(2, 0))
    assert chosen == [] and app.features["import"].current_issue_key() is None
    assert tree.selected_doc_keys() == []
    # The filter reads the whole tree: a 文号 only the 2019 issue has.
    tree.filter.setText("永政发〔2019〕6号")
    shown = [ix for ix in walk_rows(proxy)]
    assert [ix.data(Roles.Key) for ix in shown if ix.data(Roles.Kind) == "year"] == [2019]
    assert any(proxy.mapToSource(ix).data(Roles.Key) == "永州市人民政府公报/2019/5-6/永政发〔2019〕6号" for ix in shown)
    tree.filter.setText("")
    assert proxy.rowCount() == len(YEARS) + 1


def test_the_shipped_library_shows_its_one_year_opened(qtbot, library_copy):
    app = start_app(qtbot, library_copy)
    tree = app.window.tree
    year = tree.proxy.index(0, 0)
    assert tree.proxy.rowCount() == 1 and year.data(Roles.Key) == 2022 and tree.view.isExpanded(year)
    issue = tree.proxy.index(0, 0, year)
    assert issue.data() == "2022年第5-6期（总第154—155期）" and tree.view.isExpanded(issue)
    assert app.features["import"].current_issue_key() == "永州市人民政府公报/2022/5-6"   # the open document's


def test_removing_an_issue_from_an_old_year_drops_its_year_and_keeps_the_newest_open(qtbot, years_db, tmp_path):
    import shutil
    db = tmp_path / "copy.db"
    shutil.copyfile(years_db, db)
    app = start_app(qtbot, db)
    tree = app.window.tree
    old = _first_doc(app.library, "永州市人民政府公报/2020/5-6")
    app.navigator.open(Location(old))
    assert app.features["import"].current_issue_key() == "永州市人民政府公报/2020/5-6"   # its row, under 2020
    app.features["import"].remove_issue("永州市人民政府公报/2020/5-6")
    assert [k for kind, k in _top(app.tree_model) if kind == "year"] == [2022, 2021, 2019]
    newest = tree.proxy.index(0, 0)
    assert tree.view.isExpanded(newest) and tree.view.isExpanded(tree.proxy.index(0, 0, newest))
    assert app.library.issue("永州市人民政府公报/2019/5-6").info.year == 2019
    assert app.library.issue("永州市人民政府公报/2020/5-6") is None


@pytest.mark.parametrize("language, label, tip", [("zh_CN", "2022年", "1期"), ("en", "2022", "1 issue")])
def test_a_year_row_speaks_the_interface_s_language(qapp, years_db, language, label, tip):
    from PySide6.QtCore import QCoreApplication, Qt
    from test_ui_language import _install
    installed = _install(qapp, language)
    try:
        model = LibraryTreeModel(Library(years_db))      # kept: an index outliving its model crashes
        year = model.index(0, 0)
        assert year.data() == label and year.data(Qt.ItemDataRole.ToolTipRole) == tip
    finally:
        for t in installed:
            QCoreApplication.removeTranslator(t)


def test_a_year_of_several_gazettes_names_each_issue_s_gazette(tmp_path, years_db):
    # Eight cities' 第12期 in one year would be eight alike rows: the gazette's name follows the
    # number. A year of one gazette (the shipped library) keeps the bare label.
    from reader.core.importer import parse_file, store
    from reader.core.store.writer import LibraryWriter
    db = tmp_path / "two-gazettes.db"
    w = LibraryWriter(db)
    text = SAMPLE.read_text(encoding="utf-8")
    store(w, parse_file(SAMPLE))
    other = tmp_path / "other.txt"
    other.write_text(text.replace("永州市人民政府公报", "测试市人民政府公报"), encoding="utf-8")
    store(w, parse_file(other))
    w.close()
    lib = Library(db)
    assert sorted(i.publication for i in lib.issues_of_year(2022)) == ["永州市人民政府公报", "测试市人民政府公报"]
    model = LibraryTreeModel(lib)
    year = model.index(0, 0)
    model.fetchMore(year)
    labels = sorted(model.index(r, 0, year).data() for r in range(model.rowCount(year)))
    assert len(labels) == 2 and labels[0] != labels[1]
    for label, publication in zip(labels, sorted(i.publication for i in lib.issues_of_year(2022))):
        assert label.startswith("2022年第5-6期（总第154—155期）") and label.endswith(publication)
    single = LibraryTreeModel(Library(years_db))
    single.fetchMore(single.index(0, 0))
    assert single.index(0, 0, single.index(0, 0)).data() == "2022年第5-6期（总第154—155期）"
