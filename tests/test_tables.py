"""Tables in body text: detection rules (positive and negative), block shape, conservation."""
from __future__ import annotations

from dataclasses import replace

import pytest

from reader.core import model as M
from reader.core.conservation import check_standalone
from reader.core.parse.body import body_blocks
from reader.core.parse.lines import split_lines
from reader.core.parse.standalone import parse_standalone
from reader.core.parse.tables import find_tables, table_rows


def blocks_of(text: str):
    return body_blocks(split_lines(text))


def tables_of(text: str):
    return [b for b in blocks_of(text) if b.kind == M.TABLE]


# A 序号 table flattened to one cell per line, as gov sites export it.
NUMBERED = """为做好有关工作，现将名单公布如下。
序号
单位名称
所在地区
得分
1
甲市第一中学
北城区
92.5
2
乙县实验小学
南山区
90.0
3
丙镇中心幼儿园
东湖区
88.5
请各单位认真组织实施。
"""


def test_numbered_column_table_becomes_one_block_with_rows_and_cells():
    blocks = blocks_of(NUMBERED)
    kinds = [b.kind for b in blocks]
    assert kinds == [M.PARAGRAPH, M.TABLE, M.PARAGRAPH]
    rows = blocks[1].rows
    assert rows[0] == ["序号", "单位名称", "所在地区", "得分"]
    assert rows[1:] == [["1", "甲市第一中学", "北城区", "92.5"], ["2", "乙县实验小学", "南山区", "90.0"],
                        ["3", "丙镇中心幼儿园", "东湖区", "88.5"]]
    assert blocks[2].text == "请各单位认真组织实施。"


# The shape of the 国办发〔2019〕4号 附件: no 序号 column, the number opens the third cell,
# categories spanning rows sit before the row they start, and a cell may run over two lines.
SPANNING = """一级指标
二级指标
三级指标
指标性质
指标说明
一、医疗质量
（一）功能定位
1.门诊人次数与出院人次数比
定量
计算方法：门诊人次数/出院人次数。
指标来源：医院填报。
2.下转患者人次数
定量
计算方法：下转人次数。
指标来源：医院填报。
（二）质量安全
3.手术患者并发症发生率
定量
计算方法：并发症例数/手术人数。
指标来源：病案首页。
注：
1.考核应采用上述全部指标。
2.标记的指标为监测指标。
"""


def test_spanning_categories_fill_the_first_columns_and_wrapped_cells_join():
    tables = tables_of(SPANNING)
    assert len(tables) == 1
    rows = tables[0].rows
    assert rows[0] == ["一级指标", "二级指标", "三级指标", "指标性质", "指标说明"]
    assert rows[1] == ["一、医疗质量", "（一）功能定位", "1.门诊人次数与出院人次数比", "定量",
                       "计算方法：门诊人次数/出院人次数。指标来源：医院填报。"]
    assert rows[2][:3] == ["", "", "2.下转患者人次数"]
    assert rows[3][:3] == ["", "（二）质量安全", "3.手术患者并发症发生率"]
    assert rows[3][4] == "计算方法：并发症例数/手术人数。指标来源：病案首页。"
    assert all(len(r) == 5 for r in rows)
    # The notes after the table stay outside it.
    after = [b for b in blocks_of(SPANNING) if b.kind != M.TABLE]
    assert after[0].text == "注：" and "1.考核应采用上述全部指标。" in [b.text for b in after]


TABBED = "税目\t税率\t征收范围\n烟叶\t20\n水果\t8\t含野生水果\n以上税率自公布之日起执行。\n"


def test_tab_separated_rows_become_a_table(tmp_path):
    blocks = blocks_of(TABBED)
    assert [b.kind for b in blocks] == [M.TABLE, M.PARAGRAPH]
    assert blocks[0].rows == [["税目", "税率", "征收范围"], ["烟叶", "20"], ["水果", "8", "含野生水果"]]


@pytest.mark.parametrize("text", [
    # A numbered list, one item per line: no header, no table.
    "工作要求如下：\n1.加强领导。\n2.落实责任。\n3.强化督查。\n",
    # Numbered headings with paragraphs under them, after prose.
    "现提出以下意见。\n1.总体要求\n坚持问题导向，突出重点。\n2.主要任务\n完善制度，加强监管。\n",
    # A signature block: short lines but no numbering.
    "特此通知。\n甲市人民政府\n乙市人民政府\n丙市人民政府\n2024年11月28日\n",
    # A list of names, short cells but no rows numbered 1, 2, ….
    "参加人员：\n张三\n李四\n王五\n赵六\n",
    # Short lines then a single numbered item: one row is not a table.
    "联系人\n联系电话\n电子邮箱\n1\n张三\n",
])
def test_ordinary_short_lines_are_not_tables(text):
    assert tables_of(text) == []
    assert find_tables(split_lines(text)) == {}


