"""Moving bookmarks between machines (JSON) and reading them elsewhere (Markdown, HTML)."""
import json
import re

import pytest

from conftest import run_cli
from reader.core.library import Library
from reader.core.userdata import DETACHED, INSTRUCTION, MOVED, TODO, open_user_data
from reader.core.userdata.anchoring import make_anchor
from reader.core.userdata.exchange import (ExchangeRefused, export_html, export_json, export_markdown,
                                           import_text, parse_export)

ISSUE = "永州市人民政府公报/2022/5-6"
NOTICE = ISSUE + "/永政发〔2022〕6号"
PLAN = NOTICE + "/附件1"
LABEL = "2022年第5-6期（总第154—155期）"
PLAN_CITE = "《永州市全民健身实施计划(2022—2025年)》（永政发〔2022〕6号）"
HOSTILE = "<script>alert(1)</script> 见 <img src=http://evil.example/x.png> **务必**"


@pytest.fixture
def lib(built_library):
    library = Library(built_library)
    yield library
    library.close()


@pytest.fixture
def home(lib):
    """Profile A: the default user.db with a mix of bookmarks."""
    store = open_user_data().store
    plan = lib.document(PLAN)
    quote_at = plan.blocks[6].text.index("科学规划和统筹建设")
    store.add(PLAN, make_anchor(plan.blocks, 6, quote_at, quote_at + 9), fingerprint=plan.fingerprint,
              doc_title=plan.title, note="请体育局**牵头**", note_type=INSTRUCTION, tags=["体育", "督办"],
              color="#ff8800")
    notice = lib.document(NOTICE)
    store.add(NOTICE, None, fingerprint=notice.fingerprint, doc_title=notice.title, note="整篇圈注", note_type=TODO)
    store.add("文件/不存在〔2099〕1号", None, doc_title="<b>坏标题</b>", note=HOSTILE)
    trashed = store.add(PLAN, make_anchor(plan.blocks, 1, 0, 6), fingerprint=plan.fingerprint, note="已删")
    store.delete(trashed.id)
    store.mark_read(NOTICE)
    yield store
    store.close()


@pytest.fixture
def away(tmp_path):
    """Profile B: another machine's empty user.db."""
    store = open_user_data(tmp_path / "away" / "user.db").store
    yield store
    store.close()


def test_export_then_import_into_an_empty_profile_gives_the_same_bookmarks(home, away, lib):
    text = export_json(home, lib)
    report = import_text(away, text)
    everything = home.all_bookmarks()
    assert len(everything) == 4
    assert set(report.added) == {b.id for b in everything} and report.updated == report.unchanged == ()
    for b in everything:
        assert away.get(b.id) == b                      # every field, trash state included
    assert len(away.bookmarks()) == 3 and len(away.trash()) == 1
    assert away.read_marks() == home.read_marks() and report.read_marks_added == 1


def test_importing_the_same_file_twice_changes_nothing(home, away, lib):
    text = export_json(home, lib)
    import_text(away, text)
    before = away.all_bookmarks()
    heard = []
    away.subscribe(heard.append)
    report = import_text(away, text)
    assert (report.added, report.updated, report.read_marks_added) == ((), (), 0)
    assert len(report.unchanged) == 4
    assert report.summary() == "新增 0 条，更新 0 条，未变 4 条"
    assert away.all_bookmarks() == before and heard == []


def test_the_newer_edit_wins_in_both_directions(home, away, lib):
    first = export_json(home, lib)
    import_text(away, first)
    target = home.bookmarks(PLAN)[0]

    away.update(target.id, note="在另一台电脑上改过", tags=["体育", "已办"])
    report = import_text(home, export_json(away, lib))
    assert report.updated == (target.id,) and len(report.unchanged) == 3
    assert home.get(target.id).note == "在另一台电脑上改过" and home.get(target.id).tags == ("体育", "已办")

    home.update(target.id, note="回到本机又改")
    report = import_text(away, export_json(home, lib))
    assert report.updated == (target.id,)
    assert away.get(target.id).note == "回到本机又改"

    report = import_text(home, first)                   # an old file never undoes a later edit
    assert report.updated == () and home.get(target.id).note == "回到本机又改"


def test_deleting_travels_and_stays_undoable(home, away, lib):
    import_text(away, export_json(home, lib))
    target = home.bookmarks(NOTICE)[0]
    home.delete(target.id)
    import_text(away, export_json(home, lib))
    assert away.get(target.id).deleted is not None
    assert away.restore(target.id).note == "整篇圈注"


def test_selected_bookmarks_only(home, lib):
    one = home.bookmarks(PLAN)[0]
    data = json.loads(export_json(home, lib, ids=[one.id]))
    assert [r["id"] for r in data["bookmarks"]] == [one.id]
    assert "read_marks" not in data


