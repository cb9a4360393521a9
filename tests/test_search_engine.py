"""The search engine on a real library: the sample issue and the 60 gov.cn documents."""
from __future__ import annotations

import shutil
import sqlite3
import threading

import pytest

from conftest import CORPUS, SAMPLE
from reader.corpus_paths import missing_reason

needs_govcn = pytest.mark.skipif(CORPUS is None, reason=missing_reason("govcn"))
from reader.core.importer import parse_file, store
from reader.core.library import Library
from reader.core.location import Location
from reader.core.search.engine import SearchEngine
from reader.core.search.index import normalize
from reader.core.search.results import CancelToken, Filters, SearchCancelled
from reader.core.store.writer import LibraryWriter

NOTICE = "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"
INTERP_6 = "永州市人民政府公报/2022/5-6/解读/48ea7bdeba"


@pytest.fixture(scope="session")
def full_library(tmp_path_factory):
    """The sample issue and all 60 gov.cn documents (when ../shared/corpus is there), imported as a user would."""
    db = tmp_path_factory.mktemp("search") / "full.db"
    writer = LibraryWriter(db)
    for path in [SAMPLE] + (sorted(CORPUS.glob("*.txt")) if CORPUS else []):
        store(writer, parse_file(path))
    writer.close()
    return db


@pytest.fixture(scope="session")
def texts(full_library):
    """{key: [block texts]} of every document, straight from the library facade."""
    lib = Library(full_library)
    keys = [r[0] for r in lib.conn.execute("SELECT key FROM documents ORDER BY id")]
    out = {k: [b.text for b in lib.blocks(k)] for k in keys}
    lib.close()
    return out


@pytest.fixture(scope="session")
def engine(full_library):
    e = SearchEngine(full_library)
    yield e
    e.close()


def containing(texts, term):
    n = normalize(term)
    return {k for k, blocks in texts.items() if any(n in normalize(b) for b in blocks)}


@pytest.mark.parametrize("term", ["体育", "园区", "办证", "的", "犬", "2025", "（", "，", "YZCR", "Ⅱ", "..."])
def test_every_document_containing_a_term_is_found(engine, texts, term):
    r = engine.search(term, limit=1000)
    assert r.keys == containing(texts, term)
    assert r.total == len(r.keys) == len(r.hits)


def test_one_and_two_character_words_hit_the_expected_documents(engine):
    got = {h.info.key for h in engine.search("办证").hits}
    assert "永州市人民政府公报/2022/5-6/永政办发〔2022〕8号/附件1" in got
    # A title that names the term outranks a text that only uses it, even 4 times as often.
    keys = [h.info.key for h in engine.search("体育").hits]
    assert "体育" in engine.search("体育").hits[0].info.title
    assert keys.index(INTERP_6) < keys.index(NOTICE + "/附件1")     # 解读 by the 体育局 (29 hits) before the plan (115)


def test_several_terms_mean_and(engine, texts):
    r = engine.search("体育 园区", limit=1000)
    assert r.keys == containing(texts, "体育") & containing(texts, "园区")
    assert r.keys and r.terms == ("体育", "园区")


def test_a_quoted_phrase_is_one_term(engine, texts):
    assert engine.search('"全民 健身"', limit=1000).keys == containing(texts, "全民健身")


def test_a_leading_minus_excludes(engine, texts):
    r = engine.search("园区 -解读", limit=1000)
    assert r.keys == containing(texts, "园区") - containing(texts, "解读")
    assert r.excluded == ("解读",)
    only = engine.search("-解读", limit=1000)
    assert only.keys == set(texts) - containing(texts, "解读")


def test_nothing_found_is_an_empty_result(engine):
    r = engine.search("这个词不会出现在任何文件中")
    assert r.total == 0 and r.hits == () and r.empty
    assert engine.search("").total == 0


