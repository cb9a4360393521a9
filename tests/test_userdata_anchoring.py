"""Bookmarks find their passage again when the library is rebuilt or its content changes."""
import pytest

from conftest import ROOT, SAMPLE
from reader.core.build import build_library
from reader.core.library import Library
from reader.core.model import Block
from reader.core.userdata import ATTACHED, DETACHED, MOVED, Anchor, open_user_data
from reader.core.userdata.anchoring import locate, make_anchor, needs_reanchor, reanchor, reanchor_all

ISSUE = "永州市人民政府公报/2022/5-6"
NOTICE = ISSUE + "/永政发〔2022〕6号"
PLAN = NOTICE + "/附件1"
INTERP = ISSUE + "/解读/48ea7bdeba"
APPOINT = ISSUE + "/永政人〔2022〕12号"


def P(*texts):
    return tuple(Block("paragraph", t) for t in texts)


# -- pure functions ---------------------------------------------------------------------
def test_make_anchor_takes_quote_and_context_from_one_block():
    blocks = P("甲乙丙丁戊己庚辛壬癸", "子丑寅卯")
    a = make_anchor(blocks, 0, 4, 6, context=3)
    assert a == Anchor(0, 4, 6, "戊己", "乙丙丁", "庚辛壬")
    assert make_anchor(blocks, 1, 0, 4).prefix == "" and make_anchor(blocks, 1, 0, 4).suffix == ""
    for bad in ((2, 0, 1), (0, 3, 3), (0, 5, 4), (0, 0, 11), (-1, 0, 1)):
        with pytest.raises(ValueError):
            make_anchor(blocks, *bad)


def test_quote_still_in_place_is_attached():
    blocks = P("一二三", "加强体育公园建设")
    a = make_anchor(blocks, 1, 2, 6)
    assert locate(a, blocks).status == ATTACHED
    assert locate(a, blocks).anchor == a


def test_quote_in_another_block_is_moved_with_new_offsets():
    old = P("第一段。", "加强体育公园建设，推动开放。")
    a = make_anchor(old, 1, 2, 6)
    new = P("新增一段。", "第一段。", "前言：加强体育公园建设，推动开放。")
    found = locate(a, new)
    assert found.status == MOVED
    assert (found.anchor.block, found.anchor.start, found.anchor.end) == (2, 5, 9)
    assert new[2].text[found.anchor.start:found.anchor.end] == a.quote == found.anchor.quote


def test_repeated_quote_is_told_apart_by_its_context_not_by_the_old_index():
    old = P("甲：推进全民健身。", "乙：全民健身场地。", "丙：倡导全民健身日。")
    a = make_anchor(old, 2, 4, 8)                           # the 全民健身 of 丙
    new = P("插入：全民健身。") + old                         # every block shifts by one
    found = locate(a, new)
    # block 2 now holds 乙's 全民健身 at a different offset; the context points at 丙 (block 3)
    assert found.status == MOVED and found.anchor.block == 3 and found.anchor.start == 4


def test_same_offsets_but_different_context_is_not_mistaken_for_the_passage():
    old = P("一：全民健身活动", "二：全民健身场地")
    a = make_anchor(old, 1, 2, 6)
    new = P("零：全民健身计划", "一：全民健身活动", "二：全民健身场地")
    # block 1, offsets 2-6 still read 全民健身, but it is 一's; 二's moved to block 2
    assert locate(a, new).anchor.block == 2


def test_equal_context_prefers_the_occurrence_nearest_the_old_place():
    old = P("健身", "x", "x", "x", "x", "健身")
    a = Anchor(4, 0, 2, "健身")                              # no context remembered
    found = locate(a, old)
    assert found.anchor.block == 5


def test_spacing_width_and_case_changes_still_find_the_passage():
    a = Anchor(0, 0, 12, "2025 年建成 ABC（体育）公园")
    new = P("到2025年建成abc(体育)公园。")
    found = locate(a, new)
    assert found.status == MOVED
    assert found.anchor.quote == "2025年建成abc(体育)公园"
    assert new[0].text[found.anchor.start:found.anchor.end] == found.anchor.quote


