"""A returned save survives a killed process; a broken user.db is set aside, never deleted."""
import os
import signal
import sqlite3
import subprocess
import sys

import pytest

from conftest import ROOT
from reader.core.paths import user_db_path
from reader.core.userdata import open_user_data

CHILD = """
import sys
from reader.core.userdata import open_user_data
from reader.core.userdata.bookmarks import Anchor
store = open_user_data().store
i = 0
while True:
    b = store.add("公报/2022/5-6/永政发〔2022〕6号", Anchor(i % 40, 0, 4, "全民健身"),
                  note="批示：" + "请认真落实。" * 40 + str(i), tags=["督办", f"t{i % 7}"])
    sys.stdout.write(b.id + "\\n")
    sys.stdout.flush()
    i += 1
"""


@pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
def test_every_bookmark_whose_add_returned_survives_sigkill():
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    child = subprocess.Popen([sys.executable, "-c", CHILD], cwd=ROOT, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True)
    printed = []
    try:
        while len(printed) < 40:
            line = child.stdout.readline()
            assert line, child.stderr.read()
            printed.append(line.strip())
        os.kill(child.pid, signal.SIGKILL)      # mid-loop: very likely inside a write
        rest, _ = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
    assert child.returncode == -signal.SIGKILL
    printed += [ln for ln in rest.split("\n")[:-1] if ln]   # complete lines only: a partial id was never returned
    assert len(printed) >= 40

    raw = sqlite3.connect(user_db_path())
    assert raw.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    raw.close()
    opened = open_user_data()
    assert opened.notice is None
    store = opened.store
    ids = {b.id for b in store.bookmarks()}
    assert set(printed) <= ids
    for bid in printed[:5]:
        assert store.get(bid).tags[0] == "督办"
    store.close()


def _assert_set_aside(opened, original: bytes, folder):
    assert opened.notice and "用户数据库已损坏" in opened.notice and opened.aside.name in opened.notice
    assert opened.aside.exists() and opened.aside.read_bytes() == original
    assert opened.aside.parent == folder
    store = opened.store
    b = store.add("文件/国发〔2024〕1号", note="新库可用")
    assert store.get(b.id).note == "新库可用"
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert [x.id for x in store.bookmarks()] == [b.id]       # fresh: nothing of the broken file mixed in
    store.close()


def test_garbage_user_db_is_renamed_aside_and_a_fresh_one_works():
    path = user_db_path()
    garbage = b"this is not a database at all \x00\xff" * 300
    path.write_bytes(garbage)
    wal = path.with_name(path.name + "-wal")
    wal.write_bytes(b"stale wal bytes")
    opened = open_user_data()
    _assert_set_aside(opened, garbage, path.parent)
    assert opened.aside.name.startswith("user.corrupt-") and opened.aside.suffix == ".db"
    moved_wal = opened.aside.with_name(opened.aside.name + "-wal")
    assert moved_wal.read_bytes() == b"stale wal bytes"       # its -wal travelled with it


def test_truncated_user_db_is_renamed_aside_and_a_fresh_one_works():
    store = open_user_data().store
    for i in range(300):
        store.add(f"doc/{i % 7}", note="批注内容" * 50 + str(i), tags=[f"t{i % 5}"])
    store.close()                                 # last connection: the WAL is checkpointed into user.db
    path = user_db_path()
    whole = path.read_bytes()
    assert len(whole) > 100_000
    half = whole[: len(whole) // 2]
    path.write_bytes(half)
    opened = open_user_data()
    _assert_set_aside(opened, half, path.parent)


def test_another_programs_database_is_set_aside_not_used():
    path = user_db_path()
    c = sqlite3.connect(path)
    c.execute("CREATE TABLE accounts (name TEXT)")
    c.execute("INSERT INTO accounts VALUES ('x')")
    c.commit()
    c.close()
    original = path.read_bytes()
    opened = open_user_data()
    assert "不是本程序的用户数据库" in opened.notice
    _assert_set_aside(opened, original, path.parent)


def test_set_aside_twice_keeps_both_broken_files():
    path = user_db_path()
    path.write_bytes(b"garbage one" * 100)
    first = open_user_data()
    first.store.close()
    path.write_bytes(b"garbage two" * 100)
    second = open_user_data()
    second.store.close()
    assert first.aside != second.aside
    assert first.aside.read_bytes() == b"garbage one" * 100
    assert second.aside.read_bytes() == b"garbage two" * 100


def test_an_unopenable_folder_is_an_error_not_corruption(tmp_path):
    from reader.core.errors import StoreError
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises((StoreError, OSError)):
        open_user_data(blocker / "user.db")          # parent is a file: nothing to move aside
    assert blocker.read_text() == "x"
