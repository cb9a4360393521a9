"""A search computes hit counts and snippets for the first screen of its page only; a row
below gets its own when first asked for (the results list shows it), equal to what computing
every row at once gives (issue 16: the page costs what the user sees)."""
from __future__ import annotations

import threading

import pytest

from reader.core.search import engine as engine_module
from reader.core.search.engine import SearchEngine
from reader.core.search.results import CancelToken, Filters, SearchCancelled

from test_search_engine import NOTICE, full_library  # noqa: F401  (fixture)

SCREEN = 3          # a small first screen, so that the sample library has rows below it
QUERIES = ["的", "体育", "体育 发展", "发展 -体育", "永政发〔2022〕6号", "人民政府"]


@pytest.fixture
def lazy(full_library, monkeypatch):
    monkeypatch.setattr(engine_module, "FIRST_SCREEN", SCREEN)
    e = SearchEngine(full_library)
    yield e
    e.close()


@pytest.fixture
def eager(full_library, monkeypatch):
    """Every row of the page computed by the search itself, as before."""
    monkeypatch.setattr(engine_module, "FIRST_SCREEN", 10_000)
    e = SearchEngine(full_library)
    yield e
    e.close()


def _fields(h):
    return (h.info, h.score, h.count, h.snippets, h.in_title, h.in_notes, h.exact)


def test_only_the_first_screen_is_computed_by_the_search(lazy):
    r = lazy.search("的")
    assert len(r.hits) > SCREEN
    assert all(h.ready for h in r.hits[:SCREEN]) and not any(h.ready for h in r.hits[SCREEN:])
    assert r.total >= len(r.hits)                       # the total does not wait for the rows


@pytest.mark.parametrize("query", QUERIES)
def test_a_row_below_the_first_screen_gets_what_the_eager_page_gave(lazy, eager, monkeypatch, query):
    want = eager.search(query)
    assert all(h.ready for h in want.hits)
    monkeypatch.setattr(engine_module, "FIRST_SCREEN", SCREEN)
    got = lazy.search(query)
    assert [h.info.key for h in got.hits] == [h.info.key for h in want.hits]
    # Asked from the last row up, one at a time: each equals the eager row.
    for h, w in reversed(list(zip(got.hits, want.hits))):
        assert _fields(h) == _fields(w)
    assert got.hits == want.hits
    if len(got.hits) > SCREEN:
        assert any(h.snippets for h in got.hits[SCREEN:])       # real snippets, not empty ones


def test_a_lookup_row_below_the_first_screen_marks_its_own_number(lazy, eager, monkeypatch):
    """A 文号 searched: the document bearing it and the texts citing it; their windows hold the
    number wherever it is printed, the same lazily or not."""
    monkeypatch.setattr(engine_module, "FIRST_SCREEN", 1)
    e = SearchEngine(lazy.path)
    try:
        got = e.search("永政发〔2022〕6号")
        assert got.hits[0].info.key == NOTICE and got.hits[0].ready
        want = eager.search("永政发〔2022〕6号")
        assert [_fields(h) for h in got.hits] == [_fields(h) for h in want.hits]
    finally:
        e.close()


def test_asking_one_row_reads_the_texts_of_a_screen_at_once(lazy):
    r = lazy.search("的")
    assert len(r.hits) >= 3 * SCREEN
    reads = []
    original = lazy._read_texts
    lazy._read_texts = lambda ids: (reads.append(list(ids)), original(ids))[1]
    r.hits[SCREEN].snippets
    assert len(reads) == 1 and len(reads[0]) == SCREEN         # the row asked for and the next ones
    for h in r.hits[SCREEN:2 * SCREEN]:
        h.count
    assert len(reads) == 1                                     # already read
    r.hits[2 * SCREEN].count
    assert len(reads) == 2


def test_the_page_handed_on_early_holds_the_same_rows(lazy):
    pages = []
    r = lazy.search("的", on_page=pages.append)
    assert pages and pages[0] == r.hits
    assert all(a is b for a, b in zip(pages[0], r.hits))       # one row object: computed once for both


def test_a_row_asked_for_while_another_search_runs_waits_for_it_and_is_right(lazy, eager, monkeypatch):
    """The results view asks for rows in the GUI thread while a newer search runs in a worker:
    reading the texts waits for the engine, and gives what the eager page gave."""
    want = eager.search("体育")
    monkeypatch.setattr(engine_module, "FIRST_SCREEN", SCREEN)
    first = lazy.search("体育")
    assert not first.hits[-1].ready
    lazy._lock.acquire()                       # a search running elsewhere
    done = []
    t = threading.Thread(target=lambda: done.append([_fields(h) for h in first.hits]))
    t.start()
    t.join(0.2)
    assert not done                            # waiting for the engine
    lazy._lock.release()
    t.join(10)
    assert done == [[_fields(h) for h in want.hits]]


def test_a_cancelled_search_still_stops_and_the_next_one_is_complete(lazy):
    token = CancelToken()
    token.cancel()
    with pytest.raises(SearchCancelled):
        lazy.search("的", cancel=token)
    r = lazy.search("的", Filters())
    assert all(h.count > 0 for h in r.hits)


def test_rows_of_a_closed_engine_are_empty_rather_than_failing(full_library, monkeypatch):
    monkeypatch.setattr(engine_module, "FIRST_SCREEN", SCREEN)
    e = SearchEngine(full_library)
    r = e.search("的")
    e.close()
    assert r.hits[0].count > 0
    assert r.hits[-1].count == 0 and r.hits[-1].snippets == ()


def test_a_row_read_after_the_library_changed_reads_it_as_it_is_now(full_library, tmp_path, monkeypatch):
    """An import or a removal between the search and the row shown: the row reads the text as it is
    now, not through the cache of the catalogue the next search replaces."""
    import shutil
    import sqlite3
    db = tmp_path / "lib.db"
    shutil.copyfile(full_library, db)
    monkeypatch.setattr(engine_module, "FIRST_SCREEN", 10_000)
    e = SearchEngine(db)
    before = e.search("的")
    monkeypatch.setattr(engine_module, "FIRST_SCREEN", SCREEN)
    r = e.search("的")
    row = r.hits[-1]
    assert not row.ready and row.info == before.hits[-1].info
    conn = sqlite3.connect(db)
    doc_id = conn.execute("SELECT id FROM documents WHERE key = ?", (row.info.key,)).fetchone()[0]
    conn.execute("UPDATE blocks SET text = text || '的的的' WHERE doc_id = ? AND kind = 'paragraph' AND "
                 "idx = (SELECT max(idx) FROM blocks WHERE doc_id = ? AND kind = 'paragraph')", (doc_id, doc_id))
    conn.commit()
    conn.close()
    cached = e._catalog.recent.size
    assert row.count == before.hits[-1].count + 3
    assert e._catalog.recent.size == cached            # not kept in the old catalogue's cache
    e.close()
