"""``gazette-reader bench``: build a large library, time searches and first paint.

1. Build: ``--issues`` issues (the real sample plus generated ones, see
   ``bench_corpus``) and the 60 gov.cn documents, through the real importer.
2. Search: distinct queries per class, drawn from the library's own text; each
   timed as the engine's ``search`` (ranking, facets, 50 hits with snippets)
   and as the floor (bare SQL: the FTS5 MATCH returning rowids, or the indexed
   文号/code lookup), best of a few runs each, interleaved, same connection
   settings. Reported: p50 and p95 over the queries, and p95 / floor p95.
3. First paint: ``python -m reader --self-test`` against ``python -m
   reader.gui.bench_floor`` (a bare tree + text window), both offscreen, measured
   from just before Popen to the ``first_paint_at`` they print; median of runs.
"""
from __future__ import annotations

import os
import random
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import unicodedata
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from .bench_corpus import CORPUS, SAMPLE, generate, load_pools, write_issues
from .core.importer import parse_file, store
from .core.search import index
from .core.search.engine import SearchEngine
from .core.search.query import parse
from .core.store.writer import LibraryWriter

ROOT = Path(__file__).resolve().parent.parent
TARGET_MS, TARGET_RATIO, PAINT_RATIO = 50.0, 3.0, 1.5
COMMON = "的国发展在和了"          # very common characters: reported on their own


# -- 1. build ---------------------------------------------------------------------
@dataclass
class Built:
    path: Path
    documents: int
    seconds: float
    size: int
    recombination: str
    mismatches: list[str]


def _parse(path: str):
    return parse_file(path)


def build(issue_count: int, db: Path, seed: int = 2022) -> Built:
    started = time.perf_counter()
    pools = load_pools()
    generated = generate(max(0, issue_count - 1), pools, seed)
    real = sorted(CORPUS.glob("*.txt")) if CORPUS else []
    paths = [SAMPLE] + write_issues(generated, db.parent / (db.stem + "-sources")) + real
    expected = {g.name: g for g in generated}
    db.unlink(missing_ok=True)
    writer = LibraryWriter(db)
    docs, mismatches = 0, []
    try:
        # Parsing is pure Python: two processes; the writer stays here (one transaction per issue).
        with ProcessPoolExecutor(min(2, os.cpu_count() or 1)) as pool:
            for parsed in pool.map(_parse, map(str, paths), chunksize=4):
                docs += store(writer, parsed)
                g = expected.get(Path(parsed.path).name)
                if g:
                    got = sum(1 for d in parsed.result.documents() for _ in d.walk())
                    if got != g.expected_documents:
                        mismatches.append(f"{g.name}: parsed {got} documents, wrote {g.expected_documents}")
    finally:
        writer.close()
    how = (f"{len(generated)} generated issues + the real sample issue + {len(paths) - len(generated) - 1} gov.cn "
           f"documents. The generated issues recombine {pools.describe()}: half the paragraphs are real "
           f"paragraphs, half join 2-4 real sentences from different texts; headings are real headings "
           f"renumbered; titles put real subjects under one of 8 cities; each issue has a masthead, a 目录 "
           f"(文号, code, page), 3 sections, 7-9 印发 notices with their plan (most with a 解读), 1-3 意见/决定 "
           f"and 0-2 appointments; years from 2018, single and double numbers, running 总第 numbers, 文号 "
           f"and codes numbered per city and year in three printed forms, page breaks cutting paragraphs, "
           f"running headers and page numbers between pages.")
    return Built(db, docs, time.perf_counter() - started, db.stat().st_size, how, mismatches)


# -- 2. queries -------------------------------------------------------------------
def draw_queries(db: Path, per_class: int, seed: int = 7) -> dict[str, list[str]]:
    """Distinct queries per class, drawn from the library's own text (so most have hits)."""
    rng = random.Random(seed)
    conn = sqlite3.connect(Path(db).resolve().as_uri() + "?mode=ro", uri=True)
    texts = [index.normalize(t) for (t,) in conn.execute(
        "SELECT text FROM blocks WHERE kind IN ('paragraph', 'heading') ORDER BY doc_id, idx")]
    texts = [t for t in texts if len(t) >= 8]
    numbers = conn.execute("SELECT doc_number_printed, doc_number, code FROM documents "
                           "WHERE doc_number IS NOT NULL ORDER BY id").fetchall()
    conn.close()

    def piece(n: int) -> str:
        t = rng.choice(texts)
        i = rng.randrange(len(t) - n + 1)
        return t[i:i + n]

    def distinct(make, count, ok=lambda q: True) -> list[str]:
        out: list[str] = []
        for _ in range(count * 50):
            q = make()
            # A leading minus or a quote would be query syntax, not text.
            if q and q not in out and q[0] not in "-－" and not re.search(r"[\"“”＂]", q) and ok(q):
                out.append(q)
                if len(out) == count:
                    break
        return out

    def multi() -> str:
        t = rng.choice(texts)
        starts = sorted(rng.sample(range(len(t) - 2), 2)) if len(t) > 12 else [0, 3]
        return " ".join(t[s:s + 2] for s in starts)

    def number() -> str:
        printed, normal, code = rng.choice(numbers)
        form = rng.randrange(4)
        if form == 0:
            return printed
        if form == 1:
            return normal
        if form == 2 and code:
            return code
        m = re.match(r"(.+)〔(\d{4})〕(\d+)号", normal)
        return f"{m.group(1)}{m.group(2)} {m.group(3)}号" if m else normal

    return {
        "1 character": distinct(lambda: piece(1), per_class),
        "2 characters": distinct(lambda: piece(2), per_class),
        "4 characters": distinct(lambda: piece(4), per_class),
        "several terms": distinct(multi, per_class, lambda q: len(q.split()) == 2),
        "文号 / code": distinct(number, per_class),
        "common 1 character": list(COMMON),
    }


