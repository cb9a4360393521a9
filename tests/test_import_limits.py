"""Import is linear in its input and bounded: special inputs finish in seconds and little memory.

The resource test runs each input through the real command line in a child process held
to 500 MB of address space, and asserts it is imported or refused in one line within 30 s.
"""
from __future__ import annotations

import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import pytest

import hostile_inputs as H
from conftest import ROOT
from reader.core.errors import ImportRefused
from reader.core.model import PARAGRAPH
from reader.core.parse.body import body_blocks
from reader.core.parse.lines import split_lines
from reader.core.parse.source import read_source

LIMIT_SECONDS = 30
LIMIT_BYTES = 500 * 1024 * 1024
linux_only = pytest.mark.skipif(not sys.platform.startswith("linux"),
                                reason="FIFOs, /dev/zero, RLIMIT_AS and wait4 as Linux has them")


def test_an_unclosed_bracket_is_not_rescanned_at_every_join():
    # One "（" never closed, then 3,000 lines that each go on (no closing punctuation): the
    # paragraph was re-scanned for open brackets at every join (191 KB: 34 s).
    text = "（" + "\n".join([H.PARA] * 3000)
    t0 = time.perf_counter()
    blocks = body_blocks(split_lines(text))
    assert time.perf_counter() - t0 < 2.0
    assert len(blocks) == 1 and len(blocks[0].text) == 1 + 3000 * len(H.PARA)


def test_one_unclosed_bracket_does_not_swallow_the_paragraphs_after_it():
    text = "\n".join(["一、总体要求", "（一）坚持依法行政，做好公开工作。",
                      "各地要（按照规定做好公开工作。", "第二段完整的正文内容。", "第三段完整的正文内容。",
                      "二、工作措施"])
    blocks = body_blocks(split_lines(text))
    paras = [b.text for b in blocks if b.kind == PARAGRAPH]
    assert paras[-3:] == ["各地要（按照规定做好公开工作。", "第二段完整的正文内容。", "第三段完整的正文内容。"]


def test_a_page_break_inside_brackets_still_joins():
    blocks = body_blocks(split_lines("按照《中华人民共和国政府信息公开条例》（国务院令第\n711号）执行。"))
    assert [b.text for b in blocks] == ["按照《中华人民共和国政府信息公开条例》（国务院令第711号）执行。"]


def test_pdf_header_inside_a_text_does_not_make_it_a_pdf(tmp_path):
    f = tmp_path / "note.txt"
    f.write_text("关于文件格式的说明\n\n文件开头为 %PDF-1.7 的才是 PDF。\n", encoding="utf-8")
    src = read_source(f)
    assert src.kind == "text" and "%PDF-1.7" in src.text
    g = tmp_path / "real.pdf"
    g.write_bytes(H.xobject_fanout_pdf(depth=1, fan=1))
    from reader.core.parse import source
    assert source.is_pdf(g.read_bytes()[:1024])


@linux_only
def test_special_files_are_refused_without_reading(tmp_path):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    code = ("import sys; from reader.core.parse.source import read_source\n"
            "from reader.core.errors import ImportRefused\n"
            "for p in sys.argv[1:]:\n"
            "    try: read_source(p); print('read', p)\n"
            "    except ImportRefused as e: print('refused', e)\n")
    r = subprocess.run([sys.executable, "-c", code, str(fifo), "/dev/zero"], capture_output=True, timeout=20,
                       cwd=ROOT, env=dict(os.environ, PYTHONPATH=str(ROOT)))
    out = r.stdout.decode().splitlines()
    assert len(out) == 2 and all(line.startswith("refused") and "不是普通文件" in line for line in out), out


def test_a_text_longer_than_any_gazette_is_refused(tmp_path):
    f = tmp_path / "long.txt"
    f.write_text("通知\n\n" + ("正文内容。" * 100 + "\n") * 5000, encoding="utf-8")     # 2.5 M characters
    with pytest.raises(ImportRefused, match="文字过长"):
        read_source(f)


def test_a_flate_bomb_is_refused_before_pdfium_reads_it():
    from reader.core.parse.pdf import check_inflated_size
    with pytest.raises(ImportRefused, match="压缩炸弹"):
        check_inflated_size(H.flate_bomb_pdf(100))


# -- the resource test -------------------------------------------------------------------

def _special_inputs(folder: Path) -> dict[str, Path]:
    out = {}

    def put(name: str, data: bytes | str) -> None:
        p = folder / name
        p.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        out[name] = p

    put("bracket-191k.txt", H.unclosed_bracket_text(1600))
    put("bracket-2.9m.txt", H.unclosed_bracket_text(24000))
    put("dense-small.pdf", H.dense_text_pdf(3_000_000))
    put("dense-large.pdf", H.dense_text_pdf(60_000_000))
    put("flate-bomb.pdf", H.flate_bomb_pdf(300))
    put("xobject-fanout.pdf", H.xobject_fanout_pdf())
    put("many-documents.txt", H.many_documents_issue(12_500))        # just under the character cap
    put("pdf-marker.txt", H.unclosed_bracket_text(10).replace("\n", "\n%PDF-1.4\n", 1))
    lines = "\n".join(f"{i}．{H.PARA}" for i in range(150_000))
    put("20mb-lines.txt", lines.encode("utf-8")[:20 * 1024 * 1024 - 1].decode("utf-8", "ignore"))
    os.mkfifo(folder / "fifo.txt")
    out["fifo"] = folder / "fifo.txt"
    out["dev-zero"] = Path("/dev/zero")
    return out


@pytest.fixture(scope="module")
def special_inputs(tmp_path_factory):
    return _special_inputs(tmp_path_factory.mktemp("special"))


def _limits():
    resource.setrlimit(resource.RLIMIT_AS, (LIMIT_BYTES, LIMIT_BYTES))


@linux_only
@pytest.mark.parametrize("name", ["bracket-191k.txt", "bracket-2.9m.txt", "dense-small.pdf", "dense-large.pdf",
                                  "flate-bomb.pdf", "xobject-fanout.pdf", "pdf-marker.txt", "many-documents.txt", "20mb-lines.txt",
                                  "fifo", "dev-zero"])
def test_special_inputs_finish_in_30_s_and_500_mb(special_inputs, name, tmp_path):
    f = special_inputs[name]
    db = tmp_path / "lib.db"
    t0 = time.monotonic()
    p = subprocess.Popen([sys.executable, "-m", "reader", "import", str(f), "--db", str(db)],
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, preexec_fn=_limits,
                         env=dict(os.environ, PYTHONPATH=str(ROOT)))
    while True:     # wait4: this child's own peak memory, and that of the processes it waited for
        pid, status, usage = os.wait4(p.pid, os.WNOHANG)
        if pid:
            break
        if time.monotonic() - t0 > LIMIT_SECONDS + 10:
            p.kill()
            pid, status, usage = os.wait4(p.pid, 0)
            break
        time.sleep(0.02)
    took = time.monotonic() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode()
    p.stderr.close()
    peak = usage.ru_maxrss * 1024
    size = f.stat().st_size if f.is_file() else 0
    print(f"{name}: {size} bytes, {took:.1f} s, {peak / 1048576:.0f} MB, exit {p.returncode}, {err.strip()[-90:]}")
    r = p
    assert took < LIMIT_SECONDS
    assert peak < LIMIT_BYTES
    assert r.returncode in (0, 1), err
    assert "Traceback" not in err
    if name.endswith(".txt") and not name.startswith("20mb"):
        assert r.returncode == 0, err           # the texts are real notices: imported, quickly
    if r.returncode == 1:
        assert len(err.strip().splitlines()) == 1, err
