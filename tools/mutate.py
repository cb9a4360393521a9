"""Put each of a few known, deliberate bugs into a copy of the tree and check a test catches it.

    python tools/mutate.py            # all bugs
    python tools/mutate.py 4 6b       # only some (by id)

For every bug: copy the repository (without .git, venvs and caches) to a temporary folder,
apply one small source patch there, run the tests that guard that code, and report
"killed" (some test failed) or "SURVIVED" (every test passed: a hole in the suite). The real
tree is never modified. Exits non-zero when a bug survives or its patch no longer applies
(the code it patches has changed: update the patch, do not drop the bug).
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SKIP = shutil.ignore_patterns(".git", ".venv", "venv", "__pycache__", ".pytest_cache", ".hypothesis",
                              "build", "dist", "*.egg-info")


@dataclass(frozen=True)
class Bug:
    id: str
    what: str
    path: str                 # file patched, relative to the repository
    old: str                  # exact text, must occur once
    new: str
    tests: tuple[str, ...]    # pytest arguments


BUGS = (
    Bug("1", "character check compares lengths only",
        "reader/core/conservation.py",
        "    if expected == stored:\n",
        "    if len(expected) == len(stored):\n",
        ("tests/test_conservation.py", "-k", "not govcn")),
    Bug("2", "解读 pairing threshold 0.8 -> 0.5",
        "reader/core/parse/gazette.py",
        "        if score < 0.8:\n",
        "        if score < 0.5:\n",
        ("tests/test_pairing.py", "tests/test_parse_sample.py", "tests/test_import_report.py")),
    Bug("3a", "pairing tie-break reversed: the farthest policy wins",
        "reader/core/parse/gazette.py",
        "s[2] if s[1] else -s[2]",
        "-s[2] if s[1] else s[2]",
        ("tests/test_pairing.py", "tests/test_parse_sample.py")),
    Bug("3b", "pairing tie-break reversed: a policy printed after wins",
        "reader/core/parse/gazette.py",
        "(round(s[0], 3), s[1], ",
        "(round(s[0], 3), not s[1], ",
        ("tests/test_pairing.py", "tests/test_parse_sample.py")),
    Bug("4", "a locked user.db treated as corrupt (moved aside)",
        "reader/core/userdata/db.py",
        "_CORRUPTION = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB)\n",
        "_CORRUPTION = (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB, sqlite3.SQLITE_BUSY)\n",
        ("tests/test_userdata_locked.py", "tests/test_userdata_durability.py")),
    Bug("5", "print cancel from the GUI thread ignored",
        "reader/gui/printing/controller.py",
        '        """Ask the running job to stop; safe from any thread.  ``cancelled`` follows."""\n'
        "        self._stop.set()\n",
        '        """Ask the running job to stop; safe from any thread.  ``cancelled`` follows."""\n'
        "        if threading.current_thread() is threading.main_thread():\n"
        "            return\n"
        "        self._stop.set()\n",
        ("tests/test_print_cancel.py", "tests/test_print_controller.py", "tests/test_print_dialog.py")),
    Bug("6a", "user data committed only every 8th save",
        "reader/core/userdata/store.py",
        "            try:\n"
        '                self.conn.execute("BEGIN IMMEDIATE")\n'
        "            except sqlite3.Error as e:\n"
        "                raise translate(e, self.path) from e\n"
        "            try:\n"
        "                yield self.conn\n"
        '                self.conn.execute("COMMIT")\n',
        '            self._saves = getattr(self, "_saves", 0) + 1\n'
        "            try:\n"
        "                if not self.conn.in_transaction:\n"
        '                    self.conn.execute("BEGIN IMMEDIATE")\n'
        "            except sqlite3.Error as e:\n"
        "                raise translate(e, self.path) from e\n"
        "            try:\n"
        "                yield self.conn\n"
        "                if self._saves % 8 == 0:\n"
        '                    self.conn.execute("COMMIT")\n',
        ("tests/test_userdata_crash.py", "tests/test_userdata_durability.py")),
    Bug("6b", "user data written with synchronous=OFF",
        "reader/core/userdata/db.py",
        '        conn.execute("PRAGMA synchronous = FULL")\n',
        '        conn.execute("PRAGMA synchronous = OFF")\n',
        ("tests/test_userdata_crash.py", "tests/test_userdata_durability.py")),
    Bug("7a", "English counts always plural (\"1 notes\")",
        "reader/core/messages.py",
        "        return one if int(value) == 1 else many\n",
        "        return many\n",
        ("tests/test_core_messages.py", "tests/test_english_core_text.py")),
    Bug("7b", "stored Chinese notes not read back: only messages made in this process are translated",
        "reader/core/messages.py",
        "    msg = text if isinstance(text, Msg) else parse(str(text))\n",
        "    msg = text if isinstance(text, Msg) else None\n",
        ("tests/test_core_messages.py", "tests/test_english_core_text.py", "-k", "not bookmarks")),
    Bug("7c", "the window gives core messages in Chinese whatever its language",
        "reader/gui/core_text.py",
        "    return render(text, ui_language())\n",
        "    return render(text, ZH)\n",
        ("tests/test_ui_language.py", "-k", "message_boxes")),
)


def _copy_tree(dest: Path) -> Path:
    tree = dest / "tree"
    shutil.copytree(ROOT, tree, ignore=SKIP, symlinks=True)
    return tree


def _apply(tree: Path, bug: Bug) -> None:
    path = tree / bug.path
    text = path.read_text(encoding="utf-8")
    n = text.count(bug.old)
    if n != 1:
        raise LookupError(f"{bug.path}: the text to patch occurs {n} times (expected once)")
    path.write_text(text.replace(bug.old, bug.new), encoding="utf-8")


def run_bug(bug: Bug, python: str, verbose: bool, keep_going: bool = False) -> tuple[str, str]:
    with tempfile.TemporaryDirectory(prefix=f"mutant-{bug.id}-") as tmp:
        tree = _copy_tree(Path(tmp))
        try:
            if bug.path:
                _apply(tree, bug)
        except LookupError as e:
            return "NOT APPLIED", str(e)
        # The copy is not beside ../shared: point it at the corpora the real tree sees.
        corpus = os.environ.get("GAZETTE_CORPUS") or str(ROOT.parent / "shared" / "corpus")
        env = dict(os.environ, PYTHONPATH=str(tree), PYTHONDONTWRITEBYTECODE="1", GAZETTE_CORPUS=corpus,
                   QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
        cmd = [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *([] if keep_going else ["-x"]), *bug.tests]
        r = subprocess.run(cmd, cwd=tree, env=env, capture_output=True, text=True, timeout=1800)
        lines = [ln for ln in r.stdout.splitlines() if ln.strip()]
        failed = [ln for ln in lines if ln.startswith(("FAILED", "ERROR"))]
        summary = lines[-1] if lines else r.stderr.strip()[-200:]
        if verbose:
            print(r.stdout[-4000:], r.stderr[-2000:], sep="\n")
        failed = [ln.split(" - ")[0] for ln in failed]
        if r.returncode == 1:
            return "killed", ("\n     ".join(failed if keep_going else failed[:1]) or summary)
        if r.returncode == 0:
            return "SURVIVED", summary
        return "ERROR", f"pytest exit {r.returncode}: {summary}"


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("ids", nargs="*", help="bug ids to run (default: all)")
    ap.add_argument("--python", default=sys.executable, help="interpreter with the test dependencies")
    ap.add_argument("--keep-going", action="store_true", help="run every test, list every failure (no -x)")
    ap.add_argument("--no-baseline", action="store_true", help="skip the run on the unpatched tree")
    ap.add_argument("-v", "--verbose", action="store_true", help="show the test output")
    args = ap.parse_args(argv)
    chosen = [b for b in BUGS if not args.ids or b.id in args.ids]
    if not chosen:
        ap.error(f"unknown bug id; known: {', '.join(b.id for b in BUGS)}")
    bad = 0
    if not args.no_baseline:
        tests = sorted({t for b in chosen for t in b.tests if t.startswith("tests/")})
        verdict, detail = run_bug(Bug("0", "no bug (baseline)", "", "", "", tuple(tests)), args.python, args.verbose)
        print(f"  0  {'passes' if verdict == 'SURVIVED' else verdict}  the unpatched tree: {detail}", flush=True)
        if verdict != "SURVIVED":
            print("the tests fail without any bug: a kill would mean nothing")
            return 2
    for bug in chosen:
        start = time.monotonic()
        verdict, detail = run_bug(bug, args.python, args.verbose, args.keep_going)
        bad += verdict != "killed"
        print(f"{bug.id:>3}  {verdict:<11} {bug.what}  ({bug.path}, {time.monotonic() - start:.0f} s)")
        print(f"     {detail}", flush=True)
    print(f"{len(chosen) - bad} of {len(chosen)} killed")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
