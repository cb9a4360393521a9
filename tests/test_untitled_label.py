"""A text printed without a title (it opens at its 主送 line) is named in the window by who issued it
and when, marked untitled: never an empty row. The stored title stays empty, as printed."""
from conftest import run_cli
from gui_helpers import start_app, walk_rows

UNTITLED = ("各镇人民政府、街道办事处，有关单位：\n\n"
            "经管委会常务会议审议通过，同意将“某某技艺”等13项列为第三批代表性项目名录，现予公布。\n\n"
            "某某高新区管委会\n\n2024年11月11日\n")


def test_an_untitled_text_is_named_by_issuer_and_date(qtbot, library_copy, tmp_path):
    src = tmp_path / "untitled.txt"
    src.write_text(UNTITLED, encoding="utf-8")
    assert run_cli("import", str(src), "--db", str(library_copy)).returncode == 0
    app = start_app(qtbot, library_copy)
    from reader.gui.tree_model import Roles
    model = app.window.tree.model
    model.load_all()                       # groups fill lazily: every row, as a filter reads them
    docs = [ix for ix in walk_rows(model) if ix.data(Roles.Kind) not in ("year", "issue", "section", "group")]
    assert docs and all(ix.data() for ix in docs), [ix.data() for ix in docs]
    untitled = [ix.data() for ix in docs if "2024-11-11" in (ix.data() or "")]
    assert untitled == ["Untitled: 某某高新区管委会 2024-11-11"]
    key = next(ix.data(Roles.Key) for ix in docs if ix.data() == untitled[0])
    doc = app.library.document(key)
    assert doc.title == ""                 # the label is the window's; the text has none
    from reader.core.location import Location
    app.navigator.open(Location(key))
    qtbot.waitUntil(lambda: "Untitled: 某某高新区管委会" in app.window.meta.toPlainText())
