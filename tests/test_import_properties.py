"""Mutated samples: the importer either imports completely and conserves every
character, or refuses for a reason it can name and leaves the library untouched; and a
mutation that keeps the document whole (whitespace, line breaks, encoding) always imports,
with the same documents."""
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
        k = rnd.randrange(len(data) + 1)          # + 1: an emptied file still gets its bytes
        data = data[:k] + bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 16))) + data[k:]
    return data


# What a refusal of a damaged file may say (the start of the message).
REASONS = ("文件为空", "不是文本文件", "无法识别文字编码", "文字编码有误", "不是政府公报", "不是公文",
           "文件在第", "文件不完整")

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
        # A refusal must say what is wrong with the file. A parser crash or a failed character
        # check also ends as ImportRefused ("无法解析…", "未导入：解析结果与原文核对不符…"): those
        # are bugs of the importer, not of the file, and must not count as a pass.
        assert str(e).startswith(REASONS), f"refused for no known reason: {e} (seed={seed}, ops={ops})"
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


# -- mutations that keep the document whole ---------------------------------------------

SPACES = (" ", "  ", "\t", "\u3000", "\u00a0", " \u3000")
ENCODINGS = ("utf-8", "utf-8-sig", "gb18030", "utf-16", "utf-16-le")


def _identity(result) -> list[tuple]:
    docs = [d for top in result.documents() for d in top.walk()] if isinstance(result, Issue) \
        else list(result.document.walk())
    return [(d.key, d.kind, d.title, d.doc_number, d.code, d.date, d.author) for d in docs]


SAMPLE_IDENTITY = _identity(parse_file(SAMPLE).result)


def _reformat(seed: int, ops: list[str]) -> bytes:
    rnd = random.Random(seed)
    lines = list(LINES)
    newline = "\n"
    encoding = "utf-8"
    for op in ops:
        if op == "trailing":                     # spaces, tabs, NBSP, 全角空格 after lines
            for i in rnd.sample(range(len(lines)), rnd.randint(1, 200)):
                lines[i] += rnd.choice(SPACES)
        elif op == "blank":                      # more blank lines where there already is one
            blanks = [i for i, ln in enumerate(lines) if not ln.strip()]
            for i in sorted(rnd.sample(blanks, rnd.randint(1, 40)), reverse=True):
                lines[i:i] = [""] * rnd.randint(1, 3)
        elif op == "blank-spaces":               # blank lines that hold only whitespace
            for i in [i for i, ln in enumerate(lines) if not ln.strip()]:
                if rnd.random() < 0.3:
                    lines[i] = rnd.choice(SPACES)
        elif op == "crlf":
            newline = "\r\n"
        elif op == "cr":
            newline = "\r"
        elif op == "final-newline":
            lines.append("")
        elif op == "encoding":
            encoding = rnd.choice(ENCODINGS)
    return newline.join(lines).encode(encoding)


WHOLE_OPS = st.lists(st.sampled_from(["trailing", "blank", "blank-spaces", "crlf", "cr", "final-newline", "encoding"]),
                     min_size=1, max_size=5)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 10**9), ops=WHOLE_OPS)
def test_whitespace_line_break_and_encoding_changes_always_import(tmp_path, seed, ops):
    src = tmp_path / f"w{seed}.txt"
    src.write_bytes(_reformat(seed, ops))
    try:
        parsed = parse_file(src)
    except ImportRefused as e:
        pytest.fail(f"a whole document was refused: {e} (seed={seed}, ops={ops})")
    r = parsed.result
    check = check_issue(parsed.text, r) if isinstance(r, Issue) else check_standalone(parsed.text, r)
    assert check.ok, check.first_difference
    assert _identity(r) == SAMPLE_IDENTITY                   # same documents, 文号, titles, dates


@pytest.mark.parametrize("encoding", ENCODINGS)
def test_every_encoding_imports_the_same_documents(tmp_path, encoding):
    src = tmp_path / f"{encoding}.txt"
    src.write_bytes(TEXT.encode(encoding))
    assert _identity(parse_file(src).result) == SAMPLE_IDENTITY


def test_a_file_emptied_by_truncation_still_gets_its_stray_bytes(tmp_path):
    """The draw that used to raise in _mutate (randrange(0) on an emptied file)."""
    seed = next(s for s in range(100_000) if random.Random(s).randrange(len(LINES)) == 0)
    data = _mutate(seed, ["truncate", "bytes"])              # truncated to nothing, then bytes put in
    assert 1 <= len(data) <= 16 + 3                           # the stray bytes (and at most a BOM)
    src = tmp_path / "stray.txt"
    src.write_bytes(data)
    with pytest.raises(ImportRefused) as refused:
        parse_file(src)
    assert str(refused.value).startswith(REASONS), str(refused.value)