def test_json_records_carry_anchor_and_citation(home, lib):
    data = json.loads(export_json(home, lib))
    assert data["format"] == "gazette-reader-bookmarks" and data["version"] == 1
    assert data["library_build"] == lib.meta("build_id")
    rec = next(r for r in data["bookmarks"] if r["note_type"] == INSTRUCTION)
    assert rec["anchor"]["quote"] == "科学规划和统筹建设" and rec["anchor"]["block"] == 6
    assert rec["tags"] == ["体育", "督办"] and rec["color"] == "#ff8800" and rec["note_type_label"] == "批示"
    cite = rec["citation"]
    assert (cite["title"], cite["doc_number"], cite["issue"], cite["page"]) == (
        "永州市全民健身实施计划(2022—2025年)", "永政发〔2022〕6号", LABEL, 3)
    assert cite["text"] == f"{PLAN_CITE}，《永州市人民政府公报》{LABEL}，第 3 页"
    missing = next(r for r in data["bookmarks"] if r["doc_key"].startswith("文件/不存在"))
    assert missing["citation"]["text"] == "《<b>坏标题</b>》"      # JSON is data: escaping is the reader's job


def test_export_without_a_library_still_has_everything_but_full_citations(home, away):
    text = export_json(home, None)
    rec = next(r for r in json.loads(text)["bookmarks"] if r["note_type"] == INSTRUCTION)
    assert rec["citation"]["text"] == "《永州市全民健身实施计划(2022—2025年)》" and rec["citation"]["page"] is None
    import_text(away, text)
    assert away.all_bookmarks() == home.all_bookmarks()


@pytest.mark.parametrize("text, message", [
    ("这不是 JSON", "不是有效的 JSON"),
    ("[1, 2]", "format"),
    ('{"format": "other", "version": 1, "bookmarks": []}', "format"),
    ('{"format": "gazette-reader-bookmarks", "version": 9, "bookmarks": []}', "版本为 9"),
    ('{"format": "gazette-reader-bookmarks", "version": 1}', "bookmarks"),
])
def test_unknown_files_are_refused_with_one_line(home, text, message):
    before = home.all_bookmarks()
    with pytest.raises(ExchangeRefused, match=message) as e:
        import_text(home, text)
    assert "\n" not in str(e.value)
    assert home.all_bookmarks() == before


def test_one_bad_record_refuses_the_whole_file(home, away, lib):
    data = json.loads(export_json(home, lib))
    data["bookmarks"][2]["color"] = "red; background:url(http://x)"
    with pytest.raises(ExchangeRefused, match="第 3 条书签无效"):
        import_text(away, json.dumps(data, ensure_ascii=False))
    assert away.all_bookmarks() == []
    for field, value in (("id", "x"), ("note_type", "memo"), ("updated", "yesterday"), ("tags", "a,b"),
                         ("anchor", {"block": -1, "start": 0, "end": 1, "quote": "x"}), ("doc_key", "")):
        bad = json.loads(export_json(home, lib))
        bad["bookmarks"][0][field] = value
        with pytest.raises(ExchangeRefused):
            parse_export(json.dumps(bad))


def test_markdown_export_has_citations_quotes_notes_and_no_raw_html(home, lib):
    md = export_markdown(home, lib)
    assert PLAN_CITE in md
    assert f"《永州市人民政府公报》{LABEL}，第 3 页" in md
    assert "> 科学规划和统筹建设" in md
    assert "请体育局**牵头**" in md                          # the note stays Markdown
    assert "已删" not in md                                  # the trash is not for reading
    assert "<script" not in md and "<img" not in md and "<b>" not in md
    assert "&lt;script>alert(1)&lt;/script>" in md and "&lt;b&gt;坏标题&lt;/b&gt;" in md
    assert md.count("\n## ") == 3


def test_html_export_is_self_contained_and_escaped(home, lib):
    page = export_html(home, lib)
    assert page.startswith("<!DOCTYPE html>") and 'charset="utf-8"' in page
    assert f"<h2>{PLAN_CITE}</h2>" in page
    assert f"《永州市人民政府公报》{LABEL}，第 3 页" in page
    assert "<blockquote>科学规划和统筹建设</blockquote>" in page
    assert "请体育局<strong>牵头</strong>" in page
    assert "border-left-color:#ff8800" in page
    assert "&lt;b&gt;坏标题&lt;/b&gt;" in page and "&lt;script&gt;" in page
    assert not re.search(r"<(script|img|link|iframe|object)\b", page, re.I)
    assert not re.search(r"<[^>]*\b(src|href)\s*=", page, re.I)     # every "<" left is a real tag
    assert "default-src 'none'" in page
    assert "已删" not in page


