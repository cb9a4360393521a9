"""The reference issue: 《永州市人民政府公报》2022年第5-6期, as extracted from its PDF."""
from reader.core.model import APPOINTMENT, HEADING, INTERPRETATION, NOTICE, PLAN
from reader.core.text import squeeze


def _docs(issue):
    return list(issue.documents())


def test_issue_identity_and_masthead(sample_issue):
    i = sample_issue
    assert i.publication == "永州市人民政府公报"
    assert (i.year, i.numbers, i.cumulative) == (2022, (5, 6), (154, 155))
    assert i.label == "2022年第5-6期（总第154—155期）"
    m = i.masthead
    assert m.supervisor == "永州市人民政府办公室" and m.sponsor == "永州市人民政府研究室"
    assert ("总编辑", "徐鹏飞") in m.board
    assert dict(m.board)["委员"].startswith("彭晓东 魏和胜 邓海波")
    contacts = dict(m.contacts)
    assert contacts["电话"] == "0746-8368335" and contacts["邮编"] == "425000"
    assert contacts["准印证号"] == "(湘M)LK20220020号" and contacts["承印"] == "永州市星长虹印务有限公司"
    assert m.distribution[0] == "全体市级领导" and m.distribution[-1] == "市内重点企业" and len(m.distribution) == 6
    assert m.motto == "本刊刊登的文件与正式文件具有同等效力"


def test_sections_documents_numbers_dates_pages(sample_issue):
    assert [s.name for s in sample_issue.sections] == ["市政府文件", "市政府办文件", "人事任免"]
    docs = _docs(sample_issue)
    assert [d.doc_number for d in docs] == ["永政发〔2022〕6号", "永政办发〔2022〕8号", "永政办发〔2022〕9号", "永政人〔2022〕12号"]
    assert [d.code for d in docs] == ["YZCR-2022-00004", "YZCR-2022-01005", "YZCR-2022-01006", None]
    assert [d.date for d in docs] == ["2022-06-13", "2022-05-05", "2022-05-23", "2022-06-03"]
    assert [d.page for d in docs] == [3, 10, 17, 23]
    assert [d.kind for d in docs] == [NOTICE, NOTICE, NOTICE, APPOINTMENT]
    assert docs[0].title == "永州市人民政府关于印发《永州市全民健身实施计划(2022—2025年)》的通知"
    assert docs[1].title == "永州市人民政府办公室关于印发《永州市新建商品房“交房即交证”改革实施方案》的通知"
    assert docs[2].title == "永州市人民政府办公室关于印发《持续深化“放管服”改革全力促进“五好”园区建设工作方案》的通知"
    assert docs[3].title == "永州市人民政府关于张卫阳同志正式任职的通知"
    assert docs[1].doc_number_printed == "永政办发[2022] 8号"
    assert [d.issuer for d in docs] == ["永州市人民政府", "永州市人民政府办公室", "永州市人民政府办公室", "永州市人民政府"]
    assert docs[0].addressees.startswith("各县市区人民政府")
    assert docs[0].signature == "永州市人民政府"


def test_attached_plans_and_interpretations_are_paired(sample_issue):
    docs = _docs(sample_issue)
    plans = [d.attachments[0] for d in docs[:3]]
    assert all(p.kind == PLAN for p in plans)
    assert plans[0].title == "永州市全民健身实施计划(2022—2025年)"
    assert plans[2].title == "持续深化“放管服”改革全力促进“五好”园区建设工作方案"
    authors = [d.interpretations[0].author for d in docs[:3]]
    assert authors == ["永州市文化旅游广电体育局", "永州市自然资源和规划局", "永州市行政审批服务局"]
    assert all(d.interpretations[0].kind == INTERPRETATION for d in docs[:3])
    # "新商品房" in the 解读 for "新建商品房" in the policy: still paired, and said so.
    assert "新商品房" in docs[1].interpretations[0].explains
    assert any("新商品房" in w and "新建商品房" in w for w in sample_issue.warnings)
    assert docs[3].interpretations == ()


def test_toc_discrepancy_is_recorded_with_both_values(sample_issue):
    d = _docs(sample_issue)[2]
    assert (d.doc_number, d.code) == ("永政办发〔2022〕9号", "YZCR-2022-01006")
    w = [w for w in sample_issue.warnings if "文号" in w]
    assert len(w) == 1
    assert "永政办发[2022]6 号" in w[0] and "YZCR-2022-01003" in w[0]
    assert "永政办发〔2022〕9号" in w[0] and "YZCR-2022-01006" in w[0]