def test_missing_quote_or_document_is_detached_and_keeps_the_old_anchor():
    a = Anchor(1, 0, 4, "加强体育")
    assert locate(a, P("别的内容")) .status == DETACHED
    assert locate(a, P("别的内容")).anchor == a
    assert locate(a, None).status == DETACHED
    assert locate(None, None).status == DETACHED
    assert locate(None, P("任何")).status == ATTACHED        # whole document: there if the document is


# -- real library -----------------------------------------------------------------------
def _build(tmp_path, name, text=None):
    folder = tmp_path / name
    (folder / "sources").mkdir(parents=True)
    if text is not None:
        (folder / "sources" / SAMPLE.name).write_text(text, encoding="utf-8")
    out = folder / "gazette.db"
    build_library(folder / "sources", out)
    return Library(out)


def _passage(lib, key, block, quote, nth=0):
    text = lib.blocks(key)[block].text
    start = -1
    for _ in range(nth + 1):
        start = text.index(quote, start + 1)
    return make_anchor(lib.blocks(key), block, start, start + len(quote))


@pytest.fixture
def marked(built_library):
    """A store with bookmarks on real passages of the built sample library."""
    lib = Library(built_library)
    store = open_user_data().store
    marks = {}

    def add(name, key, anchor):
        view = lib.document(key)
        marks[name] = store.add(key, anchor, fingerprint=view.fingerprint, doc_title=view.title, note=f"批注 {name}")

    add("plan_6", PLAN, _passage(lib, PLAN, 6, "科学规划和统筹建设"))
    add("plan_6_third_jianshen", PLAN, _passage(lib, PLAN, 6, "全民健身", nth=2))   # a quote repeated in the block
    add("plan_12", PLAN, _passage(lib, PLAN, 12, "年年有赛事、季季有热点"))
    add("plan_1_start", PLAN, make_anchor(lib.blocks(PLAN), 1, 0, 8))
    add("notice", NOTICE, _passage(lib, NOTICE, 4, "请认真组织实施"))
    add("interp", INTERP, _passage(lib, INTERP, 2, "全民健身实施计划"))
    add("appoint_whole", APPOINT, None)
    yield store, lib, marks
    store.close()
    lib.close()


def _assert_on_their_text(store, lib):
    for b in store.bookmarks():
        if b.anchor:
            a = b.anchor
            assert lib.blocks(b.doc_key)[a.block].text[a.start:a.end] == a.quote, b


def test_rebuilding_the_library_from_its_sources_leaves_every_bookmark_attached(marked, tmp_path):
    store, _, marks = marked
    build_library(ROOT / "data" / "sources", tmp_path / "rebuilt.db")
    rebuilt = Library(tmp_path / "rebuilt.db")
    report = reanchor_all(store, rebuilt)
    assert report.skipped == len(marks) and report.changed == ()      # same fingerprints: nothing to do
    report = reanchor_all(store, rebuilt, force=True)                   # and checked one by one, the same
    assert set(report.attached) == {b.id for b in marks.values()}
    assert report.moved == report.detached == report.changed == ()
    for name, b in marks.items():
        assert store.get(b.id) == b, name
    _assert_on_their_text(store, rebuilt)
    assert not needs_reanchor(store, rebuilt)
    rebuilt.close()


def test_a_paragraph_inserted_before_moves_bookmarks_without_losing_them(marked, tmp_path, sample_text):
    store, old_lib, marks = marked
    anchor_line = "按照配置均衡、规模适当、方便实用、安全合理的原则，科学规划"
    assert sample_text.count(anchor_line) == 1
    changed = sample_text.replace(anchor_line, "为测试新增的一段：加强场地设施的日常维护和安全检查。\n\n" + anchor_line)
    lib = _build(tmp_path, "inserted", changed)
    assert len(lib.blocks(PLAN)) == len(old_lib.blocks(PLAN)) + 1
    report = reanchor_all(store, lib)
    moved = {marks[n].id for n in ("plan_6", "plan_6_third_jianshen", "plan_12")}
    assert set(report.moved) == moved
    assert marks["plan_1_start"].id in report.attached and report.detached == ()
    for name in ("plan_6", "plan_6_third_jianshen", "plan_12"):
        old, new = marks[name], store.get(marks[name].id)
        assert new.status == MOVED
        assert (new.anchor.block, new.anchor.start, new.anchor.end) == (
            old.anchor.block + 1, old.anchor.start, old.anchor.end)
        assert (new.id, new.note, new.created, new.updated) == (old.id, old.note, old.created, old.updated)
        assert new.fingerprint == lib.document(PLAN).fingerprint != old.fingerprint
    assert store.get(marks["plan_1_start"].id).anchor == marks["plan_1_start"].anchor
    assert store.get(marks["notice"].id) == marks["notice"]               # other documents untouched
    _assert_on_their_text(store, lib)
    lib.close()


