"""The user database's API: bookmarks, trash and undo, tags, 圈阅 marks, positions, filters."""
import sqlite3
import subprocess
import sys
import threading

import pytest

from conftest import ROOT
from reader.core.location import Location
from reader.core.paths import user_db_path
from reader.core.userdata import (ATTACHED, DEFAULT_COLOR, INSTRUCTION, NOTE, NOTE_TYPE_LABELS, TODO, Anchor,
                                  BookmarkNotFound, open_user_data)

DOC = "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"
PLAN = DOC + "/附件1"


@pytest.fixture
def store():
    s = open_user_data().store
    yield s
    s.close()


def test_opens_user_db_in_the_data_folder_durably(store, tmp_path):
    assert store.path == user_db_path()
    assert store.path.exists()
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA synchronous").fetchone()[0] == 2      # FULL
    assert store.conn.in_transaction is False                               # nothing left pending


def test_add_get_and_every_field(store):
    a = Anchor(6, 2, 10, "配置均衡、规模", "按照", "适当")
    b = store.add(PLAN, a, fingerprint="f" * 64, doc_title="永州市全民健身实施计划", note="**要落实**",
                  note_type=INSTRUCTION, tags=["体育", " 场地 ", "体育", ""], color="#FF8800")
    assert len(b.id) == 36 and b.id.count("-") == 4
    assert (b.doc_key, b.anchor, b.note, b.note_type) == (PLAN, a, "**要落实**", INSTRUCTION)
    assert b.tags == ("体育", "场地")
    assert b.color == "#ff8800"
    assert b.status == ATTACHED and b.fingerprint == "f" * 64 and b.deleted is None
    assert b.created == b.updated and b.created.endswith("Z")
    assert b.note_type_label == "批示" and NOTE_TYPE_LABELS[TODO] == "待办"
    assert b.location == Location(PLAN, 6, 2, 8)
    assert store.get(b.id) == b
    # a fresh connection reads the same thing: it was committed, not just cached
    again = open_user_data().store
    assert again.get(b.id) == b
    again.close()


def test_whole_document_bookmark(store):
    b = store.add(DOC, doc_title="通知")
    assert b.anchor is None and not b.is_passage and b.quote == ""
    assert b.location == Location(DOC)
    assert b.color == DEFAULT_COLOR and b.note_type == NOTE
    assert store.get(b.id).anchor is None


def test_update_changes_only_what_is_given_and_moves_updated_forward(store):
    b = store.add(DOC, Anchor(0, 0, 2, "永州"), note="一", tags=["甲"])
    u = store.update(b.id, note="二")
    assert (u.note, u.tags, u.color, u.note_type, u.anchor) == ("二", ("甲",), b.color, b.note_type, b.anchor)
    assert u.updated > b.updated and u.created == b.created
    u2 = store.update(b.id, tags=("乙", "丙"), color="#00aa00", note_type=TODO)
    assert (u2.tags, u2.color, u2.note_type, u2.note) == (("乙", "丙"), "#00aa00", TODO, "二")
    assert store.update(b.id, note="二") == u2               # no change, no new time
    assert store.get(b.id) == u2


def test_invalid_values_are_refused_and_nothing_is_written(store):
    with pytest.raises(ValueError):
        store.add(DOC, note_type="memo")
    with pytest.raises(ValueError):
        store.add(DOC, color="red")
    with pytest.raises(ValueError):
        store.add(DOC, Anchor(0, 5, 2, "x"))
    assert store.bookmarks() == []
    b = store.add(DOC)
    with pytest.raises(ValueError):
        store.update(b.id, color="javascript:1")
    assert store.get(b.id) == b
    with pytest.raises(BookmarkNotFound):
        store.update("no-such-id", note="x")


def test_delete_goes_to_trash_and_restore_undoes_it(store):
    keep = store.add(DOC, note="留下")
    b = store.add(DOC, Anchor(1, 0, 4, "为深入贯"), note="重要批示", tags=["甲"])
    gone = store.delete(b.id)
    assert gone.deleted is not None and gone.id == b.id and gone.note == "重要批示"
    assert [x.id for x in store.bookmarks()] == [keep.id]
    assert [x.id for x in store.trash()] == [b.id]
    assert store.tags() == []                                   # trashed tags are not offered
    assert store.counts_by_document() == {DOC: 1}
    back = store.restore(b.id)
    assert back.deleted is None and (back.note, back.tags, back.anchor) == (b.note, b.tags, b.anchor)
    assert {x.id for x in store.bookmarks()} == {keep.id, b.id}
    assert store.trash() == []


def test_undo_survives_a_restart(store):
    b = store.add(DOC, note="跨重启撤销")
    store.delete(b.id)
    store.close()
    s2 = open_user_data().store
    assert s2.restore(b.id).note == "跨重启撤销"
    s2.close()


def test_purge_removes_for_good_and_put_brings_back_the_same_bookmark(store):
    b = store.add(DOC, Anchor(1, 0, 4, "为深入贯"), note="n", tags=["甲", "乙"])
    removed = store.purge(b.id)
    assert removed == b and store.get(b.id) is None
    assert store.conn.execute("SELECT count(*) FROM bookmark_tags").fetchone()[0] == 0
    assert store.put(removed) == b
    assert store.get(b.id) == b


