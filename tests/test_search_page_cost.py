"""The cheaper ways the search computes a page give the same answers as the plain ones
(issue 16: the 4-character class against its floor)."""
from __future__ import annotations

import random
from types import SimpleNamespace

import pytest

from reader.core.search import engine as engine_module
from reader.core.search.doctext import DocText
from reader.core.search.engine import SearchEngine
from reader.core.search.catalog import Codes
from reader.core.search.facets import _by_count
from reader.core.search.picking import picker
from reader.core.search.ranking import newest
from reader.core.search.snippets import _fast_windows, _windows_of_spans, document_hits
from reader.core.search.textmatch import Term, find_slow

from test_search_engine import engine, full_library, texts  # noqa: F401  (fixtures)


def _doc(blocks: list[str]) -> DocText:
    return DocText.of_blocks([(i, "paragraph", t) for i, t in enumerate(blocks)])


@pytest.mark.parametrize("text", [
    "（一）提高质量，(一)提高效率", "只有全角：（一）提高质量（一）提", "只有半角 (一)提 与 (一) 提", "没有括号的一段话",
    "⾰创新的改革创新的", "改革创新的与改 革创新的",
])
def test_a_regex_led_by_the_one_first_character_a_text_holds_finds_the_same_hits(text):
    for norm in ("(一)提", "革创新的", "改革创新的"):
        t = Term(norm)
        assert t.regex is not None
        assert [m.span() for m in t.regex_for(text).finditer(text)] == [m.span() for m in t.regex.finditer(text)]
        assert [m.span() for m in t.regex_for(text).finditer(text)] == find_slow(text, norm)


def test_a_term_whose_first_character_has_no_variants_keeps_its_regex():
    t = Term("认真贯彻")
    assert t.regex_for("认真贯彻落实") is t.regex


def test_hits_of_a_long_term_listed_in_one_pass_give_the_same_count_and_windows(texts):
    rng = random.Random(5)
    keys = sorted(texts)
    compared = 0
    for _ in range(300):
        blocks = texts[rng.choice(keys)]
        joined = "\n".join(blocks)
        if len(joined) < 8:
            continue
        i = rng.randrange(len(joined) - 4)
        norm = joined[i:i + 4]
        if any(c.isspace() for c in norm):
            continue
        term = Term(norm)
        doc = _doc(blocks)
        if not term.fast or not doc.exact_for([term]):
            continue
        spans = [m.span() for m in term.regex.finditer(doc.joined)]
        want = (len(spans), _fast_windows("k", doc, [term.regex]))
        assert (len(spans), _windows_of_spans("k", doc, spans)) == want
        assert document_hits("k", doc, [term]) == want
        compared += 1
    assert compared > 100


def test_picker_takes_the_values_of_any_number_of_ids():
    codes = [10, 11, 12, 13]
    assert picker([])(codes) == ()
    assert picker([2])(codes) == (12,)
    assert sorted(picker({3, 0})(codes)) == [10, 13]


@pytest.mark.parametrize("size,count", [(50, 10_000), (5_000, 10_000), (9_990, 10_000), (3, 100)])
def test_the_newest_are_the_same_whether_picked_or_walked(size, count):
    rng = random.Random(size)
    recency = list(range(count))
    rng.shuffle(recency)
    cat = SimpleNamespace(count=count, recency=recency,
                          newest_first=sorted(range(count), key=recency.__getitem__, reverse=True))
    ids = set(rng.sample(range(count), size))
    exclude = set(rng.sample(sorted(ids), min(5, size)))
    want = sorted(ids - exclude, key=recency.__getitem__, reverse=True)[:50]
    assert newest(cat, ids, 50, exclude) == want
    assert newest(cat, list(ids), 50, exclude) == want


def test_facets_by_count_then_value():
    counts = {"乙": 2, "甲": 2, "丙": 5, "A": 2, "丁": 1, "戊": 0}
    codes = Codes()
    for value in (None, *counts):          # None (no value) ranks nowhere
        codes.code(value)
    by_code = [0] + list(counts.values())
    present = [c for c, n in enumerate(by_code) if n and codes.values[c] is not None]
    want = sorted(((v, n) for v, n in counts.items() if n), key=lambda x: (-x[1], x[0]))
    assert [(f.value, f.count) for f in _by_count(codes, present, by_code)] == want
    assert want[:2] == [("丙", 5), ("A", 2)]
    codes.code("乙乙")                     # a value added later: ranked again
    ranks = codes.ranks()
    assert ranks[codes.code("乙")] < ranks[codes.code("乙乙")] < ranks[codes.code("戊")] and ranks[0] == -1


def test_bm25_ranks_only_a_few_matches(full_library, monkeypatch):
    """Beyond BM25_MOST matches the ranking is title hits, then the newest (bm25 costs ~1 µs a
    match and a second pass); the matches themselves are the same."""
    e = SearchEngine(full_library)
    try:
        ranked = e.search("体育", limit=1000)
        monkeypatch.setattr(engine_module, "SMALL_LIBRARY", 0)
        monkeypatch.setattr(engine_module, "BM25_SHARE", 1)
        monkeypatch.setattr(engine_module, "BM25_MOST", ranked.total - 1)
        e2 = SearchEngine(full_library)
        capped = e2.search("体育", limit=1000)
        assert capped.keys == ranked.keys
        assert all(h.score in (1.0, 2.0) for h in capped.hits)        # no bm25: title hit or not
        monkeypatch.setattr(engine_module, "BM25_MOST", ranked.total)
        e3 = SearchEngine(full_library)
        assert e3.search("体育", limit=1000).hits == ranked.hits
        e2.close()
        e3.close()
    finally:
        e.close()


def test_recency_is_the_rank_in_newest_first_read_backwards(engine):
    """``ranking.newest`` maps recencies back to documents through this."""
    cat = engine._current()
    last = len(cat.newest_first) - 1
    assert cat.newest_first and all(cat.newest_first[last - cat.recency[i]] == i for i in cat.newest_first)
