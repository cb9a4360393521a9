"""The search box's little language: terms, "phrases", -exclusions, 文号 and codes."""
import pytest

from reader.core.search.query import describe, parse


def test_terms_are_separated_by_ascii_and_full_width_spaces():
    q = parse("体育  园区\u3000办证")
    assert q.terms == ("体育", "园区", "办证")
    assert q.norms == ("体育", "园区", "办证")
    assert q.excluded == ()


def test_terms_are_normalised_as_the_index_sees_them():
    q = parse("ＹＺＣＲ 2025 年")
    assert q.norms == ("yzcr", "2025", "年")
    assert parse("（一）").norms == ("(一)",)


def test_quotes_make_one_term_and_spaces_inside_do_not_count():
    q = parse('"体育 公园" 办证')
    assert q.terms == ("体育 公园", "办证")
    assert q.norms == ("体育公园", "办证")
    assert parse("“交房 即交证”").norms == ("交房即交证",)
    assert parse("”交房即交证”").norms == ("交房即交证",)


def test_leading_minus_excludes_but_a_minus_inside_a_word_is_text():
    q = parse("园区 -解读 －通知")
    assert q.norms == ("园区",)
    assert q.excluded == ("解读", "通知")
    assert parse("2022-2025").norms == ("2022-2025",)
    q = parse('体育 -"政策 解读"')
    assert q.excluded_norms == ("政策解读",)


@pytest.mark.parametrize("text, norms, excluded", [
    ('"体育 公园', ("体育公园",), ()),        # unbalanced quote runs to the end
    ("体育 - 公园", ("体育", "公园"), ()),     # a lone minus is ignored
    ("-", ("-",), ()),                         # nothing but operators: searched literally
    ('"', ('"',), ()),
    ("“”", ("“”",), ()),
    ("-解读", (), ("解读",)),
    ("", (), ()),
    ("   ", (), ()),
    ("体育 体育 ＹＺ yz", ("体育", "yz"), ()),   # the same term twice counts once
])
def test_odd_input_never_fails(text, norms, excluded):
    q = parse(text)
    assert q.norms == norms and q.excluded_norms == excluded


def test_empty_query_is_empty():
    assert parse("").is_empty and parse(" \t").is_empty
    assert not parse("的").is_empty


@pytest.mark.parametrize("text", ["永政发[2022]6号", "永政发〔2022〕6号", "永政发2022 6号", "永政发 〔2022〕 6 号",
                                  "永政发（2022）6号", "永政发2022-6号"])
def test_every_printed_form_of_a_doc_number_is_recognised(text):
    assert parse(text).doc_number == "永政发〔2022〕6号"


@pytest.mark.parametrize("text", ["YZCR-2022-00004", "yzcr-2022-00004", "ＹＺＣＲ－２０２２－００００４", " YZCR-2022-00004 "])
def test_codes_are_recognised_in_any_case_and_width(text):
    assert parse(text).code == "YZCR-2022-00004"


def test_ordinary_text_is_neither_number_nor_code():
    for text in ("体育", "2022年", "国务院令", "YZCR", "体育 YZCR-2022-00004"):
        q = parse(text)
        assert q.doc_number is None and q.code is None


def test_control_characters_are_dropped():
    q = parse("体\x00育\x07")
    assert q.norms == ("体育",)


def test_describe_echoes_the_understanding():
    assert describe(parse('体育 -解读 "五好 园区"')) == "“体育” “五好 园区” −“解读”"
    assert "文号 永政发〔2022〕6号" in describe(parse("永政发2022 6号"))