def test_list_by_document_in_reading_order_and_all_newest_first(store):
    late = store.add(PLAN, Anchor(9, 0, 2, "ab"))
    early = store.add(PLAN, Anchor(2, 5, 7, "cd"))
    same_block = store.add(PLAN, Anchor(2, 1, 3, "ef"))
    whole = store.add(PLAN)
    other = store.add(DOC)
    assert [b.id for b in store.bookmarks(PLAN)] == [whole.id, same_block.id, early.id, late.id]
    assert [b.id for b in store.bookmarks()] == [other.id, whole.id, same_block.id, early.id, late.id]
    store.update(late.id, note="edited")
    assert store.bookmarks()[0].id == late.id


def test_filter_by_chinese_substring_of_note_quote_title_or_tag(store):
    a = store.add(PLAN, Anchor(6, 0, 12, "按照配置均衡、规模适当、方"), note="请体育局牵头落实", doc_title="全民健身实施计划")
    b = store.add(DOC, note="与财政局会商经费", tags=["经费保障"])
    c = store.add(DOC, note="100% 完成_率", doc_title="通知")
    ids = lambda **kw: {x.id for x in store.bookmarks(**kw)}
    assert ids(text="体育局") == {a.id}
    assert ids(text="规模适当") == {a.id}                 # in the quoted passage
    assert ids(text="健身实施") == {a.id}                 # in the document title
    assert ids(text="保障") == {b.id}                     # in a tag
    assert ids(text="局") == {a.id, b.id}
    assert ids(text="财政 局") == set()                   # exact substring, no tokenising
    assert ids(text="%") == {c.id} and ids(text="_") == {c.id}   # no LIKE wildcards
    assert ids(text="体育局", doc_key=DOC) == set()


def test_filter_ignores_case_for_latin_letters_only(store):
    a = store.add(DOC, note="见 PPP 项目清单")
    store.add(DOC, note="Ärger")
    assert [x.id for x in store.bookmarks(text="ppp")] == [a.id]
    assert len(store.bookmarks(text="Ärger")) == 1


def test_filter_by_tag_type_and_status_and_tag_counts(store):
    a = store.add(DOC, note_type=TODO, tags=["督办", "体育"])
    b = store.add(DOC, note_type=INSTRUCTION, tags=["督办"])
    store.add(DOC)
    assert {x.id for x in store.bookmarks(tag="督办")} == {a.id, b.id}
    assert [x.id for x in store.bookmarks(note_type=TODO)] == [a.id]
    assert len(store.bookmarks(status=ATTACHED)) == 3
    assert [(t.tag, t.count) for t in store.tags()] == [("督办", 2), ("体育", 1)]


def test_read_marks(store):
    assert store.read_mark(DOC) is None
    m = store.mark_read(DOC)
    assert m.doc_key == DOC and m.when.endswith("Z")
    assert store.read_mark(DOC) == m
    assert store.read_marks() == {DOC: m}
    assert store.clear_read(DOC) == m
    assert store.read_mark(DOC) is None and store.clear_read(DOC) is None
    store.put_read_mark(m)                                      # undo of clear_read
    assert store.read_mark(DOC) == m


def test_positions_per_document_and_the_last_one(store):
    assert store.position(DOC) is None and store.last_position() is None
    store.set_position(Location(DOC, 12, 30, 5))
    store.set_position(Location(PLAN, 3, 0))
    assert store.position(DOC) == Location(DOC, 12, 30)         # length is not a position
    assert store.last_position() == Location(PLAN, 3, 0)
    store.set_position(Location(DOC, 14, 2))
    assert store.position(DOC) == Location(DOC, 14, 2)
    assert store.last_position() == Location(DOC, 14, 2)


def test_listeners_hear_each_committed_change(store):
    heard = []
    stop = store.subscribe(heard.append)
    b = store.add(DOC)
    store.update(b.id, note="x")
    store.delete(b.id)
    store.restore(b.id)
    store.mark_read(DOC)
    stop()
    store.update(b.id, note="y")
    assert [(c.kind, c.ids, c.doc_keys) for c in heard] == [
        ("added", (b.id,), (DOC,)), ("updated", (b.id,), (DOC,)), ("deleted", (b.id,), (DOC,)),
        ("restored", (b.id,), (DOC,)), ("read", (), (DOC,))]


def test_worker_threads_and_the_gui_thread_share_one_store(store):
    errors = []

    def work(n):
        try:
            for i in range(25):
                b = store.add(DOC, note=f"线程{n}-{i}")
                store.update(b.id, tags=[f"t{n}"])
                store.bookmarks(text="线程")
        except Exception as e:   # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(store.bookmarks()) == 100
    assert {(t.tag, t.count) for t in store.tags()} == {(f"t{n}", 25) for n in range(4)}


def test_a_second_process_sees_each_save_at_once(store):
    b = store.add(DOC, note="别的进程也看得到")
    code = ("from reader.core.userdata import open_user_data\n"
            f"print(open_user_data().store.get({b.id!r}).note)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "别的进程也看得到", r.stderr


def test_importing_user_data_loads_neither_markdown_nor_sqlite_utils():
    code = ("import sys\nimport reader.core.userdata, reader.core.userdata.store\n"
            "print(sorted(m for m in ('markdown', 'sqlite_utils', 'PySide6') if m in sys.modules))")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.stdout.strip() == "[]", r.stderr


def test_user_db_is_separate_from_the_content_library(store, library_copy):
    store.add(DOC)
    names = {r[0] for r in sqlite3.connect(library_copy).execute("SELECT name FROM sqlite_master")}
    assert "bookmarks" not in names
    assert store.path != library_copy