def test_title_hits_rank_first(engine):
    r = engine.search("交房即交证")
    titled = [h.in_title for h in r.hits]
    assert titled[:2] == [True, True] and titled == sorted(titled, reverse=True)
    assert all(h.score >= r.hits[k + 1].score for k, h in enumerate(r.hits[:-1]))


def test_counts_and_snippets_point_at_the_text(engine, texts):
    r = engine.search("全民健身 体育")
    assert r.hits
    for h in r.hits:
        blocks = texts[h.info.key]
        want = sum(normalize(b).count(normalize(t)) for b in blocks for t in ("全民健身", "体育"))
        assert h.count == want
        assert 1 <= len(h.snippets) <= 2
        for s in h.snippets:
            loc = s.location
            block = blocks[loc.block]
            assert loc.doc_key == h.info.key
            assert normalize(block[loc.offset:loc.offset + loc.length]) in ("全民健身", "体育")
            assert block[s.window_start:s.window_start + len(s.text)] == s.text
            assert s.more_before == (s.window_start > 0)
            for a, b in s.highlights:
                assert normalize(s.text[a:b]) in ("全民健身", "体育")


def test_hits_beyond_the_limit_are_still_counted(engine):
    r = engine.search("的", limit=5)
    assert len(r.hits) == 5 and r.total > 5 and len(r.keys) == r.total


def test_facets_count_the_matches(engine):
    r = engine.search("体育")
    kinds = {f.value: f.count for f in r.facets["kind"]}
    assert sum(kinds.values()) == r.total
    assert set(kinds) <= {"policy", "interpretation", "appointment"}
    years = r.facets["year"]
    assert sum(f.count for f in years) == r.total and [f.value for f in years] == sorted((f.value for f in years), reverse=True)
    issues = r.facets["issue"]
    assert [f.value for f in issues] == ["永州市人民政府公报/2022/5-6"] and issues[0].label.startswith("2022年第5-6期")
    assert {f.value for f in r.facets["section"]} <= {"市政府文件", "市政府办文件", "人事任免"}
    assert "永州市文化旅游广电体育局" in {f.value for f in r.facets["issuer"]}


@needs_govcn
def test_filters_narrow_and_facets_still_show_the_other_values(engine, texts):
    everything = engine.search("国务院", limit=1000)
    years = {f.value: f.count for f in everything.facets["year"]}
    assert 2022 in years and len(years) > 2
    only = engine.search("国务院", Filters(years={2018}), limit=1000)
    assert only.total == years[2018]
    assert {f.value: f.count for f in only.facets["year"]} == years     # its own filter does not count
    interp = engine.search("国务院", Filters(kinds={"interpretation"}), limit=1000)
    assert interp.total and all(h.info.kind == "interpretation" for h in interp.hits)
    both = engine.search("国务院", Filters(years={2018}, kinds={"interpretation"}))
    assert both.total == 0     # no 2018 interpretations
    policy = engine.search("国务院", Filters(kinds={"policy"}), limit=1000)
    assert all(h.info.kind not in ("interpretation", "appointment") for h in policy.hits)
    issue = engine.search("国务院", Filters(issue_keys={"永州市人民政府公报/2022/5-6"}), limit=1000)
    assert all(h.info.issue_key == "永州市人民政府公报/2022/5-6" for h in issue.hits) and issue.total
    section = engine.search("国务院", Filters(sections={"市政府办文件"}), limit=1000)
    assert all(h.info.section == "市政府办文件" for h in section.hits) and section.total
    issuer = engine.search("体育", Filters(issuers={"永州市文化旅游广电体育局"}))
    assert [h.info.key for h in issuer.hits] == [INTERP_6]


@pytest.mark.parametrize("query", ["永政发[2022]6号", "永政发〔2022〕6号", "永政发2022 6号", "YZCR-2022-00004",
                                   "yzcr-2022-00004"])
def test_doc_number_and_code_find_the_document_first(engine, query):
    r = engine.search(query)
    assert r.lookup is not None and r.lookup.key == NOTICE
    assert r.hits[0].info.key == NOTICE and r.hits[0].exact
    own = r.hits[0].snippets[0]
    assert own.highlights and normalize(own.text) in ("永政发〔2022〕6号", "yzcr-2022-00004")


