"""Is it still in force? The facts panel's 时效 section (state, evidence, relations as links),
an as-of date picker above it, muted titles with a badge in the tree, a notice when
bookmarking a text no longer in force.

Nothing is computed at start-up: the feature installs after the first paint and builds
the library's status index in a worker; until then the section says it is computing.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QCoreApplication, QDate, QObject
from PySide6.QtWidgets import QDateEdit, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core.location import Location
from ..core.render import escape
from ..core.status import NO_LONGER_IN_FORCE
from .core_text import say
from .gui_gc import set_aside
from .workers import run_in_background

# Which theme colour a state takes (themes.py keeps every one at WCAG AA on the paper).
# States, relation kinds and the status notes are core words: ``say`` gives them in the
# interface's language (reader/core/catalogue.py holds both).
STATE_COLORS = {"现行有效": "ok", "已被修改": "link", "尚未施行": "link", "有效期届满": "warn", "已废止": "warn",
                "状态不明": "muted"}


def _cn(iso: str | None) -> str:
    """A date as the interface writes it: 2022年6月13日, or 2022-06-13 in English."""
    if not iso:
        return ""
    y, m, d = iso.split("-")
    return QCoreApplication.translate("StatusFeature", "{iso}").format(iso=iso, y=int(y), m=int(m), d=int(d))


def _link(loc: Location, text: str) -> str:
    return f"<a href='{escape(loc.to_url())}'>{escape(text)}</a>"


class AsOfBar(QWidget):
    """时效截至 [date] [今天]: the day the statuses are computed for."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("statusAsOf")
        lay = QHBoxLayout(self)
        lay.setContentsMargins(4, 2, 4, 2)
        lay.addWidget(QLabel(self.tr("Status as of"), self))
        self.date = QDateEdit(QDate.currentDate(), self)
        self.date.setObjectName("statusAsOfDate")
        self.date.setCalendarPopup(True)
        self.date.setDisplayFormat("yyyy-MM-dd")
        lay.addWidget(self.date, 1)
        self.today = QPushButton(self.tr("Today"), self)
        self.today.clicked.connect(lambda: self.date.setDate(QDate.currentDate()))
        lay.addWidget(self.today)

    def iso(self) -> str:
        return self.date.date().toString("yyyy-MM-dd")


