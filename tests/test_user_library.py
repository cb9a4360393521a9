"""The shipped library is read-only; the user's copy takes imports and merges newer shipped builds.

Tests run as root in CI, where chmod stops no write. So besides making the shipped
folder read-only, an audit hook records every file the code opens, renames, removes
or re-stamps and every SQLite connection it makes: the shipped file may only be
read (``open(..., "rb")``, ``mode=ro`` URIs), and its bytes and times must not change.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import stat
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLE, run_cli
from reader.core.build import build_library
from reader.core.importer import parse_file, store
from reader.core.library import Library
from reader.core.paths import user_library_path
from reader.core.store.writer import LibraryWriter
from reader.core.userlibrary import SHIPPED_BUILD, SHIPPED_SOURCES, ensure_user_library

# -- watching what touches the shipped folder ------------------------------------------

_watched: list[tuple[Path, list]] = []   # (folder, events seen)
_WRITE_FLAGS = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND


def _inside(arg, folder: Path) -> bool:
    if isinstance(arg, int) or arg is None:
        return False
    try:
        text = os.fsdecode(arg)
    except TypeError:
        return False
    if text.startswith("file:"):
        text = text[5:].split("?", 1)[0]
        from urllib.parse import unquote
        text = unquote(text)
    try:
        return Path(text).resolve().is_relative_to(folder)
    except (OSError, ValueError):
        return False


def _hook(event, args):
    if not _watched or event not in ("open", "os.rename", "os.replace", "os.remove", "os.unlink", "os.rmdir",
                                     "os.chmod", "os.utime", "os.truncate", "shutil.copyfile", "shutil.move",
                                     "sqlite3.connect"):
        return
    for folder, seen in _watched:
        if event == "shutil.copyfile":       # (src, dst): reading the source is fine
            if _inside(args[1], folder):
                seen.append((event, args))
        elif any(_inside(a, folder) for a in args[:2]):
            seen.append((event, args))


sys.addaudithook(_hook)


@contextmanager
def watching(folder: Path):
    seen: list = []
    _watched.append((folder.resolve(), seen))
    try:
        yield seen
    finally:
        _watched.pop()


def _assert_only_read(seen):
    for event, args in seen:
        if event == "open":
            path, mode, flags = args
            if mode is not None:
                assert not set(str(mode)) & set("wax+"), (event, args)
            else:
                assert not flags & _WRITE_FLAGS, (event, args)
        elif event == "sqlite3.connect":
            db = os.fsdecode(args[0])
            assert db.startswith("file:") and "mode=ro" in db, (event, args)
        else:
            raise AssertionError(f"the shipped library was touched: {event} {args}")


# -- helpers ----------------------------------------------------------------------------

def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _state(path: Path):
    st = path.stat()
    return _digest(path), st.st_mtime_ns, st.st_size, stat.S_IMODE(st.st_mode)


def _readonly(folder: Path) -> None:
    for p in folder.iterdir():
        p.chmod(0o444)
    folder.chmod(0o555)


@pytest.fixture
def shipped_folders(tmp_path):
    """Makes read-only 'program folders' and opens them up again for cleanup."""
    made: list[Path] = []

    def make(name: str, sources: Path, extra_source: tuple[str, str] | None = None) -> Path:
        folder = tmp_path / name
        folder.mkdir()
        build_library(sources, folder / "gazette.db")
        if extra_source:      # a source text the program cannot parse (any more)
            c = sqlite3.connect(folder / "gazette.db")
            c.execute("INSERT INTO sources(sha256, name, kind, text) VALUES (?, ?, 'issue', ?)",
                      (hashlib.sha256(extra_source[1].encode()).hexdigest(), *extra_source))
            c.commit()
            c.close()
        _readonly(folder)
        made.append(folder)
        return folder / "gazette.db"
    yield make
    for folder in made:
        folder.chmod(0o755)
        for p in folder.iterdir():
            p.chmod(0o644)


def synthetic_issue(text: str, year: int, number: str, cumulative: str) -> str:
    """Another issue made from the sample: its own year, number, 总期号, 文号, codes and dates."""
    text = text.replace("2022 年第 5-6 期", f"{year} 年第 {number} 期").replace("154—155", cumulative)
    return text.replace("2022", str(year)) if year != 2022 else text


def _sources(tmp_path: Path, name: str, texts: dict[str, str]) -> Path:
    folder = tmp_path / name
    folder.mkdir()
    for file, text in texts.items():
        (folder / file).write_text(text, encoding="utf-8")
    return folder


def _fingerprints(db: Path) -> dict[str, str]:
    lib = Library(db)
    try:
        out = {}
        for info in lib.issues():
            for s in lib.sections(info.key):
                for d in lib.section_documents(s.id):
                    for k in [d] + lib.children(d.key):
                        out[k.key] = lib.document(k.key).fingerprint
        return out
    finally:
        lib.close()


def _labels(db: Path) -> list[str]:
    lib = Library(db)
    try:
        return sorted(i.label for i in lib.issues())
    finally:
        lib.close()


def _import(db: Path, path: Path, replace: bool = False) -> None:
    w = LibraryWriter(db)
    try:
        store(w, parse_file(path), replace=replace)
    finally:
        w.close()


@pytest.fixture(scope="module")
def texts(sample_text):
    return {
        "shipped-2022-7.txt": synthetic_issue(sample_text, 2022, "7", "156"),
        "user-2023-1.txt": synthetic_issue(sample_text, 2023, "1", "157"),
    }


# -- first run ----------------------------------------------------------------------------

def test_synthetic_issues_are_issues_of_their_own(texts):
    from reader.core.importer import parse_text
    a = parse_text(texts["user-2023-1.txt"], "x")
    assert (a.key, a.label) == ("永州市人民政府公报/2023/1", "2023年第1期（总第157期）")
    assert [d.doc_number for d in a.documents()] == ["永政发〔2023〕6号", "永政办发〔2023〕8号", "永政办发〔2023〕9号",
                                                    "永政人〔2023〕12号"]


def test_first_run_copies_a_read_only_shipped_library(shipped_folders, sample_text, tmp_path):
    shipped = shipped_folders("program", _sources(tmp_path, "src", {SAMPLE.name: sample_text}))
    before = _state(shipped)
    with watching(shipped.parent) as seen:
        user = ensure_user_library(shipped)
    _assert_only_read(seen)
    assert any(e == "sqlite3.connect" for e, _ in seen)     # the hook did see the reads
    assert _state(shipped) == before
    assert user == user_library_path() and user.parent == Path(os.environ["GAZETTE_READER_DATA"])
    assert os.access(user, os.W_OK) and user.stat().st_mode & stat.S_IWUSR
    assert Library(user).dump() == Library(shipped).dump()
    lib = Library(user)
    assert lib.meta(SHIPPED_BUILD) == Library(shipped).meta("build_id")
    assert len(json.loads(lib.meta(SHIPPED_SOURCES))) == 1
    assert sorted(p.name for p in user.parent.iterdir()) == ["library.db"]   # no temporary file left
    assert sorted(p.name for p in shipped.parent.iterdir()) == ["gazette.db"]


def test_imports_go_into_the_user_library(shipped_folders, sample_text, texts, tmp_path):
    shipped = shipped_folders("program", _sources(tmp_path, "src", {SAMPLE.name: sample_text}))
    before = _state(shipped)
    user = ensure_user_library(shipped)
    with watching(shipped.parent) as seen:
        _import(user, _sources(tmp_path, "mine", texts) / "user-2023-1.txt")
        assert ensure_user_library(shipped) == user     # a second start changes nothing
    _assert_only_read(seen)
    assert _state(shipped) == before
    assert _labels(user) == ["2022年第5-6期（总第154—155期）", "2023年第1期（总第157期）"]
    assert _labels(shipped) == ["2022年第5-6期（总第154—155期）"]


def test_the_command_line_imports_into_the_user_library_not_the_shipped_one(tmp_path, texts):
    shipped = ROOT / "data" / "gazette.db"
    before = _state(shipped)
    src = _sources(tmp_path, "mine", texts) / "user-2023-1.txt"
    data = tmp_path / "data"
    r = run_cli("import", str(src), env_extra={"GAZETTE_READER_DATA": str(data)})
    assert r.returncode == 0, r.stderr.decode()
    assert _state(shipped) == before
    assert _labels(data / "library.db") == ["2022年第5-6期（总第154—155期）", "2023年第1期（总第157期）"]


def test_a_missing_or_foreign_shipped_library_gives_an_empty_user_library(tmp_path):
    user = ensure_user_library(tmp_path / "nowhere.db", tmp_path / "u" / "library.db")
    assert Library(user).counts()["issues"] == 0
    bogus = tmp_path / "bogus.db"
    bogus.write_bytes(b"not a database" * 100)
    user2 = ensure_user_library(bogus, tmp_path / "u2" / "library.db")
    assert Library(user2).counts()["issues"] == 0


# -- upgrades -----------------------------------------------------------------------------

def test_a_newer_shipped_build_adds_its_issues_and_keeps_the_users(shipped_folders, sample_text, texts, tmp_path):
    v1 = shipped_folders("v1", _sources(tmp_path, "src1", {SAMPLE.name: sample_text}))
    user = ensure_user_library(v1)
    keys_before = _fingerprints(user)
    _import(user, _sources(tmp_path, "mine", texts) / "user-2023-1.txt")
    v2 = shipped_folders("v2", _sources(tmp_path, "src2", {SAMPLE.name: sample_text,
                                                           "shipped-2022-7.txt": texts["shipped-2022-7.txt"]}))
    assert Library(v2).meta("build_id") != Library(v1).meta("build_id")
    before = _state(v2)
    with watching(v2.parent) as seen:
        ensure_user_library(v2)
    _assert_only_read(seen)
    assert _state(v2) == before
    assert _labels(user) == ["2022年第5-6期（总第154—155期）", "2022年第7期（总第156期）", "2023年第1期（总第157期）"]
    after = _fingerprints(user)
    assert {k: after[k] for k in keys_before} == keys_before      # bookmarks on the old issue still hold
    assert Library(user).meta(SHIPPED_BUILD) == Library(v2).meta("build_id")
    digest = _digest(user)
    ensure_user_library(v2)                                         # nothing new: not even opened for writing
    assert _digest(user) == digest


def test_an_upgrade_keeps_the_users_own_version_and_their_removals(shipped_folders, sample_text, texts, tmp_path):
    v1 = shipped_folders("v1", _sources(tmp_path, "src1", {SAMPLE.name: sample_text,
                                                           "shipped-2022-7.txt": texts["shipped-2022-7.txt"]}))
    user = ensure_user_library(v1)
    # The user corrects the 5-6 issue with their own text and removes 第7期.
    own = sample_text.replace("任职时间从试用之日起计算。", "任职时间从试用期满之日起计算。")
    _import(user, _sources(tmp_path, "mine", {"corrected.txt": own}) / "corrected.txt", replace=True)
    w = LibraryWriter(user)
    assert w.remove_issue("永州市人民政府公报/2022/7")
    w.close()
    mine = _fingerprints(user)
    v2 = shipped_folders("v2", _sources(tmp_path, "src2", {SAMPLE.name: sample_text,
                                                           "shipped-2022-7.txt": texts["shipped-2022-7.txt"],
                                                           "user-2023-1.txt": texts["user-2023-1.txt"]}))
    ensure_user_library(v2)
    assert _labels(user) == ["2022年第5-6期（总第154—155期）", "2023年第1期（总第157期）"]
    after = _fingerprints(user)
    assert {k: after[k] for k in mine} == mine                      # the user's corrected text stayed


def test_an_upgrade_replaces_shipped_copies_the_user_never_touched(shipped_folders, sample_text, tmp_path):
    v1 = shipped_folders("v1", _sources(tmp_path, "src1", {SAMPLE.name: sample_text}))
    user = ensure_user_library(v1)
    fixed = sample_text.replace("任职时间从试用之日起计算。", "任职时间从试用期满之日起计算。")
    v2 = shipped_folders("v2", _sources(tmp_path, "src2", {SAMPLE.name: fixed}))
    ensure_user_library(v2)
    assert _fingerprints(user) == _fingerprints(v2)


def test_an_unparsable_shipped_source_does_not_stop_the_upgrade(shipped_folders, sample_text, texts, tmp_path):
    v1 = shipped_folders("v1", _sources(tmp_path, "src1", {SAMPLE.name: sample_text}))
    user = ensure_user_library(v1)
    v2 = shipped_folders("v2", _sources(tmp_path, "src2", {SAMPLE.name: sample_text,
                                                           "shipped-2022-7.txt": texts["shipped-2022-7.txt"]}),
                         extra_source=("0-broken.txt", "这不是公报。\n"))
    ensure_user_library(v2)
    assert _labels(user) == ["2022年第5-6期（总第154—155期）", "2022年第7期（总第156期）"]


def test_a_library_from_before_shipped_sources_were_recorded_still_merges(shipped_folders, sample_text, texts,
                                                                          tmp_path):
    v1 = shipped_folders("v1", _sources(tmp_path, "src1", {SAMPLE.name: sample_text}))
    user = ensure_user_library(v1)
    c = sqlite3.connect(user)
    c.execute("DELETE FROM meta WHERE key = ?", (SHIPPED_SOURCES,))
    c.commit()
    c.close()
    v2 = shipped_folders("v2", _sources(tmp_path, "src2", {SAMPLE.name: sample_text,
                                                           "shipped-2022-7.txt": texts["shipped-2022-7.txt"]}))
    ensure_user_library(v2)
    assert _labels(user) == ["2022年第5-6期（总第154—155期）", "2022年第7期（总第156期）"]
    assert json.loads(Library(user).meta(SHIPPED_SOURCES))


def test_an_old_schema_user_library_is_rebuilt_with_the_users_imports(shipped_folders, sample_text, texts,
                                                                      tmp_path):
    v1 = shipped_folders("v1", _sources(tmp_path, "src1", {SAMPLE.name: sample_text}))
    user = ensure_user_library(v1)
    _import(user, _sources(tmp_path, "mine", texts) / "user-2023-1.txt")
    keys = _fingerprints(user)
    c = sqlite3.connect(user)
    c.execute("UPDATE meta SET value = '0' WHERE key = 'schema_version'")
    c.commit()
    c.close()
    ensure_user_library(v1)
    assert len(list(user.parent.glob("library.db.old-*"))) == 1      # kept aside, never deleted
    assert _fingerprints(user) == keys
    assert Library(user).meta(SHIPPED_BUILD) == Library(v1).meta("build_id")


def test_a_schema_3_library_with_plain_sources_is_rebuilt_compressed(shipped_folders, sample_text, texts,
                                                                     tmp_path):
    # Schema 3 kept sources as plain text and had no trigram index: the rebuild reads them
    # and the new file keeps them compressed, and finds 3-character terms in the trigram index.
    from reader.core.search.engine import SearchEngine
    from reader.core.store import schema
    v1 = shipped_folders("v1", _sources(tmp_path, "src1", {SAMPLE.name: sample_text}))
    user = ensure_user_library(v1)
    _import(user, _sources(tmp_path, "mine", texts) / "user-2023-1.txt")
    keys = _fingerprints(user)
    c = sqlite3.connect(user)
    for sha, blob in c.execute("SELECT sha256, text FROM sources").fetchall():
        c.execute("UPDATE sources SET text = ? WHERE sha256 = ?", (schema.source_text(blob), sha))
    c.execute("DROP TABLE search_tri")
    c.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    c.commit()
    c.close()
    ensure_user_library(v1)
    assert _fingerprints(user) == keys
    c = sqlite3.connect(user)
    kinds = {t for (t,) in c.execute("SELECT typeof(text) FROM sources")}
    c.close()
    assert kinds == {"blob"}
    e = SearchEngine(user)
    assert e.search("全民健身").total > 0
    e.close()


# -- remove an issue and bring it back ------------------------------------------------------

def test_removing_and_reimporting_an_issue_gives_the_same_keys_and_fingerprints(library_copy):
    before = _fingerprints(library_copy)
    dump = Library(library_copy).dump()
    assert len(before) == 10
    w = LibraryWriter(library_copy)
    try:
        assert w.remove_issue("永州市人民政府公报/2022/5-6")
        assert not w.remove_issue("永州市人民政府公报/2022/5-6")
    finally:
        w.close()
    lib = Library(library_copy)
    assert lib.counts() == {"issues": 0, "documents": 0, "interpretations": 0, "blocks": 0}
    assert lib.conn.execute("SELECT count(*) FROM sources").fetchone()[0] == 0
    lib.close()
    _import(library_copy, SAMPLE)
    assert _fingerprints(library_copy) == before
    assert Library(library_copy).dump() == dump


def test_a_busy_library_is_an_error_not_a_reason_to_rebuild(shipped_folders, sample_text, tmp_path):
    from reader.core.errors import StoreError
    v1 = shipped_folders("busy", _sources(tmp_path, "srcb", {SAMPLE.name: sample_text}))
    user = ensure_user_library(v1)
    before = user.read_bytes()
    holder = sqlite3.connect(user, timeout=0.1)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        import pytest
        with pytest.raises(StoreError):
            ensure_user_library(v1)
    finally:
        holder.rollback()
        holder.close()
    assert not list(user.parent.glob("library.db.old*")) and user.read_bytes() == before


def test_a_library_from_a_newer_program_is_left_alone(shipped_folders, sample_text, tmp_path):
    from reader.core.errors import StoreError
    import pytest
    v1 = shipped_folders("newer", _sources(tmp_path, "srcn", {SAMPLE.name: sample_text}))
    user = ensure_user_library(v1)
    c = sqlite3.connect(user)
    c.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    c.commit()
    c.close()
    with pytest.raises(StoreError):
        ensure_user_library(v1)
    assert not list(user.parent.glob("library.db.old*"))