@needs_govcn
def test_a_doc_number_also_finds_the_documents_citing_it(engine):
    r = engine.search("湘政办发[2021]75号")
    keys = {h.info.key for h in r.hits}
    assert {"永州市人民政府公报/2022/5-6/永政办发〔2022〕8号/附件1", "永州市人民政府公报/2022/5-6/解读/0ef33a47b5"} <= keys
    for h in r.hits:
        assert all(normalize(s.text[a:b]) == "湘政办发〔2021〕75号" for s in h.snippets for a, b in s.highlights)
    order = engine.search("国令第707号")
    assert order.lookup is not None and order.lookup.doc_number == "国令第707号"


def test_find_in_document_lists_every_hit_in_reading_order(engine, texts):
    blocks = texts[INTERP_6]
    got = engine.find_in_document(INTERP_6, "体育")
    want = [(b, i) for b, t in enumerate(blocks) for i in range(len(t)) if t.startswith("体育", i)]
    assert [(x.block, x.offset) for x in got] == want
    assert all(isinstance(x, Location) and x.length == 2 for x in got)
    both = engine.find_in_document(INTERP_6, "体育 健身")
    assert both == sorted(both) and len(both) > len(got)
    number = engine.find_in_document(NOTICE, "永政发2022 6号")
    assert [(x.block, x.offset) for x in number] == [(1, 0)]
    assert engine.find_in_document("no such key", "体育") == []


@needs_govcn
def test_a_cancelled_search_stops(engine):
    token = CancelToken()
    token.cancel()
    with pytest.raises(SearchCancelled):
        engine.search("的", cancel=token)

    class Soon:        # gives up after a few checks: mid-search, maybe inside SQLite
        def __init__(self, after):
            self.n, self.after = 0, after

        def is_cancelled(self):
            self.n += 1
            return self.n > self.after

    inside_sqlite = 0
    for after in range(1, 5):
        with pytest.raises(SearchCancelled) as info:
            engine.search("的", cancel=Soon(after))
        inside_sqlite += isinstance(info.value.__cause__, sqlite3.OperationalError)
    assert inside_sqlite        # the progress handler stopped a running statement
    assert engine.search("的", cancel=Soon(10_000)).total > 10
    assert engine.search("的").total > 10          # the engine is fine afterwards


def test_searches_from_several_threads_do_not_interfere(engine, texts):
    results, errors = {}, []

    def run(term):
        try:
            for _ in range(5):
                results[term] = engine.search(term, limit=1000).keys
        except Exception as e:       # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=run, args=(t,)) for t in ("体育", "园区", "国务院", "的")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(results[t] == containing(texts, t) for t in results)


def test_bookmark_notes_and_the_bookmarked_facet(full_library, texts):
    asked = []

    def notes(terms):
        asked.append(terms)
        return {NOTICE} if "我的批注" in terms else set()

    e = SearchEngine(full_library, notes=notes, bookmarked=lambda: {NOTICE, INTERP_6})
    r = e.search("我的批注")
    assert [h.info.key for h in r.hits] == [NOTICE] and r.hits[0].in_notes and asked[-1] == ["我的批注"]
    assert e.search("我的批注 -通知").total == 0           # the excluded word is in its text
    sport = e.search("体育")
    assert sport.facets["bookmarked"][0].count == 1
    marked = e.search("体育", Filters(bookmarked_only=True))
    assert [h.info.key for h in marked.hits] == [INTERP_6]
    e.close()