def test_a_table_row_that_runs_far_beyond_the_header_ends_the_table():
    # Row 2 holds twelve lines for a three-column header: the text is not a regular table there.
    rows2 = "\n".join(f"设备{i}" for i in range(12))
    text = f"序号\n名称\n单位\n1\n水泵\n台\n2\n{rows2}\n3\n油锯\n台\n"
    assert tables_of(text) == []


def test_table_text_round_trips_and_conserves_every_character():
    text = "甲市教育局关于公布名单的通知\n甲教发〔2024〕5号\n各单位：\n现将名单公布如下。\n" + NUMBERED + "甲市教育局\n2024年11月28日\n"
    item = parse_standalone(text, "x.txt")
    tables = [b for b in item.document.blocks if b.kind == M.TABLE]
    assert len(tables) == 1
    assert table_rows(tables[0].text) == tables[0].rows
    report = check_standalone(text, item)
    assert report.ok, report.first_difference
    # Cells count like any other text, in order: losing one breaks conservation.
    damaged = item.document.blocks
    i = damaged.index(tables[0])
    cut = tables[0]._replace(text=tables[0].text.replace("乙县实验小学", ""))
    broken = replace(item, document=replace(item.document, blocks=damaged[:i] + (cut,) + damaged[i + 1:]))
    assert not check_standalone(text, broken).ok


def test_cells_beyond_the_header_stay_cells_and_labels_in_them_are_not_categories():
    # The header names three columns over four (X and Y under each side): numbers are not
    # joined into one cell, and the remark after them belongs to its row, not to the next.
    text = "编号\n左侧\n右侧\n说明\n1\n13289.85\n103762.27\n13272.03\n103728.03\n大桥起点\n" \
           "2\n13062.19\n103880.78\n13044.36\n103846.54\n圆曲线起点\n3\n12984.66\n103922.23\n"
    (table,) = tables_of(text)
    rows = table.rows
    assert rows[1] == ["1", "13289.85", "103762.27", "13272.03", "103728.03", "大桥起点"]
    assert rows[2][-1] == "圆曲线起点" and rows[3][0] == "3"


# -- the real texts ----------------------------------------------------------------------------
def _tables_in(path):
    from reader.core.importer import parse_file
    parsed = parse_file(path)          # refuses unless every character is conserved
    doc = parsed.result.document
    return [b for d in doc.walk() for b in d.blocks if b.kind == M.TABLE]


def test_the_attachment_of_guobanfa_2019_4_is_one_five_column_table(corpus_files):
    path = next(p for p in corpus_files if p.name == "guobanfa-2019-004.txt")
    (table,) = _tables_in(path)
    rows = table.rows
    assert rows[0] == ["一级指标", "二级指标", "三级指标", "指标性质", "指标说明"]
    assert len(rows) == 56 and all(len(r) == 5 for r in rows)
    numbers = [r[2].split(".", 1)[0] for r in rows[1:]]
    assert numbers == [str(i) for i in range(1, 56)]
    assert rows[1][:2] == ["一、医疗质量", "（一）功能定位"]
    assert rows[-1][1] == "（十四）医务人员满意度" and rows[-1][4].endswith("指标来源：国家卫生健康委。")


def test_numbered_local_tables_are_found_and_conserved(local_corpus):
    found = {name: len(_tables_in(local_corpus / name)) for name in
             ("chongqing-yrsf-2024-21.txt", "chongqing-yybf-2024-42.txt", "chongqing-yjxkj-2024-28.txt")}
    assert found == {"chongqing-yrsf-2024-21.txt": 2, "chongqing-yybf-2024-42.txt": 2,
                     "chongqing-yjxkj-2024-28.txt": 1}
    (first, second) = _tables_in(local_corpus / "chongqing-yrsf-2024-21.txt")
    assert [r[0] for r in first.rows if r[0].isdigit()] == [str(i) for i in range(1, 11)]
    # The category above row 1 is not taken for a fourth header cell when most rows have three.
    assert second.rows[0] == ["序号", "文件名称", "文号"] and second.rows[1] == ["机关事业工资福利及退休"]
    numbers = [int(r[0]) for r in second.rows if r[0].isdigit()]
    assert numbers[:3] == [1, 2, 3] and len(numbers) > 90 and numbers == sorted(numbers)