def floor_query(conn: sqlite3.Connection, text: str, with_text: bool = False):
    """The bare SQL a query needs at least: its FTS5 MATCH, or the indexed 文号/code lookup
    (``with_text``: and the MATCH of the number as typed, which the engine also runs)."""
    q = parse(text)
    if q.doc_number or q.code:
        rows = conn.execute("SELECT id FROM documents WHERE doc_number = ? OR code = ?",
                            (q.doc_number or q.code, q.doc_number or q.code)).fetchall()
        if not with_text:
            return rows
        norms = [index.normalize(text)]
    else:
        norms = q.norms
    expr = " AND ".join(f'"{index.tokens(n)}"' for n in norms)
    return conn.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH ?", (expr,)).fetchall()


def _best(fn, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        best = min(best, (time.perf_counter() - t) * 1000)
    return best


@dataclass
class Timing:
    name: str
    queries: int
    p50: float
    p95: float
    floor_p50: float
    floor_p95: float
    worst: str

    @property
    def ratio(self) -> float:
        return self.p95 / self.floor_p95 if self.floor_p95 else float("inf")


def pct(values: list[float], p: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, max(0, round(p / 100 * (len(s) - 1))))]


def time_searches(db: Path, classes: dict[str, list[str]], runs: int) -> tuple[float, list[Timing]]:
    engine = SearchEngine(db)
    warm = engine.warm_up()
    conn = sqlite3.connect(Path(db).resolve().as_uri() + "?mode=ro", uri=True)
    conn.execute("PRAGMA cache_size = -65536")      # the engine's connection settings
    conn.execute("PRAGMA mmap_size = 268435456")
    out = []
    for name, queries in classes.items():
        eng, flo, flo_text = [], [], []
        numbers = name.startswith("文号")
        for q in queries:
            engine.search(q)                          # the pages in cache, as while typing
            flo.append(_best(lambda q=q: floor_query(conn, q), runs))
            eng.append(_best(lambda q=q: engine.search(q), runs))
            if numbers:
                flo_text.append(_best(lambda q=q: floor_query(conn, q, True), runs))
        if numbers:
            # The lookup itself (Enter on a 文号 opens the document) against the indexed SQL lookup;
            # the full search of the number (the document and every text citing it) against
            # the lookup plus the MATCH of the number as typed, which is the SQL it needs.
            look = [_best(lambda q=q: engine.lookup(q), runs) for q in queries]
            worst = max(zip(look, queries))
            out.append(Timing("文号 / code lookup", len(queries), pct(look, 50), pct(look, 95),
                              pct(flo, 50), pct(flo, 95), f"{worst[1]} {worst[0]:.2f} ms"))
            worst = max(zip(eng, queries))
            out.append(Timing("文号 / code full search", len(queries), pct(eng, 50), pct(eng, 95),
                              pct(flo_text, 50), pct(flo_text, 95), f"{worst[1]} {worst[0]:.1f} ms"))
            continue
        worst = max(zip(eng, queries))
        out.append(Timing(name, len(queries), pct(eng, 50), pct(eng, 95), pct(flo, 50), pct(flo, 95),
                          f"{worst[1]} {worst[0]:.1f} ms"))
    conn.close()
    engine.close()
    return warm, out


# -- 3. first paint -----------------------------------------------------------------
_PAINT = re.compile(r"first_paint_at=([0-9.]+)")


def _paint_once(args: list[str], env: dict) -> float | None:
    started = time.time()
    try:
        r = subprocess.run([sys.executable, *args], capture_output=True, text=True, env=env, cwd=ROOT, timeout=120)
    except subprocess.TimeoutExpired:
        return None
    m = _PAINT.search(r.stdout)
    return (float(m.group(1)) - started) * 1000 if r.returncode == 0 and m else None


