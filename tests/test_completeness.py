"""Which 期 of each year are held, which are missing, and whether the 总期号 run on without gaps."""
from __future__ import annotations

from reader.core.completeness import CONFIGURED, CUMULATIVE, completeness
from reader.core.records import IssueInfo

PUB = "永州市人民政府公报"


def issue(year, numbers, cumulative=(), pub=PUB) -> IssueInfo:
    numbers, cumulative = tuple(numbers), tuple(cumulative)
    n = "-".join(map(str, numbers))
    label = f"{year}年第{n}期" + (f"（总第{'—'.join(map(str, cumulative))}期）" if cumulative else "")
    return IssueInfo(f"{pub}/{year}/{n}", pub, year, numbers, cumulative, label, 3)


def one(issues, **kw):
    (pub,) = completeness(issues, **kw)
    return pub


def test_gaps_inside_a_year_are_missing_and_the_end_is_unknown():
    pub = one([issue(2022, [1]), issue(2022, [2]), issue(2022, [5])])
    (y,) = pub.years
    assert (y.present, y.missing, y.last) == ((1, 2, 5), (3, 4), 5)
    assert y.expected is None and y.expected_source == "" and y.complete is False
    assert any("第5期之后是否还有，无从得知" in n for n in y.notes)
    assert [(s.number, s.present) for s in y.slots] == [(1, True), (2, True), (3, False), (4, False), (5, True)]
    assert y.slots[0].issue_key == f"{PUB}/2022/1" and y.slots[2].issue_key is None
    assert pub.cumulative_continuous is None       # no issue carries a 总期号


def test_a_year_without_gaps_cannot_be_called_complete_without_more_to_go_on():
    (y,) = one([issue(2022, [1]), issue(2022, [2])]).years
    assert y.missing == () and y.complete is None


def test_double_issues_count_for_both_numbers():
    (y,) = one([issue(2022, [1, 2], [150, 151]), issue(2022, [3]), issue(2022, [5, 6], [154, 155])]).years
    assert y.present == (1, 2, 3, 5, 6) and y.missing == (4,)
    five, six = y.slots[4], y.slots[5]
    assert five.issue_key == six.issue_key == f"{PUB}/2022/5-6"
    assert (five.cumulative, six.cumulative) == (154, 155)
    # The year's 总期号 run 149 + number: the missing 第4期 was 总第153期.
    assert (y.slots[3].cumulative, y.slots[3].cumulative_inferred) == (153, True)


def test_gaps_in_cumulative_numbers_name_the_issues_around_them():
    pub = one([issue(2022, [1], [150]), issue(2022, [2], [151]), issue(2022, [4], [153]),
               issue(2022, [5, 6], [154, 155])])
    (gap,) = pub.cumulative_gaps
    assert (gap.missing, gap.after, gap.before) == ((152,), "2022年第2期（总第151期）", "2022年第4期（总第153期）")
    assert (pub.cumulative_first, pub.cumulative_last) == (150, 155)
    assert pub.cumulative_continuous is False
    assert pub.missing == ((2022, 3),)


def test_the_next_years_cumulative_number_tells_how_many_issues_a_year_had():
    # 2021 ends with 第10期 (总第139期) as far as the library knows; 2022's 第1期 is 总第142期,
    # so 2021 had 12 issues and 第11、12期 are missing — across the year boundary.
    pub = one([issue(2021, [9], [138]), issue(2021, [10], [139]), issue(2022, [1], [142]), issue(2022, [2], [143])])
    y2021, y2022 = pub.years
    assert (y2021.expected, y2021.expected_source) == (12, CUMULATIVE)
    assert y2021.missing == tuple(range(1, 9)) + (11, 12)
    assert y2021.complete is False
    assert [(s.number, s.cumulative) for s in y2021.slots[10:]] == [(11, 140), (12, 141)]
    (gap,) = pub.cumulative_gaps
    assert gap.missing == (140, 141) and gap.after.startswith("2021年第10期") and gap.before.startswith("2022年第1期")
    assert y2022.expected is None and y2022.complete is None   # the newest year: its end is unknown


def test_a_year_boundary_without_gaps_is_continuous():
    pub = one([issue(2021, [11], [140]), issue(2021, [12], [141]), issue(2022, [1], [142])])
    y2021, _ = pub.years
    assert (y2021.expected, y2021.missing) == (12, tuple(range(1, 11)))
    assert pub.cumulative_continuous is True and pub.cumulative_gaps == ()


def test_a_configured_count_settles_the_end_of_past_years_only():
    issues = [issue(2021, [n]) for n in range(1, 12)] + [issue(2022, [1]), issue(2022, [2])]
    y2021, y2022 = one(issues, expected_per_year=12).years
    assert (y2021.expected, y2021.expected_source, y2021.missing, y2021.complete) == (12, CONFIGURED, (12,), False)
    assert y2022.expected is None and y2022.complete is None     # may still be running
    y2021, y2022 = one(issues, expected={(PUB, 2022): 2}).years
    assert y2021.expected is None and (y2022.expected, y2022.complete) == (2, True)


def test_a_double_issue_with_one_cumulative_number_only_gives_a_lower_bound():
    pub = one([issue(2021, [5, 6], [130]), issue(2021, [7], [131]), issue(2022, [1], [133])])
    y2021 = pub.years[0]
    assert y2021.expected is None                          # 8 at least, but not known exactly
    assert any("至少 8 期" in n for n in y2021.notes)
    assert y2021.slots[4].cumulative == y2021.slots[5].cumulative == 130
    assert pub.cumulative_gaps[0].missing == (132,)


def test_inconsistencies_are_noted_not_hidden():
    pub = one([issue(2022, [1], [150]), issue(2022, [2], [150]), issue(2022, [3], [149])])
    assert any("总第150期重复" in p for p in pub.cumulative_problems)
    assert any("倒序" in p for p in pub.cumulative_problems)
    assert pub.cumulative_continuous is False
    (y,) = pub.years
    assert any("总期号与期号之差不一致" in n for n in y.notes)


def test_years_with_nothing_held_are_listed_and_publications_kept_apart():
    pubs = completeness([issue(2020, [1], [100]), issue(2022, [1], [125]), issue(2022, [1], pub="某市政府公报")])
    assert [p.publication for p in pubs] == sorted([PUB, "某市政府公报"])
    ours = next(p for p in pubs if p.publication == PUB)
    assert [y.year for y in ours.years] == [2020, 2021, 2022]
    empty = ours.years[1]
    assert empty.slots == () and empty.complete is None and "没有本年任何一期" in empty.notes[0]
    assert ours.cumulative_gaps[0].missing == tuple(range(101, 125))


def test_the_shipped_library_is_one_double_issue(built_library):
    from reader.core.library import Library
    lib = Library(built_library)
    try:
        (pub,) = completeness(lib.issues())
    finally:
        lib.close()
    (y,) = pub.years
    assert (pub.publication, y.year, y.present, y.missing) == (PUB, 2022, (5, 6), (1, 2, 3, 4))
    assert [s.cumulative for s in y.slots] == [150, 151, 152, 153, 154, 155]
    assert pub.cumulative_continuous is True
