"""`gazette-reader import` and `dump`, run as a person would, in a child process."""
import hashlib
import json
import os

import pytest

from conftest import SAMPLE, run_cli


def _dump(db):
    r = run_cli("dump", "--db", str(db))
    assert r.returncode == 0, r.stderr.decode()
    return json.loads(r.stdout)


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else None


@pytest.fixture(scope="module")
def imported(tmp_path_factory):
    db = tmp_path_factory.mktemp("cli") / "x.db"
    r = run_cli("import", str(SAMPLE), "--db", str(db))
    assert r.returncode == 0, r.stderr.decode()
    return db, _dump(db)


def test_import_then_dump_shows_the_issue(imported):
    _, data = imported
    assert len(data["issues"]) == 1 and data["documents"] == []
    issue = data["issues"][0]
    assert issue["label"] == "2022年第5-6期（总第154—155期）"
    assert issue["publication"] == "永州市人民政府公报"
    assert (issue["year"], issue["numbers"], issue["cumulative"]) == (2022, [5, 6], [154, 155])
    assert [s["name"] for s in issue["sections"]] == ["市政府文件", "市政府办文件", "人事任免"]
    docs = [d for s in issue["sections"] for d in s["documents"]]
    assert [d["date"] for d in docs] == ["2022-06-13", "2022-05-05", "2022-05-23", "2022-06-03"]
    assert [d["page"] for d in docs] == [3, 10, 17, 23]
    assert [d["doc_number"] for d in docs] == ["永政发〔2022〕6号", "永政办发〔2022〕8号", "永政办发〔2022〕9号", "永政人〔2022〕12号"]
    assert [d["code"] for d in docs] == ["YZCR-2022-00004", "YZCR-2022-01005", "YZCR-2022-01006", None]
    interps = [(d["title"], i["author"]) for d in docs for i in d["interpretations"]]
    assert len(interps) == 3 and all(i["kind"] == "interpretation" for d in docs for i in d["interpretations"])
    assert any("永政办发[2022]6 号" in w and "永政办发〔2022〕9号" in w for w in issue["warnings"])
    furniture = {d["text"] for d in issue["dropped"]}
    assert furniture == {"市政府办文件", "发布政令 公开政务 指导工作 服务社会"}
    for d in docs:
        for x in [d] + d["attachments"] + d["interpretations"]:
            assert len(x["fingerprint"]) == 64 and x["key"]
            for b in x["blocks"]:
                assert set(b) >= {"kind", "text"} and ("level" in b) == (b["kind"] == "heading")
                assert not any(f in b["text"] for f in furniture)


def test_importing_the_same_issue_again_is_refused_unless_replace(imported, tmp_path):
    db, before = imported
    copy = tmp_path / "x.db"
    copy.write_bytes(db.read_bytes())
    digest = _digest(copy)
    r = run_cli("import", str(SAMPLE), "--db", str(copy))
    assert r.returncode == 1
    lines = r.stderr.decode().strip().splitlines()
    assert len(lines) == 1 and "--replace" in lines[0]
    assert _digest(copy) == digest
    r = run_cli("import", str(SAMPLE), "--db", str(copy), "--replace")
    assert r.returncode == 0, r.stderr.decode()
    assert _dump(copy) == before


@pytest.mark.parametrize("variant", ["gb18030", "utf-16", "utf-8-sig", "crlf", "utf-16-le-nobom"])
def test_encodings_and_line_ends_give_the_same_dump(imported, tmp_path, variant):
    _, want = imported
    text = SAMPLE.read_text(encoding="utf-8")
    src = tmp_path / variant / SAMPLE.name
    src.parent.mkdir()
    if variant == "crlf":
        src.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    elif variant == "utf-16-le-nobom":
        src.write_bytes(text.encode("utf-16-le"))
    else:
        src.write_bytes(text.encode(variant))
    db = tmp_path / "v.db"
    r = run_cli("import", str(src), "--db", str(db))
    assert r.returncode == 0, r.stderr.decode()
    assert _dump(db) == want


