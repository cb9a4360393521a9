"""data/gazette.db is what `gazette-reader build-db` makes from data/sources."""
import sqlite3

from conftest import ROOT
from reader.core.library import Library


def _table_dump(path):
    c = sqlite3.connect(path)
    out = {}
    for (name,) in c.execute("SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'search_%' "
                             "AND name NOT LIKE 'sqlite_%' ORDER BY name"):
        out[name] = c.execute(f"SELECT * FROM {name} ORDER BY 1, 2").fetchall()
    out["schema"] = c.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    c.close()
    return out


def test_committed_library_matches_a_fresh_build(built_library):
    committed = ROOT / "data" / "gazette.db"
    assert committed.exists(), "run: gazette-reader build-db"
    assert _table_dump(committed) == _table_dump(built_library), \
        "data/gazette.db is stale: rebuild it with `gazette-reader build-db` and commit it"
    assert Library(committed).dump() == Library(built_library).dump()


def test_build_is_reproducible(built_library, tmp_path):
    from reader.core.build import build_library
    again = tmp_path / "again.db"
    info = build_library(ROOT / "data" / "sources", again)
    assert _table_dump(again) == _table_dump(built_library)
    assert info["build_id"] == Library(built_library).meta("build_id")


def test_search_index_is_built_with_the_library(built_library):
    c = sqlite3.connect(built_library)
    n_docs = c.execute("SELECT count(*) FROM documents").fetchone()[0]
    hits = c.execute("""SELECT count(*) FROM search_fts WHERE search_fts MATCH '"体 育"'""").fetchone()[0]
    assert n_docs == 10 and 0 < hits < n_docs
