"""A damaged user library (issue 13, item 7): found by PRAGMA quick_check when opening, moved
aside (never deleted), rebuilt from the shipped library plus the user's own source texts, and
the user is told what was recovered."""
from __future__ import annotations

import shutil
import sqlite3

from conftest import run_cli
from hostile_inputs import unclosed_bracket_text
from reader.core.importer import parse_file, store
from reader.core.library import Library
from reader.core.store.writer import LibraryWriter
from reader.core.userlibrary import ensure_user_library


def take_notices() -> list[str]:
    from reader.core.userlibrary import take_notices as take
    return take()


def _user_library_with_an_import(built_library, tmp_path, shipped=None):
    if shipped is None:
        shipped = tmp_path / "program" / "gazette.db"
        shipped.parent.mkdir()
        shutil.copyfile(built_library, shipped)
    user = tmp_path / "data" / "library.db"
    ensure_user_library(shipped, user)
    own = tmp_path / "own.txt"
    own.write_text(unclosed_bracket_text(3), encoding="utf-8")
    w = LibraryWriter(user)
    try:
        store(w, parse_file(own))
    finally:
        w.close()
    take_notices()
    return shipped, user


def _damage_a_page(path) -> None:
    """Garbage over the root page of an index: the tables' rows stay readable, the file is malformed."""
    c = sqlite3.connect(path)
    page_size = c.execute("PRAGMA page_size").fetchone()[0]
    root = c.execute("SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'documents' "
                     "ORDER BY rootpage DESC LIMIT 1").fetchone()[0]
    c.execute("PRAGMA journal_mode = DELETE")
    c.close()
    with open(path, "r+b") as f:
        f.seek((root - 1) * page_size)
        f.write(b"\xa5" * page_size)


def _keys(db) -> set[str]:
    lib = Library(db)
    try:
        return {d["key"] for d in lib.dump()["documents"]} | {i["key"] for i in lib.dump()["issues"]}
    finally:
        lib.close()


def test_a_damaged_page_is_found_moved_aside_and_the_users_imports_come_back(built_library, tmp_path):
    shipped, user = _user_library_with_an_import(built_library, tmp_path)
    before = _keys(user)
    _damage_a_page(user)
    assert sqlite3.connect(user).execute("PRAGMA quick_check").fetchone()[0] != "ok"
    assert ensure_user_library(shipped, user) == user
    aside = [p for p in user.parent.iterdir() if ".damaged-" in p.name]
    assert len(aside) == 1                                      # kept, not deleted
    assert sqlite3.connect(user).execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert _keys(user) == before                                # shipped issues and the user's own import
    notices = take_notices()
    assert len(notices) == 1 and aside[0].name in notices[0] and "恢复了您自行导入的 1 份来源" in notices[0]
    assert take_notices() == []                                 # said once


def test_the_command_line_says_what_was_recovered(built_library, tmp_path):
    from reader.resources import default_library
    shipped, user = _user_library_with_an_import(built_library, tmp_path, default_library())
    _damage_a_page(user)
    r = run_cli("dump", env_extra={"GAZETTE_READER_DATA": str(user.parent)})
    err = r.stderr.decode()
    assert r.returncode == 0 and "Traceback" not in err and "公报库已损坏" in err, err


def test_a_file_that_is_no_database_at_all_is_replaced_and_kept(built_library, tmp_path):
    shipped = tmp_path / "gazette.db"
    shutil.copyfile(built_library, shipped)
    user = tmp_path / "data" / "library.db"
    user.parent.mkdir()
    user.write_bytes(b"not a database " * 1000)
    ensure_user_library(shipped, user)
    assert sqlite3.connect(user).execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert [p.read_bytes()[:15] for p in user.parent.iterdir() if ".damaged-" in p.name] == [b"not a database "]
    assert len(take_notices()) == 1


def test_the_window_starts_on_a_damaged_library_and_says_what_was_recovered(built_library, tmp_path):
    from reader.resources import default_library
    _shipped, user = _user_library_with_an_import(built_library, tmp_path, default_library())
    _damage_a_page(user)
    r = run_cli("--self-test", env_extra={"GAZETTE_READER_DATA": str(user.parent)})
    err = r.stderr.decode()
    assert r.returncode == 0 and b"self-test ok" in r.stdout, r.stdout + r.stderr
    assert "公报库已损坏" in err and "恢复了您自行导入的 1 份来源" in err and "Traceback" not in err