def first_paint(real: list[str], bare: list[str], runs: int) -> tuple[float, float, float] | str:
    """(median ms real, median ms bare, median of per-pair ratios), from just before Popen to
    the child's first paint. The two run in turns, after one unmeasured run each (bytecode
    cached, files in the page cache), so a busy or throttled machine hurts both alike."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    env.pop("PYTHONDONTWRITEBYTECODE", None)     # an installed program has its bytecode cached
    env["GAZETTE_READER_DATA"] = tempfile.mkdtemp(prefix="gazette-bench-profile-")
    if _paint_once(real, env) is None:
        return "self-test not available"
    if _paint_once(bare, env) is None:
        return "floor failed"
    pairs = []
    for _ in range(runs):
        r, b = _paint_once(real, env), _paint_once(bare, env)
        if r and b:
            pairs.append((r, b))
    if not pairs:
        return "no run reported a paint"
    return (statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs),
            statistics.median(p[0] / p[1] for p in pairs))


# -- report -------------------------------------------------------------------------
def _pad(text: str, width: int) -> str:
    """Left-justify for a terminal, where a Chinese character takes two columns."""
    shown = sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)
    return text + " " * max(0, width - shown)


def report(built: Built, warm: float, timings: list[Timing], paint: tuple | None) -> list[str]:
    lines = [f"Library: {built.documents} documents, built in {built.seconds:.1f} s, "
             f"{built.size / 1e6:.1f} MB ({built.path})",
             f"Recombination: {built.recombination}"]
    if built.mismatches:
        lines.append(f"WARNING: {len(built.mismatches)} generated issues parsed differently: {built.mismatches[:3]}")
    lines.append(f"Search warm-up (once after opening or an import: tables, catalog, text): {warm:.0f} ms")
    lines.append("")
    head = f"{_pad('query class', 36)}{'n':>4}{'p50 ms':>9}{'p95 ms':>9}{'floor p50':>11}{'floor p95':>11}{'ratio':>8}  ok   worst"
    lines += [head, "-" * len(head)]
    for t in timings:
        ok = t.p95 <= TARGET_MS and (t.ratio <= TARGET_RATIO)
        lines.append(f"{_pad(t.name, 36)}{t.queries:>4}{t.p50:>9.2f}{t.p95:>9.2f}{t.floor_p50:>11.2f}"
                     f"{t.floor_p95:>11.2f}{t.ratio:>7.1f}x  {'yes' if ok else 'NO ':<4} {t.worst}")
    lines.append(f"(targets: p95 <= {TARGET_MS:.0f} ms and <= {TARGET_RATIO:.0f}x the floor's p95; "
                 f"best of several runs per query)")
    lines.append("")
    if paint is None:
        lines.append("first paint: skipped")
    elif isinstance(paint, str):
        lines.append(f"first paint: skipped: {paint}")
    else:
        real, bare, ratio = paint
        lines.append(f"first paint: window {real:.0f} ms, bare Qt window {bare:.0f} ms (medians), ratio "
                     f"{ratio:.2f}x (median of run-by-run ratios; target <= {PAINT_RATIO}x)")
    return lines


def run(issues: int, out: Path | None, keep: bool, paint_runs: int = 5, per_class: int | None = None,
        runs: int | None = None) -> list[str]:
    folder = Path(out).parent if out else Path(tempfile.mkdtemp(prefix="gazette-bench-"))
    db = Path(out) if out else folder / "bench.db"
    db.parent.mkdir(parents=True, exist_ok=True)
    try:
        built = build(issues, db)
        print(f"built {built.documents} documents in {built.seconds:.1f} s", flush=True)
        small = issues < 100
        classes = draw_queries(db, per_class or (20 if small else 80))
        warm, timings = time_searches(db, classes, runs or (2 if small else 5))
        paint = None
        if paint_runs:
            paint = first_paint(["-m", "reader", "--self-test", "--db", str(db)], ["-m", "reader.gui.bench_floor"],
                                paint_runs)
        return report(built, warm, timings, paint)
    finally:
        if not keep:
            shutil.rmtree(db.parent / (db.stem + "-sources"), ignore_errors=True)
            if not out:
                shutil.rmtree(folder, ignore_errors=True)
            else:
                db.unlink(missing_ok=True)


def main(args) -> int:
    out = Path(args.out) if args.out else None
    if out is not None and out.exists():     # never overwrite a library someone may need
        print(f"gazette-reader: {out} 已存在；请删除或另选 --out", file=sys.stderr)
        return 2
    if args.issues < 1:
        print("gazette-reader: --issues 至少为 1", file=sys.stderr)
        return 2
    lines = run(args.issues, out, args.keep, getattr(args, "paint_runs", 5))
    print("\n".join(lines))
    return 0