# -- the command line ---------------------------------------------------------------------
def test_cli_export_and_import_into_another_profile(home, tmp_path, built_library):
    out_json, out_md, out_html = tmp_path / "bm.json", tmp_path / "bm.md", tmp_path / "bm.txt"
    r = run_cli("bookmarks", "export", str(out_json), "--db", str(built_library))
    assert r.returncode == 0, r.stderr.decode()
    assert "已导出 4 条书签" in r.stdout.decode()
    assert json.loads(out_json.read_text(encoding="utf-8"))["bookmarks"][0]["citation"]["issue"]
    assert run_cli("bookmarks", "export", str(out_md), "--db", str(built_library)).returncode == 0
    assert PLAN_CITE in out_md.read_text(encoding="utf-8") and "\n## " in out_md.read_text(encoding="utf-8")
    assert run_cli("bookmarks", "export", str(out_html), "--format", "html", "--db", str(built_library)).returncode == 0
    assert out_html.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")

    other = {"GAZETTE_READER_DATA": str(tmp_path / "other")}
    r = run_cli("bookmarks", "import", str(out_json), "--db", str(built_library), env_extra=other)
    assert r.returncode == 0, r.stderr.decode()
    assert "新增 4 条，更新 0 条，未变 0 条" in r.stdout.decode()
    r = run_cli("bookmarks", "import", str(out_json), "--db", str(built_library), env_extra=other)
    assert "新增 0 条，更新 0 条，未变 4 条" in r.stdout.decode()

    moved = open_user_data(tmp_path / "other" / "user.db").store
    ids = {b.id: b for b in home.all_bookmarks()}
    assert {b.id for b in moved.all_bookmarks()} == set(ids)
    missing = next(b for b in moved.all_bookmarks() if b.doc_key.startswith("文件/不存在"))
    assert missing.status == DETACHED                  # import re-anchored against --db
    plan = next(b for b in moved.bookmarks(PLAN))
    assert plan.anchor == ids[plan.id].anchor and plan.note == ids[plan.id].note
    moved.close()


def test_cli_import_reanchors_offsets_from_a_different_build(home, tmp_path, built_library):
    out = tmp_path / "bm.json"
    assert run_cli("bookmarks", "export", str(out), "--db", str(built_library)).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    rec = next(r for r in data["bookmarks"] if r["note_type"] == INSTRUCTION)
    rec["anchor"]["block"], rec["fingerprint"] = 2, "from-another-build"   # as another machine's library had it
    out.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    other = {"GAZETTE_READER_DATA": str(tmp_path / "other")}
    assert run_cli("bookmarks", "import", str(out), "--db", str(built_library), env_extra=other).returncode == 0
    store = open_user_data(tmp_path / "other" / "user.db").store
    b = store.get(rec["id"])
    assert b.status == MOVED and b.anchor.block == 6 and b.anchor.quote == "科学规划和统筹建设"
    store.close()


def test_cli_refuses_a_bad_file_with_one_line_and_changes_nothing(home, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "gazette-reader-bookmarks", "version": 1, "bookmarks": [{"id": "nope"}]}',
                   encoding="utf-8")
    before = home.all_bookmarks()
    r = run_cli("bookmarks", "import", str(bad))
    assert r.returncode == 1
    err = r.stderr.decode().strip()
    assert err.count("\n") == 0 and "第 1 条书签无效" in err
    assert home.all_bookmarks() == before
    r = run_cli("bookmarks", "import", str(tmp_path / "missing.json"))
    assert r.returncode == 1 and r.stderr.decode().strip().count("\n") == 0


def test_cli_export_works_when_the_library_cannot_be_opened(home, tmp_path):
    out = tmp_path / "bm.md"
    r = run_cli("bookmarks", "export", str(out), "--db", str(tmp_path / "no-such.db"))
    assert r.returncode == 0, r.stderr.decode()
    assert "《永州市全民健身实施计划(2022—2025年)》" in out.read_text(encoding="utf-8")


def test_the_done_time_of_a_todo_travels_in_the_json_export():
    from reader.core.userdata import open_user_data
    from reader.core.userdata.exchange import export_json, parse_export
    s = open_user_data().store
    b = s.add("文件/国发〔2024〕1号", note="报送材料", note_type="todo")
    s.set_done(b.id, True)
    marks, _ = parse_export(export_json(s, None))
    assert [m.done for m in marks] == [s.get(b.id).done] and marks[0].done is not None
    s.close()


def test_a_lone_surrogate_in_the_file_is_refused_and_changes_nothing(home, away, lib):
    data = json.loads(export_json(home, lib))
    data["bookmarks"][0]["note"] = "\ud800"          # JSON spells it "\ud800": valid JSON, not storable text
    before = away.all_bookmarks()
    with pytest.raises(ExchangeRefused, match="U\\+D800"):
        import_text(away, json.dumps(data))
    assert away.all_bookmarks() == before