def test_documents_without_tables_get_none(corpus_files):
    # Every other gov.cn text: numbered headings, lists and signatures stay as they were.
    with_tables = {"guobanfa-2019-004.txt", "guobanfa-2018-126.txt", "guohan-2006-132.txt"}
    for path in corpus_files:
        if path.name not in with_tables:
            assert _tables_in(path) == [], path.name


def test_a_bookmark_made_before_tables_existed_moves_into_the_table_block():
    # A library of schema 2 held the table as one paragraph per cell; after the rebuild the
    # cells are one table block, and a bookmark on a cell re-anchors into it by its quote.
    from reader.core.userdata.anchoring import MOVED, locate, make_anchor
    old = (M.Block(M.PARAGRAPH, "为做好有关工作，现将名单公布如下。"),) + tuple(
        M.Block(M.PARAGRAPH, t) for t in NUMBERED.splitlines()[1:-1]) + (M.Block(M.PARAGRAPH, "请各单位认真组织实施。"),)
    i = next(n for n, b in enumerate(old) if b.text == "乙县实验小学")
    anchor = make_anchor(old, i, 1, 4)              # "县实验"
    new = blocks_of(NUMBERED)
    found = locate(anchor, tuple(new))
    assert found.status == MOVED and new[found.anchor.block].kind == M.TABLE
    assert new[found.anchor.block].text[found.anchor.start:found.anchor.end] == "县实验"


def test_a_short_title_above_the_header_is_not_a_header_cell_and_a_signature_is_not_a_cell():
    text = ("附件\n考核指标\n指标\n性质\n说明\n1.门诊人次\n定量\n计算方法：门诊人次。\n"
            "2.住院人次\n定量\n计算方法：住院人次。\n3.手术人次\n甲市卫生健康委员会\n2024年11月28日\n")
    (table,) = tables_of(text)
    assert table.rows[0] == ["指标", "性质", "说明"]
    assert table.rows[-1] == ["3.手术人次"]
    kinds = [(b.kind, b.text) for b in blocks_of(text)]
    assert (M.SIGNATURE, "甲市卫生健康委员会") in kinds and kinds[1] == (M.PARAGRAPH, "考核指标")


def test_one_tab_line_alone_stays_a_paragraph():
    blocks = blocks_of("请于本月底前报送。\n联系人：张三\t联系电话：12345678\n")
    assert [b.kind for b in blocks] == [M.PARAGRAPH, M.PARAGRAPH]
    assert "张三" in blocks[1].text and "\t" not in blocks[1].text


def test_an_unlabelled_number_column_and_categories_before_rows():
    # The header names the four cells after the number; "幼有所育" and "学有所教" are categories.
    text = ("服务对象\n服务项目\n服务内容\n责任部门\n幼有所育\n1\n0至6岁儿童\n健康服务\n提供健康管理。\n卫生健康委\n"
            "2\n3至6岁儿童\n学前教育\n就近入园。\n教委\n学有所教\n3\n义务教育阶段儿童\n义务教育\n免除学杂费。\n教委\n")
    (table,) = tables_of(text)
    assert table.rows[0] == ["", "服务对象", "服务项目", "服务内容", "责任部门"]
    assert table.rows[1] == ["幼有所育"] and table.rows[4] == ["学有所教"]
    assert table.rows[2] == ["1", "0至6岁儿童", "健康服务", "提供健康管理。", "卫生健康委"]
    # Without categories recurring, a header as wide as the rows keeps all its cells.
    plain = "序列\n名称\n数量\n备注\n1\n水泵\n3台\n备用\n2\n油锯\n2台\n新购\n"
    assert tables_of(plain)[0].rows[0] == ["序列", "名称", "数量", "备注"]


def test_a_letter_spaced_number_header_is_a_number_header():
    text = "序 号\n名 称\n单 位\n1\n水泵\n台\n2\n油锯\n台\n"
    (table,) = tables_of(text)
    assert table.rows[0][0] == "序 号" and table.rows[1:] == [["1", "水泵", "台"], ["2", "油锯", "台"]]


def test_table_starts_names_the_header_line():
    from reader.core.parse.tables import table_starts
    lines = split_lines(NUMBERED)
    assert [lines[i].text for i in table_starts(lines)] == ["序号"]


def test_a_table_cut_in_its_last_row_looks_cut():
    from reader.core.parse.tables import looks_cut
    whole = tables_of(NUMBERED)[0].text
    assert not looks_cut(whole)
    cut = tables_of(NUMBERED.replace("东湖区\n88.5\n请各单位认真组织实施。\n", ""))[0].text
    assert cut.endswith("丙镇中心幼儿园") and looks_cut(cut)