def test_text_added_inside_the_paragraph_shifts_the_offsets(marked, tmp_path, sample_text):
    store, _, marks = marked
    changed = sample_text.replace("按照配置均衡、规模适当", "坚持因地制宜，按照配置均衡、规模适当", 1)
    lib = _build(tmp_path, "edited", changed)
    reanchor_all(store, lib)
    new = store.get(marks["plan_6"].id)
    assert new.status == MOVED and new.anchor.block == 6
    assert new.anchor.start == marks["plan_6"].anchor.start + len("坚持因地制宜，")
    _assert_on_their_text(store, lib)
    lib.close()


def test_deleted_passage_is_detached_kept_and_reattached_when_it_returns(marked, tmp_path, sample_text, built_library):
    store, _, marks = marked
    target = marks["plan_6"]
    assert sample_text.count("科学规划和统筹建设") == 2                   # plan and another document
    without = sample_text.replace("科学规划和统筹建设", "认真研究并逐步推进")
    lib = _build(tmp_path, "deleted", without)
    report = reanchor_all(store, lib)
    assert target.id in report.detached
    gone = store.get(target.id)
    assert gone.status == DETACHED and gone.anchor == target.anchor and gone.note == target.note
    assert target.id in {b.id for b in store.bookmarks(status=DETACHED)}   # listed, flagged, not deleted
    assert store.get(marks["plan_12"].id).status == ATTACHED
    lib.close()

    back = Library(built_library)
    report = reanchor_all(store, back)
    assert target.id in report.attached
    assert store.get(target.id).status == ATTACHED
    assert store.get(target.id).anchor == target.anchor
    back.close()


def test_removed_issue_detaches_everything_and_reimporting_it_reattaches(marked, tmp_path, built_library):
    store, _, marks = marked
    empty = _build(tmp_path, "empty")
    report = reanchor_all(store, empty)
    assert set(report.detached) == {b.id for b in marks.values()}
    assert len(store.bookmarks()) == len(marks)
    assert store.get(marks["appoint_whole"].id).status == DETACHED
    assert store.get(marks["interp"].id).doc_title == marks["interp"].doc_title   # still nameable
    empty.close()

    back = Library(built_library)
    report = reanchor_all(store, back)
    assert set(report.attached) == {b.id for b in marks.values()}
    for b in marks.values():
        assert store.get(b.id) == b
    back.close()


def test_reanchor_keeps_user_edits_made_meanwhile(marked, tmp_path, sample_text):
    store, _, marks = marked
    store.update(marks["plan_12"].id, note="重新定位前刚改的批注")
    changed = sample_text.replace("按照配置均衡、规模适当", "新增一段。\n\n按照配置均衡、规模适当", 1)
    lib = _build(tmp_path, "meanwhile", changed)
    reanchor_all(store, lib)
    assert store.get(marks["plan_12"].id).note == "重新定位前刚改的批注"
    lib.close()


def test_reanchor_one_bookmark_is_pure(built_library):
    lib = Library(built_library)
    view = lib.document(PLAN)
    store = open_user_data().store
    b = store.add(PLAN, _passage(lib, PLAN, 6, "科学规划"), fingerprint="old")
    again = reanchor(b, view.blocks, view.fingerprint)
    assert again.status == ATTACHED and again.fingerprint == view.fingerprint
    assert store.get(b.id).fingerprint == "old"          # nothing written by the pure function
    assert reanchor(b, None, "").status == DETACHED
    store.close()
    lib.close()