class StatusFeature(QObject):
    def __init__(self, app):
        super().__init__(app)
        self.app = app
        self.task = None
        # key → state as of the picked day (the search facet), 状态不明 left out
        self.states: dict[str, str] | None = None
        w = app.window
        self.bar = AsOfBar()
        holder = QWidget()
        lay = QVBoxLayout(holder)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.setSpacing(0)
        lay.addWidget(self.bar)
        lay.addWidget(w.meta, 1)
        w.meta_dock.setWidget(holder)
        w.meta.section_providers.append(self.section_html)
        self.bar.date.dateChanged.connect(lambda _d: self._changed())
        app.library_changed.connect(self.build)
        self.build()

    @property
    def as_of(self) -> str:
        return self.bar.iso()

    def is_today(self) -> bool:
        return self.as_of == dt.date.today().isoformat()

    # -- computing off the window's thread ------------------------------------------------
    def build(self) -> None:
        if self.task is not None:
            return
        lib = self.app.library
        self.task = run_in_background(lambda token: lib.status_index(cancel=token), self._built, self._failed)

    def _built(self, _index) -> None:
        self.task = None
        if not self.app.library.status_ready():     # the library changed meanwhile
            self.build()
            return
        self._changed()
        set_aside()     # the index lives as long as the library (it is brought up to date in place)

    def _failed(self, message: str) -> None:
        self.task = None
        from .core_text import say_failure
        self.app.window.statusBar().showMessage(self.tr("Status could not be computed: {0}")
                                                .format(say_failure(message)))

    def _changed(self) -> None:
        if not self.app.library.status_ready():
            self.build()
            return
        self.app.window.meta.refresh()
        # Only the texts whose status is known: the others (most) are 状态不明, which the search
        # facet assumes for a key it is not given; a dict of every key would cost MBs at 60,000.
        statuses = self.app.library.statuses(self.as_of, known_only=True)
        self.states = {k: s.state for k, s in statuses.items()}
        self.app.tree_model.set_status_marks(
            {k: s.state for k, s in statuses.items() if s.state in NO_LONGER_IN_FORCE})
        search = self.app.features.get("search")
        if search is not None and search.panel.filters().states:     # a search narrowed by 时效: again
            search.panel.search_requested.emit(search.panel.query.text(), search.panel.filters())

    # -- the facts panel ----------------------------------------------------------------
    def section_html(self, v) -> str:
        lib = self.app.library
        head = "<p><b>" + escape(self.tr("Validity")) + "</b></p>"
        if not lib.status_ready():
            self.build()
            from .themes import THEMES
            muted = THEMES[self.app.prefs.theme].muted
            return head + f"<p style='color:{muted}'>" + escape(self.tr("Computing…")) + "</p>"
        s = lib.status(v.key, self.as_of)
        if s is None:
            return ""
        from .themes import THEMES
        theme = THEMES[self.app.prefs.theme]
        color = getattr(theme, STATE_COLORS.get(s.state, "muted"))
        state = say(s.state)
        state = state[:1].upper() + state[1:]      # a heading here ("Repealed"); inline it stays lower case
        line = f"<span style='color:{color}; font-weight:bold'>{escape(state)}</span>"
        span = []
        if s.since:
            span.append(self.tr("since {0}").format(_cn(s.since)))
        if s.until and s.in_force:
            span.append(self.tr("in force until {0}").format(_cn(s.until)))
        if span:
            line += "　" + escape(self.tr(", ").join(span))
        as_of = escape(self.tr("as of {0}").format(_cn(s.as_of)))
        parts = [head, f"<p>{line}<br><span style='color:{theme.muted}'>{as_of}</span></p>"]
        if s.warnings:
            parts.append("".join(f"<p style='color:{theme.warn}'>⚠ {escape(say(w))}</p>" for w in s.warnings))
        if s.evidence:
            items, shown = [], set()
            for e in s.evidence:
                if (e.doc_key, e.block, e.text) in shown:     # one sentence may give the start and the end
                    continue
                shown.add((e.doc_key, e.block, e.text))
                where = "" if e.doc_key == v.key else escape(self.tr(" ({0})").format(self._title(e.doc_key)))
                items.append(f"<li>{_link(Location(e.doc_key, e.block), e.text[:120])}{where}</li>")
            parts.append("<p>" + escape(self.tr("Evidence")) + f"</p><ul>{''.join(items)}</ul>")
        rels = [r for r in lib.relations(v.key) if r.kind != "依据" or r.resolves_to]
        absent = escape(self.tr(" (not in this library)"))
        if rels:
            items = []
            for r in rels[:60]:
                name = _link(Location(r.resolves_to), r.target_title or r.target) if r.resolves_to \
                    else escape(r.target) + f"<span style='color:{theme.muted}'>{absent}</span>"
                items.append("<li>" + escape(self.tr("{0}: ").format(say(r.kind))) + f"{name}</li>")
            if len(rels) > 60:
                items.append("<li>" + escape(self.tr("… ({0} in all)").format(len(rels))) + "</li>")
            parts.append("<p>" + escape(self.tr("Related documents")) + f"</p><ul>{''.join(items)}</ul>")
        return "".join(parts)

    def _title(self, key: str) -> str:
        info = self.app.library.info(key)
        return info.title if info else key

    # -- for other features ---------------------------------------------------------------
    def no_longer_in_force(self, key: str) -> str | None:
        """A sentence saying a text is no longer in force today (None when it is, or unknown)."""
        lib = self.app.library
        if not lib.status_ready():
            return None
        from ..core.status.notes import no_longer_in_force
        text = no_longer_in_force(lib, key)
        return say(text) if text else None

    def annotate_bookmark(self, dialog, key: str) -> None:
        text = self.no_longer_in_force(key)
        if text:
            label = QLabel(f"<span style='color:#b71c1c'>⚠ {escape(text)}</span>", dialog)
            label.setObjectName("bookmarkStatusNotice")
            label.setWordWrap(True)
            dialog.layout().insertWidget(1, label)


def install(app) -> StatusFeature:
    feature = StatusFeature(app)
    app.features["status"] = feature
    return feature
