"""Issue 13 items 6, 8 and 9: a full disk, a read-only folder, crafted bookmark files and
odd command lines give one line (or a dialog that keeps the note), never a traceback."""
from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import time
from types import SimpleNamespace

import pytest

from conftest import ROOT, SAMPLE, run_cli
from reader.core.userdata import open_user_data
from reader.core.userdata.bookmarks import clean_tags
from reader.core.userdata.exchange import ExchangeRefused, parse_export

GOOD = {
    "id": "0f8fad5b-d9cb-469f-a165-70867728950e", "doc_key": "文件/国发〔2024〕1号", "doc_title": "标题",
    "anchor": {"block": 1, "start": 0, "end": 2, "quote": "全面", "prefix": "", "suffix": ""},
    "status": "attached", "fingerprint": "", "note": "笔记", "note_type": "note", "tags": ["a"],
    "color": "#ffd54f", "created": "2024-01-01T00:00:00.000000Z", "updated": "2024-01-02T00:00:00.000000Z",
    "deleted": None,
}


def _file(*records) -> str:
    return json.dumps({"format": "gazette-reader-bookmarks", "version": 1, "bookmarks": list(records)})


def _bad(**fields) -> dict:
    rec = json.loads(json.dumps(GOOD))
    rec["id"] = "7c9e6679-7425-40de-944b-e07fc1f90ae7"
    for k, v in fields.items():
        if k.startswith("anchor_"):
            rec["anchor"][k[7:]] = v
        else:
            rec[k] = v
    return rec


def _deep(levels: int):
    v: object = 1
    for _ in range(levels):
        v = [v]
    return v


# -- item 8: every field of an imported bookmark is checked --------------------------------

BAD_RECORDS = {
    "updated far future (undeletable)": _bad(updated="9999-12-31T23:59:59.999999Z"),
    "created before 1900": _bad(created="1899-12-31T23:59:59Z"),
    "deleted after 2200": _bad(deleted="2201-01-01T00:00:00Z"),
    "year 1 with an offset": _bad(created="0001-01-01T00:00:00+05:00"),
    "huge block": _bad(anchor_block=10 ** 30),
    "huge end": _bad(anchor_end=2 ** 63),
    "negative start": _bad(anchor_start=-1),
    "float block": _bad(anchor_block=1.5),
    "bool block": _bad(anchor_block=True),
    "long note": _bad(note="长" * 300_000),
    "long doc_key": _bad(doc_key="k" * 5000),
    "long quote": _bad(anchor_quote="q" * 50_000),
    "too many tags": _bad(tags=[f"t{i}" for i in range(5000)]),
    "tag not a string": _bad(tags=["a", 3]),
    "unknown status": _bad(status="owned"),
    "fingerprint a number": _bad(fingerprint=12),
    "doc_title a list": _bad(doc_title=["x"]),
    "timestamp not a string": _bad(updated=20240101),
    "nested tags": _bad(tags=_deep(20)),
    "nested note": _bad(note=_deep(20)),
}


@pytest.mark.parametrize("name", sorted(BAD_RECORDS))
def test_a_bad_field_refuses_the_file_naming_the_record(name):
    with pytest.raises(ExchangeRefused) as e:
        parse_export(_file(GOOD, BAD_RECORDS[name]))
    msg = str(e.value)
    assert msg.startswith("第 2 条书签无效") and "\n" not in msg and len(msg) < 300, msg


def test_deep_nesting_is_refused_not_a_recursion_error():
    text = '{"format": "gazette-reader-bookmarks", "version": 1, "bookmarks": ' + "[" * 100_000 + "]" * 100_000 + "}"
    with pytest.raises(ExchangeRefused, match="嵌套过深"):
        parse_export(text)


def test_a_valid_file_still_imports_and_every_bookmark_stays_editable(tmp_path):
    store = open_user_data(tmp_path / "user.db").store
    marks, reads = parse_export(_file(GOOD, _bad(updated="2199-12-31T23:59:59.999999Z")))
    store.merge(marks, reads)
    for b in store.all_bookmarks():
        store.update(b.id, note="改")
        store.delete(b.id)
    assert all(b.deleted for b in store.all_bookmarks())
    store.close()


# -- item 9: one line, never a traceback -----------------------------------------------------

@pytest.mark.parametrize("name", ["updated far future (undeletable)", "huge block", "year 1 with an offset",
                                  "nested tags"])
def test_cli_bookmarks_import_of_a_crafted_file_is_one_line(name, tmp_path):
    f = tmp_path / "crafted.json"
    f.write_text(_file(GOOD, BAD_RECORDS[name]), encoding="utf-8")
    r = run_cli("bookmarks", "import", str(f), env_extra={"GAZETTE_READER_DATA": str(tmp_path / "data")})
    err = r.stderr.decode().strip()
    assert r.returncode == 1 and "Traceback" not in err and err.count("\n") == 0, err


def test_cli_bookmarks_import_of_a_deeply_nested_file_is_one_line(tmp_path):
    f = tmp_path / "deep.json"
    f.write_text('{"format": "gazette-reader-bookmarks", "version": 1, "bookmarks": '
                 + "[" * 200_000 + "]" * 200_000 + "}", encoding="utf-8")
    r = run_cli("bookmarks", "import", str(f), env_extra={"GAZETTE_READER_DATA": str(tmp_path / "data")})
    err = r.stderr.decode().strip()
    assert r.returncode == 1 and "Traceback" not in err and err.count("\n") == 0, err


