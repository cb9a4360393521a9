"""Mutated samples: the importer either imports completely and conserves every
character, or refuses with its own error and leaves the library untouched."""
import hashlib
import random
import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.core.conservation import check_issue, check_standalone
from reader.core.errors import ImportRefused
from reader.core.importer import parse_file, store
from reader.core.model import Issue
from reader.core.store.writer import LibraryWriter

from conftest import SAMPLE

TEXT = SAMPLE.read_text(encoding="utf-8")
LINES = TEXT.split("\n")


def _mutate(seed: int, ops: list[str]) -> bytes:
    rnd = random.Random(seed)
    lines = list(LINES)
    for op in ops:
        if not lines:
            break
        i = rnd.randrange(len(lines))
        if op == "delete":
            del lines[i:i + rnd.randint(1, 30)]
        elif op == "duplicate":
            lines[i:i] = lines[i:i + rnd.randint(1, 20)]
        elif op == "swap":
            j = rnd.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        elif op == "truncate":
            lines = lines[:i]
        elif op == "garble":
            s = lines[i]
            k = rnd.randrange(len(s) + 1)
            lines[i] = s[:k] + "".join(chr(rnd.randrange(0x20, 0x9fff)) for _ in range(rnd.randint(1, 8))) + s[k:]
        elif op == "split":
            s = lines[i]
            k = rnd.randrange(len(s) + 1)
            lines[i:i + 1] = [s[:k], "", s[k:]]
        elif op == "header":
            lines.insert(i, rnd.choice(["市政府办文件", "— 12 —", "发布政令 公开政务 指导工作 服务社会", "【市政府文件】"]))
    data = "\n".join(lines).encode(rnd.choice(["utf-8", "gb18030", "utf-16"]))
    if "bytes" in ops:
        k = rnd.randrange(len(data))
        data = data[:k] + bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 16))) + data[k:]
    return data


OPS = st.lists(st.sampled_from(["delete", "duplicate", "swap", "truncate", "garble", "split", "header", "bytes"]),
               min_size=1, max_size=4)


@pytest.fixture(scope="module")
def base_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("prop") / "base.db"
    w = LibraryWriter(path)
    w.close()
    return path


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**9), ops=OPS)
def test_mutated_samples_import_whole_or_not_at_all(tmp_path, base_db, seed, ops):
    src = tmp_path / f"m{seed}.txt"
    src.write_bytes(_mutate(seed, ops))
    db = tmp_path / f"m{seed}.db"
    shutil.copyfile(base_db, db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    try:
        parsed = parse_file(src)
        w = LibraryWriter(db)
        try:
            n = store(w, parsed)
        finally:
            w.close()
    except ImportRefused as e:
        assert str(e) and "\n" not in str(e)
        assert hashlib.sha256(db.read_bytes()).hexdigest() == before
        return
    # Imported: then completely, and without losing a character.
    r = parsed.result
    check = check_issue(parsed.text, r) if isinstance(r, Issue) else check_standalone(parsed.text, r)
    assert check.ok, check.first_difference
    expected = sum(1 for top in r.documents() for _ in top.walk()) if isinstance(r, Issue) else \
        sum(1 for _ in r.document.walk())
    assert n == expected
    import sqlite3
    c = sqlite3.connect(db)
    assert c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert c.execute("SELECT count(*) FROM documents").fetchone()[0] == expected
    c.close()


def test_a_failure_in_the_middle_of_writing_leaves_nothing(tmp_path, monkeypatch, base_db):
    db = tmp_path / "x.db"
    shutil.copyfile(base_db, db)
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    parsed = parse_file(SAMPLE)
    w = LibraryWriter(db)
    real = w._add_document
    calls = []

    def flaky(doc, ids, *a, **k):
        calls.append(doc.key)
        if len(calls) == 6:
            raise OSError("disk full (simulated)")
        return real(doc, ids, *a, **k)

    monkeypatch.setattr(w, "_add_document", flaky)
    with pytest.raises(OSError):
        store(w, parsed)
    w.close()
    assert len(calls) == 6
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before
