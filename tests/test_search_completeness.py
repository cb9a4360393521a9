"""Search finds every document that holds a query, and nothing else.

The library is the sample issue and all 60 gov.cn documents. Hundreds of random
1-4 character queries (Chinese, digits, Latin, punctuation, full-width forms)
drawn from their texts must return exactly the documents a brute-force scan
finds. The scan normalises like the index (``index.normalize``) and, like the
index, does not let a match run from one block into the next: the index puts
a separator between blocks, so a "substring" is a substring of one block's
text (a paragraph, a heading). The test also checks that this is the only
difference from scanning the document's text joined into one string.

Below that, property tests hold the raw-text matcher to the normal form.
"""
from __future__ import annotations

import random
import sys
import unicodedata

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.search import charmap
from reader.core.search.index import normalize
from reader.core.search.query import parse
from reader.core.search.textmatch import Term, anchors, find_slow, is_simple, normal_pieces
from test_search_engine import engine, full_library, needs_govcn, texts  # noqa: F401  (shared fixtures)

QUERIES = 600


def _draw(docs: dict[str, list[str]], rng: random.Random) -> list[str]:
    blocks = [b for bs in docs.values() for b in bs if b.strip()]
    out, seen = [], set()
    while len(out) < QUERIES:
        raw = rng.choice(blocks)
        n = rng.choice((1, 1, 2, 2, 3, 4))
        source = raw if rng.random() < 0.5 else normalize(raw)   # as printed, or as the index sees it
        if len(source) < n:
            continue
        i = rng.randrange(len(source) - n + 1)
        q = source[i:i + n]
        if rng.random() < 0.1:      # a random character the texts may not have at all
            q = chr(rng.choice([rng.randrange(0x4E00, 0x9FFF), rng.randrange(0x21, 0x7E), rng.randrange(0xFF01, 0xFF5E)]))
        # Whitespace separates terms and quotes/minus are syntax: such a query is not one substring.
        if any(c.isspace() for c in q) or q[0] in "-－" or any(c in q for c in '"“”＂') or q in seen:
            continue
        seen.add(q)
        out.append(q)
    return out


def test_random_queries_find_exactly_what_a_scan_finds(engine, texts):  # noqa: F811
    normal_blocks = {k: [normalize(b) for b in bs] for k, bs in texts.items()}
    joined = {k: normalize("\n".join(bs)) for k, bs in texts.items()}
    queries = _draw(texts, random.Random(20220613))
    kinds = {"punctuation": 0, "digit": 0, "one character": 0}
    across_blocks = 0
    for q in queries:
        n = normalize(q)
        want = {k for k, bs in normal_blocks.items() if any(n in b for b in bs)}
        r = engine.search(q, limit=100_000)
        got = r.keys
        parsed = parse(q)
        if parsed.doc_number or parsed.code:     # a lookup may add the document it names
            assert want <= got, q
        else:
            assert got == want, (q, sorted(got ^ want)[:5])
        assert r.total == len(got) == len(r.hits)
        # Scanning the joined text differs only by matches that run across a block boundary.
        extra = {k for k, t in joined.items() if n in t} - want
        across_blocks += len(extra)
        for k in extra:
            assert not any(n in b for b in normal_blocks[k])
        for h in r.hits[:20]:
            assert h.count >= (1 if h.info.key in want else 0)
            for s in h.snippets:
                assert all(n in normalize(s.text[a:b]) or normalize(s.text[a:b]) in n for a, b in s.highlights)
        kinds["punctuation"] += any(unicodedata.category(c).startswith("P") for c in q)
        kinds["digit"] += any(c.isdigit() for c in q)
        kinds["one character"] += len(q) == 1
    # The sample really covered what it should.
    assert len(queries) == QUERIES
    assert kinds["punctuation"] >= 50 and kinds["digit"] >= 30 and kinds["one character"] >= 100, kinds
    assert across_blocks < len(queries) * 5


@needs_govcn
def test_every_character_of_a_document_can_be_found(engine, texts):  # noqa: F811
    # Each distinct character of one gov.cn document, alone, finds that document.
    key = next(k for k in texts if k.startswith("文件/国发〔2019〕4号"))
    chars = {c for b in texts[key] for c in normalize(b)}
    for c in sorted(chars):
        assert key in engine.search(c, limit=100_000).keys, c


# -- the raw-text matcher ---------------------------------------------------------
# An alphabet full of traps: full-width forms, spaces of every kind, characters that
# expand (… ⑩ ㎡ Ⅱ ℃), combining marks, Kangxi radicals and compatibility ideographs
# (⼀ → 一, 﨑), case, Hangul jamo, astral characters (𝟐 𠮷).
TRAPS = ("体育公园一上平成，,。.…⑩10㎡mⅡii℃°cＡaAé\u0301eｶﾞガ⼀﨑崎㊤㍻ \u3000\u00a0\t"
         "ㄱㅏ가\u1100\u1161𝟐2𠮷（(）)—-－")
texts_st = st.text(alphabet=TRAPS, max_size=40)


@settings(max_examples=400, deadline=None)
@given(texts_st)
def test_normal_pieces_rebuild_the_normal_form(text):
    normal, pieces = normal_pieces(text)
    assert normal == normalize(text)
    assert [p[1] for p in pieces] == sorted(p[1] for p in pieces)


@settings(max_examples=600, deadline=None)
@given(texts_st, st.integers(0, 40), st.integers(1, 4))
def test_term_hits_are_the_normal_form_hits(text, start, length):
    normal = normalize(text)
    norm = normal[start:start + length] or normalize(TRAPS[start % len(TRAPS)])
    if not norm:
        return
    term = Term(norm)
    spans = term.find(text)
    assert len(spans) == normal.count(norm)                 # as many, non-overlapping
    # In reading order; hits inside one expanding character (... in …) share its span.
    assert spans == sorted(spans) and all(a < b for a, b in spans)
    for a, b in spans:
        assert norm in normalize(text[a:b])                 # each raw span holds the term
    if term.fast and is_simple(text):
        # The regex and the normal form find the same hits; the slow path may draw a span a
        # little wider (it keeps an astral character with the one before it).
        slow = find_slow(text, norm)
        assert len(slow) == len(spans)
        assert all(c <= a < b <= d for (a, b), (c, d) in zip(spans, slow))


@settings(max_examples=300, deadline=None)
@given(texts_st, st.integers(0, 40), st.integers(1, 3))
def test_a_block_holding_a_term_holds_one_of_its_anchors(text, start, length):
    norm = normalize(text)[start:start + length]
    if not norm:
        return
    found = anchors([Term(norm)], lambda c: 0)
    if found is not None and norm in normalize(text):
        assert any(a in text for a in found)


def test_ideographs_are_inert():
    # textmatch trusts that nothing composes into or with an ideograph (is_inert).
    firsts, seconds = charmap._composition_pairs()
    for lo, hi in ((0x3400, 0x4DBF), (0x4E00, 0x9FFF)):
        for cp in range(lo, hi + 1):
            c = chr(cp)
            assert charmap.norm_char(c) == c and unicodedata.normalize("NFD", c) == c
            assert c not in firsts and c not in seconds and not unicodedata.combining(c)


def test_the_skipped_code_point_ranges_really_normalise_to_themselves():
    for lo, hi in charmap.STABLE_RANGES:
        for cp in range(lo, min(hi, sys.maxunicode) + 1):
            c = chr(cp)
            if 0xD800 <= cp <= 0xDFFF:
                continue
            assert charmap.norm_char(c) == c and not unicodedata.combining(c), hex(cp)