@pytest.fixture
def read_only_user_data(monkeypatch):
    """user.db that SQLite may read but not write, as on a read-only data folder (root ignores chmod)."""
    from reader.core.userdata import db
    real = db._connect

    def connect(path):
        conn = real(path)
        conn.execute("PRAGMA query_only = ON")
        return conn
    monkeypatch.setattr(db, "_connect", connect)


def test_cli_bookmarks_import_on_a_read_only_data_folder_is_one_line(read_only_user_data, tmp_path, capsys):
    from reader.core.userdata.cli import run_import
    f = tmp_path / "ok.json"
    f.write_text(_file(GOOD), encoding="utf-8")
    assert run_import(SimpleNamespace(file=str(f), db_sub=None)) == 1
    err = capsys.readouterr().err.strip()
    assert err.count("\n") == 0 and "只读" in err, err


def test_the_user_data_api_raises_its_own_error_when_the_disk_is_full(tmp_path):
    from reader.core.userdata import DiskFull
    store = open_user_data(tmp_path / "user.db").store
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")     # SQLite answers SQLITE_FULL, as on a full disk
    with pytest.raises(DiskFull):
        store.add("文件/x", note="满" * 200_000)
    assert store.all_bookmarks() == []
    store.conn.execute("PRAGMA max_page_count = 1073741823")
    assert store.add("文件/x", note="有空间了").note == "有空间了"
    store.close()


@pytest.fixture
def full_disk_on_first_copy(monkeypatch, tmp_path):
    import reader.core.userlibrary as ul

    def no_space(*a, **k):
        raise OSError(errno.ENOSPC, "No space left on device")
    monkeypatch.setattr(ul.shutil, "copyfile", no_space)
    monkeypatch.setenv("GAZETTE_READER_DATA", str(tmp_path / "fresh"))


@pytest.mark.parametrize("argv", [["dump"], ["import", str(SAMPLE)], ["bookmarks", "export", "x.json"]])
def test_first_run_copy_on_a_full_disk_is_one_line(full_disk_on_first_copy, argv, capsys, tmp_path):
    from reader.cli import main
    if argv[0] == "bookmarks":
        argv = ["bookmarks", "export", str(tmp_path / "x.json")]
    code = main(argv)
    err = capsys.readouterr().err.strip()
    if argv[0] == "bookmarks":          # bookmarks work without the library: only a note about citations
        assert code == 0 and "磁盘已满" in err
        return
    assert code == 2 and "磁盘已满" in err and err.count("\n") == 0, err


def test_self_test_on_a_full_disk_is_one_line(full_disk_on_first_copy, qapp, capsys):
    from reader.cli import main
    assert main(["--self-test"]) == 1
    err = capsys.readouterr().err.strip()
    assert "磁盘已满" in err and err.count("\n") == 0, err


def test_dry_run_into_a_closed_pipe_is_quiet():
    p = subprocess.Popen([sys.executable, "-m", "reader", "import", "--dry-run", str(SAMPLE), str(SAMPLE)],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    p.stdout.close()              # `| head` that has read enough before anything was written
    err = p.stderr.read().decode()
    p.wait(timeout=60)
    assert "Traceback" not in err and "BrokenPipe" not in err, err


def test_a_hundred_thousand_tags_are_cleaned_in_linear_time():
    tags = [f"标签{i}" for i in range(30_000)] + ["标签1", "  标签2 "]
    t0 = time.perf_counter()
    out = clean_tags(tags)
    assert time.perf_counter() - t0 < 1.0
    assert len(out) == 30_000 and out[:3] == ("标签0", "标签1", "标签2")


def test_self_test_passes_when_settings_say_split_false(tmp_path, built_library):
    data = tmp_path / "data"
    data.mkdir()
    (data / "settings.ini").write_text("[preferences]\nsplit=false\n", encoding="utf-8")
    r = run_cli("--self-test", "--db", str(built_library), env_extra={"GAZETTE_READER_DATA": str(data)})
    assert r.returncode == 0 and b"self-test ok" in r.stdout, r.stdout + r.stderr


def test_an_interrupted_schema_upgrade_leaves_no_partial_backup(tmp_path, monkeypatch):
    from test_userdata_migrations import write_v1
    from reader.core.userdata import db
    path = tmp_path / "user.db"
    write_v1(path)

    def killed(conn, target):
        target.write_bytes(b"SQLite format 3\x00" + b"\x00" * 1000)     # half written …
        raise KeyboardInterrupt                                           # … when the upgrade is stopped
    monkeypatch.setattr(db, "_copy_into", killed)
    with pytest.raises(KeyboardInterrupt):
        open_user_data(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["user.db"]
    # A part left by a SIGKILL is removed on the next open, which backs up and upgrades properly.
    (tmp_path / "user.v1-backup-20250101T000000Z.db.partial").write_bytes(b"part")
    monkeypatch.undo()
    opened = open_user_data(path)
    names = sorted(p.name for p in tmp_path.iterdir() if "backup" in p.name)
    assert len(names) == 1 and not names[0].endswith(".partial") and opened.backup.name == names[0]
    opened.store.close()


def test_a_bookmark_planted_at_the_end_of_time_by_an_older_version_can_still_be_deleted(tmp_path):
    import sqlite3
    store = open_user_data(tmp_path / "user.db").store
    b = store.add("文件/x", note="种下的")
    with sqlite3.connect(tmp_path / "user.db") as c:          # as an import before validation could store it
        c.execute("UPDATE bookmarks SET updated = '9999-12-31T23:59:59.999999Z' WHERE id = ?", (b.id,))
    assert store.update(b.id, note="改了").note == "改了"
    assert store.delete(b.id).deleted is not None
    store.close()
