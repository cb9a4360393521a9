"""A tiny benchmark run: the library builds through the real importer and every figure is printed."""
import argparse
import re

from reader import bench
from reader.bench_corpus import generate, load_pools
from reader.core.parse.gazette import parse_issue
from reader.corpus_paths import corpus_dir, missing_reason

import pytest

# The pools are drawn from the real gov.cn texts as well as the sample.
pytestmark = pytest.mark.skipif(corpus_dir("govcn") is None, reason=missing_reason("govcn"))


def test_generated_issues_parse_into_what_was_written():
    pools = load_pools()
    assert len(pools.paragraphs) > 300 and len(pools.sentences) > 1000 and len(pools.subjects) > 30
    issues = generate(6, pools, seed=5)
    assert len({g.name for g in issues}) == 6
    for g in issues:
        issue = parse_issue(g.text, g.name)
        mains = list(issue.documents())
        assert [d.title for d in mains] == [p.title for p in g.documents]
        assert [d.doc_number for d in mains] == [p.doc_number for p in g.documents]
        assert [d.code for d in mains] == [p.code for p in g.documents]
        assert sum(1 for d in mains for _ in d.walk()) == g.expected_documents
        assert not [w for w in issue.warnings if "不一致" in w or "找不到" in w], issue.warnings
        # Page furniture was written, and dropped again.
        assert {d.reason for d in issue.dropped} >= {"页眉"} or {d.reason for d in issue.dropped} >= {"页码"}


def test_the_same_seed_writes_the_same_issues():
    pools = load_pools()
    assert [g.text for g in generate(2, pools, seed=9)] == [g.text for g in generate(2, pools, seed=9)]


def test_a_tiny_run_prints_every_figure(capsys):
    args = argparse.Namespace(issues=3, out=None, keep=False, paint_runs=0)
    assert bench.main(args) == 0
    out = capsys.readouterr().out
    m = re.search(r"Library: (\d+) documents, built in ([\d.]+) s, ([\d.]+) MB", out)
    assert m and int(m.group(1)) > 60 and float(m.group(3)) > 0
    assert "Recombination:" in out and "generated issues" in out
    assert re.search(r"warm-up .*: \d+ ms", out)
    for name in ("1 character", "2 characters", "4 characters", "several terms", "文号 / code lookup",
                 "文号 / code full search", "common 1 character"):
        row = re.search(rf"^{re.escape(name)} +(\d+) +([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+) +([\d.]+)x", out, re.M)
        assert row, name
        n, p50, p95, f50, f95, ratio = row.groups()
        assert int(n) > 0 and 0 < float(p50) <= float(p95) and 0 < float(f50) <= float(f95)
    assert "first paint: skipped" in out
    assert "WARNING" not in out


def test_an_existing_file_is_never_overwritten(tmp_path, capsys):
    precious = tmp_path / "library.db"
    precious.write_bytes(b"user data")
    assert bench.main(argparse.Namespace(issues=3, out=str(precious), keep=False, paint_runs=0)) == 2
    assert precious.read_bytes() == b"user data"
    assert "已存在" in capsys.readouterr().err


def test_the_start_probes_report_paint_quit_and_memory_of_a_real_start(tmp_path):
    # One round of each on the shipped library: the ordinary start, marked by the probe.
    from reader.resources import default_library
    starts = bench.time_start({"shipped": default_library()}, 1)
    assert not isinstance(starts, str), starts
    assert starts[0].real.values and starts[0].bare.values and starts[0].ratio.values[0] > 0
    quits = bench.time_quit(default_library(), 1, moments=(0,))
    assert quits[0].seconds.values and quits[0].seconds.values[0] < 10_000
    memory = bench.measure_memory(default_library(), tmp_path, 1)
    assert not isinstance(memory, str), memory
    assert memory.peak_kb.median >= memory.paint_kb.median > 0 and memory.warm_ms.values
    assert memory.open_median_ms.values and memory.open_median_ms.median > 0
    assert memory.start_kb.median >= memory.paint_kb.median and memory.settled_ms.values
    assert memory.warm_kb.median >= memory.start_kb.median
    mapped = bench.time_mapped({"shipped": default_library()}, 1)
    lines = bench.report(bench.existing(default_library()), 1.0, [], starts, quits, memory, (3, 0, []), mapped)
    text = "\n".join(lines)
    assert "real start → first document painted" in text and "quit (window closed" in text
    assert "memory (peak RSS" in text and "before any search" in text and "0 mismatches" in text
    if isinstance(mapped, str):     # no Xvfb here: the row says why
        assert "window mapped: skipped: " + mapped in text
    else:
        assert mapped[0].real.values and mapped[0].bare.values and "window mapped (the X server" in text


def test_without_xvfb_the_mapped_row_says_why(monkeypatch):
    monkeypatch.setattr(bench.shutil, "which", lambda name: None)
    reason = bench.time_mapped({"shipped": bench.ROOT / "data" / "gazette.db"}, 1)
    assert isinstance(reason, str) and "Xvfb" in reason
    built = bench.Built(bench.ROOT / "data" / "gazette.db", 1, 0.0, 1, "", [])
    assert f"Xvfb, process start → window mapped: skipped: {reason}" in bench.report(built, 1.0, [], mapped=reason)
