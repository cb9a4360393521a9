"""Which policy a 解读 belongs to: the similarity threshold and the tie-break.

The scores in the comments are those of the pairing's title similarity against the
sample's policies, measured once by hand; the tests themselves never compute it, so
they cannot agree with a wrong threshold by construction.
"""
import pytest

from reader.core.model import INTERPRETATION, NOTICE, Document
from reader.core.parse.gazette import parse_issue

INTERP_2 = "永州市自然资源和规划局解读《永州市新商品房“交房即交证”改革实施方案》"
INTERP_3 = "解读《持续深化“放管服”改革全力促进 “五好”园区建设工作方案》"


def _issue_with(sample_text, line: str, named: str):
    assert sample_text.count(line) == 1
    head = line[:line.index("《") + 1]
    return parse_issue(sample_text.replace(line, head + named + "》"), "changed.txt")


def _policies(issue):
    return [d for d in issue.documents() if d.kind != INTERPRETATION]


def _loose_interpretations(issue):
    return [d for d in issue.documents() if d.kind == INTERPRETATION]


@pytest.mark.parametrize("named", [
    # A real document, cited in the sample itself: the province's twenty measures, not the
    # city's plan (0.67 against it; a threshold of 0.5 or 0.6 would pair them).
    "深化“放管服”改革助推“五好”园区建设二十条措施",
    # Just below 0.8 (0.78): same shape, another reform.
    "永州市新建商品房“带押过户”改革实施方案",
    # 0.76: the same reform, another sector's plan.
    "永州市不动产登记“交房即交证”改革实施方案",
], ids=["province-measures-0.67", "other-reform-0.78", "other-sector-0.76"])
def test_an_unrelated_title_below_the_threshold_is_not_paired(sample_text, named):
    line = INTERP_3 if "园区" in named else INTERP_2
    issue = _issue_with(sample_text, line, named)
    policy = _policies(issue)[2 if "园区" in named else 1]
    assert policy.interpretations == ()                      # not attached to the closest policy
    loose = _loose_interpretations(issue)
    assert [d.explains for d in loose] == [named]            # kept, as a document of its own
    assert any("解读没有对应的政策文件" in w and named in w for w in issue.warnings)
    # The other two 解读 are still where they belong.
    assert sum(len(p.interpretations) for p in _policies(issue)) == 2


def test_a_slightly_different_title_above_the_threshold_is_paired_and_said_so(sample_text):
    named = "永州市新建商品房“交房即交证”工作推进方案"            # 0.81: the same plan, loosely named
    issue = _issue_with(sample_text, INTERP_2, named)
    policy = _policies(issue)[1]
    assert [d.explains for d in policy.interpretations] == [named]
    assert _loose_interpretations(issue) == []
    assert any("略有不同" in w and named in w for w in issue.warnings)


def test_the_real_sample_pairs_all_three(sample_issue):
    assert [len(p.interpretations) for p in _policies(sample_issue)] == [1, 1, 1, 0]


# -- the tie-break, on the pairing step itself ------------------------------------------

def _parsed(title: str, line: int, kind: str = NOTICE, explains: str | None = None):
    from reader.core.parse.document import Parsed
    return Parsed(Document(key="", kind=kind, title=title, blocks=(), explains=explains, line=line))


def _pair_one(policies, interp):
    from reader.core.parse.gazette import _pair
    warnings: list[str] = []
    pairs = _pair([interp], policies, warnings)
    return pairs.get(id(interp)), warnings


SAME = "永州市城区停车设施建设实施方案"


def test_a_tie_goes_to_the_nearest_policy_printed_before_the_interpretation():
    # Three policies with the same title (a plan reissued in one issue): the 解读 printed
    # after the second belongs to the second, not the first and not the third after it.
    first, second, third = _parsed(SAME, 10), _parsed(SAME, 50), _parsed(SAME, 90)
    interp = _parsed("解读", 70, INTERPRETATION, SAME)
    chosen, warnings = _pair_one([first, second, third], interp)
    assert chosen is second
    assert warnings == []


def test_a_tie_with_no_policy_before_goes_to_the_nearest_after():
    later, latest = _parsed(SAME, 50), _parsed(SAME, 90)
    interp = _parsed("解读", 5, INTERPRETATION, SAME)
    assert _pair_one([later, latest], interp)[0] is later


def test_another_places_plan_of_the_same_name_is_not_paired():
    # 0.95 alike, but the 解读 names another city's plan: not this one's 解读.
    ours = _parsed("永州市城区停车设施建设实施方案", 10)
    interp = _parsed("解读", 30, INTERPRETATION, "郴州市城区停车设施建设实施方案")
    chosen, warnings = _pair_one([ours], interp)
    assert chosen is None
    assert any("解读没有对应的政策文件" in w for w in warnings)


@pytest.mark.parametrize("named", ["永州市城区停车设施建设工作方案", "关于永州市城区停车设施建设实施方案"])
def test_the_same_places_plan_loosely_named_is_still_paired(named):
    ours = _parsed("永州市城区停车设施建设实施方案", 10)
    interp = _parsed("解读", 30, INTERPRETATION, named)
    assert _pair_one([ours], interp)[0] is ours
