"""时效 facts are read once, when a text is stored, and kept in the library (``status_facts``,
schema 5): the same facts as reading the whole text, no start reads the texts again, and a
damaged row reads as no facts instead of stopping the window."""
from __future__ import annotations

import sqlite3

import pytest

from test_status_library import OLD as REPEALED, REPEAL

from reader.core.importer import parse_file, store
from reader.core.library import Library
from reader.core.status import phrases, stored
from reader.core.status.phrases import Fact, Target
from reader.core.store.writer import LibraryWriter


def _import_all(db, paths) -> int:
    w = LibraryWriter(db)
    n = 0
    try:
        for p in paths:
            try:
                store(w, parse_file(p))
                n += 1
            except Exception:       # a text the importer refuses is not this test's business
                pass
    finally:
        w.close()
    return n


def _import_texts(db, tmp_path, **texts):
    paths = []
    for name, text in texts.items():
        p = tmp_path / f"{name}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    assert _import_all(db, paths) == len(paths)


def test_stored_facts_are_what_the_whole_text_says(corpus_files, local_corpus, tmp_path):
    """Every text of both corpora: the row in the library equals reading all of its blocks (the
    keyword filter at store time loses nothing), and texts saying nothing have no row."""
    db = tmp_path / "lib.db"
    assert _import_all(db, list(corpus_files) + sorted(local_corpus.glob("*.txt"))) > 80
    conn = sqlite3.connect(db)
    rows = dict(conn.execute("SELECT doc_id, facts FROM status_facts"))
    docs = conn.execute("SELECT d.id, d.title, d.doc_number, d.role, p.title FROM documents d "
                        "LEFT JOIN documents p ON p.id = d.parent_id").fetchall()
    said = 0
    for doc_id, title, number, role, parent_title in docs:
        blocks = conn.execute("SELECT idx, kind, text FROM blocks WHERE doc_id = ? ORDER BY idx", (doc_id,)).fetchall()
        want = () if role == "interpretation" else phrases.read(
            title, blocks, number, bool(parent_title and phrases.is_repeal_notice(parent_title)))
        got = stored.decode(rows[doc_id]) if doc_id in rows else ()
        assert got == want, title
        said += bool(want)
    assert said >= 20 and len(rows) == said
    own = {i for (i,) in conn.execute("SELECT doc_id FROM status_facts WHERE own")}
    assert own == {i for i, f in rows.items() if stored.is_own(stored.decode(f))} and own


def test_encode_and_decode_keep_every_field():
    facts = (Fact("start", 3, "本办法自2022年7月1日起施行。", date="2022-07-01"),
             Fact("start", 4, "自印发之日起30日后施行", event="印发", days=30),
             Fact("period", 4, "有效期5年", months=60),
             Fact("repeal", 2, "废止《某办法》（某政发〔2018〕3号）", how="废止",
                  targets=(Target("某办法", "某政发〔2018〕3号", "某办法"), Target(None, "某政发〔2019〕1号"))))
    assert stored.decode(stored.encode(facts)) == facts


@pytest.mark.parametrize("row", ["", "not json", "{}", "[1]", '[["start","x","t",null,null,0,0,"",[]]]',
                                 '[["drop table","0","t",null,null,0,0,"",[]]]', '[["repeal",1,"t",null,null,0,0,"",[[1,2]]]]',
                                 "[" * 5000])
def test_a_damaged_row_reads_as_no_facts(row):
    assert stored.decode(row) == ()


def test_a_damaged_library_row_leaves_the_text_unknown_and_the_rest_right(tmp_path):
    db = tmp_path / "lib.db"
    _import_texts(db, tmp_path, old=REPEALED, repeal=REPEAL)
    conn = sqlite3.connect(db)
    (old_id,) = conn.execute("SELECT id FROM documents WHERE title LIKE '%印发%'").fetchone()
    conn.execute("UPDATE status_facts SET facts = '[[\"start\", \"oops\"]]' WHERE doc_id = ?", (old_id,))
    conn.commit()
    conn.close()
    lib = Library(db)
    old = next(k for k, s in lib.statuses("2022-01-01").items() if "印发" in lib.info(k).title)
    # Its own 施行 and 有效期 are gone with the row; the repeal, stated by the other text, still holds.
    assert lib.status(old, "2022-01-01").state == "已废止"


def test_no_start_reads_the_texts_again(tmp_path):
    """The status index of an opened library reads rows, names and facts, never a block."""
    db = tmp_path / "lib.db"
    _import_texts(db, tmp_path, old=REPEALED, repeal=REPEAL)
    lib = Library(db)
    seen: list[str] = []
    from reader.core.status import index as index_module
    from reader.core.store import schema
    conn = schema.connect(db, readonly=True)
    conn.set_trace_callback(seen.append)
    idx = index_module.StatusIndex(conn)
    idx.refresh()
    assert seen and not [s for s in seen if "blocks" in s]
    lib._status = idx
    assert any(s.state == "已废止" for s in lib.statuses("2022-01-01").values())
