"""Schema versions: an older user.db is upgraded with its data, atomically, after a backup."""
import json
import sqlite3

import pytest

from reader.core.location import Location
from reader.core.paths import user_db_path
from reader.core.userdata import ATTACHED, DETACHED, INSTRUCTION, Anchor, open_user_data
from reader.core.userdata import migrations
from reader.core.userdata.migrations import UserDataTooNew

A = "0f8fad5b-d9cb-469f-a165-70867728950e"
B = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
C = "16fd2706-8baf-433b-82eb-8c7fada847da"


def write_v1(path):
    """A version-1 user.db as that version wrote it (schema copied here on purpose, not imported)."""
    c = sqlite3.connect(path)
    c.executescript("""
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
        CREATE TABLE bookmarks (
            id TEXT PRIMARY KEY, doc_key TEXT NOT NULL, block INTEGER, start INTEGER, "end" INTEGER,
            quote TEXT NOT NULL DEFAULT '', prefix TEXT NOT NULL DEFAULT '', suffix TEXT NOT NULL DEFAULT '',
            note TEXT NOT NULL DEFAULT '', note_type TEXT NOT NULL DEFAULT 'note',
            tags TEXT NOT NULL DEFAULT '[]', color TEXT NOT NULL DEFAULT '#ffd54f',
            status TEXT NOT NULL DEFAULT 'attached', fingerprint TEXT NOT NULL DEFAULT '',
            created TEXT NOT NULL, updated TEXT NOT NULL);
        CREATE INDEX bookmarks_doc ON bookmarks(doc_key);
        CREATE TABLE read_marks (doc_key TEXT PRIMARY KEY, marked TEXT NOT NULL);
        CREATE TABLE positions (doc_key TEXT PRIMARY KEY, block INTEGER NOT NULL, "offset" INTEGER NOT NULL,
                                updated TEXT NOT NULL);
        PRAGMA application_id = 1199198820;
        PRAGMA user_version = 1;
    """)
    rows = [
        (A, "公报/2022/5-6/永政发〔2022〕6号/附件1", 6, 2, 9, "配置均衡、规", "按照", "模适当", "**落实**\n第二行",
         "instruction", json.dumps(["体育", "督办"], ensure_ascii=False), "#ff8800", "moved", "ab" * 32,
         "2025-01-02T03:04:05.000006Z", "2025-02-03T04:05:06.000007Z"),
        (B, "公报/2022/5-6/永政人〔2022〕12号", None, None, None, "", "", "", "", "note", "[]", "#ffd54f",
         "attached", "", "2025-01-01T00:00:00.000000Z", "2025-01-01T00:00:00.000000Z"),
        (C, "文件/国发〔2024〕1号", 3, 0, 4, "全面推进", "", "", "旧笔记", "todo", "不是JSON的标签", "#123456",
         "detached", "", "2025-03-01T00:00:00.000000Z", "2025-03-01T00:00:00.000000Z"),
    ]
    c.executemany("INSERT INTO bookmarks VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows)
    c.execute("INSERT INTO read_marks VALUES ('公报/2022/5-6/永政人〔2022〕12号', '2025-01-05T00:00:00.000000Z')")
    c.execute("INSERT INTO positions VALUES ('公报/2022/5-6/永政发〔2022〕6号', 14, 30, '2025-01-06T00:00:00.000000Z')")
    c.execute("INSERT INTO meta VALUES ('anchored_build', 'abc')")
    c.commit()
    c.close()


def test_fresh_database_is_at_the_current_version():
    s = open_user_data().store
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT == 3
    assert s.conn.execute("PRAGMA application_id").fetchone()[0] == migrations.APPLICATION_ID
    s.close()


def test_version_1_with_data_is_migrated_and_nothing_is_lost():
    path = user_db_path()
    write_v1(path)
    opened = open_user_data()
    s = opened.store
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == migrations.CURRENT
    assert opened.notice is None and opened.aside is None

    a = s.get(A)
    assert a.anchor == Anchor(6, 2, 9, "配置均衡、规", "按照", "模适当")
    assert (a.note, a.note_type, a.tags, a.color, a.status) == ("**落实**\n第二行", INSTRUCTION, ("体育", "督办"),
                                                               "#ff8800", "moved")
    assert (a.created, a.updated, a.fingerprint, a.deleted, a.doc_title) == (
        "2025-01-02T03:04:05.000006Z", "2025-02-03T04:05:06.000007Z", "ab" * 32, None, "")
    b = s.get(B)
    assert b.anchor is None and b.status == ATTACHED and b.tags == ()
    c = s.get(C)
    assert c.tags == ("不是JSON的标签",) and c.status == DETACHED      # unreadable tags kept as text
    assert len(s.bookmarks()) == 3
    assert [(t.tag, t.count) for t in s.tags()] == [("不是JSON的标签", 1), ("体育", 1), ("督办", 1)]
    assert s.read_mark("公报/2022/5-6/永政人〔2022〕12号").when == "2025-01-05T00:00:00.000000Z"
    assert s.position("公报/2022/5-6/永政发〔2022〕6号") == Location("公报/2022/5-6/永政发〔2022〕6号", 14, 30)
    assert s.meta("anchored_build") == "abc"
    # the new features work on migrated rows
    s.delete(A)
    assert [x.id for x in s.trash()] == [A]
    assert s.update(C, tags=["新"]).tags == ("新",)

    # a copy of the version-1 file was kept before upgrading
    assert opened.backup is not None and opened.backup.exists()
    old = sqlite3.connect(opened.backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT count(*) FROM bookmarks").fetchone()[0] == 3
    old.close()
    s.close()


def test_opening_again_does_not_migrate_or_back_up_again():
    write_v1(user_db_path())
    first = open_user_data()
    first.store.close()
    second = open_user_data()
    assert second.backup is None
    assert len(second.store.bookmarks()) == 3
    second.store.close()


def test_a_failing_step_leaves_the_old_version_and_its_data(monkeypatch):
    path = user_db_path()
    write_v1(path)

    def broken_step(conn):
        migrations._step_2_tag_table_trash_titles(conn)
        raise RuntimeError("power cut half-way")

    with monkeypatch.context() as m:       # (monkeypatch.undo() would also drop GAZETTE_READER_DATA)
        m.setattr(migrations, "STEPS", (migrations._step_1_initial, broken_step))
        with pytest.raises(RuntimeError):
            open_user_data()
    c = sqlite3.connect(path)
    assert c.execute("PRAGMA user_version").fetchone()[0] == 1
    assert c.execute("SELECT count(*) FROM bookmarks").fetchone()[0] == 3
    assert "tags" in [r[1] for r in c.execute("PRAGMA table_info(bookmarks)")]
    assert c.execute("SELECT count(*) FROM sqlite_master WHERE name = 'bookmark_tags'").fetchone()[0] == 0
    c.close()
    s = open_user_data().store                 # and the real upgrade still works afterwards
    assert s.get(A).tags == ("体育", "督办")
    s.close()


def test_a_database_from_a_newer_program_is_refused_and_left_alone():
    path = user_db_path()
    c = sqlite3.connect(path)
    c.execute("CREATE TABLE bookmarks (id TEXT)")
    c.execute(f"PRAGMA application_id = {migrations.APPLICATION_ID}")
    c.execute("PRAGMA user_version = 7")
    c.commit()
    c.close()
    before = path.read_bytes()
    with pytest.raises(UserDataTooNew, match="7"):
        open_user_data()
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir() if p.name.startswith("user")) == ["user.db"]


def test_version_2_gains_the_done_time_of_a_todo_and_keeps_everything():
    write_v1(user_db_path())
    s = open_user_data().store       # 1 → current
    s.close()
    c = sqlite3.connect(user_db_path())     # make it a genuine version-2 file: drop the column again
    c.execute("ALTER TABLE bookmarks DROP COLUMN done")
    c.execute("PRAGMA user_version = 2")
    c.commit()
    c.close()
    s = open_user_data().store
    assert s.conn.execute("PRAGMA user_version").fetchone()[0] == 3
    todo = s.get(C)
    assert todo.note_type == "todo" and todo.done is None and todo.note == "旧笔记"
    ticked = s.set_done(C, True)
    assert ticked.done is not None and ticked.updated > todo.updated
    assert [b.id for b in s.bookmarks(done=True)] == [C]
    assert C not in [b.id for b in s.bookmarks(done=False)]
    assert s.set_done(C, False).done is None
    s.close()