def _all_blocks(issue):
    for top in issue.documents():
        for d in top.walk():
            yield from d.blocks


def test_page_breaks_are_joined(sample_issue):
    texts = [b.text for b in _all_blocks(sample_issue)]
    joined = "\n".join(texts)
    for phrase in ("十九届历次全会精神", "先审批的部门要将审批结果发送至下一个部门", "基本形成健身组织网络",
                   "中国·东安全国“武术比赛”", "乡镇（街道）市民体质监测网络", "建立体育和卫生健康等部门协同",
                   "国家税务总局湖南省税务局关于开展", "对暂时未能承接的事项要逐项理清",
                   "责任单位：市财政局", "“帮代办”队伍", "积极开展产业发展"):
        assert phrase in joined, phrase
    # No paragraph is left hanging mid-sentence.
    hanging = [t for t in texts if t.endswith(("历次", "审", "基本形成", "湖", "逐"))]
    assert hanging == []


def test_page_furniture_is_dropped_and_listed(sample_issue):
    dropped = {(d.line, d.text, d.reason) for d in sample_issue.dropped}
    assert (334, "市政府办文件", "页眉") in dropped and (443, "市政府办文件", "页眉") in dropped
    assert (63, "发布政令 公开政务 指导工作 服务社会", "标语") in dropped
    for b in _all_blocks(sample_issue):
        assert "市政府办文件" not in squeeze(b.text)
        assert "发布政令" not in b.text


def test_headings_have_levels_in_both_bracket_styles(sample_issue):
    plan = _docs(sample_issue)[0].attachments[0]
    heads = [(b.level, b.text) for b in plan.blocks if b.kind == HEADING]
    assert (1, "一、总体目标") in heads
    assert (2, "(一) 加强全民健身场地设施建设") in heads       # half-width brackets
    assert (2, "（三）提升科学健身指导服务") in heads           # full-width brackets
    interp = _docs(sample_issue)[1].interpretations[0]
    assert (2, "（一）文件起草依据。") in [(b.level, b.text) for b in interp.blocks if b.kind == HEADING]


def test_personnel_notice(sample_issue):
    d = _docs(sample_issue)[3]
    assert d.kind == APPOINTMENT
    body = [b.text for b in d.blocks if b.kind == "paragraph"]
    assert body == ["下列同志任职试用期已满，市人民政府同意正式任职：", "张卫阳同志任市供销合作联社监事长。",
                    "任职时间从试用之日起计算。"]


def test_keys_are_stable_and_readable(sample_issue):
    docs = _docs(sample_issue)
    assert docs[0].key == "永州市人民政府公报/2022/5-6/永政发〔2022〕6号"
    assert docs[0].attachments[0].key == docs[0].key + "/附件1"
    keys = [d.key for top in docs for d in top.walk()]
    assert len(keys) == len(set(keys)) == 10
    from reader.core.parse.gazette import parse_issue
    again = parse_issue("\n\n" + "\n".join(l.rstrip() for l in open(
        __import__("tests.conftest", fromlist=["SAMPLE"]).SAMPLE, encoding="utf-8").read().split("\n")))
    assert [d.key for top in again.documents() for d in top.walk()] == keys   # line numbers shifted, keys not


def test_citations_found(sample_issue):
    interp = _docs(sample_issue)[1].interpretations[0]
    targets = {c.target for c in interp.citations if c.kind == "doc_number"}
    assert {"国务院令第656号", "湘政办发〔2021〕75号", "湘自然资发〔2020〕37号"} <= targets
    titles = {c.text for c in interp.citations if c.kind == "title"}
    assert "不动产登记暂行条例" in titles


def test_a_running_header_before_the_first_document_is_furniture(sample_text):
    from reader.core.parse.gazette import parse_issue
    text = sample_text.replace("市内重点企业\n", "市内重点企业\n\n市政府文件\n\n— 2 —\n", 1)
    issue = parse_issue(text)
    assert issue.masthead.distribution[-1] == "市内重点企业"
    reasons = {(d.text, d.reason) for d in issue.dropped}
    assert ("市政府文件", "页眉") in reasons and ("— 2 —", "页码") in reasons
    from reader.core.conservation import check_issue
    assert check_issue(text, issue).ok