def test_the_engine_sees_imports_and_removals(full_library, tmp_path, texts):
    db = tmp_path / "lib.db"
    shutil.copyfile(full_library, db)
    e = SearchEngine(db)
    everywhere = containing(texts, "全民健身")
    assert e.search("全民健身", limit=100).keys == everywhere
    writer = LibraryWriter(db)
    writer.remove_issue("永州市人民政府公报/2022/5-6")
    assert e.search("全民健身", limit=100).keys == {k for k in everywhere if not k.startswith("永州")}
    store(writer, parse_file(SAMPLE))
    writer.close()
    assert e.search("全民健身", limit=100).keys == everywhere
    assert e.search("永政发2022 6号").lookup.key == NOTICE
    e.close()


@needs_govcn
def test_hits_from_the_recent_texts_cache_are_those_of_the_whole_document(engine):
    # The displayed documents' text comes from a bounded cache or is read per search:
    # counts and snippets must be those of the whole document's text.
    from reader.core.search.doctext import DocText
    from reader.core.search.engine import _text_terms
    from reader.core.search.snippets import document_hits
    from reader.core.search.textmatch import term
    from reader.core.search.query import parse
    conn = engine._conn
    for q in ("体育", "的", "园区 办证", "2025", "，", "Ⅱ", "全民健身"):
        r = engine.search(q)
        assert r.hits, q
        terms = [term(n) for n in _text_terms(parse(q))]
        for h in r.hits:
            doc_id = engine._catalog.id_of[h.info.key]
            whole = DocText.of_blocks(conn.execute(
                "SELECT idx, kind, text FROM blocks WHERE doc_id = ? ORDER BY idx", (doc_id,)).fetchall())
            assert (h.count, h.snippets) == document_hits(h.info.key, whole, terms, []), (q, h.info.key)


def test_each_term_is_matched_in_its_cheapest_exact_index():
    from reader.core.search import index
    assert index.phrase_in("体育") == ("search_fts", 'body : "体 育"')
    assert index.phrase_in("的") == ("search_fts", 'body : "的"')
    assert index.phrase_in("全民健身") == ("search_tri", 'body : "全民健身"')
    assert index.phrase_in('a"b', "title") == ("search_tri", 'title : "a""b"')
    sql, args = index.match_sql(["体育", "全民健身"], ["工作方案"])
    assert "INTERSECT" in sql and "EXCEPT" in sql
    assert args == ['body : "体 育"', 'body : "全民健身"', 'body : "工作方案"']


def test_title_hits_are_exactly_the_titles_holding_every_term(engine, full_library):
    from reader.core.search.textmatch import term
    from reader.core.search.titles import title_hits
    lib = Library(full_library)
    titles = dict(lib.conn.execute("SELECT id, title FROM documents"))
    lib.close()
    for words in (["体育"], ["的"], ["全民健身"], ["实施", "意见"], ["国务院办公厅", "通知"], ["不存在的标题词"]):
        want = {i for i, t in titles.items() if all(normalize(w) in normalize(t) for w in words)}
        assert set(title_hits(engine._conn, [term(normalize(w)) for w in words]).candidates) == want, words


@pytest.mark.parametrize("query", ["园区 办证服务", "全民健身 体育", "体育 -工作方案", "人民政府 国务院 的",
                                   "（二）", "国务院办公厅", "体育场地设施 -的"])
def test_mixed_terms_intersect_exactly(engine, texts, query):
    # Terms of 1-2 characters in the per-character index, longer ones in the trigram index:
    # together exactly the documents a scan finds.
    words = query.split()
    want = set(texts)
    for w in words:
        found = containing(texts, w.lstrip("-"))
        want = want - found if w.startswith("-") else want & found
    assert engine.search(query, limit=100_000).keys == want


def test_a_trigram_never_matches_across_two_blocks(full_library, texts):
    # The last two characters of one block and the first of the next are no hit.
    conn = sqlite3.connect(full_library)
    seen = 0
    for key, blocks in list(texts.items())[:40]:
        for a, b in zip(blocks, blocks[1:]):
            na, nb = normalize(a), normalize(b)
            q = na[-2:] + nb[:1]
            if len(q) == 3 and not any(q in normalize(x) for x in blocks):
                e = SearchEngine(full_library)
                assert key not in e.search(q, limit=100_000).keys, q
                e.close()
                seen += 1
                break
        if seen >= 5:
            break
    conn.close()
    assert seen >= 5


