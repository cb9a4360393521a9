"""`gazette-reader --self-test`, as CI and the packaged reader run it."""
import re

from conftest import run_cli


def test_self_test_opens_the_first_policy_with_its_interpretation(tmp_path):
    r = run_cli("--self-test", "--db", "data/gazette.db", env_extra={"GAZETTE_READER_DATA": str(tmp_path)})
    out = r.stdout.decode()
    assert r.returncode == 0, r.stderr.decode()
    assert re.search(r"^self-test ok: issues=1 documents=10 interpretations=3 .*split=True "
                     r"features=bookmarks,import,print,search,status first_paint_ms=[\d.]+ first_paint_at=[\d.]+$", out, re.M)
    assert "全民健身" in out


def test_without_db_the_shipped_library_is_copied_to_the_user_folder(tmp_path):
    r = run_cli("--self-test", env_extra={"GAZETTE_READER_DATA": str(tmp_path)})
    assert r.returncode == 0, r.stderr.decode()
    assert (tmp_path / "library.db").exists() and (tmp_path / "user.db").exists()


def test_a_broken_library_fails_with_one_line(tmp_path):
    bad = tmp_path / "bad.db"
    bad.write_bytes(b"not a database" * 100)
    r = run_cli("--self-test", "--db", str(bad), env_extra={"GAZETTE_READER_DATA": str(tmp_path)})
    assert r.returncode != 0
    err = [l for l in r.stderr.decode().splitlines() if l.startswith("gazette-reader:")]
    assert len(err) == 1 and "bad.db" in err[0]
    missing = run_cli("--self-test", "--db", str(tmp_path / "nowhere.db"),
                      env_extra={"GAZETTE_READER_DATA": str(tmp_path)})
    assert missing.returncode != 0 and "找不到公报库" in missing.stderr.decode()


def test_self_test_prints_no_qt_platform_noise(tmp_path):
    r = run_cli("--self-test", "--db", "data/gazette.db", env_extra={"GAZETTE_READER_DATA": str(tmp_path),
                                                                     "QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 0
    err = r.stderr.decode()
    assert "QBackingStore" not in err and "propagateSizeHints" not in err, err