def _bad_inputs(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8")
    cases = {
        "empty.txt": b"",
        "blank.txt": b" \n\n\t \n",
        "binary.bin": bytes(range(256)) * 64,
        "image.png": b"\x89PNG\r\n\x1a\n" + os.urandom(4096),
        "novel.txt": ("第一回　宴桃园豪杰三结义　斩黄巾英雄首立功\n\n话说天下大势，分久必合，合久必分。\n" * 40).encode(),
        "english.txt": b"Minutes of the meeting.\nNothing here is a gazette.\n" * 50,
        "cut.txt": text[: len(text) * 2 // 3].encode("utf-8"),
        "cut-at-signature.txt": text[: text.index("2022年6月3日")].encode("utf-8"),
        "latin1.txt": "Caf\xe9 \xe0 la cr\xe8me \xff\xfe".encode("latin-1") * 10 + b"\x81\x30",
    }
    paths = {}
    for name, data in cases.items():
        p = tmp_path / name
        p.write_bytes(data)
        paths[name] = p
    big = tmp_path / "big.txt"
    with open(big, "wb") as f:        # 50 MB of a real text repeated
        chunk = text.encode("utf-8")
        while f.tell() < 50 * 1024 * 1024:
            f.write(chunk)
    paths["big.txt"] = big
    return paths


def test_bad_inputs_are_refused_in_one_line_and_change_nothing(imported, tmp_path):
    db, before = imported
    copy = tmp_path / "lib.db"
    copy.write_bytes(db.read_bytes())
    digest = _digest(copy)
    for name, path in _bad_inputs(tmp_path).items():
        r = run_cli("import", str(path), "--db", str(copy))
        err = r.stderr.decode().strip().splitlines()
        assert r.returncode != 0, name
        assert len(err) == 1 and err[0].startswith("gazette-reader:"), (name, err)
        assert "Traceback" not in r.stderr.decode()
        assert _digest(copy) == digest, name
    # A refused file never creates a library either.
    fresh = tmp_path / "never.db"
    r = run_cli("import", str(tmp_path / "empty.txt"), "--db", str(fresh))
    assert r.returncode != 0 and not fresh.exists()


def test_a_corrupt_library_file_is_refused_cleanly(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"this is not sqlite" * 100)
    digest = _digest(bad)
    r = run_cli("import", str(SAMPLE), "--db", str(bad))
    assert r.returncode == 2 and len(r.stderr.decode().strip().splitlines()) == 1
    assert _digest(bad) == digest


def test_standalone_documents_import_outside_any_issue(tmp_path, corpus_files):
    db = tmp_path / "s.db"
    picks = [p for p in corpus_files if p.name in ("guoling-707.txt", "guohan-2018-144.txt", "guofa-2019-004.txt")]
    r = run_cli("import", *map(str, picks), "--db", str(db))
    assert r.returncode == 0, r.stderr.decode()
    data = _dump(db)
    assert data["issues"] == []
    got = {d["doc_number"]: (d["title"], d["issuer"], d["date"], d["kind"]) for d in data["documents"]}
    assert got["国令第707号"] == ("中华人民共和国个人所得税法实施条例", "国务院", "2018-12-18", "order")
    assert got["国函〔2018〕144号"][2:] == ("2018-11-20", "reply")
    assert got["国发〔2019〕4号"][0] == "国务院关于印发国家职业教育改革实施方案的通知"


def test_dry_run_without_db_compares_with_the_library_the_import_uses(tmp_path):
    env = {"GAZETTE_READER_DATA": str(tmp_path)}
    dry = run_cli("import", str(SAMPLE), "--dry-run", env_extra=env)
    assert dry.returncode == 0, dry.stderr.decode()
    assert not (tmp_path / "library.db").exists()          # the dry run created nothing
    real = run_cli("import", str(SAMPLE), env_extra=env)
    assert real.returncode == 1 and "库中已有" in real.stderr.decode()      # the shipped issue, copied
    verdict = dry.stdout.decode().splitlines()[2]
    assert "库中已有" in verdict and "导入将新增" not in dry.stdout.decode(), verdict


def test_dry_run_into_a_closed_pipe_ends_quietly(tmp_path):
    import subprocess
    import sys
    from conftest import ROOT
    env = dict(os.environ, GAZETTE_READER_DATA=str(tmp_path), PYTHONPATH=str(ROOT))
    p = subprocess.run(f"{sys.executable} -m reader import {SAMPLE} {SAMPLE} --dry-run | head -1",
                       shell=True, capture_output=True, cwd=ROOT, env=env, timeout=120)
    assert p.stdout.decode().startswith("导入预览") and "Traceback" not in p.stderr.decode(), p.stderr.decode()


def test_the_import_line_counts_documents_as_the_report_does(tmp_path):
    db = tmp_path / "x.db"
    dry = run_cli("import", str(SAMPLE), "--db", str(db), "--dry-run").stdout.decode()
    real = run_cli("import", str(SAMPLE), "--db", str(db)).stdout.decode()
    assert "4 件文件" in dry and "4 件文件" in real          # the same count of documents
    assert "共 10 篇入库" in real                             # and what "10" is, said