def test_the_character_tables_come_from_the_library_not_a_rebuild(full_library, monkeypatch):
    from reader.core.search import charmap
    conn = sqlite3.connect(full_library)
    (stored,) = conn.execute("SELECT value FROM meta WHERE key = ?", (charmap.stored_key(),)).fetchone()
    conn.close()
    assert stored == charmap.to_json(charmap.build())      # what a build makes, for this Unicode version
    monkeypatch.setattr(charmap, "_tables", None)
    monkeypatch.setattr(charmap, "build", lambda: pytest.fail("tables rebuilt at start"))
    e = SearchEngine(full_library)
    e.warm_up()
    assert e.search("全民健身").total > 0
    e.close()
    assert charmap.to_json(charmap.tables()) == stored


def test_a_cancelled_warm_up_stops_at_the_next_slice(full_library):
    e = SearchEngine(full_library)
    token = CancelToken()
    token.cancel()
    with pytest.raises(SearchCancelled):
        e.warm_up(cancel=token)
    assert e._catalog is None
    e.warm_up()
    assert e._catalog is not None
    e.close()


@pytest.mark.parametrize("query", ["的", "体育", "全民健身", "国务院 通知"])
def test_facets_counted_in_one_pass_equal_counting_each(engine, query):
    # Without a filter the engine counts (place, issuer, kind) combinations once; the
    # counts must be those of counting every matched document facet by facet.
    from collections import Counter
    from reader.core.search.results import KIND_GROUPS
    r = engine.search(query)
    cat = engine._catalog
    ids = list(r.matched)
    issuers = Counter(cat.issuers.values[cat.issuer[i]] for i in ids)
    assert {f.value: f.count for f in r.facets["issuer"]} == {k: n for k, n in issuers.items() if k is not None}
    kinds = Counter(KIND_GROUPS[cat.group[i]] for i in ids)
    assert {f.value: f.count for f in r.facets["kind"]} == dict(kinds)
    years = Counter(cat.places.values[cat.place[i]][0] for i in ids)
    assert {f.value: f.count for f in r.facets["year"]} == {k: n for k, n in years.items() if k is not None}


@needs_govcn
def test_the_first_page_comes_before_the_total_and_the_facets_when_asked_for(engine, monkeypatch):
    from reader.core.search import engine as engine_module
    order = []

    class Counting(engine_module.Counting):
        def __init__(self, *a):
            order.append("filter")
            super().__init__(*a)

        def facets(self):
            order.append("facets")
            return super().facets()

    monkeypatch.setattr(engine_module, "Counting", Counting)
    r = engine.search("的", limit=50, on_page=lambda hits: order.append(("page", hits)))
    assert order[0][0] == "page" and order[1:] == ["filter"]
    assert order[0][1] == r.hits and len(r.hits) == 50 and r.total > 50
    year = r.facets["year"][0].value            # counted now, once
    assert order[2:] == ["facets"] and r.facets["year"][0].value == year and order[3:] == []
    order.clear()
    f = engine.search("的", Filters(years=(year,)), on_page=lambda hits: order.append(("page", hits)))
    assert order[0] == "filter" and order[1] == ("page", f.hits)     # a filter: the page follows it
    assert f.total == r.facets["year"][0].count
    assert f.facets["year"] == r.facets["year"]              # its own filter does not narrow its facet


def test_the_recent_texts_stay_within_their_bound():
    from reader.core.search.doctext import DocText, RecentTexts
    recent = RecentTexts(limit=100)
    for i in range(10):
        recent.put(i, DocText.of_blocks([(0, "paragraph", "字" * 30)]))
    assert recent.size <= 100 and recent.take(range(10))[1] == list(range(7))   # the oldest dropped
    found, missing = recent.take([9, 8, 0])
    assert set(found) == {9, 8} and missing == [0]
