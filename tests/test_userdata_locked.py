"""A user.db that another process holds is busy, not broken: nothing is moved aside,
the bookmarks stay, and the reader says the file is in use."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest

from conftest import ROOT
from reader.core.errors import StoreError
from reader.core.paths import user_db_path
from reader.core.userdata import open_user_data

# Another program (a second reader, a backup tool, "DB Browser") holding an exclusive lock:
# in WAL mode only locking_mode=EXCLUSIVE keeps readers out, so that is what it does.
HOLDER = """
import sqlite3, sys, time
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute("PRAGMA locking_mode = EXCLUSIVE")
c.execute("BEGIN EXCLUSIVE")
c.execute("SELECT count(*) FROM bookmarks").fetchone()
print("held", flush=True)
hold = float(sys.argv[2])
if hold > 0:
    time.sleep(hold)
else:
    sys.stdin.readline()
c.execute("ROLLBACK")
c.close()
"""


def _saved_bookmarks(n=5) -> list[str]:
    store = open_user_data().store
    ids = [store.add(f"公报/2022/5-6/永政发〔2022〕{i}号", note=f"批注{i}", tags=["督办"]).id for i in range(n)]
    store.close()
    return ids


def _hold(path, seconds: float = 0):
    child = subprocess.Popen([sys.executable, "-c", HOLDER, str(path), str(seconds)], cwd=ROOT,
                             env=dict(os.environ, PYTHONPATH=str(ROOT)), stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = child.stdout.readline()
    assert line.strip() == "held", child.stderr.read()
    return child


def _release(child) -> None:
    try:
        child.communicate("\n", timeout=30)
    finally:
        if child.poll() is None:
            child.kill()


@pytest.fixture
def short_busy_timeout(monkeypatch):
    """SQLite waits up to 5-10 s for a lock; a test need not (the behaviour is the same)."""
    real = sqlite3.connect

    def connect(*args, **kwargs):
        kwargs["timeout"] = 0.3
        return real(*args, **kwargs)
    monkeypatch.setattr(sqlite3, "connect", connect)


def _untouched(path, ids):
    folder = path.parent
    assert [p.name for p in folder.iterdir() if ".corrupt-" in p.name] == []     # nothing set aside
    assert path.exists()
    opened = open_user_data()
    assert opened.notice is None and opened.aside is None
    assert {b.id for b in opened.store.bookmarks()} == set(ids)
    assert all(b.tags == ("督办",) for b in opened.store.bookmarks())
    opened.store.close()


def test_a_user_db_held_by_another_process_is_reported_busy_and_left_alone(short_busy_timeout):
    ids = _saved_bookmarks()
    path = user_db_path()
    before = path.read_bytes()
    child = _hold(path)
    try:
        with pytest.raises(StoreError) as caught:
            open_user_data()
        assert "占用" in str(caught.value) and str(path) in str(caught.value)
        assert "损坏" not in str(caught.value)
        assert path.read_bytes() == before                     # not rewritten, not replaced
    finally:
        _release(child)
    _untouched(path, ids)


def test_a_brief_lock_is_waited_for(monkeypatch):
    ids = _saved_bookmarks(3)
    path = user_db_path()
    child = _hold(path, seconds=1.0)
    try:
        opened = open_user_data()                               # waits for the other program
    finally:
        _release(child)
    assert opened.notice is None and opened.aside is None
    assert {b.id for b in opened.store.bookmarks()} == set(ids)
    opened.store.close()


def test_the_window_says_bookmarks_are_unavailable_and_keeps_them(qtbot, library_copy, short_busy_timeout):
    from gui_helpers import start_app
    ids = _saved_bookmarks(2)
    path = user_db_path()
    child = _hold(path)
    try:
        app = start_app(qtbot, library_copy)
        feature = app.features["bookmarks"]
        assert feature.store is None
        assert "in use by another program" in app.window.statusBar().currentMessage()   # English interface
        assert not app.window.actions.bookmark.isEnabled()
    finally:
        _release(child)
    _untouched(path, ids)
