"""Time status and relations on the benchmark library (README, section 时效).

    python tools/bench_status.py [--db bench.db]

Without --db it builds the 240-issue library first (``reader.bench.build``, as
``gazette-reader bench`` does, ~1 min); ``gazette-reader bench --out FILE --keep`` leaves one to reuse. Reports, best of three runs each:
- the whole library: the status index (every text's stored facts resolved), every document's
  status today and every document's relations;
- after importing one more text into an open library: bringing the index up to date,
  the known statuses again (what the window does: tree marks, facets) and every
  document's status again.
"""
from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.core.errors import ImportRefused                   # noqa: E402
from reader.core.importer import parse_file, store            # noqa: E402
from reader.core.library import Library                       # noqa: E402
from reader.core.store.writer import LibraryWriter            # noqa: E402
from reader.corpus_paths import corpus_dir                    # noqa: E402


def whole(db: Path) -> tuple[float, float, float, int, int]:
    lib = Library(db)
    t0 = time.perf_counter()
    lib.status_index()
    t1 = time.perf_counter()
    statuses = lib.statuses()
    t2 = time.perf_counter()
    relations = sum(len(lib.relations(k)) for k in statuses)
    t3 = time.perf_counter()
    lib.close()
    return (t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000, len(statuses), relations


def after_import(db: Path, files: list[Path], folder: Path) -> list[tuple[str, float, float, float, int]]:
    copy = folder / "after-import.db"
    shutil.copyfile(db, copy)
    lib = Library(copy)
    lib.statuses()
    out = []
    for f in files:
        try:
            parsed = parse_file(f)
        except ImportRefused:        # the importer cannot read it yet: try the next one
            continue
        w = LibraryWriter(copy)
        try:
            store(w, parsed, replace=True)
        finally:
            w.close()
        t0 = time.perf_counter()
        index = lib.status_index()
        t1 = time.perf_counter()
        lib.statuses(known_only=True)
        t2 = time.perf_counter()
        lib.statuses()
        t3 = time.perf_counter()
        out.append((f.name, (t1 - t0) * 1000, (t2 - t1) * 1000, (t3 - t2) * 1000, index.last_read_documents))
    lib.close()
    return out


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--db")
    args = p.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.db:
            db = Path(args.db)
        else:
            from reader.bench import build
            db = folder / "bench.db"
            build(240, db)
        runs = [whole(db) for _ in range(3)]
        best = min(runs, key=lambda r: r[0] + r[1] + r[2])
        print(f"whole library ({best[3]} documents, {best[4]} relations): index {best[0]:.0f} ms, "
              f"all statuses {best[1]:.0f} ms, all relations {best[2]:.0f} ms, "
              f"total {best[0] + best[1] + best[2]:.0f} ms (best of 3)")
        local = corpus_dir("local")
        files = sorted(local.glob("chongqing-y*.txt"))[:6] if local else []
        files = files or [Path(__file__).resolve().parent.parent / "data" / "sources" /
                          "yongzhou-gazette-2022-05-06.txt"]
        for name, update, known, statuses, read in after_import(db, files, folder):
            print(f"after importing {name}: update {update:.1f} ms ({read} texts read), "
                  f"known statuses again (the window) {known:.1f} ms, all statuses again {statuses:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
