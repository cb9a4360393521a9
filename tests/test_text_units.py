from reader.core import dates, docnumber
from reader.core.text import cn_number, fold, tidy


def test_doc_numbers_normalise_every_printed_form():
    cases = {
        "永政发[2022]6 号": "永政发〔2022〕6号",
        "永政办发[2022] 8号": "永政办发〔2022〕8号",
        "永政办发〔2022〕9号": "永政办发〔2022〕9号",
        "湘政办发（2021）72号": "湘政办发〔2021〕72号",
        "国办发明电〔2018〕15号": "国办发明电〔2018〕15号",
        "国办函〔1996〕14号": "国办函〔1996〕14号",
        "国令第707号": "国令第707号",
        "国发〔2019〕第04号": "国发〔2019〕4号",
        "永政人〔２０２２〕１２号": "永政人〔2022〕12号",     # full-width digits
    }
    for printed, normal in cases.items():
        assert docnumber.normalise(printed) == normal, printed


def test_doc_numbers_found_in_running_text_keep_their_issuer_only():
    found = docnumber.find_all("按照湘自然资发〔2020〕37号文件要求，根据《条例》（国务院令第 560 号）")
    assert [d.normal for d in found] == ["湘自然资发〔2020〕37号", "国务院令第560号"]
    found = docnumber.find_all("《商品房销售管理办法》（中华人民共和国建设部令第88号）")
    assert [d.normal for d in found] == ["中华人民共和国建设部令第88号"]
    (d,) = docnumber.find_all("依据（永政发〔２０２２〕６号）")
    assert d.normal == "永政发〔2022〕6号" and d.printed == "永政发〔２０２２〕６号"


def test_query_forms_of_a_doc_number():
    for q in ("永政发[2022]6号", "永政发〔2022〕6号", "永政发2022 6号", "永政发 2022-6号"):
        assert docnumber.parse_query(q).normal == "永政发〔2022〕6号", q
    assert docnumber.find_code("(永政发[2022]6号YZCR-2022-00004)") == "YZCR-2022-00004"


def test_dates_arabic_and_chinese_numerals():
    assert dates.parse("2022年6月13日")[0] == "2022-06-13"
    assert dates.parse("2019年01月24日")[0] == "2019-01-24"
    assert dates.parse("二〇〇六年十二月三十日")[0] == "2006-12-30"
    assert dates.parse("一九九六年二月六日")[0] == "1996-02-06"
    assert dates.parse("二○○四年四月二十七日")[0] == "2004-04-27"   # ○ (U+25CB) as printed on the web
    assert dates.parse("2022年2月30日") is None
    assert cn_number("二十三") == 23 and cn_number("一百零五") == 105


def test_tidy_drops_extraction_spaces_but_keeps_separators():
    assert tidy("（2022—2025 年）") == "（2022—2025年）"
    assert tidy("国务院令第 560 号") == "国务院令第560号"
    assert tidy("湖南省自然资源厅 湖南省住房和城乡建设厅") == "湖南省自然资源厅 湖南省住房和城乡建设厅"
    assert fold("永州市全民健身实施计划(2022—2025 年)") == fold("永州市全民健身实施计划（2022—2025年）")


def test_a_prefix_keeps_its_economic_jing_in_running_text():
    # 经 inside a prefix is 经济 (渝经信发); only a 经 that opens it is the verb.
    from reader.core import docnumber
    found = lambda s: [d.printed for d in docnumber.find_all(s)]
    assert found("按照渝经信发〔2021〕12号文件执行") == ["渝经信发〔2021〕12号"]
    assert found("《某某计划》（子经信科技〔2024〕27号）") == ["子经信科技〔2024〕27号"]
    assert found("经湘政发〔2020〕3号批准") == ["湘政发〔2020〕3号"]
    assert found("根据湘政发〔2020〕3号") == ["湘政发〔2020〕3号"]
