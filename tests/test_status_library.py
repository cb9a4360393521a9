"""Status and relations through the library: imports in either order, updates at once, dump, CLI."""
from __future__ import annotations

import json

import pytest
from conftest import run_cli

from reader.core.importer import parse_file, store
from reader.core.library import Library
from reader.core.store.writer import LibraryWriter

OLD = """某市人民政府关于印发《某市道路管理办法》的通知
某政发〔2018〕3号
各区县人民政府，市政府各部门：
现将《某市道路管理办法》印发给你们，请认真贯彻执行。
本办法自2018年6月1日起施行，有效期5年。
某市人民政府
2018年5月20日
"""
REPEAL = """某市人民政府关于废止部分行政规范性文件的通知
某政发〔2021〕9号
各区县人民政府，市政府各部门：
经清理，市政府决定废止《某市道路管理办法》（某政发〔2018〕3号）。本通知自2021年3月1日起施行。
某市人民政府
2021年2月20日
"""
PLAN_2018 = """某市人民政府关于印发《某市全民健身实施计划（2018—2021年）》的通知
某政发〔2018〕7号
各区县人民政府：
现将《某市全民健身实施计划（2018—2021年）》印发给你们，请认真组织实施。
某市人民政府
2018年3月1日
"""
PLAN_2022 = PLAN_2018.replace("2018—2021", "2022—2025").replace("〔2018〕7号", "〔2022〕7号").replace(
    "2018年3月1日", "2022年3月1日")


