"""WCAG AA (4.5:1) for every text/background pair of the three themes, computed from the themes
and from the colours the style sheets and rendered documents actually carry."""
import re

import pytest

from reader.core.location import Location
from reader.gui.themes import THEMES, contrast_ratio, text_pairs

from gui_helpers import start_app

AA = 4.5
FIRST = "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"


def test_contrast_ratio_matches_known_values():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#808080", "#308ec9") == pytest.approx(1.1, abs=0.1)     # the reported failure
    assert contrast_ratio("#0000ff", "#1f2124") == pytest.approx(1.9, abs=0.15)


@pytest.mark.parametrize("name", sorted(THEMES))
def test_every_declared_pair_meets_aa(name):
    low = [(what, fg, bg, round(contrast_ratio(fg, bg), 2)) for what, fg, bg in text_pairs(THEMES[name])
           if contrast_ratio(fg, bg) < AA]
    assert low == []


def _fragment_colors(doc):
    """(foreground #rrggbb, is_anchor, text) of every text run of a QTextDocument that sets a colour."""
    out = []
    block = doc.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            frag = it.fragment()
            fmt = frag.charFormat()
            if frag.isValid() and frag.text().strip() and fmt.hasProperty(fmt.Property.ForegroundBrush):
                out.append((fmt.foreground().color().name(), fmt.isAnchor(), frag.text()))
            it += 1
        block = block.next()
    return out


def _css_colors(html):
    return set(re.findall(r"color:\s*(#[0-9a-fA-F]{6})", html))


@pytest.mark.parametrize("name", sorted(THEMES))
def test_rendered_documents_facts_panel_and_palette_meet_aa(qtbot, library_copy, name):
    from PySide6.QtGui import QPalette
    app = start_app(qtbot, library_copy)
    app.apply_preferences(app.prefs._replace(theme=name))
    theme = THEMES[name]
    app.navigator.open(Location(FIRST))
    w = app.window
    low = []
    for view in (w.area.policy.view, w.area.interpretation.view):
        for c in _css_colors(view.rendered.html):                       # the style sheet
            if contrast_ratio(c, theme.paper) < AA:
                low.append(("css", c))
        for c, anchor, text in _fragment_colors(view.document()):       # what Qt actually paints
            if contrast_ratio(c, theme.paper) < AA:
                low.append(("document", c, anchor, text[:12]))
    anchors = [f for f in _fragment_colors(w.area.interpretation.view.document()) if f[1]]
    assert anchors, "the 解读's clause-link headings are links with a colour"
    qtbot.waitUntil(lambda: "永政发" in w.meta.toPlainText())
    base = w.meta.palette().color(QPalette.ColorRole.Base).name()
    facts = _fragment_colors(w.meta.document())
    assert any(a for _, a, _ in facts), "the facts panel has links"
    low += [("facts", c, a, t[:12]) for c, a, t in facts if contrast_ratio(c, base) < AA]
    pal = w.palette()
    R = QPalette.ColorRole
    for fg, bg in ((R.Text, R.Base), (R.WindowText, R.Window), (R.HighlightedText, R.Highlight),
                   (R.ButtonText, R.Button), (R.PlaceholderText, R.Base), (R.Link, R.Base),
                   (R.ToolTipText, R.ToolTipBase)):
        if contrast_ratio(pal.color(fg).name(), pal.color(bg).name()) < AA:
            low.append(("palette", fg.name, pal.color(fg).name(), bg.name, pal.color(bg).name()))
    assert low == []


@pytest.mark.parametrize("name", sorted(THEMES))
def test_a_selected_search_results_detail_line_meets_aa(qtbot, library_copy, name):
    from PySide6.QtWidgets import QStyle, QStyleOptionViewItem
    from reader.gui.search.delegate import facts_style
    app = start_app(qtbot, library_copy)
    app.apply_preferences(app.prefs._replace(theme=name))
    opt = QStyleOptionViewItem()
    opt.palette = app.window.palette()
    for selected in (False, True):
        opt.state = QStyle.StateFlag.State_Selected if selected else QStyle.StateFlag.State_None
        color = re.search(r"#[0-9a-f]{6}", facts_style(opt)).group(0)
        bg = opt.palette.highlight().color().name() if selected else opt.palette.base().color().name()
        assert contrast_ratio(color, bg) >= AA, (selected, color, bg)
