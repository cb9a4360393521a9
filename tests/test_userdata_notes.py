"""Notes are Markdown rendered without letting the note's author inject HTML or live links."""
import subprocess
import sys

from conftest import ROOT
from reader.core.userdata.notes import note_html, plain_html


def test_markdown_is_rendered():
    out = note_html("**要点**\n\n- 甲\n- 乙\n\n`代码`")
    assert "<strong>要点</strong>" in out and "<li>甲</li>" in out and "<code>代码</code>" in out


def test_raw_html_shows_as_text():
    out = note_html("<script>alert('x')</script>\n\n正文 <img src=http://evil.example/t.png onerror=alert(1)> 后文")
    assert "<script" not in out and "<img" not in out
    assert "&lt;script&gt;alert('x')&lt;/script&gt;" in out
    assert "&lt;img src=http://evil.example/t.png onerror=alert(1)&gt;" in out


def test_links_and_images_become_plain_text_with_the_address_visible():
    out = note_html("见[通知](http://example.gov.cn/a) 和 ![图](http://evil.example/i.png) "
                    "及 [危险](javascript:alert(1)) <http://auto.example/> [参考][r]\n\n[r]: http://ref.example/")
    for tag in ("<a", "<img", "href=", "src="):
        assert tag not in out
    assert "通知</span> (http://example.gov.cn/a)" in out
    assert "[图片：图] (http://evil.example/i.png)" in out
    assert "(javascript:alert(1))" in out
    assert "&lt;http://auto.example/&gt;" in out
    assert "参考</span> (http://ref.example/)" in out


def test_empty_note_and_plain_text():
    assert note_html("") == "" and note_html("  \n") == ""
    assert plain_html("a<b>\nc") == "a&lt;b&gt;<br>\nc"


def test_markdown_is_imported_only_when_a_note_is_rendered():
    code = ("import sys\nimport reader.core.userdata.notes as n\nbefore = 'markdown' in sys.modules\n"
            "n.note_html('*x*')\nprint(before, 'markdown' in sys.modules)")
    r = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert r.stdout.split() == ["False", "True"], r.stderr


def test_a_list_right_under_a_line_and_line_breaks_are_kept():
    from reader.core.userdata.notes import note_html
    out = note_html("请住建局牵头\n- 完善流程\n- 限时办结")
    assert "<li>完善流程</li>" in out and "<li>限时办结</li>" in out
    assert "第一行<br" in note_html("第一行\n第二行")