def _import(db, tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    w = LibraryWriter(db)
    try:
        parsed = parse_file(p)
        store(w, parsed)
        return parsed.result.document.key
    finally:
        w.close()


@pytest.fixture
def db(tmp_path):
    return tmp_path / "lib.db"


def test_period_and_a_later_repeal_update_the_open_library_at_once(db, tmp_path):
    old = _import(db, tmp_path, "old.txt", OLD)
    lib = Library(db)
    s = lib.status(old, "2020-01-01")
    assert (s.state, s.since, s.until) == ("现行有效", "2018-06-01", "2023-05-31")
    assert {e.kind for e in s.evidence} == {"start", "period"}
    assert lib.status(old, "2018-05-31").state == "尚未施行"
    assert lib.status(old, "2024-12-31").state == "有效期届满"

    new = _import(db, tmp_path, "repeal.txt", REPEAL)        # the same Library object sees it
    s = lib.status(old, "2021-06-01")
    assert (s.state, s.since) == ("已废止", "2021-03-01")
    assert any(e.kind == "repeal" and e.doc_key == new for e in s.evidence)
    assert lib.status(old, "2021-02-28").state == "现行有效"
    # Already expired when … no: repealed before the end; as of 2024 both ends have come, the earlier wins.
    late = lib.status(old, "2024-12-31")
    assert late.state == "已废止" and late.warnings
    rel = {(r.kind, r.resolves_to) for r in lib.relations(old)}
    assert ("被废止", new) in rel
    assert ("废止", old) in {(r.kind, r.resolves_to) for r in lib.relations(new)}
    assert lib.status_index().last_read_documents <= 2      # only the new text was read


def test_a_repealed_text_imported_later_resolves(db, tmp_path):
    new = _import(db, tmp_path, "repeal.txt", REPEAL)
    lib = Library(db)
    [r] = [r for r in lib.relations(new) if r.kind == "废止"]
    assert r.resolves_to is None and "某政发〔2018〕3号" in r.target
    old = _import(db, tmp_path, "old.txt", OLD)
    [r] = [r for r in lib.relations(new) if r.kind == "废止"]
    assert r.resolves_to == old
    assert lib.status(old, "2022-01-01").state == "已废止"


def test_removing_the_repealer_restores_the_state(db, tmp_path):
    old = _import(db, tmp_path, "old.txt", OLD)
    new = _import(db, tmp_path, "repeal.txt", REPEAL)
    lib = Library(db)
    assert lib.status(old, "2022-01-01").state == "已废止"
    w = LibraryWriter(db)
    with w.db.atomic():
        w._delete_documents([w._doc_id(new)])
    w.close()
    assert lib.status(old, "2022-01-01").state == "现行有效"
    assert not [r for r in lib.relations(old) if r.kind == "被废止"]


def test_a_plan_replaces_the_one_of_the_previous_period(db, tmp_path):
    a = _import(db, tmp_path, "p18.txt", PLAN_2018)
    b = _import(db, tmp_path, "p22.txt", PLAN_2022)
    lib = Library(db)
    assert ("替代", a) in {(r.kind, r.resolves_to) for r in lib.relations(b)}
    assert ("被替代", b) in {(r.kind, r.resolves_to) for r in lib.relations(a)}


def test_a_text_that_says_nothing_is_unknown(db, tmp_path):
    key = _import(db, tmp_path, "p18.txt", PLAN_2018)
    s = Library(db).status(key, "2020-01-01")
    assert s.state == "状态不明" and not s.evidence


def test_dump_carries_status_and_relations_as_of(db, tmp_path):
    _import(db, tmp_path, "old.txt", OLD)
    _import(db, tmp_path, "repeal.txt", REPEAL)
    out = run_cli("dump", "--db", str(db), "--as-of", "2020-01-01")
    assert out.returncode == 0, out.stderr
    docs = {d["doc_number"]: d for d in json.loads(out.stdout)["documents"]}
    st = docs["某政发〔2018〕3号"]["status"]
    assert st["as_of"] == "2020-01-01" and st["state"] == "现行有效" and st["until"] == "2023-05-31"
    assert {"kind", "doc_key", "block", "text"} <= set(st["evidence"][0])
    rel = docs["某政发〔2021〕9号"]["relations"]
    assert {"kind": "废止", "resolves_to": docs["某政发〔2018〕3号"]["key"]}.items() <= rel[0].items()
    assert set(rel[0]) == {"kind", "target", "resolves_to", "block", "text"}
    later = json.loads(run_cli("dump", "--db", str(db), "--as-of", "2022-01-01").stdout)
    assert {d["doc_number"]: d for d in later["documents"]}["某政发〔2018〕3号"]["status"]["state"] == "已废止"
    bad = run_cli("dump", "--db", str(db), "--as-of", "2022-02-30")
    assert bad.returncode != 0 and "YYYY-MM-DD" in bad.stderr.decode()


def test_search_status_facet_and_filter(db, tmp_path):
    from reader.core.search.engine import SearchEngine
    from reader.core.search.results import Filters
    old = _import(db, tmp_path, "old.txt", OLD)
    new = _import(db, tmp_path, "repeal.txt", REPEAL)
    lib = Library(db)
    states = {k: s.state for k, s in lib.statuses("2022-01-01").items()}
    engine = SearchEngine(db, statuses=lambda: states)
    r = engine.search("道路管理办法")
    assert {h.info.key for h in r.hits} == {old, new}
    assert {f.value: f.count for f in r.facets["status"]} == {"已废止": 1, "状态不明": 1}
    only = engine.search("道路管理办法", Filters(states=("现行有效", "已被修改")))
    assert only.total == 0
    repealed = engine.search("道路管理办法", Filters(states=("已废止",)))
    assert [h.info.key for h in repealed.hits] == [old]
    # Without statuses (not computed yet) the facet is empty and "only in force" finds nothing yet.
    assert SearchEngine(db).search("道路管理办法").facets["status"] == ()
    assert SearchEngine(db).search("道路管理办法", Filters(states=("现行有效",))).total == 0


AMENDER = """某市人民政府关于修改《某市道路管理办法》的决定
某政发〔2020〕5号
各区县人民政府，市政府各部门：
市政府决定对《某市道路管理办法》（某政发〔2018〕3号）作如下修改：将第三条中的“市建设局”修改为“市住房城乡建设局”。
本决定自2020年3月1日起施行。
某市人民政府
2020年2月1日
"""
FORWARD = """某市人民政府办公厅关于转发《某市道路管理办法》的通知
某政办发〔2018〕20号
各区县人民政府，市政府各部门：
现将《某市道路管理办法》（某政发〔2018〕3号）转发给你们，请遵照执行。
某市人民政府办公厅
2018年6月10日
"""


def test_amendment_and_forwarding_both_ways(db, tmp_path):
    old = _import(db, tmp_path, "old.txt", OLD)
    amender = _import(db, tmp_path, "amend.txt", AMENDER)
    fwd = _import(db, tmp_path, "fwd.txt", FORWARD)
    lib = Library(db)
    s = lib.status(old, "2020-06-01")
    assert (s.state, s.since, s.until) == ("已被修改", "2020-03-01", "2023-05-31")
    assert lib.status(old, "2020-02-15").state == "现行有效"
    rel = {(r.kind, r.resolves_to) for r in lib.relations(old)}
    assert {("被修改", amender), ("被转发", fwd)} <= rel
    assert ("修改", old) in {(r.kind, r.resolves_to) for r in lib.relations(amender)}
    assert ("转发", old) in {(r.kind, r.resolves_to) for r in lib.relations(fwd)}


def test_an_interpretation_follows_the_policy_it_explains(library_copy, tmp_path):
    """The sample's 全民健身 notice says nothing of its force (状态不明); once a later notice repeals it by
    its 文号, the notice, its attached plan and its 解读 are all 已废止."""
    lib = Library(library_copy)
    policy = lib.first_policy_with_interpretation()
    kids = lib.children(policy.key)
    assert {lib.status(k.key, "2024-12-31").state for k in kids} == {"状态不明"}
    earlier = REPEAL.replace("《某市道路管理办法》（某政发〔2018〕3号）", f"《{policy.title}》（{policy.doc_number}）")
    _import(library_copy, tmp_path, "earlier.txt", earlier)     # dated 2021: it cannot repeal a 2022 text
    assert lib.status(policy.key, "2024-12-31").state == "状态不明"
    later = REPEAL.replace("2021", "2023")
    _import(library_copy, tmp_path, "repeal-sample.txt", later.replace(
        "《某市道路管理办法》（某政发〔2018〕3号）", f"《{policy.title}》（{policy.doc_number}）"))
    for k in [policy, *kids]:
        s = lib.status(k.key, "2024-12-31")
        assert (s.state, s.since) == ("已废止", "2023-03-01"), k.key


def test_a_cancelled_first_build_leaves_the_index_empty_and_can_start_again(db, tmp_path):
    from reader.core.cancel import CancelToken
    from reader.core.status.index import Cancelled
    old = _import(db, tmp_path, "old.txt", OLD)
    lib = Library(db)
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        lib.status_index(cancel=token)
    assert not lib.status_ready()
    assert lib.status(old, "2020-01-01").state == "现行有效"


def test_the_window_keeps_only_known_statuses_and_one_record_for_the_unknown(db, tmp_path):
    # What the window keeps per document does not grow with the library: the texts nothing is
    # known about share one 状态不明 record, and the window's copy (known_only) leaves them out.
    old = _import(db, tmp_path, "old.txt", OLD)
    _import(db, tmp_path, "repeal.txt", REPEAL)
    plan_a = _import(db, tmp_path, "a.txt", PLAN_2018.replace("全民健身", "体育设施"))
    plan_b = _import(db, tmp_path, "b.txt", PLAN_2018.replace("全民健身", "园区").replace("〔2018〕7号", "〔2018〕8号"))
    lib = Library(db)
    every = lib.statuses("2022-01-01")
    known = lib.statuses("2022-01-01", known_only=True)
    assert every[old].state == "已废止" and known == {k: s for k, s in every.items() if s.state != "状态不明"}
    assert old in known and plan_a not in known and plan_b not in known
    assert every[plan_a] is every[plan_b] and every[plan_a].state == "状态不明"
    assert lib.status(plan_a, "2022-01-01") == every[plan_a]


def test_the_index_keeps_no_row_per_document_and_answers_the_same(db, tmp_path, monkeypatch):
    # Rows are read when asked and only a few kept; names and fingerprints live in temporary
    # tables: with room for 2 rows the answers are those of a roomy index, after an import too.
    from reader.core.status import index as index_module
    old = _import(db, tmp_path, "old.txt", OLD)
    _import(db, tmp_path, "a.txt", PLAN_2018)
    roomy = Library(db)
    want = {k: s for k, s in roomy.statuses("2022-01-01").items()}
    monkeypatch.setattr(index_module, "ROWS_KEPT", 2)
    monkeypatch.setattr(index_module, "FACTS_KEPT", 1)      # facts too: in a temporary table, decoded when asked
    lib = Library(db)
    assert lib.statuses("2022-01-01") == want
    idx = lib.status_index()
    assert len(idx.rows._kept) <= 2 and not hasattr(idx, "by_key")
    assert len(idx._facts._kept) <= 1 and len(idx._facts.ids()) >= 1
    assert all(type(it).__name__ == "_Resolved" and not hasattr(it, "fact")
               for items in idx.outgoing.values() for it in items)     # a relation is ids, not the sentence
    names = idx.conn.execute("SELECT count(*) FROM temp.status_names").fetchone()[0]
    assert names >= 2 * 3                   # 文号, (year, serial), title, loose title… of each text
    repeal = _import(db, tmp_path, "repeal.txt", REPEAL)
    assert lib.status(old, "2022-01-01").state == "已废止"          # resolved on the update
    assert [r.resolves_to for r in lib.relations(old)] == [repeal]
    assert len(idx.rows._kept) <= 2
