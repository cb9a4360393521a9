"""The page-equivalent position of the status bar (GB/T 9704: 22 lines × 28 characters)."""
from reader.core.blocks import Block
from reader.core.pagemap import block_pages, packet_position, page_count, page_of


def test_pages_follow_lines_of_28_characters_and_22_lines():
    blocks = [Block("title", "关于测试的通知")] + [Block("paragraph", "字" * 54)] * 30   # 2 lines each
    assert page_count(blocks) == 3              # 2 + 60 lines → 62 / 22
    assert page_of(blocks, 0) == 1
    assert page_of(blocks, 10) == 1             # line 2 + 18 = 20
    assert page_of(blocks, 11) == 2             # line 22
    assert page_of(blocks, 30, 40) == 3
    assert block_pages(blocks)[11] == 2


def test_sample_notice_is_a_few_pages(library):
    doc = library.document("永州市人民政府公报/2022/5-6/永政发〔2022〕6号/附件1")
    n = page_count(doc.blocks)
    assert 3 <= n <= 15
    assert page_of(doc.blocks, len(doc.blocks) - 1) == n and page_of(doc.blocks, 0) == 1


def test_a_notice_and_its_attachments_count_as_one_printout():
    notice = [Block("paragraph", "字" * 26, None, 1)] * 30       # 30 lines: 2 pages
    plan = [Block("paragraph", "字" * 26, None, 1)] * 50         # 50 lines: 3 pages, from a new page
    assert packet_position([notice, plan], 0, 0) == (1, 5)
    assert packet_position([notice, plan], 1, 0) == (3, 5)
    assert packet_position([notice, plan], 1, 49) == (5, 5)
    assert packet_position([plan], 0, 49) == (3, 3)
